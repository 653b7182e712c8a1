//! A page of the site without a framework (the overview, the first view):
//! the site's frame around it (skip link, header with the language
//! switch, navigation, the data's problems, footer), the data's loading
//! with its skeleton and its error panel with a retry, and the saved-copy
//! notice. The same elements, classes and texts as the Leptos site's
//! (`site_frame`, `SiteHeader`, `LanguageSwitch`, `MainNav`,
//! `DataProblemsNotice`, `SiteFooter`).
//!
//! The page is built from the loaded data in the reader's language, and
//! built again when the language is switched (no reload, `?lang=` in the
//! link). Links to other pages are plain links: they load the site's
//! build.

use super::dom::{document, el, listen, El};
use super::embed_dialog::{embed_dialog, EmbedInfo};
use super::parts::{error_panel, focus_retry, saved_copy_note, skeleton, source_link, Host};
use crate::browser;
use crate::fetch::load_data;
use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::figure::{first_height, Figure};
use tien_do_core::figures;
use tien_do_core::format::format_date;
use tien_do_core::url_state::effective_lang;
use tien_do_core::validate::{notice, validate, Problem};
use tien_do_core::{Lang, LoadError, Msg, Page, ProgressData, UrlState};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MouseEvent};

/// Draws the page from the loaded data, in the shell's language.
pub type Draw = fn(&Rc<SiteShell>, &Arc<ProgressData>) -> El;

/// What a page does when the reader goes back or forward to another view
/// of it: `true` if it showed the view itself.
type Back = Box<dyn Fn(&UrlState) -> bool>;

/// The data, as far as it has come.
enum Loaded {
    Loading,
    Failed(LoadError),
    Data(Arc<ProgressData>),
}

/// A site page's frame and state.
pub struct SiteShell {
    /// The page this build draws.
    page: Page,
    draw: Draw,
    /// The view shown (its language: [`Host::lang`]).
    state: RefCell<UrlState>,
    loaded: RefCell<Loaded>,
    /// The data's problems, once checked.
    problems: RefCell<Option<Vec<Problem>>>,
    /// Whether the service worker answered with the copy saved on this
    /// device.
    saved_copy: Cell<bool>,
    /// The frame's elements in `<body>`, to replace when built again.
    frame: RefCell<Vec<Element>>,
    /// `<main>`.
    main: RefCell<Option<Element>>,
    /// What the page does when the reader goes back or forward to a view
    /// of the same page: `true` if it showed it (a zoom); else the page is
    /// built again.
    back: RefCell<Option<Back>>,
    /// The language remembered from an earlier visit, as read at the start:
    /// the language of an address without `lang=`.
    remembered: Option<String>,
    /// Whether the data is being loaded.
    loading: Cell<bool>,
    /// The links of the page built, each with the view it leads to from
    /// the view shown: their addresses follow the view (a zoom).
    links: RefCell<Vec<(Element, LinkTo)>>,
    /// What to undo when the page is built again (its map's listeners).
    teardown: RefCell<Vec<Box<dyn FnOnce()>>>,
    /// The shell itself, for a view opened from a figure ([`Host::open`]).
    me: RefCell<std::rc::Weak<SiteShell>>,
    /// Where the keyboard's focus goes once the page's map is drawn.
    pending_focus: RefCell<Option<&'static str>>,
}

/// The view a link leads to, from the view shown.
pub type LinkTo = Box<dyn Fn(&UrlState) -> UrlState>;

