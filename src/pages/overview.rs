use crate::browser;
use crate::components::{AppLink, DataAgeNote, SourceLink};
use crate::pages::tasks::latest_counts_cards;
use crate::pages::{HeadlineMap, MapView};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::charts::{figure_text as figure_value, meeting_changes};
use tien_do_core::data::{Meeting, NationalFigure};
use tien_do_core::format::format_date;
use tien_do_core::{Lang, Msg, Page, ProgressData, UrlState};

/// One national figure as a card: label, value, scope, meeting and day,
/// source; and the previous value of the same measure, if one was reported.
fn figure_card(
    data: &ProgressData,
    f: &NationalFigure,
    previous: Option<&(NationalFigure, Meeting)>,
    lang: Lang,
) -> impl IntoView {
    let meeting = data
        .meeting(&f.meeting)
        .map(|m| format!("{} · {}", m.name.get(lang), format_date(&f.as_of, lang)));
    let source = data
        .source(&f.source)
        .cloned()
        .map(|s| view! { <p class="cite">{Msg::Source.text(lang)} ": " <SourceLink source=s lang /></p> });
    let scope = f.scope.as_ref().map(|s| s.get(lang).to_string());
    let before = previous.map(|(p, m)| {
        view! {
            <p class="figure-previous">
                {Msg::Previously.text(lang)} ": " <strong>{figure_value(p, lang)}</strong>
                {format!(" ({}, {})", m.name.get(lang), format_date(&p.as_of, lang))}
            </p>
        }
    });
    // A caveat the source gave with the figure, beside it.
    let caveat = f
        .note
        .as_ref()
        .map(|n| n.get(lang).trim().to_string())
        .filter(|n| !n.is_empty())
        .map(|n| view! { <p class="figure-note">{Msg::Caveat.text(lang)} ": " {n}</p> });
    view! {
        <li class="national-figure" class:headline=f.headline>
            <p class="figure-label">{f.label.get(lang).to_string()}</p>
            <p class="figure-value">{figure_value(f, lang)}</p>
            {caveat}
            {before}
            <p class="figure-meta">{scope.map(|s| format!("{s} · "))}{meeting}</p>
            {source}
        </li>
    }
}

