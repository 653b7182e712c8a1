//! The Data page: every published value of every indicator as one table,
//! sortable and filterable.
//!
//! Rows are built from [`map_data`], so a row's value ("not published" kept
//! apart from zero) and rank are exactly what the map shows. Searching for a
//! unit forgives what people type: no diacritics, any case, the unit's code,
//! common short names ("HCM", "Sài Gòn", "Hanoi"), and the names of the 63
//! provinces before 1 July 2025, which find the province they became part of
//! in periods counted by the 34 (Resolution 202/2025/QH15).

use crate::choropleth::{former_unit_set, map_data, periods_of, Lineage, MapRow};
use crate::data::{ProgressData, Text};
use crate::text::{fold_diacritics, search_key};
use crate::units;
use crate::Lang;
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// One value of the table: one unit, in one indicator's series for one
/// period.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataRow {
    /// The [`crate::data::Indicator::id`].
    pub indicator: String,
    /// The [`crate::data::Period::id`].
    pub period: String,
    /// The unit's code.
    pub code: String,
    /// The unit's name.
    pub name: Text,
    /// `None`: not published (never zero).
    pub value: Option<f64>,
    /// 1 = best, ties shared, as on the map; `None` when not published.
    pub rank: Option<usize>,
    /// How many units have a value in this indicator and period (the "of"
    /// in "rank 3 of 34").
    pub of: usize,
    /// The older units this one was formed from (the 2025 merger), from the
    /// data's unit mappings, or from the built-in table of the 63 provinces
    /// when the data has none for the 34; empty for units of an older set.
    /// A search for one of these names finds this unit.
    pub formed_from: Vec<Text>,
}

/// Every row of the table: for each indicator (in listed order), each
/// period it has values in (in listed order), every unit of the period's
/// unit set (in the set's order). Series whose indicator, period or unit
/// set is unknown are left out, as the map leaves them out.
pub fn data_rows(data: &ProgressData) -> Vec<DataRow> {
    let mut rows = Vec::new();
    let mut seen = HashSet::new();
    for indicator in &data.indicators {
        if !seen.insert(indicator.id.as_str()) {
            continue; // A repeated id: map_data reads the first anyway.
        }
        for period in periods_of(data, &indicator.id) {
            let Some(map) = map_data(data, &indicator.id, &period.id) else {
                continue;
            };
            let of = map.rows.iter().filter(|r| r.value.is_some()).count();
            let builtin =
                former_unit_set(data, &map.unit_set).is_none() && is_provinces_2025(&map.rows);
            rows.extend(map.rows.into_iter().map(|r| {
                let formed_from = match r.lineage {
                    Lineage::FormedFrom(names) => names,
                    _ if builtin => builtin_predecessors(&r.code),
                    _ => Vec::new(),
                };
                DataRow {
                    indicator: indicator.id.clone(),
                    period: period.id.clone(),
                    code: r.code,
                    name: r.name,
                    value: r.value,
                    rank: r.rank,
                    of,
                    formed_from,
                }
            }));
        }
    }
    rows
}

/// Whether a map's units are the 34 provinces from 1 July 2025.
fn is_provinces_2025(rows: &[MapRow]) -> bool {
    rows.len() == units::provinces_2025().len()
        && rows.iter().all(|r| units::province_2025(&r.code).is_some())
}

/// The names of the pre-2025 provinces that formed the 2025 unit `code`,
/// from the built-in table.
fn builtin_predecessors(code: &str) -> Vec<Text> {
    units::predecessors(code)
        .into_iter()
        .map(|p| Text {
            vi: p.name_vi.clone(),
            en: fold_diacritics(&p.name_vi),
        })
        .collect()
}

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// By indicator id, so that an index and its pillars (`dti`,
    /// `dti.…`) stay together.
    #[default]
    Indicator,
    /// By period id.
    Period,
    /// By unit name, ignoring diacritics and case ("Đà Nẵng" among the D).
    Unit,
    /// By value; missing values last.
    Value,
    /// By rank; missing ranks last.
    Rank,
}

