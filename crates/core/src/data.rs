//! The published progress data, as the app reads it.
//!
//! This is the first, minimal version of the contract (`schema_version` 1):
//! the dataset's title and date, its sources, the Steering Committee's
//! meetings and the task counts reported at them. Every figure names its
//! source by id. Fields a later minor addition brings are ignored by older
//! apps; a breaking change raises `schema_version`.

use crate::error::LoadError;
use crate::i18n::Lang;
use crate::json;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `schema_version` this app reads.
pub const SUPPORTED_SCHEMA_VERSION: u32 = 1;

mod codes;
mod read;
mod values;

pub use codes::UnitCodes;
pub use values::Values;

/// A text in both languages. Read without bidirectional control
/// characters (see [`without_bidi_controls`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Text {
    #[serde(deserialize_with = "without_bidi_controls")]
    pub vi: String,
    #[serde(deserialize_with = "without_bidi_controls")]
    pub en: String,
}

/// Bidirectional controls: embeddings, overrides, isolates and marks.
const BIDI_CONTROLS: [char; 12] = [
    '\u{200E}', '\u{200F}', '\u{061C}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}',
    '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
];

/// Reads a string without bidirectional control characters. Vietnamese and
/// English never need them, and in published names they can turn the
/// interface's own words around them backwards ("Hà Nội\u{202E}gnp.exe"
/// shows as "Hà Nộiexe.png" and reverses the sentence that follows).
fn without_bidi_controls<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    String::deserialize(d).map(without_bidi)
}

/// The string without its bidirectional controls: what both readers of a
/// [`Text`] keep (serde's and [`crate::json`]'s).
fn without_bidi(s: String) -> String {
    if s.contains(BIDI_CONTROLS) {
        s.chars().filter(|c| !BIDI_CONTROLS.contains(c)).collect()
    } else {
        s
    }
}

impl Text {
    /// The text in `lang`, falling back to the other language when empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (want, other) = match lang {
            Lang::Vi => (&self.vi, &self.en),
            Lang::En => (&self.en, &self.vi),
        };
        if want.trim().is_empty() {
            other
        } else {
            want
        }
    }
}

/// Where figures come from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Source {
    /// Id that figures refer to.
    pub id: String,
    /// Who published it.
    pub publisher: Text,
    /// The document or article.
    pub title: Text,
    /// Where to read it, if online.
    #[serde(default)]
    pub url: Option<String>,
    /// When it was published (`YYYY-MM-DD`).
    #[serde(default)]
    pub published: Option<String>,
}

impl Source {
    /// The address to link to: only `http` and `https` ones, so that a
    /// `javascript:` or `data:` URL in published data is never followed.
    pub fn link(&self) -> Option<&str> {
        let url = self.url.as_deref()?.trim();
        let scheme = url.get(..8).unwrap_or(url).to_ascii_lowercase();
        (scheme.starts_with("https://") || scheme.starts_with("http://")).then_some(url)
    }

    /// How a figure names it: "publisher: title".
    pub fn label(&self, lang: Lang) -> String {
        format!("{}: {}", self.publisher.get(lang), self.title.get(lang))
    }

    /// Its day of publication as said after its label, " (21/10/2025)",
    /// where the data gives it.
    pub fn published_suffix(&self, lang: Lang) -> Option<String> {
        let day = self.published.as_deref()?;
        Some(format!(" ({})", crate::format::format_date(day, lang)))
    }
}

/// A committee that holds meetings and keeps a ledger of tasks: the
/// Government Steering Committee, or the Party's Central Steering Committee
/// on Resolution 57-NQ/TW.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Body {
    pub id: String,
    pub name: Text,
    /// A short name for headings ("Ban Chỉ đạo Trung ương").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<Text>,
}

/// One body's count of one programme's tasks. Two ledgers have different
/// bases (the tasks they count are not the same), so their counts are
/// never added or joined: each is a series of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Ledger {
    pub id: String,
    /// The [`Body::id`] that keeps it.
    pub body: String,
    /// The programme whose tasks it counts, and who they are assigned to.
    pub programme: Text,
}

/// A meeting of a steering committee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Meeting {
    pub id: String,
    /// The day it was held (`YYYY-MM-DD`).
    pub date: String,
    pub name: Text,
    /// The [`Body::id`] that held it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// Task counts reported at one meeting, for one programme and scope.
