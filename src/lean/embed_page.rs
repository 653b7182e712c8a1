//! What every framework-free embed page has, whatever its figure (the
//! map's, `embed_map`, and a chart's, `embed_chart`): its start (language,
//! theme, title, height messages, `<main>`), the data's loading with its
//! skeleton and its error panel with a retry, the saved-copy notice, the
//! frame with the link to the same view on the site, the downloads menu
//! and the citation of a source. Same elements, classes and texts as the
//! site's (`EmbedPage`, `FigureTools`, `LoadErrorPanel`, `SourceLink`).

use super::dom::{el, replace_children, El};
use crate::browser::{self, save_csv, save_png, save_svg, start_embedding, url_state};
use crate::fetch::load_progress;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::data::Source;
use tien_do_core::export::{file_stem, Table};
use tien_do_core::figure::{full_view_url, Figure};
use tien_do_core::figures::SvgImage;
use tien_do_core::format::format_date;
use tien_do_core::url_state::effective_lang;
use tien_do_core::{Lang, LoadError, Msg, ProgressData, UrlState};
use web_sys::Element;

/// An embed page's frame: its language, paper, view and `<main>`.
pub struct Shell {
    /// The language shown.
    pub lang: Lang,
    /// Whether the paper is dark.
    pub dark: bool,
    /// The view the link holds.
    pub state: RefCell<UrlState>,
    /// `<main>`: the loading skeleton, the error, or the figure.
    pub main: Element,
    /// The link to the same view on the site, once the figure is shown.
    full_link: RefCell<Option<Element>>,
    /// The day of the newest figure, once the data is loaded.
    as_of: RefCell<Option<String>>,
    /// Whether the service worker answered with the copy saved on this
    /// device.
    saved_copy: Cell<bool>,
}

impl Shell {
    /// Starts an embed page on the view the address holds: its language
    /// (remembered), paper, title, `<html data-embed>` and height
    /// messages, and an empty `<main>` in `<body>`.
    pub fn start() -> Rc<Shell> {
        let state = view_now();
        let lang = effective_lang(state.lang, browser::remembered_lang().as_deref());
        if let Some(l) = state.lang {
            browser::remember_lang(l);
        }
        let dark = state
            .theme
            .unwrap_or_default()
            .is_dark(browser::prefers_dark());
        browser::set_document_theme(dark);
        browser::set_document_lang_and_title(
            lang,
            &format!(
                "{} · {}",
                Msg::NavEmbed.text(lang),
                Msg::AppTitle.text(lang)
            ),
        );
        start_embedding(&state);
        let main = el("main").attr("id", "main").class("embed-main");
        if let Some(body) = super::dom::document().and_then(|d| d.body()) {
            let _ = body.append_child(&main.0);
        }
        let shell = Rc::new(Shell {
            lang,
            dark,
            state: RefCell::new(state),
            main: main.0,
            full_link: RefCell::new(None),
            as_of: RefCell::new(None),
            saved_copy: Cell::new(false),
        });
        // Whether the service worker answered with the copy saved on this
        // device (said as soon as the data is shown).
        let me = Rc::clone(&shell);
        browser::on_saved_copy(move || {
            me.saved_copy.set(true);
            me.saved_copy_notice();
        });
        shell
    }

    /// The figure the page shows.
    pub fn figure(&self) -> Figure {
        self.state.borrow().figure.unwrap_or(Figure::Map)
    }

