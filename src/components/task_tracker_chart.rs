use super::{ChartCanvas, ChartFrame, FigureExport};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::charts::MeetingTasks;
use tien_do_core::format::format_int;
use tien_do_core::paint::tasks::{meeting_label, parts};
use tien_do_core::paint::Chart;
use tien_do_core::{Lang, Msg};

/// The Steering Committee's task tracker: at each meeting that published
/// task counts, one bar of the tasks assigned, split into completed, in
/// progress and overdue (and any remainder in none of the three). A count
/// that was not published is said to be so, never drawn as zero.
#[component]
pub fn TaskTrackerChart(
    /// One entry per meeting, oldest first (one chart per scope).
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
    let chart = Chart::Tasks(Arc::clone(&meetings));
    let label = format!("{}: {title}", Msg::TaskChart.text(lang));
    let as_of = meetings.last().map(|m| m.as_of.clone());
    let table = {
        let m = Arc::clone(&meetings);
        move || {
            let cell = |v: Option<u64>| {
                v.map_or_else(
                    || Msg::NotPublished.text(lang).to_string(),
                    |v| format_int(v, lang),
                )
            };
            let rows = m
                .iter()
                .map(|t| {
                    view! {
                        <tr>
                            <th scope="row">{meeting_label(t, lang)}</th>
                            <td class="num">{cell(t.assigned)}</td>
                            <td class="num">{cell(t.completed)}</td>
                            <td class="num">{cell(t.in_progress)}</td>
                            <td class="num">{cell(t.overdue)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table>
                    <thead><tr>
                        <th scope="col">{Msg::Meeting.text(lang)}</th>
                        <th scope="col" class="num">{Msg::TasksAssigned.text(lang)}</th>
                        <th scope="col" class="num">{Msg::TasksCompleted.text(lang)}</th>
                        <th scope="col" class="num">{Msg::TasksInProgress.text(lang)}</th>
                        <th scope="col" class="num">{Msg::TasksOverdue.text(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        }
    };
    let key = {
        let shown: Vec<_> = meetings.first().map(parts).into_iter().flatten().collect();
        let has_other = meetings.iter().any(|m| m.other.is_some());
        shown
            .into_iter()
            .filter(|(msg, ..)| *msg != Msg::OtherState || has_other)
            .map(|(msg, _, _, class)| {
                view! { <li><span class=format!("swatch bar {class}")></span>{msg.text(lang)}</li> }
            })
            .collect_view()
    };
    view! {
        <ChartFrame chart=chart.clone() export title class="task-tracker-chart" as_of lang table=ViewFn::from(table)>
            <ChartCanvas chart lang label />
            <ul class="chart-key">{key}</ul>
        </ChartFrame>
    }
}
