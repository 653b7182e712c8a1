//! The tasks of each meeting as stacked bars: completed, in progress,
//! overdue, other; one series per ledger, under its own heading, never
//! joined to another's.

use crate::charts::{ledger_groups, MeetingTasks};
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
    let xmax = meetings.iter().map(total).max().unwrap_or(1) as f64;
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
            rows.push((top, m));
        }
    }
    let mut boxes = Vec::new();
    for (y, m) in rows {
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
            let end = start + c as f64;
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
