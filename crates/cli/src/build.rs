//! Builds the published JSON from CSV files in one folder: the form agencies
//! keep their data in. See `data/demo/README.md` for the files and columns.

use crate::communes::{canonical_code, commune_2025_exact, unknown_code_message};
use crate::table::{BuildError, Row, Table};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::path::PathBuf;
use tien_do_core::data::*;
use tien_do_core::text::{fold_diacritics, search_key};
use tien_do_core::units::{provinces_2008, provinces_2025};
use tien_do_core::SUPPORTED_SCHEMA_VERSION;

/// At most this many errors are collected before giving up.
const MAX_ERRORS: usize = 100;

/// At most this many fixed codes are named in a warning; the count covers
/// all.
const MAX_FIXES_LISTED: usize = 10;

/// Reads the CSV files in `dir` into a dataset. Every problem found in the
/// files is returned, each with its file and line.
pub fn build(dir: &Path) -> Result<ProgressData, Vec<BuildError>> {
    build_with_warnings(dir).result
}

/// What a build gives: the dataset or its errors, and what the build fixed
/// on the way (commune codes written without their leading zeros) or found
/// worth a look, each with its file.
pub struct Built {
    pub result: Result<ProgressData, Vec<BuildError>>,
    pub warnings: Vec<BuildError>,
}

/// Like [`build`], with the warnings.
pub fn build_with_warnings(dir: &Path) -> Built {
    let mut b = Builder {
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let data = b.run(dir);
    let result = match data {
        Some(d) if b.errors.is_empty() => Ok(d),
        _ => Err(b.errors),
    };
    Built {
        result,
        warnings: b.warnings,
    }
}

struct Builder {
    errors: Vec<BuildError>,
    warnings: Vec<BuildError>,
}

/// Whose codes a period's values are keyed by, as far as the build checks
/// them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CommuneCodes {
    /// The built-in 3,321: given 5 digits, and each must be in the table.
    Builtin,
    /// A commune set the publisher lists: given 5 digits.
    Listed,
}

/// Codes given 5 digits in one file: (line, as written, as read).
struct Fixes {
    path: PathBuf,
    fixed: Vec<(usize, String, String)>,
}

impl Fixes {
    fn new(path: PathBuf) -> Fixes {
        Fixes {
            path,
            fixed: Vec::new(),
        }
    }

    /// The code as 5 digits when it is a commune code written without its
    /// leading zeros (noted), else as it is.
    fn fix(&mut self, line: usize, code: &str) -> String {
        match canonical_code(code) {
            Some(five) if five != code => {
                self.fixed.push((line, code.to_string(), five.clone()));
                five
            }
            _ => code.to_string(),
        }
    }

    /// One warning naming the codes fixed, if any.
    fn warning(self) -> Option<BuildError> {
        let n = self.fixed.len();
        if n == 0 {
            return None;
        }
        let mut listed: Vec<String> = self
            .fixed
            .iter()
            .take(MAX_FIXES_LISTED)
            .map(|(line, from, to)| format!("line {line} {from:?} as {to:?}"))
            .collect();
        if n > MAX_FIXES_LISTED {
            listed.push(format!("and {} more", n - MAX_FIXES_LISTED));
        }
        Some(BuildError {
            path: self.path,
            line: None,
            message: format!(
                "{n} commune code(s) written without their leading zeros were read as 5 digits: {}",
                listed.join(", ")
            ),
        })
    }
}

