//! CSV downloads of the figures: what a chart or map shows, and the full
//! series behind it, as tables a spreadsheet or a script reads.
//!
//! Numbers are written for machines: `.` as the decimal separator, no
//! thousands separator, every digit stored (not the display's rounding). A
//! value that was not published is an empty cell, never `0`. Column names
//! and notes are in the reader's language; the notes (sources, the day the
//! data is of) come first, as lines starting with `# `.
//!
//! The data is public input, so cells that a spreadsheet would run as a
//! formula are written as text (see [`Table::to_csv`]).

use crate::charts::{distinct_sources, figure_text};
use crate::choropleth::{Lineage, MapData};
use crate::data::{
    Indicator, NationalFigure, Period, ProgressData, Series, Source, TaskCounts, UnitLevel,
};
use crate::notes::{as_of_note, source_name, source_note};
use crate::text::fold_diacritics;
use crate::{Lang, Msg};
use std::collections::{HashMap, HashSet};

/// A table to download: a title, notes (sources, dates, where from), a
/// header and rows of cells.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub title: String,
    /// Lines written above the header, each after `# `. The first is the
    /// title.
    pub notes: Vec<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// How many of the last rows sum the others up (the average of the
    /// units): the page shows them in the table's foot.
    pub foot: usize,
    /// Rows to mark on the page (the selected unit).
    pub marked: Vec<usize>,
}

/// Longest file name [`Table::file_name`] gives, `.csv` included.
const MAX_FILE_NAME: usize = 80;
/// Longest stem [`file_stem`] gives, leaving room for a suffix and `.csv`.
const MAX_STEM: usize = 64;

impl Table {
    /// CSV text: a UTF-8 byte order mark first (so that Excel reads the
    /// Vietnamese letters), then each note as a line starting with `# `
    /// (so that readers and tools see the sources), then the header and the
    /// rows. Fields are quoted as RFC 4180 says (those with a comma, a
    /// quote, CR or LF, or leading or trailing white space; inner quotes
    /// doubled); lines end in CRLF. A cell that starts with `=`, `+`, `-`,
    /// `@`, TAB or CR and is not a number gets a leading apostrophe, so that
    /// a spreadsheet shows it as text rather than running it as a formula.
    pub fn to_csv(&self) -> String {
        let cells: usize = self.rows.iter().map(Vec::len).sum::<usize>() + self.header.len();
        let mut out = String::with_capacity(64 + cells * 12);
        out.push('\u{feff}');
        for note in &self.notes {
            out.push_str(&note_line(note));
            out.push_str("\r\n");
        }
        for row in std::iter::once(&self.header).chain(&self.rows) {
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_field(&mut out, cell);
            }
            out.push_str("\r\n");
        }
        out
    }

    /// A file name for the table: [`file_stem`] of the title, then
    /// `suffix` (such as `"-full"`; only ASCII letters, digits, `-`, `_`
    /// and `.` kept), then `.csv`; at most 80 characters.
    pub fn file_name(&self, suffix: &str) -> String {
        let suffix: String = suffix
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .map(|c| c.to_ascii_lowercase())
            .take(MAX_FILE_NAME - 4 - 8)
            .collect();
        let room = (MAX_FILE_NAME - 4 - suffix.len()).min(MAX_STEM);
        format!("{}{suffix}.csv", stem(&self.title, room))
    }

    /// The table with one more note line.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// The table with a note of the day the data is of (`YYYY-MM-DD`),
    /// for tables made from a chart alone, which does not know it.
    pub fn with_as_of(self, as_of: &str, lang: Lang) -> Self {
        let note = as_of_note(as_of, lang);
        if self.notes.contains(&note) {
            self
        } else {
            self.with_note(note)
        }
    }

    /// The rows of the table's body, then those of its foot.
    pub fn body_and_foot(&self) -> (&[Vec<String>], &[Vec<String>]) {
        self.rows
            .split_at(self.rows.len() - self.foot.min(self.rows.len()))
    }

    /// A cell as the page shows it: a number in the language's notation,
    /// every stored digit kept (`0.8241` is `0,8241` in Vietnamese, `1287`
    /// is `1.287`); unit codes, dates and words as they are. The CSV keeps
    /// the stored form.
    pub fn display(&self, column: usize, cell: &str, lang: Lang) -> String {
        match cell.parse::<f64>() {
            Ok(v) if self.is_number_cell(column, cell) && v.is_finite() => {
                let decimals = cell
                    .split_once('.')
                    .map_or(0, |(_, d)| d.len().min(12) as u8);
                crate::format::format_number(v, decimals, false, lang)
            }
            _ => cell.to_string(),
        }
    }

    /// Whether `column` holds numbers, as its first row says: its heading
    /// is aligned as its cells are.
    pub fn is_number_column(&self, column: usize) -> bool {
        self.rows
            .first()
            .and_then(|r| r.get(column))
            .is_some_and(|c| self.is_number_cell(column, c))
    }

    /// Whether a cell is a number, for the page to align it (a unit code
    /// such as `01` is not).
    pub fn is_number_cell(&self, column: usize, cell: &str) -> bool {
        let code = self
            .header
            .get(column)
            .is_some_and(|h| Lang::ALL.iter().any(|&l| h == Msg::UnitCode.text(l)));
        !code && is_number(cell)
    }

    /// The table with a note of the address it was downloaded from.
    pub fn with_origin(self, url: &str, lang: Lang) -> Self {
        self.with_note(format!("{}: {}", Msg::Retrieved.text(lang), url.trim()))
    }
}

/// An ASCII name for files of a figure titled `title` (without extension):
/// Vietnamese letters folded (`đ` → `d`), lower case, every other
/// character a `-`, at most 64 characters; `"data"` if nothing is left.
/// "Chỉ số DTI · Đà Nẵng" → `chi-so-dti-da-nang`.
pub fn file_stem(title: &str) -> String {
    stem(title, MAX_STEM)
}