impl SortKey {
    /// Every key, in the table's column order.
    pub const ALL: [SortKey; 5] = [
        SortKey::Indicator,
        SortKey::Period,
        SortKey::Unit,
        SortKey::Value,
        SortKey::Rank,
    ];

    /// The key's name in a URL (`?sort=value`).
    pub fn slug(self) -> &'static str {
        match self {
            SortKey::Indicator => "indicator",
            SortKey::Period => "period",
            SortKey::Unit => "unit",
            SortKey::Value => "value",
            SortKey::Rank => "rank",
        }
    }

    /// Reads a [`SortKey::slug`]; case and surrounding spaces are ignored,
    /// anything else gives `None`.
    pub fn from_slug(slug: &str) -> Option<SortKey> {
        let slug = slug.trim();
        SortKey::ALL
            .into_iter()
            .find(|k| k.slug().eq_ignore_ascii_case(slug))
    }
}

/// Sorts `rows` by `key`, ascending or descending. Unit names are compared
/// in `lang` by their [`search_key`]. Missing values and ranks come last
/// whichever the direction. The sort is stable and ties are broken by
/// indicator, period and code (always ascending), so the order never
/// depends on the order before.
/// Works on rows or on references to rows (a filtered view).
pub fn sort_rows<R: Borrow<DataRow>>(
    rows: &mut Vec<R>,
    key: SortKey,
    descending: bool,
    lang: Lang,
) {
    // Unit keys are computed once, not at every comparison.
    let unit_keys: Vec<String> = match key {
        SortKey::Unit => rows
            .iter()
            .map(|r| search_key(r.borrow().name.get(lang)))
            .collect(),
        _ => Vec::new(),
    };
    let directed = |o: Ordering| if descending { o.reverse() } else { o };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (rows[i].borrow(), rows[j].borrow());
        let primary = match key {
            SortKey::Indicator => directed(a.indicator.cmp(&b.indicator)),
            SortKey::Period => directed(a.period.cmp(&b.period)),
            SortKey::Unit => directed(unit_keys[i].cmp(&unit_keys[j])),
            SortKey::Value => missing_last(a.value, b.value, |x, y| directed(x.total_cmp(&y))),
            SortKey::Rank => missing_last(a.rank, b.rank, |x, y| directed(x.cmp(&y))),
        };
        primary
            .then_with(|| a.indicator.cmp(&b.indicator))
            .then_with(|| a.period.cmp(&b.period))
            .then_with(|| a.code.cmp(&b.code))
    });
    // Move each row to its place without cloning.
    let mut taken: Vec<Option<R>> = rows.drain(..).map(Some).collect();
    rows.extend(order.into_iter().filter_map(|i| taken[i].take()));
}

/// Compares two optional values with `cmp`, a missing one after any
/// present one.
fn missing_last<T: Copy>(a: Option<T>, b: Option<T>, cmp: impl Fn(T, T) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => cmp(x, y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// What the table is narrowed to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableFilter {
    /// Only this [`crate::data::Indicator::id`]; `None` for all.
    pub indicator: Option<String>,
    /// Only this [`crate::data::Period::id`]; `None` for all.
    pub period: Option<String>,
    /// A unit to look for, as typed (see [`UnitQuery`]); empty for all.
    pub query: String,
}

/// The rows that pass `filter`, in their order. Names are searched in both
/// languages: someone reading English may well type a Vietnamese name.
pub fn filter_rows<'a>(rows: &'a [DataRow], filter: &TableFilter) -> Vec<&'a DataRow> {
    filter_indexes(rows, filter)
        .into_iter()
        .filter_map(|i| rows.get(i))
        .collect()
}