/// A count that was not published is absent, never zero.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TaskCounts {
    /// The meeting they were reported at (a [`Meeting::id`]).
    pub meeting: String,
    /// The day the counts refer to (`YYYY-MM-DD`).
    pub as_of: String,
    /// Which tasks: programme and who they are assigned to.
    pub scope: Text,
    #[serde(default)]
    pub assigned: Option<u64>,
    #[serde(default)]
    pub completed: Option<u64>,
    #[serde(default)]
    pub in_progress: Option<u64>,
    #[serde(default)]
    pub overdue: Option<u64>,
    /// The agency the counts are for, where they were published per agency;
    /// absent for national counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<Agency>,
    /// The [`Source::id`] of the figures.
    pub source: String,
    /// The [`Ledger::id`] the counts belong to: which body counts which
    /// programme's tasks. Required by the validator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ledger: Option<String>,
}

/// A ministry, agency or province that tasks are assigned to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Agency {
    pub name: Text,
    /// The province's code, when the agency is a province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// Where a task stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    Completed,
    InProgress,
    Overdue,
}

/// One task assigned under a programme, where tasks are published singly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Task {
    pub id: String,
    pub title: Text,
    /// Who it is assigned to.
    pub owner: Agency,
    /// Due date (`YYYY-MM-DD`), if one was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    pub status: TaskStatus,
    /// The day the status refers to (`YYYY-MM-DD`).
    pub as_of: String,
    /// The [`Meeting::id`] it was reported at, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// The [`Source::id`] of the status.
    pub source: String,
}

/// Whether units are provinces or communes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum UnitLevel {
    Province,
    Commune,
}

/// An administrative unit: a province or a commune.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Unit {
    /// Official code: 2 digits for a province, 5 for a commune.
    pub code: String,
    pub name: Text,
    /// The code of the province a commune belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// A set of units valid over a span of time, such as the 34 provinces from
/// 1 July 2025 or the 63 before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitSet {
    pub id: String,
    pub name: Text,
    pub level: UnitLevel,
    /// First day the set is valid (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// Last day the set is valid, if it has ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<String>,
    /// The units, each once; empty for a built-in set (see `builtin`).
    pub units: Vec<Unit>,
    /// The [`Source::id`] of the legal basis.
    pub source: String,
    /// Address of a TopoJSON file with the units' boundaries, relative to
    /// the data file (or http(s)): its first object, one geometry per unit
    /// with the unit's code in the property `code`. Absent for the 34 and
    /// the 63 provinces, whose boundaries ship with the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boundaries: Option<String>,
    /// The built-in set these units are, so that the file need not list
    /// them: `vn-commune-2025`, the 3,321 communes, wards and special zones
    /// from 1 July 2025 (5-digit codes of Decision 19/2025/QĐ-TTg, each in
    /// its province). Its `units` are left empty and its level is
    /// `commune`; the site draws the units with its own commune boundaries
    /// and takes their names from them, and `tien-do-data validate` checks
    /// every code against its table of the 3,321.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builtin: Option<String>,
}

/// The name of the built-in set of the 3,321 communes from 1 July 2025, as
/// [`UnitSet::builtin`] gives it.
pub const BUILTIN_COMMUNES_2025: &str = "vn-commune-2025";

impl UnitSet {
    /// Whether this is the built-in set of the 3,321 communes from 1 July
    /// 2025 ([`BUILTIN_COMMUNES_2025`]), whose units the file does not list.
    pub fn is_builtin_communes_2025(&self) -> bool {
        self.builtin.as_deref() == Some(BUILTIN_COMMUNES_2025)
    }

    /// The boundaries' address if it is safe to fetch: relative, or
    /// http(s). A `javascript:` or `data:` address gives `None`.
    pub fn boundaries_link(&self) -> Option<&str> {
        let url = self.boundaries.as_deref()?.trim();
        let lower = url.to_ascii_lowercase();
        let scheme_end = lower.find([':', '/', '?', '#']);
        let has_scheme = scheme_end.is_some_and(|i| lower[i..].starts_with(':'));
        let relative = !has_scheme && !url.starts_with("//") && !url.starts_with('\\');
        let ok = !url.is_empty()
            && (relative || lower.starts_with("https://") || lower.starts_with("http://"));
        ok.then_some(url)
    }
}

