//! Find my commune: what a reader types, matched against the names of the
//! 34 provinces and the 3,321 communes of 1 July 2025, diacritics and case
//! aside ("phuong ba dinh", "Ba Đình", "ba dinh ha noi").
//!
//! The communes come from the index the build writes beside the boundary
//! files (`geo/vn-communes-2025.index.json`: `[[code, province, name_vi,
//! name_en, kind], …]`), fetched when the search is first used; the
//! provinces from core's own table.

use crate::data::Text;
use crate::text::search_key;
use crate::units::{province_2025, provinces_2025};
use crate::{Lang, Msg};

/// Where the build writes the communes' index, relative to the page.
pub const INDEX_FILE: &str = "geo/vn-communes-2025.index.json";

/// What a place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    /// One of the 34 provinces and centrally-run cities.
    Province,
    /// Phường.
    Ward,
    /// Xã.
    Commune,
    /// Đặc khu.
    SpecialZone,
}

impl PlaceKind {
    /// The kind as the index writes it (`ward`, `commune`, `special-zone`).
    pub fn from_slug(slug: &str) -> Option<PlaceKind> {
        match slug {
            "ward" => Some(PlaceKind::Ward),
            "commune" => Some(PlaceKind::Commune),
            "special-zone" | "special_zone" => Some(PlaceKind::SpecialZone),
            _ => None,
        }
    }

    /// The kind as the index writes it.
    pub fn slug(self) -> &'static str {
        match self {
            PlaceKind::Province => "province",
            PlaceKind::Ward => "ward",
            PlaceKind::Commune => "commune",
            PlaceKind::SpecialZone => "special-zone",
        }
    }

    /// The kind's word, which comes before the name in Vietnamese
    /// ("Phường Ba Đình") and after it in English ("Ba Dinh Ward").
    pub fn word(self) -> Option<Msg> {
        match self {
            PlaceKind::Province => None,
            PlaceKind::Ward => Some(Msg::KindWard),
            PlaceKind::Commune => Some(Msg::KindCommune),
            PlaceKind::SpecialZone => Some(Msg::KindSpecialZone),
        }
    }
}

/// A province or a commune that can be found.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Official code: 2 digits for a province, 5 for a commune.
    pub code: String,
    /// Its province's code (its own, for a province).
    pub province: String,
    /// The name without its kind: "Ba Đình".
    pub name: Text,
    pub kind: PlaceKind,
    /// What is matched: kind, name and province, in both languages,
    /// diacritics folded, lower case.
    key: String,
    /// The name alone, as matched.
    name_key: String,
}

impl Place {
    /// A place, with its keys for matching.
    pub fn new(code: &str, province: &str, name: Text, kind: PlaceKind) -> Place {
        let province_name = province_2025(province).map(|p| p.name_vi.clone());
        let words = kind
            .word()
            .map(|w| format!("{} {}", w.text(Lang::Vi), w.text(Lang::En)));
        let key = search_key(&format!(
            "{} {} {} {}",
            words.unwrap_or_default(),
            name.vi,
            name.en,
            province_name.unwrap_or_default()
        ));
        Place {
            code: code.to_string(),
            province: province.to_string(),
            name_key: search_key(&name.vi),
            name,
            kind,
            key,
        }
    }

    /// The full name in `lang`: "Phường Ba Đình", "Ba Dinh Ward", "Hà Nội".
    pub fn full_name(&self, lang: Lang) -> String {
        match (self.kind.word(), lang) {
            (None, _) => self.name.get(lang).to_string(),
            (Some(w), Lang::Vi) => format!("{} {}", w.text(lang), self.name.vi),
            (Some(w), Lang::En) => format!("{} {}", self.name.en, w.text(lang)),
        }
    }

    /// Its province's name in `lang` (`None` for a province itself).
    pub fn province_name(&self, lang: Lang) -> Option<String> {
        if self.kind == PlaceKind::Province {
            return None;
        }
        province_2025(&self.province).map(|p| match lang {
            Lang::Vi => p.name_vi.clone(),
            Lang::En => p.name_en(),
        })
    }
}

/// The 34 provinces, then the communes of the index `text`. An index that
/// cannot be read is an error in words (the search says so; the map is
/// not affected).
pub fn places(text: &str) -> Result<Vec<Place>, String> {
    let rows: Vec<Vec<String>> = crate::json::from_str(text)
        .map_err(|e| format!("the list of communes is damaged: {}", e.detail(text)))?;
    let mut out: Vec<Place> = provinces_2025()
        .iter()
        .map(|p| {
            let name = Text {
                vi: p.name_vi.clone(),
                en: p.name_en(),
            };
            Place::new(&p.code, &p.code, name, PlaceKind::Province)
        })
        .collect();
    out.reserve(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let [code, province, vi, en, kind] = row.as_slice() else {
            return Err(format!("the list of communes is damaged: row {i}"));
        };
        let kind = PlaceKind::from_slug(kind)
            .ok_or_else(|| format!("the list of communes is damaged: row {i}: kind {kind:?}"))?;
        let name = Text {
            vi: vi.clone(),
            en: en.clone(),
        };
        out.push(Place::new(code, province, name, kind));
    }
    Ok(out)
}

