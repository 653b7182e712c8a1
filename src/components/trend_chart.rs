use super::{ChartCanvas, ChartFrame, FigureExport};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::charts::Trend;
use tien_do_core::paint::Chart;
use tien_do_core::{Lang, Msg};

/// A province across the periods of one indicator: its own line, the lines
/// of the provinces it was formed from (dashed, over the periods before the
/// merger), the average of the provinces (grey, dotted), and the boundary
/// change of July 2025 marked between the periods of the two unit sets.
/// Values of different unit sets are never joined into one line.
#[component]
pub fn TrendChart(
    /// What to draw.
    trend: Arc<Trend>,
    /// The language shown.
    lang: Lang,
    /// Where its downloads and embed codes come from; none: no tools.
    #[prop(default = None, into)]
    export: Option<FigureExport>,
) -> impl IntoView {
    let chart = Chart::Trend(Arc::clone(&trend));
    let title = format!(
        "{} · {}",
        trend.indicator.name.get(lang),
        Msg::Trend.text(lang)
    );
    let label = format!("{}: {}", Msg::TrendChart.text(lang), title);
    let key = {
        let own = trend.lines.first().map(|l| l.name.get(lang).to_string());
        let former = trend.lines.len() > 1;
        view! {
            <ul class="chart-key">
                {own.map(|n| view! { <li><span class="swatch line own"></span>{n}</li> })}
                {former.then(|| view! {
                    <li><span class="swatch line former"></span>{Msg::FormerProvinces.text(lang)}</li>
                })}
                <li><span class="swatch line average"></span>{Msg::AverageOfUnits.text(lang)}</li>
                {trend.boundary_change.map(|_| view! {
                    <li><span class="swatch rule"></span>{Msg::MergerMark.text(lang)}</li>
                })}
            </ul>
        }
    };
    let table = {
        let t = Arc::clone(&trend);
        move || {
            let f = |v: Option<f64>| {
                v.map_or_else(|| "–".to_string(), |v| t.indicator.format_value(v, lang))
            };
            let head = t
                .periods
                .iter()
                .map(|p| view! { <th scope="col" class="num">{p.label.get(lang).to_string()}</th> })
                .collect_view();
            let rows = t
                .lines
                .iter()
                .map(|l| {
                    let cells = l
                        .values
                        .iter()
                        .map(|v| view! { <td class="num">{f(*v)}</td> })
                        .collect_view();
                    let name = if l.former {
                        format!("{} ({})", l.name.get(lang), Msg::FormerProvince.text(lang))
                    } else {
                        l.name.get(lang).to_string()
                    };
                    view! { <tr><th scope="row">{name}</th>{cells}</tr> }
                })
                .collect_view();
            let avg = t
                .average
                .iter()
                .map(|v| view! { <td class="num">{f(*v)}</td> })
                .collect_view();
            view! {
                <table>
                    <thead><tr><th scope="col">{Msg::Unit.text(lang)}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr><th scope="row">{Msg::AverageOfUnits.text(lang)}</th>{avg}</tr></tfoot>
                </table>
                <p class="chart-note">{Msg::NotPublishedDash.text(lang)}</p>
            }
        }
    };
    view! {
        <ChartFrame
            chart=chart.clone()
            export
            title
            class="trend-chart"
            as_of=None
            lang
            table=ViewFn::from(table)
        >
            <ChartCanvas chart lang label />
            {key}
        </ChartFrame>
    }
}