/// How units of one set became units of another (each old unit goes to
/// exactly one new unit, as in the 2025 merger).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitMapping {
    /// [`UnitSet::id`] of the old units.
    pub from: String,
    /// [`UnitSet::id`] of the new units.
    pub to: String,
    /// Old code → new code.
    pub pairs: BTreeMap<String, String>,
    /// The [`Source::id`] of the legal basis.
    pub source: String,
}

/// The family of indices an indicator belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Framework {
    /// Provincial Digital Transformation Index and its pillars.
    Dti,
    /// Service index of Decision 766/QĐ-TTg.
    Dvc766,
    /// Project 06 indicators.
    Project06,
    /// Commune-level criteria.
    CommuneCriteria,
    Other,
}

/// How to write an indicator's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NumberFormat {
    /// Digits after the decimal separator.
    pub decimals: u8,
    /// Multiply by 100 and add `%` (for values stored as shares 0–1).
    #[serde(default)]
    pub percent: bool,
}

/// The values an indicator can take.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ValueRange {
    pub min: f64,
    pub max: f64,
}

/// What is measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Indicator {
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The unit of its values ("điểm"/"score", "%").
    pub unit: Text,
    pub format: NumberFormat,
    pub higher_is_better: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<ValueRange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    pub framework: Framework,
    /// The legal document that defines it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<Text>,
    /// The [`Source::id`] of its definition.
    pub source: String,
}

impl Indicator {
    /// A value as this indicator writes it: its decimals, as a percentage
    /// if it says so, in the language's notation (no unit).
    pub fn format_value(&self, value: f64, lang: Lang) -> String {
        crate::format::format_number(value, self.format.decimals, self.format.percent, lang)
    }

    /// A value as [`Self::format_value`] writes it, or "not published" in
    /// the language when there is none (never a zero).
    pub fn format_or_unpublished(&self, value: Option<f64>, lang: Lang) -> String {
        value.map_or_else(
            || crate::i18n::Msg::NotPublished.text(lang).to_string(),
            |v| self.format_value(v, lang),
        )
    }
}

/// A span of time values refer to, with the unit set in force.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Period {
    /// `2024`, `2025-Q3`, …
    pub id: String,
    pub label: Text,
    /// The [`UnitSet::id`] its values are keyed by.
    pub unit_set: String,
}

impl Period {
    /// The label without its parenthesis, for axes and narrow tables
    /// ("2024" for "2024 (34 provinces)"); the full label elsewhere.
    pub fn short_label(&self, lang: Lang) -> &str {
        let full = self.label.get(lang);
        full.split(" (").next().unwrap_or(full).trim()
    }
}

/// The values of one indicator for one period, one per unit. Stored as
/// columns (`units[i]` has `values[i]`) so that commune-scale files stay
/// small. `null` means "not published", which is not zero.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Series {
    pub indicator: String,
    pub period: String,
    pub units: UnitCodes,
    pub values: Values,
    /// Notes on single values, by unit code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub notes: BTreeMap<String, Text>,
    /// The [`Source::id`] of the values.
    pub source: String,
}

/// A national figure reported at a Steering Committee meeting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NationalFigure {
    pub id: String,
    /// The [`Meeting::id`] it was reported at.
    pub meeting: String,
    /// The day it refers to (`YYYY-MM-DD`).
    pub as_of: String,
    pub label: Text,
    pub value: f64,
    /// The total or target it is out of, where one was given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of_total: Option<f64>,
    pub unit: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Text>,
    pub source: String,
    /// What the figure measures, shared by figures of different meetings
    /// that measure the same thing, so that the change can be shown. Only
    /// set where the publisher judged them comparable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<String>,
    /// A caveat the source gives with the figure (an undefined scope,
    /// another report's different number), shown beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// One of the few figures of its meeting that the overview leads with
    /// (the publisher's choice); the others are one click away.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
}

