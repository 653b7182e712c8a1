use super::{ChartCanvas, ChartFrame, FigureExport};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::charts::MeetingTasks;
use tien_do_core::format::format_int;
use tien_do_core::paint::tasks::{meeting_label, parts};
use tien_do_core::paint::Chart;
use tien_do_core::{Lang, Msg};

/// The task tracker: at each meeting that published task counts, one bar
/// of the tasks assigned, split into completed, in progress and overdue
/// (and any remainder in none of the three); one series per ledger, each
/// under its own heading, never joined. A count that was not published is
/// said to be so, never drawn as zero.
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
                    let ledger = t.ledger.as_ref().map(|x| x.heading(lang)).unwrap_or_default();
                    view! {
                        <tr>
                            <td>{ledger}</td>
                            <th scope="row">{meeting_label(t, lang)}</th>
                            <td class="num">{cell(t.assigned)}</td>
                            <td class="num">{cell(t.completed)}</td>
                            <td class="num">{cell(t.in_progress)}</td>
                            <td class="num">{cell(t.overdue)}</td>
                            <td class="num">{t.other.map(|v| format_int(v, lang)).unwrap_or_default()}</td>
                            <td>{t.scope.get(lang).to_string()}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table>
                    <thead><tr>
                        <th scope="col">{Msg::Ledger.text(lang)}</th>
                        <th scope="col">{Msg::Meeting.text(lang)}</th>
                        <th scope="col" class="num">{Msg::TasksAssigned.text(lang)}</th>
                        <th scope="col" class="num">{Msg::TasksCompleted.text(lang)}</th>
                        <th scope="col" class="num">{Msg::TasksInProgress.text(lang)}</th>
                        <th scope="col" class="num">{Msg::TasksOverdue.text(lang)}</th>
                        <th scope="col" class="num">{Msg::OtherState.text(lang)}</th>
                        <th scope="col">{Msg::Note.text(lang)}</th>
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
    // Each series' scope lines, under the chart, so the bases show.
    let scopes = {
        let mut seen: Vec<String> = Vec::new();
        for m in meetings.iter() {
            let s = m.scope.get(lang).trim().to_string();
            if !s.is_empty() && !seen.contains(&s) {
                seen.push(s);
            }
        }
        let several = meetings
            .iter()
            .filter_map(|m| m.ledger.as_ref().map(|l| &l.id))
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            > 1;
        view! {
            <ul class="chart-scopes">{seen.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
            {several.then(|| view! { <p class="ledgers-apart">{Msg::LedgersApart.text(lang)}</p> })}
        }
    };
    view! {
        <ChartFrame chart=chart.clone() export title class="task-tracker-chart" as_of lang table=ViewFn::from(table)>
            <ChartCanvas chart lang label />
            <ul class="chart-key">{key}</ul>
            {scopes}
        </ChartFrame>
    }
}
