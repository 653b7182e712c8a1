use leptos::prelude::*;
use tien_do_core::data::Source;
use tien_do_core::Lang;

/// A source as "publisher: title", linked (in a new tab) only when its
/// address is http(s) — a `javascript:` URL in published data stays text.
#[component]
pub fn SourceLink(
    /// The source to cite.
    source: Source,
    /// The language to cite it in.
    lang: Lang,
) -> impl IntoView {
    let label = source.label(lang);
    match source.link() {
        Some(u) => {
            view! { <a href=u.to_string() rel="noopener" target="_blank">{label}</a> }.into_any()
        }
        None => view! { <span>{label}</span> }.into_any(),
    }
}