    /// Loads the data and hands it to `show`; `again`: after an error,
    /// whose panel stays (its button busy) until the answer comes.
    pub fn load<F: Fn(Arc<ProgressData>) + 'static>(self: &Rc<Self>, again: bool, show: Rc<F>) {
        if !again {
            replace_children(&self.main, skeleton(self.lang));
        }
        let me = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            let url = me.state.borrow().data_url().to_string();
            match load_progress(url.clone()).await {
                Ok(data) => {
                    *me.as_of.borrow_mut() = Some(data.newest_figure_date().to_string());
                    show(data);
                    me.saved_copy_notice();
                }
                Err(e) => {
                    let retry = Rc::clone(&me);
                    let panel = error_panel(&e, &url, me.lang, move || {
                        retry.load(true, Rc::clone(&show))
                    });
                    replace_children(&me.main, &panel);
                    if again {
                        focus_retry(&me.main);
                    }
                }
            }
        });
    }

    /// Shows `figure` in `<main>`, framed with the link to the same view on
    /// the site (opened in a new tab, out of the host's frame).
    pub fn show_framed(&self, figure: impl AsRef<web_sys::Node>) {
        let l = self.lang;
        let state = self.state.borrow().clone();
        let full = el("a")
            .attr("href", &full_view_url(&browser::site_base(), &state))
            .attr("target", "_blank")
            .attr("rel", "noopener")
            .text(Msg::OpenFullView.text(l))
            .text(" ↗");
        *self.full_link.borrow_mut() = Some(full.0.clone());
        let slug = state.figure.unwrap_or(Figure::Map).slug();
        let embed = el("article")
            .class(&format!("embed embed-{slug}"))
            .child(figure)
            .child(
                el("p")
                    .class("embed-link")
                    .child(full)
                    .text(" · ")
                    .text(Msg::AppTitle.text(l)),
            );
        replace_children(&self.main, &embed);
    }

    /// Keeps the view `next`, and the link to it on the site.
    pub fn follow(&self, next: UrlState) {
        if let Some(a) = self.full_link.borrow().as_ref() {
            let _ = a.set_attribute("href", &full_view_url(&browser::site_base(), &next));
        }
        *self.state.borrow_mut() = next;
    }

    /// Said when the service worker answered with the copy saved on this
    /// device (the network failed), once the data is shown: the reader sees
    /// how old it is.
    fn saved_copy_notice(&self) {
        let as_of = self.as_of.borrow();
        let (Some(as_of), true) = (as_of.as_deref(), self.saved_copy.get()) else {
            return;
        };
        if self
            .main
            .query_selector(".saved-copy")
            .ok()
            .flatten()
            .is_some()
        {
            return;
        }
        let l = self.lang;
        let notice = el("p")
            .class("saved-copy")
            .attr("role", "status")
            .text(Msg::SavedCopy.text(l))
            .text(" ")
            .text(&format_date(as_of, l))
            .text(".");
        let _ = self.main.prepend_with_node_1(&notice.0);
    }
}

/// The view the address holds now, of the figure `<html data-embed>`
/// names (the map where it names none).
pub fn view_now() -> UrlState {
    let embedded = browser::embed_figure().and_then(|f| Figure::from_slug(&f));
    url_state(embedded.or(Some(Figure::Map)))
}

/// What a figure's downloads are made from, each when asked.
pub struct Downloads<I, S, F> {
    /// The figure as a complete image (title, key, notes drawn in).
    pub image: I,
    /// The table of what is shown.
    pub shown: S,
    /// The table of the full series.
    pub full: F,
}

/// A figure's downloads menu (`title` names the files): PNG (2x) and SVG
/// of the image, CSV of what is shown and of the full series; a failed
/// download says so beside it, as the site's `FigureTools`.
pub fn downloads<I, S, F>(title: &str, l: Lang, files: Downloads<I, S, F>) -> El
where
    I: Fn() -> Option<SvgImage> + 'static,
    S: Fn() -> Table + 'static,
    F: Fn() -> Table + 'static,
{
    let stem = file_stem(title);
    let menu = el("details").class("downloads");
    let tools = el("div").class("figure-tools");
    // Says whether the file chosen was saved.
    let done = {
        let tools = tools.0.clone();
        move |ok: bool| {
            let shown = tools.query_selector(".notice-inline").ok().flatten();
            match (ok, shown) {
                (true, Some(n)) => n.remove(),
                (false, None) => {
                    let _ = tools.append_child(
                        &el("p")
                            .class("notice-inline")
                            .attr("role", "status")
                            .text(Msg::DownloadFailed.text(l))
                            .0,
                    );
                }
                _ => {}
            }
        }
    };
    let button = |kind: &str, msg: Msg, f: Box<dyn Fn()>| {
        let menu_el = menu.0.clone();
        el("li").child(
            el("button")
                .attr("type", "button")
                .attr("data-download", kind)
                .text(msg.text(l))
                .on("click", move |_| {
                    // The menu closes once a file is chosen, as menus do.
                    let _ = menu_el.remove_attribute("open");
                    f();
                }),
        )
    };
    let Downloads { image, shown, full } = files;
    let image = Rc::new(image);
    let png = {
        let (image, done, stem) = (Rc::clone(&image), done.clone(), stem.clone());
        button(
            "png",
            Msg::DownloadPng,
            Box::new(move || {
                let (image, done, stem) = (image(), done.clone(), stem.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    done(save_png(&stem, image).await);
                });
            }),
        )
    };
    let svg = {
        let done = done.clone();
        button(
            "svg",
            Msg::DownloadSvg,
            Box::new(move || done(save_svg(&stem, image()))),
        )
    };
    let shown = {
        let done = done.clone();
        button(
            "csv",
            Msg::DownloadCsvShown,
            Box::new(move || done(save_csv(&shown(), ""))),
        )
    };
    let full = button(
        "csv-full",
        Msg::DownloadCsvFull,
        Box::new(move || done(save_csv(&full(), "-full"))),
    );
    let list = el("ul").child(png).child(svg).child(shown).child(full);
    tools.child(
        menu.child(el("summary").text(Msg::Download.text(l)))
            .child(list),
    )
}

