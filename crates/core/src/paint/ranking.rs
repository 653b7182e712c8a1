//! The provinces ranked on one indicator and period: horizontal bars, best
//! at the top, the selected unit in orange, the average as a dashed line.

use crate::charts::{tick_decimals, ticks, RankRow, Ranking};
use crate::format::{format_int, format_number};
use crate::{Lang, Msg};

/// Bars drawn at most; a longer ranking (communes) shows its best and its
/// worst, the selected unit, and gaps (the table lists every unit).
pub const MAX_BARS: usize = 40;

/// The height in CSS pixels (the same at any width).
pub fn height(r: &Ranking) -> f64 {
    r.condensed(MAX_BARS).len() as f64 * 20.0 + 56.0
}

use super::{px, HitBox, Palette, BLUE, HIGHLIGHT};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Draws the chart on `root` and returns the parts that answer hover.
pub fn paint<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    d: f64,
    pal: &Palette,
    r: &Ranking,
    lang: Lang,
) -> Vec<HitBox> {
    let _ = root.fill(&pal.paper);
    let rows = r.condensed(MAX_BARS);
    let n = rows.len();
    if r.bars.is_empty() {
        return Vec::new();
    }
    let width = f64::from(root.dim_in_pixel().0) / d;
    let names = (width * 0.34).clamp(90.0, 170.0);
    let top = r
        .bars
        .iter()
        .map(|b| b.value)
        .chain(r.average)
        .fold(0.0_f64, f64::max);
    let xmax = r
        .indicator
        .range
        .as_ref()
        .map_or(top * 1.08, |g| g.max.min(top * 1.15).max(top));
    let Ok(mut chart) = ChartBuilder::on(root)
        .margin_top(px(22.0, d))
        .margin_right(px(12.0, d))
        .margin_bottom(px(4.0, d))
        .x_label_area_size(px(22.0, d))
        .y_label_area_size(px(names, d))
        .build_cartesian_2d(0.0..xmax.max(1e-9), 0.0..n as f64)
    else {
        return Vec::new();
    };
    let fmt = |v: &f64| r.indicator.format_value(*v, lang);
    // Axis labels with the decimals round ticks need (0,2 not 0,2000).
    let k = tick_decimals(&r.indicator, &ticks(0.0, xmax, 5));
    let axis = |v: &f64| format_number(*v, k, r.indicator.format.percent, lang);
    let _ = chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(5)
        .x_label_formatter(&axis)
        .label_style(pal.font(11.0, d))
        .light_line_style(pal.paper)
        .bold_line_style(pal.soft.mix(0.35))
        .axis_style(pal.soft)
        .draw();
    // Best at the top: row i spans n-1-i .. n-i.
    let y = |i: usize| (n - 1 - i) as f64;
    let name_style = pal.font(12.0, d).pos(Pos::new(HPos::Right, VPos::Center));
    let total = r.bars.len();
    let mut boxes = Vec::with_capacity(n);
    for (i, row) in rows.iter().enumerate() {
        let (x0, yc) = chart.backend_coord(&(0.0, y(i) + 0.5));
        let b = match *row {
            RankRow::Gap(k) => {
                let _ = root.draw(&Text::new(
                    format!(
                        "… {} {} …",
                        format_int(k as u64, lang),
                        Msg::MoreUnits.text(lang)
                    ),
                    (x0 - px(6.0, d), yc),
                    name_style.clone(),
                ));
                continue;
            }
            RankRow::Bar(k) => match r.bars.get(k) {
                Some(b) => b,
                None => continue,
            },
        };
        let colour = if b.selected { HIGHLIGHT } else { BLUE };
        let _ = chart.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y(i) + 0.18), (b.value, y(i) + 0.82)],
            colour.filled(),
        )));
        let label = format!("{}. {}", b.rank, b.name.get(lang));
        let style = if b.selected {
            name_style.clone().color(&pal.ink)
        } else {
            name_style.clone()
        };
        let _ = root.draw(&Text::new(label, (x0 - px(6.0, d), yc), style));
        let a = chart.backend_coord(&(0.0, y(i) + 1.0));
        let c = chart.backend_coord(&(xmax, y(i)));
        boxes.push(HitBox::from_device(
            (a.0 - px(names, d), a.1),
            c,
            d,
            vec![
                b.name.get(lang).to_string(),
                format!("{} {}", fmt(&b.value), r.indicator.unit.get(lang)),
                format!("{} {}/{total}", Msg::Rank.text(lang), b.rank),
            ],
        ));
    }
    if let Some(avg) = r.average {
        let _ = chart.draw_series(DashedLineSeries::new(
            [(avg, 0.0), (avg, n as f64)],
            px(5.0, d),
            px(3.0, d),
            pal.ink.stroke_width(px(1.5, d) as u32),
        ));
        let (ax, ay) = chart.backend_coord(&(avg, n as f64));
        let label = format!("{} {}", Msg::AverageOfUnits.text(lang), fmt(&avg));
        // Centred over the line, unless that would run off the right edge
        // (narrow phones): then it ends at the edge.
        let half = label.chars().count() as f64 * 3.2 * d;
        let right = i32::try_from(root.dim_in_pixel().0).unwrap_or(i32::MAX) - px(2.0, d);
        let (x, h) = if f64::from(ax) + half > f64::from(right) {
            (right, HPos::Right)
        } else {
            (ax, HPos::Center)
        };
        let _ = root.draw(&Text::new(
            label,
            (x, ay - px(4.0, d)),
            pal.font(11.0, d).pos(Pos::new(h, VPos::Bottom)),
        ));
    }
    let _ = root.present();
    boxes
}
