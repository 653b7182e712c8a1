use super::AppLink;
use leptos::prelude::*;
use tien_do_core::{Lang, Msg, UrlState};

/// The Vietnamese/English switch: one link per language, each a shareable
/// URL with `?lang=`; the current one is marked for screen readers.
#[component]
pub fn LanguageSwitch(
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view, so switching language keeps it.
    state: Signal<UrlState>,
    /// Called with the same view in the other language.
    on_navigate: Callback<UrlState>,
) -> impl IntoView {
    view! {
        <nav class="lang-switch" aria-label=move || Msg::LanguageSwitch.text(lang.get())>
            {Lang::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <AppLink
                            to=Signal::derive(move || state.with(|s| s.with_lang(l)))
                            on_navigate=on_navigate
                            current=Signal::derive(move || lang.get() == l)
                            hreflang=l.code()
                            class="lang-option"
                        >
                            {l.native_name()}
                        </AppLink>
                    }
                })
                .collect_view()}
        </nav>
    }
}