/// A source as "publisher: title", linked (in a new tab) only when its
/// address is http(s), as the site's `SourceLink`.
pub fn source_link(s: &Source, l: Lang) -> El {
    let label = s.label(l);
    match s.link() {
        Some(u) => el("a")
            .attr("href", u)
            .attr("rel", "noopener")
            .attr("target", "_blank")
            .text(&label),
        None => el("span").text(&label),
    }
}

/// Gives the keyboard's focus to the retry button of the panel in
/// `parent`: the one pressed was replaced by it.
pub fn focus_retry(parent: &Element) {
    if let Some(b) = parent.query_selector(".retry").ok().flatten() {
        if let Some(b) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&b) {
            let _ = b.focus();
        }
    }
}

/// The loading skeleton, as the site's.
fn skeleton(l: Lang) -> El {
    let mut row = el("div").class("sk-row");
    for _ in 0..4 {
        row = row.child(el("div").class("sk sk-card"));
    }
    el("div")
        .class("skeleton")
        .attr("aria-busy", "true")
        .child(
            el("p")
                .class("visually-hidden")
                .attr("role", "status")
                .text(Msg::Loading.text(l)),
        )
        .child(el("div").class("sk sk-title"))
        .child(row)
        .child(el("div").class("sk sk-block"))
}

/// What went wrong loading `url`, in words, with its technical detail and
/// a button that tries again (`retry`), as the site's panel.
pub fn error_panel(e: &LoadError, url: &str, l: Lang, retry: impl Fn() + 'static) -> El {
    let (title, url_label) = match e {
        LoadError::Boundaries { .. } => (Msg::MapErrorTitle, Msg::BoundaryFileUrl),
        _ => (Msg::ErrorTitle, Msg::ErrorDataUrl),
    };
    let detail = e.detail().map(|d| {
        el("details")
            .class("error-detail")
            .child(el("summary").text(Msg::TechnicalDetail.text(l)))
            .child(el("code").text(d))
    });
    let button = el("button")
        .attr("type", "button")
        .class("retry")
        .attr("aria-busy", "false")
        .text(Msg::Retry.text(l));
    let pressed = button.0.clone();
    let button = button.on("click", move |_| {
        // Trying: the button says so until the panel is replaced.
        let _ = pressed.set_attribute("disabled", "");
        let _ = pressed.set_attribute("aria-busy", "true");
        pressed.set_text_content(Some(Msg::Loading.text(l)));
        retry();
    });
    el("section")
        .class("load-error")
        .attr("role", "alert")
        .attr("aria-live", "assertive")
        .child(el("h1").text(title.text(l)))
        .child(el("p").class("error-message").text(&e.message(l)))
        .child(
            el("p")
                .class("error-url")
                .text(url_label.text(l))
                .text(": ")
                .child(el("code").text(url)),
        )
        .child_opt(detail)
        .child(button)
}
