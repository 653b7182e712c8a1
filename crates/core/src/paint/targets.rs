//! National figures against their totals or targets, as progress bars.

use crate::charts::{figure_text, TargetBar};
use crate::format::{format_date, format_number};
use crate::Lang;

/// The height in CSS pixels for a width.
pub fn height(bars: &[TargetBar], width: f64) -> f64 {
    bars.len() as f64 * if narrow(width) { 64.0 } else { 46.0 } + 8.0
}

/// Below this width (CSS pixels) a figure's value goes under its label.
fn narrow(width: f64) -> bool {
    width < 560.0
}

use super::{fit, px, HitBox, Palette, BLUE};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws the chart on `root` and returns the parts that answer hover.
pub fn paint<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    d: f64,
    pal: &Palette,
    bars: &[TargetBar],
    lang: Lang,
) -> Vec<HitBox> {
    let _ = root.fill(&pal.paper);
    let n = bars.len();
    if n == 0 {
        return Vec::new();
    }
    let Ok(chart) = ChartBuilder::on(root)
        .margin(px(4.0, d))
        .build_cartesian_2d(0.0..1.0, 0.0..n as f64)
    else {
        return Vec::new();
    };
    let (x0, _) = chart.backend_coord(&(0.0, 0.0));
    let (x1, _) = chart.backend_coord(&(1.0, 0.0));
    let room = f64::from(x1 - x0);
    let row = |i: usize| (n - 1 - i) as f64;
    let mut boxes = Vec::with_capacity(n);
    for (i, b) in bars.iter().enumerate() {
        let y = row(i);
        let (lx, ly) = chart.backend_coord(&(0.0, y + 0.97));
        let text = figure_text(&b.figure, lang);
        let value = format!("{text} · {}", format_number(b.share, 0, true, lang));
        // Narrow screens: the label on its own line, the value under it.
        let stacked = narrow(f64::from(root.dim_in_pixel().0) / d);
        let value_w = value.chars().count() as f64 * 7.0 * d;
        let label_room = if stacked {
            room
        } else {
            room - value_w - 12.0 * d
        };
        let _ = root.draw(&Text::new(
            fit(b.figure.label.get(lang), label_room, 6.6 * d),
            (lx, ly),
            pal.font(12.0, d).pos(Pos::new(HPos::Left, VPos::Top)),
        ));
        let (rx, vy) = chart.backend_coord(&(1.0, y + 0.7));
        let _ = root.draw(&Text::new(
            value,
            (rx, if stacked { vy } else { ly }),
            pal.font(12.0, d).pos(Pos::new(HPos::Right, VPos::Top)),
        ));
        let (top, bottom) = if stacked { (0.38, 0.1) } else { (0.45, 0.12) };
        let track = [
            chart.backend_coord(&(0.0, y + top)),
            chart.backend_coord(&(1.0, y + bottom)),
        ];
        let _ = root.draw(&Rectangle::new(track, pal.soft.mix(0.2).filled()));
        let _ = root.draw(&Rectangle::new(
            [track[0], chart.backend_coord(&(b.share, y + bottom))],
            BLUE.filled(),
        ));
        let mut lines = vec![b.figure.label.get(lang).to_string(), text];
        if let Some(m) = &b.meeting {
            lines.push(format!(
                "{} ({})",
                m.name.get(lang),
                format_date(&m.date, lang)
            ));
        }
        boxes.push(HitBox::from_device(
            chart.backend_coord(&(0.0, y + 1.0)),
            chart.backend_coord(&(1.0, y)),
            d,
            lines,
        ));
    }
    let _ = root.present();
    boxes
}
