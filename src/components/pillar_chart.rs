use super::{ChartCanvas, ChartFrame, FigureExport};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::charts::Pillar;
use tien_do_core::data::{self, Period};
use tien_do_core::paint::Chart;
use tien_do_core::{Lang, Msg};

/// One province's profile on the pillars of an index (the 8 DTI pillars):
/// a bar per pillar, with the average of the provinces marked on it as a
/// black tick, so "above or below the average" reads at a glance.
#[component]
pub fn PillarChart(
    /// The pillars, in the index's order.
    pillars: Arc<Vec<Pillar>>,
    /// The province's name.
    name: data::Text,
    /// The period the values are for.
    period: Period,
    /// The language shown.
    lang: Lang,
    /// Where its downloads and embed codes come from; none: no tools.
    #[prop(default = None, into)]
    export: Option<FigureExport>,
) -> impl IntoView {
    let who = name.get(lang).to_string();
    let chart = Chart::Pillars {
        pillars: Arc::clone(&pillars),
        name: name.clone(),
        period: period.clone(),
    };
    let title = format!(
        "{} · {} · {}",
        Msg::PillarProfile.text(lang),
        who,
        period.label.get(lang)
    );
    let label = format!("{}: {title}", Msg::PillarChart.text(lang));
    let table = {
        let p = Arc::clone(&pillars);
        move || {
            let rows = p
                .iter()
                .map(|x| {
                    let f = |v: Option<f64>| x.indicator.format_or_unpublished(v, lang);
                    let rank = x.rank.map(|r| format!("{r}/{}", x.of));
                    view! {
                        <tr>
                            <th scope="row">{x.indicator.name.get(lang).to_string()}</th>
                            <td class="num">{f(x.value)}</td>
                            <td class="num">{f(x.average)}</td>
                            <td class="num">{rank}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table>
                    <thead><tr>
                        <th scope="col">{Msg::Pillar.text(lang)}</th>
                        <th scope="col" class="num">{Msg::Value.text(lang)}</th>
                        <th scope="col" class="num">{Msg::AverageOfUnits.text(lang)}</th>
                        <th scope="col" class="num">{Msg::Rank.text(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        }
    };
    let key = view! {
        <ul class="chart-key">
            <li><span class="swatch bar own"></span>{who}</li>
            <li><span class="swatch tick"></span>{Msg::AverageOfUnits.text(lang)}</li>
        </ul>
    };
    view! {
        <ChartFrame chart=chart.clone() export title class="pillar-chart" as_of=None lang table=ViewFn::from(table)>
            <ChartCanvas chart lang label />
            {key}
        </ChartFrame>
    }
}
