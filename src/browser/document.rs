//! The document and the reader's settings: `<html lang>`, the title and
//! the theme, the language remembered in storage, the system's colour
//! preference, focus, the boot shell and the reader's date.

use tien_do_core::Lang;
use wasm_bindgen::JsCast;

const LANG_KEY: &str = "tien-do.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The language chosen on an earlier visit, if any.
pub fn remembered_lang() -> Option<String> {
    storage()?.get_item(LANG_KEY).ok().flatten()
}

/// Remembers the chosen language for the next visit.
pub fn remember_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
}

/// The document's `<html>` element.
pub(super) fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Sets `<html lang>` (screen readers pick their voice from it) and the
/// document title.
pub fn set_document_lang_and_title(lang: Lang, title: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    doc.set_title(title);
}

/// Whether the reader's system asks for dark colours.
pub fn prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Sets `<html data-theme>` (the style sheet's colours follow it).
pub fn set_document_theme(dark: bool) {
    if let Some(root) = root() {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

/// Moves keyboard and screen-reader focus to the main content, as a page
/// load would after following a link.
pub fn focus_main() {
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
    }
}

/// Removes the static shell `index.html` shows until the app starts.
pub fn remove_boot_shell() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
}

/// Today on the reader's clock, `YYYY-MM-DD` (local time).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}