fn stem(title: &str, max: usize) -> String {
    let folded = fold_diacritics(title).to_ascii_lowercase();
    let mut slug = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    if slug.len() > max {
        // Cut at a word's end when one is not too far back.
        let cut = slug[..=max]
            .rfind('-')
            .filter(|&i| i >= max / 2)
            .unwrap_or(max);
        slug.truncate(cut);
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "data".to_string()
    } else {
        slug.to_string()
    }
}

/// Whether a cell is a plain number (`-0.5`, `1e-7`, `+3`): such cells
/// need no guard even when they start with a sign.
fn is_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let mut n = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Whether a spreadsheet could read the cell as a formula.
fn needs_guard(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(s)
}

/// Writes one field: guarded, then quoted if it must be.
fn write_field(out: &mut String, cell: &str) {
    let guard = if needs_guard(cell) { "'" } else { "" };
    // Quoted at `;` too: Excel in a Vietnamese (or any comma-decimal)
    // locale splits CSV files at semicolons, and would read what follows
    // one as a cell of its own.
    let quote = cell.contains([',', ';', '"', '\r', '\n'])
        || cell.starts_with(char::is_whitespace)
        || cell.ends_with(char::is_whitespace);
    if quote {
        out.push('"');
        out.push_str(guard);
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(guard);
        out.push_str(cell);
    }
}

/// A note as one line: `# ` and the note with line breaks as spaces. A
/// spreadsheet splits the line at its commas (or, in comma-decimal locales,
/// its semicolons), so each part after one that would start a formula or a
/// quoted field gets an apostrophe.
fn note_line(note: &str) -> String {
    let flat: String = note
        .chars()
        .map(|c| if matches!(c, '\r' | '\n') { ' ' } else { c })
        .collect();
    let mut line = String::with_capacity(flat.len() + 4);
    line.push_str("# ");
    let mut rest = flat.as_str();
    let mut first = true;
    loop {
        let (part, sep, next) = match rest.find([',', ';']) {
            Some(k) => (&rest[..k], Some(&rest[k..=k]), &rest[k + 1..]),
            None => (rest, None, ""),
        };
        if !first && (needs_guard(part) || part.starts_with('"')) {
            line.push('\'');
        }
        line.push_str(part);
        match sep {
            Some(sep) => line.push_str(sep),
            None => break,
        }
        first = false;
        rest = next;
    }
    line
}

/// A number as stored, with every digit Rust needs to read it back (never
/// in exponent form); empty when it is not a finite number.
pub(crate) fn number(v: f64) -> String {
    if !v.is_finite() {
        String::new()
    } else if v == 0.0 {
        "0".to_string()
    } else {
        v.to_string()
    }
}

/// A value of `indicator`: as stored, or, for an indicator written as a
/// percentage (values stored as shares), times 100 by moving the decimal
/// point, so that no digit is lost or added (0.3951 → `39.51`).
pub(crate) fn value_cell(indicator: &Indicator, v: Option<f64>) -> String {
    let text = v.map(number).unwrap_or_default();
    if indicator.format.percent && !text.is_empty() {
        times_100(&text)
    } else {
        text
    }
}

/// A decimal number's text times 100, exactly.
fn times_100(text: &str) -> String {
    let (sign, digits) = text.strip_prefix('-').map_or(("", text), |r| ("-", r));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let frac = format!("{frac:0<2}");
    let (moved, rest) = frac.split_at(2);
    let whole = format!("{int}{moved}");
    let whole = match whole.trim_start_matches('0') {
        "" => "0",
        w => w,
    };
    if rest.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{rest}")
    }
}

pub(crate) fn count(v: Option<u64>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

/// `Giá trị "" = Chưa công bố`: what an empty value means.
pub(crate) fn empty_note(lang: Lang) -> String {
    format!(
        "{} \"\" = {}",
        Msg::Value.text(lang),
        Msg::NotPublished.text(lang)
    )
}

/// "Chỉ số: name (unit)".
pub(crate) fn indicator_note(ind: &Indicator, lang: Lang) -> String {
    let unit = ind.unit.get(lang);
    let unit = if unit.trim().is_empty() {
        String::new()
    } else {
        format!(" ({unit})")
    };
    format!(
        "{}: {}{unit}",
        Msg::Indicator.text(lang),
        ind.name.get(lang)
    )
}

pub(crate) fn msgs(list: &[Msg], lang: Lang) -> Vec<String> {
    list.iter().map(|m| m.text(lang).to_string()).collect()
}

/// "Chỉ số (id)": a column of ids next to the column of names.
pub(crate) fn id_header(m: Msg, lang: Lang) -> String {
    format!("{} (id)", m.text(lang))
}

/// The word for the units of `level`.
pub(crate) fn unit_header(level: UnitLevel, lang: Lang) -> String {
    match level {
        UnitLevel::Province => Msg::Unit,
        UnitLevel::Commune => Msg::Commune,
    }
    .text(lang)
    .to_string()
}

/// The level of units known only by their codes: communes have 5 digits,
/// provinces 2.
pub(crate) fn level_of_codes<'a>(mut codes: impl Iterator<Item = &'a str>) -> UnitLevel {
    let first = codes.next();
    if first.is_some_and(|c| c.len() == 5) && codes.all(|c| c.len() == 5) {
        UnitLevel::Commune
    } else {
        UnitLevel::Province
    }
}

/// "Chưa công bố", and any note, for a Note column.
pub(crate) fn note_cell(published: bool, note: Option<&str>, lang: Lang) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if !published {
        parts.push(Msg::NotPublished.text(lang));
    }
    parts.extend(note.filter(|n| !n.trim().is_empty()));
    parts.join("; ")
}

pub(crate) fn head(title: &str) -> Table {
    Table {
        title: title.to_string(),
        notes: vec![title.to_string()],
        ..Table::default()
    }
}

