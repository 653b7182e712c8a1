use super::{ChartFrame, FigureExport};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::figures::tasks::{MeetingTasks, Tracker};
use tien_do_core::figures::Chart;
use tien_do_core::Lang;

/// The task tracker (one series per ledger), framed with its tools, key,
/// scope lines, table and sources.
#[component]
pub fn TaskTrackerChart(
    /// One entry per meeting, each ledger's oldest first.
    meetings: Arc<Vec<MeetingTasks>>,
    /// The chart's title.
    #[prop(into)]
    title: String,
    /// The language shown.
    lang: Lang,
    /// Where its downloads and embed codes come from; none: no tools.
    #[prop(default = None, into)]
    export: Option<FigureExport>,
) -> impl IntoView {
    let chart = Chart::from(Tracker {
        rows: meetings.to_vec(),
    });
    view! { <ChartFrame chart title lang export /> }
}
