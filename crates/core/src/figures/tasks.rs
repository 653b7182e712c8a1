//! The task tracker: at each meeting that published task counts, one bar
//! of the tasks assigned, split into completed, in progress, overdue and
//! the rest; one series per ledger, under its own heading, never joined to
//! another's. Its model, drawing, tables and how it is made for a view.

use super::FigureKind;
use crate::charts::distinct_sources;
use crate::data::{Meeting, ProgressData, Source, Text as Bilingual};
use crate::export::*;
use crate::notes::as_of_note;
use crate::url_state::UrlState;

/// The national task counts as the tracker draws them: one series per
/// ledger, each oldest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Tracker {
    pub rows: Vec<MeetingTasks>,
}

/// Tasks at one meeting: the parts of a stacked bar.
#[derive(Clone, Debug, PartialEq)]
pub struct MeetingTasks {
    pub meeting: Meeting,
    /// The day the counts refer to.
    pub as_of: String,
    pub scope: Bilingual,
    pub assigned: Option<u64>,
    pub completed: Option<u64>,
    pub in_progress: Option<u64>,
    pub overdue: Option<u64>,
    /// Assigned tasks not in any published state: assigned minus the
    /// published parts, when it is positive (regular tasks outside the
    /// three states, or tasks not completed whose split was not
    /// published). The scope line says which.
    pub other: Option<u64>,
    pub source: Option<Source>,
    /// The ledger the counts belong to, if the data names one.
    pub ledger: Option<LedgerName>,
}

/// Which body counts which programme's tasks: the heading of one series
/// of the tracker.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerName {
    pub id: String,
    /// The committee, by its short name where the data gives one.
    pub body: Bilingual,
    /// The programme and who its tasks are assigned to.
    pub programme: Bilingual,
}

impl LedgerName {
    /// "Body: programme", the series' heading, with a capital first.
    pub fn heading(&self, lang: crate::Lang) -> String {
        crate::text::heading(self.body.get(lang), self.programme.get(lang))
    }

    /// The committee alone, with a capital first.
    pub fn body_name(&self, lang: crate::Lang) -> String {
        crate::text::capitalised(self.body.get(lang))
    }
}

/// The national task counts: one series per ledger (in the order the
/// ledgers are listed; counts without one last), each oldest first. Two
/// ledgers' counts are never added or joined. Per-agency counts are left
/// to [`agency_tasks`].
pub fn task_tracker(data: &ProgressData) -> Vec<MeetingTasks> {
    let mut out: Vec<MeetingTasks> = data
        .task_counts
        .iter()
        .filter(|t| t.agency.is_none())
        .filter_map(|t| meeting_tasks(data, t))
        .collect();
    let order = |m: &MeetingTasks| data.ledger_position(m.ledger.as_ref().map(|l| l.id.as_str()));
    out.sort_by(|a, b| (order(a), &a.meeting.date).cmp(&(order(b), &b.meeting.date)));
    out
}

/// The name of the ledger `id`: its body's name and its programme.
pub fn ledger_name(data: &ProgressData, id: &str) -> Option<LedgerName> {
    let l = data.ledger(id)?;
    Some(LedgerName {
        id: l.id.clone(),
        body: data.body_short_name(&l.body).cloned().unwrap_or_default(),
        programme: l.programme.clone(),
    })
}

/// A task-counts card's head: its element id, its heading (the ledger's
/// body, else "Tasks") and the ledger's programme, unless the counts' own
/// scope says it.
#[derive(Clone, Debug, PartialEq)]
pub struct CardHead {
    pub id: String,
    pub heading: String,
    pub programme: Option<String>,
}

/// The head of the card of the counts `c`, of the ledger `ledger` (if the
/// data names it), in `lang`.
pub fn card_head(c: &crate::data::TaskCounts, ledger: Option<&LedgerName>, lang: Lang) -> CardHead {
    CardHead {
        id: format!("task-counts-{}", ledger.map_or("all", |x| x.id.as_str())),
        heading: ledger.map_or_else(
            || Msg::TasksHeading.text(lang).to_string(),
            |x| x.body_name(lang),
        ),
        programme: ledger
            .map(|x| x.programme.get(lang).to_string())
            .filter(|p| !p.is_empty() && *p != c.scope.get(lang)),
    }
}

/// One count of a card (`label`: which), in words: the number, or that it
/// was not published; and its share of the tasks assigned, for any count
/// but the assigned itself.
pub fn count_text(
    c: &crate::data::TaskCounts,
    label: Msg,
    value: Option<u64>,
    lang: Lang,
) -> (String, Option<String>) {
    match value {
        Some(v) => (
            crate::format::format_int(v, lang),
            c.assigned
                .filter(|_| label != Msg::TasksAssigned)
                .and_then(|total| crate::format::format_share(v, total, lang)),
        ),
        None => (Msg::NotPublished.text(lang).to_string(), None),
    }
}

