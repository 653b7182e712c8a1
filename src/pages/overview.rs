use crate::components::{AppLink, TaskCountsCard};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::{Lang, Msg, Page, ProgressData, UrlState};

/// The overview: the dataset's title and the latest national figures.
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
    let tasks = move || {
        let d = &data;
        d.latest_task_counts().cloned().map(|counts| {
            let meeting = d.meeting(&counts.meeting).cloned();
            let source = d.source(&counts.source).cloned();
            view! { <TaskCountsCard counts meeting source lang /> }
        })
    };
    view! {
        <article class="page overview">
            <h1>{move || title.get(lang.get()).to_string()}</h1>
            <p class="lede">{move || Msg::NationalFigures.text(lang.get())}</p>
            {tasks}
            <p class="next">
                <AppLink
                    to=Signal::derive(move || state.with(|s| s.with_page(Page::Tasks)))
                    on_navigate=on_navigate
                >
                    {move || Msg::NavTasks.text(lang.get())} " →"
                </AppLink>
            </p>
        </article>
    }
}