impl SiteShell {
    /// Starts the page `page` in `<body>` on the view the address holds,
    /// and loads its data; `draw` builds the page from it.
    pub fn start(page: Page, draw: Draw) -> Rc<SiteShell> {
        let state = browser::url_state(None);
        let remembered = browser::remembered_lang();
        if let Some(l) = state.lang {
            browser::remember_lang(l);
        }
        let shell = Rc::new(SiteShell {
            page,
            draw,
            state: RefCell::new(state),
            loaded: RefCell::new(Loaded::Loading),
            problems: RefCell::new(None),
            saved_copy: Cell::new(false),
            frame: RefCell::new(Vec::new()),
            main: RefCell::new(None),
            back: RefCell::new(None),
            remembered,
            loading: Cell::new(false),
            links: RefCell::new(Vec::new()),
            teardown: RefCell::new(Vec::new()),
            me: RefCell::new(std::rc::Weak::new()),
            pending_focus: RefCell::new(None),
        });
        *shell.me.borrow_mut() = Rc::downgrade(&shell);
        let me = Rc::clone(&shell);
        browser::on_saved_copy(move || {
            me.saved_copy.set(true);
            me.saved_copy_notice();
        });
        if let Some(w) = web_sys::window() {
            let me = Rc::clone(&shell);
            listen(&w, "popstate", move |_| me.went_back());
        }
        shell.build();
        shell.load(false);
        shell
    }

    /// Asks the page to be told when the reader goes back or forward to
    /// another view of it: `f` returns whether it showed the view itself.
    pub fn on_back(&self, f: impl Fn(&UrlState) -> bool + 'static) {
        *self.back.borrow_mut() = Some(Box::new(f));
    }

    /// Calls `f` when the page is built again (its old elements gone).
    pub fn on_teardown(&self, f: impl FnOnce() + 'static) {
        self.teardown.borrow_mut().push(Box::new(f));
    }

    /// A link to the view `to` makes of the view shown (a real `<a
    /// href="?…">`), marked as the view shown where `current`; its address
    /// follows the view.
    pub fn link_to(&self, to: impl Fn(&UrlState) -> UrlState + 'static, current: bool) -> El {
        let a = link(&to(&self.state.borrow()), current);
        self.links.borrow_mut().push((a.0.clone(), Box::new(to)));
        a
    }

    /// Shows the view `change` makes of the view shown: another page is
    /// loaded; another view of this page is written in the link (one step
    /// of the history, or in place of a zoom) and the page built again
    /// for it, the keyboard's focus then put on the element `focus` finds
    /// (the control that made the choice, built anew).
    pub fn go(self: &Rc<Self>, change: impl FnOnce(&mut UrlState), focus: Option<&str>) {
        let mut next = self.state.borrow().clone();
        change(&mut next);
        self.show_view(next, focus);
    }

    fn show_view(self: &Rc<Self>, next: UrlState, focus: Option<&str>) {
        if next.page != self.page {
            browser::load_page(&next.to_query());
            return;
        }
        if next == *self.state.borrow() {
            return;
        }
        let replace = self.state.borrow().replaces_history(&next);
        browser::set_query(&next.to_query(), replace);
        if next.data_url() != self.state.borrow().data_url() {
            browser::reload();
            return;
        }
        // The keyboard on the map (a unit opened) goes back to the map once
        // it is drawn again.
        let on_map = document()
            .and_then(|d| d.active_element())
            .is_some_and(|e| e.matches(".choropleth canvas").unwrap_or(false));
        self.set_view(next);
        self.build();
        match focus {
            Some(css) => {
                focus_on(css);
            }
            None if on_map => *self.pending_focus.borrow_mut() = Some(".choropleth canvas"),
            None => {}
        }
    }

    /// Puts the keyboard's focus where it was asked to go once the page's
    /// map is drawn (a unit opened from the map), if it was.
    pub fn map_drawn(&self) {
        let css = self.pending_focus.borrow_mut().take();
        if let Some(css) = css {
            focus_on(css);
        }
    }

