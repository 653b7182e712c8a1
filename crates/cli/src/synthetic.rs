//! SYNTHETIC data for tests and benchmarks, at the scale of the communes
//! (3,321 units after 1 July 2025). Every name, the title and the source say
//! it is synthetic; none of it is ever published as real.

use crate::synthetic_layer::{commune_layer, to_topojson};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tien_do_core::data::*;
use tien_do_core::SUPPORTED_SCHEMA_VERSION;

/// Communes, wards and special zones after 1 July 2025.
pub const COMMUNES_2025: usize = 3321;

/// The synthetic boundary file's name, next to the data file.
pub const BOUNDARIES_FILE: &str = "synthetic-communes.topo.json";

fn t(vi: String, en: String) -> Text {
    Text { vi, en }
}

/// A synthetic dataset: `communes` units under the 34 provinces,
/// `criteria` indicators, `periods` periods, one value per unit, indicator
/// and period (about 1 in 20 left unpublished). Deterministic.
pub fn commune_scale(communes: usize, criteria: usize, periods: usize) -> ProgressData {
    let mut seed: u64 = 0x5EED_2025;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as f64 / (1u64 << 31) as f64
    };
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
            unit_set: "synthetic-communes".into(),
        })
        .collect();
    let mut series = Vec::with_capacity(criteria * periods);
    for ind in &indicators {
        for p in &period_list {
            let values = (0..communes)
                .map(|_| {
                    let r = next();
                    (r >= 0.05).then(|| (next() * 1000.0).round() / 10.0)
                })
                .collect();
            series.push(Series {
                indicator: ind.id.clone(),
                period: p.id.clone(),
                units: codes.clone(),
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
        unit_sets: vec![UnitSet {
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
        }],
        unit_mappings: Vec::new(),
        indicators,
        periods: period_list,
        series,
        national_figures: Vec::new(),
        tasks: Vec::new(),
    }
}

/// Writes the synthetic dataset and its boundary layer into `dir`:
/// `synthetic-communes.json` and [`BOUNDARIES_FILE`] beside it (the data
/// names the layer by that relative address). Returns the paths written.
pub fn write_files(
    dir: &Path,
    communes: usize,
    criteria: usize,
    periods: usize,
) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let data = commune_scale(communes, criteria, periods);
    let layer = to_topojson(&commune_layer(communes));
    let (json, topo) = (
        dir.join("synthetic-communes.json"),
        dir.join(BOUNDARIES_FILE),
    );
    std::fs::write(&json, serde_json::to_string(&data)?)?;
    std::fs::write(&topo, layer.to_string())?;
    Ok(vec![json, topo])
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
}
