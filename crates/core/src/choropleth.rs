//! What a choropleth map of one indicator and period shows, before any
//! drawing: every unit of the period's unit set with its value ("not
//! published" kept apart from zero), ranks with ties, quantile classes, the
//! palette, and the text summary (highest, lowest, median).

use crate::boundaries::Region;
use crate::data::{Indicator, Period, ProgressData, Series, Source, Text, UnitLevel};
use crate::find::PlaceKind;
use crate::{Lang, Msg};
use std::collections::HashMap;

/// Number of colour classes.
pub const CLASSES: usize = 5;

/// One unit on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapRow {
    pub code: String,
    pub name: Text,
    /// `None`: not published.
    pub value: Option<f64>,
    /// 1 = best; equal values share a rank (1, 2, 2, 4).
    pub rank: Option<usize>,
    pub note: Option<Text>,
    /// How the unit relates to the units of another set, as the data's
    /// unit mappings say (the 2025 merger).
    pub lineage: Lineage,
    /// What kind of unit it is and where ("Phường · Hà Nội"), for a
    /// commune; `None` for a province.
    pub detail: Option<Text>,
}

/// A unit's place in a reorganisation of units.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Lineage {
    /// Nothing published links it to another set.
    #[default]
    None,
    /// A newer unit, formed from these older ones (one of them may be the
    /// same name, kept).
    FormedFrom(Vec<Text>),
    /// An older unit, now part of this newer one.
    NowPartOf(Text),
}

/// Class limits and their colours.
#[derive(Clone, Debug, PartialEq)]
pub struct Bins {
    /// Ascending class limits: class `i` covers `limits[i]..=limits[i + 1]`.
    pub limits: Vec<f64>,
    /// `#rrggbb`, one per class, light to dark.
    pub colors: Vec<String>,
}

impl Bins {
    /// The class of `value`.
    pub fn class_of(&self, value: f64) -> usize {
        let classes = self.colors.len();
        (1..classes)
            .find(|&i| value < self.limits[i])
            .map_or(classes.saturating_sub(1), |i| i - 1)
    }

    /// The colour of `value`.
    pub fn color_of(&self, value: f64) -> &str {
        &self.colors[self.class_of(value)]
    }
}

/// Everything a map of one indicator and period needs.
#[derive(Clone, Debug, PartialEq)]
pub struct MapData {
    pub indicator: Indicator,
    pub period: Period,
    /// The unit set in force in the period.
    pub unit_set: String,
    /// Whether its units are provinces or communes.
    pub level: UnitLevel,
    /// Every unit of the set, in the set's order.
    pub rows: Vec<MapRow>,
    /// `None` when nothing was published.
    pub bins: Option<Bins>,
    pub source: Option<Source>,
    /// Unit code → index in `rows`: the map asks for every unit on every
    /// redraw, which must not be a scan at commune scale.
    index: HashMap<String, usize>,
    /// Codes the data gives values for that its boundary file does not
    /// have (a commune map): they cannot be placed, and the map says so.
    pub unplaced: Vec<String>,
}

/// Highest, lowest and median, for the text summary.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub highest: (Text, f64),
    pub lowest: (Text, f64),
    pub median: f64,
    pub published: usize,
    pub total: usize,
}

impl MapData {
    /// The text summary; `None` when nothing was published.
    pub fn summary(&self) -> Option<Summary> {
        let mut values: Vec<(&MapRow, f64)> = self
            .rows
            .iter()
            .filter_map(|r| Some((r, r.value?)))
            .collect();
        if values.is_empty() {
            return None;
        }
        values.sort_by(|a, b| b.1.total_cmp(&a.1));
        let n = values.len();
        let median = if n % 2 == 1 {
            values[n / 2].1
        } else {
            (values[n / 2 - 1].1 + values[n / 2].1) / 2.0
        };
        Some(Summary {
            highest: (values[0].0.name.clone(), values[0].1),
            lowest: (values[n - 1].0.name.clone(), values[n - 1].1),
            median,
            published: n,
            total: self.rows.len(),
        })
    }

    /// The row of unit `code`.
    pub fn row(&self, code: &str) -> Option<&MapRow> {
        self.index.get(code).map(|&i| &self.rows[i])
    }
}

/// The indicator and period a map opens on: the first indicator that has
/// values, in its latest period (the last listed).
pub fn default_view(data: &ProgressData) -> Option<(String, String)> {
    data.indicators.iter().find_map(|i| {
        let latest = *periods_of(data, &i.id).last()?;
        Some((i.id.clone(), latest.id.clone()))
    })
}