    /// Loads the data (`again`: after an error, whose panel stays, its
    /// button busy, until the answer comes), then builds the page, and
    /// checks the data once the page's first figure is shown.
    fn load(self: &Rc<Self>, again: bool) {
        if self.loading.replace(true) {
            return;
        }
        let me = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            let url = me.state.borrow().data_url().to_string();
            let loaded = match load_data(url).await {
                Ok(d) => Loaded::Data(d),
                Err(e) => Loaded::Failed(e),
            };
            let data = match &loaded {
                Loaded::Data(d) => Some(Arc::clone(d)),
                _ => None,
            };
            *me.loaded.borrow_mut() = loaded;
            me.loading.set(false);
            me.build();
            if again {
                if let Some(main) = me.main.borrow().as_ref() {
                    focus_retry(main);
                }
            }
            if let Some(d) = data {
                me.check(d);
            }
        });
    }

    /// Checks the data once the page's first figure is on screen (a second
    /// and a half at most) and the browser is idle, and lists its problems
    /// above the page.
    fn check(self: &Rc<Self>, data: Arc<ProgressData>) {
        let me = Rc::clone(self);
        wasm_bindgen_futures::spawn_local(async move {
            let problems = browser::after_first_figure(|| {
                browser::measured("tien-do:validate", || validate(&data))
            })
            .await;
            let notice = problems_notice(&problems, me.lang());
            *me.problems.borrow_mut() = Some(problems);
            if let (Some(n), Some(main)) = (notice, me.main.borrow().as_ref()) {
                // Once, whatever loads ran.
                if main
                    .query_selector(".data-problems")
                    .ok()
                    .flatten()
                    .is_none()
                {
                    let _ = main.prepend_with_node_1(&n.0);
                }
            }
        });
    }

    /// Builds the frame and the page (again) in `<body>`, in the language
    /// shown now.
    fn build(self: &Rc<Self>) {
        let l = self.lang();
        let state = self.state.borrow().clone();
        let undo = std::mem::take(&mut *self.teardown.borrow_mut());
        for f in undo {
            f();
        }
        super::dom::drop_listeners();
        self.links.borrow_mut().clear();
        browser::set_document_lang_and_title(
            l,
            &format!("{} · {}", self.page.name().text(l), Msg::AppTitle.text(l)),
        );
        let main = el("main").attr("id", "main").attr("tabindex", "-1");
        let problems = self
            .problems
            .borrow()
            .as_deref()
            .and_then(|p| problems_notice(p, l));
        let main = main.child_opt(problems);
        let data = match &*self.loaded.borrow() {
            Loaded::Data(d) => Some(Arc::clone(d)),
            _ => None,
        };
        let content = match (&*self.loaded.borrow(), &data) {
            (_, Some(d)) => (self.draw)(self, d),
            (Loaded::Failed(e), _) => {
                let me = Rc::clone(self);
                let url = state.data_url().to_string();
                error_panel(e, &url, l, move || me.load(true))
            }
            _ => skeleton(l),
        };
        let main = main.child(content);
        let frame = [
            el("a")
                .class("skip-link")
                .attr("href", "#main")
                .text(Msg::SkipToContent.text(l)),
            self.header(l),
            self.nav(l),
            main.clone(),
            footer(data.as_deref(), &state, l),
        ];
        let Some(body) = document().and_then(|d| d.body()) else {
            return;
        };
        for old in self.frame.borrow_mut().drain(..) {
            old.remove();
        }
        for e in &frame {
            let _ = body.append_child(&e.0);
        }
        *self.frame.borrow_mut() = frame.into_iter().map(|e| e.0).collect();
        *self.main.borrow_mut() = Some(main.0);
        self.saved_copy_notice();
    }

    /// The top bar: the project's name (a link home) and the language
    /// switch, whose links change the language without a reload.
    fn header(self: &Rc<Self>, l: Lang) -> El {
        let mut switch = el("nav")
            .class("lang-switch")
            .attr("aria-label", Msg::LanguageSwitch.text(l));
        for to in Lang::ALL {
            let me = Rc::clone(self);
            let link = self
                .link_to(move |s| s.with_lang(to), to == l)
                .class("lang-option")
                .attr("hreflang", to.code())
                .attr("lang", to.code())
                .text(to.native_name())
                .on("click", move |e| {
                    let plain = e.dyn_ref::<MouseEvent>().is_some_and(browser::plain_click);
                    if plain {
                        e.prevent_default();
                        me.switch_lang(to);
                    }
                });
            switch = switch.child(link);
        }
        el("header")
            .class("site-header")
            .child(
                el("div")
                    .class("brand")
                    .child(
                        self.link_to(|s| s.with_page(Page::Overview), false)
                            .class("brand-name")
                            .text(Msg::AppTitle.text(l)),
                    )
                    .child(
                        el("span")
                            .class("brand-tagline")
                            .text(Msg::AppTagline.text(l)),
                    ),
            )
            .child(switch)
    }

    /// The reader chose the language `to`: the link says it, it is
    /// remembered, and the page is built again in it.
    fn switch_lang(self: &Rc<Self>, to: Lang) {
        if to == self.lang() {
            return;
        }
        let next = self.state.borrow().with_lang(to);
        let replace = self.state.borrow().replaces_history(&next);
        browser::set_query(&next.to_query(), replace);
        self.set_view(next);
        self.build();
        // The keyboard's focus stays on the switch, as on the other pages.
        let current = document()
            .and_then(|d| d.query_selector(".lang-switch [aria-current='page']").ok())
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        if let Some(a) = current {
            let _ = a.focus();
        }
    }

    /// The reader went back or forward: another page is loaded; a view the
    /// page shows itself (a zoom) is shown; else the page is built again
    /// for the view.
    fn went_back(self: &Rc<Self>) {
        let next = browser::url_state(None);
        if next.page != self.page {
            browser::reload();
            return;
        }
        if next == *self.state.borrow() {
            return;
        }
        let shown = self.back.borrow().as_ref().is_some_and(|f| f(&next));
        if shown {
            return;
        }
        let same_data = next.data_url() == self.state.borrow().data_url();
        self.set_view(next);
        if same_data {
            self.build();
        } else {
            browser::reload();
        }
    }

    /// Shows the view `next` (already in the address bar) from now on, its
    /// language remembered where it names one.
    fn set_view(&self, next: UrlState) {
        if let Some(l) = next.lang {
            browser::remember_lang(l);
        }
        *self.state.borrow_mut() = next;
    }

    /// The main navigation: one link per page; the current one is marked.
    fn nav(&self, l: Lang) -> El {
        let mut ul = el("ul");
        // Embeds are reached from each figure's Embed button.
        for p in Page::ALL.into_iter().filter(|p| *p != Page::Embed) {
            let a = self.link_to(move |s| s.with_page(p), self.page == p);
            ul = ul.child(el("li").child(a.text(p.name().text(l))));
        }
        el("nav")
            .class("main-nav")
            .attr("aria-label", Msg::MainNav.text(l))
            .child(ul)
    }

    /// Said at the top of `<main>` when the service worker answered with
    /// the copy saved on this device, once the data is shown.
    fn saved_copy_notice(&self) {
        let main = self.main.borrow();
        let (Some(main), true) = (main.as_ref(), self.saved_copy.get()) else {
            return;
        };
        let Loaded::Data(d) = &*self.loaded.borrow() else {
            return;
        };
        if main.query_selector(".saved-copy").ok().flatten().is_some() {
            return;
        }
        let notice = saved_copy_note(d.newest_figure_date(), self.lang());
        // After the problems' notice, before the page (as the site's).
        let page = main
            .query_selector(":scope > :not(.data-problems)")
            .ok()
            .flatten();
        let _ = main.insert_before(&notice.0, page.as_ref().map(|p| p.as_ref()));
    }
}

