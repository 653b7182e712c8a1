use leptos::prelude::*;
use tien_do_core::format::{format_date, staleness_line};
use tien_do_core::{Lang, Msg};

/// How old the data is: "Data as of" the newest figure's day and, when
/// that day is more than six months before `today`, a plain sentence that
/// nothing newer is in the file, so no reader takes old numbers for
/// current ones.
#[component]
pub fn DataAgeNote(
    /// The newest figure's day (`YYYY-MM-DD`).
    #[prop(into)]
    newest: String,
    /// Today (`YYYY-MM-DD`): the reader's clock, or a test's.
    #[prop(into)]
    today: String,
    /// The language shown now.
    lang: Signal<Lang>,
) -> impl IntoView {
    move || {
        let l = lang.get();
        let stale = staleness_line(&newest, &today, l);
        view! {
            <p class="as-of-line">
                {Msg::AsOf.text(l)} ": " <time datetime=newest.clone()>{format_date(&newest, l)}</time>
            </p>
            {stale.map(|s| view! { <p class="stale-data" role="note">{s}</p> })}
        }
    }
}
