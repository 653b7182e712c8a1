//! The 3,321 communes, wards and special zones from 1 July 2025: the
//! built-in unit set `vn-commune-2025` that a publisher's commune data can
//! name instead of listing its units.
//!
//! The table is the project's copy, `data/reference/communes_2025.csv` (see
//! its README for the source and licence), compiled into the publishers'
//! tool only. The app does not need it (it takes the communes' names from
//! the site's commune boundaries), and a first-view size budget holds the
//! wasm: a cargo feature of `tien-do-core` would not keep it out, because
//! Trunk builds the app with the workspace's default members, the tool
//! among them, and features are unified across them.

use std::collections::HashSet;
use std::sync::OnceLock;
use tien_do_core::data::ProgressData;
use tien_do_core::find::PlaceKind;
use tien_do_core::text::search_key;
use tien_do_core::units::province_2025;
use tien_do_core::validate::{Problem, Rule, Severity};

/// The word of a commune's kind in its full name: before the Vietnamese
/// name and after the English one, capitalised as part of a proper name
/// ("Phu Quoc Special Zone"; the app's kind label, `Msg::KindSpecialZone`,
/// is "Special zone").
fn name_words(kind: PlaceKind) -> (&'static str, &'static str) {
    match kind {
        PlaceKind::Ward => ("Phường", "Ward"),
        PlaceKind::Commune => ("Xã", "Commune"),
        PlaceKind::SpecialZone => ("Đặc khu", "Special Zone"),
        PlaceKind::Province => ("", ""),
    }
}

/// A commune, ward or special zone from 1 July 2025.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commune2025 {
    /// Official 5-digit code (Decision 19/2025/QĐ-TTg).
    pub code: String,
    /// The 2-digit code of its province (its parent).
    pub province: String,
    /// Vietnamese name without "Phường"/"Xã"/"Đặc khu": "Ba Đình".
    pub name_vi: String,
    /// English name: the Vietnamese one without diacritics, "Ba Dinh".
    pub name_en: String,
    /// Ward, commune or special zone (never `Province`).
    pub kind: PlaceKind,
}

impl Commune2025 {
    /// "Phường Ba Đình".
    pub fn full_name_vi(&self) -> String {
        format!("{} {}", name_words(self.kind).0, self.name_vi)
    }

    /// "Ba Dinh Ward".
    pub fn full_name_en(&self) -> String {
        format!("{} {}", self.name_en, name_words(self.kind).1)
    }

    /// Its province's Vietnamese name ("Hà Nội").
    pub fn province_name_vi(&self) -> &'static str {
        province_2025(&self.province).map_or("?", |p| p.name_vi.as_str())
    }

    /// Code, name and province, as messages name it:
    /// "00004 Phường Ba Đình (Hà Nội)".
    pub fn label(&self) -> String {
        format!(
            "{} {} ({})",
            self.code,
            self.full_name_vi(),
            self.province_name_vi()
        )
    }
}

const COMMUNES_2025_CSV: &str = include_str!("../../../data/reference/communes_2025.csv");

/// The 3,321 units from 1 July 2025, in code order.
pub fn communes_2025() -> &'static [Commune2025] {
    static TABLE: OnceLock<Vec<Commune2025>> = OnceLock::new();
    TABLE.get_or_init(|| {
        COMMUNES_2025_CSV
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let f: Vec<&str> = line.split(',').map(str::trim).collect();
                assert_eq!(f.len(), 5, "communes_2025.csv row {line:?}");
                Commune2025 {
                    code: f[0].into(),
                    province: f[1].into(),
                    name_vi: f[2].into(),
                    name_en: f[3].into(),
                    kind: PlaceKind::from_slug(f[4])
                        .filter(|k| *k != PlaceKind::Province)
                        .unwrap_or_else(|| panic!("communes_2025.csv: unknown type {:?}", f[4])),
                }
            })
            .collect()
    })
}

/// A commune code as the table writes it: 5 digits. Codes written without
/// their leading zeros ("4", "004", as a spreadsheet keeps them) or with
/// more ("000004") are given 5 digits; anything but digits gives `None`.
pub fn canonical_code(code: &str) -> Option<String> {
    let code = code.trim();
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let significant = code.trim_start_matches('0');
    (significant.len() <= 5).then(|| format!("{significant:0>5}"))
}

/// The unit with exactly this code ("00004").
pub fn commune_2025_exact(code: &str) -> Option<&'static Commune2025> {
    let table = communes_2025();
    let i = table.binary_search_by(|c| c.code.as_str().cmp(code)).ok()?;
    Some(&table[i])
}

/// The unit with this code, written with or without its leading zeros
/// ("00004", "004" or "4").
pub fn commune_2025(code: &str) -> Option<&'static Commune2025> {
    commune_2025_exact(&canonical_code(code)?)
}

