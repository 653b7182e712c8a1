//! The few places the app touches the browser directly. Each one fails
//! quietly (private browsing, storage disabled, no service workers): the
//! page goes on. By what each part does:
//!
//! - [`address`]: the query in the address bar and its history entries,
//!   the page's and the site's address, the link to share, addresses
//!   resolved against the page or checked on the server;
//! - [`document`]: `<html lang>`, the title and the theme, the language
//!   remembered in storage, focus, the boot shell, the reader's date;
//! - [`perf`]: `performance` marks and measures;
//! - [`resize`]: an element's width, tracked by a `ResizeObserver`;
//! - [`download`](mod@download): downloads through blobs and object
//!   URLs, and the clipboard;
//! - [`embed`]: the embedded figure, the frame and the host page (heights
//!   posted to it), links opened in a new tab;
//! - [`offline`]: the service worker and its saved-copy notice.
//!
//! Everything public is re-exported here: callers name
//! `crate::browser::function`.

pub mod address;
pub mod document;
pub mod download;
pub mod embed;
pub mod offline;
pub mod perf;
#[cfg(feature = "site")]
pub mod resize;

pub use address::{
    current_href, current_query, exists, load_page, plain_click, reload, resolve_url, set_query,
    shareable_href, site_base, url_state,
};
pub use document::{
    focus_main, prefers_dark, remember_lang, remembered_lang, remove_boot_shell,
    set_document_lang_and_title, set_document_theme, today,
};
pub use download::{
    caption_notes, copy_text, download, download_png, save_csv, save_png, save_svg, stamped,
};
pub use embed::{
    embed_figure, in_frame, mark_embedded, open_in_new_tab, post_height_on_resize, post_to_parent,
    start_embedding,
};
pub use offline::{on_saved_copy, register_service_worker};
pub use perf::{
    after_first_figure, after_next_frame, after_shown, clear_timeout, figure_shown,
    first_figure_shown, idle, mark_once, measured, now_ms, set_timeout, while_rendering,
};
#[cfg(feature = "site")]
pub use resize::tracked_width;
