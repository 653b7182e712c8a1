use crate::components::{FigureExport, TargetChart, TaskCountsCard, TaskTrackerChart};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::data::Text;
use tien_do_core::figure::{embed_state, Figure};
use tien_do_core::figures::targets::targets;
use tien_do_core::figures::tasks::ledger_name;
use tien_do_core::figures::tasks::{agency_tasks, task_tracker, MeetingTasks};
use tien_do_core::{Lang, Msg, ProgressData, UrlState};

/// The latest task counts of each ledger, one card each, with the line
/// that says the ledgers are never added or compared when there are
/// several.
pub fn latest_counts_cards(data: &Arc<ProgressData>, lang: Signal<Lang>) -> impl IntoView {
    let latest = data.latest_counts_by_ledger();
    let apart = (latest.len() > 1).then(|| {
        view! { <p class="ledgers-apart">{move || Msg::LedgersApart.text(lang.get())}</p> }
    });
    let cards = latest
        .into_iter()
        .map(|counts| {
            let meeting = data.meeting(&counts.meeting).cloned();
            let source = data.source(&counts.source).cloned();
            let ledger = counts
                .ledger
                .as_deref()
                .and_then(|id| ledger_name(data, id));
            let counts = counts.clone();
            view! { <TaskCountsCard counts ledger meeting source lang /> }
        })
        .collect_view();
    view! {
        <div class="ledger-cards">{cards}</div>
        {apart}
    }
}

/// The steering committees' tasks: the latest counts of each ledger, the
/// tracker at each meeting (one series per ledger), progress towards the published targets, and the counts per
/// agency where the data has them (the page says when it does not).
#[component]
pub fn TasksPage(
    /// The loaded data.
    data: Arc<ProgressData>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view, for the figures' embed codes.
    state: Signal<UrlState>,
) -> impl IntoView {
    let export = {
        let d = Arc::clone(&data);
        move |figure: Option<Figure>| FigureExport {
            data: Arc::clone(&d),
            embed: figure
                .map(|f| state.with_untracked(|s| embed_state(s, f, lang.get_untracked()))),
        }
    };
    let national = Arc::new(task_tracker(&data));
    let goals = Arc::new(targets(&data));
    // Per agency: one tracker each, in the order first published.
    let mut by_agency: Vec<(Text, Vec<MeetingTasks>)> = Vec::new();
    for (name, m) in agency_tasks(&data) {
        match by_agency.iter_mut().find(|(n, _)| *n == name) {
            Some((_, list)) => list.push(m),
            None => by_agency.push((name, vec![m])),
        }
    }
    let latest = latest_counts_cards(&data, lang);
    let charts = move || {
        let l = lang.get();
        let tracker = if national.is_empty() {
            view! { <p class="chart-note">{Msg::NoTaskData.text(l)}</p> }.into_any()
        } else {
            view! {
                <TaskTrackerChart meetings=Arc::clone(&national) title=Msg::TrackerTitle.text(l) lang=l export=export(Some(Figure::Tasks)) />
            }
            .into_any()
        };
        let goals_view = (!goals.is_empty()).then(|| {
            view! { <TargetChart bars=Arc::clone(&goals) title=Msg::TargetsTitle.text(l) lang=l export=export(Some(Figure::Targets)) /> }
        });
        let agencies = if by_agency.is_empty() {
            view! { <p class="chart-note">{Msg::NoAgencyData.text(l)}</p> }.into_any()
        } else {
            by_agency
                .iter()
                .map(|(name, list)| {
                    let mut list = list.clone();
                    list.sort_by(|a, b| a.meeting.date.cmp(&b.meeting.date));
                    view! {
                        <TaskTrackerChart meetings=Arc::new(list) title=name.get(l).to_string() lang=l export=export(None) />
                    }
                })
                .collect_view()
                .into_any()
        };
        view! {
            <div class="chart-grid">
                {tracker}
                {goals_view}
            </div>
            <section class="by-agency">
                <h2>{Msg::ByAgency.text(l)}</h2>
                {agencies}
            </section>
        }
    };
    view! {
        <article class="page tasks">
            <h1>{move || Msg::TasksPageTitle.text(lang.get())}</h1>
            {latest}
            {charts}
        </article>
    }
}