impl Builder {
    /// Keeps `result`'s error, if any, and returns its value.
    fn keep<T>(&mut self, result: Result<T, BuildError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                if self.errors.len() < MAX_ERRORS {
                    self.errors.push(e);
                }
                None
            }
        }
    }

    /// Reads a table, checking its columns; `None` if absent (and optional)
    /// or broken.
    fn table(&mut self, dir: &Path, name: &str, required: bool, columns: &[&str]) -> Option<Table> {
        let path = dir.join(name);
        let table = if required {
            self.keep(Table::read(&path))?
        } else {
            self.keep(Table::read_optional(&path))??
        };
        self.keep(table.require(columns))?;
        Some(table)
    }

    /// Maps every row of an optional table with `f`, keeping the errors.
    /// Keeps a warning.
    fn warn(&mut self, warning: Option<BuildError>) {
        self.warnings.extend(warning);
    }

    fn rows<T>(
        &mut self,
        dir: &Path,
        name: &str,
        columns: &[&str],
        f: impl Fn(&Row) -> Result<T, BuildError>,
    ) -> Vec<T> {
        let Some(table) = self.table(dir, name, false, columns) else {
            return Vec::new();
        };
        let results: Vec<_> = table.rows().map(|r| f(&r)).collect();
        results.into_iter().filter_map(|r| self.keep(r)).collect()
    }

    fn run(&mut self, dir: &Path) -> Option<ProgressData> {
        let dataset = self.dataset(dir);
        let sources = self.rows(
            dir,
            "sources.csv",
            &["id", "publisher_vi", "title_vi", "url"],
            |r| {
                Ok(Source {
                    id: r.req("id")?.into(),
                    publisher: r.text("publisher")?,
                    title: r.text("title")?,
                    url: r.opt("url").map(Into::into),
                    published: r.opt("published").map(Into::into),
                })
            },
        );
        let meetings = self.rows(
            dir,
            "meetings.csv",
            &["id", "date", "name_vi", "name_en"],
            |r| {
                Ok(Meeting {
                    id: r.req("id")?.into(),
                    date: r.req("date")?.into(),
                    name: r.text("name")?,
                    body: r.opt("body").map(Into::into),
                })
            },
        );
        let bodies = self.rows(dir, "bodies.csv", &["id", "name_vi"], |r| {
            Ok(Body {
                id: r.req("id")?.into(),
                name: r.text("name")?,
                short_name: r.opt_text("short_name"),
            })
        });
        let ledgers = self.rows(dir, "ledgers.csv", &["id", "body", "programme_vi"], |r| {
            Ok(Ledger {
                id: r.req("id")?.into(),
                body: r.req("body")?.into(),
                programme: r.text("programme")?,
            })
        });
        let task_counts = self.rows(
            dir,
            "task_counts.csv",
            &[
                "meeting",
                "as_of",
                "scope_vi",
                "assigned",
                "completed",
                "in_progress",
                "overdue",
                "source",
            ],
            |r| {
                Ok(TaskCounts {
                    meeting: r.req("meeting")?.into(),
                    as_of: r.req("as_of")?.into(),
                    scope: r.text("scope")?,
                    assigned: r.count("assigned")?,
                    completed: r.count("completed")?,
                    in_progress: r.count("in_progress")?,
                    overdue: r.count("overdue")?,
                    agency: r.opt_text("agency").map(|name| Agency {
                        name,
                        unit: r.opt("agency_unit").map(Into::into),
                    }),
                    source: r.req("source")?.into(),
                    ledger: r.opt("ledger").map(Into::into),
                })
            },
        );
        let unit_sets = self.unit_sets(dir);
        let unit_mappings = self.unit_mappings(dir);
        let indicators = self.rows(
            dir,
            "indicators.csv",
            &[
                "id",
                "framework",
                "name_vi",
                "unit_vi",
                "decimals",
                "higher_is_better",
                "source",
            ],
            indicator,
        );
        let periods = self.rows(dir, "periods.csv", &["id", "label_vi", "unit_set"], |r| {
            Ok(Period {
                id: r.req("id")?.into(),
                label: r.text("label")?,
                unit_set: r.req("unit_set")?.into(),
            })
        });
        let commune_periods: HashMap<String, CommuneCodes> = periods
            .iter()
            .filter_map(|p| {
                let set = unit_sets.iter().find(|s| s.id == p.unit_set)?;
                let kind = if set.is_builtin_communes_2025() {
                    CommuneCodes::Builtin
                } else if set.level == UnitLevel::Commune {
                    CommuneCodes::Listed
                } else {
                    return None;
                };
                Some((p.id.clone(), kind))
            })
            .collect();
        let series = self.series(dir, &commune_periods);
        let national_figures = self.rows(
            dir,
            "national_figures.csv",
            &[
                "id", "meeting", "as_of", "label_vi", "value", "unit_vi", "source",
            ],
            |r| {
                Ok(NationalFigure {
                    id: r.req("id")?.into(),
                    meeting: r.req("meeting")?.into(),
                    as_of: r.req("as_of")?.into(),
                    label: r.text("label")?,
                    value: r
                        .num("value")?
                        .ok_or_else(|| r.error("column \"value\" is empty".into()))?,
                    of_total: r.num("of_total")?,
                    unit: r.text("unit")?,
                    scope: r.opt_text("scope"),
                    source: r.req("source")?.into(),
                    measure: r.opt("measure").map(Into::into),
                    note: r.opt_text("note"),
                    headline: r.opt("headline").is_some() && r.flag("headline")?,
                })
            },
        );
        let tasks = self.rows(
            dir,
            "tasks.csv",
            &["id", "title_vi", "owner_vi", "status", "as_of", "source"],
            |r| {
                let status = match r.req("status")? {
                    "completed" => TaskStatus::Completed,
                    "in_progress" => TaskStatus::InProgress,
                    "overdue" => TaskStatus::Overdue,
                    other => {
                        return Err(invalid(
                            r,
                            "status",
                            other,
                            "completed, in_progress or overdue",
                        ))
                    }
                };
                Ok(Task {
                    id: r.req("id")?.into(),
                    title: r.text("title")?,
                    owner: Agency {
                        name: r.text("owner")?,
                        unit: r.opt("owner_unit").map(Into::into),
                    },
                    deadline: r.opt("deadline").map(Into::into),
                    status,
                    as_of: r.req("as_of")?.into(),
                    meeting: r.opt("meeting").map(Into::into),
                    source: r.req("source")?.into(),
                })
            },
        );
        let (title, as_of) = dataset?;
        Some(ProgressData {
            schema_version: SUPPORTED_SCHEMA_VERSION,
            title,
            as_of,
            sources,
            bodies,
            ledgers,
            meetings,
            task_counts,
            unit_sets,
            unit_mappings,
            indicators,
            periods,
            series,
            national_figures,
            tasks,
        })
    }

    /// `dataset.csv`: rows of `key,value` for `title_vi`, `title_en`, `as_of`.
    fn dataset(&mut self, dir: &Path) -> Option<(Text, String)> {
        let table = self.table(dir, "dataset.csv", true, &["key", "value"])?;
        let mut values = HashMap::new();
        for row in table.rows() {
            if let Some(key) = self.keep(row.req("key")) {
                values.insert(key.to_string(), row.opt("value").unwrap_or("").to_string());
            }
        }
        let get = |k: &str| values.get(k).cloned().unwrap_or_default();
        let title = Text {
            vi: get("title_vi"),
            en: get("title_en"),
        };
        let as_of = get("as_of");
        let missing = |what: &str| BuildError {
            path: table.path.clone(),
            line: None,
            message: format!("no row gives {what}"),
        };
        if title.vi.is_empty() && title.en.is_empty() {
            self.keep::<()>(Err(missing("title_vi or title_en")));
            return None;
        }
        if as_of.is_empty() {
            self.keep::<()>(Err(missing("as_of")));
            return None;
        }
        Some((title, as_of))
    }

    /// `unit_sets.csv`; the `units` column names a CSV file of units
    /// (`code,name_vi,name_en,parent`) or a built-in table:
    /// `builtin:vn-province-2025` (34) or `builtin:vn-province-2008` (63),
    /// whose units are written into the file, or `builtin:vn-commune-2025`
    /// (3,321), which the file names instead of listing its units.
    fn unit_sets(&mut self, dir: &Path) -> Vec<UnitSet> {
        let heads = self.rows(
            dir,
            "unit_sets.csv",
            &["id", "name_vi", "level", "units", "source"],
            |r| {
                let level = match r.req("level")? {
                    "province" => UnitLevel::Province,
                    "commune" => UnitLevel::Commune,
                    other => return Err(invalid(r, "level", other, "province or commune")),
                };
                Ok((
                    UnitSet {
                        id: r.req("id")?.into(),
                        name: r.text("name")?,
                        level,
                        valid_from: r.opt("valid_from").map(Into::into),
                        valid_to: r.opt("valid_to").map(Into::into),
                        units: Vec::new(),
                        source: r.req("source")?.into(),
                        boundaries: r.opt("boundaries").map(Into::into),
                        builtin: None,
                    },
                    r.req("units")?.to_string(),
                    r.line,
                ))
            },
        );
        let mut sets = Vec::new();
        for (mut set, units, line) in heads {
            set.units = match units.as_str() {
                "builtin:vn-province-2025" => provinces_2025()
                    .iter()
                    .map(|p| Unit {
                        code: p.code.clone(),
                        name: Text {
                            vi: p.name_vi.clone(),
                            en: p.name_en(),
                        },
                        parent: None,
                    })
                    .collect(),
                "builtin:vn-province-2008" => provinces_2008()
                    .iter()
                    .map(|p| Unit {
                        code: p.code.clone(),
                        name: Text {
                            vi: p.name_vi.clone(),
                            en: fold_diacritics(&p.name_vi),
                        },
                        parent: None,
                    })
                    .collect(),
                "builtin:vn-commune-2025" => {
                    if set.level != UnitLevel::Commune {
                        self.keep::<()>(Err(BuildError {
                            path: dir.join("unit_sets.csv"),
                            line: Some(line),
                            message: format!(
                                "column \"level\": {units:?} is a set of communes; write \"commune\""
                            ),
                        }));
                        continue;
                    }
                    set.builtin = Some(BUILTIN_COMMUNES_2025.into());
                    Vec::new()
                }
                other if other.starts_with("builtin:") => {
                    self.keep::<()>(Err(BuildError {
                        path: dir.join("unit_sets.csv"),
                        line: Some(line),
                        message: format!("column \"units\": no built-in table {other:?}"),
                    }));
                    continue;
                }
                file => {
                    let mut units = self.rows(dir, file, &["code", "name_vi"], |r| {
                        Ok((
                            r.line,
                            Unit {
                                code: r.req("code")?.into(),
                                name: r.text("name")?,
                                parent: r.opt("parent").map(Into::into),
                            },
                        ))
                    });
                    if set.level == UnitLevel::Commune {
                        let mut fixes = Fixes::new(dir.join(file));
                        for (line, unit) in &mut units {
                            unit.code = fixes.fix(*line, &unit.code);
                        }
                        self.warn(fixes.warning());
                    }
                    units.into_iter().map(|(_, unit)| unit).collect()
                }
            };
            sets.push(set);
        }
        sets
    }

    /// `unit_mappings.csv`; the `pairs` column names a CSV file
    /// (`from_code,to_code`) or `builtin:merger-2025` (63 → 34).
    fn unit_mappings(&mut self, dir: &Path) -> Vec<UnitMapping> {
        let heads = self.rows(
            dir,
            "unit_mappings.csv",
            &["from", "to", "pairs", "source"],
            |r| {
                Ok((
                    r.req("from")?.to_string(),
                    r.req("to")?.to_string(),
                    r.req("pairs")?.to_string(),
                    r.req("source")?.to_string(),
                ))
            },
        );
        heads
            .into_iter()
            .map(|(from, to, pairs, source)| {
                let pairs: BTreeMap<String, String> = if pairs == "builtin:merger-2025" {
                    provinces_2008()
                        .iter()
                        .map(|p| (p.code.clone(), p.successor.clone()))
                        .collect()
                } else {
                    self.rows(dir, &pairs, &["from_code", "to_code"], |r| {
                        Ok((
                            r.req("from_code")?.to_string(),
                            r.req("to_code")?.to_string(),
                        ))
                    })
                    .into_iter()
                    .collect()
                };
                UnitMapping {
                    from,
                    to,
                    pairs,
                    source,
                }
            })
            .collect()
    }

    /// `observations.csv`, one value per row (the long form agencies keep),
    /// grouped into one series per indicator and period. An empty value is
    /// "not published". Rows of a period in a commune set have their codes
    /// given 5 digits ("4" is read as "00004", with a warning); in the
    /// built-in set each must be one of the 3,321, and a code that is not is
    /// named with the unit nearest to the row's `unit_name_vi`/`_en`. Rows
    /// of the template with nothing filled in (no indicator, period, value,
    /// source or note) are skipped.
    fn series(
        &mut self,
        dir: &Path,
        commune_periods: &HashMap<String, CommuneCodes>,
    ) -> Vec<Series> {
        let Some(table) = self.table(
            dir,
            "observations.csv",
            false,
            &["indicator", "period", "unit", "value", "source"],
        ) else {
            return Vec::new();
        };
        let mut order: Vec<(String, String)> = Vec::new();
        let mut by_key: HashMap<(String, String), Growing> = HashMap::new();
        let mut fixes = Fixes::new(table.path.clone());
        for row in table.rows() {
            if [
                "indicator",
                "period",
                "value",
                "source",
                "note_vi",
                "note_en",
            ]
            .iter()
            .all(|c| row.opt(c).is_none())
            {
                continue; // a template row left as it was
            }
            let parsed = (|| {
                Ok::<_, BuildError>((
                    row.req("indicator")?.to_string(),
                    row.req("period")?.to_string(),
                    row.req("unit")?.to_string(),
                    row.num("value")?,
                    row.opt_text("note"),
                    row.req("source")?.to_string(),
                ))
            })();
            let Some((indicator, period, mut unit, value, note, source)) = self.keep(parsed) else {
                continue;
            };
            if let Some(kind) = commune_periods.get(&period) {
                unit = fixes.fix(row.line, &unit);
                if *kind == CommuneCodes::Builtin && !self.builtin_commune(&row, &unit) {
                    continue;
                }
            }
            let key = (indicator.clone(), period.clone());
            let entry = by_key.entry(key.clone()).or_insert_with(|| {
                order.push(key);
                let series = Series {
                    indicator,
                    period,
                    units: Default::default(),
                    values: Vec::new().into(),
                    notes: BTreeMap::new(),
                    source: source.clone(),
                };
                Growing {
                    series,
                    units: Vec::new(),
                    lines: HashMap::new(),
                    first_line: row.line,
                }
            });
            let Growing {
                series,
                units,
                lines,
                first_line,
            } = entry;
            if series.source != source {
                let message = format!(
                    "column \"source\": {source:?}, but line {first_line} gives {:?} for the same indicator and period",
                    series.source
                );
                self.keep::<()>(Err(row.error(message)));
                continue;
            }
            if let Some(first) = lines.get(&unit) {
                let message =
                    format!("a second value for unit {unit:?} (the first is on line {first})");
                self.keep::<()>(Err(row.error(message)));
                continue;
            }
            lines.insert(unit.clone(), row.line);
            if let Some(note) = note {
                series.notes.insert(unit.clone(), note);
            }
            units.push(unit);
            series.values.push(value);
        }
        self.warn(fixes.warning());
        order
            .into_iter()
            .filter_map(|k| by_key.remove(&k))
            .map(|g| Series {
                units: g.units.into(),
                ..g.series
            })
            .collect()
    }

    /// Whether `code` (5 digits) is one of the built-in 3,321; if not, an
    /// error naming the unit nearest to the row's name. A code whose unit
    /// has another name than the row gives is kept, with a warning.
    fn builtin_commune(&mut self, row: &Row, code: &str) -> bool {
        let name = row.opt("unit_name_vi").or_else(|| row.opt("unit_name_en"));
        let Some(commune) = commune_2025_exact(code) else {
            // The suggestion takes a search of the table: only for errors
            // that are kept.
            if self.errors.len() < MAX_ERRORS {
                let message = unknown_code_message(code, name, row.opt("province"));
                self.keep::<()>(Err(row.error(format!("column \"unit\": {message}"))));
            }
            return false;
        };
        let given = [row.opt("unit_name_vi"), row.opt("unit_name_en")];
        let names = [
            commune.name_vi.clone(),
            commune.full_name_vi(),
            commune.full_name_en(),
        ]
        .map(|n| search_key(&n));
        let other = given
            .into_iter()
            .flatten()
            .find(|g| !names.contains(&search_key(g)));
        if let (Some(other), true) = (other, self.warnings.len() < MAX_ERRORS) {
            self.warnings.push(row.error(format!(
                "column \"unit\": {code} is {} ({}), but the row names it {other:?}; the code is kept",
                commune.full_name_vi(),
                commune.province_name_vi()
            )));
        }
        true
    }
}

