//! The elements every framework-free page shares, whatever it shows (an
//! embed page's, `embed_page`, or a site page's, `site_page`): the loading
//! skeleton, the error panel with its retry, the saved-copy notice, the
//! downloads menu and the citation of a source. Same elements, classes and
//! texts as the site's (`LoadingSkeleton`, `LoadErrorPanel`,
//! `FigureTools`, `SourceLink`).

use super::dom::{el, El};
use crate::browser::{save_csv, save_png, save_svg};
use std::cell::Ref;
use std::rc::Rc;
use tien_do_core::data::Source;
use tien_do_core::export::{file_stem, Table};
use tien_do_core::figures::SvgImage;
use tien_do_core::format::format_date;
use tien_do_core::{Lang, LoadError, Msg, UrlState};
use web_sys::Element;

/// What a figure asks of the page it is on: an embed page
/// (`embed_page::Shell`) or a site page (`site_page::SiteShell`).
pub trait Host {
    /// Whether the page can be built again (in the other language), so
    /// that its figures keep what they loaded and drop what is on its way
    /// to the old page. An embed page is built once: its build carries
    /// none of that.
    const REBUILT: bool;
    /// Whether the page's build decodes the boundary files fetched early
    /// as they come (`fetch::decode_ahead`): a site page's; an embed's
    /// files have all come when it starts, and its build leaves that out.
    const DECODES_AHEAD: bool;
    /// The language shown.
    fn lang(&self) -> Lang;
    /// Whether the paper is dark.
    fn dark(&self) -> bool;
    /// The view shown now (borrowed: not to be held across a `follow`).
    fn state(&self) -> Ref<'_, UrlState>;
    /// Keeps the view `next` (already in the address bar), and what
    /// follows it.
    fn follow(&self, next: UrlState);
    /// Opens the view `next` (a unit opened on a figure): on the site, it
    /// is loaded; inside an embed, it opens on the site in a new tab.
    fn open(&self, next: UrlState);
    /// The Embed button and dialog of the map titled `title`, with data
    /// of the day `as_of`; none inside an embed (whose build then carries
    /// none of their code).
    fn map_embed_codes(self: &Rc<Self>, title: &str, as_of: String) -> Option<[El; 2]>;
}

/// Said when the service worker answered with the copy saved on this
/// device (the network failed), with the day of its newest figure.
pub fn saved_copy_note(as_of: &str, l: Lang) -> El {
    el("p")
        .class("saved-copy")
        .attr("role", "status")
        .text(Msg::SavedCopy.text(l))
        .text(" ")
        .text(&format_date(as_of, l))
        .text(".")
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
            // Its own notice, not the Embed dialog's.
            let shown = tools
                .query_selector(":scope > .notice-inline")
                .ok()
                .flatten();
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

/// "Source: publisher: title" as a paragraph of class `cite`, linked as
/// [`source_link`] links it.
pub fn cite(s: &Source, l: Lang) -> El {
    el("p")
        .class("cite")
        .text(Msg::Source.text(l))
        .text(": ")
        .child(source_link(s, l))
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
pub fn skeleton(l: Lang) -> El {
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