/// A published progress dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProgressData {
    pub schema_version: u32,
    pub title: Text,
    /// The latest day the data speaks of (`YYYY-MM-DD`).
    pub as_of: String,
    pub sources: Vec<Source>,
    /// The committees whose meetings and ledgers the file holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<Body>,
    /// The task ledgers, one per body and programme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ledgers: Vec<Ledger>,
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    #[serde(default)]
    pub task_counts: Vec<TaskCounts>,
    #[serde(default)]
    pub unit_sets: Vec<UnitSet>,
    #[serde(default)]
    pub unit_mappings: Vec<UnitMapping>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub periods: Vec<Period>,
    #[serde(default)]
    pub series: Vec<Series>,
    #[serde(default)]
    pub national_figures: Vec<NationalFigure>,
    #[serde(default)]
    pub tasks: Vec<Task>,
}

impl ProgressData {
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The meeting with this id.
    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.id == id)
    }

    /// The body with this id.
    pub fn body(&self, id: &str) -> Option<&Body> {
        self.bodies.iter().find(|b| b.id == id)
    }

    /// The ledger with this id.
    pub fn ledger(&self, id: &str) -> Option<&Ledger> {
        self.ledgers.iter().find(|l| l.id == id)
    }

    /// The body's name for headings: its short name where the data gives
    /// one, else its name.
    pub fn body_short_name(&self, id: &str) -> Option<&Text> {
        self.body(id)
            .map(|b| b.short_name.as_ref().unwrap_or(&b.name))
    }

    /// Where the ledger `id` stands in the listed ledgers: the order their
    /// series are shown in; counts without a known ledger come last.
    pub fn ledger_position(&self, id: Option<&str>) -> usize {
        id.and_then(|id| self.ledgers.iter().position(|l| l.id == id))
            .unwrap_or(usize::MAX)
    }

    /// The meetings that reported national figures, oldest first.
    pub fn meetings_with_figures(&self) -> Vec<&Meeting> {
        let mut meetings: Vec<&Meeting> = self
            .meetings
            .iter()
            .filter(|m| self.national_figures.iter().any(|f| f.meeting == m.id))
            .collect();
        meetings.sort_by(|a, b| a.date.cmp(&b.date));
        meetings
    }

    /// The latest national task counts of each ledger, in the order the
    /// ledgers are listed (counts without a ledger come last, as one).
    pub fn latest_counts_by_ledger(&self) -> Vec<&TaskCounts> {
        let mut out: Vec<&TaskCounts> = Vec::new();
        for t in self.task_counts.iter().filter(|t| t.agency.is_none()) {
            match out.iter_mut().find(|o| o.ledger == t.ledger) {
                Some(o) if o.as_of < t.as_of => *o = t,
                Some(_) => {}
                None => out.push(t),
            }
        }
        out.sort_by_key(|t| self.ledger_position(t.ledger.as_deref()));
        out
    }

    /// The day of the newest figure in the file: the latest `as_of` of its
    /// national figures, task counts and tasks; the file's own `as_of` when
    /// it has none of these. Only well-formed dates count.
    pub fn newest_figure_date(&self) -> &str {
        let dates = self
            .national_figures
            .iter()
            .map(|f| f.as_of.as_str())
            .chain(self.task_counts.iter().map(|t| t.as_of.as_str()))
            .chain(self.tasks.iter().map(|t| t.as_of.as_str()))
            .filter(|d| crate::format::parse_iso_date(d).is_some());
        dates.max().unwrap_or(self.as_of.as_str())
    }
}

/// Only the version, read first so that a file of another version is
/// reported as such rather than as a shape error: the file as a struct
/// whose one field, `schema_version`, may be any JSON (or `null`, or
/// absent); the rest is skipped but must be well-formed.
fn read_schema_version(r: &mut json::Reader<'_>) -> Result<Option<json::Value>, json::Error> {
    const HEAD: json::Fields = json::Fields {
        expecting: "struct Head",
        names: &["schema_version"],
        required: 0,
    };
    let mut version = None;
    r.read_struct(&HEAD, &mut |r, _| {
        version = if r.read_null()? {
            None
        } else {
            Some(r.read_value()?)
        };
        Ok(())
    })?;
    Ok(version)
}