pub(crate) fn push_sources(t: &mut Table, sources: &[Source], lang: Lang) {
    t.notes.extend(sources.iter().map(|s| source_note(s, lang)));
}

/// The head of a table of one indicator in one period: the title, the
/// indicator, the period, the sources, and what an empty cell means.
pub(crate) fn one_period_head(
    title: &str,
    (indicator, period): (&Indicator, &Period),
    sources: &[Source],
    lang: Lang,
) -> Table {
    let mut t = head(title);
    t.notes.push(indicator_note(indicator, lang));
    t.notes.push(format!(
        "{}: {}",
        Msg::Period.text(lang),
        period.label.get(lang)
    ));
    push_sources(&mut t, sources, lang);
    t.notes.push(empty_note(lang));
    t
}

/// The task counts' columns, after the meeting's.
pub(crate) const TASK_COLUMNS: [Msg; 4] = [
    Msg::TasksAssigned,
    Msg::TasksCompleted,
    Msg::TasksInProgress,
    Msg::TasksOverdue,
];

/// "Chưa công bố: Quá hạn" for the counts not published.
pub(crate) fn missing_counts(counts: [Option<u64>; 4], lang: Lang) -> Option<String> {
    let missing: Vec<&str> = TASK_COLUMNS
        .iter()
        .zip(counts)
        .filter(|(_, c)| c.is_none())
        .map(|(m, _)| m.text(lang))
        .collect();
    (!missing.is_empty())
        .then(|| format!("{}: {}", Msg::NotPublished.text(lang), missing.join(", ")))
}

/// "Tổng / Mục tiêu": what a figure is out of.
pub(crate) fn total_header(lang: Lang) -> String {
    format!("{} / {}", Msg::Total.text(lang), Msg::Target.text(lang))
}

/// A figure as published, with its unit, and its scope: "58 / 75 dịch vụ ·
/// Các bộ, ngành" (the Note column carries the unit, which has no column).
pub(crate) fn figure_note(f: &NationalFigure, lang: Lang) -> String {
    let mut note = figure_text(f, lang);
    if let Some(scope) = f.scope.as_ref().map(|s| s.get(lang)) {
        if !scope.trim().is_empty() {
            note.push_str(" · ");
            note.push_str(scope);
        }
    }
    if let Some(caveat) = f.note.as_ref().map(|n| n.get(lang)) {
        if !caveat.trim().is_empty() {
            note.push_str(" · ");
            note.push_str(Msg::Caveat.text(lang));
            note.push_str(": ");
            note.push_str(caveat);
        }
    }
    note
}

/// The map's values: one row per unit of the period's unit set, ranked
/// units best first then those not published (as the page's list of
/// units): rank, unit code, unit, value, how the unit relates to the
/// merger (when the map knows), note. A map does not know the day its data
/// is of; add it with [`Table::with_as_of`].
pub fn map_table(map: &MapData, title: &str, lang: Lang) -> Table {
    let mut t = one_period_head(
        title,
        (&map.indicator, &map.period),
        map.source.as_slice(),
        lang,
    );
    let has_lineage = map.rows.iter().any(|r| r.lineage != Lineage::None);
    t.header = vec![
        Msg::Rank.text(lang).to_string(),
        Msg::UnitCode.text(lang).to_string(),
        unit_header(map.level, lang),
        Msg::Value.text(lang).to_string(),
    ];
    if has_lineage {
        t.header.push(Msg::Merger.text(lang).to_string());
    }
    t.header.push(Msg::Note.text(lang).to_string());
    let mut rows: Vec<_> = map.rows.iter().collect();
    rows.sort_by_key(|r| (r.rank.is_none(), r.rank));
    t.rows = rows
        .into_iter()
        .map(|r| {
            let mut row = vec![
                r.rank.map(|k| k.to_string()).unwrap_or_default(),
                r.code.clone(),
                r.name.get(lang).to_string(),
                value_cell(&map.indicator, r.value),
            ];
            if has_lineage {
                row.push(r.lineage.describe(lang).unwrap_or_default());
            }
            let note = r.note.as_ref().map(|n| n.get(lang));
            row.push(note_cell(r.value.is_some(), note, lang));
            row
        })
        .collect();
    t
}

