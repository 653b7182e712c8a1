//! Checks beyond the shape of the data: references that lead nowhere,
//! unknown unit codes, duplicates, values out of range, missing sources.
//!
//! Each problem names its place as a JSON Pointer (`/series/3/units/17`) and
//! says what is wrong in words a publisher understands. Errors stop
//! publication; warnings do not.

use crate::data::{ProgressData, Text};
use crate::format::parse_iso_date;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file must not be published as it is.
    Error,
    /// Worth a look; the file can be published.
    Warning,
}

/// Which rule a problem breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// An id is empty or used twice in the same list.
    DuplicateId,
    /// An id refers to nothing (meeting, indicator, period, unit set).
    UnknownReference,
    /// A figure names no source, or one that is not listed.
    MissingSource,
    /// A unit code is not in the unit set of the period.
    UnknownUnitCode,
    /// The same unit appears twice in one series.
    DuplicateObservation,
    /// Two series for the same indicator and period.
    DuplicateSeries,
    /// A value lies outside the indicator's declared range.
    OutOfRange,
    /// A series has a different number of units and values.
    LengthMismatch,
    /// A period names a unit set that is not in the file.
    PeriodWithoutUnitSet,
    /// A link that is not http(s), such as `javascript:`.
    UnsafeUrl,
    /// A date that is not `YYYY-MM-DD`.
    BadDate,
    /// A text empty in both languages.
    EmptyText,
    /// Task counts whose parts do not add up to the total.
    CountsDoNotAdd,
    /// A range whose minimum exceeds its maximum, or a target outside it.
    BadRange,
    /// A unit of the old set that a mapping does not map.
    MappingIncomplete,
    /// Task counts that say no ledger, or a series that mixes two bodies'
    /// counts: a ledger's counts reported at another body's meeting, or
    /// one measure shared by figures of two bodies.
    MixedLedgers,
    /// The file's `as_of` is older than its newest figure.
    StaleAsOf,
    /// A unit set that names a built-in set but is not as that set is: of
    /// another level, or with units listed.
    BuiltinUnitSet,
}

/// One problem found in a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub rule: Rule,
    /// Where, as a JSON Pointer into the file.
    pub path: String,
    /// What is wrong, for the publisher.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level} at {}: {}", self.path, self.message)
    }
}

/// Whether any problem is an error.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

/// How many problems a page's notice lists; its count covers all.
pub const LISTED_ON_PAGE: usize = 50;

/// What a page says of the data's problems, above the page: its class
/// (`has-errors` where any is an error), its headline, the errors and
/// warnings counted in words ("1 lỗi, 2 cảnh báo"), the problems listed
/// (the first [`LISTED_ON_PAGE`]) and how many more there are ("… +12").
#[derive(Debug, PartialEq)]
pub struct Notice<'a> {
    pub class: &'static str,
    pub headline: crate::Msg,
    pub counts: String,
    pub listed: &'a [Problem],
    pub more: Option<String>,
}

/// The notice of `problems` in `lang`; none without problems.
pub fn notice(problems: &[Problem], lang: crate::Lang) -> Option<Notice<'_>> {
    if problems.is_empty() {
        return None;
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let (class, headline) = if errors > 0 {
        ("data-problems has-errors", crate::Msg::DataProblems)
    } else {
        ("data-problems", crate::Msg::DataWarnings)
    };
    Some(Notice {
        class,
        headline,
        counts: match lang {
            crate::Lang::Vi => format!("{errors} lỗi, {warnings} cảnh báo"),
            crate::Lang::En => format!("{errors} error(s), {warnings} warning(s)"),
        },
        listed: &problems[..problems.len().min(LISTED_ON_PAGE)],
        more: (problems.len() > LISTED_ON_PAGE)
            .then(|| format!("… +{}", problems.len() - LISTED_ON_PAGE)),
    })
}

