use super::chart_canvas::{fit, font, px, DOING, DONE, INK, LATE, SOFT};
use super::{ChartCanvas, ChartFrame, HitBox, Surface};
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use std::sync::Arc;
use tien_do_core::charts::{distinct_sources, MeetingTasks};
use tien_do_core::format::{format_date, format_int, format_share};
use tien_do_core::{Lang, Msg};

/// The parts of a meeting's bar: the message naming it, its count, its
/// colour and the CSS class of its key.
fn parts(m: &MeetingTasks) -> [(Msg, Option<u64>, RGBColor, &'static str); 4] {
    [
        (Msg::TasksCompleted, m.completed, DONE, "done"),
        (Msg::TasksInProgress, m.in_progress, DOING, "doing"),
        (Msg::TasksOverdue, m.overdue, LATE, "late"),
        (Msg::OtherState, m.other, SOFT, "other"),
    ]
}

/// The Steering Committee's task tracker: at each meeting that published
/// task counts, one bar of the tasks assigned, split into completed, in
/// progress and overdue (and any remainder in none of the three). A count
/// that was not published is said to be so, never drawn as zero.
#[component]
pub fn TaskTrackerChart(
    /// One entry per meeting, oldest first (one chart per scope).
    meetings: Arc<Vec<MeetingTasks>>,
    /// The chart's title.
    #[prop(into)]
    title: String,
    /// The language shown.
    lang: Lang,
) -> impl IntoView {
    let m = Arc::clone(&meetings);
    let draw = Callback::new(move |s: Surface| draw(&s, &m, lang));
    let rows = meetings.len() as f64;
    let height = Callback::new(move |_w: f64| rows * 96.0 + 16.0);
    let label = format!("{}: {title}", Msg::TaskChart.text(lang));
    let sources = distinct_sources(meetings.iter().map(|x| x.source.as_ref()));
    let as_of = meetings.last().map(|m| m.as_of.clone());
    let table = {
        let m = Arc::clone(&meetings);
        move || {
            let cell = |v: Option<u64>| {
                v.map_or_else(
                    || Msg::NotPublished.text(lang).to_string(),
                    |v| format_int(v, lang),
                )
            };
            let rows = m
                .iter()
                .map(|t| {
                    view! {
                        <tr>
                            <th scope="row">{meeting_label(t, lang)}</th>
                            <td class="num">{cell(t.assigned)}</td>
                            <td class="num">{cell(t.completed)}</td>
                            <td class="num">{cell(t.in_progress)}</td>
                            <td class="num">{cell(t.overdue)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table>
                    <thead><tr>
                        <th scope="col">{Msg::Meeting.text(lang)}</th>
                        <th scope="col" class="num">{Msg::TasksAssigned.text(lang)}</th>
                        <th scope="col" class="num">{Msg::TasksCompleted.text(lang)}</th>
                        <th scope="col" class="num">{Msg::TasksInProgress.text(lang)}</th>
                        <th scope="col" class="num">{Msg::TasksOverdue.text(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        }
    };
    let key = {
        let shown: Vec<_> = meetings.first().map(parts).into_iter().flatten().collect();
        let has_other = meetings.iter().any(|m| m.other.is_some());
        shown
            .into_iter()
            .filter(|(msg, ..)| *msg != Msg::OtherState || has_other)
            .map(|(msg, _, _, class)| {
                view! { <li><span class=format!("swatch bar {class}")></span>{msg.text(lang)}</li> }
            })
            .collect_view()
    };
    view! {
        <ChartFrame title class="task-tracker-chart" sources as_of lang table=ViewFn::from(table)>
            <ChartCanvas draw height label />
            <ul class="chart-key">{key}</ul>
        </ChartFrame>
    }
}

/// "the Steering Committee's 4th meeting · 23 Sep 2025".
fn meeting_label(t: &MeetingTasks, lang: Lang) -> String {
    format!(
        "{} · {}",
        t.meeting.name.get(lang),
        format_date(&t.as_of, lang)
    )
}

fn draw(s: &Surface, meetings: &[MeetingTasks], lang: Lang) -> Vec<HitBox> {
    let Some(backend) = CanvasBackend::with_canvas_object(s.canvas.clone()) else {
        return Vec::new();
    };
    let root = backend.into_drawing_area();
    let _ = root.fill(&WHITE);
    let d = s.dpr;
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
    let Ok(chart) = ChartBuilder::on(&root)
        .margin(px(8.0, d))
        .build_cartesian_2d(0.0..xmax, 0.0..n as f64)
    else {
        return Vec::new();
    };
    let (x0, _) = chart.backend_coord(&(0.0, 0.0));
    let (x1, _) = chart.backend_coord(&(xmax, 0.0));
    let room = f64::from(x1 - x0);
    // Row i (top first): the meeting, its day and total, the bar, and each
    // part's count under its segment in ink on white (readable whatever
    // the segment's colour).
    let row = |i: usize| (n - 1 - i) as f64;
    let mut boxes = Vec::new();
    for (i, m) in meetings.iter().enumerate() {
        let y = row(i);
        let (lx, ly) = chart.backend_coord(&(0.0, y + 0.98));
        let _ = root.draw(&Text::new(
            fit(m.meeting.name.get(lang), room, 6.8 * d),
            (lx, ly),
            font(12.0, d).pos(Pos::new(HPos::Left, VPos::Top)),
        ));
        let assigned = m
            .assigned
            .map(|a| format!(" · {} {}", format_int(a, lang), Msg::TasksWord.text(lang)))
            .unwrap_or_default();
        let (_, ly2) = chart.backend_coord(&(0.0, y + 0.8));
        let _ = root.draw(&Text::new(
            format!("{}{assigned}", format_date(&m.as_of, lang)),
            (lx, ly2),
            font(12.0, d).pos(Pos::new(HPos::Left, VPos::Top)),
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
                WHITE.stroke_width(px(1.0, d) as u32),
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
                    font(12.0, d)
                        .color(&INK)
                        .pos(Pos::new(HPos::Center, VPos::Top)),
                ));
            }
            boxes.push(HitBox::from_device(
                a,
                b,
                d,
                vec![
                    meeting_label(m, lang),
                    format!("{}: {label}{share}", msg.text(lang)),
                ],
            ));
            start = end;
        }
    }
    let _ = root.present();
    boxes
}