/// The indicator and period to show for what a link asks: each kept if the
/// data has values for it, else the default (the indicator's latest
/// period, or [`default_view`]).
pub fn chosen_view(
    data: &ProgressData,
    indicator: Option<&str>,
    period: Option<&str>,
) -> Option<(String, String)> {
    let ind = indicator
        .filter(|i| !periods_of(data, i).is_empty())
        .map(str::to_string)
        .or_else(|| default_view(data).map(|v| v.0))?;
    let periods = periods_of(data, &ind);
    let per = period
        .filter(|p| periods.iter().any(|x| x.id == *p))
        .map(str::to_string)
        .or_else(|| periods.last().map(|p| p.id.clone()))?;
    Some((ind, per))
}

/// The periods in which `indicator` has values, in listed order.
pub fn periods_of<'a>(data: &'a ProgressData, indicator: &str) -> Vec<&'a Period> {
    data.periods
        .iter()
        .filter(|p| {
            data.series
                .iter()
                .any(|s| s.indicator == indicator && s.period == p.id)
        })
        .collect()
}

/// A unit's published value in `series` by its code: the first should a
/// code repeat; `None` where nothing (or nothing finite) was published.
fn values_by_code(series: Option<&Series>) -> impl Fn(&str) -> Option<f64> + '_ {
    let mut position: HashMap<&str, usize> = HashMap::new();
    for (i, u) in series.iter().flat_map(|s| s.units.iter()).enumerate() {
        position.entry(u.as_str()).or_insert(i);
    }
    move |code: &str| {
        let i = *position.get(code)?;
        series?
            .values
            .get(i)
            .copied()
            .flatten()
            .filter(|v| v.is_finite())
    }
}

/// The map of `indicator` in `period`; `None` if either is unknown or the
/// period's unit set is missing.
pub fn map_data(data: &ProgressData, indicator: &str, period: &str) -> Option<MapData> {
    let ind = data.indicators.iter().find(|i| i.id == indicator)?;
    let per = data.periods.iter().find(|p| p.id == period)?;
    let set = data.unit_sets.iter().find(|u| u.id == per.unit_set)?;
    let series = data
        .series
        .iter()
        .find(|s| s.indicator == indicator && s.period == period);
    let value_of = values_by_code(series);
    let mut rows: Vec<MapRow> = set
        .units
        .iter()
        .map(|u| MapRow {
            code: u.code.clone(),
            name: u.name.clone(),
            value: value_of(&u.code),
            rank: None,
            note: series.and_then(|s| s.notes.get(&u.code).cloned()),
            lineage: lineage(data, &set.id, &u.code),
            detail: None,
        })
        .collect();
    rank(&mut rows, ind.higher_is_better);
    let values: Vec<f64> = rows.iter().filter_map(|r| r.value).collect();
    let mut index = HashMap::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        index.entry(r.code.clone()).or_insert(i);
    }
    Some(MapData {
        unplaced: Vec::new(),
        index,
        indicator: ind.clone(),
        period: per.clone(),
        unit_set: set.id.clone(),
        level: set.level,
        bins: quantile_bins(&values, CLASSES),
        source: series.and_then(|s| data.source(&s.source)).cloned(),
        rows,
    })
}