/// The rows' scope lines, each once, in order: what each series counts.
fn scopes(rows: &[MeetingTasks], lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in rows {
        let s = m.scope.get(lang).trim();
        if !s.is_empty() && !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    out
}

/// The tracker's rows split into its series, one per ledger, each with
/// its heading (none for counts without a ledger).
pub fn ledger_groups(rows: &[MeetingTasks]) -> Vec<(Option<&LedgerName>, &[MeetingTasks])> {
    rows.chunk_by(|a, b| a.ledger.as_ref().map(|l| &l.id) == b.ledger.as_ref().map(|l| &l.id))
        .map(|g| (g[0].ledger.as_ref(), g))
        .collect()
}

/// Task counts published per agency, in the order the file lists them
/// (the tasks page sorts each agency's meetings by date).
pub fn agency_tasks(data: &ProgressData) -> Vec<(Bilingual, MeetingTasks)> {
    data.task_counts
        .iter()
        .filter_map(|t| {
            let agency = t.agency.as_ref()?;
            let m = meeting_tasks(data, t)?;
            Some((agency.name.clone(), m))
        })
        .collect()
}

fn meeting_tasks(data: &ProgressData, t: &crate::data::TaskCounts) -> Option<MeetingTasks> {
    let meeting = data.meetings.iter().find(|m| m.id == t.meeting)?.clone();
    // What the published parts leave of the tasks assigned; nothing when
    // no part was published (a bar of "other" alone would say nothing).
    let parts = [t.completed, t.in_progress, t.overdue];
    let other = match t.assigned {
        Some(a) if parts.iter().any(Option::is_some) => a
            .checked_sub(
                parts
                    .iter()
                    .flatten()
                    .fold(0u64, |s, x| s.saturating_add(*x)),
            )
            .filter(|&x| x > 0),
        _ => None,
    };
    let ledger = t.ledger.as_deref().and_then(|id| ledger_name(data, id));
    Some(MeetingTasks {
        meeting,
        as_of: t.as_of.clone(),
        scope: t.scope.clone(),
        assigned: t.assigned,
        completed: t.completed,
        in_progress: t.in_progress,
        overdue: t.overdue,
        other,
        source: data.source(&t.source).cloned(),
        ledger,
    })
}

use crate::format::{format_date, format_int, format_share};
use crate::{Lang, Msg};

/// A meeting's row, in CSS pixels.
const ROW: f64 = 96.0;
/// A ledger's heading, as a share of a row.
const HEADING: f64 = 0.34;

/// The height in CSS pixels (the same at any width).
pub fn height(meetings: &[MeetingTasks]) -> f64 {
    slots(meetings) * ROW + 16.0
}

/// The rows and headings, in rows.
fn slots(meetings: &[MeetingTasks]) -> f64 {
    let headings = ledger_groups(meetings)
        .iter()
        .filter(|(l, _)| l.is_some())
        .count();
    meetings.len() as f64 + headings as f64 * HEADING
}

use super::{fit, px, HitBox, Palette, DOING, DONE, LATE, OTHER};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The parts of a meeting's bar: the message naming it, its count, its
/// colour and the CSS class of its key.
pub fn parts(m: &MeetingTasks) -> [(Msg, Option<u64>, RGBColor, &'static str); 4] {
    [
        (Msg::TasksCompleted, m.completed, DONE, "done"),
        (Msg::TasksInProgress, m.in_progress, DOING, "doing"),
        (Msg::TasksOverdue, m.overdue, LATE, "late"),
        (Msg::OtherState, m.other, OTHER, "other"),
    ]
}

/// "the Steering Committee's 4th meeting · 23 Sep 2025".
pub fn meeting_label(t: &MeetingTasks, lang: Lang) -> String {
    format!(
        "{} · {}",
        t.meeting.name.get(lang),
        format_date(&t.as_of, lang)
    )
}

/// Draws the chart on `root` and returns the parts that answer hover.
pub fn paint<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    d: f64,
    pal: &Palette,
    meetings: &[MeetingTasks],
    lang: Lang,
) -> Vec<HitBox> {
    let _ = root.fill(&pal.paper);
    let n = meetings.len();
    if n == 0 {
        return Vec::new();
    }
    // Each bar is as long as its total: the tasks assigned, or the sum of
    // the published parts when the total was not published.
    let total = |m: &MeetingTasks| {
        m.assigned
            .unwrap_or_else(|| {
                parts(m)
                    .iter()
                    .filter_map(|p| p.1)
                    .fold(0u64, u64::saturating_add)
            })
            .max(1)
    };
    // Each ledger on its own scale (its longest bar spans the width): two
    // ledgers' bars are never read against each other.
    let xmax = 1.0;
    let height = slots(meetings);
    let Ok(chart) = ChartBuilder::on(root)
        .margin(px(8.0, d))
        .build_cartesian_2d(0.0..xmax, 0.0..height)
    else {
        return Vec::new();
    };
    let (x0, _) = chart.backend_coord(&(0.0, 0.0));
    let (x1, _) = chart.backend_coord(&(xmax, 0.0));
    let room = f64::from(x1 - x0);
    // Top down: each ledger's heading in bold, then its meetings' rows: the
    // meeting, its day and total, the bar, and each part's count under its
    // segment in ink on white (readable whatever the segment's colour).
    let mut rows = Vec::with_capacity(n);
    let mut top = height;
    for (ledger, group) in ledger_groups(meetings) {
        if let Some(l) = ledger {
            let (hx, hy) = chart.backend_coord(&(0.0, top - 0.04));
            let _ = root.draw(&Text::new(
                fit(&l.heading(lang), room, 7.4 * d),
                (hx, hy),
                ("sans-serif", 13.0 * d, FontStyle::Bold)
                    .into_font()
                    .color(&pal.ink)
                    .pos(Pos::new(HPos::Left, VPos::Top)),
            ));
            top -= HEADING;
        }
        for m in group {
            top -= 1.0;
            let longest = group.iter().map(total).max().unwrap_or(1) as f64;
            rows.push((top, m, longest));
        }
    }
    let mut boxes = Vec::new();
    for (y, m, longest) in rows {
        let (lx, ly) = chart.backend_coord(&(0.0, y + 0.98));
        let _ = root.draw(&Text::new(
            fit(m.meeting.name.get(lang), room, 6.8 * d),
            (lx, ly),
            pal.font(12.0, d).pos(Pos::new(HPos::Left, VPos::Top)),
        ));
        let assigned = m
            .assigned
            .map(|a| format!(" · {} {}", format_int(a, lang), Msg::TasksWord.text(lang)))
            .unwrap_or_default();
        let (_, ly2) = chart.backend_coord(&(0.0, y + 0.8));
        let _ = root.draw(&Text::new(
            format!("{}{assigned}", format_date(&m.as_of, lang)),
            (lx, ly2),
            pal.font(12.0, d).pos(Pos::new(HPos::Left, VPos::Top)),
        ));
        let mut start = 0.0;
        for (msg, count, colour, _) in parts(m) {
            let Some(c) = count.filter(|c| *c > 0) else {
                continue;
            };
            let end = start + c as f64 / longest;
            let a = chart.backend_coord(&(start, y + 0.56));
            let b = chart.backend_coord(&(end, y + 0.26));
            let _ = root.draw(&Rectangle::new([a, b], colour.filled()));
            let _ = root.draw(&Rectangle::new(
                [a, b],
                pal.paper.stroke_width(px(1.0, d) as u32),
            ));
            let share = m
                .assigned
                .and_then(|a| format_share(c, a, lang))
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            let label = format_int(c, lang);
            if f64::from(b.0 - a.0) > (label.len() as f64 * 7.5 + 6.0) * d {
                let _ = root.draw(&Text::new(
                    label.clone(),
                    ((a.0 + b.0) / 2, b.1 + px(3.0, d)),
                    pal.font(12.0, d)
                        .color(&pal.ink)
                        .pos(Pos::new(HPos::Center, VPos::Top)),
                ));
            }
            boxes.push(HitBox::from_device(
                a,
                b,
                d,
                m.ledger
                    .iter()
                    .map(|l| l.heading(lang))
                    .chain([
                        meeting_label(m, lang),
                        format!("{}: {label}{share}", msg.text(lang)),
                    ])
                    .collect(),
            ));
            start = end;
        }
    }
    let _ = root.present();
    boxes
}

/// Meeting, its date, the counts' date, the four counts, the remainder in
/// none of the three states, note.
fn meetings_table(meetings: &[MeetingTasks], sources: &[Source], title: &str, lang: Lang) -> Table {
    let mut t = head(title);
    t.notes.extend(scopes(meetings, lang));
    push_sources(&mut t, sources, lang);
    if let Some(latest) = meetings.iter().map(|m| m.as_of.as_str()).max() {
        t.notes.push(as_of_note(latest, lang));
    }
    t.notes.push(empty_note(lang));
    t.header = msgs(&[Msg::Ledger, Msg::Meeting, Msg::Date, Msg::AsOf], lang);
    t.header.extend(msgs(&TASK_COLUMNS, lang));
    t.header.extend(msgs(&[Msg::OtherState, Msg::Note], lang));
    t.rows.extend(meetings.iter().map(|m| {
        let counts = [m.assigned, m.completed, m.in_progress, m.overdue];
        let mut row = vec![
            m.ledger
                .as_ref()
                .map(|l| l.heading(lang))
                .unwrap_or_default(),
            m.meeting.name.get(lang).to_string(),
            m.meeting.date.clone(),
            m.as_of.clone(),
        ];
        row.extend(counts.map(count));
        row.push(count(m.other));
        row.push(missing_counts(counts, lang).unwrap_or_default());
        row
    }));
    t
}

impl FigureKind for Tracker {
    fn build(data: &ProgressData, _state: &UrlState, lang: Lang) -> Result<(Self, String), Msg> {
        let rows = task_tracker(data);
        if rows.is_empty() {
            return Err(Msg::NoTaskData);
        }
        Ok((Tracker { rows }, Msg::TrackerTitle.text(lang).to_string()))
    }

    fn height(&self, _width: f64) -> f64 {
        height(&self.rows)
    }

    fn paint<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        d: f64,
        pal: &Palette,
        lang: Lang,
    ) -> Vec<HitBox> {
        paint(root, d, pal, &self.rows, lang)
    }

    fn legend(&self, lang: Lang) -> Vec<(String, String)> {
        let has_other = self.rows.iter().any(|m| m.other.is_some());
        self.rows
            .first()
            .map(|m| {
                parts(m)
                    .iter()
                    .filter(|(msg, ..)| *msg != Msg::OtherState || has_other)
                    .map(|(msg, _, colour, _)| (Palette::hex(*colour), msg.text(lang).to_string()))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn sources(&self) -> Vec<Source> {
        distinct_sources(self.rows.iter().map(|x| x.source.as_ref()))
    }

    fn shown_table(&self, title: &str, lang: Lang) -> Table {
        meetings_table(&self.rows, &self.sources(), title, lang)
    }

    fn full_table(&self, data: &ProgressData, title: &str, lang: Lang) -> Table {
        tasks_table(data, title, lang)
    }

    fn as_of(&self) -> Option<String> {
        self.rows.iter().map(|m| m.as_of.clone()).max()
    }

    /// Each series' scope lines, so the bases show; and, with several
    /// ledgers, that they are never added or compared.
    fn notes(&self, lang: Lang) -> Vec<String> {
        let mut out = scopes(&self.rows, lang);
        if ledger_groups(&self.rows)
            .iter()
            .filter(|(l, _)| l.is_some())
            .count()
            > 1
        {
            out.push(Msg::LedgersApart.text(lang).to_string());
        }
        out
    }
}

#[cfg(test)]
mod card_tests {
    use super::*;
    use crate::test_support::demo;

    #[test]
    fn a_card_is_headed_by_its_ledger_and_its_programme_once() {
        let d = demo();
        let latest = d.latest_counts_by_ledger();
        let with_ledger = latest
            .iter()
            .find(|c| c.ledger.is_some())
            .expect("the demo names its ledgers");
        let id = with_ledger.ledger.as_deref().unwrap_or_default();
        let ledger = ledger_name(&d, id).expect("the ledger is listed");
        let head = card_head(with_ledger, Some(&ledger), Lang::En);
        assert_eq!(head.id, format!("task-counts-{id}"));
        assert_eq!(head.heading, ledger.body_name(Lang::En));
        // The programme is said unless the counts' own scope says it.
        let mut same = (*with_ledger).clone();
        same.scope = ledger.programme.clone();
        assert_eq!(card_head(&same, Some(&ledger), Lang::En).programme, None);
        // Counts of no ledger: "Tasks", one id for them.
        let none = card_head(with_ledger, None, Lang::Vi);
        assert_eq!(none.id, "task-counts-all");
        assert_eq!(none.heading, Msg::TasksHeading.text(Lang::Vi));
        assert_eq!(none.programme, None);
    }

    #[test]
    fn a_count_says_its_share_of_the_assigned_or_that_it_was_not_published() {
        let d = demo();
        let c = d.latest_counts_by_ledger()[0].clone();
        let assigned = c
            .assigned
            .expect("the demo's first card has its tasks assigned");
        let done = c.completed.expect("and its completed");
        let (n, share) = count_text(&c, Msg::TasksCompleted, Some(done), Lang::Vi);
        assert_eq!(n, crate::format::format_int(done, Lang::Vi));
        assert_eq!(share, crate::format::format_share(done, assigned, Lang::Vi));
        assert!(share.is_some());
        // The assigned count is the base: no share of itself.
        assert_eq!(
            count_text(&c, Msg::TasksAssigned, Some(assigned), Lang::En).1,
            None
        );
        assert_eq!(
            count_text(&c, Msg::TasksOverdue, None, Lang::En),
            (Msg::NotPublished.text(Lang::En).to_string(), None)
        );
    }
}
