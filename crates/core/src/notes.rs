//! How a figure cites where it comes from, and text made safe for markup:
//! the lines every table, image and feed writes under a figure. A low
//! module: it knows the data's sources, the formats and the words, and
//! nothing of the figures, so every figure may use it.

use crate::data::Source;
use crate::format::format_date;
use crate::{Lang, Msg};

/// Escapes text for an HTML attribute or element.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// "Nguồn: publisher — title (date) url".
pub fn source_note(s: &Source, lang: Lang) -> String {
    let date = s.published_suffix(lang).unwrap_or_default();
    let url = s.link().map(|u| format!(" {u}")).unwrap_or_default();
    format!(
        "{}: {}{date}{url}",
        Msg::Source.text(lang),
        source_name(s, lang)
    )
}

/// "publisher — title", for a source column.
pub fn source_name(s: &Source, lang: Lang) -> String {
    format!("{} — {}", s.publisher.get(lang), s.title.get(lang))
}

/// "Số liệu tính đến: 25/02/2026".
pub fn as_of_note(as_of: &str, lang: Lang) -> String {
    format!("{}: {}", Msg::AsOf.text(lang), format_date(as_of, lang))
}
