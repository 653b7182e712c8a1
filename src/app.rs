//! The shell: header, navigation, the page for the URL, footer. It owns the
//! URL state and the data resource; pages and components get plain data or
//! signals.

use crate::browser;
use crate::components::{
    first_load_error, DataProblemsNotice, LoadErrorPanel, LoadingSkeleton, MainNav, SiteFooter,
    SiteHeader,
};
use crate::fetch::load_progress;
use crate::pages::{DataPage, EmbedPage, MapPage, OverviewPage, ProvincePage, TasksPage};
use crate::theme::Dark;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::figure::{embed_data_allowed, Figure};
use tien_do_core::format::format_date;
use tien_do_core::url_state::effective_lang;
use tien_do_core::validate::validate;
use tien_do_core::{Lang, LoadError, Msg, Page, ProgressData, UrlState};

/// The whole app, as mounted on `<body>`.
#[component]
pub fn App() -> impl IntoView {
    // An embed page (`embed-map.html`…) says its figure on `<html>`.
    let embedded = browser::embed_figure().and_then(|f| Figure::from_slug(&f));
    let read_url = move || {
        let mut state = UrlState::from_query(&browser::current_query());
        if let Some(figure) = embedded {
            state.page = Page::Embed;
            state.figure = Some(figure);
        }
        // A frame on the site's address shows the site's own data only.
        if state.page == Page::Embed && !state.data.as_deref().is_none_or(embed_data_allowed) {
            state.data = None;
        }
        state
    };
    let url = RwSignal::new(read_url());
    // Back and forward buttons: the address bar is the truth.
    let _ = window_event_listener(leptos::ev::popstate, move |_| url.set(read_url()));
    let is_embed = url.with_untracked(|u| u.page == Page::Embed);

    // Embeds follow `?theme=` (by default the reader's system); the full
    // site is light.
    let system_dark = browser::prefers_dark();
    let dark = Memo::new(move |_| {
        is_embed && url.with(|u| u.theme.unwrap_or_default().is_dark(system_dark))
    });
    provide_context(Dark(dark.into()));
    Effect::new(move |_| browser::set_document_theme(dark.get()));
    if is_embed {
        let (id, child) = url.with_untracked(|u| {
            let figure = u.figure.unwrap_or(Figure::Map);
            let child = u
                .extra
                .iter()
                .find(|(k, _)| k == "childId")
                .map(|(_, v)| v.clone());
            (format!("tien-do-{}", figure.slug()), child)
        });
        browser::mark_embedded(&id);
        browser::post_height_on_resize(id, child);
    }

    let remembered = browser::remembered_lang();
    let lang: Signal<Lang> =
        Memo::new(move |_| effective_lang(url.with(|u| u.lang), remembered.as_deref())).into();
    let page = Memo::new(move |_| url.with(|u| u.page));
    let data_url = Memo::new(move |_| url.with(|u| u.data_url().to_string()));

    // Keep the document in step: <html lang>, the title, and the language
    // remembered for the next visit. These write to the browser, not to
    // signals.
    Effect::new(move |_| {
        let l = lang.get();
        let title = format!(
            "{} · {}",
            page_name(page.get()).text(l),
            Msg::AppTitle.text(l)
        );
        browser::set_document_lang_and_title(l, &title);
    });
    Effect::new(move |_| {
        if let Some(l) = url.with(|u| u.lang) {
            browser::remember_lang(l);
        }
    });

    let navigate = Callback::new(move |next: UrlState| {
        let (page_changed, replace) =
            url.with_untracked(|u| (u.page != next.page, u.replaces_history(&next)));
        browser::set_query(&next.to_query(), replace);
        url.set(next);
        if page_changed {
            // As a page load would: the reader starts at the new content.
            browser::focus_main();
        }
    });

    let data: LocalResource<Result<Arc<ProgressData>, LoadError>> =
        LocalResource::new(move || load_progress(data_url.get()));
    let (pending, set_pending) = signal(false);
    let loaded = Signal::derive(move || data.get().and_then(Result::ok));
    // Checked once per load: the page shows what it can and lists the rest.
    let problems = Memo::new(move |_| {
        loaded.with(|d| {
            d.as_deref()
                .map(|d| browser::measured("tien-do:validate", || validate(d)))
                .unwrap_or_default()
        })
    });

    let state = Signal::from(url);
    let retry = Callback::new(move |()| data.refetch());
    let error_view = move |errors: ArcRwSignal<leptos::error::Errors>| {
        let first =
            Signal::derive(move || errors.with(|e| first_load_error(e, &data_url.get_untracked())));
        view! {
            <LoadErrorPanel
                error=first
                lang=lang
                data_url=data_url
                retrying=pending
                on_retry=retry
            />
        }
    };

    let body = move || {
        // Read before the await, so the view tracks the page.
        let shown = page.get();
        Suspend::new(async move {
            data.await
                .map(|d| page_view(shown, d, lang, state, navigate))
        })
    };

    // Said when the service worker answered with the copy saved on this
    // device (the network failed): the reader sees how old the data is.
    let saved_copy = RwSignal::new(false);
    browser::on_saved_copy(move || saved_copy.set(true));
    let saved_notice = move || {
        let as_of = loaded.with(|d| d.as_ref().map(|d| d.newest_figure_date().to_string()));
        (saved_copy.get() && as_of.is_some()).then(|| {
            let l = lang.get();
            view! {
                <p class="saved-copy" role="status">
                    {Msg::SavedCopy.text(l)} " "
                    {format_date(as_of.as_deref().unwrap_or_default(), l)} "."
                </p>
            }
        })
    };
    // The page, with its loading skeleton and its error panel.
    let content = view! {
        {saved_notice}
        <Transition fallback=move || view! { <LoadingSkeleton lang=lang /> } set_pending>
            <ErrorBoundary fallback=error_view>
                {body}
            </ErrorBoundary>
        </Transition>
    };
    if is_embed {
        return view! { <main id="main" class="embed-main">{content}</main> }.into_any();
    }

    view! {
        <a class="skip-link" href="#main">{move || Msg::SkipToContent.text(lang.get())}</a>
        <SiteHeader lang=lang state=state on_navigate=navigate />
        <MainNav lang=lang state=state on_navigate=navigate />
        <main id="main" tabindex="-1">
            <DataProblemsNotice problems=problems.into() lang=lang />
            {content}
        </main>
        <SiteFooter lang=lang data=loaded data_url=data_url />
    }
    .into_any()
}

/// The page for `page`, drawn from the loaded data.
fn page_view(
    page: Page,
    data: Arc<ProgressData>,
    lang: Signal<Lang>,
    state: Signal<UrlState>,
    on_navigate: Callback<UrlState>,
) -> AnyView {
    match page {
        Page::Overview => view! {
            <OverviewPage data lang state on_navigate />
        }
        .into_any(),
        Page::Map => view! { <MapPage data lang state on_navigate /> }.into_any(),
        Page::Province => view! { <ProvincePage data lang state on_navigate /> }.into_any(),
        Page::Tasks => view! { <TasksPage data lang state /> }.into_any(),
        Page::Data => view! { <DataPage data lang state on_navigate /> }.into_any(),
        Page::Embed => view! { <EmbedPage data lang state on_navigate /> }.into_any(),
    }
}

/// The navigation label of a page, also used in the document title.
pub fn page_name(page: Page) -> Msg {
    match page {
        Page::Overview => Msg::NavOverview,
        Page::Map => Msg::NavMap,
        Page::Province => Msg::NavProvince,
        Page::Tasks => Msg::NavTasks,
        Page::Data => Msg::NavData,
        Page::Embed => Msg::NavEmbed,
    }
}
