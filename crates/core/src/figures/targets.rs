//! Progress towards targets: each national figure published with a total
//! or target, as a bar of its share. Its model, drawing, tables and how it
//! is made for a view.

use super::FigureKind;
use crate::charts::{distinct_sources, figure_text};
use crate::data::{Meeting, NationalFigure, ProgressData, Source};
use crate::export::*;
use crate::url_state::UrlState;

/// The bars of the targets chart, latest meeting first.
#[derive(Clone, Debug, PartialEq)]
pub struct Targets {
    pub bars: Vec<TargetBar>,
}

/// A figure with the total or target it is out of: a progress bar.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetBar {
    pub figure: NationalFigure,
    pub meeting: Option<Meeting>,
    /// `value / of_total`, 0 to 1 (capped at 1 for drawing; the numbers
    /// are shown as published).
    pub share: f64,
    pub source: Option<Source>,
}

/// Every national figure published with a total or target, latest meeting
/// first, then in listed order; figures whose measure was reported again at
/// a later meeting are left out (the latest stands for them).
pub fn targets(data: &ProgressData) -> Vec<TargetBar> {
    let date_of = |f: &NationalFigure| {
        data.meetings
            .iter()
            .find(|m| m.id == f.meeting)
            .map(|m| m.date.clone())
            .unwrap_or_default()
    };
    let mut bars: Vec<(String, usize, TargetBar)> = data
        .national_figures
        .iter()
        .enumerate()
        .filter(|(_, f)| f.of_total.is_some_and(|t| t > 0.0) && f.value.is_finite())
        .filter(|(_, f)| {
            // Superseded: the same measure at a later meeting.
            !f.measure.as_ref().is_some_and(|m| {
                data.national_figures.iter().any(|g| {
                    g.measure.as_ref() == Some(m) && g.of_total.is_some() && date_of(g) > date_of(f)
                })
            })
        })
        .map(|(i, f)| {
            let total = f.of_total.unwrap_or(1.0);
            (
                date_of(f),
                i,
                TargetBar {
                    figure: f.clone(),
                    meeting: data.meetings.iter().find(|m| m.id == f.meeting).cloned(),
                    share: (f.value / total).clamp(0.0, 1.0),
                    source: data.source(&f.source).cloned(),
                },
            )
        })
        .collect();
    bars.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    bars.into_iter().map(|(_, _, b)| b).collect()
}

use crate::format::{format_date, format_number};
use crate::{Lang, Msg};

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

/// Figure, value, total or target, share, the figure as published,
/// meeting, its date, the figure's date.
fn targets_table(bars: &[TargetBar], sources: &[Source], title: &str, lang: Lang) -> Table {
    let mut t = head(title);
    push_sources(&mut t, sources, lang);
    t.header = msgs(&[Msg::Figure, Msg::Value], lang);
    t.header.push(total_header(lang));
    t.header.extend(msgs(
        &[Msg::Share, Msg::Note, Msg::Meeting, Msg::Date, Msg::AsOf],
        lang,
    ));
    t.rows.extend(bars.iter().map(|b| {
        let f = &b.figure;
        // The share as computed from the figures, not capped for drawing.
        let share = f
            .of_total
            .filter(|t| *t != 0.0)
            .map(|total| number(f.value / total))
            .unwrap_or_default();
        vec![
            f.label.get(lang).to_string(),
            number(f.value),
            f.of_total.map(number).unwrap_or_default(),
            share,
            figure_note(f, lang),
            b.meeting
                .as_ref()
                .map(|m| m.name.get(lang).to_string())
                .unwrap_or_else(|| f.meeting.clone()),
            b.meeting
                .as_ref()
                .map(|m| m.date.clone())
                .unwrap_or_default(),
            f.as_of.clone(),
        ]
    }));
    t
}

impl FigureKind for Targets {
    fn build(data: &ProgressData, _state: &UrlState, lang: Lang) -> Result<(Self, String), Msg> {
        let bars = targets(data);
        if bars.is_empty() {
            return Err(Msg::NoValues);
        }
        Ok((Targets { bars }, Msg::TargetsTitle.text(lang).to_string()))
    }

    fn height(&self, width: f64) -> f64 {
        height(&self.bars, width)
    }

    fn paint<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        d: f64,
        pal: &Palette,
        lang: Lang,
    ) -> Vec<HitBox> {
        paint(root, d, pal, &self.bars, lang)
    }

    fn legend(&self, _lang: Lang) -> Vec<(String, String)> {
        Vec::new()
    }

    fn sources(&self) -> Vec<Source> {
        distinct_sources(self.bars.iter().map(|x| x.source.as_ref()))
    }

    fn shown_table(&self, title: &str, lang: Lang) -> Table {
        targets_table(&self.bars, &self.sources(), title, lang)
    }

    fn full_table(&self, data: &ProgressData, title: &str, lang: Lang) -> Table {
        figures_table(data, title, lang)
    }
}