/// The positions in `rows` of the rows that pass `filter`, in order (what
/// a view keeps, so that it need not copy rows).
pub fn filter_indexes(rows: &[DataRow], filter: &TableFilter) -> Vec<usize> {
    let query = UnitQuery::new(&filter.query);
    // The same unit appears in every series: match each name once.
    let mut names: HashMap<(&str, &str), bool> = HashMap::new();
    let mut former: HashMap<(&str, &str), bool> = HashMap::new();
    rows.iter()
        .enumerate()
        .filter(|(_, r)| filter.indicator.as_ref().is_none_or(|i| *i == r.indicator))
        .filter(|(_, r)| filter.period.as_ref().is_none_or(|p| *p == r.period))
        .filter(|(_, r)| {
            query.is_empty()
                || query.matches_code(&r.code)
                || *names
                    .entry((&r.name.vi, &r.name.en))
                    .or_insert_with(|| query.matches_name(&r.name))
                || r.formed_from.iter().any(|t| {
                    *former
                        .entry((&t.vi, &t.en))
                        .or_insert_with(|| query.matches_former_name(t))
                })
        })
        .map(|(i, _)| i)
        .collect()
}

/// A row with its position, for sorting a view by position.
pub struct At<'a>(pub usize, pub &'a DataRow);

impl Borrow<DataRow> for At<'_> {
    fn borrow(&self) -> &DataRow {
        self.1
    }
}

/// The positions `picked` (into `rows`) sorted as [`sort_rows`] sorts.
pub fn sort_indexes(
    rows: &[DataRow],
    picked: Vec<usize>,
    key: SortKey,
    descending: bool,
    lang: Lang,
) -> Vec<usize> {
    let mut at: Vec<At> = picked
        .into_iter()
        .filter_map(|i| Some(At(i, rows.get(i)?)))
        .collect();
    sort_rows(&mut at, key, descending, lang);
    at.into_iter().map(|a| a.0).collect()
}

/// Other names people type for a province, with its code (the same in the
/// 34 and in the 63). Compared by [`search_key`], spaces and punctuation
/// ignored, so "TP.HCM", "TP HCM" and "tphcm" are one alias.
pub const ALIASES: &[(&str, &str)] = &[
    ("Hà Nội", "01"),
    ("Hanoi", "01"),
    ("HN", "01"),
    ("Hải Phòng", "31"),
    ("Haiphong", "31"),
    ("Huế", "46"),
    ("Hue City", "46"),
    ("Đà Nẵng", "48"),
    ("Danang", "48"),
    ("TP.HCM", "79"),
    ("HCM", "79"),
    ("HCMC", "79"),
    ("Sài Gòn", "79"),
    ("Saigon", "79"),
    ("Ho Chi Minh City", "79"),
    ("TP. Hồ Chí Minh", "79"),
    ("Thành phố Hồ Chí Minh", "79"),
    ("Cần Thơ", "92"),
    ("Cantho", "92"),
];

/// An alias needs this many letters typed before a prefix of it counts
/// ("sai" finds Sài Gòn, "s" does not).
const ALIAS_PREFIX_MIN: usize = 3;

/// A search for a unit, prepared once and matched against many rows.
///
/// It matches a unit when it is the unit's code exactly, when it starts a
/// word of the unit's Vietnamese or English name (diacritics, case, spaces
/// and punctuation ignored: "ha" finds Hà Nội and Hà Tĩnh, "danang" finds
/// Đà Nẵng), or when it is one of the unit's [`ALIASES`]. A leading "Tỉnh",
/// "Thành phố" or "TP" and a trailing "city" or "province" are ignored. The
/// names of older units a unit was formed from match too, once the query
/// goes past the word it starts in ("binh duong" finds Hồ Chí Minh in the
/// 34; "binh" alone does not).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitQuery {
    /// The query as typed, trimmed, for codes.
    code: String,
    /// The query's search key without spaces: as typed, and without the
    /// words "Tỉnh", "city"… when something else remains.
    forms: Vec<String>,
    /// Codes of the aliases it names.
    alias_codes: Vec<&'static str>,
}

