//! The trend: a province over the periods of one indicator, honest about
//! the 2025 merger (the former provinces as lines of their own, the
//! merger marked). Its model, drawing, tables and how it is made for a
//! view.

use super::{chosen_province, FigureKind, HEADLINE_INDICATOR};
use crate::charts::{distinct_sources, mean, tick_labels, ticks};
use crate::choropleth::{map_data, periods_of, unit_name, MapData};
use crate::data::{Indicator, Period, ProgressData, Source, Text as Bilingual, UnitLevel};
use crate::export::*;
use crate::url_state::UrlState;

/// One line of a trend chart: a unit's value in each period (`None` where
/// it did not exist or nothing was published).
#[derive(Clone, Debug, PartialEq)]
pub struct TrendLine {
    pub code: String,
    pub name: Bilingual,
    /// One per period of [`Trend::periods`].
    pub values: Vec<Option<f64>>,
    /// A unit of the set before the boundary change (drawn dashed).
    pub former: bool,
}

/// A province across the periods of one indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    pub indicator: Indicator,
    pub periods: Vec<Period>,
    /// The province itself (first), then the units it was formed from, each
    /// over the periods of its own unit set: values of different sets are
    /// never joined into one line.
    pub lines: Vec<TrendLine>,
    /// The average of all units in each period (unweighted).
    pub average: Vec<Option<f64>>,
    /// Index of the first period of a new unit set (the July 2025 merger
    /// falls between it and the one before), if the periods change set.
    pub boundary_change: Option<usize>,
    /// How many units the unit set of each period has (63, 34).
    pub set_sizes: Vec<usize>,
    /// The sources of the values, in period order, without repeats.
    pub sources: Vec<Source>,
}

/// The trend of unit `code` on `indicator`: its own values over the
/// periods of the newest unit set that has it, and, for a unit of the
/// latest set, those of the units it was formed from in periods of the
/// older set. A former province (one of the 63) gets its own line over the
/// periods before the merger.
pub fn trend(data: &ProgressData, indicator: &str, code: &str) -> Option<Trend> {
    let ind = data.indicators.iter().find(|i| i.id == indicator)?;
    let periods: Vec<Period> = periods_of(data, indicator).into_iter().cloned().collect();
    if periods.is_empty() {
        return None;
    }
    let maps: Vec<Option<MapData>> = periods
        .iter()
        .map(|p| map_data(data, indicator, &p.id))
        .collect();
    let value = |k: usize, unit: &str| -> Option<f64> { maps[k].as_ref()?.row(unit)?.value };
    let set_of = |k: usize| periods[k].unit_set.as_str();
    let latest_set = set_of(periods.len() - 1).to_string();
    // The newest set, among the periods', that has the unit.
    let (own_set, name) = (0..periods.len())
        .rev()
        .find_map(|k| Some((set_of(k).to_string(), unit_name(data, set_of(k), code)?)))?;
    let own = TrendLine {
        code: code.to_string(),
        name,
        values: (0..periods.len())
            .map(|k| (set_of(k) == own_set).then(|| value(k, code)).flatten())
            .collect(),
        former: false,
    };
    let mut lines = vec![own];
    let mappings = data
        .unit_mappings
        .iter()
        .filter(|m| m.to == latest_set && own_set == latest_set);
    for m in mappings {
        for (old, _) in m.pairs.iter().filter(|(_, new)| new.as_str() == code) {
            let values: Vec<Option<f64>> = (0..periods.len())
                .map(|k| (set_of(k) == m.from).then(|| value(k, old)).flatten())
                .collect();
            if values.iter().any(Option::is_some) {
                lines.push(TrendLine {
                    code: old.clone(),
                    name: unit_name(data, &m.from, old).unwrap_or_else(|| Bilingual {
                        vi: old.clone(),
                        en: old.clone(),
                    }),
                    values,
                    former: true,
                });
            }
        }
    }
    let boundary_change = (1..periods.len()).find(|&k| set_of(k) != set_of(k - 1));
    let sources = distinct_sources(maps.iter().flatten().map(|m| m.source.as_ref()));
    Some(Trend {
        indicator: ind.clone(),
        set_sizes: maps
            .iter()
            .map(|m| m.as_ref().map_or(0, |m| m.rows.len()))
            .collect(),
        average: maps
            .iter()
            .map(|m| {
                m.as_ref()
                    .and_then(|m| mean(m.rows.iter().map(|r| r.value)))
            })
            .collect(),
        periods,
        lines,
        boundary_change,
        sources,
    })
}

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

