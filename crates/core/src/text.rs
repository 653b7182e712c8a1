//! Vietnamese text helpers: folding diacritics for English names and for
//! search that ignores them ("Da Nang" finds "Đà Nẵng").

/// Each ASCII base letter and the Vietnamese letters that fold to it, lower
/// case then upper case.
const FOLDS: [(char, &str); 14] = [
    ('a', "àáạảãâầấậẩẫăằắặẳẵ"),
    ('e', "èéẹẻẽêềếệểễ"),
    ('i', "ìíịỉĩ"),
    ('o', "òóọỏõôồốộổỗơờớợởỡ"),
    ('u', "ùúụủũưừứựửữ"),
    ('y', "ỳýỵỷỹ"),
    ('d', "đ"),
    ('A', "ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ"),
    ('E', "ÈÉẸẺẼÊỀẾỆỂỄ"),
    ('I', "ÌÍỊỈĨ"),
    ('O', "ÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠ"),
    ('U', "ÙÚỤỦŨƯỪỨỰỬỮ"),
    ('Y', "ỲÝỴỶỸ"),
    ('D', "Đ"),
];

/// Combining marks that decomposed text (NFD) uses for Vietnamese: grave,
/// acute, tilde, hook above, dot below, circumflex, breve, horn.
const COMBINING: &str = "\u{300}\u{301}\u{303}\u{309}\u{323}\u{302}\u{306}\u{31b}";

/// The text with Vietnamese diacritics removed, case kept:
/// `"Đắk Lắk"` → `"Dak Lak"`. Works on composed (NFC) and decomposed (NFD)
/// text; other characters pass through.
pub fn fold_diacritics(text: &str) -> String {
    text.chars()
        .filter(|c| !COMBINING.contains(*c))
        .map(|c| {
            if c.is_ascii() {
                return c;
            }
            FOLDS
                .iter()
                .find(|(_, from)| from.contains(c))
                .map_or(c, |(base, _)| *base)
        })
        .collect()
}

/// A key for matching what someone types against names: diacritics folded,
/// lower case, punctuation as spaces, runs of spaces collapsed.
/// `"TP. Hồ Chí Minh"` → `"tp ho chi minh"`.
pub fn search_key(text: &str) -> String {
    let folded = fold_diacritics(text).to_lowercase();
    let spaced: String = folded
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` with its first letter in capitals ("the Central…" starts a
/// heading as "The Central…").
pub fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "Who: what", capitalised, or `what` alone when there is no `who`: a
/// ledger's heading ("Central Steering Committee: Tasks assigned…").
pub fn heading(who: &str, what: &str) -> String {
    if who.trim().is_empty() {
        capitalised(what)
    } else {
        format!("{}: {what}", capitalised(who))
    }
}

/// `text` in double quotes for a message, as Rust's `{:?}` writes it for
/// every printable character: `"` and `\\` escaped, tab, return and line
/// feed as `\\t`, `\\r`, `\\n`, other control characters and the invisible
/// ones that reorder or hide text (bidirectional overrides, zero-width
/// spaces) as `\\u{…}`. Other characters stay as they are, where `{:?}`
/// escapes a few more by Unicode's tables (without which the wasm is 3 KB
/// smaller).
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\0' => out.push_str("\\0"),
            // Controls, and the invisible characters that change how text
            // around them reads (bidirectional overrides, zero-width
            // spaces): shown as their code.
            c if c.is_control()
                || matches!(c, '\u{a0}' | '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
                    | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}') =>
            {
                out.push_str("\\u{");
                out.push_str(&format!("{:x}", u32::from(c)));
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_every_vietnamese_letter() {
        assert_eq!(fold_diacritics("Đà Nẵng"), "Da Nang");
        assert_eq!(fold_diacritics("Thừa Thiên Huế"), "Thua Thien Hue");
        assert_eq!(fold_diacritics("Bà Rịa - Vũng Tàu"), "Ba Ria - Vung Tau");
        assert_eq!(fold_diacritics("ĐẮK LẮK"), "DAK LAK");
        assert_eq!(fold_diacritics("Quỳnh Lưu, Ỷ La"), "Quynh Luu, Y La");
        for (base, from) in FOLDS {
            for c in from.chars() {
                assert_eq!(fold_diacritics(&c.to_string()), base.to_string(), "{c}");
            }
        }
    }

    /// Guards search on text typed on keyboards that send decomposed
    /// letters (macOS, some Android keyboards).
    #[test]
    fn decomposed_text_folds_the_same() {
        let nfd = "Đa\u{300} Na\u{306}\u{303}ng";
        assert_eq!(fold_diacritics(nfd), "Da Nang");
    }

    #[test]
    fn other_text_passes_through() {
        assert_eq!(fold_diacritics("Hanoi 2025 – №1 ü"), "Hanoi 2025 – №1 ü");
        assert_eq!(fold_diacritics(""), "");
    }

    #[test]
    fn search_keys_ignore_case_accents_and_punctuation() {
        assert_eq!(search_key("TP. Hồ Chí Minh"), "tp ho chi minh");
        assert_eq!(search_key("  ha   NOI "), "ha noi");
        assert_eq!(search_key("Hà Nội"), search_key("ha noi"));
        assert_eq!(search_key("TP.HCM"), "tp hcm");
    }

    /// Guards `quoted` against Rust's `{:?}`, which it stands in for in
    /// error texts (as serde_json writes them): the same text for every
    /// control and every printable character; where they differ, `{:?}`
    /// escaped a character Unicode calls unprintable, and `quoted` kept it.
    #[test]
    fn quoted_writes_what_debug_writes_but_for_unprintable_characters() {
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let s = format!("a{c}\"z");
            let (ours, debug) = (quoted(&s), format!("{s:?}"));
            if ours != debug {
                assert!(
                    !c.is_control() && !ours.contains("\\u{") && debug.contains("\\u{"),
                    "{c:?}: {ours} {debug}"
                );
                // Not a letter of Vietnamese or of any Latin script.
                assert!(
                    !matches!(c, ' '..='\u{24f}' | '\u{1e00}'..='\u{1eff}'),
                    "{c:?}"
                );
            }
        }
        assert_eq!(quoted("x\u{7}\u{9f}"), "\"x\\u{7}\\u{9f}\"");
    }
}
