use leptos::error::Errors;
use leptos::prelude::*;
use tien_do_core::{Lang, LoadError, Msg};

/// The first error an `<ErrorBoundary>` caught, as a [`LoadError`] (an
/// error of another kind, which the app does not throw, reads as a network
/// failure of `url` rather than as nothing).
pub fn first_load_error(errors: &Errors, url: &str) -> Option<LoadError> {
    errors
        .iter()
        .next()
        .map(|(_, e)| match e.downcast_ref::<LoadError>() {
            Some(load) => load.clone(),
            None => LoadError::Network {
                url: url.to_string(),
            },
        })
}

/// Why the data could not be shown, in the reader's language, with the data
/// address and a button to try again. Announced to screen readers.
#[component]
pub fn LoadErrorPanel(
    /// The error to explain; `None` draws nothing.
    error: Signal<Option<LoadError>>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The address the data was fetched from.
    #[prop(into)]
    data_url: Signal<String>,
    /// Whether a retry is under way (the button then says so).
    #[prop(into)]
    retrying: Signal<bool>,
    /// Called when the reader asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    move || {
        error.get().map(|e| {
            let l = lang.get();
            let detail = e.detail().map(|d| {
                view! {
                    <details class="error-detail">
                        <summary>{Msg::TechnicalDetail.text(l)}</summary>
                        <code>{d.to_string()}</code>
                    </details>
                }
            });
            let (title, url) = match e {
                LoadError::Boundaries { .. } => (Msg::MapErrorTitle, Msg::BoundaryFileUrl),
                _ => (Msg::ErrorTitle, Msg::ErrorDataUrl),
            };
            view! {
                <section class="load-error" role="alert" aria-live="assertive">
                    <h1>{title.text(l)}</h1>
                    <p class="error-message">{e.message(l)}</p>
                    <p class="error-url">
                        {url.text(l)} ": " <code>{move || data_url.get()}</code>
                    </p>
                    {detail}
                    <button
                        type="button"
                        class="retry"
                        disabled=move || retrying.get()
                        aria-busy=move || retrying.get().to_string()
                        on:click=move |_| on_retry.run(())
                    >
                        {move || if retrying.get() { Msg::Loading.text(l) } else { Msg::Retry.text(l) }}
                    </button>
                </section>
            }
        })
    }
}
