//! Vietnam's provincial units: the 34 from 1 July 2025 and the 63 before,
//! and the merger between them (Resolution 202/2025/QH15).
//!
//! The tables are the project's own copy, in `data/reference/` (see its
//! README for sources), compiled in and read once.

use crate::text::fold_diacritics;
use std::sync::OnceLock;

/// Whether a provincial unit is a centrally-run city or a province.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// Thành phố trực thuộc trung ương.
    City,
    /// Tỉnh.
    Province,
}

/// A provincial unit from 1 July 2025.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Province2025 {
    /// Official two-digit code (Decision 19/2025/QĐ-TTg).
    pub code: String,
    /// Vietnamese name, without the "Tỉnh"/"Thành phố" prefix.
    pub name_vi: String,
    pub kind: UnitKind,
    /// [`Province2025::name_en`], folded once when the table is read (a
    /// commune map names its province 3,321 times).
    name_en: String,
}

impl Province2025 {
    /// The English name: the Vietnamese one without diacritics, as the
    /// Government's English pages write them ("Ha Noi", "Da Nang").
    pub fn name_en(&self) -> String {
        self.name_en.clone()
    }
}

/// A provincial unit from 1 August 2008 to 30 June 2025.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Province2008 {
    /// GSO two-digit code.
    pub code: String,
    /// ISO 3166-2 code (`VN-HN`, `VN-01`, …), as boundary files key them.
    pub iso_3166_2: String,
    pub name_vi: String,
    /// Code of the 2025 unit it became part of.
    pub successor: String,
}

const PROVINCES_2025_CSV: &str = include_str!("../../../data/reference/provinces_2025.csv");
const PROVINCES_2008_CSV: &str = include_str!("../../../data/reference/provinces_2008_2025.csv");

/// The 34 units from 1 July 2025, in code order.
pub fn provinces_2025() -> &'static [Province2025] {
    static TABLE: OnceLock<Vec<Province2025>> = OnceLock::new();
    TABLE.get_or_init(|| {
        rows(PROVINCES_2025_CSV, 3)
            .map(|f| Province2025 {
                code: f[0].to_string(),
                name_vi: f[1].to_string(),
                name_en: fold_diacritics(f[1]),
                kind: match f[2] {
                    "city" => UnitKind::City,
                    "province" => UnitKind::Province,
                    other => panic!("provinces_2025.csv: unknown kind {other:?}"),
                },
            })
            .collect()
    })
}

/// The 63 units from 1 August 2008 to 30 June 2025, in code order.
pub fn provinces_2008() -> &'static [Province2008] {
    static TABLE: OnceLock<Vec<Province2008>> = OnceLock::new();
    TABLE.get_or_init(|| {
        rows(PROVINCES_2008_CSV, 4)
            .map(|f| Province2008 {
                code: f[0].to_string(),
                iso_3166_2: f[1].to_string(),
                name_vi: f[2].to_string(),
                successor: f[3].to_string(),
            })
            .collect()
    })
}

/// The 2025 unit with this code.
pub fn province_2025(code: &str) -> Option<&'static Province2025> {
    provinces_2025().iter().find(|p| p.code == code)
}

/// The pre-2025 province with this GSO code.
pub fn province_2008(code: &str) -> Option<&'static Province2008> {
    provinces_2008().iter().find(|p| p.code == code)
}

/// The pre-2025 provinces that form the 2025 unit `code`.
pub fn predecessors(code: &str) -> Vec<&'static Province2008> {
    provinces_2008()
        .iter()
        .filter(|p| p.successor == code)
        .collect()
}

/// Rows of a compiled-in table (no quoting: the tables have no commas in
/// their fields), header skipped. A malformed table is a build defect,
/// caught by the tests.
fn rows(csv: &'static str, fields: usize) -> impl Iterator<Item = Vec<&'static str>> {
    csv.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(move |line| {
            let f: Vec<&str> = line.split(',').map(str::trim).collect();
            assert_eq!(f.len(), fields, "reference table row {line:?}");
            f
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn there_are_34_units_from_2025_and_63_before() {
        assert_eq!(provinces_2025().len(), 34);
        assert_eq!(provinces_2008().len(), 63);
        let cities: Vec<&str> = provinces_2025()
            .iter()
            .filter(|p| p.kind == UnitKind::City)
            .map(|p| p.name_vi.as_str())
            .collect();
        assert_eq!(
            cities,
            [
                "Hà Nội",
                "Hải Phòng",
                "Huế",
                "Đà Nẵng",
                "Hồ Chí Minh",
                "Cần Thơ"
            ]
        );
    }

    #[test]
    fn codes_are_unique_two_digit_and_sorted() {
        for codes in [
            provinces_2025()
                .iter()
                .map(|p| p.code.as_str())
                .collect::<Vec<_>>(),
            provinces_2008()
                .iter()
                .map(|p| p.code.as_str())
                .collect::<Vec<_>>(),
        ] {
            assert!(codes
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_digit())));
            let mut sorted = codes.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted, codes, "unique and in order");
        }
        let iso: HashSet<&str> = provinces_2008()
            .iter()
            .map(|p| p.iso_3166_2.as_str())
            .collect();
        assert_eq!(iso.len(), 63);
        assert!(iso.iter().all(|c| c.starts_with("VN-")));
    }

    /// Guards the merger table: every old province goes to exactly one new
    /// unit, and every new unit is made of at least one old province.
    #[test]
    fn the_merger_partitions_the_63_into_the_34() {
        for old in provinces_2008() {
            assert!(
                province_2025(&old.successor).is_some(),
                "{} -> {}",
                old.name_vi,
                old.successor
            );
        }
        let sizes: Vec<usize> = provinces_2025()
            .iter()
            .map(|p| predecessors(&p.code).len())
            .collect();
        assert!(sizes.iter().all(|&n| (1..=3).contains(&n)));
        assert_eq!(sizes.iter().sum::<usize>(), 63);
        // 11 units kept their borders; 23 were formed by merging.
        assert_eq!(sizes.iter().filter(|&&n| n == 1).count(), 11);
    }

    #[test]
    fn known_mergers() {
        let names = |code: &str| -> Vec<&str> {
            predecessors(code)
                .iter()
                .map(|p| p.name_vi.as_str())
                .collect()
        };
        assert_eq!(
            names("79"),
            ["Bình Dương", "Bà Rịa - Vũng Tàu", "Hồ Chí Minh"]
        );
        assert_eq!(names("48"), ["Đà Nẵng", "Quảng Nam"]);
        assert_eq!(names("46"), ["Thừa Thiên Huế"]);
        assert_eq!(
            province_2008("49").map(|p| p.iso_3166_2.as_str()),
            Some("VN-27")
        );
        assert_eq!(
            province_2025("48").map(Province2025::name_en).as_deref(),
            Some("Da Nang")
        );
        assert_eq!(
            province_2025("01").map(Province2025::name_en).as_deref(),
            Some("Ha Noi")
        );
    }
}