/// Unit code, unit, one column per period, note ("former province"); the
/// average of the units last.
fn trend_table(tr: &Trend, title: &str, lang: Lang) -> Table {
    let mut t = head(title);
    t.notes.push(indicator_note(&tr.indicator, lang));
    push_sources(&mut t, &tr.sources, lang);
    // "–: not published, or the unit did not exist in that period", for
    // empty cells.
    let dash = Msg::NotPublishedDash.text(lang);
    let rest = dash.strip_prefix('–').unwrap_or(dash);
    t.notes
        .push(format!("{} \"\"{rest}", Msg::Value.text(lang)));
    if tr.boundary_change.is_some() {
        t.notes.push(Msg::MergerNote.text(lang).to_string());
    }
    t.header = vec![
        Msg::UnitCode.text(lang).to_string(),
        unit_header(UnitLevel::Province, lang),
    ];
    t.header
        .extend(tr.periods.iter().map(|p| p.label.get(lang).to_string()));
    t.header.push(Msg::Note.text(lang).to_string());
    let values = |vs: &[Option<f64>]| -> Vec<String> {
        (0..tr.periods.len())
            .map(|k| value_cell(&tr.indicator, vs.get(k).copied().flatten()))
            .collect()
    };
    for line in &tr.lines {
        let mut row = vec![line.code.clone(), line.name.get(lang).to_string()];
        row.extend(values(&line.values));
        row.push(if line.former {
            Msg::FormerProvince.text(lang).to_string()
        } else {
            String::new()
        });
        t.rows.push(row);
    }
    let mut avg = vec![String::new(), Msg::AverageOfUnits.text(lang).to_string()];
    avg.extend(values(&tr.average));
    avg.push(String::new());
    t.rows.push(avg);
    t.foot = 1;
    t
}

impl FigureKind for Trend {
    fn build(data: &ProgressData, state: &UrlState, lang: Lang) -> Result<(Self, String), Msg> {
        let info = chosen_province(data, state)?;
        let indicator = state.indicator.as_deref().unwrap_or(HEADLINE_INDICATOR);
        let t = trend(data, indicator, &info.code).ok_or(Msg::NoValues)?;
        let title = t.title(lang);
        Ok((t, title))
    }

    fn height(&self, width: f64) -> f64 {
        height(width)
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
        if let Some(own) = self.lines.first() {
            out.push((Palette::hex(HIGHLIGHT), own.name.get(lang).to_string()));
        }
        if self.lines.len() > 1 {
            out.push((
                Palette::hex(LIGHT_BLUE),
                Msg::FormerProvinces.text(lang).to_string(),
            ));
        }
        out.push((
            Palette::hex(Palette::LIGHT.soft),
            Msg::AverageOfUnits.text(lang).to_string(),
        ));
        if self.boundary_change.is_some() {
            out.push((
                Palette::hex(Palette::LIGHT.ink),
                Msg::MergerMark.text(lang).to_string(),
            ));
        }
        out
    }

    fn sources(&self) -> Vec<Source> {
        self.sources.clone()
    }

    fn shown_table(&self, title: &str, lang: Lang) -> Table {
        trend_table(self, title, lang)
    }

    fn full_table(&self, data: &ProgressData, title: &str, lang: Lang) -> Table {
        series_table(data, &[self.indicator.id.as_str()], title, lang)
    }
}

impl Trend {
    /// "indicator · Trend", the chart's title.
    pub fn title(&self, lang: Lang) -> String {
        format!(
            "{} · {}",
            self.indicator.name.get(lang),
            Msg::Trend.text(lang)
        )
    }
}
