//! SYNTHETIC data for tests and benchmarks, at the scale of the communes
//! (3,321 units after 1 July 2025). Every name, the title and the source say
//! it is synthetic; none of it is ever published as real.
//!
//! Two files: `synthetic-communes.json`, on a SYNTHETIC layer of made-up
//! units with its own boundary file ([`BOUNDARIES_FILE`]), and
//! [`OFFICIAL_FILE`], the same SYNTHETIC values on the built-in set of the
//! 3,321 real communes (`vn-commune-2025`), which the site draws on its own
//! official commune boundaries.

use crate::communes::communes_2025;
use crate::synthetic_layer::{commune_layer, to_topojson};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tien_do_core::data::*;
use tien_do_core::SUPPORTED_SCHEMA_VERSION;

/// Communes, wards and special zones after 1 July 2025.
pub const COMMUNES_2025: usize = 3321;

/// The synthetic boundary file's name, next to the data file.
pub const BOUNDARIES_FILE: &str = "synthetic-communes.topo.json";

/// The SYNTHETIC values on the built-in commune set: the file's name, next
/// to the others. It has no boundary file of its own.
pub const OFFICIAL_FILE: &str = "synthetic-communes-official.json";

fn t(vi: String, en: String) -> Text {
    Text { vi, en }
}

/// A synthetic dataset: `communes` units under the 34 provinces,
/// `criteria` indicators, `periods` periods, one value per unit, indicator
/// and period (about 1 in 20 left unpublished). Deterministic.
pub fn commune_scale(communes: usize, criteria: usize, periods: usize) -> ProgressData {
    // The same codes and provinces as the synthetic boundary layer.
    let units: Vec<Unit> = commune_layer(communes)
        .into_iter()
        .enumerate()
        .map(|(i, c)| Unit {
            code: c.code,
            name: t(
                format!("Xã giả lập {} (dữ liệu giả lập)", i + 1),
                format!("Synthetic commune {}", i + 1),
            ),
            parent: Some(c.parent),
        })
        .collect();
    let codes: Vec<String> = units.iter().map(|u| u.code.clone()).collect();
    let set = UnitSet {
        id: "synthetic-communes".into(),
        name: t(
            format!("{communes} xã giả lập"),
            format!("{communes} synthetic communes"),
        ),
        level: UnitLevel::Commune,
        valid_from: None,
        valid_to: None,
        units,
        source: "synthetic".into(),
        boundaries: Some(BOUNDARIES_FILE.into()),
        builtin: None,
    };
    with_values(set, &codes, criteria, periods)
}

/// The same SYNTHETIC shape as [`commune_scale`] (criteria, periods, about
/// 1 in 20 values unpublished, every label saying it is synthetic) on the
/// built-in set of the 3,321 real communes of 1 July 2025
/// ([`BUILTIN_COMMUNES_2025`]): no units listed, no boundary file, the
/// series in the table's code order. The site draws it on its shipped
/// commune boundaries (the real ones); only the values are made up.
/// Deterministic.
pub fn official_communes(criteria: usize, periods: usize) -> ProgressData {
    let codes: Vec<String> = communes_2025().iter().map(|c| c.code.clone()).collect();
    let set = UnitSet {
        id: BUILTIN_COMMUNES_2025.into(),
        name: t(
            "3.321 xã, phường, đặc khu (bản đồ chính thức), GIÁ TRỊ GIẢ LẬP".into(),
            "3,321 communes (official boundaries), SYNTHETIC values".into(),
        ),
        level: UnitLevel::Commune,
        valid_from: Some("2025-07-01".into()),
        valid_to: None,
        units: Vec::new(),
        source: "synthetic".into(),
        boundaries: None,
        builtin: Some(BUILTIN_COMMUNES_2025.into()),
    };
    let mut data = with_values(set, &codes, criteria, periods);
    data.title = t(
        "DỮ LIỆU GIẢ LẬP trên 3.321 xã chính thức, chỉ để đo hiệu năng".into(),
        "SYNTHETIC values on the 3,321 official communes, for benchmarks only".into(),
    );
    data
}

