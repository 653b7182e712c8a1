use crate::browser;
use leptos::html;
use leptos::prelude::*;
use tien_do_core::{Lang, Msg};

/// The address of the view shown, in a field that selects itself, with a
/// button that copies it. Where the browser refuses to copy, the field is
/// selected so the reader can copy it by hand.
#[component]
pub fn ShareLink(
    /// The language shown.
    lang: Lang,
) -> impl IntoView {
    let input = NodeRef::<html::Input>::new();
    let status = RwSignal::new(None::<Msg>);
    // Read when drawn: the view is redrawn whenever the address changes.
    let href = browser::current_href();
    let copy = move |_| {
        let text = browser::current_href();
        leptos::task::spawn_local(async move {
            let ok = browser::copy_text(&text).await;
            // The view may have changed while the browser answered: this
            // component may be gone, so nothing here may panic.
            if !ok {
                if let Some(Some(i)) = input.try_get_untracked() {
                    i.select();
                }
            }
            status.try_set(Some(if ok { Msg::LinkCopied } else { Msg::CopyFailed }));
        });
    };
    view! {
        <div class="share-link">
            <input
                node_ref=input
                type="text"
                readonly
                value=href
                aria-label=Msg::LinkToView.text(lang)
                on:focus=move |_| {
                    if let Some(i) = input.get_untracked() {
                        i.select();
                    }
                }
            />
            <button type="button" on:click=copy>{Msg::CopyLink.text(lang)}</button>
            <span class="share-status" aria-live="polite">{move || status.get().map(|m| m.text(lang))}</span>
        </div>
    }
}