/// The search keys of each unit (as [`search_key`] makes them): its short
/// name, its Vietnamese full name, its English full name.
fn keys() -> &'static [[String; 3]] {
    static KEYS: OnceLock<Vec<[String; 3]>> = OnceLock::new();
    KEYS.get_or_init(|| {
        communes_2025()
            .iter()
            .map(|c| {
                [
                    search_key(&c.name_vi),
                    search_key(&c.full_name_vi()),
                    search_key(&c.full_name_en()),
                ]
            })
            .collect()
    })
}

/// The unit whose name is nearest to `name`, ignoring diacritics, case and
/// punctuation, with or without "Phường"/"Xã"/"Đặc khu" ("phuong ba dinh",
/// "Ba Đình", "Ba Dinh Ward"). Among equally near names, one written with
/// the same diacritics comes first, then one in `province` (a 2-digit code)
/// where given, then the lowest code. `None` when no name is near: more
/// than a third of the name's letters would have to change.
pub fn nearest_by_name(name: &str, province: Option<&str>) -> Option<&'static Commune2025> {
    let query = search_key(name);
    let query: Vec<char> = query.chars().collect();
    if query.is_empty() {
        return None;
    }
    let lower = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let as_written = lower(name);
    let limit = (query.len() / 3).max(1);
    let mut best: Option<((usize, bool, bool), usize)> = None;
    for (i, (c, keys)) in communes_2025().iter().zip(keys()).enumerate() {
        let bound = best.map_or(limit, |((d, _, _), _)| d);
        let Some(distance) = keys
            .iter()
            .filter_map(|k| edit_distance_within(&query, k, bound))
            .min()
        else {
            continue;
        };
        let same_letters =
            as_written == lower(&c.name_vi) || as_written == lower(&c.full_name_vi());
        let score = (
            distance,
            !same_letters,
            province.is_some_and(|p| p != c.province),
        );
        if best.is_none_or(|(b, _)| score < b) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| &communes_2025()[i])
}

/// The Levenshtein distance between `a` and `b` (in characters), if it is
/// at most `bound`.
fn edit_distance_within(a: &[char], b: &str, bound: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
        if row.iter().min().is_some_and(|&m| m > bound) {
            return None;
        }
    }
    row.last().copied().filter(|&d| d <= bound)
}

/// The words for a code that is not in the set, with a suggestion when
/// one can be made: the same code with its leading zeros, else the unit
/// nearest to `name`, the name the publisher gave it (if any).
pub fn unknown_code_message(code: &str, name: Option<&str>, province: Option<&str>) -> String {
    let head = format!("{code:?} is not a commune code of 1 July 2025");
    if let Some(c) = commune_2025(code) {
        format!(
            "{head}: commune codes have 5 digits; did you mean {}?",
            c.label()
        )
    } else if let Some(c) = name.and_then(|n| nearest_by_name(n, province)) {
        format!("{head}; did you mean {}?", c.label())
    } else {
        format!(
            "{head}; the 3,321 codes, with their names, are in data/templates/commune-criteria.csv"
        )
    }
}

/// The checks only the publishers' tool can make, having the table: every
/// code of a series whose period is in the built-in commune set is one of
/// the 3,321. Run after [`tien_do_core::validate::validate`].
pub fn validate_communes(data: &ProgressData) -> Vec<Problem> {
    let sets: HashSet<&str> = data
        .unit_sets
        .iter()
        .filter(|s| s.is_builtin_communes_2025())
        .map(|s| s.id.as_str())
        .collect();
    let periods: HashSet<&str> = data
        .periods
        .iter()
        .filter(|p| sets.contains(p.unit_set.as_str()))
        .map(|p| p.id.as_str())
        .collect();
    let mut problems = Vec::new();
    for (i, s) in data.series.iter().enumerate() {
        if !periods.contains(s.period.as_str()) {
            continue;
        }
        for (j, code) in s.units.iter().enumerate() {
            if commune_2025_exact(code).is_none() {
                problems.push(Problem {
                    severity: Severity::Error,
                    rule: Rule::UnknownUnitCode,
                    path: format!("/series/{i}/units/{j}"),
                    message: unknown_code_message(code, None, None),
                });
            }
        }
    }
    problems
}

