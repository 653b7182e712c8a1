//! A few lines of DOM building for the framework-free pages: an element,
//! its class, attributes, text and children, and its event listeners,
//! which live as long as the page (these pages are built once and never
//! taken down).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event};

/// The page's document.
pub fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// An element being built.
#[derive(Clone)]
pub struct El(pub Element);

/// A new `<tag>` element. Only `None` where there is no document, which a
/// page never meets.
pub fn el(tag: &str) -> El {
    let e = document()
        .and_then(|d| d.create_element(tag).ok())
        .expect("an element");
    El(e)
}

impl El {
    /// Sets the element's classes.
    pub fn class(self, class: &str) -> El {
        self.0.set_class_name(class);
        self
    }

    /// Sets the element's classes to `class` where `on` (else leaves it
    /// without).
    pub fn class_if(self, class: &str, on: bool) -> El {
        if on {
            self.class(class)
        } else {
            self
        }
    }

    /// Sets an attribute.
    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Sets the attribute `name` (empty) where `on`, else removes it.
    pub fn flag(self, name: &str, on: bool) -> El {
        set_flag(&self.0, name, on);
        self
    }

    /// Adds a text node.
    pub fn text(self, text: &str) -> El {
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// Adds a child.
    pub fn child(self, child: impl AsRef<web_sys::Node>) -> El {
        let _ = self.0.append_child(child.as_ref());
        self
    }

    /// Adds a child where there is one.
    pub fn child_opt(self, child: Option<El>) -> El {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    /// Calls `f` on each `event` on the element, until the page is built
    /// again ([`drop_listeners`]).
    pub fn on(self, event: &str, f: impl FnMut(Event) + 'static) -> El {
        let f = attach(&self.0, event, f);
        LISTENERS.with(|l| l.borrow_mut().push(f));
        self
    }

    /// The element as a given type (a canvas, a button…).
    pub fn into<T: JsCast>(self) -> T {
        self.0.unchecked_into()
    }
}

impl AsRef<web_sys::Node> for El {
    fn as_ref(&self) -> &web_sys::Node {
        &self.0
    }
}

/// An element's listener ([`El::on`]).
type Listener = Closure<dyn FnMut(Event)>;

thread_local! {
    /// The listeners of the elements built ([`El::on`]), with what they
    /// hold (a map's values, the list of communes searched), until the
    /// page they are on is built again.
    static LISTENERS: std::cell::RefCell<Vec<Listener>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Drops the listeners of the elements built so far ([`El::on`]), whose
/// page is being built again without them (a site page: each choice on the
/// map page builds it again), once the task running now is over: one of
/// them may be running it.
pub fn drop_listeners() {
    let old = LISTENERS.with(|l| std::mem::take(&mut *l.borrow_mut()));
    if !old.is_empty() {
        crate::browser::set_timeout(move || drop(old), 0);
    }
}

/// Calls `f` on each `event` on `target`, for the page's life.
pub fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut(Event) + 'static) {
    attach(target, event, f).forget();
}

/// Calls `f` on each `event` on `target` while the listener returned is
/// kept.
fn attach(target: &web_sys::EventTarget, event: &str, f: impl FnMut(Event) + 'static) -> Listener {
    let f = Listener::new(f);
    let _ = target.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
    f
}

/// Sets the attribute `name` (empty) on `e` where `on`, else removes it.
pub fn set_flag(e: &Element, name: &str, on: bool) {
    if on {
        let _ = e.set_attribute(name, "");
    } else {
        let _ = e.remove_attribute(name);
    }
}

/// Replaces what `parent` holds with `child`.
pub fn replace_children(parent: &Element, child: impl AsRef<web_sys::Node>) {
    parent.set_text_content(None);
    let _ = parent.append_child(child.as_ref());
}
