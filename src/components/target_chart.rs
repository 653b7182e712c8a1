use super::{ChartCanvas, ChartFrame, FigureExport};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::charts::{figure_text, TargetBar};
use tien_do_core::format::{format_date, format_number};
use tien_do_core::paint::Chart;
use tien_do_core::{Lang, Msg};

/// Progress towards targets: each national figure published with a total
/// or a target (58 of 75 essential services, 30 of 34 smart-city centres)
/// as a bar filled to its share, with the figure's label above it.
#[component]
pub fn TargetChart(
    /// The bars, in the order shown.
    bars: Arc<Vec<TargetBar>>,
    /// The chart's title.
    #[prop(into)]
    title: String,
    /// The language shown.
    lang: Lang,
    /// Where its downloads and embed codes come from; none: no tools.
    #[prop(default = None, into)]
    export: Option<FigureExport>,
) -> impl IntoView {
    let chart = Chart::Targets(Arc::clone(&bars));
    let label = format!("{}: {title}", Msg::TargetChart.text(lang));
    let table = {
        let b = Arc::clone(&bars);
        move || {
            let rows =
                b.iter()
                    .map(|x| {
                        let meeting = x.meeting.as_ref().map(|m| {
                            format!("{} ({})", m.name.get(lang), format_date(&m.date, lang))
                        });
                        view! {
                            <tr>
                                <th scope="row">{x.figure.label.get(lang).to_string()}</th>
                                <td class="num">{figure_text(&x.figure, lang)}</td>
                                <td class="num">{format_number(x.share, 1, true, lang)}</td>
                                <td>{meeting}</td>
                            </tr>
                        }
                    })
                    .collect_view();
            view! {
                <table>
                    <thead><tr>
                        <th scope="col">{Msg::Figure.text(lang)}</th>
                        <th scope="col" class="num">{Msg::Value.text(lang)}</th>
                        <th scope="col" class="num">{Msg::Share.text(lang)}</th>
                        <th scope="col">{Msg::Meeting.text(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        }
    };
    view! {
        <ChartFrame chart=chart.clone() export title class="target-chart" as_of=None lang table=ViewFn::from(table)>
            <ChartCanvas chart lang label />
        </ChartFrame>
    }
}
