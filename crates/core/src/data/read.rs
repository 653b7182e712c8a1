//! The data types read by the crate's own JSON reader ([`crate::json`]),
//! with the same meaning as their serde derives (which stay, for the
//! publishers' tool and the tests): the same fields required or defaulted,
//! in the order they are declared, and the same enum names.

use super::*;
use crate::json::{json_enum, json_struct, Error, Reader};

/// A string of a [`Text`], without bidirectional controls.
fn text_string(r: &mut Reader<'_>) -> Result<String, Error> {
    r.read_str().map(|s| without_bidi(s.into_owned()))
}

json_struct!(Text {
    vi: req(text_string),
    en: req(text_string),
});

json_struct!(Source {
    id: req,
    publisher: req,
    title: req,
    url: def,
    published: def,
});

json_struct!(Body {
    id: req,
    name: req,
    short_name: def,
});

json_struct!(Ledger {
    id: req,
    body: req,
    programme: req,
});

json_struct!(Meeting {
    id: req,
    date: req,
    name: req,
    body: def,
});

json_struct!(TaskCounts {
    meeting: req,
    as_of: req,
    scope: req,
    assigned: def,
    completed: def,
    in_progress: def,
    overdue: def,
    agency: def,
    source: req,
    ledger: def,
});

json_struct!(Agency {
    name: req,
    unit: def,
});

json_enum!(TaskStatus {
    Completed = "completed",
    InProgress = "in_progress",
    Overdue = "overdue",
});

json_struct!(Task {
    id: req,
    title: req,
    owner: req,
    deadline: def,
    status: req,
    as_of: req,
    meeting: def,
    source: req,
});

json_enum!(UnitLevel {
    Province = "province",
    Commune = "commune",
});

json_struct!(Unit {
    code: req,
    name: req,
    parent: def,
});

json_struct!(UnitSet {
    id: req,
    name: req,
    level: req,
    valid_from: def,
    valid_to: def,
    units: req,
    source: req,
    boundaries: def,
    builtin: def,
});

json_struct!(UnitMapping {
    from: req,
    to: req,
    pairs: req,
    source: req,
});

json_enum!(Framework {
    Dti = "dti",
    Dvc766 = "dvc766",
    Project06 = "project06",
    CommuneCriteria = "commune_criteria",
    Other = "other",
});

json_struct!(NumberFormat {
    decimals: req,
    percent: def,
});

json_struct!(ValueRange { min: req, max: req });

json_struct!(Indicator {
    id: req,
    name: req,
    description: def,
    unit: req,
    format: req,
    higher_is_better: req,
    range: def,
    target: def,
    framework: req,
    legal_basis: def,
    source: req,
});

json_struct!(Period {
    id: req,
    label: req,
    unit_set: req,
});

json_struct!(Series {
    indicator: req,
    period: req,
    units: req,
    values: req,
    notes: def,
    source: req,
});

json_struct!(NationalFigure {
    id: req,
    meeting: req,
    as_of: req,
    label: req,
    value: req,
    of_total: def,
    unit: req,
    scope: def,
    source: req,
    measure: def,
    note: def,
    headline: def,
});

