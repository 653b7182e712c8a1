//! One province's profile on the pillars of an index, with the average of
//! the provinces as a tick on each bar.

use crate::charts::{tick_labels, ticks, Pillar};
use crate::{Lang, Msg};

/// The height in CSS pixels (the same at any width).
pub fn height(pillars: &[Pillar]) -> f64 {
    pillars.len() as f64 * 46.0 + 40.0
}

use super::{px, HitBox, Palette, BLUE};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws the chart on `root` and returns the parts that answer hover.
pub fn paint<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    d: f64,
    pal: &Palette,
    pillars: &[Pillar],
    who: &str,
    lang: Lang,
) -> Vec<HitBox> {
    let _ = root.fill(&pal.paper);
    let n = pillars.len();
    if n == 0 {
        return Vec::new();
    }
    // The pillars share the index's scale where one is declared.
    let top = pillars
        .iter()
        .flat_map(|p| [p.value, p.average])
        .flatten()
        .fold(0.0_f64, f64::max);
    let xmax = pillars
        .iter()
        .filter_map(|p| p.indicator.range.as_ref().map(|r| r.max))
        .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))))
        .filter(|m| *m >= top)
        .unwrap_or(top * 1.1)
        .max(1e-9);
    let Ok(chart) = ChartBuilder::on(root)
        .margin_top(px(8.0, d))
        .margin_right(px(20.0, d))
        .margin_left(px(18.0, d))
        .x_label_area_size(px(22.0, d))
        .build_cartesian_2d(0.0..xmax, 0.0..n as f64)
    else {
        return Vec::new();
    };
    let fmt = |p: &Pillar, v: f64| p.indicator.format_value(v, lang);
    let (_, bottom) = chart.backend_coord(&(0.0, 0.0));
    let at = ticks(0.0, xmax, 4);
    for (v, label) in at.iter().zip(tick_labels(&pillars[0].indicator, &at, lang)) {
        let (x, _) = chart.backend_coord(&(*v, 0.0));
        let (_, top) = chart.backend_coord(&(*v, n as f64));
        let _ = root.draw(&PathElement::new(
            vec![(x, top), (x, bottom)],
            pal.soft.mix(0.35).stroke_width(1),
        ));
        let _ = root.draw(&Text::new(
            label,
            (x, bottom + px(4.0, d)),
            pal.font(11.0, d).pos(Pos::new(HPos::Center, VPos::Top)),
        ));
    }
    // Row i (top first): a label line, then the bar under it.
    let row = |i: usize| (n - 1 - i) as f64;
    let mut boxes = Vec::with_capacity(n);
    for (i, p) in pillars.iter().enumerate() {
        let y = row(i);
        let (lx, ly) = chart.backend_coord(&(0.0, y + 0.96));
        let value = p.indicator.format_or_unpublished(p.value, lang);
        let _ = root.draw(&Text::new(
            format!("{} · {value}", p.indicator.name.get(lang)),
            (lx, ly),
            pal.font(12.0, d).pos(Pos::new(HPos::Left, VPos::Top)),
        ));
        let _ = root.draw(&Rectangle::new(
            [
                chart.backend_coord(&(0.0, y + 0.45)),
                chart.backend_coord(&(xmax, y + 0.05)),
            ],
            pal.soft.mix(0.15).filled(),
        ));
        if let Some(v) = p.value {
            let _ = root.draw(&Rectangle::new(
                [
                    chart.backend_coord(&(0.0, y + 0.45)),
                    chart.backend_coord(&(v, y + 0.05)),
                ],
                BLUE.filled(),
            ));
        }
        if let Some(a) = p.average {
            let (ax, ay0) = chart.backend_coord(&(a, y + 0.55));
            let (_, ay1) = chart.backend_coord(&(a, y - 0.02));
            let _ = root.draw(&Rectangle::new(
                [(ax - px(1.5, d), ay0), (ax + px(1.5, d), ay1)],
                pal.ink.filled(),
            ));
        }
        let mut lines = vec![p.indicator.name.get(lang).to_string()];
        lines.push(format!("{who}: {value}"));
        if let Some(a) = p.average {
            lines.push(format!("{}: {}", Msg::AverageOfUnits.text(lang), fmt(p, a)));
        }
        if let Some(r) = p.rank {
            lines.push(format!("{} {r}/{}", Msg::Rank.text(lang), p.of));
        }
        boxes.push(HitBox::from_device(
            chart.backend_coord(&(0.0, y + 1.0)),
            chart.backend_coord(&(xmax, y)),
            d,
            lines,
        ));
    }
    let _ = root.present();
    boxes
}
