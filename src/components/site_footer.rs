use super::SourceLink;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::format::format_date;
use tien_do_core::url_state::safe_link;
use tien_do_core::{Lang, Msg, ProgressData};

/// The footer: the data's "as of" date and sources once loaded, and always
/// the address of the data file.
#[component]
pub fn SiteFooter(
    /// The language shown now.
    lang: Signal<Lang>,
    /// The loaded data, if it loaded.
    data: Signal<Option<Arc<ProgressData>>>,
    /// The address the data was fetched from.
    #[prop(into)]
    data_url: Signal<String>,
) -> impl IntoView {
    let about = move || {
        let l = lang.get();
        data.get().map(|d| {
            let newest = d.newest_figure_date().to_string();
            let sources = d
                .sources
                .iter()
                .map(|s| view! { <li><SourceLink source=s.clone() lang=l /></li> })
                .collect_view();
            view! {
                <p class="as-of">
                    {Msg::AsOf.text(l)} ": " <time datetime=newest.clone()>{format_date(&newest, l)}</time>
                </p>
                <details class="sources-list">
                    <summary>{format!("{} ({})", Msg::Sources.text(l), d.sources.len())}</summary>
                    <ul class="sources">{sources}</ul>
                </details>
            }
        })
    };
    view! {
        <footer class="site-footer">
            {about}
            <p class="data-file">
                {move || Msg::DataFile.text(lang.get())} ": "
                // Only a relative or http(s) address is a link.
                {move || {
                    let url = data_url.get();
                    match safe_link(&url) {
                        Some(u) => view! { <a href=u.to_string()>{url.clone()}</a> }.into_any(),
                        None => view! { <code>{url.clone()}</code> }.into_any(),
                    }
                }}
            </p>
            <p class="feed-link">
                <a
                    href=move || lang.get().feed_file()
                    type="application/atom+xml"
                >
                    {move || Msg::FeedLink.text(lang.get())}
                </a>
            </p>
        </footer>
    }
}