impl Host for SiteShell {
    const REBUILT: bool = true;
    const DECODES_AHEAD: bool = true;

    /// The address's language; without `lang=`, the one remembered when
    /// the page started (as the site's build reads it), else Vietnamese.
    fn lang(&self) -> Lang {
        effective_lang(self.state.borrow().lang, self.remembered.as_deref())
    }

    fn dark(&self) -> bool {
        false
    }

    fn state(&self) -> Ref<'_, UrlState> {
        self.state.borrow()
    }

    fn follow(&self, next: UrlState) {
        for (a, to) in self.links.borrow().iter() {
            let _ = a.set_attribute("href", &href(&to(&next)));
        }
        *self.state.borrow_mut() = next;
    }

    fn open(&self, next: UrlState) {
        let me = self.me.borrow().upgrade();
        match me {
            Some(me) if next.page == self.page => me.show_view(next, None),
            _ => browser::load_page(&next.to_query()),
        }
    }

    fn map_embed_codes(self: &Rc<Self>, title: &str, as_of: String) -> Option<[El; 2]> {
        let height = first_height(figures::map::height(figures::map::IMAGE_WIDTH));
        let info = EmbedInfo::following(Rc::clone(self), Figure::Map, as_of, height);
        Some(embed_dialog(info, title, self.lang()))
    }
}

