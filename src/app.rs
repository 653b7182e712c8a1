//! The shell: the URL state and the data resource, the page for the URL,
//! and the frame around it (the site's header, navigation and footer, or an
//! embed's bare `<main>`). Pages and components get plain data or signals.
//!
//! The app is built eight times (`src/main.rs`, `src/bin/`). Two are this
//! Leptos shell, each with the pages it draws ([`Build`]): the overview
//! alone (the first view) and every page (the rest of the site, and the
//! embeds on the site's own address); each binary names only its own
//! pages, so the linker keeps only their code. Each embed page (the map's,
//! and one per kind of chart) is built without Leptos (`crate::lean`). The
//! page's loader (written by `tien-do-data embeds`) picks the build for the
//! address.

use crate::browser;
use crate::components::{
    first_load_error, DataProblemsNotice, LoadErrorPanel, LoadingSkeleton, MainNav, SiteFooter,
    SiteHeader,
};
use crate::fetch::load_data;
use crate::theme::Dark;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::figure::Figure;
use tien_do_core::format::format_date;
use tien_do_core::url_state::effective_lang;
use tien_do_core::validate::validate;
use tien_do_core::{Lang, LoadError, Msg, Page, ProgressData, UrlState};

/// Draws a page from the loaded data: the page, the data, the language,
/// the view, and the callback that changes the view.
pub type PageFn =
    fn(Page, Arc<ProgressData>, Signal<Lang>, Signal<UrlState>, Callback<UrlState>) -> AnyView;

/// One build of the app: which pages it draws, how, and in what frame.
#[derive(Clone, Copy)]
pub struct Build {
    /// Whether this build draws `page`. Following a link to another page
    /// loads it as a new document, whose loader picks the build that draws
    /// it.
    pub draws: fn(Page) -> bool,
    /// The page for the URL, drawn from the loaded data.
    pub page: PageFn,
    /// The frame around the page.
    pub frame: fn(Frame) -> AnyView,
}

/// What a frame is given: the page's content and the shell's state.
pub struct Frame {
    /// The page, with its loading skeleton and error panel.
    pub content: AnyView,
    /// Whether the page is an embed (`page=embed`).
    pub embed: bool,
    /// The language shown now.
    pub lang: Signal<Lang>,
    /// The current view.
    pub state: Signal<UrlState>,
    /// Changes the view.
    pub navigate: Callback<UrlState>,
    /// The loaded data, once loaded.
    pub loaded: Signal<Option<Arc<ProgressData>>>,
    /// The address of the data file.
    pub data_url: Signal<String>,
}

/// The site's frame: skip link, header, navigation, the data's problems,
/// the page, footer. An embed gets the embed's frame.
pub fn site_frame(f: Frame) -> AnyView {
    if f.embed {
        return embed_frame(f);
    }
    let Frame {
        content,
        lang,
        state,
        navigate,
        loaded,
        data_url,
        ..
    } = f;
    // Checked once per load, once the page's first figure is on screen:
    // the page and its first map are shown first, then the problems are
    // listed.
    let checked = LocalResource::new(move || {
        let data = loaded.get();
        browser::after_first_figure(move || {
            data.as_deref()
                .map(|d| browser::measured("tien-do:validate", || validate(d)))
                .unwrap_or_default()
        })
    });
    let problems = Signal::derive(move || checked.get().unwrap_or_default());
    view! {
        <a class="skip-link" href="#main">{move || Msg::SkipToContent.text(lang.get())}</a>
        <SiteHeader lang=lang state=state on_navigate=navigate />
        <MainNav lang=lang state=state on_navigate=navigate />
        <main id="main" tabindex="-1">
            <DataProblemsNotice problems lang=lang />
            {content}
        </main>
        <SiteFooter lang=lang data=loaded data_url=data_url />
    }
    .into_any()
}

/// An embed's frame: the figure alone in `<main>`.
fn embed_frame(f: Frame) -> AnyView {
    view! { <main id="main" class="embed-main">{f.content}</main> }.into_any()
}

/// The app, as mounted on `<body>`, in the build `variant`.
#[component]
pub fn App(
    /// The build: the pages it draws and its frame.
    variant: Build,
) -> impl IntoView {
    // An embed page (`embed-map.html`…) says its figure on `<html>`.
    let embedded = browser::embed_figure().and_then(|f| Figure::from_slug(&f));
    let read_url = move || browser::url_state(embedded);
    let url = RwSignal::new(read_url());
    // Back and forward buttons: the address bar is the truth; a page this
    // build does not draw is loaded from the server.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let next = read_url();
        if (variant.draws)(next.page) {
            url.set(next);
        } else {
            browser::reload();
        }
    });
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
        url.with_untracked(browser::start_embedding);
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
        let title = format!("{} · {}", page.get().name().text(l), Msg::AppTitle.text(l));
        browser::set_document_lang_and_title(l, &title);
    });
    Effect::new(move |_| {
        if let Some(l) = url.with(|u| u.lang) {
            browser::remember_lang(l);
        }
    });

    let navigate = Callback::new(move |next: UrlState| {
        if !(variant.draws)(next.page) {
            browser::load_page(&next.to_query());
            return;
        }
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
        LocalResource::new(move || load_data(data_url.get()));
    let (pending, set_pending) = signal(false);
    let loaded = Signal::derive(move || data.get().and_then(Result::ok));

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
                .map(|d| (variant.page)(shown, d, lang, state, navigate))
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
    }
    .into_any();
    (variant.frame)(Frame {
        content,
        embed: is_embed,
        lang,
        state,
        navigate,
        loaded,
        data_url: data_url.into(),
    })
}