/// The overview: the latest national figures with what changed since the
/// meeting before, the latest task counts, the headline indicator's map and
/// ranking, and every figure by meeting.
#[component]
pub fn OverviewPage(
    /// The loaded data.
    data: Arc<ProgressData>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view.
    state: Signal<UrlState>,
    /// Called when a link on the page is followed.
    on_navigate: Callback<UrlState>,
) -> impl IntoView {
    let title = data.title.clone();
    let newest = data.newest_figure_date().to_string();
    let tasks = (!data.task_counts.is_empty()).then(|| {
        view! {
            <section class="tasks-done">
                <h2>{move || Msg::TasksDone.text(lang.get())}</h2>
                {latest_counts_cards(&data, lang)}
            </section>
        }
    });
    let latest = {
        let d = Arc::clone(&data);
        move || {
            let l = lang.get();
            let c = meeting_changes(&d)?;
            // The publisher's headline figures first (all of them when none
            // is marked); the rest of the meeting's figures one click away.
            let marked = c.figures.iter().any(|x| x.latest.headline);
            let (lead, rest): (Vec<_>, Vec<_>) =
                c.figures.iter().partition(|x| !marked || x.latest.headline);
            let cards = lead
                .iter()
                .map(|x| figure_card(&d, &x.latest, x.previous.as_ref(), l))
                .collect_view();
            let more = (!rest.is_empty()).then(|| {
                let n = rest.len();
                let cards = rest
                    .iter()
                    .map(|x| figure_card(&d, &x.latest, x.previous.as_ref(), l))
                    .collect_view();
                view! {
                    <details class="more-figures">
                        <summary>{format!("{} ({})", Msg::MoreFiguresOfMeeting.text(l), n + lead.len())}</summary>
                        <ul class="figure-grid">{cards}</ul>
                    </details>
                }
            });
            let compared = c.figures.iter().any(|x| x.previous.is_some());
            // Figures of the latest meeting reported before: each change.
            let changes = compared.then(|| {
                let items = c
                    .figures
                    .iter()
                    .filter_map(|x| {
                        let (p, m) = x.previous.as_ref()?;
                        Some(view! {
                            <li>
                                <p class="figure-label">{x.latest.label.get(l).to_string()}</p>
                                <ol class="history">
                                    <li><strong>{figure_value(p, l)}</strong>
                                        {format!(" · {} · {}", m.name.get(l), format_date(&p.as_of, l))}</li>
                                    <li><strong>{figure_value(&x.latest, l)}</strong>
                                        {format!(" · {} · {}", c.latest.name.get(l), format_date(&x.latest.as_of, l))}</li>
                                </ol>
                            </li>
                        })
                    })
                    .collect_view();
                view! { <ul class="tracked">{items}</ul> }
            });
            // Nothing at the latest meeting repeats an earlier figure: show
            // the figures that were reported at several meetings instead.
            let tracked = (!compared).then(|| {
                if c.tracked.is_empty() {
                    return view! { <p>{Msg::NoChangeData.text(l)}</p> }.into_any();
                }
                let items = c
                    .tracked
                    .iter()
                    .map(|h| {
                        let steps = h
                            .iter()
                            .map(|(f, m)| {
                                view! {
                                    <li>
                                        <strong>{figure_value(f, l)}</strong>
                                        {format!(" · {} · {}", m.name.get(l), format_date(&f.as_of, l))}
                                    </li>
                                }
                            })
                            .collect_view();
                        let label = h.last().map(|(f, _)| f.label.get(l).to_string());
                        view! { <li><p class="figure-label">{label}</p><ol class="history">{steps}</ol></li> }
                    })
                    .collect_view();
                view! {
                    <p>{Msg::NoRepeatedFigures.text(l)}</p>
                    <ul class="tracked">{items}</ul>
                }
                .into_any()
            });
            Some(view! {
                <section class="latest-figures">
                    <h2>{Msg::LatestFigures.text(l)} ": " {c.latest.name.get(l).to_string()}
                        {format!(" ({})", format_date(&c.latest.date, l))}</h2>
                    <ul class="figure-grid">{cards}</ul>
                    {more}
                </section>
                <section class="what-changed">
                    <h2>{Msg::WhatChanged.text(l)}</h2>
                    {changes}
                    {tracked}
                </section>
            })
        }
    };
    let all_figures = {
        let d = Arc::clone(&data);
        move || {
            let l = lang.get();
            let mut meetings: Vec<&Meeting> = d
                .meetings
                .iter()
                .filter(|m| d.national_figures.iter().any(|f| f.meeting == m.id))
                .collect();
            meetings.sort_by(|a, b| b.date.cmp(&a.date));
            let groups = meetings
                .into_iter()
                .map(|m| {
                    let cards = d
                        .national_figures
                        .iter()
                        .filter(|f| f.meeting == m.id)
                        .map(|f| figure_card(&d, f, None, l))
                        .collect_view();
                    view! {
                        <details class="meeting-figures">
                            <summary>{format!("{} ({})", m.name.get(l), format_date(&m.date, l))}</summary>
                            <ul class="figure-grid">{cards}</ul>
                        </details>
                    }
                })
                .collect_view();
            view! {
                <section class="all-figures">
                    <h2>{Msg::AllFigures.text(l)}</h2>
                    {groups}
                </section>
            }
        }
    };
    // Every meeting's figures (collapsed, hundreds of elements) are built
    // once the headline map is on screen, so that they do not hold it back.
    let map = MapView::new(&data, state, lang);
    let settled = map.settled();
    let all_figures = move || settled.get().then(all_figures.clone());
    view! {
        <article class="page overview">
            <h1>{move || title.get(lang.get()).to_string()}</h1>
            <DataAgeNote newest today=browser::today() lang />
            <p class="lede">{move || Msg::NationalFigures.text(lang.get())}</p>
            {tasks}
            {latest}
            <p class="next">
                <AppLink
                    to=Signal::derive(move || state.with(|s| s.with_page(Page::Tasks)))
                    on_navigate=on_navigate
                >
                    {move || Msg::NavTasks.text(lang.get())} " →"
                </AppLink>
            </p>
            <HeadlineMap data=Arc::clone(&data) lang state on_navigate view=map />
            {all_figures}
        </article>
    }
}