/// A SYNTHETIC dataset on `set`, whose units are `codes`: `criteria`
/// indicators, `periods` periods, one value per unit, indicator and period
/// (about 1 in 20 left unpublished). Deterministic.
fn with_values(set: UnitSet, codes: &[String], criteria: usize, periods: usize) -> ProgressData {
    let shared = UnitCodes::from(codes);
    let mut seed: u64 = 0x5EED_2025;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as f64 / (1u64 << 31) as f64
    };
    let indicators: Vec<Indicator> = (1..=criteria)
        .map(|c| Indicator {
            id: format!("synthetic.c{c:02}"),
            name: t(
                format!("Tiêu chí giả lập {c}"),
                format!("Synthetic criterion {c}"),
            ),
            description: Some(t(
                "Dữ liệu giả lập, không có thật.".into(),
                "Synthetic data, not real.".into(),
            )),
            unit: t("%".into(), "%".into()),
            format: NumberFormat {
                decimals: 1,
                percent: false,
            },
            higher_is_better: true,
            range: Some(ValueRange {
                min: 0.0,
                max: 100.0,
            }),
            target: Some(80.0),
            framework: Framework::CommuneCriteria,
            legal_basis: None,
            source: "synthetic".into(),
        })
        .collect();
    let period_list: Vec<Period> = (1..=periods)
        .map(|p| Period {
            id: format!("synthetic-{p}"),
            label: t(format!("Kỳ giả lập {p}"), format!("Synthetic period {p}")),
            unit_set: set.id.clone(),
        })
        .collect();
    let mut series = Vec::with_capacity(criteria * periods);
    for ind in &indicators {
        for p in &period_list {
            let values = (0..codes.len())
                .map(|_| {
                    let r = next();
                    (r >= 0.05).then(|| (next() * 1000.0).round() / 10.0)
                })
                .collect();
            series.push(Series {
                indicator: ind.id.clone(),
                period: p.id.clone(),
                units: shared.clone(),
                values,
                notes: BTreeMap::new(),
                source: "synthetic".into(),
            });
        }
    }
    ProgressData {
        schema_version: SUPPORTED_SCHEMA_VERSION,
        title: t(
            "DỮ LIỆU GIẢ LẬP cấp xã, chỉ để đo hiệu năng".into(),
            "SYNTHETIC commune-level data, for benchmarks only".into(),
        ),
        as_of: "2025-12-31".into(),
        sources: vec![Source {
            id: "synthetic".into(),
            publisher: t(
                "Dữ liệu giả lập (tien-do-data)".into(),
                "Synthetic (tien-do-data)".into(),
            ),
            title: t(
                "Dữ liệu giả lập, không phải số liệu thật".into(),
                "Synthetic data, not real figures".into(),
            ),
            url: None,
            published: None,
        }],
        bodies: Vec::new(),
        ledgers: Vec::new(),
        meetings: Vec::new(),
        task_counts: Vec::new(),
        unit_sets: vec![set],
        unit_mappings: Vec::new(),
        indicators,
        periods: period_list,
        series,
        national_figures: Vec::new(),
        tasks: Vec::new(),
    }
}

/// Writes the synthetic datasets into `dir`: `synthetic-communes.json` and
/// its boundary layer [`BOUNDARIES_FILE`] beside it (the data names the
/// layer by that relative address), and [`OFFICIAL_FILE`], the same shape
/// on the built-in set of the 3,321 real communes (always all of them,
/// whatever `communes`). Returns the paths written.
pub fn write_files(
    dir: &Path,
    communes: usize,
    criteria: usize,
    periods: usize,
) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let data = commune_scale(communes, criteria, periods);
    let layer = to_topojson(&commune_layer(communes));
    let official = official_communes(criteria, periods);
    let (json, topo, official_json) = (
        dir.join("synthetic-communes.json"),
        dir.join(BOUNDARIES_FILE),
        dir.join(OFFICIAL_FILE),
    );
    std::fs::write(&json, serde_json::to_string(&data)?)?;
    std::fs::write(&topo, layer.to_string())?;
    std::fs::write(&official_json, serde_json::to_string(&official)?)?;
    Ok(vec![json, topo, official_json])
}

#[cfg(test)]
mod tests {
    use super::*;
    use tien_do_core::validate::validate;

    #[test]
    fn synthetic_data_is_labelled_and_valid() {
        let d = commune_scale(100, 3, 2);
        assert!(d.title.en.starts_with("SYNTHETIC") && d.title.vi.contains("GIẢ LẬP"));
        assert!(d.unit_sets[0]
            .units
            .iter()
            .all(|u| u.name.en.starts_with("Synthetic")));
        assert_eq!(d.series.len(), 6);
        assert!(d.series.iter().all(|s| s.values.len() == 100));
        let missing = d
            .series
            .iter()
            .flat_map(|s| &s.values)
            .filter(|v| v.is_none())
            .count();
        assert!(
            (5..60).contains(&missing),
            "about 1 in 20 unpublished: {missing}"
        );
        assert_eq!(validate(&d), vec![]);
        assert_eq!(commune_scale(100, 3, 2), d, "deterministic");
    }

    #[test]
    fn official_synthetic_data_is_labelled_and_on_the_builtin_set() {
        let d = official_communes(2, 2);
        assert!(d.title.en.starts_with("SYNTHETIC") && d.title.vi.contains("GIẢ LẬP"));
        let set = &d.unit_sets[0];
        assert!(set.is_builtin_communes_2025() && set.units.is_empty());
        assert_eq!(set.boundaries, None, "drawn on the site's own boundaries");
        assert!(set.name.en.contains("SYNTHETIC") && set.name.vi.contains("GIẢ LẬP"));
        assert!(d.periods.iter().all(|p| p.unit_set == set.id));
        assert!(d.series.iter().all(|s| s.units.len() == COMMUNES_2025
            && s.units[0] == "00004"
            && s.values.len() == COMMUNES_2025));
        assert_eq!(validate(&d), vec![]);
        assert_eq!(crate::communes::validate_communes(&d), vec![]);
        assert_eq!(official_communes(2, 2), d, "deterministic");
    }
}
