//! The published progress data, as the app reads it.
//!
//! This is the first, minimal version of the contract (`schema_version` 1):
//! the dataset's title and date, its sources, the Steering Committee's
//! meetings and the task counts reported at them. Every figure names its
//! source by id. Fields a later minor addition brings are ignored by older
//! apps; a breaking change raises `schema_version`.

use crate::error::LoadError;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The `schema_version` this app reads.
pub const SUPPORTED_SCHEMA_VERSION: u32 = 1;

/// A text in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub vi: String,
    pub en: String,
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

/// A meeting of the Government Steering Committee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: String,
    /// The day it was held (`YYYY-MM-DD`).
    pub date: String,
    pub name: Text,
}

/// Task counts reported at one meeting, for one programme and scope.
/// A count that was not published is absent, never zero.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The [`Source::id`] of the figures.
    pub source: String,
}

/// A published progress dataset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressData {
    pub schema_version: u32,
    pub title: Text,
    /// The latest day the data speaks of (`YYYY-MM-DD`).
    pub as_of: String,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    #[serde(default)]
    pub task_counts: Vec<TaskCounts>,
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

    /// The most recent task counts (by their `as_of` date), if any.
    pub fn latest_task_counts(&self) -> Option<&TaskCounts> {
        self.task_counts.iter().max_by(|a, b| a.as_of.cmp(&b.as_of))
    }
}

/// Only the version, read first so that a file of another version is
/// reported as such rather than as a shape error.
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    schema_version: Option<serde_json::Value>,
}

/// Parses published JSON text. Never panics, whatever the input.
pub fn parse_progress(text: &str) -> Result<ProgressData, LoadError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') {
        return Err(LoadError::NotJson { url: String::new() });
    }
    let head: Head = serde_json::from_str(trimmed).map_err(malformed)?;
    let supported = SUPPORTED_SCHEMA_VERSION;
    match head.schema_version {
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(supported as u64) => {}
        Some(other) => {
            return Err(LoadError::UnsupportedSchema {
                found: Some(other.to_string()),
                supported,
            })
        }
        None => {
            return Err(LoadError::UnsupportedSchema {
                found: None,
                supported,
            })
        }
    }
    serde_json::from_str(trimmed).map_err(malformed)
}

fn malformed(e: serde_json::Error) -> LoadError {
    LoadError::Malformed {
        line: e.line(),
        column: e.column().max(1),
        detail: e.to_string(),
    }
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

    #[test]
    fn minimal_file_parses() {
        let d = parse_progress(MINIMAL).unwrap();
        assert_eq!(d.schema_version, 1);
        assert!(d.task_counts.is_empty());
        assert_eq!(d.latest_task_counts(), None);
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

    #[test]
    fn text_falls_back_to_the_other_language() {
        let t = Text {
            vi: "Xin chào".into(),
            en: "  ".into(),
        };
        assert_eq!(t.get(Lang::En), "Xin chào");
        assert_eq!(t.get(Lang::Vi), "Xin chào");
    }

    #[test]
    fn latest_task_counts_go_by_date() {
        let mut d = parse_progress(MINIMAL).unwrap();
        let counts = |as_of: &str, assigned| TaskCounts {
            meeting: "m".into(),
            as_of: as_of.into(),
            scope: Text::default(),
            assigned: Some(assigned),
            completed: None,
            in_progress: None,
            overdue: None,
            source: "s".into(),
        };
        d.task_counts = vec![counts("2025-09-23", 679), counts("2025-05-17", 500)];
        assert_eq!(d.latest_task_counts().unwrap().assigned, Some(679));
    }
}
