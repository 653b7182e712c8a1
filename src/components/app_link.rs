use leptos::ev::MouseEvent;
use leptos::prelude::*;
use tien_do_core::UrlState;

/// A link to another view of the app. It is a real `<a href="?…">`, so it
/// can be opened in a new tab, copied or shared; a plain click changes the
/// view without reloading the page.
#[component]
pub fn AppLink(
    /// The view the link leads to.
    #[prop(into)]
    to: Signal<UrlState>,
    /// Called with the target view on a plain click.
    on_navigate: Callback<UrlState>,
    /// Set `aria-current="page"` when this is the view shown.
    #[prop(into, optional)]
    current: Signal<bool>,
    /// Extra CSS class.
    #[prop(optional)]
    class: &'static str,
    /// Language of the link text, when it differs from the page's.
    #[prop(optional)]
    hreflang: Option<&'static str>,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    // `to` may be derived inside a closure that re-runs on the same URL
    // change that re-runs this one: a link about to be replaced then reads
    // nothing rather than a disposed signal.
    let href = move || {
        let q = to.try_with(UrlState::to_query).unwrap_or_default();
        if q.is_empty() {
            // An empty href would keep the current query; "?" clears it.
            "?".to_string()
        } else {
            q
        }
    };
    let on_click = move |ev: MouseEvent| {
        if crate::browser::plain_click(&ev) {
            if let Some(target) = to.try_get_untracked() {
                ev.prevent_default();
                on_navigate.run(target);
            }
        }
    };
    view! {
        <a
            href=href
            class=class
            hreflang=hreflang
            lang=hreflang
            aria-current=move || current.get().then_some("page")
            on:click=on_click
        >
            {children()}
        </a>
    }
}