/// Every published value of the indicators, in long format: one row per
/// unit of each series (indicators in the order given, periods in the
/// data's order), then the units of the period's unit set that the
/// series leaves out (not published). Columns: indicator id and name,
/// period id and label, unit code and name, value, note, source, source
/// address.
pub fn series_table(data: &ProgressData, indicator_ids: &[&str], title: &str, lang: Lang) -> Table {
    let mut t = head(title);
    let mut sources: Vec<Option<&Source>> = Vec::new();
    let mut levels: Vec<UnitLevel> = Vec::new();
    let mut done: HashSet<&str> = HashSet::new();
    let period_order: HashMap<&str, usize> = data
        .periods
        .iter()
        .enumerate()
        .rev()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    for id in indicator_ids {
        if !done.insert(*id) {
            continue;
        }
        let Some(ind) = data.indicators.iter().find(|i| i.id == *id) else {
            continue;
        };
        t.notes.push(indicator_note(ind, lang));
        let mut series: Vec<&Series> = data.series.iter().filter(|s| s.indicator == *id).collect();
        series.sort_by_key(|s| {
            period_order
                .get(s.period.as_str())
                .copied()
                .unwrap_or(usize::MAX)
        });
        for s in series {
            let period = data.periods.iter().find(|p| p.id == s.period);
            let set = period.and_then(|p| data.unit_sets.iter().find(|u| u.id == p.unit_set));
            levels.extend(set.map(|u| u.level));
            let names: HashMap<&str, &str> = set
                .iter()
                .flat_map(|u| &u.units)
                .rev()
                .map(|u| (u.code.as_str(), u.name.get(lang)))
                .collect();
            let source = data.source(&s.source);
            sources.push(source);
            let (period_label, source_name, source_url) = (
                period.map_or_else(|| s.period.clone(), |p| p.label.get(lang).to_string()),
                source
                    .map(|x| source_name(x, lang))
                    .unwrap_or_else(|| s.source.clone()),
                source
                    .and_then(Source::link)
                    .unwrap_or_default()
                    .to_string(),
            );
            let row = |code: &str, value: Option<f64>| {
                let note = s.notes.get(code).map(|n| n.get(lang));
                vec![
                    ind.id.clone(),
                    ind.name.get(lang).to_string(),
                    s.period.clone(),
                    period_label.clone(),
                    code.to_string(),
                    names.get(code).copied().unwrap_or_default().to_string(),
                    value_cell(ind, value),
                    note_cell(value.is_some(), note, lang),
                    source_name.clone(),
                    source_url.clone(),
                ]
            };
            let mut listed: HashSet<&str> = HashSet::with_capacity(s.units.len());
            for (i, code) in s.units.iter().enumerate() {
                listed.insert(code);
                let value = s.values.get(i).copied().flatten().filter(|v| v.is_finite());
                t.rows.push(row(code, value));
            }
            for u in set.iter().flat_map(|u| &u.units) {
                if !listed.contains(u.code.as_str()) {
                    t.rows.push(row(&u.code, None));
                }
            }
        }
    }
    push_sources(&mut t, &distinct_sources(sources), lang);
    t.notes.push(as_of_note(&data.as_of, lang));
    t.notes.push(empty_note(lang));
    let level = if !levels.is_empty() && levels.iter().all(|l| *l == UnitLevel::Commune) {
        UnitLevel::Commune
    } else {
        UnitLevel::Province
    };
    t.header = vec![
        id_header(Msg::Indicator, lang),
        Msg::Indicator.text(lang).to_string(),
        id_header(Msg::Period, lang),
        Msg::Period.text(lang).to_string(),
        Msg::UnitCode.text(lang).to_string(),
        unit_header(level, lang),
        Msg::Value.text(lang).to_string(),
        Msg::Note.text(lang).to_string(),
        Msg::Source.text(lang).to_string(),
        Msg::SourceUrl.text(lang).to_string(),
    ];
    t
}

/// The source columns of a row: "publisher — title" (or the id, if the
/// data lacks the source) and its http(s) address.
fn source_cells(data: &ProgressData, id: &str, lang: Lang) -> [String; 2] {
    let s = data.source(id);
    [
        s.map_or_else(|| id.to_string(), |s| source_name(s, lang)),
        s.and_then(Source::link).unwrap_or_default().to_string(),
    ]
}

/// The meeting's name (its id if unknown) and date.
fn meeting_cells(data: &ProgressData, id: &str, lang: Lang) -> [String; 2] {
    data.meeting(id).map_or_else(
        || [id.to_string(), String::new()],
        |m| [m.name.get(lang).to_string(), m.date.clone()],
    )
}

/// "Body: programme" of a ledger (the body by its short name where the
/// data gives one), or its id when the data does not list it; empty for
/// counts without one.
fn ledger_cell(data: &ProgressData, id: Option<&str>, lang: Lang) -> String {
    let Some(id) = id else {
        return String::new();
    };
    let Some(l) = data.ledger(id) else {
        return id.to_string();
    };
    let body = data.body_short_name(&l.body).map(|b| b.get(lang));
    crate::text::heading(body.unwrap_or_default(), l.programme.get(lang))
}

/// The head of a table of rows straight from the data: the title, the
/// sources of the rows (`source_ids`, each once), and the data's date.
pub(crate) fn data_head<'a>(
    data: &'a ProgressData,
    title: &str,
    source_ids: impl Iterator<Item = &'a str>,
    lang: Lang,
) -> Table {
    let mut t = head(title);
    let sources = distinct_sources(source_ids.map(|id| data.source(id)));
    push_sources(&mut t, &sources, lang);
    t.notes.push(as_of_note(&data.as_of, lang));
    t
}

/// Every task count in the data, as the file lists them (national ones
/// and those per agency): meeting, its date, the counts' date, the agency
/// (empty for national counts) and its unit code, the four counts, note
/// (the scope, and which counts were not published), source, source
/// address.
pub fn tasks_table(data: &ProgressData, title: &str, lang: Lang) -> Table {
    let ids = data.task_counts.iter().map(|c| c.source.as_str());
    let mut t = data_head(data, title, ids, lang);
    t.notes.push(empty_note(lang));
    t.header = msgs(
        &[
            Msg::Ledger,
            Msg::Meeting,
            Msg::Date,
            Msg::AsOf,
            Msg::ByAgency,
            Msg::UnitCode,
        ],
        lang,
    );
    t.header.extend(msgs(&TASK_COLUMNS, lang));
    t.header
        .extend(msgs(&[Msg::Note, Msg::Source, Msg::SourceUrl], lang));
    t.rows = data
        .task_counts
        .iter()
        .map(|c: &TaskCounts| {
            let counts = [c.assigned, c.completed, c.in_progress, c.overdue];
            let mut row = Vec::with_capacity(t.header.len());
            row.push(ledger_cell(data, c.ledger.as_deref(), lang));
            row.extend(meeting_cells(data, &c.meeting, lang));
            row.push(c.as_of.clone());
            row.push(
                c.agency
                    .as_ref()
                    .map(|a| a.name.get(lang).to_string())
                    .unwrap_or_default(),
            );
            row.push(
                c.agency
                    .as_ref()
                    .and_then(|a| a.unit.clone())
                    .unwrap_or_default(),
            );
            row.extend(counts.map(count));
            let note: Vec<String> = [
                Some(c.scope.get(lang).to_string()).filter(|s| !s.trim().is_empty()),
                missing_counts(counts, lang),
            ]
            .into_iter()
            .flatten()
            .collect();
            row.push(note.join("; "));
            row.extend(source_cells(data, &c.source, lang));
            row
        })
        .collect();
    t
}

