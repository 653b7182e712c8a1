//! What every framework-free embed page has, whatever its figure (the
//! map's, `embed_map`, and a chart's, `embed_chart`): its start (language,
//! theme, title, height messages, `<main>`), the data's loading with its
//! skeleton and its error panel with a retry (`parts`), the saved-copy
//! notice, the frame with the link to the same view on the site. Same
//! elements, classes and texts as the site's (`EmbedPage`).

use super::dom::{el, replace_children, El};
use super::map_view::open_on_the_site;
use super::parts::{error_panel, focus_retry, saved_copy_note, skeleton, Host};
use crate::browser::{self, start_embedding, url_state};
use crate::fetch::load_progress;
use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::figure::{full_view_url, Figure};
use tien_do_core::url_state::effective_lang;
use tien_do_core::{Lang, Msg, ProgressData, UrlState};
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
        let notice = saved_copy_note(as_of, self.lang);
        let _ = self.main.prepend_with_node_1(&notice.0);
    }
}

impl Host for Shell {
    const REBUILT: bool = false;
    const DECODES_AHEAD: bool = false;

    fn lang(&self) -> Lang {
        self.lang
    }

    fn dark(&self) -> bool {
        self.dark
    }

    fn state(&self) -> Ref<'_, UrlState> {
        self.state.borrow()
    }

    fn follow(&self, next: UrlState) {
        Shell::follow(self, next);
    }

    fn open(&self, next: UrlState) {
        open_on_the_site(next);
    }

    fn map_embed_codes(self: &Rc<Self>, _: &str, _: String) -> Option<[El; 2]> {
        None
    }
}

/// The view the address holds now, of the figure `<html data-embed>`
/// names (the map where it names none).
pub fn view_now() -> UrlState {
    let embedded = browser::embed_figure().and_then(|f| Figure::from_slug(&f));
    url_state(embedded.or(Some(Figure::Map)))
}
