use leptos::prelude::*;
use tien_do_core::{Lang, Msg};

/// Grey placeholders in the shape of the page while the data loads, with a
/// text for screen readers.
#[component]
pub fn LoadingSkeleton(
    /// The language shown now.
    lang: Signal<Lang>,
) -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">{move || Msg::Loading.text(lang.get())}</p>
            <div class="sk sk-title"></div>
            <div class="sk-row">
                <div class="sk sk-card"></div>
                <div class="sk sk-card"></div>
                <div class="sk sk-card"></div>
                <div class="sk sk-card"></div>
            </div>
            <div class="sk sk-block"></div>
        </div>
    }
}
