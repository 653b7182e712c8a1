use super::{ChartCanvas, ChartFrame, FigureExport};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::charts::Ranking;
use tien_do_core::paint::Chart;
use tien_do_core::{Lang, Msg};

/// The provinces ranked on one indicator and period as horizontal bars,
/// best at the top, the selected province in orange, the average of the
/// provinces as a dashed line; a table of the same numbers.
#[component]
pub fn RankingChart(
    /// What to draw.
    ranking: Arc<Ranking>,
    /// The language shown.
    lang: Lang,
    /// Where its downloads and embed codes come from; none: no tools.
    #[prop(default = None, into)]
    export: Option<FigureExport>,
) -> impl IntoView {
    let chart = Chart::Ranking(Arc::clone(&ranking));
    let title = format!(
        "{} · {}",
        ranking.indicator.name.get(lang),
        ranking.period.label.get(lang)
    );
    let label = format!("{}: {title}", Msg::RankingChart.text(lang));
    let table = {
        let r = Arc::clone(&ranking);
        move || {
            let f = |v: f64| r.indicator.format_value(v, lang);
            let rows = r
                .bars
                .iter()
                .map(|b| {
                    view! {
                        <tr class:selected=b.selected>
                            <td class="num">{b.rank}</td>
                            <th scope="row">{b.name.get(lang).to_string()}</th>
                            <td class="num">{f(b.value)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let missing = (!r.not_published.is_empty()).then(|| {
                let names: Vec<&str> = r.not_published.iter().map(|t| t.get(lang)).collect();
                view! { <p>{Msg::NotPublished.text(lang)} ": " {names.join(", ")}</p> }
            });
            view! {
                <table>
                    <thead><tr>
                        <th scope="col" class="num">{Msg::Rank.text(lang)}</th>
                        <th scope="col">{Msg::Unit.text(lang)}</th>
                        <th scope="col" class="num">{Msg::Value.text(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot>{r.average.map(|a| view! {
                        <tr><td></td><th scope="row">{Msg::AverageOfUnits.text(lang)}</th><td class="num">{f(a)}</td></tr>
                    })}</tfoot>
                </table>
                {missing}
            }
        }
    };
    view! {
        <ChartFrame
            chart=chart.clone()
            export
            title
            class="ranking-chart"
            as_of=None
            lang
            table=ViewFn::from(table)
        >
            <ChartCanvas chart lang label />
        </ChartFrame>
    }
}