/// The map of the communes a boundary file holds (`regions`: the whole
/// country's 3,321, or one province's), for `indicator` in `period`: the
/// data's values where the period's unit set is a commune set (listed, or
/// the built-in one), else every commune with no value and no classes,
/// which the map draws as boundaries alone (see [`MapData::has_values`]).
/// Names, kinds and provinces come from the file.
pub fn commune_map(
    data: &ProgressData,
    indicator: &str,
    period: &str,
    regions: &[Region],
) -> Option<MapData> {
    let ind = data.indicators.iter().find(|i| i.id == indicator)?;
    let per = data.periods.iter().find(|p| p.id == period)?;
    let set = data
        .unit_sets
        .iter()
        .find(|u| u.id == per.unit_set && u.level == UnitLevel::Commune);
    let series = set.and_then(|_| {
        data.series
            .iter()
            .find(|s| s.indicator == indicator && s.period == period)
    });
    let value_of = values_by_code(series);
    let mut rows: Vec<MapRow> = Vec::with_capacity(regions.len());
    let mut index = HashMap::with_capacity(regions.len());
    for r in regions {
        if index.contains_key(&r.code) {
            continue;
        }
        index.insert(r.code.clone(), rows.len());
        rows.push(MapRow {
            code: r.code.clone(),
            name: r.name.clone().unwrap_or_else(|| Text {
                vi: r.code.clone(),
                en: r.code.clone(),
            }),
            value: value_of(&r.code),
            rank: None,
            note: series.and_then(|s| s.notes.get(&r.code).cloned()),
            lineage: Lineage::None,
            detail: commune_detail(r),
        });
    }
    rank(&mut rows, ind.higher_is_better);
    let values: Vec<f64> = rows.iter().filter_map(|r| r.value).collect();
    // Values for codes the file lacks: said on the map, never dropped
    // silently.
    let unplaced: Vec<String> = series
        .iter()
        .flat_map(|s| s.units.iter().zip(&s.values))
        .filter(|(code, v)| v.is_some() && !index.contains_key(code.as_str()))
        .map(|(code, _)| code.clone())
        .collect();
    Some(MapData {
        unplaced,
        index,
        indicator: ind.clone(),
        period: per.clone(),
        unit_set: set.map_or_else(|| COMMUNE_SET.to_string(), |s| s.id.clone()),
        level: UnitLevel::Commune,
        bins: quantile_bins(&values, CLASSES),
        source: series.and_then(|s| data.source(&s.source)).cloned(),
        rows,
    })
}

/// The unit set a commune map without published values is of: the
/// communes of 1 July 2025.
pub const COMMUNE_SET: &str = "vn-commune-2025";

/// "Phường · Hà Nội": a commune's kind and province, from its boundary
/// file.
fn commune_detail(r: &Region) -> Option<Text> {
    // Any other kind the file names reads as a commune.
    let kind = r.kind.as_deref().map(|k| {
        let word = PlaceKind::from_slug(k)
            .and_then(PlaceKind::word)
            .unwrap_or(Msg::KindCommune);
        (word.text(Lang::Vi), word.text(Lang::En))
    });
    let province = r
        .parent
        .as_deref()
        .and_then(crate::units::province_2025)
        .map(|p| (p.name_vi.clone(), p.name_en()));
    let join = |a: Option<&str>, b: Option<&str>| match (a, b) {
        (Some(a), Some(b)) => Some(format!("{a} · {b}")),
        (Some(a), None) | (None, Some(a)) => Some(a.to_string()),
        (None, None) => None,
    };
    Some(Text {
        vi: join(kind.map(|k| k.0), province.as_ref().map(|p| p.0.as_str()))?,
        en: join(kind.map(|k| k.1), province.as_ref().map(|p| p.1.as_str()))?,
    })
}

impl MapData {
    /// Whether any value was published: without, a commune map draws its
    /// boundaries alone, in a neutral colour.
    pub fn has_values(&self) -> bool {
        self.bins.is_some()
    }

    /// Whether the map is a commune map without any value (the demo): its
    /// boundaries alone in a neutral colour, said in one line above it, with
    /// no legend, ranking or table.
    pub fn boundaries_only(&self) -> bool {
        self.level == UnitLevel::Commune && !self.has_values()
    }
}

impl Lineage {
    /// The lineage in words ("Merged from: A, B"), `None` if unknown.
    pub fn describe(&self, lang: Lang) -> Option<String> {
        match self {
            Lineage::None => None,
            Lineage::FormedFrom(from) if from.len() == 1 => {
                Some(Msg::NotMerged.text(lang).to_string())
            }
            Lineage::FormedFrom(from) => {
                let names: Vec<&str> = from.iter().map(|t| t.get(lang)).collect();
                Some(format!(
                    "{}: {}",
                    Msg::MergedFrom.text(lang),
                    names.join(", ")
                ))
            }
            Lineage::NowPartOf(to) => {
                Some(format!("{}: {}", Msg::NowPartOf.text(lang), to.get(lang)))
            }
        }
    }
}

/// The unit set that `set` replaced, if the data maps one onto it (the 63
/// provinces, for the 34).
pub fn former_unit_set<'a>(data: &'a ProgressData, set: &str) -> Option<&'a str> {
    data.unit_mappings
        .iter()
        .find(|m| m.to == set)
        .map(|m| m.from.as_str())
}

/// The name of unit `code` in unit set `set`, if the set has it.
pub fn unit_name(data: &ProgressData, set: &str, code: &str) -> Option<Text> {
    let set = data.unit_sets.iter().find(|s| s.id == set)?;
    Some(set.units.iter().find(|u| u.code == code)?.name.clone())
}

