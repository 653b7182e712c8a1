//! Light or dark: the embed page's `?theme=` (or the reader's system),
//! shared with the canvas charts through context.

use leptos::prelude::*;

/// Whether the page is drawn dark, provided by the app.
#[derive(Clone, Copy)]
pub struct Dark(pub Signal<bool>);

/// Whether to draw dark (false where no app provides it, as in component
/// tests).
pub fn dark() -> Signal<bool> {
    use_context::<Dark>().map_or_else(|| Signal::stored(false), |d| d.0)
}
