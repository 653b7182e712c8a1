use super::{AppLink, LanguageSwitch};
use leptos::prelude::*;
use tien_do_core::{Lang, Msg, Page, UrlState};

/// The top bar: the project's name (a link home) and the language switch.
#[component]
pub fn SiteHeader(
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view.
    state: Signal<UrlState>,
    /// Called when a link in the header is followed.
    on_navigate: Callback<UrlState>,
) -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="brand">
                <AppLink
                    to=Signal::derive(move || state.with(|s| s.with_page(Page::Overview)))
                    on_navigate=on_navigate
                    class="brand-name"
                >
                    {move || Msg::AppTitle.text(lang.get())}
                </AppLink>
                <span class="brand-tagline">{move || Msg::AppTagline.text(lang.get())}</span>
            </div>
            <LanguageSwitch lang=lang state=state on_navigate=on_navigate />
        </header>
    }
}