/// Every national figure in the data, as the file lists them: meeting,
/// its date, the figure's date, figure, value, total or target, the
/// figure as published with its unit and scope, source, source address.
pub fn figures_table(data: &ProgressData, title: &str, lang: Lang) -> Table {
    let ids = data.national_figures.iter().map(|f| f.source.as_str());
    let mut t = data_head(data, title, ids, lang);
    t.header = msgs(
        &[Msg::Meeting, Msg::Date, Msg::AsOf, Msg::Figure, Msg::Value],
        lang,
    );
    t.header.push(total_header(lang));
    t.header
        .extend(msgs(&[Msg::Note, Msg::Source, Msg::SourceUrl], lang));
    t.rows = data
        .national_figures
        .iter()
        .map(|f| {
            let mut row = Vec::with_capacity(t.header.len());
            row.extend(meeting_cells(data, &f.meeting, lang));
            row.push(f.as_of.clone());
            row.push(f.label.get(lang).to_string());
            row.push(number(f.value));
            row.push(f.of_total.map(number).unwrap_or_default());
            row.push(figure_note(f, lang));
            row.extend(source_cells(data, &f.source, lang));
            row
        })
        .collect();
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Text;
    use crate::figures::pillars::{latest_pillar_profile, PillarProfile};
    use crate::figures::ranking::ranking;
    use crate::figures::targets::{targets, Targets};
    use crate::figures::tasks::{task_tracker, Tracker};
    use crate::figures::trend::trend;
    use crate::figures::Chart;

    /// The table of what `chart` shows (its figure's own table).
    fn shown_table(chart: &Chart, title: &str, lang: Lang) -> Table {
        chart.shown_table(title, lang)
    }

    /// The full series behind `chart`.
    fn full_table(data: &ProgressData, chart: &Chart, title: &str, lang: Lang) -> Table {
        chart.full_table(data, title, lang)
    }
    use crate::choropleth::map_data;
    use crate::test_support::{demo, series_mut};

    /// Guards the page's tables made from the download's: numbers in the
    /// reader's notation with every stored digit, unit codes and words as
    /// stored, the average in the foot.
    #[test]
    fn the_page_shows_the_downloads_table_in_the_readers_notation() {
        let t = Table {
            header: vec![
                Msg::UnitCode.text(Lang::Vi).into(),
                "Giá trị".into(),
                "Giao".into(),
            ],
            rows: vec![
                vec!["01".into(), "0.8241".into(), "1287".into()],
                vec!["".into(), "0.5".into(), "".into()],
            ],
            foot: 1,
            ..Table::default()
        };
        assert_eq!(t.display(0, "01", Lang::Vi), "01");
        assert_eq!(t.display(1, "0.8241", Lang::Vi), "0,8241");
        assert_eq!(t.display(1, "0.8241", Lang::En), "0.8241");
        assert_eq!(t.display(2, "1287", Lang::Vi), "1.287");
        assert_eq!(t.display(2, "Chưa công bố", Lang::Vi), "Chưa công bố");
        assert!(!t.is_number_cell(0, "01") && t.is_number_cell(1, "0.5"));
        // Headings aligned as the first row's cells; none past the last.
        let columns: Vec<bool> = (0..4).map(|c| t.is_number_column(c)).collect();
        assert_eq!(columns, [false, true, true, false]);
        let (body, foot) = t.body_and_foot();
        assert_eq!((body.len(), foot.len()), (1, 1));
    }

    /// Reads CSV text back as RFC 4180 says: the test's reference reader.
    /// Lines starting with `#` before the header are skipped.
    fn read_csv(text: &str) -> Vec<Vec<String>> {
        let body = text.strip_prefix('\u{feff}').expect("BOM");
        let mut rest = body;
        while rest.starts_with('#') {
            let end = rest.find("\r\n").expect("note line ends in CRLF");
            rest = &rest[end + 2..];
        }
        let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
        let mut chars = rest.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "CR without LF");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, '\n') => panic!("a bare LF ends a line"),
                (false, c) => field.push(c),
            }
        }
        assert!(row.is_empty() && field.is_empty(), "last line ends in CRLF");
        rows
    }

    fn ranking_chart(d: &ProgressData) -> Chart {
        let m = map_data(d, "dti", "2024").unwrap();
        Chart::from(ranking(&m, Some("01")))
    }

    fn column(t: &Table, msg: Msg, lang: Lang) -> usize {
        t.header
            .iter()
            .position(|h| h == msg.text(lang))
            .unwrap_or_else(|| panic!("no column {msg:?} in {:?}", t.header))
    }

    /// Guards the file's frame: BOM first (Excel reads UTF-8), notes as
    /// `# ` lines, every line ended by CRLF.
    #[test]
    fn csv_starts_with_bom_then_hash_notes_and_ends_lines_in_crlf() {
        let t = Table {
            title: "T".into(),
            notes: vec!["T".into(), "Nguồn: x\ny".into()],
            header: vec!["a".into(), "b".into()],
            rows: vec![vec!["1".into(), "2".into()]],
            ..Table::default()
        };
        let csv = t.to_csv();
        assert_eq!(csv, "\u{feff}# T\r\n# Nguồn: x y\r\na,b\r\n1,2\r\n");
        assert!(csv.starts_with("\u{feff}# "));
        assert_eq!(csv.matches('\n').count(), csv.matches("\r\n").count());
    }

    /// Guards RFC 4180 quoting: commas, quotes, line breaks and edge
    /// spaces are quoted and read back intact; plain cells are not quoted.
    #[test]
    fn csv_quotes_what_needs_it_and_reads_back_intact() {
        let cells = [
            "plain",
            "Tỉnh, thành phố",
            "Khóa học \"Bình dân học vụ số\"",
            "two\r\nlines",
            "lf\nonly",
            " leading",
            "trailing ",
            "",
            "0.8241",
        ];
        let t = Table {
            header: vec!["h".into(); cells.len()],
            rows: vec![cells.iter().map(|c| c.to_string()).collect()],
            ..Table::default()
        };
        let csv = t.to_csv();
        assert!(csv.contains(
            "plain,\"Tỉnh, thành phố\",\"Khóa học \"\"Bình dân học vụ số\"\"\",\"two\r\nlines\""
        ));
        assert!(csv.contains(",\" leading\",\"trailing \",,0.8241\r\n"));
        assert_eq!(read_csv(&csv)[1], cells);
    }

    /// Guards against CSV formula injection from published data: cells a
    /// spreadsheet would run get an apostrophe; numbers with a sign do not.
    #[test]
    fn csv_guards_formula_cells_but_not_signed_numbers() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "'=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\r=1", "'\r=1"),
            ("-0.5", "-0.5"),
            ("+84", "+84"),
            ("-1e-7", "-1e-7"),
            ("a=b", "a=b"),
            ("-", "'-"),
            ("-.", "'-."),
        ];
        let t = Table {
            header: vec!["h".into()],
            rows: cases.iter().map(|(c, _)| vec![c.to_string()]).collect(),
            ..Table::default()
        };
        let read = read_csv(&t.to_csv());
        for (row, (input, want)) in read[1..].iter().zip(cases) {
            assert_eq!(row[0], want, "{input:?}");
        }
    }

    /// Guards the notes: one line each, and a spreadsheet splitting a note
    /// at its commas finds no formula and no runaway quoted field.
    #[test]
    fn note_lines_stay_on_one_line_without_formulas() {
        assert_eq!(
            note_line("Nguồn: a,=cmd(),\"b\nc, -1"),
            "# Nguồn: a,'=cmd(),'\"b c, -1"
        );
        assert_eq!(note_line("x,-2"), "# x,-2");
        assert_eq!(note_line("a;=HYPERLINK(1);b"), "# a;'=HYPERLINK(1);b");
    }

    /// Guards Excel in comma-decimal locales (Vietnamese among them), which
    /// splits at semicolons: a cell holding one is quoted, so what follows
    /// it stays in the cell instead of becoming a formula of its own.
    #[test]
    fn cells_with_semicolons_are_quoted() {
        let t = Table {
            header: vec!["h".into()],
            rows: vec![vec!["Hà Nội;=HYPERLINK(\"http://x\")".into()]],
            ..Table::default()
        };
        assert!(t
            .to_csv()
            .contains("\r\n\"Hà Nội;=HYPERLINK(\"\"http://x\"\")\"\r\n"));
    }

    /// Guards the ranking's download: one row per ranked province, with
    /// the value exactly as stored in the data, not the display rounding.
    #[test]
    fn ranking_shown_table_has_each_ranked_province_with_stored_values() {
        let d = demo();
        let chart = ranking_chart(&d);
        let r = chart
            .kind::<crate::figures::ranking::Ranking>()
            .expect("a ranking");
        let t = shown_table(&chart, "DTI 2024", Lang::Vi);
        let series = d
            .series
            .iter()
            .find(|s| s.indicator == "dti" && s.period == "2024")
            .unwrap();
        let (code, value) = (
            column(&t, Msg::UnitCode, Lang::Vi),
            column(&t, Msg::Value, Lang::Vi),
        );
        let ranked: Vec<&Vec<String>> = t.rows.iter().filter(|r| !r[code].is_empty()).collect();
        assert_eq!(ranked.len(), r.bars.len());
        assert_eq!(ranked.len(), 34);
        for row in &ranked {
            let i = series.units.iter().position(|u| *u == row[code]).unwrap();
            let stored = series.values[i].unwrap();
            assert_eq!(row[value], stored.to_string(), "{}", row[code]);
            assert_eq!(row[value].parse::<f64>().unwrap(), stored);
        }
        assert_eq!(ranked[0][0], "1");
        let avg = t.rows.last().unwrap();
        assert_eq!(avg[2], Msg::AverageOfUnits.text(Lang::Vi));
        assert_eq!(avg[value].parse::<f64>().ok(), r.average);
    }

    /// Guards the column names: in the reader's language.
    #[test]
    fn headers_follow_the_language() {
        let d = demo();
        let chart = ranking_chart(&d);
        let vi = shown_table(&chart, "x", Lang::Vi);
        let en = shown_table(&chart, "x", Lang::En);
        assert_eq!(
            vi.header,
            ["Hạng", "Mã đơn vị", "Tỉnh, thành phố", "Giá trị", "Ghi chú"]
        );
        assert_eq!(
            en.header,
            ["Rank", "Unit code", "Province", "Value", "Note"]
        );
        let full = full_table(&d, &chart, "x", Lang::En);
        assert_eq!(full.header[0], "Indicator (id)");
        assert_eq!(full.header[6], "Value");
        assert_eq!(full_table(&d, &chart, "x", Lang::Vi).header[6], "Giá trị");
    }

    /// Guards "not published is not zero" in every download: an empty
    /// value, the words for "not published" beside it.
    #[test]
    fn unpublished_values_are_empty_cells_not_zero() {
        let mut d = demo();
        let s = series_mut(&mut d, "dti", "2024");
        let i = s.units.iter().position(|u| u == "04").unwrap();
        s.values[i] = None;
        let np = Msg::NotPublished.text(Lang::Vi);
        let chart = ranking_chart(&d);
        let shown = shown_table(&chart, "x", Lang::Vi);
        let row = shown.rows.iter().find(|r| r[2] == "Cao Bằng").unwrap();
        assert_eq!(
            (row[0].as_str(), row[3].as_str(), row[4].as_str()),
            ("", "", np)
        );
        let map = map_data(&d, "dti", "2024").unwrap();
        let mt = map_table(&map, "x", Lang::Vi);
        let row = mt.rows.iter().find(|r| r[1] == "04").unwrap();
        assert_eq!((row[0].as_str(), row[3].as_str()), ("", ""));
        assert!(row.last().unwrap().contains(np));
        assert_eq!(mt.rows.last().unwrap()[1], "04", "unpublished listed last");
        let full = full_table(&d, &chart, "x", Lang::Vi);
        let row = full
            .rows
            .iter()
            .find(|r| r[2] == "2024" && r[4] == "04")
            .unwrap();
        assert_eq!(row[6], "");
        assert!(row[7].starts_with(np), "then the series' note: {}", row[7]);
        for t in [&shown, &mt, &full] {
            assert!(t.notes.iter().any(|n| n.contains(np)), "{:?}", t.notes);
            assert!(!t.rows.iter().any(|r| r.iter().any(|c| c == "0")));
        }
    }

    /// Guards the full series: every period × unit that the data has for
    /// the indicator, each value as stored, nothing else.
    #[test]
    fn full_series_covers_every_period_and_unit_of_the_indicator() {
        let d = demo();
        let t = full_table(&d, &ranking_chart(&d), "DTI", Lang::En);
        let series: Vec<&Series> = d.series.iter().filter(|s| s.indicator == "dti").collect();
        let expected: usize = series.iter().map(|s| s.units.len()).sum();
        assert_eq!(t.rows.len(), expected);
        assert_eq!(expected, 63 * 3 + 34);
        for s in &series {
            for (code, v) in s.units.iter().zip(&s.values) {
                let row = t
                    .rows
                    .iter()
                    .find(|r| r[2] == s.period && r[4] == *code)
                    .unwrap_or_else(|| panic!("{} {code}", s.period));
                assert_eq!(row[0], "dti");
                assert_eq!(row[6], v.map(|v| v.to_string()).unwrap_or_default());
                assert!(row[9].starts_with("https://"), "{row:?}");
            }
        }
        let periods: Vec<&str> = t.rows.iter().map(|r| r[2].as_str()).collect();
        let mut order = periods.clone();
        order.dedup();
        assert_eq!(order, ["2022", "2023", "2024-63", "2024"]);
        assert!(t.notes.iter().any(|n| n.contains("2024 ranking")));
        assert!(t
            .notes
            .iter()
            .any(|n| n.starts_with("Data as of: 25 Feb 2026")));
        // The pillars' full series: each pillar's 34 values.
        let (period, p) = latest_pillar_profile(&d, "dti", "01").unwrap();
        let chart = Chart::from(PillarProfile {
            pillars: p,
            name: Text {
                vi: "Hà Nội".into(),
                en: "Ha Noi".into(),
            },
            period: period.clone(),
        });
        assert_eq!(full_table(&d, &chart, "x", Lang::Vi).rows.len(), 8 * 34);
    }

    /// Guards units the series leaves out: listed, as not published.
    #[test]
    fn series_lists_units_missing_from_a_series_as_unpublished() {
        let mut d = demo();
        let s = series_mut(&mut d, "dti", "2024");
        let i = s.units.iter().position(|u| u == "79").unwrap();
        s.units.remove(i);
        s.values.remove(i);
        let t = series_table(&d, &["dti"], "x", Lang::Vi);
        assert_eq!(t.rows.len(), 63 * 3 + 34);
        let row = t
            .rows
            .iter()
            .find(|r| r[2] == "2024" && r[4] == "79")
            .unwrap();
        assert_eq!((row[5].as_str(), row[6].as_str()), ("Hồ Chí Minh", ""));
        assert!(series_table(&d, &["nothing"], "x", Lang::Vi)
            .rows
            .is_empty());
    }

    /// Guards the task and target downloads: the full tables have a row
    /// for each entry in the data; the shown ones a row per bar.
    #[test]
    fn task_and_figure_tables_have_a_row_per_entry() {
        let d = demo();
        let tasks = Chart::from(Tracker {
            rows: task_tracker(&d),
        });
        let full = full_table(&d, &tasks, "x", Lang::Vi);
        assert_eq!(full.rows.len(), d.task_counts.len());
        assert_eq!(full.rows[0][6..10], ["679", "270", "382", "27"]);
        assert!(
            full.rows[0][0].contains("Chương trình hành động"),
            "{:?}",
            full.rows[0]
        );
        let shown = shown_table(&tasks, "x", Lang::En);
        assert_eq!(shown.rows.len(), 3);
        assert_eq!(
            shown.rows[0][2..8],
            ["2025-09-24", "2025-09-23", "679", "270", "382", "27"]
        );
        // Each row names its ledger; the two ledgers are never one.
        assert!(shown.rows[0][0].starts_with("Government Steering Committee: The Government"));
        assert!(shown.rows[2][0].starts_with("Central Steering Committee: Tasks assigned"));
        assert_eq!(shown.rows[2][4..9], ["1298", "1227", "", "", "71"]);
        assert!(shown
            .notes
            .iter()
            .any(|n| n.starts_with("Data as of: 25 Dec 2025")));

        let bars = targets(&d);
        let goals = Chart::from(Targets { bars: bars.clone() });
        let full = full_table(&d, &goals, "x", Lang::En);
        assert_eq!(full.rows.len(), d.national_figures.len());
        let certs = full
            .rows
            .iter()
            .find(|r| r[3].starts_with("Digital signature"))
            .unwrap();
        assert_eq!(
            certs[4], "17000000",
            "no thousands separator, no decimals added"
        );
        assert!(certs[6].contains("certificates"));
        let shown = shown_table(&goals, "x", Lang::En);
        assert_eq!(shown.rows.len(), bars.len());
        let ioc = shown.rows.iter().find(|r| r[0].contains("(IOC)")).unwrap();
        assert_eq!(ioc[1..4], ["30", "34", &(30.0_f64 / 34.0).to_string()]);
    }

    /// Guards Vietnamese names: written as they are, in UTF-8, with the
    /// BOM, and not folded or escaped.
    #[test]
    fn vietnamese_names_round_trip_intact() {
        let d = demo();
        let csv = shown_table(&ranking_chart(&d), "Chỉ số DTI năm 2024", Lang::Vi).to_csv();
        let read = read_csv(&csv);
        assert!(read.iter().any(|r| r[2] == "Hà Nội"));
        assert!(read.iter().any(|r| r[2] == "Hồ Chí Minh"));
        assert!(csv.contains("# Chỉ số DTI năm 2024\r\n"));
        let t = trend(&d, "dti", "79").unwrap();
        let tr = shown_table(&Chart::from(t), "x", Lang::Vi);
        assert_eq!(tr.rows[0][1], "Hồ Chí Minh");
        assert!(tr.rows.iter().any(|r| r[1] == "Bình Dương"));
    }

    /// Guards the trend's download: one column per period; a unit's empty
    /// cells where it did not exist; the former provinces named as such.
    #[test]
    fn trend_shown_table_keeps_unit_sets_apart() {
        let d = demo();
        let t = trend(&d, "dti", "79").unwrap();
        let tr = shown_table(&Chart::from(t), "x", Lang::En);
        assert_eq!(tr.header.len(), 2 + 4 + 1);
        assert_eq!(tr.header[5], "2024 (34 provinces)");
        assert_eq!(tr.rows[0][2..5], ["", "", ""]);
        assert!(!tr.rows[0][5].is_empty());
        let bd = tr.rows.iter().find(|r| r[0] == "74").unwrap();
        assert_eq!((bd[5].as_str(), bd[6].as_str()), ("", "former province"));
        assert_eq!(tr.rows.len(), 1 + 3 + 1);
        assert!(tr
            .notes
            .iter()
            .any(|n| n.starts_with("Value \"\": not published")));
    }

    /// Guards the notes: the title first, each source with its date and
    /// address, the day of the data where known.
    #[test]
    fn notes_name_the_title_sources_and_date() {
        let d = demo();
        let map = map_data(&d, "dti", "2024").unwrap();
        let t = map_table(&map, "Bản đồ DTI", Lang::Vi).with_as_of(&d.as_of, Lang::Vi);
        assert_eq!(t.notes[0], "Bản đồ DTI");
        assert!(t.notes.contains(
            &"Nguồn: Bộ Khoa học và Công nghệ — Xếp hạng DTI năm 2024 của 34 tỉnh, thành phố (21/10/2025) https://dti.gov.vn/xep-hang-2024".to_string()
        ));
        assert!(t
            .notes
            .contains(&"Số liệu tính đến: 25/02/2026".to_string()));
        let t = t.with_origin("https://example.org/?page=map", Lang::En);
        assert_eq!(
            t.notes.last().unwrap(),
            "Downloaded from: https://example.org/?page=map"
        );
    }

    /// Guards file names: ASCII, diacritics folded, short, the suffix kept.
    #[test]
    fn file_names_are_short_ascii_slugs() {
        let t = Table {
            title: "Chỉ số DTI · Đà Nẵng, năm 2024".into(),
            ..Table::default()
        };
        assert_eq!(t.file_name(""), "chi-so-dti-da-nang-nam-2024.csv");
        assert_eq!(t.file_name("-full"), "chi-so-dti-da-nang-nam-2024-full.csv");
        assert_eq!(file_stem(&t.title), "chi-so-dti-da-nang-nam-2024");
        let long = Table {
            title: "Đường dài ".repeat(40),
            ..Table::default()
        };
        let name = long.file_name("-full");
        assert!(name.len() <= 80 && name.ends_with("-full.csv"), "{name}");
        assert!(name.is_ascii() && !name.contains("--"));
        assert_eq!(file_stem("“…”"), "data");
        let odd = Table::default().file_name("/../x y");
        assert_eq!(odd, "data..xy.csv");
    }

    /// Guards indicators written as percentages: the share times 100,
    /// exactly, digit for digit.
    #[test]
    fn percent_values_move_the_decimal_point_exactly() {
        assert_eq!(times_100("0.3951"), "39.51");
        assert_eq!(times_100("1"), "100");
        assert_eq!(times_100("0.5"), "50");
        assert_eq!(times_100("0.0000001"), "0.00001");
        assert_eq!(times_100("-0.125"), "-12.5");
        let mut ind = demo().indicators[0].clone();
        ind.format.percent = true;
        assert_eq!(value_cell(&ind, Some(0.1 + 0.2)), "30.000000000000004");
        assert_eq!(value_cell(&ind, None), "");
        ind.format.percent = false;
        assert_eq!(value_cell(&ind, Some(0.8241)), "0.8241");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(2.1e9), "2100000000");
        assert_eq!(number(f64::NAN), "");
    }

    /// Guards the pillar download: one row per pillar, rank apart from the
    /// count (never "3/34", which a spreadsheet reads as a date).
    #[test]
    fn pillars_shown_table_has_a_row_per_pillar() {
        let d = demo();
        let (period, p) = latest_pillar_profile(&d, "dti", "01").unwrap();
        let n = p.len();
        let chart = Chart::from(PillarProfile {
            pillars: p,
            name: Text {
                vi: "Hà Nội".into(),
                en: "Ha Noi".into(),
            },
            period: period.clone(),
        });
        let t = shown_table(&chart, "x", Lang::Vi);
        assert_eq!(t.rows.len(), n);
        assert!(t.notes.contains(&"Tỉnh, thành phố: Hà Nội".to_string()));
        assert!(t.rows.iter().all(|r| r[5] == "34" && !r[4].contains('/')));
    }
}