/// A series being read from `observations.csv`.
struct Growing {
    /// The series without its units, which grow in `units`.
    series: Series,
    units: Vec<String>,
    /// The line of each unit's value, to name the first of two.
    lines: HashMap<String, usize>,
    /// The line that started the series.
    first_line: usize,
}

fn indicator(r: &Row) -> Result<Indicator, BuildError> {
    let framework = match r.req("framework")? {
        "dti" => Framework::Dti,
        "dvc766" => Framework::Dvc766,
        "project06" => Framework::Project06,
        "commune_criteria" => Framework::CommuneCriteria,
        "other" => Framework::Other,
        other => {
            return Err(invalid(
                r,
                "framework",
                other,
                "dti, dvc766, project06, commune_criteria or other",
            ))
        }
    };
    let decimals = r.count("decimals")?.unwrap_or(0);
    let decimals = u8::try_from(decimals)
        .ok()
        .filter(|d| *d <= 10)
        .ok_or_else(|| {
            invalid(
                r,
                "decimals",
                &decimals.to_string(),
                "a whole number from 0 to 10",
            )
        })?;
    let range = match (r.num("min")?, r.num("max")?) {
        (Some(min), Some(max)) => Some(ValueRange { min, max }),
        (None, None) => None,
        _ => return Err(r.error("columns \"min\" and \"max\": give both or neither".into())),
    };
    Ok(Indicator {
        id: r.req("id")?.into(),
        name: r.text("name")?,
        description: r.opt_text("description"),
        unit: r.text("unit")?,
        format: NumberFormat {
            decimals,
            percent: r.opt("percent").is_some() && r.flag("percent")?,
        },
        higher_is_better: r.flag("higher_is_better")?,
        range,
        target: r.num("target")?,
        framework,
        legal_basis: r.opt_text("legal_basis"),
        source: r.req("source")?.into(),
    })
}

fn invalid(r: &Row, column: &str, value: &str, expected: &str) -> BuildError {
    r.error(format!("column {column:?}: {value:?} is not {expected}"))
}