/// What the data's unit mappings say of unit `code` of set `set`: the older
/// units it was formed from, or the newer unit it became part of.
pub fn lineage(data: &ProgressData, set: &str, code: &str) -> Lineage {
    let name_in = |set_id: &str, code: &str| unit_name(data, set_id, code);
    for m in &data.unit_mappings {
        if m.to == set {
            let from: Vec<Text> = m
                .pairs
                .iter()
                .filter(|(_, new)| new.as_str() == code)
                .filter_map(|(old, _)| name_in(&m.from, old))
                .collect();
            if !from.is_empty() {
                return Lineage::FormedFrom(from);
            }
        }
        if m.from == set {
            if let Some(name) = m.pairs.get(code).and_then(|new| name_in(&m.to, new)) {
                return Lineage::NowPartOf(name);
            }
        }
    }
    Lineage::None
}

/// Competition ranking: 1 is best; equal values share a rank.
fn rank(rows: &mut [MapRow], higher_is_better: bool) {
    let mut order: Vec<(usize, f64)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, r.value?)))
        .collect();
    order.sort_by(|a, b| {
        let c = a.1.total_cmp(&b.1);
        if higher_is_better {
            c.reverse()
        } else {
            c
        }
    });
    let mut prev: Option<(f64, usize)> = None;
    for (pos, (i, v)) in order.into_iter().enumerate() {
        let r = match prev {
            Some((pv, pr)) if pv == v => pr,
            _ => pos + 1,
        };
        rows[i].rank = Some(r);
        prev = Some((v, r));
    }
}