/// The index "find my commune" searches (`tien_do_core::find::INDEX_FILE`):
/// `[[code, province, name_vi, name_en, kind], …]`, one commune a row.
pub fn search_index_json() -> String {
    let rows: Vec<[&str; 5]> = communes_2025()
        .iter()
        .map(|c| {
            [
                c.code.as_str(),
                c.province.as_str(),
                c.name_vi.as_str(),
                c.name_en.as_str(),
                c.kind.slug(),
            ]
        })
        .collect();
    serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    /// Guards the two copies of the official table: the tool's
    /// (`data/reference/communes_2025.csv`) holds the same communes, in the
    /// same provinces, with the same Vietnamese names, as the boundary
    /// tests' (`data/geo/vn-units-2025.csv`, the official map's).
    #[test]
    fn the_tool_s_table_agrees_with_the_official_map_s() {
        let official = include_str!("../../../data/geo/vn-units-2025.csv");
        let mut rows: Vec<(String, String, String)> = official
            .lines()
            .skip(1)
            .filter(|l| l.starts_with("commune,"))
            .map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                (f[1].to_string(), f[2].to_string(), f[3].to_string())
            })
            .collect();
        rows.sort();
        let mut ours: Vec<(String, String, String)> = communes_2025()
            .iter()
            .map(|c| (c.code.clone(), c.province.clone(), c.name_vi.clone()))
            .collect();
        ours.sort();
        assert_eq!(rows.len(), 3321);
        assert_eq!(ours, rows);
    }

    use super::*;
    use std::collections::BTreeSet;
    use tien_do_core::units::provinces_2025;

    #[test]
    fn there_are_3321_units_with_unique_five_digit_codes_in_order() {
        let table = communes_2025();
        assert_eq!(table.len(), 3321);
        assert!(table
            .iter()
            .all(|c| c.code.len() == 5 && c.code.bytes().all(|b| b.is_ascii_digit())));
        assert!(
            table.windows(2).all(|w| w[0].code < w[1].code),
            "unique and in order (the lookup searches by halves)"
        );
        let count = |k| table.iter().filter(|c| c.kind == k).count();
        assert_eq!(
            (
                count(PlaceKind::Ward),
                count(PlaceKind::Commune),
                count(PlaceKind::SpecialZone)
            ),
            (697, 2611, 13)
        );
        assert!(table
            .iter()
            .all(|c| !c.name_vi.is_empty() && !c.name_en.is_empty()));
    }

    #[test]
    fn every_unit_has_one_of_the_34_provinces_as_parent_and_each_has_units() {
        let parents: BTreeSet<&str> = communes_2025()
            .iter()
            .map(|c| c.province.as_str())
            .collect();
        let provinces: BTreeSet<&str> = provinces_2025().iter().map(|p| p.code.as_str()).collect();
        assert_eq!(parents, provinces);
        assert_eq!(parents.len(), 34);
        // The special zones of the two archipelagos, in their provinces.
        let hoang_sa = communes_2025().iter().find(|c| c.name_vi == "Hoàng Sa");
        assert_eq!(
            hoang_sa.map(Commune2025::label).as_deref(),
            Some("20333 Đặc khu Hoàng Sa (Đà Nẵng)")
        );
        assert_eq!(
            commune_2025("22736")
                .map(Commune2025::full_name_en)
                .as_deref(),
            Some("Truong Sa Special Zone")
        );
    }

    #[test]
    fn codes_are_found_with_or_without_leading_zeros() {
        for code in ["00004", "0004", "004", "4", " 4 ", "000004"] {
            assert_eq!(
                commune_2025(code).map(Commune2025::label).as_deref(),
                Some("00004 Phường Ba Đình (Hà Nội)"),
                "{code:?}"
            );
        }
        assert_eq!(canonical_code("70").as_deref(), Some("00070"));
        assert_eq!(
            commune_2025("70").map(|c| c.name_vi.as_str()),
            Some("Hoàn Kiếm")
        );
        for not_a_code in ["", "x4", "4.0", "-4", "123456", "99999"] {
            assert_eq!(commune_2025(not_a_code), None, "{not_a_code:?}");
        }
        assert_eq!(commune_2025_exact("4"), None, "the exact lookup is exact");
    }

    #[test]
    fn the_nearest_name_is_found_with_or_without_diacritics() {
        let nearest = |name: &str, province: Option<&str>| {
            nearest_by_name(name, province).map(|c| c.code.as_str())
        };
        // Three units are called Ba Đình or Ba Dinh: the ward in Hà Nội, a
        // commune in Thanh Hóa (38), a commune in Quảng Ngãi (51).
        assert_eq!(nearest("phuong ba dinh", None), Some("00004"));
        assert_eq!(nearest("Ba Đình", None), Some("00004"));
        assert_eq!(nearest("PHƯỜNG BA ĐÌNH", None), Some("00004"));
        assert_eq!(nearest("Ba Dinh Ward", None), Some("00004"));
        assert_eq!(nearest("xa ba dinh", None), Some("16171"));
        assert_eq!(nearest("Ba Đình", Some("38")), Some("16171"));
        assert_eq!(
            nearest("Ba Dinh", Some("51")),
            Some("21499"),
            "written as the table writes it"
        );
        // A letter wrong or missing still finds it.
        assert_eq!(nearest("Phuong Ba Dihn", None), Some("00004"));
        assert_eq!(nearest("Hoan Kiem", None), Some("00070"));
        // Decomposed (NFD) input folds the same.
        assert_eq!(nearest("Ba \u{110}i\u{300}nh", None), Some("00004"));
        // Nothing near: no suggestion rather than a wrong one.
        assert_eq!(nearest("zzzz qqqq", None), None);
        assert_eq!(nearest("", None), None);
    }

    #[test]
    fn an_unknown_code_is_named_with_the_nearest_commune() {
        assert_eq!(
            unknown_code_message("4", None, None),
            "\"4\" is not a commune code of 1 July 2025: commune codes have 5 digits; did you mean 00004 Phường Ba Đình (Hà Nội)?"
        );
        assert_eq!(
            unknown_code_message("00005", Some("phuong ba dinh"), None),
            "\"00005\" is not a commune code of 1 July 2025; did you mean 00004 Phường Ba Đình (Hà Nội)?"
        );
        assert!(unknown_code_message("00005", None, None)
            .ends_with("are in data/templates/commune-criteria.csv"));
    }

    /// Guards the publishers' validator: a series on the built-in set may
    /// hold only the 3,321 codes, as the table writes them.
    #[test]
    fn the_validator_rejects_a_code_not_in_the_builtin_set() {
        let data = format!(
            r#"{{"schema_version": 1, "title": {{"vi": "X", "en": "X"}}, "as_of": "2025-12-31",
            "sources": [{{"id": "s", "publisher": {{"vi": "P", "en": "P"}}, "title": {{"vi": "T", "en": "T"}}}}],
            "unit_sets": [{{"id": "xa", "name": {{"vi": "3.321 xã", "en": "3,321 communes"}},
                "level": "commune", "units": [], "source": "s", "builtin": "{}"}}],
            "indicators": [{{"id": "c1", "name": {{"vi": "C", "en": "C"}}, "unit": {{"vi": "%", "en": "%"}},
                "format": {{"decimals": 0}}, "higher_is_better": true, "framework": "commune_criteria", "source": "s"}}],
            "periods": [{{"id": "2025", "label": {{"vi": "2025", "en": "2025"}}, "unit_set": "xa"}}],
            "series": [{{"indicator": "c1", "period": "2025", "units": ["00004", "4", "00005"],
                "values": [1, 2, null], "source": "s"}}]}}"#,
            tien_do_core::data::BUILTIN_COMMUNES_2025
        );
        let data = tien_do_core::parse_progress(&data).unwrap();
        assert_eq!(tien_do_core::validate::validate(&data), vec![]);
        let problems = validate_communes(&data);
        let listed: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| (p.path.as_str(), p.message.as_str()))
            .collect();
        assert_eq!(
            listed,
            [
                (
                    "/series/0/units/1",
                    "\"4\" is not a commune code of 1 July 2025: commune codes have 5 digits; did you mean 00004 Phường Ba Đình (Hà Nội)?"
                ),
                (
                    "/series/0/units/2",
                    "\"00005\" is not a commune code of 1 July 2025; the 3,321 codes, with their names, are in data/templates/commune-criteria.csv"
                )
            ]
        );
        assert!(problems
            .iter()
            .all(|p| p.severity == Severity::Error && p.rule == Rule::UnknownUnitCode));
        let (code, report) = crate::report("x.json", &data);
        assert_eq!(code, crate::DATA_ERRORS);
        assert!(report.contains("2 error(s)"), "{report}");
    }

    /// Guards the publishers' template: one row per unit of the table, with
    /// its province and names, the values left empty, and the columns the
    /// build reads for values.
    #[test]
    fn the_template_lists_the_3321_codes_with_their_names() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../data/templates/commune-criteria.csv");
        let table = crate::table::Table::read(&path).unwrap();
        table
            .require(&["indicator", "period", "unit", "value", "source"])
            .unwrap();
        let rows: Vec<_> = table.rows().collect();
        assert_eq!(rows.len(), communes_2025().len());
        for (row, c) in rows.iter().zip(communes_2025()) {
            assert_eq!(row.opt("unit"), Some(c.code.as_str()), "line {}", row.line);
            assert_eq!(row.opt("province"), Some(c.province.as_str()));
            assert_eq!(row.opt("province_name_vi"), Some(c.province_name_vi()));
            let name = row.opt_text("unit_name").unwrap();
            assert_eq!((name.vi, name.en), (c.full_name_vi(), c.full_name_en()));
            for empty in [
                "indicator",
                "period",
                "value",
                "note_vi",
                "note_en",
                "source",
            ] {
                assert_eq!(row.opt(empty), None, "line {}: {empty}", row.line);
            }
        }
    }
}