/// Puts the keyboard's focus on the element `css` finds, if any.
fn focus_on(css: &str) {
    let found = document()
        .and_then(|d| d.query_selector(css).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(e) = found {
        let _ = e.focus();
    }
}

/// The address of the view `to`, relative to the page: its query, or "?"
/// for none (an empty href would keep the current query).
fn href(to: &UrlState) -> String {
    let q = to.to_query();
    if q.is_empty() {
        "?".to_string()
    } else {
        q
    }
}

/// A link to the view `to` (a real `<a href="?…">`), marked as the view
/// shown where `current`.
fn link(to: &UrlState, current: bool) -> El {
    let a = el("a").attr("href", &href(to));
    if current {
        a.attr("aria-current", "page")
    } else {
        a
    }
}

/// The footer: the data's "as of" date and sources once loaded, and always
/// the address of the data file and the feed.
fn footer(data: Option<&ProgressData>, state: &UrlState, l: Lang) -> El {
    let mut f = el("footer").class("site-footer");
    if let Some(d) = data {
        let newest = d.newest_figure_date();
        let mut sources = el("ul").class("sources");
        for s in &d.sources {
            sources = sources.child(el("li").child(source_link(s, l)));
        }
        f = f.child(as_of(newest, "as-of", l)).child(
            el("details")
                .class("sources-list")
                .child(el("summary").text(&format!(
                    "{} ({})",
                    Msg::Sources.text(l),
                    d.sources.len()
                )))
                .child(sources),
        );
    }
    let url = state.data_url();
    // Only a relative or http(s) address is a link.
    let file = match state.data_link() {
        Some(u) => el("a").attr("href", u).text(url),
        None => el("code").text(url),
    };
    f.child(
        el("p")
            .class("data-file")
            .text(Msg::DataFile.text(l))
            .text(": ")
            .child(file),
    )
    .child(
        el("p").class("feed-link").child(
            el("a")
                .attr("href", l.feed_file())
                .attr("type", "application/atom+xml")
                .text(Msg::FeedLink.text(l)),
        ),
    )
}

/// "Data as of" the day `day`, a paragraph of class `class`.
pub fn as_of(day: &str, class: &str, l: Lang) -> El {
    el("p")
        .class(class)
        .text(Msg::AsOf.text(l))
        .text(": ")
        .child(time(day, l))
}

/// A day as `<time>`, in the reader's notation.
pub fn time(day: &str, l: Lang) -> El {
    el("time").attr("datetime", day).text(&format_date(day, l))
}

/// A notice that the loaded data has problems, with the list for its
/// publisher (as the site's `DataProblemsNotice`); none without problems.
fn problems_notice(all: &[Problem], l: Lang) -> Option<El> {
    let n = notice(all, l)?;
    let mut items = el("ul").attr("lang", "en");
    for p in n.listed {
        items = items.child(
            el("li")
                .child(el("code").text(&p.path))
                .text(" ")
                .text(&p.message),
        );
    }
    let mut details = el("details")
        .child(el("summary").text(Msg::ProblemList.text(l)))
        .child(items);
    if let Some(more) = &n.more {
        details = details.text(more);
    }
    Some(
        el("aside")
            .class(n.class)
            .attr("role", "status")
            .child(
                el("p")
                    .text(n.headline.text(l))
                    .text(" (")
                    .text(&n.counts)
                    .text(")"),
            )
            .child(details),
    )
}
