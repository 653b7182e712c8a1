//! The ranking: the units ranked on one indicator and period as
//! horizontal bars, best at the top, the selected unit in orange, the
//! average of the units as a dashed line. Its model, drawing, tables and
//! how it is made for a view.

use super::FigureKind;
use crate::charts::{mean, tick_decimals, ticks};
use crate::choropleth::{chosen_view, map_data, MapData};
use crate::data::{Indicator, Period, ProgressData, Source, Text as Bilingual, UnitLevel};
use crate::export::*;
use crate::url_state::UrlState;

/// One bar of the ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct RankBar {
    pub code: String,
    pub name: Bilingual,
    pub value: f64,
    /// 1 = best; ties share a rank.
    pub rank: usize,
    pub selected: bool,
}

/// The provinces ranked on one indicator and period.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    pub indicator: Indicator,
    pub period: Period,
    /// Best first.
    pub bars: Vec<RankBar>,
    /// The average of the published values (unweighted).
    pub average: Option<f64>,
    /// What the average is of: "Average of provinces", or of communes.
    pub average_of: Msg,
    /// Units with nothing published, by name.
    pub not_published: Vec<Bilingual>,
    pub source: Option<Source>,
}

/// The ranking drawn from a map's data (the same ranks as the map), with
/// `selected` highlighted.
pub fn ranking(map: &MapData, selected: Option<&str>) -> Ranking {
    let mut bars: Vec<RankBar> = map
        .rows
        .iter()
        .filter_map(|r| {
            Some(RankBar {
                code: r.code.clone(),
                name: r.name.clone(),
                value: r.value?,
                rank: r.rank?,
                selected: selected == Some(r.code.as_str()),
            })
        })
        .collect();
    bars.sort_by(|a, b| a.rank.cmp(&b.rank).then_with(|| a.code.cmp(&b.code)));
    Ranking {
        indicator: map.indicator.clone(),
        period: map.period.clone(),
        average: mean(bars.iter().map(|b| Some(b.value))),
        average_of: match map.level {
            UnitLevel::Commune => Msg::AverageOfCommunes,
            UnitLevel::Province => Msg::AverageOfUnits,
        },
        not_published: map
            .rows
            .iter()
            .filter(|r| r.value.is_none())
            .map(|r| r.name.clone())
            .collect(),
        bars,
        source: map.source.clone(),
    }
}

/// A row of a ranking as drawn: a bar (its index in [`Ranking::bars`]), or
/// a gap standing for that many bars left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RankRow {
    Bar(usize),
    Gap(usize),
}

impl Ranking {
    /// The rows to draw when at most `max` bars fit: every bar if they fit;
    /// otherwise the best and the worst, with the selected unit kept in
    /// its place, and a gap for each run left out (a ranking of 3,321
    /// communes is read at its ends; the table has every unit).
    pub fn condensed(&self, max: usize) -> Vec<RankRow> {
        let n = self.bars.len();
        if n <= max.max(2) {
            return (0..n).map(RankRow::Bar).collect();
        }
        let selected = self.bars.iter().position(|b| b.selected);
        let room = max.max(2);
        let head = room / 2;
        let mut keep: Vec<usize> = (0..head).collect();
        let tail = match selected {
            Some(s) if s >= head && s < n - (room - head) => {
                keep.push(s);
                room - head - 1
            }
            _ => room - head,
        };
        keep.extend(n - tail..n);
        keep.sort_unstable();
        keep.dedup();
        let mut rows = Vec::with_capacity(keep.len() + 2);
        let mut next = 0;
        for i in keep {
            if i > next {
                rows.push(RankRow::Gap(i - next));
            }
            rows.push(RankRow::Bar(i));
            next = i + 1;
        }
        rows
    }
}

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
        let label = format!("{} {}", r.average_of.text(lang), fmt(&avg));
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

/// Rank, unit code, unit, value, note: the bars best first, then the
/// units with nothing published, then the average of the units (a row
/// without a code).
fn ranking_table(r: &Ranking, title: &str, lang: Lang) -> Table {
    let mut t = one_period_head(title, (&r.indicator, &r.period), r.source.as_slice(), lang);
    let level = level_of_codes(r.bars.iter().map(|b| b.code.as_str()));
    t.header = msgs(&[Msg::Rank, Msg::UnitCode], lang);
    t.header.push(unit_header(level, lang));
    t.header.extend(msgs(&[Msg::Value, Msg::Note], lang));
    t.rows.extend(r.bars.iter().map(|b| {
        vec![
            b.rank.to_string(),
            b.code.clone(),
            b.name.get(lang).to_string(),
            value_cell(&r.indicator, Some(b.value)),
            String::new(),
        ]
    }));
    // The ranking keeps only the names of the units not published.
    t.rows.extend(r.not_published.iter().map(|name| {
        vec![
            String::new(),
            String::new(),
            name.get(lang).to_string(),
            String::new(),
            Msg::NotPublished.text(lang).to_string(),
        ]
    }));
    if let Some(avg) = r.average {
        t.rows.push(vec![
            String::new(),
            String::new(),
            r.average_of.text(lang).to_string(),
            value_cell(&r.indicator, Some(avg)),
            String::new(),
        ]);
        t.foot = 1;
    }
    t.marked = (r.bars.iter().enumerate())
        .filter(|(_, b)| b.selected)
        .map(|(i, _)| i)
        .collect();
    t
}

impl FigureKind for Ranking {
    fn build(data: &ProgressData, state: &UrlState, lang: Lang) -> Result<(Self, String), Msg> {
        let m = chosen_view(data, state.indicator.as_deref(), state.period.as_deref())
            .and_then(|(i, p)| map_data(data, &i, &p))
            .ok_or(Msg::NoValues)?;
        let r = ranking(&m, state.province.as_deref());
        if r.bars.is_empty() {
            return Err(Msg::NoValues);
        }
        let title = r.title(lang);
        Ok((r, title))
    }

    fn height(&self, _width: f64) -> f64 {
        height(self)
    }

    fn paint<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        d: f64,
        pal: &Palette,
        lang: Lang,
    ) -> Vec<HitBox> {
        paint(root, d, pal, self, lang)
    }

    fn legend(&self, lang: Lang) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if let Some(b) = self.bars.iter().find(|b| b.selected) {
            out.push((Palette::hex(HIGHLIGHT), b.name.get(lang).to_string()));
        }
        if self.average.is_some() {
            out.push((
                Palette::hex(Palette::LIGHT.ink),
                self.average_of.text(lang).to_string(),
            ));
        }
        out
    }

    fn sources(&self) -> Vec<Source> {
        self.source.clone().into_iter().collect()
    }

    fn shown_table(&self, title: &str, lang: Lang) -> Table {
        ranking_table(self, title, lang)
    }

    fn full_table(&self, data: &ProgressData, title: &str, lang: Lang) -> Table {
        series_table(data, &[self.indicator.id.as_str()], title, lang)
    }
}

impl Ranking {
    /// "indicator · period", the chart's title.
    pub fn title(&self, lang: Lang) -> String {
        format!(
            "{} · {}",
            self.indicator.name.get(lang),
            self.period.label.get(lang)
        )
    }
}