json_struct!(ProgressData {
    schema_version: req,
    title: req,
    as_of: req,
    sources: req,
    bodies: def,
    ledgers: def,
    meetings: def,
    task_counts: def,
    unit_sets: def,
    unit_mappings: def,
    indicators: def,
    periods: def,
    series: def,
    national_figures: def,
    tasks: def,
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::FromJson;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use std::fmt::Debug;
    use std::path::Path;

    /// `parse_progress` as it was with serde_json, the reference: the same
    /// schema check (a `Head` struct read first), then the derived
    /// deserialiser.
    fn serde_parse(text: &str) -> Result<ProgressData, LoadError> {
        #[derive(serde::Deserialize)]
        struct Head {
            #[serde(default)]
            schema_version: Option<serde_json::Value>,
        }
        let malformed = |e: serde_json::Error| LoadError::Malformed {
            line: e.line(),
            column: e.column().max(1),
            detail: e.to_string(),
        };
        let trimmed = text.trim_start_matches('\u{feff}').trim_start();
        if trimmed.starts_with('<') {
            return Err(LoadError::NotJson { url: String::new() });
        }
        let head: Head = serde_json::from_str(trimmed).map_err(malformed)?;
        let supported = SUPPORTED_SCHEMA_VERSION;
        match head.schema_version {
            Some(serde_json::Value::Number(n)) if n.as_u64() == Some(supported as u64) => {}
            found => {
                return Err(LoadError::UnsupportedSchema {
                    found: found.map(|v| v.to_string()),
                    supported,
                })
            }
        }
        serde_json::from_str(trimmed).map_err(malformed)
    }

    const DEMO: &str = include_str!("../../../../public/data/progress.json");

    fn fixtures() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
    }

    /// Guards the switch from serde_json: the demo data and every JSON
    /// fixture (broken ones included) give the same data, or the same
    /// error with the same line, column and text, as serde_json gave.
    #[test]
    fn demo_and_fixtures_read_as_serde_json_read_them() {
        let mut files = vec![("public/data/progress.json".to_string(), DEMO.to_string())];
        for entry in std::fs::read_dir(fixtures()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).unwrap();
                files.push((path.display().to_string(), text));
            }
        }
        assert!(files.len() >= 8, "{}", files.len());
        for (name, text) in &files {
            assert_eq!(parse_progress(text), serde_parse(text), "{name}");
        }
        assert!(parse_progress(DEMO).is_ok());
    }

    /// Guards what the end-to-end tests expect the app to show for the
    /// two broken fixtures (tests/e2e/tests/site.rs): the truncated file at
    /// line 6, column 1; the wrong shape at line 3.
    #[test]
    fn broken_fixtures_are_placed_where_the_site_says() {
        let read = |name: &str| std::fs::read_to_string(fixtures().join(name)).unwrap();
        let truncated = parse_progress(&read("truncated.json")).unwrap_err();
        assert!(
            truncated
                .message(crate::Lang::En)
                .contains("damaged or badly formatted (line 6, column 1)"),
            "{truncated:?}"
        );
        let wrong = parse_progress(&read("wrong-shape.json")).unwrap_err();
        assert!(
            wrong.message(crate::Lang::En).contains("(line 3"),
            "{wrong:?}"
        );
        assert_eq!(
            wrong.detail(),
            Some(
                "invalid type: string \"a title that should be an object with vi and en\", \
                 expected struct Text at line 3 column 60"
            )
        );
        let v99 = parse_progress(&read("schema-v99.json")).unwrap_err();
        assert_eq!(
            v99,
            LoadError::UnsupportedSchema {
                found: Some("99".into()),
                supported: 1
            }
        );
    }

    /// Guards the schema check's order: a wrong version is named even
    /// when the rest has the wrong shape, `null` counts as absent, and the
    /// version is written as serde_json writes it.
    #[test]
    fn wrong_versions_are_named_before_shapes() {
        let body = r#""title": 5, "as_of": [], "sources": {"x": 1}"#;
        for (version, found) in [
            ("99", Some("99")),
            ("\"1\"", Some("\"1\"")),
            ("1.5", Some("1.5")),
            ("1.0", Some("1.0")),
            ("1e2", Some("100.0")),
            ("-1", Some("-1")),
            ("-0", Some("-0.0")),
            (
                "[1, {\"b\": 2, \"a\": \"\\u0001\"}]",
                Some("[1,{\"a\":\"\\u0001\",\"b\":2}]"),
            ),
            ("{\"a\":1,\"a\":2}", Some("{\"a\":2}")),
            ("true", Some("true")),
            ("null", None),
        ] {
            let text = format!("{{\"schema_version\": {version}, {body}}}");
            let expected = LoadError::UnsupportedSchema {
                found: found.map(String::from),
                supported: 1,
            };
            assert_eq!(parse_progress(&text), Err(expected), "{text}");
            assert_eq!(serde_parse(&text), parse_progress(&text), "{text}");
        }
        let absent = format!("{{{body}}}");
        assert_eq!(serde_parse(&absent), parse_progress(&absent));
        // A version of 1 and the wrong shape: a shape error.
        let text = format!("{{\"schema_version\": 1, {body}}}");
        assert!(matches!(
            parse_progress(&text),
            Err(LoadError::Malformed { .. })
        ));
        assert_eq!(serde_parse(&text), parse_progress(&text));
    }

    /// Guards the fields' order and serde's other form of a struct, an
    /// array of its fields in the order they are declared: each struct of
    /// the demo written so reads back the same with both readers.
    #[test]
    fn structs_written_as_arrays_read_as_serde_reads_them() {
        fn as_array<T>(sample: &T, names: &[&str])
        where
            T: Serialize + DeserializeOwned + FromJson + PartialEq + Debug,
        {
            let serde_json::Value::Object(object) = serde_json::to_value(sample).unwrap() else {
                panic!("{sample:?}")
            };
            let items: Vec<serde_json::Value> = names
                .iter()
                .map(|n| match (object.get(*n), *n) {
                    (Some(v), _) => v.clone(),
                    (None, "bodies" | "ledgers") => serde_json::json!([]),
                    (None, "notes") => serde_json::json!({}),
                    (None, "headline") => serde_json::json!(false),
                    (None, _) => serde_json::Value::Null,
                })
                .collect();
            assert_eq!(items.len(), object.len().max(items.len()), "{names:?}");
            let text = serde_json::Value::Array(items).to_string();
            assert_eq!(serde_json::from_str::<T>(&text).unwrap(), *sample, "{text}");
            assert_eq!(
                crate::json::from_str::<T>(&text).unwrap(),
                *sample,
                "{text}"
            );
        }
        let d = parse_progress(DEMO).unwrap();
        as_array(&d.title, Text::JSON_FIELDS);
        as_array(&d.sources[0], Source::JSON_FIELDS);
        as_array(&d.bodies[0], Body::JSON_FIELDS);
        as_array(&d.ledgers[0], Ledger::JSON_FIELDS);
        as_array(&d.meetings[0], Meeting::JSON_FIELDS);
        as_array(&d.task_counts[0], TaskCounts::JSON_FIELDS);
        // The demo has no tasks, nor counts per agency.
        let owner = Agency {
            name: d.title.clone(),
            unit: Some("01".into()),
        };
        as_array(&owner, Agency::JSON_FIELDS);
        let task = Task {
            id: "t".into(),
            title: d.title.clone(),
            owner,
            deadline: None,
            status: TaskStatus::InProgress,
            as_of: "2025-01-01".into(),
            meeting: Some("m".into()),
            source: "s".into(),
        };
        as_array(&task, Task::JSON_FIELDS);
        as_array(&d.unit_sets[0].units[0], Unit::JSON_FIELDS);
        as_array(&d.unit_sets[0], UnitSet::JSON_FIELDS);
        as_array(&d.unit_mappings[0], UnitMapping::JSON_FIELDS);
        as_array(&d.indicators[0].format, NumberFormat::JSON_FIELDS);
        as_array(&ValueRange { min: 0.0, max: 1.0 }, ValueRange::JSON_FIELDS);
        as_array(&d.indicators[0], Indicator::JSON_FIELDS);
        as_array(&d.periods[0], Period::JSON_FIELDS);
        as_array(&d.series[0], Series::JSON_FIELDS);
        as_array(&d.national_figures[0], NationalFigure::JSON_FIELDS);
        as_array(&d, ProgressData::JSON_FIELDS);
        // Every variant's name is the one serde writes.
        for s in [
            TaskStatus::Completed,
            TaskStatus::InProgress,
            TaskStatus::Overdue,
        ] {
            let text = serde_json::to_string(&s).unwrap();
            assert_eq!(crate::json::from_str::<TaskStatus>(&text), Ok(s));
        }
        for l in [UnitLevel::Province, UnitLevel::Commune] {
            let text = serde_json::to_string(&l).unwrap();
            assert_eq!(crate::json::from_str::<UnitLevel>(&text), Ok(l));
        }
        for f in [
            Framework::Dti,
            Framework::Dvc766,
            Framework::Project06,
            Framework::CommuneCriteria,
            Framework::Other,
        ] {
            let text = serde_json::to_string(&f).unwrap();
            assert_eq!(crate::json::from_str::<Framework>(&text), Ok(f));
        }
    }

    /// Guards against the bidi controls coming back through the new
    /// reader, written as they are or as `\u` escapes.
    #[test]
    fn texts_are_read_without_bidi_controls() {
        let text = "{\"vi\":\"Hà Nội\\u202egnp.exe\",\"en\":\"\u{2067}Ha Noi\u{2069} <b>\"}";
        let t: Text = crate::json::from_str(text).unwrap();
        assert_eq!(t.vi, "Hà Nộignp.exe");
        assert_eq!(t.en, "Ha Noi <b>");
        assert_eq!(serde_json::from_str::<Text>(text).unwrap(), t);
    }

    /// A value of a valid JSON text, and its members if it is an object.
    struct Node {
        start: usize,
        end: usize,
        kind: u8,
        /// Key start, value; for objects.
        members: Vec<(usize, usize)>,
    }

    /// Every value of a valid JSON text, outermost first, for the
    /// mutations below.
    fn nodes(text: &str) -> Vec<Node> {
        fn ws(b: &[u8], mut i: usize) -> usize {
            while i < b.len() && b" \n\r\t".contains(&b[i]) {
                i += 1;
            }
            i
        }
        fn string_end(b: &[u8], mut i: usize) -> usize {
            i += 1;
            while b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i + 1
        }
        fn value(b: &[u8], i: usize, out: &mut Vec<Node>) -> usize {
            let at = out.len();
            out.push(Node {
                start: i,
                end: i,
                kind: b[i],
                members: Vec::new(),
            });
            let end = match b[i] {
                b'"' => string_end(b, i),
                b'{' | b'[' => {
                    let close = if b[i] == b'{' { b'}' } else { b']' };
                    let mut j = ws(b, i + 1);
                    while b[j] != close {
                        if b[i] == b'{' {
                            let key = j;
                            j = ws(b, string_end(b, j));
                            j = ws(b, j + 1);
                            let next = out.len();
                            out[at].members.push((key, next));
                        }
                        j = ws(b, value(b, j, out));
                        if b[j] == b',' {
                            j = ws(b, j + 1);
                        }
                    }
                    j + 1
                }
                _ => {
                    let mut j = i;
                    while j < b.len() && !b",]} \n\r\t".contains(&b[j]) {
                        j += 1;
                    }
                    j
                }
            };
            out[at].end = end;
            end
        }
        let mut out = Vec::new();
        value(text.as_bytes(), ws(text.as_bytes(), 0), &mut out);
        out
    }

    /// The demo with its lists cut to their first two items, and the lists
    /// within them to one: every type and field of the demo, small enough
    /// for thousands of mutations.
    fn small_demo() -> String {
        fn shrink(v: &mut serde_json::Value, keep: usize) {
            match v {
                serde_json::Value::Array(items) => {
                    items.truncate(keep);
                    items.iter_mut().for_each(|v| shrink(v, 1));
                }
                serde_json::Value::Object(members) => {
                    members.values_mut().for_each(|v| shrink(v, keep))
                }
                _ => {}
            }
        }
        let mut v: serde_json::Value = serde_json::from_str(DEMO).unwrap();
        shrink(&mut v, 2);
        serde_json::to_string_pretty(&v).unwrap()
    }

    fn splice(text: &str, start: usize, end: usize, with: &str) -> String {
        format!("{}{with}{}", &text[..start], &text[end..])
    }

    fn floor_char(s: &str, mut i: usize) -> usize {
        while !s.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    /// The text's strings with their characters written as `\u` escapes
    /// (surrogate pairs beyond the BMP), or with bidi controls added.
    fn escaped(s: &str, how: usize) -> String {
        let inner = &s[1..s.len() - 1];
        let body: String = match how {
            0 => inner
                .chars()
                .map(|c| {
                    if c == '\\' || c == '"' {
                        // Already part of an escape: kept.
                        c.to_string()
                    } else {
                        let mut units = [0u16; 2];
                        c.encode_utf16(&mut units)
                            .iter()
                            .map(|u| format!("\\u{u:04X}"))
                            .collect()
                    }
                })
                .collect(),
            1 => format!("\\u202e{inner}\\u2069"),
            2 => format!("\u{202e}{inner}\u{2066}x\u{200f}"),
            3 => format!("{inner}\\ud83d\\ude00"),
            4 => format!("{inner}\\ud800"),
            5 => format!("{inner}\\q"),
            6 => format!("{inner}\u{1}"),
            _ => format!("{inner}\\u00"),
        };
        format!("\"{body}\"")
    }

    /// Guards the new reader against serde_json on damaged and altered
    /// data: from the demo, thousands of deterministic mutations (cut
    /// short, a character deleted or replaced, a number made a string and
    /// a string a number, an object made an array, a member removed or
    /// repeated, deep nesting, unknown members, `\u` escapes and bidi
    /// controls in texts): the same data, or the same error, line and
    /// column, as serde_json.
    #[test]
    fn mutated_demo_reads_as_serde_json_reads_it() {
        let mut lcg = crate::json::tests::Lcg(2024);
        let mut cases: Vec<String> = Vec::new();
        let full = DEMO;
        for _ in 0..20 {
            let cut = floor_char(full, lcg.below(full.len()));
            cases.push(full[..cut].to_string());
        }
        let small = small_demo();
        let n = small.len();
        let tree = nodes(&small);
        for i in 0..600 {
            let cut = floor_char(&small, if i < 100 { i } else { lcg.below(n) });
            cases.push(small[..cut].to_string());
        }
        for _ in 0..700 {
            let at = floor_char(&small, lcg.below(n));
            let len = small[at..].chars().next().map_or(0, char::len_utf8);
            cases.push(splice(&small, at, at + len, ""));
            let junk = [
                "{", "}", "[", "]", "\"", ":", ",", "0", "-", "e", "n", "\\", " ", "x",
            ];
            cases.push(splice(&small, at, at + len, junk[lcg.below(junk.len())]));
        }
        for node in &tree {
            let (start, end) = (node.start, node.end);
            let text = &small[start..end];
            match node.kind {
                b'0'..=b'9' | b'-' => {
                    cases.push(splice(&small, start, end, &format!("\"{text}\"")));
                    cases.push(splice(&small, start, end, &format!("{text}.5")));
                    cases.push(splice(&small, start, end, "-1"));
                    cases.push(splice(&small, start, end, "1e400"));
                    cases.push(splice(&small, start, end, "300"));
                }
                b'"' => {
                    if lcg.below(3) == 0 {
                        cases.push(splice(&small, start, end, "5"));
                        cases.push(splice(&small, start, end, "null"));
                        cases.push(splice(&small, start, end, "\"in_progress\""));
                    }
                    let how = lcg.below(8);
                    cases.push(splice(&small, start, end, &escaped(text, how)));
                }
                b'{' => {
                    cases.push(splice(&small, start, end, "[]"));
                    // The members' values in the order they are written.
                    let values: Vec<&str> = node
                        .members
                        .iter()
                        .map(|&(_, v)| &small[tree[v].start..tree[v].end])
                        .collect();
                    cases.push(splice(
                        &small,
                        start,
                        end,
                        &format!("[{}]", values.join(",")),
                    ));
                    cases.push(splice(
                        &small,
                        start + 1,
                        start + 1,
                        "\"added_later\": {\"x\": [1, 2.5e-3, \"\\u00e9\", null, true]},",
                    ));
                    for (k, &(key, v)) in node.members.iter().enumerate() {
                        let value_end = tree[v].end;
                        let member = &small[key..value_end];
                        if k + 1 < node.members.len() {
                            let next = node.members[k + 1].0;
                            cases.push(splice(&small, key, next, ""));
                        } else {
                            let prev = small[..key].rfind(',').filter(|&p| p > start);
                            cases.push(splice(&small, prev.unwrap_or(key), value_end, ""));
                        }
                        if lcg.below(2) == 0 {
                            cases.push(splice(&small, value_end, value_end, &format!(",{member}")));
                        }
                    }
                }
                b'[' => {
                    cases.push(splice(&small, start, end, "{}"));
                    cases.push(splice(&small, start + 1, start + 1, "null,"));
                }
                _ => {}
            }
        }
        // Deep nesting: in a value that is read, in one that is skipped,
        // and as the version.
        for depth in [2, 126, 127, 128, 129, 300] {
            let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let node = &tree[1 + lcg.below(tree.len() - 1)];
            cases.push(splice(&small, node.start, node.end, &deep));
            cases.push(splice(&small, 1, 1, &format!("\"deep\": {deep},")));
            cases.push(small.replacen(
                "\"schema_version\": 1",
                &format!("\"schema_version\": {deep}"),
                1,
            ));
        }
        let mut errors = 0;
        for mutated in &cases {
            let ours = parse_progress(mutated);
            let serde = serde_parse(mutated);
            assert_eq!(ours, serde, "{mutated}");
            errors += usize::from(serde.is_err());
        }
        assert!(cases.len() > 3000, "{}", cases.len());
        assert!(
            errors > cases.len() / 2 && errors < cases.len(),
            "{errors} of {}",
            cases.len()
        );
    }
}
