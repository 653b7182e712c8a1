use super::{ChartFrame, FigureExport};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::figures::trend::Trend;
use tien_do_core::figures::Chart;
use tien_do_core::Lang;

/// A province across the periods of one indicator (the trend figure),
/// framed with its tools, key, table and sources.
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
    let title = trend.title(lang);
    view! { <ChartFrame chart=Chart::shared(trend) title lang export /> }
}