/// Quantile classes over `values`: up to `classes` classes, fewer when
/// values repeat; colours from ColorBrewer's sequential Blues
/// (colour-blind safe).
pub fn quantile_bins(values: &[f64], classes: usize) -> Option<Bins> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() || classes == 0 {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let mut limits = vec![sorted[0]];
    for k in 1..classes {
        let q = sorted[(k * n / classes).min(n - 1)];
        if q > *limits.last().unwrap_or(&f64::NEG_INFINITY) {
            limits.push(q);
        }
    }
    let max = sorted[n - 1];
    if max > *limits.last().unwrap_or(&f64::NEG_INFINITY) || limits.len() == 1 {
        limits.push(max);
    }
    let count = limits.len() - 1;
    let colors = (0..count)
        .map(|i| {
            // Skip the palette's palest end: it is too close to white.
            let c = colorous::BLUES.eval_rational(i + 2, count + 2);
            format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b)
        })
        .collect();
    Some(Bins { limits, colors })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::test_support::{demo, series_mut};

    /// Guards the commune map where no commune value is published (the
    /// demo): every commune of the file, named with its kind and province,
    /// no value and no classes (drawn as boundaries alone); its ranking's
    /// average, were there values, is the communes'.
    #[test]
    fn a_commune_map_without_values_is_boundaries_alone() {
        let file = r#"{"type":"Topology","arcs":[[[105.8,21.0],[105.9,21.0],[105.9,21.1],[105.8,21.0]]],
            "objects":{"communes":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0]],"properties":{"code":"00004","province":"01",
               "name":"Ba Đình","name_en":"Ba Dinh","type":"ward"}}]}}}"#;
        let regions = crate::boundaries::decode_first(file).unwrap();
        let d = demo();
        let m = commune_map(&d, "dti", "2024", &regions).unwrap();
        assert_eq!(
            (m.rows.len(), m.level, m.has_values(), m.boundaries_only()),
            (1, UnitLevel::Commune, false, true)
        );
        let row = m.row("00004").unwrap();
        assert_eq!(row.name.vi, "Ba Đình");
        assert_eq!(row.detail.as_ref().unwrap().vi, "Phường · Hà Nội");
        assert_eq!(row.detail.as_ref().unwrap().en, "Ward · Ha Noi");
        assert_eq!(row.value, None);
        assert_eq!(
            crate::figures::ranking::ranking(&m, None).average_of,
            Msg::AverageOfCommunes
        );
    }

    /// Guards values for codes the boundary file lacks: a commune map with
    /// published values names them (they are never dropped silently); the
    /// file's communes the data lacks are "not published".
    #[test]
    fn values_for_codes_off_the_map_are_named() {
        let file = r#"{"type":"Topology","arcs":[[[105.8,21.0],[105.9,21.0],[105.9,21.1],[105.8,21.0]]],
            "objects":{"communes":{"type":"GeometryCollection","geometries":[
              {"type":"Polygon","arcs":[[0]],"properties":{"code":"00004","province":"01","name":"Ba Đình","type":"ward"}},
              {"type":"Polygon","arcs":[[0]],"properties":{"code":"00008","province":"01","name":"Ngọc Hà","type":"ward"}}]}}}"#;
        let regions = crate::boundaries::decode_first(file).unwrap();
        let mut json: serde_json::Value =
            serde_json::from_str(include_str!("../../../public/data/progress.json")).unwrap();
        json["unit_sets"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
            "id": "communes", "name": {"vi": "Xã", "en": "Communes"}, "level": "commune",
            "builtin": "vn-commune-2025", "units": [], "source": "bando-units-2025"}));
        json["periods"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
            "id": "2025-xa", "label": {"vi": "2025", "en": "2025"}, "unit_set": "communes"}));
        json["series"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({
            "indicator": "dti", "period": "2025-xa", "units": ["00004", "99999"],
            "values": [0.5, 0.7], "source": "dti-2022"}));
        let d = crate::parse_progress(&json.to_string()).unwrap();
        let m = commune_map(&d, "dti", "2025-xa", &regions).unwrap();
        assert!(m.has_values() && !m.boundaries_only());
        assert_eq!(m.row("00004").unwrap().value, Some(0.5));
        assert_eq!(m.row("00008").unwrap().value, None);
        assert_eq!(m.unplaced, ["99999"]);
    }

    #[test]
    fn dti_2024_map_of_the_34() {
        let d = demo();
        assert_eq!(default_view(&d), Some(("dti".into(), "2024".into())));
        let m = map_data(&d, "dti", "2024").unwrap();
        assert_eq!(m.rows.len(), 34);
        let hn = m.row("01").unwrap();
        assert_eq!((hn.value, hn.rank), (Some(0.8241), Some(1)));
        let cb = m.row("04").unwrap();
        assert_eq!((cb.value, cb.rank), (Some(0.5128), Some(34)));
        let s = m.summary().unwrap();
        assert_eq!(s.highest.0.vi, "Hà Nội");
        assert_eq!(s.lowest.0.vi, "Cao Bằng");
        assert_eq!((s.published, s.total), (34, 34));
        assert_eq!(m.source.as_ref().map(|s| s.id.as_str()), Some("dti-2024"));
        assert!(hn.note.is_some(), "the 34-unit note travels with the value");
        assert_eq!(m.indicator.format_value(0.8241, crate::Lang::Vi), "0,8241");
        assert_eq!(m.indicator.format_value(0.8241, crate::Lang::En), "0.8241");
    }

    #[test]
    fn periods_before_the_merger_draw_the_63() {
        let d = demo();
        let m = map_data(&d, "dti", "2023").unwrap();
        assert_eq!(m.unit_set, "vn-province-2008");
        assert_eq!(m.rows.len(), 63);
        let p: Vec<&str> = periods_of(&d, "dti")
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(p, ["2022", "2023", "2024-63", "2024"]);
        assert_eq!(periods_of(&d, "dti.cybersecurity").len(), 1);
    }

    /// Guards the merger shown on the map: each of the 34 names the old
    /// provinces it was formed from, each of the 63 the new one it joined.
    #[test]
    fn lineage_follows_the_merger_both_ways() {
        let d = demo();
        let names = |l: &Lineage| match l {
            Lineage::FormedFrom(v) => v.iter().map(|t| t.vi.clone()).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        let m34 = map_data(&d, "dti", "2024").unwrap();
        // Hồ Chí Minh City took in Bình Dương and Bà Rịa - Vũng Tàu.
        let hcm = names(&m34.row("79").unwrap().lineage);
        assert_eq!(hcm.len(), 3, "{hcm:?}");
        assert!(hcm.iter().any(|n| n.contains("Bình Dương")), "{hcm:?}");
        // Hà Nội was not merged: formed from itself alone.
        assert_eq!(names(&m34.row("01").unwrap().lineage), ["Hà Nội"]);
        let formed: usize = m34.rows.iter().map(|r| names(&r.lineage).len()).sum();
        assert_eq!(formed, 63, "every old province is in exactly one new one");

        let m63 = map_data(&d, "dti", "2023").unwrap();
        match &m63.row("74").unwrap().lineage {
            Lineage::NowPartOf(t) => assert_eq!(t.vi, "Hồ Chí Minh"),
            other => panic!("Bình Dương: {other:?}"),
        }
        assert_eq!(
            m63.row("74").unwrap().lineage.describe(Lang::En).as_deref(),
            Some("Now part of: Ho Chi Minh")
        );
        assert_eq!(
            m34.row("01").unwrap().lineage.describe(Lang::Vi).as_deref(),
            Some("Giữ nguyên khi sắp xếp")
        );
        let hcm = m34.row("79").unwrap().lineage.describe(Lang::Vi).unwrap();
        assert!(hcm.starts_with("Hợp nhất từ: "), "{hcm}");
        assert_eq!(
            former_unit_set(&d, "vn-province-2025"),
            Some("vn-province-2008")
        );
        assert_eq!(former_unit_set(&d, "vn-province-2008"), None);
        let mut no_mapping = d.clone();
        no_mapping.unit_mappings.clear();
        let m = map_data(&no_mapping, "dti", "2024").unwrap();
        assert!(m.rows.iter().all(|r| r.lineage == Lineage::None));
    }

    #[test]
    fn not_published_is_kept_apart_and_unranked() {
        let mut d = demo();
        let s = series_mut(&mut d, "dti", "2024");
        s.values[0] = None;
        let code = s.units[0].clone();
        let m = map_data(&d, "dti", "2024").unwrap();
        let row = m.row(&code).unwrap();
        assert_eq!((row.value, row.rank), (None, None));
        assert_eq!(m.summary().unwrap().published, 33);
        assert!(map_data(&d, "dti", "1999").is_none());
        assert!(map_data(&d, "nope", "2024").is_none());
    }

    /// Guards the indexed lookups: a code repeated in a series (which the
    /// validator reports) keeps its first value, as a scan would.
    #[test]
    fn a_repeated_code_keeps_its_first_value() {
        let mut d = demo();
        let s = series_mut(&mut d, "dti", "2024");
        s.units.push("01".into());
        s.values.push(Some(0.1));
        let m = map_data(&d, "dti", "2024").unwrap();
        assert_eq!(m.row("01").unwrap().value, Some(0.8241));
        assert_eq!(m.row("99"), None);
    }

    /// Guards the ranking rule: ties share a rank, the next rank skips.
    #[test]
    fn ties_share_a_rank() {
        let row = |v: Option<f64>| MapRow {
            code: String::new(),
            name: Text::default(),
            value: v,
            rank: None,
            note: None,
            lineage: Lineage::None,
            detail: None,
        };
        let mut rows = vec![
            row(Some(0.5)),
            row(Some(0.9)),
            row(Some(0.5)),
            row(None),
            row(Some(0.1)),
        ];
        rank(&mut rows, true);
        let ranks: Vec<Option<usize>> = rows.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, [Some(2), Some(1), Some(2), None, Some(4)]);
        rank(&mut rows, false);
        let ranks: Vec<Option<usize>> = rows.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, [Some(2), Some(4), Some(2), None, Some(1)]);
    }

    #[test]
    fn quantile_classes_cover_the_values() {
        let values: Vec<f64> = (1..=34).map(|i| i as f64).collect();
        let b = quantile_bins(&values, 5).unwrap();
        assert_eq!(b.colors.len(), 5);
        assert_eq!(b.limits.first(), Some(&1.0));
        assert_eq!(b.limits.last(), Some(&34.0));
        assert_eq!(b.class_of(1.0), 0);
        assert_eq!(b.class_of(34.0), 4);
        let classes: Vec<usize> = values.iter().map(|v| b.class_of(*v)).collect();
        assert!(classes.windows(2).all(|w| w[0] <= w[1]), "monotone");
        for k in 0..5 {
            let n = classes.iter().filter(|c| **c == k).count();
            assert!((5..=9).contains(&n), "class {k} has {n}");
        }
        assert!(b.colors.iter().all(|c| c.len() == 7 && c.starts_with('#')));
        assert_ne!(b.colors[0], b.colors[4]);
    }

    #[test]
    fn repeated_values_give_fewer_classes() {
        let b = quantile_bins(&[0.5; 10], 5).unwrap();
        assert_eq!(b.colors.len(), 1);
        assert_eq!(b.class_of(0.5), 0);
        let b = quantile_bins(&[1.0, 1.0, 1.0, 2.0], 5).unwrap();
        assert_eq!(b.limits, [1.0, 2.0]);
        assert_eq!((b.class_of(1.0), b.class_of(2.0)), (0, 0));
        assert_eq!(quantile_bins(&[], 5), None);
        assert_eq!(quantile_bins(&[f64::NAN], 5), None);
    }
}
