use crate::app::page_name;
use leptos::prelude::*;
use tien_do_core::{Lang, Msg, Page};

/// A page that is not built yet: its name and what it will show.
#[component]
pub fn ComingPage(
    /// Which page.
    page: Page,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The selected province, shown on the province page.
    province: Signal<Option<String>>,
) -> impl IntoView {
    let what = match page {
        Page::Map => Msg::ComingMap,
        Page::Province => Msg::ComingProvince,
        Page::Tasks => Msg::ComingTasks,
        Page::Embed | Page::Overview | Page::Data => Msg::ComingEmbed,
    };
    view! {
        <article class=format!("page coming page-{}", page.slug())>
            <h1>{move || page_name(page).text(lang.get())}</h1>
            <p class="badge">{move || Msg::Coming.text(lang.get())}</p>
            <p>{move || what.text(lang.get())}</p>
            {move || (page == Page::Province).then(|| province.get()).flatten().map(|code| view! {
                <p class="selected-province">{Msg::ProvinceCode.text(lang.get())} ": " <code>{code}</code></p>
            })}
        </article>
    }
}
