use super::{ChartFrame, FigureExport};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::figures::targets::{TargetBar, Targets};
use tien_do_core::figures::Chart;
use tien_do_core::Lang;

/// Progress towards targets (each national figure with a total or target
/// as a bar of its share), framed with its tools, table and sources.
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
    let chart = Chart::from(Targets {
        bars: bars.to_vec(),
    });
    view! { <ChartFrame chart title lang export /> }
}