/// The places that match `query`, best first, at most `limit`: every word
/// typed must begin a word of the place's kind, name or province. The
/// name itself first, then names that begin with what was typed, then the
/// rest; provinces before communes; then by code. A name found in several
/// provinces is listed once for each.
pub fn find<'a>(places: &'a [Place], query: &str, limit: usize) -> Vec<&'a Place> {
    let query = search_key(query);
    let words: Vec<&str> = query.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, &Place)> = places
        .iter()
        .filter(|p| {
            words
                .iter()
                .all(|w| p.key.split(' ').any(|k| k.starts_with(w)))
        })
        .map(|p| {
            let rank = if p.name_key == query {
                0
            } else if p.name_key.starts_with(&query) {
                1
            } else {
                2
            };
            (rank, p)
        })
        .collect();
    hits.sort_by(|(ra, a), (rb, b)| {
        ra.cmp(rb)
            .then((a.kind != PlaceKind::Province).cmp(&(b.kind != PlaceKind::Province)))
            .then(a.code.cmp(&b.code))
    });
    hits.into_iter().take(limit).map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"[
        ["00004","01","Ba Đình","Ba Dinh","ward"],
        ["00008","01","Ngọc Hà","Ngoc Ha","ward"],
        ["26734","79","Bến Thành","Ben Thanh","ward"],
        ["20333","48","Hoàng Sa","Hoang Sa","special-zone"],
        ["11111","04","Tân An","Tan An","commune"],
        ["22222","79","Tân An","Tan An","commune"]
    ]"#;

    fn codes(found: Vec<&Place>) -> Vec<&str> {
        found.iter().map(|p| p.code.as_str()).collect()
    }

    /// Guards "find my commune": diacritics and case aside, with or
    /// without the kind's word and the province.
    #[test]
    fn a_commune_is_found_however_it_is_typed() {
        let places = places(INDEX).unwrap();
        for typed in [
            "phuong ba dinh",
            "Ba Đình",
            "ba dinh ha noi",
            "BA DINH",
            "Ba Dinh Ward",
        ] {
            assert_eq!(codes(find(&places, typed, 10)), ["00004"], "{typed}");
        }
        assert_eq!(codes(find(&places, "ben thanh", 10)), ["26734"]);
        assert_eq!(codes(find(&places, "dac khu hoang sa", 10)), ["20333"]);
        assert!(find(&places, "", 10).is_empty());
        assert!(find(&places, "xyz", 10).is_empty());
    }

    /// Guards names found in several provinces: each is listed, with its
    /// province.
    #[test]
    fn a_name_in_several_provinces_is_listed_once_for_each() {
        let places = places(INDEX).unwrap();
        let found = find(&places, "tan an", 10);
        assert_eq!(codes(found.clone()), ["11111", "22222"]);
        let provinces: Vec<String> = found
            .iter()
            .map(|p| p.province_name(Lang::Vi).unwrap())
            .collect();
        assert_eq!(provinces, ["Cao Bằng", "Hồ Chí Minh"]);
        assert_eq!(found[0].full_name(Lang::Vi), "Xã Tân An");
        assert_eq!(found[0].full_name(Lang::En), "Tan An Commune");
    }

    /// Guards the provinces in the search: found by name, first.
    #[test]
    fn provinces_are_found_too_and_come_first() {
        let places = places(INDEX).unwrap();
        let found = find(&places, "ha noi", 10);
        assert_eq!(found[0].code, "01");
        assert_eq!(found[0].kind, PlaceKind::Province);
        assert_eq!(found[0].province_name(Lang::Vi), None);
        // The exact name before names that only begin with it.
        let found = find(&places, "ba", 10);
        assert!(found.iter().any(|p| p.code == "00004"));
    }

    /// Guards the switch from serde_json to the crate's reader: the index
    /// whole, cut short anywhere, or with a character replaced, reads as
    /// serde_json read it (the same rows, or the same error and place).
    #[test]
    fn the_index_reads_as_with_serde_json() {
        let serde = |text: &str| {
            serde_json::from_str::<Vec<Vec<String>>>(text)
                .map_err(|e| format!("the list of communes is damaged: {e}"))
        };
        let ours = |text: &str| {
            crate::json::from_str::<Vec<Vec<String>>>(text)
                .map_err(|e| format!("the list of communes is damaged: {}", e.detail(text)))
        };
        for (at, _) in INDEX.char_indices() {
            assert_eq!(ours(&INDEX[..at]), serde(&INDEX[..at]), "{at}");
            for junk in ["", "1", "\\", "]", "\""] {
                let next = INDEX[at..].chars().next().map_or(0, char::len_utf8);
                let text = format!("{}{junk}{}", &INDEX[..at], &INDEX[at + next..]);
                assert_eq!(ours(&text), serde(&text), "{text}");
            }
        }
        assert_eq!(ours(INDEX), serde(INDEX));
    }

    /// Guards a damaged index: said in words, not a panic.
    #[test]
    fn a_damaged_index_is_an_error_in_words() {
        assert!(places("[[\"1\"]]").unwrap_err().contains("damaged"));
        assert!(places("not json").is_err());
        assert!(places("[[\"1\",\"01\",\"a\",\"a\",\"castle\"]]")
            .unwrap_err()
            .contains("castle"));
    }
}
