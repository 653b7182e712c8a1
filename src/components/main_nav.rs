use super::AppLink;
use leptos::prelude::*;
use tien_do_core::{Lang, Msg, Page, UrlState};

/// The main navigation: one link per page; the current one is marked.
#[component]
pub fn MainNav(
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view.
    state: Signal<UrlState>,
    /// Called with the target view when a link is followed.
    on_navigate: Callback<UrlState>,
) -> impl IntoView {
    view! {
        <nav class="main-nav" aria-label=move || Msg::MainNav.text(lang.get())>
            <ul>
                {Page::ALL
                    .into_iter()
                    // Embeds are reached from each figure's Embed button.
                    .filter(|p| *p != Page::Embed)
                    .map(|p| {
                        view! {
                            <li>
                                <AppLink
                                    to=Signal::derive(move || state.with(|s| s.with_page(p)))
                                    on_navigate=on_navigate
                                    current=Signal::derive(move || state.with(|s| s.page == p))
                                >
                                    {move || p.name().text(lang.get())}
                                </AppLink>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