/// Parses published JSON text. Never panics, whatever the input.
///
/// Read by the crate's own JSON reader ([`crate::json`]), not serde_json,
/// with the same results (the tests compare the two), so that the app's
/// WebAssembly carries no serde deserialiser for the data.
pub fn parse_progress(text: &str) -> Result<ProgressData, LoadError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') {
        return Err(LoadError::NotJson { url: String::new() });
    }
    let malformed = |e: json::Error| {
        let (line, column) = e.line_column(trimmed);
        LoadError::Malformed {
            line,
            column: column.max(1),
            detail: e.detail(trimmed),
        }
    };
    // One pass where the file is well-formed and of this version (the
    // version is read with the data, as a whole number): as the two
    // passes below would read it, without skipping through the whole
    // text first (18 ms of 85 on the commune-scale file in the browser).
    // Anything else is read again by the two passes, so errors and their
    // order are theirs.
    if let Ok(data) = json::from_str::<ProgressData>(trimmed) {
        if data.schema_version == SUPPORTED_SCHEMA_VERSION {
            return Ok(data);
        }
    }
    let mut head = json::Reader::new(trimmed);
    let version = read_schema_version(&mut head)
        .and_then(|v| head.end().map(|()| v))
        .map_err(malformed)?;
    let supported = SUPPORTED_SCHEMA_VERSION;
    match version {
        Some(json::Value::Number(json::Number::U64(n))) if n == u64::from(supported) => {}
        found => {
            return Err(LoadError::UnsupportedSchema {
                found: found.map(|v| v.to_json()),
                supported,
            })
        }
    }
    json::from_str(trimmed).map_err(malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
        "schema_version": 1,
        "title": {"vi": "Thử", "en": "Test"},
        "as_of": "2025-09-23",
        "sources": []
    }"#;

    /// Guards "not published is not zero" in every table that writes
    /// values.
    #[test]
    fn missing_values_are_written_as_not_published() {
        let d = crate::test_support::demo();
        let dti = d.indicators.iter().find(|i| i.id == "dti").unwrap();
        assert_eq!(dti.format_or_unpublished(Some(0.8241), Lang::Vi), "0,8241");
        assert_eq!(dti.format_or_unpublished(None, Lang::Vi), "Chưa công bố");
        assert_eq!(dti.format_or_unpublished(None, Lang::En), "Not published");
    }

    /// Guards against bidirectional spoofing: override, embedding and
    /// isolate characters in published texts are dropped when read; the
    /// rest of the text is kept as it is.
    #[test]
    fn texts_are_read_without_bidi_controls() {
        let t: Text =
            serde_json::from_str(r#"{"vi":"Hà Nội\u202egnp.exe","en":"\u2067Ha Noi\u2069 <b>"}"#)
                .unwrap();
        assert_eq!(t.vi, "Hà Nộignp.exe");
        assert_eq!(t.en, "Ha Noi <b>");
    }

    /// Guards the short period label: the parenthesis dropped, nothing
    /// else.
    #[test]
    fn short_period_labels_drop_the_parenthesis() {
        let p = Period {
            id: "2024".into(),
            label: Text {
                vi: "Năm 2024 (34 tỉnh, thành phố)".into(),
                en: "2024 (34 provinces)".into(),
            },
            unit_set: "s".into(),
        };
        assert_eq!(p.short_label(Lang::Vi), "Năm 2024");
        assert_eq!(p.short_label(Lang::En), "2024");
        let plain = Period {
            label: Text {
                vi: "Quý 3".into(),
                en: "Q3".into(),
            },
            ..p
        };
        assert_eq!(plain.short_label(Lang::En), "Q3");
    }

    #[test]
    fn minimal_file_parses() {
        let d = parse_progress(MINIMAL).unwrap();
        assert_eq!(d.schema_version, 1);
        assert!(d.task_counts.is_empty());
        assert!(d.latest_counts_by_ledger().is_empty());
    }

    #[test]
    fn byte_order_mark_and_unknown_fields_are_accepted() {
        let with_extra = MINIMAL.replacen('{', "{\"added_later\": [1, 2],", 1);
        let d = parse_progress(&format!("\u{feff}{with_extra}")).unwrap();
        assert_eq!(d.title.get(Lang::En), "Test");
    }

    #[test]
    fn round_trip_through_json() {
        let d = parse_progress(MINIMAL).unwrap();
        let again = parse_progress(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(d, again);
    }

    #[test]
    fn syntax_errors_give_their_position() {
        let err = parse_progress("{\n  \"schema_version\": 1,\n  \"title\": \n").unwrap_err();
        match err {
            LoadError::Malformed { line, .. } => assert!(line >= 3, "{line}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn wrong_or_missing_schema_version_is_named() {
        let v2 = MINIMAL.replace("\"schema_version\": 1", "\"schema_version\": 2");
        assert_eq!(
            parse_progress(&v2).unwrap_err(),
            LoadError::UnsupportedSchema {
                found: Some("2".into()),
                supported: 1
            }
        );
        let text = MINIMAL.replace("\"schema_version\": 1", "\"schema_version\": \"1\"");
        assert!(matches!(
            parse_progress(&text).unwrap_err(),
            LoadError::UnsupportedSchema { found: Some(f), .. } if f == "\"1\""
        ));
        let none = MINIMAL.replace("\"schema_version\": 1,", "");
        assert_eq!(
            parse_progress(&none).unwrap_err(),
            LoadError::UnsupportedSchema {
                found: None,
                supported: 1
            }
        );
    }

    #[test]
    fn wrong_shapes_are_malformed_not_panics() {
        for bad in [
            "",
            "   ",
            "null",
            "[]",
            "42",
            "\"text\"",
            "{\"schema_version\": 1}",
            "{\"schema_version\": 1, \"title\": 5, \"as_of\": \"x\", \"sources\": []}",
            "{\"schema_version\": 1e400}",
            "{\"schema_version\": NaN}",
            "{\"schema_version\": 1, \"title\": {\"vi\": \"\\ud800\"}}",
        ] {
            let err = parse_progress(bad).unwrap_err();
            assert!(
                matches!(
                    err,
                    LoadError::Malformed { .. } | LoadError::UnsupportedSchema { .. }
                ),
                "{bad:?} gave {err:?}"
            );
        }
    }

    #[test]
    fn html_instead_of_json_is_recognised() {
        let err = parse_progress("<!DOCTYPE html><html><body>Not here</body></html>").unwrap_err();
        assert!(matches!(err, LoadError::NotJson { .. }));
    }

    /// Guards against following hostile links from published data.
    #[test]
    fn only_http_links_are_followed() {
        let source = |url: &str| Source {
            id: "s".into(),
            publisher: Text::default(),
            title: Text::default(),
            url: Some(url.into()),
            published: None,
        };
        assert_eq!(
            source(" https://dti.gov.vn/x ").link(),
            Some("https://dti.gov.vn/x")
        );
        assert_eq!(
            source("HTTP://example.org").link(),
            Some("HTTP://example.org")
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            "data:text/html,x",
            "//evil",
            "",
            "ftp://x",
            "ă",
        ] {
            assert_eq!(source(bad).link(), None, "{bad}");
        }
    }

    #[test]
    fn text_falls_back_to_the_other_language() {
        let t = Text {
            vi: "Xin chào".into(),
            en: "  ".into(),
        };
        assert_eq!(t.get(Lang::En), "Xin chào");
        assert_eq!(t.get(Lang::Vi), "Xin chào");
    }

    /// Guards "one ledger, one series": the latest counts of each ledger (by
    /// date, not by place in the file), never one ledger's counts taken for
    /// another's, in the ledgers' order; and the newest figure's date over
    /// figures and counts.
    #[test]
    fn latest_counts_are_per_ledger() {
        let mut d = parse_progress(MINIMAL).unwrap();
        let counts = |as_of: &str, assigned, ledger: &str| TaskCounts {
            meeting: "m".into(),
            as_of: as_of.into(),
            scope: Text::default(),
            assigned: Some(assigned),
            completed: None,
            in_progress: None,
            overdue: None,
            agency: None,
            source: "s".into(),
            ledger: Some(ledger.into()),
        };
        d.ledgers = ["gov", "central"]
            .map(|id| Ledger {
                id: id.into(),
                body: id.into(),
                programme: Text::default(),
            })
            .to_vec();
        d.task_counts = vec![
            counts("2025-12-04", 1287, "central"),
            counts("2025-09-23", 679, "gov"),
            counts("2025-12-25", 1298, "central"),
            // Listed last but older: the latest goes by date, not by place.
            counts("2025-05-17", 500, "central"),
        ];
        let latest: Vec<_> = d
            .latest_counts_by_ledger()
            .iter()
            .map(|t| t.assigned)
            .collect();
        assert_eq!(latest, [Some(679), Some(1298)]);
        assert_eq!(d.newest_figure_date(), "2025-12-25");
        d.task_counts.clear();
        assert_eq!(d.newest_figure_date(), "2025-09-23", "the file's own date");
    }
}
