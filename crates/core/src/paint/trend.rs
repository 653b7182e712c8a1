//! A province across the periods of one indicator, with the provinces it
//! was formed from and the average, never joined across the merger.

use crate::charts::{tick_labels, ticks, Trend};
use crate::{Lang, Msg};

/// The height in CSS pixels for a width.
pub fn height(width: f64) -> f64 {
    (width * 0.55).clamp(240.0, 380.0)
}

use super::{px, HitBox, Palette, BLUE, HIGHLIGHT, LIGHT_BLUE};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws the chart on `root` and returns the parts that answer hover.
pub fn paint<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    d: f64,
    pal: &Palette,
    t: &Trend,
    lang: Lang,
) -> Vec<HitBox> {
    let _ = root.fill(&pal.paper);
    let n = t.periods.len();
    if n == 0 {
        return Vec::new();
    }
    let all = t
        .lines
        .iter()
        .flat_map(|l| l.values.iter())
        .chain(t.average.iter())
        .flatten()
        .copied();
    let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() {
        return Vec::new();
    }
    let pad = ((hi - lo) * 0.12).max(hi.abs() * 0.02).max(1e-6);
    let (y0, y1) = (
        (lo - pad).max(t.indicator.range.as_ref().map_or(f64::MIN, |r| r.min)),
        hi + pad,
    );
    let Ok(mut chart) = ChartBuilder::on(root)
        .margin_top(px(26.0, d))
        .margin_right(px(16.0, d))
        .margin_left(px(4.0, d))
        .x_label_area_size(px(36.0, d))
        .y_label_area_size(px(52.0, d))
        .build_cartesian_2d(-0.5..(n as f64 - 0.5), y0..y1)
    else {
        return Vec::new();
    };
    let fmt = |v: &f64| t.indicator.format_value(*v, lang);
    let yticks = ticks(y0, y1, 5);
    let _ = chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(0)
        .light_line_style(pal.paper)
        .bold_line_style(pal.paper)
        .axis_style(pal.soft)
        .draw();
    let (left, _) = chart.backend_coord(&(-0.5, y0));
    let (right, _) = chart.backend_coord(&(n as f64 - 0.5, y0));
    for (v, label) in yticks.iter().zip(tick_labels(&t.indicator, &yticks, lang)) {
        let (_, y) = chart.backend_coord(&(0.0, *v));
        let _ = root.draw(&PathElement::new(
            vec![(left, y), (right, y)],
            pal.soft.mix(0.35).stroke_width(1),
        ));
        let _ = root.draw(&Text::new(
            label,
            (left - px(6.0, d), y),
            pal.font(11.0, d).pos(Pos::new(HPos::Right, VPos::Center)),
        ));
    }
    // Short labels under the axis ("2024", and the size of the unit set
    // when the chart spans a boundary change); the full ones are in the
    // tooltip and the table.
    for (k, p) in t.periods.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(k as f64, y0));
        let _ = root.draw(&Text::new(
            p.short_label(lang).to_string(),
            (x, y + px(6.0, d)),
            pal.font(11.0, d).pos(Pos::new(HPos::Center, VPos::Top)),
        ));
        if t.boundary_change.is_some() {
            let size = t.set_sizes.get(k).copied().unwrap_or(0);
            let _ = root.draw(&Text::new(
                format!("({size})"),
                (x, y + px(19.0, d)),
                pal.font(10.0, d).pos(Pos::new(HPos::Center, VPos::Top)),
            ));
        }
    }
    if let Some(k) = t.boundary_change {
        let x = k as f64 - 0.5;
        let (bx, by0) = chart.backend_coord(&(x, y0));
        let (_, by1) = chart.backend_coord(&(x, y1));
        let _ = chart.draw_series(DashedLineSeries::new(
            [(x, y0), (x, y1)],
            px(4.0, d),
            px(4.0, d),
            pal.ink.stroke_width(px(1.0, d) as u32),
        ));
        let _ = root.draw(&Text::new(
            Msg::MergerMark.text(lang).to_string(),
            (bx, by1.min(by0) - px(6.0, d)),
            pal.font(11.0, d).pos(Pos::new(HPos::Center, VPos::Bottom)),
        ));
    }
    let width = |w: f64| px(w, d).max(1) as u32;
    // Runs of consecutive published values: a gap is never bridged, and
    // neither is the boundary change (different units on either side).
    let runs = |values: &[Option<f64>]| -> Vec<Vec<(f64, f64)>> {
        let mut out: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (k, v) in values.iter().enumerate() {
            if t.boundary_change == Some(k) {
                out.push(Vec::new());
            }
            match (v, out.last_mut()) {
                (Some(v), Some(run)) => run.push((k as f64, *v)),
                _ => out.push(Vec::new()),
            }
        }
        out.retain(|r| !r.is_empty());
        out
    };
    for run in runs(&t.average) {
        let _ = chart.draw_series(DashedLineSeries::new(
            run.clone(),
            px(2.0, d),
            px(3.0, d),
            pal.soft.stroke_width(width(2.0)),
        ));
        let _ = chart.draw_series(
            run.into_iter()
                .map(|p| Circle::new(p, px(3.0, d), pal.soft.filled())),
        );
    }
    for line in t.lines.iter().skip(1) {
        for run in runs(&line.values) {
            let _ = chart.draw_series(DashedLineSeries::new(
                run.clone(),
                px(6.0, d),
                px(3.0, d),
                LIGHT_BLUE.stroke_width(width(2.0)),
            ));
            let _ = chart.draw_series(
                run.into_iter()
                    .map(|p| Circle::new(p, px(3.0, d), BLUE.filled())),
            );
        }
    }
    if let Some(own) = t.lines.first() {
        for run in runs(&own.values) {
            let _ = chart.draw_series(LineSeries::new(
                run.clone(),
                HIGHLIGHT.stroke_width(width(3.0)),
            ));
            let _ = chart.draw_series(
                run.into_iter()
                    .map(|p| Circle::new(p, px(5.0, d), HIGHLIGHT.filled())),
            );
        }
    }
    let _ = root.present();

    // Hover: one box per period, around its column, listing every value.
    let half = 0.5;
    (0..n)
        .filter(|&k| t.lines.iter().any(|l| l.values[k].is_some()) || t.average[k].is_some())
        .map(|k| {
            let a = chart.backend_coord(&(k as f64 - half, y1));
            let b = chart.backend_coord(&(k as f64 + half, y0));
            let mut lines = vec![t.periods[k].label.get(lang).to_string()];
            for l in &t.lines {
                if let Some(v) = l.values[k] {
                    lines.push(format!("{}: {}", l.name.get(lang), fmt(&v)));
                }
            }
            if let Some(v) = t.average[k] {
                lines.push(format!("{}: {}", Msg::AverageOfUnits.text(lang), fmt(&v)));
            }
            HitBox::from_device(a, b, d, lines)
        })
        .collect()
}