impl UnitQuery {
    /// Prepares `query`. A query without letters or digits is empty.
    pub fn new(query: &str) -> UnitQuery {
        let key = search_key(query);
        let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return UnitQuery::default();
        }
        let mut forms = vec![words.concat()];
        let core = strip_unit_words(&words);
        if !core.is_empty() && core.len() < words.len() {
            forms.push(core.concat());
        }
        let alias_codes = ALIASES
            .iter()
            .filter(|(alias, _)| {
                let alias = compact(alias);
                forms.iter().any(|f| {
                    *f == alias
                        || (f.chars().count() >= ALIAS_PREFIX_MIN && alias.starts_with(f.as_str()))
                })
            })
            .map(|(_, code)| *code)
            .collect();
        UnitQuery {
            code: query.trim().to_string(),
            forms,
            alias_codes,
        }
    }

    /// Whether the query matches everything.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Whether the query is `code` or an alias of it.
    pub fn matches_code(&self, code: &str) -> bool {
        !self.is_empty() && (self.code == code || self.alias_codes.contains(&code))
    }

    /// Whether the query starts a word of `name`, in either language.
    pub fn matches_name(&self, name: &Text) -> bool {
        [&name.vi, &name.en].into_iter().any(|n| {
            let words = Words::new(n);
            self.forms.iter().any(|f| words.starts(f).next().is_some())
        })
    }

    /// Whether the query names `name`, an older unit: it starts a word of
    /// the name and goes past that word.
    pub fn matches_former_name(&self, name: &Text) -> bool {
        [&name.vi, &name.en].into_iter().any(|n| {
            let words = Words::new(n);
            self.forms
                .iter()
                .any(|f| words.starts(f).any(|w| f.len() > words.len_of(w)))
        })
    }

    /// Whether the query matches unit `code` named `name`.
    pub fn matches(&self, code: &str, name: &Text) -> bool {
        self.is_empty() || self.matches_code(code) || self.matches_name(name)
    }

    /// Whether the query matches `row`'s unit, by its code, name or the
    /// names of the units it was formed from.
    pub fn matches_row(&self, row: &DataRow) -> bool {
        self.matches(&row.code, &row.name)
            || row.formed_from.iter().any(|t| self.matches_former_name(t))
    }
}

/// Whether `query` matches unit `code` named `name` (see [`UnitQuery`]);
/// an empty query matches every unit. To test many units, prepare a
/// [`UnitQuery`] once instead.
pub fn unit_matches(query: &str, code: &str, name: &Text) -> bool {
    UnitQuery::new(query).matches(code, name)
}

/// `words` without a leading "tinh", "thanh pho" or "tp" and a trailing
/// "city" or "province".
fn strip_unit_words<'w>(words: &'w [&'w str]) -> &'w [&'w str] {
    let mut core = words;
    if let Some(rest) = core.strip_prefix(&["thanh", "pho"]) {
        core = rest;
    } else if let [first, rest @ ..] = core {
        if matches!(*first, "tinh" | "tp") {
            core = rest;
        }
    }
    if let [rest @ .., last] = core {
        if matches!(*last, "city" | "province") {
            core = rest;
        }
    }
    core
}

/// `text`'s search key without spaces.
fn compact(text: &str) -> String {
    search_key(text).replace(' ', "")
}

/// A name's search key without spaces, and where each word starts in it.
struct Words {
    compact: String,
    starts: Vec<usize>,
}

impl Words {
    fn new(name: &str) -> Words {
        let key = search_key(name);
        let mut compact = String::with_capacity(key.len());
        let mut starts = Vec::new();
        for word in key.split(' ').filter(|w| !w.is_empty()) {
            starts.push(compact.len());
            compact.push_str(word);
        }
        Words { compact, starts }
    }

    /// The indexes of the words that `form` starts at.
    fn starts<'s>(&'s self, form: &'s str) -> impl Iterator<Item = usize> + 's {
        self.starts
            .iter()
            .enumerate()
            .filter(move |(_, &s)| {
                self.compact
                    .get(s..)
                    .is_some_and(|rest| rest.starts_with(form))
            })
            .map(|(i, _)| i)
    }

    /// The length in bytes of word `i`.
    fn len_of(&self, i: usize) -> usize {
        let start = self.starts.get(i).copied().unwrap_or(0);
        let end = self
            .starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.compact.len());
        end.saturating_sub(start)
    }
}