/// Every problem in `data`, in the order of the file.
pub fn validate(data: &ProgressData) -> Vec<Problem> {
    let mut v = Validator::default();
    v.run(data);
    v.problems
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn push(&mut self, severity: Severity, rule: Rule, path: String, message: String) {
        self.problems.push(Problem {
            severity,
            rule,
            path,
            message,
        });
    }

    fn error(&mut self, rule: Rule, path: String, message: String) {
        self.push(Severity::Error, rule, path, message);
    }

    fn warning(&mut self, rule: Rule, path: String, message: String) {
        self.push(Severity::Warning, rule, path, message);
    }

    /// Collects the ids of a list, reporting empty and repeated ones.
    fn ids<'a>(&mut self, list: &str, ids: impl Iterator<Item = &'a str>) -> HashSet<&'a str> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            let path = format!("/{list}/{i}/id");
            if id.trim().is_empty() {
                self.error(Rule::DuplicateId, path, "the id is empty".into());
            } else if !seen.insert(id) {
                self.error(
                    Rule::DuplicateId,
                    path,
                    format!("the id {id:?} is used twice in {list}"),
                );
            }
        }
        seen
    }

    fn reference(&mut self, known: &HashSet<&str>, what: &str, id: &str, path: String) {
        if !known.contains(id) {
            self.error(
                Rule::UnknownReference,
                path,
                format!("no {what} has the id {id:?}"),
            );
        }
    }

    fn source(&mut self, sources: &HashSet<&str>, id: &str, path: String) {
        if id.trim().is_empty() {
            self.error(Rule::MissingSource, path, "no source is given".into());
        } else if !sources.contains(id) {
            self.error(
                Rule::MissingSource,
                path,
                format!("the source {id:?} is not listed in /sources"),
            );
        }
    }

    fn date(&mut self, value: &str, path: String) {
        if parse_iso_date(value).is_none() {
            self.warning(
                Rule::BadDate,
                path,
                format!("{value:?} is not a date written YYYY-MM-DD; it is shown as written"),
            );
        }
    }

    fn text(&mut self, text: &Text, path: String) {
        if text.vi.trim().is_empty() && text.en.trim().is_empty() {
            self.warning(
                Rule::EmptyText,
                path,
                "the text is empty in both languages".into(),
            );
        }
    }

    fn run(&mut self, d: &ProgressData) {
        self.text(&d.title, "/title".into());
        self.date(&d.as_of, "/as_of".into());

        let sources = self.ids("sources", d.sources.iter().map(|s| s.id.as_str()));
        for (i, s) in d.sources.iter().enumerate() {
            self.text(&s.publisher, format!("/sources/{i}/publisher"));
            if let (Some(url), None) = (&s.url, s.link()) {
                self.error(
                    Rule::UnsafeUrl,
                    format!("/sources/{i}/url"),
                    format!("{url:?} is not an http(s) address; only those are linked"),
                );
            }
            if let Some(date) = &s.published {
                self.date(date, format!("/sources/{i}/published"));
            }
        }

        let bodies = self.ids("bodies", d.bodies.iter().map(|b| b.id.as_str()));
        for (i, b) in d.bodies.iter().enumerate() {
            self.text(&b.name, format!("/bodies/{i}/name"));
        }
        let ledgers = self.ids("ledgers", d.ledgers.iter().map(|l| l.id.as_str()));
        for (i, l) in d.ledgers.iter().enumerate() {
            self.reference(&bodies, "body", &l.body, format!("/ledgers/{i}/body"));
            self.text(&l.programme, format!("/ledgers/{i}/programme"));
        }
        let meetings = self.ids("meetings", d.meetings.iter().map(|m| m.id.as_str()));
        for (i, m) in d.meetings.iter().enumerate() {
            self.date(&m.date, format!("/meetings/{i}/date"));
            if let Some(body) = &m.body {
                self.reference(&bodies, "body", body, format!("/meetings/{i}/body"));
            }
        }
        self.ledgers_kept_apart(d);

        for (i, t) in d.task_counts.iter().enumerate() {
            let at = |f: &str| format!("/task_counts/{i}/{f}");
            self.reference(&meetings, "meeting", &t.meeting, at("meeting"));
            self.source(&sources, &t.source, at("source"));
            self.date(&t.as_of, at("as_of"));
            if let Some(ledger) = &t.ledger {
                self.reference(&ledgers, "ledger", ledger, at("ledger"));
            }
            if let (Some(all), Some(c), Some(p), Some(o)) =
                (t.assigned, t.completed, t.in_progress, t.overdue)
            {
                // Fewer is allowed: the rest are in none of the three
                // states (regular tasks, say), and are shown as such.
                let parts = c as u128 + p as u128 + o as u128;
                if parts > all as u128 {
                    self.warning(
                        Rule::CountsDoNotAdd,
                        at("assigned"),
                        format!(
                            "completed + in progress + overdue = {parts}, but {all} are assigned"
                        ),
                    );
                }
            }
        }

        let set_ids = self.ids("unit_sets", d.unit_sets.iter().map(|s| s.id.as_str()));
        let mut codes_of: HashMap<&str, HashSet<&str>> = HashMap::new();
        for (i, set) in d.unit_sets.iter().enumerate() {
            self.source(&sources, &set.source, format!("/unit_sets/{i}/source"));
            for (key, date) in [("valid_from", &set.valid_from), ("valid_to", &set.valid_to)] {
                if let Some(date) = date {
                    self.date(date, format!("/unit_sets/{i}/{key}"));
                }
            }
            if let (Some(url), None) = (&set.boundaries, set.boundaries_link()) {
                self.error(
                    Rule::UnsafeUrl,
                    format!("/unit_sets/{i}/boundaries"),
                    format!(
                        "{url:?} is neither a relative nor an http(s) address; it is not fetched"
                    ),
                );
            }
            if let Some(name) = &set.builtin {
                // Its codes are checked by the publishers' tool, which has
                // the table; the app has only the boundaries, and the map
                // says which codes it cannot place.
                self.builtin_set(i, set, name);
                continue;
            }
            let mut codes = HashSet::new();
            for (j, unit) in set.units.iter().enumerate() {
                let path = format!("/unit_sets/{i}/units/{j}/code");
                if unit.code.trim().is_empty() {
                    self.error(Rule::DuplicateId, path, "the unit code is empty".into());
                } else if !codes.insert(unit.code.as_str()) {
                    self.error(
                        Rule::DuplicateId,
                        path,
                        format!("the unit code {:?} is used twice in this set", unit.code),
                    );
                }
            }
            codes_of.entry(set.id.as_str()).or_insert(codes);
        }

        for (i, m) in d.unit_mappings.iter().enumerate() {
            let at = |f: &str| format!("/unit_mappings/{i}/{f}");
            self.reference(&set_ids, "unit set", &m.from, at("from"));
            self.reference(&set_ids, "unit set", &m.to, at("to"));
            self.source(&sources, &m.source, at("source"));
            let (Some(from), Some(to)) =
                (codes_of.get(m.from.as_str()), codes_of.get(m.to.as_str()))
            else {
                continue;
            };
            let mut problems = Vec::new();
            for (old, new) in &m.pairs {
                if !from.contains(old.as_str()) {
                    problems.push((
                        at(&format!("pairs/{old}")),
                        format!("{old:?} is not a unit of {:?}", m.from),
                    ));
                }
                if !to.contains(new.as_str()) {
                    problems.push((
                        at(&format!("pairs/{old}")),
                        format!("{new:?} is not a unit of {:?}", m.to),
                    ));
                }
            }
            for (path, message) in problems {
                self.error(Rule::UnknownUnitCode, path, message);
            }
            let mut unmapped: Vec<&&str> =
                from.iter().filter(|c| !m.pairs.contains_key(**c)).collect();
            unmapped.sort();
            for code in unmapped {
                self.warning(
                    Rule::MappingIncomplete,
                    at("pairs"),
                    format!("the unit {code:?} of {:?} is not mapped", m.from),
                );
            }
        }

        let indicator_ids = self.ids("indicators", d.indicators.iter().map(|x| x.id.as_str()));
        for (i, ind) in d.indicators.iter().enumerate() {
            let at = |f: &str| format!("/indicators/{i}/{f}");
            self.text(&ind.name, at("name"));
            self.source(&sources, &ind.source, at("source"));
            if let Some(r) = ind.range {
                if r.min > r.max || !r.min.is_finite() || !r.max.is_finite() {
                    self.error(
                        Rule::BadRange,
                        at("range"),
                        format!(
                            "the range's minimum {} is above its maximum {}",
                            r.min, r.max
                        ),
                    );
                } else if let Some(t) = ind.target.filter(|t| *t < r.min || *t > r.max) {
                    self.warning(
                        Rule::BadRange,
                        at("target"),
                        format!(
                            "the target {t} lies outside the range {} to {}",
                            r.min, r.max
                        ),
                    );
                }
            }
        }

        let period_ids = self.ids("periods", d.periods.iter().map(|p| p.id.as_str()));
        for (i, p) in d.periods.iter().enumerate() {
            if !set_ids.contains(p.unit_set.as_str()) {
                self.error(
                    Rule::PeriodWithoutUnitSet,
                    format!("/periods/{i}/unit_set"),
                    format!(
                        "the period {:?} names the unit set {:?}, which is not in /unit_sets",
                        p.id, p.unit_set
                    ),
                );
            }
        }

        let mut series_seen = HashSet::new();
        // Lists of codes found without an unknown or repeated code, by the
        // list (series share one, see `UnitCodes`) and the unit set they
        // were checked against: a list is checked once, not once a series
        // (128 times 3,321 codes in the SYNTHETIC commune dataset).
        let mut clean_lists: HashSet<(*const String, Option<&str>)> = HashSet::new();
        for (i, s) in d.series.iter().enumerate() {
            let at = |f: &str| format!("/series/{i}/{f}");
            self.reference(&indicator_ids, "indicator", &s.indicator, at("indicator"));
            self.reference(&period_ids, "period", &s.period, at("period"));
            self.source(&sources, &s.source, at("source"));
            if !series_seen.insert((s.indicator.as_str(), s.period.as_str())) {
                self.error(
                    Rule::DuplicateSeries,
                    format!("/series/{i}"),
                    format!(
                        "a second series for indicator {:?} in period {:?}",
                        s.indicator, s.period
                    ),
                );
            }
            if s.units.len() != s.values.len() {
                self.error(
                    Rule::LengthMismatch,
                    format!("/series/{i}"),
                    format!("{} units but {} values", s.units.len(), s.values.len()),
                );
            }
            let unit_set = d
                .periods
                .iter()
                .find(|p| p.id == s.period)
                .map(|p| p.unit_set.as_str());
            let codes = unit_set.and_then(|set| codes_of.get(set));
            // An invalid range is reported once, on the indicator; values
            // are not judged against it.
            let range = d
                .indicators
                .iter()
                .find(|x| x.id == s.indicator)
                .and_then(|x| x.range)
                .filter(|r| r.min <= r.max);
            let list = (s.units.as_ptr(), unit_set.filter(|_| codes.is_some()));
            if !clean_lists.contains(&list) {
                let mut clean = true;
                let mut units_seen = HashSet::new();
                for (j, code) in s.units.iter().enumerate() {
                    if codes.is_some_and(|c| !c.contains(code.as_str())) {
                        clean = false;
                        self.error(
                            Rule::UnknownUnitCode,
                            format!("/series/{i}/units/{j}"),
                            format!("{code:?} is not a unit of this period's unit set"),
                        );
                    }
                    if !units_seen.insert(code.as_str()) {
                        clean = false;
                        self.error(
                            Rule::DuplicateObservation,
                            format!("/series/{i}/units/{j}"),
                            format!("the unit {code:?} has a second value in this series"),
                        );
                    }
                }
                if clean {
                    clean_lists.insert(list);
                }
            }
            for (j, code) in s.units.iter().enumerate() {
                if let (Some(r), Some(Some(value))) = (range, s.values.get(j)) {
                    if *value < r.min || *value > r.max {
                        self.error(
                            Rule::OutOfRange,
                            format!("/series/{i}/values/{j}"),
                            format!(
                                "{value} for {code:?} lies outside the range {} to {}",
                                r.min, r.max
                            ),
                        );
                    }
                }
            }
            let listed: HashSet<&str> = if s.notes.is_empty() {
                HashSet::new()
            } else {
                s.units.iter().map(String::as_str).collect()
            };
            for code in s.notes.keys() {
                if !listed.contains(code.as_str()) {
                    self.warning(
                        Rule::UnknownUnitCode,
                        format!("/series/{i}/notes/{code}"),
                        format!("a note for {code:?}, which has no value in this series"),
                    );
                }
            }
        }

        let province_codes: HashSet<&str> = d
            .unit_sets
            .iter()
            .filter(|s| s.level == crate::data::UnitLevel::Province)
            .flat_map(|s| s.units.iter().map(|u| u.code.as_str()))
            .collect();
        let agencies = d
            .task_counts
            .iter()
            .enumerate()
            .filter_map(|(i, t)| Some((format!("/task_counts/{i}/agency"), t.agency.as_ref()?)))
            .chain(
                d.tasks
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (format!("/tasks/{i}/owner"), &t.owner)),
            );
        for (path, agency) in agencies {
            self.text(&agency.name, format!("{path}/name"));
            if let Some(code) = &agency.unit {
                if !province_codes.contains(code.as_str()) {
                    self.error(
                        Rule::UnknownUnitCode,
                        format!("{path}/unit"),
                        format!("{code:?} is not a province in /unit_sets"),
                    );
                }
            }
        }
        self.ids("tasks", d.tasks.iter().map(|t| t.id.as_str()));
        for (i, t) in d.tasks.iter().enumerate() {
            let at = |x: &str| format!("/tasks/{i}/{x}");
            self.text(&t.title, at("title"));
            self.source(&sources, &t.source, at("source"));
            self.date(&t.as_of, at("as_of"));
            if let Some(deadline) = &t.deadline {
                self.date(deadline, at("deadline"));
            }
            if let Some(meeting) = &t.meeting {
                self.reference(&meetings, "meeting", meeting, at("meeting"));
            }
        }

        self.ids(
            "national_figures",
            d.national_figures.iter().map(|f| f.id.as_str()),
        );
        for (i, f) in d.national_figures.iter().enumerate() {
            let at = |x: &str| format!("/national_figures/{i}/{x}");
            self.reference(&meetings, "meeting", &f.meeting, at("meeting"));
            self.source(&sources, &f.source, at("source"));
            self.date(&f.as_of, at("as_of"));
            self.text(&f.label, at("label"));
        }
        let newest = d.newest_figure_date();
        if parse_iso_date(&d.as_of).is_some() && d.as_of.as_str() < newest {
            self.warning(
                Rule::StaleAsOf,
                "/as_of".into(),
                format!(
                    "the file says it is as of {}, but its newest figure is of {newest}",
                    d.as_of
                ),
            );
        }
    }

    /// A set that says it is a built-in one: a known name, the level of
    /// that set, and no units of its own.
    fn builtin_set(&mut self, i: usize, set: &crate::data::UnitSet, name: &str) {
        use crate::data::{UnitLevel, BUILTIN_COMMUNES_2025};
        if name != BUILTIN_COMMUNES_2025 {
            self.error(
                Rule::UnknownReference,
                format!("/unit_sets/{i}/builtin"),
                format!("no built-in unit set is called {name:?}; the one there is {BUILTIN_COMMUNES_2025:?} (the 3,321 communes of 1 July 2025)"),
            );
            return;
        }
        if set.level != UnitLevel::Commune {
            self.error(
                Rule::BuiltinUnitSet,
                format!("/unit_sets/{i}/level"),
                format!("the built-in set {name:?} is of communes: its level is \"commune\""),
            );
        }
        if !set.units.is_empty() {
            self.error(
                Rule::BuiltinUnitSet,
                format!("/unit_sets/{i}/units"),
                format!(
                    "the built-in set {name:?} lists no units of its own (its units are the 3,321 communes of 1 July 2025), but {} are listed; leave \"units\" empty",
                    set.units.len()
                ),
            );
        }
    }

    /// Two bodies' task counts have different bases: every count names its
    /// ledger, a ledger's counts come only from its own body's meetings,
    /// and figures that share a measure come from one body's meetings.
    fn ledgers_kept_apart(&mut self, d: &ProgressData) {
        let body_of_meeting = |id: &str| d.meeting(id).and_then(|m| m.body.as_deref());
        for (i, t) in d.task_counts.iter().enumerate() {
            let at = |f: &str| format!("/task_counts/{i}/{f}");
            let Some(ledger) = &t.ledger else {
                self.error(
                    Rule::MixedLedgers,
                    at("ledger"),
                    "the counts do not say which ledger (which body and programme) they belong to"
                        .into(),
                );
                continue;
            };
            let Some(l) = d.ledger(ledger) else {
                continue; // reported as an unknown reference
            };
            match body_of_meeting(&t.meeting) {
                Some(body) if body != l.body => self.error(
                    Rule::MixedLedgers,
                    at("ledger"),
                    format!(
                        "the ledger {ledger:?} is kept by {:?}, but these counts were reported at a meeting of {body:?}: two bodies' counts have different bases and are never one series",
                        l.body
                    ),
                ),
                None if d.meeting(&t.meeting).is_some() => self.error(
                    Rule::MixedLedgers,
                    at("meeting"),
                    format!(
                        "the meeting {:?} does not say which body held it, so its counts cannot be kept to the ledger {ledger:?}",
                        t.meeting
                    ),
                ),
                _ => {}
            }
        }
        let mut body_of_measure: HashMap<&str, (&str, usize)> = HashMap::new();
        for (i, f) in d.national_figures.iter().enumerate() {
            let (Some(measure), Some(body)) = (f.measure.as_deref(), body_of_meeting(&f.meeting))
            else {
                continue;
            };
            match body_of_measure.get(measure) {
                Some(&(first, j)) if first != body => self.error(
                    Rule::MixedLedgers,
                    format!("/national_figures/{i}/measure"),
                    format!(
                        "the measure {measure:?} joins figures of two bodies ({first:?} at /national_figures/{j}, {body:?} here): their bases differ"
                    ),
                ),
                Some(_) => {}
                None => {
                    body_of_measure.insert(measure, (body, i));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_counted_in_words_in_each_language() {
        let p = |severity| Problem {
            severity,
            rule: Rule::DuplicateId,
            path: "x".into(),
            message: "y".into(),
        };
        let all = [
            p(Severity::Error),
            p(Severity::Warning),
            p(Severity::Warning),
        ];
        let vi = notice(&all, crate::Lang::Vi).expect("a notice");
        assert_eq!(vi.counts, "1 lỗi, 2 cảnh báo");
        assert_eq!(vi.class, "data-problems has-errors");
        assert_eq!(vi.headline, crate::Msg::DataProblems);
        let en = notice(&all[1..], crate::Lang::En).expect("a notice");
        assert_eq!(en.counts, "0 error(s), 2 warning(s)");
        assert_eq!(en.class, "data-problems");
        assert_eq!(en.headline, crate::Msg::DataWarnings);
        assert_eq!(notice(&[], crate::Lang::En), None);
    }

    #[test]
    fn a_notice_lists_the_first_fifty_problems_and_counts_the_rest() {
        let many: Vec<Problem> = (0..LISTED_ON_PAGE + 12)
            .map(|i| Problem {
                severity: Severity::Warning,
                rule: Rule::DuplicateId,
                path: format!("/{i}"),
                message: "y".into(),
            })
            .collect();
        let n = notice(&many, crate::Lang::En).expect("a notice");
        assert_eq!(n.listed.len(), LISTED_ON_PAGE);
        assert_eq!(n.listed[0].path, "/0");
        assert_eq!(n.more.as_deref(), Some("… +12"));
        let few = notice(&many[..LISTED_ON_PAGE], crate::Lang::En).expect("a notice");
        assert_eq!((few.listed.len(), few.more), (LISTED_ON_PAGE, None));
    }
    use crate::data::*;

    fn t(s: &str) -> Text {
        Text {
            vi: s.into(),
            en: s.into(),
        }
    }

    /// A small dataset with one of everything, free of problems.
    fn valid() -> ProgressData {
        let unit = |code: &str| Unit {
            code: code.into(),
            name: t(code),
            parent: None,
        };
        ProgressData {
            schema_version: 1,
            title: t("Test"),
            as_of: "2025-09-23".into(),
            sources: vec![Source {
                id: "s".into(),
                publisher: t("Publisher"),
                title: t("Doc"),
                url: Some("https://example.org/doc".into()),
                published: Some("2025-10-21".into()),
            }],
            bodies: vec![
                Body {
                    id: "gov".into(),
                    name: t("Government Steering Committee"),
                    short_name: None,
                },
                Body {
                    id: "central".into(),
                    name: t("Central Steering Committee"),
                    short_name: None,
                },
            ],
            ledgers: vec![
                Ledger {
                    id: "gov-ap".into(),
                    body: "gov".into(),
                    programme: t("Action Programme"),
                },
                Ledger {
                    id: "central-57".into(),
                    body: "central".into(),
                    programme: t("Resolution 57 tasks"),
                },
            ],
            meetings: vec![
                Meeting {
                    id: "m4".into(),
                    date: "2025-09-24".into(),
                    name: t("4th"),
                    body: Some("gov".into()),
                },
                Meeting {
                    id: "c1".into(),
                    date: "2025-12-05".into(),
                    name: t("Central, December"),
                    body: Some("central".into()),
                },
            ],
            task_counts: vec![TaskCounts {
                meeting: "m4".into(),
                as_of: "2025-09-23".into(),
                scope: t("all"),
                assigned: Some(679),
                completed: Some(270),
                in_progress: Some(382),
                overdue: Some(27),
                agency: None,
                source: "s".into(),
                ledger: Some("gov-ap".into()),
            }],
            unit_sets: vec![
                UnitSet {
                    id: "old".into(),
                    name: t("63"),
                    level: UnitLevel::Province,
                    valid_from: Some("2008-08-01".into()),
                    valid_to: Some("2025-06-30".into()),
                    units: vec![unit("48"), unit("49")],
                    source: "s".into(),
                    boundaries: None,
                    builtin: None,
                },
                UnitSet {
                    id: "new".into(),
                    name: t("34"),
                    level: UnitLevel::Province,
                    valid_from: Some("2025-07-01".into()),
                    valid_to: None,
                    units: vec![unit("48"), unit("01")],
                    source: "s".into(),
                    boundaries: None,
                    builtin: None,
                },
            ],
            unit_mappings: vec![UnitMapping {
                from: "old".into(),
                to: "new".into(),
                pairs: [
                    ("48".to_string(), "48".to_string()),
                    ("49".into(), "48".into()),
                ]
                .into(),
                source: "s".into(),
            }],
            indicators: vec![Indicator {
                id: "dti".into(),
                name: t("DTI"),
                description: None,
                unit: t("score"),
                format: NumberFormat {
                    decimals: 4,
                    percent: false,
                },
                higher_is_better: true,
                range: Some(ValueRange { min: 0.0, max: 1.0 }),
                target: Some(0.9),
                framework: Framework::Dti,
                legal_basis: Some(t("405/QĐ-BKHCN")),
                source: "s".into(),
            }],
            periods: vec![Period {
                id: "2024".into(),
                label: t("2024"),
                unit_set: "new".into(),
            }],
            series: vec![Series {
                indicator: "dti".into(),
                period: "2024".into(),
                units: ["01", "48"].into(),
                values: vec![Some(0.8241), None].into(),
                notes: [("48".to_string(), t("not published"))].into(),
                source: "s".into(),
            }],
            national_figures: vec![NationalFigure {
                id: "ioc".into(),
                meeting: "m4".into(),
                as_of: "2025-09-23".into(),
                label: t("IOC"),
                value: 30.0,
                of_total: Some(34.0),
                unit: t("provinces"),
                scope: None,
                source: "s".into(),
                measure: None,
                note: None,
                headline: false,
            }],
            tasks: vec![Task {
                id: "t1".into(),
                title: t("Issue the data strategy"),
                owner: Agency {
                    name: t("Đà Nẵng"),
                    unit: Some("48".into()),
                },
                deadline: Some("2025-12-31".into()),
                status: TaskStatus::InProgress,
                as_of: "2025-09-23".into(),
                meeting: Some("m4".into()),
                source: "s".into(),
            }],
        }
    }

    /// Runs the validator on `valid()` changed by `change`, and checks that
    /// exactly the expected rule fires at `path` with `severity`.
    fn expect(change: impl FnOnce(&mut ProgressData), rule: Rule, severity: Severity, path: &str) {
        let mut d = valid();
        change(&mut d);
        let problems = validate(&d);
        assert!(
            problems
                .iter()
                .any(|p| p.rule == rule && p.severity == severity && p.path == path),
            "expected {severity:?} {rule:?} at {path}, got {problems:#?}"
        );
        assert!(
            problems.iter().all(|p| p.rule == rule),
            "only {rule:?} should fire: {problems:#?}"
        );
        assert!(problems.iter().all(|p| !p.message.is_empty()));
    }

    use Rule::*;
    use Severity::{Error, Warning};

    #[test]
    fn valid_data_has_no_problems() {
        assert_eq!(validate(&valid()), vec![]);
        assert!(!has_errors(&validate(&valid())));
    }

    #[test]
    fn duplicate_and_empty_ids() {
        expect(
            |d| d.sources.push(d.sources[0].clone()),
            DuplicateId,
            Error,
            "/sources/1/id",
        );
        expect(
            |d| d.national_figures[0].id = " ".into(),
            DuplicateId,
            Error,
            "/national_figures/0/id",
        );
        expect(
            |d| {
                let again = d.unit_sets[1].units[0].clone();
                d.unit_sets[1].units.push(again);
            },
            DuplicateId,
            Error,
            "/unit_sets/1/units/2/code",
        );
        expect(
            |d| d.national_figures.push(d.national_figures[0].clone()),
            DuplicateId,
            Error,
            "/national_figures/1/id",
        );
    }

    #[test]
    fn references_that_lead_nowhere() {
        expect(
            |d| d.task_counts[0].meeting = "m9".into(),
            UnknownReference,
            Error,
            "/task_counts/0/meeting",
        );
        expect(
            |d| d.series[0].indicator = "nope".into(),
            UnknownReference,
            Error,
            "/series/0/indicator",
        );
        expect(
            |d| d.series[0].period = "1999".into(),
            UnknownReference,
            Error,
            "/series/0/period",
        );
        expect(
            |d| d.unit_mappings[0].to = "x".into(),
            UnknownReference,
            Error,
            "/unit_mappings/0/to",
        );
        expect(
            |d| d.national_figures[0].meeting = "m1".into(),
            UnknownReference,
            Error,
            "/national_figures/0/meeting",
        );
    }

    #[test]
    fn missing_or_unlisted_sources() {
        expect(
            |d| d.series[0].source = String::new(),
            MissingSource,
            Error,
            "/series/0/source",
        );
        expect(
            |d| d.indicators[0].source = "other".into(),
            MissingSource,
            Error,
            "/indicators/0/source",
        );
        expect(
            |d| d.task_counts[0].source = "x".into(),
            MissingSource,
            Error,
            "/task_counts/0/source",
        );
        expect(
            |d| d.unit_sets[0].source = "x".into(),
            MissingSource,
            Error,
            "/unit_sets/0/source",
        );
    }

    #[test]
    fn unknown_unit_codes() {
        // 49 belongs to the old set, not to the 2024 period's new set.
        expect(
            |d| d.series[0].units[1] = "49".into(),
            UnknownUnitCode,
            Error,
            "/series/0/units/1",
        );
        expect(
            |d| {
                d.unit_mappings[0].pairs.insert("49".into(), "99".into());
            },
            UnknownUnitCode,
            Error,
            "/unit_mappings/0/pairs/49",
        );
        expect(
            |d| {
                d.series[0].notes.insert("01".into(), t("n"));
                d.series[0].notes.insert("77".into(), t("n"));
            },
            UnknownUnitCode,
            Warning,
            "/series/0/notes/77",
        );
    }

    /// Guards the check of shared lists of codes (each checked once per
    /// unit set): a list found clean for one unit set is checked again
    /// against another, and a bad list is reported in every series that
    /// holds it.
    #[test]
    fn shared_lists_of_codes_are_judged_in_every_series_and_unit_set() {
        let shared_by = |d: &mut ProgressData, period: &str| {
            let mut second = d.series[0].clone();
            second.period = period.into();
            assert!(second.units.shares(&d.series[0].units));
            d.series.push(second);
        };
        expect(
            |d| {
                d.periods.push(Period {
                    id: "2023".into(),
                    label: t("2023"),
                    unit_set: "old".into(),
                });
                shared_by(d, "2023");
            },
            UnknownUnitCode,
            Error,
            "/series/1/units/0",
        );
        let mut d = valid();
        d.series[0].units = ["01", "01"].into();
        d.series[0].notes.clear();
        d.periods.push(Period {
            id: "2025".into(),
            label: t("2025"),
            unit_set: "new".into(),
        });
        shared_by(&mut d, "2025");
        let paths: Vec<String> = validate(&d)
            .into_iter()
            .filter(|p| p.rule == DuplicateObservation)
            .map(|p| p.path)
            .collect();
        assert_eq!(paths, ["/series/0/units/1", "/series/1/units/1"]);
    }

    #[test]
    fn duplicates_in_series() {
        expect(
            |d| {
                d.series[0].units.push("01".into());
                d.series[0].values.push(Some(0.5));
            },
            DuplicateObservation,
            Error,
            "/series/0/units/2",
        );
        expect(
            |d| d.series.push(d.series[0].clone()),
            DuplicateSeries,
            Error,
            "/series/1",
        );
    }

    #[test]
    fn tasks_and_agencies() {
        expect(
            |d| d.tasks[0].owner.unit = Some("99".into()),
            UnknownUnitCode,
            Error,
            "/tasks/0/owner/unit",
        );
        expect(
            |d| {
                d.task_counts[0].agency = Some(Agency {
                    name: t("X"),
                    unit: Some("00".into()),
                })
            },
            UnknownUnitCode,
            Error,
            "/task_counts/0/agency/unit",
        );
        expect(
            |d| d.tasks[0].meeting = Some("m0".into()),
            UnknownReference,
            Error,
            "/tasks/0/meeting",
        );
        expect(
            |d| d.tasks[0].source = "x".into(),
            MissingSource,
            Error,
            "/tasks/0/source",
        );
        expect(
            |d| d.tasks[0].deadline = Some("31/12/2025".into()),
            BadDate,
            Warning,
            "/tasks/0/deadline",
        );
        expect(
            |d| d.tasks.push(d.tasks[0].clone()),
            DuplicateId,
            Error,
            "/tasks/1/id",
        );
        expect(
            |d| d.tasks[0].owner.name = t(""),
            EmptyText,
            Warning,
            "/tasks/0/owner/name",
        );
    }

    #[test]
    fn values_out_of_range_and_bad_ranges() {
        expect(
            |d| d.series[0].values[0] = Some(1.5),
            OutOfRange,
            Error,
            "/series/0/values/0",
        );
        expect(
            |d| d.series[0].values[0] = Some(-0.01),
            OutOfRange,
            Error,
            "/series/0/values/0",
        );
        expect(
            |d| d.indicators[0].range = Some(ValueRange { min: 1.0, max: 0.0 }),
            BadRange,
            Error,
            "/indicators/0/range",
        );
        expect(
            |d| d.indicators[0].target = Some(2.0),
            BadRange,
            Warning,
            "/indicators/0/target",
        );
    }

    /// A value that was not published is not out of range, nor zero.
    #[test]
    fn not_published_is_not_a_problem() {
        let mut d = valid();
        d.series[0].values = vec![None, None].into();
        assert_eq!(validate(&d), vec![]);
    }

    #[test]
    fn shape_and_link_rules() {
        expect(
            |d| d.series[0].values.pop().map(|_| ()).unwrap(),
            LengthMismatch,
            Error,
            "/series/0",
        );
        expect(
            |d| d.periods[0].unit_set = "gone".into(),
            PeriodWithoutUnitSet,
            Error,
            "/periods/0/unit_set",
        );
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "ftp://x",
        ] {
            expect(
                |d| d.sources[0].url = Some(bad.into()),
                UnsafeUrl,
                Error,
                "/sources/0/url",
            );
            expect(
                |d| d.unit_sets[0].boundaries = Some(bad.into()),
                UnsafeUrl,
                Error,
                "/unit_sets/0/boundaries",
            );
        }
        let mut d = valid();
        for ok in [
            "communes.topo.json",
            "geo/x.json?v=2",
            "/geo/x.json",
            "https://example.org/x.json",
        ] {
            d.unit_sets[0].boundaries = Some(ok.into());
            assert_eq!(validate(&d), vec![], "{ok}");
        }
    }

    #[test]
    fn warnings_do_not_stop_publication() {
        expect(|d| d.as_of = "late 2025".into(), BadDate, Warning, "/as_of");
        expect(
            |d| d.meetings[0].date = "2025-02-30".into(),
            BadDate,
            Warning,
            "/meetings/0/date",
        );
        expect(|d| d.title = t(" "), EmptyText, Warning, "/title");
        expect(
            |d| d.task_counts[0].overdue = Some(28),
            CountsDoNotAdd,
            Warning,
            "/task_counts/0/assigned",
        );
        expect(
            |d| {
                d.unit_mappings[0].pairs.remove("49");
            },
            MappingIncomplete,
            Warning,
            "/unit_mappings/0/pairs",
        );
        let mut d = valid();
        d.as_of = "?".into();
        assert!(!has_errors(&validate(&d)));
    }

    #[test]
    fn problems_read_well() {
        let mut d = valid();
        d.series[0].values[0] = Some(1.5);
        let text = validate(&d)[0].to_string();
        assert_eq!(
            text,
            "error at /series/0/values/0: 1.5 for \"01\" lies outside the range 0 to 1"
        );
    }
    /// Guards the two ledgers: the Central Steering Committee's counts and
    /// the Government's have different bases, so a count must say its
    /// ledger, a ledger's counts come only from its own body's meetings,
    /// and a measure never joins two bodies' figures.
    #[test]
    fn ledgers_are_never_mixed() {
        expect(
            |d| d.task_counts[0].ledger = None,
            MixedLedgers,
            Error,
            "/task_counts/0/ledger",
        );
        expect(
            |d| d.task_counts[0].ledger = Some("central-57".into()),
            MixedLedgers,
            Error,
            "/task_counts/0/ledger",
        );
        expect(
            |d| d.meetings[0].body = None,
            MixedLedgers,
            Error,
            "/task_counts/0/meeting",
        );
        expect(
            |d| d.task_counts[0].ledger = Some("gone".into()),
            UnknownReference,
            Error,
            "/task_counts/0/ledger",
        );
        expect(
            |d| d.ledgers[1].body = "party".into(),
            UnknownReference,
            Error,
            "/ledgers/1/body",
        );
        expect(
            |d| d.meetings[1].body = Some("party".into()),
            UnknownReference,
            Error,
            "/meetings/1/body",
        );
        expect(
            |d| {
                d.national_figures[0].measure = Some("tasks-done".into());
                let mut central = d.national_figures[0].clone();
                central.id = "central-done".into();
                central.meeting = "c1".into();
                central.as_of = "2025-09-23".into();
                d.national_figures.push(central);
            },
            MixedLedgers,
            Error,
            "/national_figures/1/measure",
        );
        // The same measure at two meetings of one body is a series.
        let mut d = valid();
        d.meetings[1].body = Some("gov".into());
        d.national_figures[0].measure = Some("ioc".into());
        let mut later = d.national_figures[0].clone();
        later.id = "ioc-later".into();
        later.meeting = "c1".into();
        d.national_figures.push(later);
        assert_eq!(validate(&d), vec![]);
        // A second count of the Central ledger at its own meeting is fine.
        let mut d = valid();
        let mut central = d.task_counts[0].clone();
        central.meeting = "c1".into();
        central.ledger = Some("central-57".into());
        d.task_counts.push(central);
        assert_eq!(validate(&d), vec![]);
    }

    /// Adds the built-in commune set, a period on it and a series with
    /// `codes` (none of them listed in the file).
    fn with_builtin_communes(d: &mut ProgressData, codes: &[&str]) {
        d.unit_sets.push(UnitSet {
            id: "communes".into(),
            name: t("3,321 communes"),
            level: UnitLevel::Commune,
            valid_from: Some("2025-07-01".into()),
            valid_to: None,
            units: Vec::new(),
            source: "s".into(),
            boundaries: None,
            builtin: Some(BUILTIN_COMMUNES_2025.into()),
        });
        d.periods.push(Period {
            id: "2025-communes".into(),
            label: t("2025"),
            unit_set: "communes".into(),
        });
        d.series.push(Series {
            indicator: "dti".into(),
            period: "2025-communes".into(),
            units: codes.iter().map(|c| c.to_string()).collect(),
            values: vec![Some(0.5); codes.len()].into(),
            notes: Default::default(),
            source: "s".into(),
        });
    }

    /// Guards the built-in commune set in the browser: a file that names it
    /// lists no units, and the app (which has no table of the 3,321) does
    /// not reject its codes; `tien-do-data validate` checks them.
    #[test]
    fn codes_of_the_builtin_commune_set_are_not_judged_without_the_table() {
        let mut d = valid();
        with_builtin_communes(&mut d, &["00004", "4", "99999"]);
        assert!(d.unit_sets[2].is_builtin_communes_2025());
        assert_eq!(validate(&d), vec![]);
    }

    /// Guards the built-in set's declaration: a known name, of communes,
    /// with no units of its own.
    #[test]
    fn a_builtin_set_is_known_of_communes_and_lists_no_units() {
        expect(
            |d| {
                with_builtin_communes(d, &["00004"]);
                d.unit_sets[2].builtin = Some("vn-commune-2019".into());
            },
            UnknownReference,
            Error,
            "/unit_sets/2/builtin",
        );
        expect(
            |d| {
                with_builtin_communes(d, &["00004"]);
                d.unit_sets[2].level = UnitLevel::Province;
            },
            BuiltinUnitSet,
            Error,
            "/unit_sets/2/level",
        );
        expect(
            |d| {
                with_builtin_communes(d, &["00004"]);
                d.unit_sets[2].units.push(Unit {
                    code: "00004".into(),
                    name: t("Ba Đình"),
                    parent: Some("01".into()),
                });
            },
            BuiltinUnitSet,
            Error,
            "/unit_sets/2/units",
        );
    }

    /// Guards the file's date: older than its newest figure is said.
    #[test]
    fn an_as_of_older_than_the_newest_figure_is_a_warning() {
        expect(
            |d| d.national_figures[0].as_of = "2026-02-25".into(),
            StaleAsOf,
            Warning,
            "/as_of",
        );
        let mut d = valid();
        d.national_figures[0].as_of = "2026-02-25".into();
        assert_eq!(d.newest_figure_date(), "2026-02-25");
        d.as_of = "2026-02-25".into();
        assert_eq!(validate(&d), vec![]);
    }
}