/// The indicator ids found in `rows`, in first-seen order (for the filter's
/// choices).
pub fn distinct_indicators(rows: &[DataRow]) -> Vec<&str> {
    let mut seen = HashSet::new();
    rows.iter()
        .map(|r| r.indicator.as_str())
        .filter(|i| seen.insert(*i))
        .collect()
}

/// The period ids found in `rows`, in first-seen order; only those of
/// `indicator` when one is given.
pub fn distinct_periods<'a>(rows: &'a [DataRow], indicator: Option<&str>) -> Vec<&'a str> {
    let mut seen = HashSet::new();
    rows.iter()
        .filter(|r| indicator.is_none_or(|i| r.indicator == i))
        .map(|r| r.period.as_str())
        .filter(|p| seen.insert(*p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::{demo, series_mut};

    /// The codes that `query` finds in `dti` for `period`.
    fn found(rows: &[DataRow], period: &str, query: &str) -> Vec<String> {
        let filter = TableFilter {
            indicator: Some("dti".into()),
            period: Some(period.into()),
            query: query.into(),
        };
        filter_rows(rows, &filter)
            .into_iter()
            .map(|r| r.code.clone())
            .collect()
    }

    /// Guards the page's view of the table: positions filtered and sorted
    /// name the same rows, in the same order, as filtering and sorting the
    /// rows themselves.
    #[test]
    fn indexes_agree_with_rows() {
        let d = crate::parse_progress(include_str!("../../../public/data/progress.json")).unwrap();
        let rows = data_rows(&d);
        let f = TableFilter {
            indicator: Some("dti".into()),
            period: None,
            query: "ha".into(),
        };
        let mut direct: Vec<&DataRow> = filter_rows(&rows, &f);
        sort_rows(&mut direct, SortKey::Value, true, Lang::Vi);
        let idx = sort_indexes(
            &rows,
            filter_indexes(&rows, &f),
            SortKey::Value,
            true,
            Lang::Vi,
        );
        assert!(!idx.is_empty());
        let via: Vec<&DataRow> = idx.iter().map(|&i| &rows[i]).collect();
        assert_eq!(via, direct);
        assert!(sort_indexes(&rows, vec![usize::MAX], SortKey::Unit, false, Lang::En).is_empty());
    }

    /// Guards the table against the map: same rows, values and ranks, and
    /// "of" counting the published values.
    #[test]
    fn ranks_equal_map_data() {
        let d = demo();
        let rows = data_rows(&d);
        let series: usize = d
            .indicators
            .iter()
            .map(|i| periods_of(&d, &i.id).len())
            .sum();
        assert_eq!(series, 12);
        assert_eq!(rows.len(), 3 * 63 + 9 * 34);
        for r in &rows {
            let m = map_data(&d, &r.indicator, &r.period).unwrap();
            let mr = m.row(&r.code).unwrap();
            assert_eq!((r.value, r.rank), (mr.value, mr.rank), "{r:?}");
            assert_eq!(r.name, mr.name);
            assert_eq!(r.of, m.rows.iter().filter(|x| x.value.is_some()).count());
        }
        let hn = rows
            .iter()
            .find(|r| r.indicator == "dti" && r.period == "2024" && r.code == "01")
            .unwrap();
        assert_eq!((hn.value, hn.rank, hn.of), (Some(0.8241), Some(1), 34));
    }

    /// Guards "not published is not zero": missing values and ranks come
    /// last whether the table is sorted up or down, and stay unranked.
    #[test]
    fn missing_values_sort_last_both_ways() {
        let mut d = demo();
        let s = series_mut(&mut d, "dti", "2024");
        s.values[0] = None;
        s.values[5] = None;
        let all = data_rows(&d);
        let mut rows: Vec<DataRow> = all
            .into_iter()
            .filter(|r| r.indicator == "dti" && r.period == "2024")
            .collect();
        assert_eq!(rows.iter().filter(|r| r.value.is_none()).count(), 2);
        assert!(rows.iter().all(|r| r.of == 32));
        for key in [SortKey::Value, SortKey::Rank] {
            for descending in [false, true] {
                sort_rows(&mut rows, key, descending, Lang::Vi);
                let n = rows.len();
                assert!(rows[..n - 2]
                    .iter()
                    .all(|r| r.value.is_some() && r.rank.is_some()));
                assert!(rows[n - 2..]
                    .iter()
                    .all(|r| r.value.is_none() && r.rank.is_none()));
                let values: Vec<f64> = rows[..n - 2].iter().filter_map(|r| r.value).collect();
                let ordered = values.windows(2).all(|w| {
                    // Rank 1 is the highest value: rank ascending is value descending.
                    let up = (key == SortKey::Value) != descending;
                    if up {
                        w[0] <= w[1]
                    } else {
                        w[0] >= w[1]
                    }
                });
                assert!(ordered, "{key:?} descending={descending}: {values:?}");
                // The missing ones keep a fixed order: by code.
                assert!(rows[n - 2].code < rows[n - 1].code);
            }
        }
    }

    /// Guards the unit column: names sort by their folded form, so "Đà
    /// Nẵng" is among the D, not after Z; ties go by indicator, period and
    /// code.
    #[test]
    fn units_sort_by_folded_name_and_ties_are_stable() {
        let mut rows: Vec<DataRow> = data_rows(&demo())
            .into_iter()
            .filter(|r| r.period == "2024")
            .collect();
        sort_rows(&mut rows, SortKey::Unit, false, Lang::Vi);
        let pos = |name: &str| rows.iter().position(|r| r.name.vi == name).unwrap();
        assert!(pos("Cà Mau") < pos("Đà Nẵng"));
        assert!(pos("Đà Nẵng") < pos("Điện Biên"));
        assert!(pos("Đồng Tháp") < pos("Gia Lai"));
        assert_eq!(rows[0].name.vi, "An Giang");
        assert_eq!(rows[0].indicator, "dti");
        assert_eq!(rows[1].indicator, "dti.cybersecurity");
        sort_rows(&mut rows, SortKey::Unit, true, Lang::En);
        assert_eq!(rows[0].name.vi, "Vĩnh Long");
        assert_eq!(rows[0].indicator, "dti", "ties stay ascending");

        sort_rows(&mut rows, SortKey::Indicator, false, Lang::Vi);
        assert!(rows
            .windows(2)
            .all(|w| (&w[0].indicator, &w[0].code) <= (&w[1].indicator, &w[1].code)));
        sort_rows(&mut rows, SortKey::Period, true, Lang::Vi);
        assert_eq!(rows[0].code, "01");
    }

    /// Guards the URL form of the sort column.
    #[test]
    fn sort_keys_round_trip_through_slugs() {
        for key in SortKey::ALL {
            assert_eq!(SortKey::from_slug(key.slug()), Some(key));
        }
        assert_eq!(SortKey::from_slug(" Value "), Some(SortKey::Value));
        assert_eq!(SortKey::from_slug("rank"), Some(SortKey::Rank));
        assert_eq!(SortKey::from_slug(""), None);
        assert_eq!(SortKey::from_slug("values"), None);
    }

    /// Guards search without diacritics or case: "da nang", "Đà Nẵng" and
    /// "DA NANG" all find Đà Nẵng, and only it.
    #[test]
    fn da_nang_is_found_however_it_is_typed() {
        let rows = data_rows(&demo());
        for q in [
            "da nang",
            "Đà Nẵng",
            "DA NANG",
            "danang",
            "Thành phố Đà Nẵng",
            "Da Nang City",
        ] {
            assert_eq!(found(&rows, "2024", q), ["48"], "{q}");
            assert_eq!(found(&rows, "2023", q), ["48"], "{q}");
        }
        let decomposed = "Đa\u{300} Na\u{306}\u{303}ng";
        assert_eq!(found(&rows, "2024", decomposed), ["48"]);
    }

    /// Guards the short names of Hồ Chí Minh City.
    #[test]
    fn short_names_find_ho_chi_minh_city() {
        let rows = data_rows(&demo());
        for q in [
            "tp.hcm",
            "TP HCM",
            "TPHCM",
            "HCM",
            "HCMC",
            "Saigon",
            "Sài Gòn",
            "Ho Chi Minh City",
            "hồ chí minh",
        ] {
            assert_eq!(found(&rows, "2024", q), ["79"], "{q}");
            assert_eq!(found(&rows, "2023", q), ["79"], "{q}");
        }
        for q in ["Hanoi", "Ha Noi", "HN", "hà nội"] {
            assert_eq!(found(&rows, "2024", q), ["01"], "{q}");
        }
        let hue = units::provinces_2025()
            .iter()
            .find(|p| p.name_vi == "Huế")
            .unwrap();
        assert_eq!(found(&rows, "2024", "Hue"), [hue.code.as_str()]);
        assert_eq!(found(&rows, "2023", "Huế"), ["46"], "Thừa Thiên Huế");
    }

    /// Guards the alias table: every alias names one of the 34, and its
    /// code is that province's in both the 34 and the 63.
    #[test]
    fn aliases_name_existing_provinces() {
        for (alias, code) in ALIASES {
            let new = units::province_2025(code).unwrap_or_else(|| panic!("{alias}"));
            let old = units::province_2008(code).unwrap_or_else(|| panic!("{alias}"));
            assert_eq!(old.successor, new.code, "{alias}");
            assert!(!compact(alias).is_empty(), "{alias}");
        }
    }

    /// Guards the merger in search: an old province's name finds the new
    /// province it became part of in periods of the 34, and itself in
    /// periods of the 63, with or without the data's unit mappings.
    #[test]
    fn old_province_names_find_their_successor() {
        let mut d = demo();
        let rows = data_rows(&d);
        assert_eq!(found(&rows, "2024", "Binh Duong"), ["79"]);
        assert_eq!(found(&rows, "2023", "Binh Duong"), ["74"]);
        assert_eq!(found(&rows, "2024-63", "bình dương"), ["74"]);
        assert_eq!(found(&rows, "2024", "Tỉnh Bình Dương"), ["79"]);
        assert_eq!(found(&rows, "2024", "Vung Tau"), ["79"]);
        assert_eq!(found(&rows, "2024", "Quang Nam"), ["48"]);
        assert_eq!(found(&rows, "2024", "Thừa Thiên Huế"), ["46"]);
        // A first word alone does not reach the old names.
        assert!(!found(&rows, "2024", "Binh").contains(&"79".to_string()));
        // Every one of the 63 finds its successor.
        for p in units::provinces_2008() {
            let codes = found(&rows, "2024", &p.name_vi);
            assert!(codes.contains(&p.successor), "{} → {codes:?}", p.name_vi);
        }

        d.unit_mappings.clear();
        let rows = data_rows(&d);
        assert_eq!(found(&rows, "2024", "Binh Duong"), ["79"], "built-in table");
        assert_eq!(found(&rows, "2023", "Binh Duong"), ["74"]);
    }

    /// Guards prefix search: "Ha" finds every unit with a word starting so.
    #[test]
    fn a_word_prefix_finds_several() {
        let rows = data_rows(&demo());
        let codes = found(&rows, "2024", "Ha");
        assert!(codes.len() > 1, "{codes:?}");
        for c in ["01", "31", "42"] {
            assert!(codes.contains(&c.to_string()), "{c} in {codes:?}");
        }
        assert_eq!(found(&rows, "2024", "noi"), ["01"]);
        assert!(found(&rows, "2024", "a noi").is_empty(), "not mid-word");
        assert!(unit_matches("ha", "01", &rows[0].name));
        assert!(!unit_matches("xyz", "01", &rows[0].name));
    }

    /// Guards search by code: exact, not a prefix.
    #[test]
    fn a_code_finds_its_unit() {
        let rows = data_rows(&demo());
        assert_eq!(found(&rows, "2024", "01"), ["01"]);
        assert_eq!(found(&rows, "2024", " 79 "), ["79"]);
        assert!(found(&rows, "2024", "0").is_empty());
        assert!(found(&rows, "2024", "7").is_empty());
    }

    /// Guards the indicator and period filters.
    #[test]
    fn filters_by_indicator_and_period() {
        let rows = data_rows(&demo());
        let by = |indicator: Option<&str>, period: Option<&str>| {
            let f = TableFilter {
                indicator: indicator.map(String::from),
                period: period.map(String::from),
                query: String::new(),
            };
            filter_rows(&rows, &f)
        };
        let cyber = by(Some("dti.cybersecurity"), None);
        assert_eq!(cyber.len(), 34);
        assert!(cyber
            .iter()
            .all(|r| r.indicator == "dti.cybersecurity" && r.period == "2024"));
        assert_eq!(by(Some("dti"), None).len(), 3 * 63 + 34);
        assert_eq!(by(None, Some("2024")).len(), 9 * 34);
        assert_eq!(by(None, Some("2023")).len(), 63);
        assert_eq!(by(Some("dti"), Some("2024-63")).len(), 63);
        assert!(by(Some("dti.cybersecurity"), Some("2023")).is_empty());
        assert!(by(Some("nope"), None).is_empty());
        assert_eq!(
            distinct_periods(&rows, Some("dti")),
            ["2022", "2023", "2024-63", "2024"]
        );
        assert_eq!(distinct_indicators(&rows).len(), 9);
        assert_eq!(distinct_indicators(&rows)[0], "dti");
    }

    /// Guards the default: an empty (or blank, or punctuation-only) query
    /// returns every row.
    #[test]
    fn an_empty_query_returns_all_rows() {
        let rows = data_rows(&demo());
        for q in ["", "   ", ".", " - "] {
            let f = TableFilter {
                query: q.into(),
                ..TableFilter::default()
            };
            assert_eq!(filter_rows(&rows, &f).len(), rows.len(), "{q:?}");
        }
        assert!(unit_matches("", "", &Text::default()));
    }

    /// Guards against panics on any input: odd queries, empty data, odd
    /// names.
    #[test]
    fn odd_input_never_panics() {
        let mut d = demo();
        let rows = data_rows(&d);
        for q in [
            "ắ",
            "\u{301}",
            "🙂",
            "ǅ",
            "ß",
            "İ",
            "a\u{0}b",
            "tp",
            "tinh",
            "thanh pho",
            "city",
            "0123456789",
        ] {
            let f = TableFilter {
                query: q.into(),
                ..TableFilter::default()
            };
            let _ = filter_rows(&rows, &f);
        }
        assert!(
            found(&rows, "2024", "tinh").contains(&"42".to_string()),
            "Hà Tĩnh"
        );
        let odd = Text {
            vi: "İ🙂 ǅ".into(),
            en: String::new(),
        };
        assert!(!unit_matches("x", "", &odd));
        let q = UnitQuery::new("i");
        let _ = q.matches_former_name(&odd);
        d.indicators.clear();
        assert!(data_rows(&d).is_empty());
        let mut none: Vec<DataRow> = Vec::new();
        sort_rows(&mut none, SortKey::Unit, true, Lang::Vi);
    }
}
