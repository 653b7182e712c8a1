//! The pillar profile: a province on the pillars of an index in one
//! period (DTI's eight), each bar against the average of the provinces as
//! a tick. Its model, drawing, tables and how it is made for a view.

use super::{chosen_province, FigureKind, HEADLINE_INDICATOR};
use crate::charts::{distinct_sources, mean, tick_labels, ticks};
use crate::choropleth::{map_data, periods_of};
use crate::data::{Indicator, Period, ProgressData, Source, Text as Bilingual, UnitLevel};
use crate::export::*;
use crate::url_state::UrlState;

/// A province's profile on an index's pillars in one period: what the
/// chart draws.
#[derive(Clone, Debug, PartialEq)]
pub struct PillarProfile {
    pub pillars: Vec<Pillar>,
    /// The province's name.
    pub name: Bilingual,
    pub period: Period,
}

/// The latest period in which unit `code` has a profile on the pillars of
/// `parent`, with that profile.
pub fn latest_pillar_profile(
    data: &ProgressData,
    parent: &str,
    code: &str,
) -> Option<(Period, Vec<Pillar>)> {
    data.periods.iter().rev().find_map(|p| {
        let pillars = pillar_profile(data, parent, &p.id, code);
        pillars
            .iter()
            .any(|x| x.value.is_some())
            .then(|| (p.clone(), pillars))
    })
}

/// One pillar of a province's profile.
#[derive(Clone, Debug, PartialEq)]
pub struct Pillar {
    pub indicator: Indicator,
    /// `None`: not published for this province.
    pub value: Option<f64>,
    /// The average of all units (unweighted).
    pub average: Option<f64>,
    pub rank: Option<usize>,
    /// How many units have a value.
    pub of: usize,
    /// Where the value comes from.
    pub source: Option<Source>,
}

/// The profile of unit `code` in `period` on the sub-indicators of
/// `parent` (ids `parent.*`: the 8 DTI pillars of `dti`), in listed order.
pub fn pillar_profile(data: &ProgressData, parent: &str, period: &str, code: &str) -> Vec<Pillar> {
    let prefix = format!("{parent}.");
    data.indicators
        .iter()
        .filter(|i| i.id.starts_with(&prefix))
        .filter(|i| periods_of(data, &i.id).iter().any(|p| p.id == period))
        .filter_map(|i| {
            let m = map_data(data, &i.id, period)?;
            let row = m.row(code)?;
            Some(Pillar {
                indicator: i.clone(),
                value: row.value,
                average: mean(m.rows.iter().map(|r| r.value)),
                rank: row.rank,
                of: m.rows.iter().filter(|r| r.value.is_some()).count(),
                source: m.source.clone(),
            })
        })
        .collect()
}

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

/// Pillar, value, average of the units, rank, out of how many, note.
fn pillars_table(
    pillars: &[Pillar],
    (name, period): (&Bilingual, &Period),
    sources: &[Source],
    title: &str,
    lang: Lang,
) -> Table {
    let mut t = head(title);
    t.notes.push(format!(
        "{}: {}",
        unit_header(UnitLevel::Province, lang),
        name.get(lang)
    ));
    t.notes.push(format!(
        "{}: {}",
        Msg::Period.text(lang),
        period.label.get(lang)
    ));
    push_sources(&mut t, sources, lang);
    t.notes.push(empty_note(lang));
    t.header = vec![id_header(Msg::Indicator, lang)];
    t.header.extend(msgs(
        &[
            Msg::Pillar,
            Msg::Value,
            Msg::AverageOfUnits,
            Msg::Rank,
            Msg::Total,
            Msg::Note,
        ],
        lang,
    ));
    t.rows.extend(pillars.iter().map(|p| {
        vec![
            p.indicator.id.clone(),
            p.indicator.name.get(lang).to_string(),
            value_cell(&p.indicator, p.value),
            value_cell(&p.indicator, p.average),
            p.rank.map(|r| r.to_string()).unwrap_or_default(),
            p.of.to_string(),
            note_cell(p.value.is_some(), None, lang),
        ]
    }));
    t
}

impl FigureKind for PillarProfile {
    fn build(data: &ProgressData, state: &UrlState, lang: Lang) -> Result<(Self, String), Msg> {
        let info = chosen_province(data, state)?;
        let (period, pillars) =
            latest_pillar_profile(data, HEADLINE_INDICATOR, &info.code).ok_or(Msg::NoPillars)?;
        let p = PillarProfile {
            pillars,
            name: info.name,
            period,
        };
        let title = p.title(lang);
        Ok((p, title))
    }

    fn height(&self, _width: f64) -> f64 {
        height(&self.pillars)
    }

    fn paint<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        d: f64,
        pal: &Palette,
        lang: Lang,
    ) -> Vec<HitBox> {
        paint(root, d, pal, &self.pillars, self.name.get(lang), lang)
    }

    fn legend(&self, lang: Lang) -> Vec<(String, String)> {
        vec![
            (Palette::hex(BLUE), self.name.get(lang).to_string()),
            (
                Palette::hex(Palette::LIGHT.ink),
                Msg::AverageOfUnits.text(lang).to_string(),
            ),
        ]
    }

    fn sources(&self) -> Vec<Source> {
        distinct_sources(self.pillars.iter().map(|p| p.source.as_ref()))
    }

    fn shown_table(&self, title: &str, lang: Lang) -> Table {
        pillars_table(
            &self.pillars,
            (&self.name, &self.period),
            &self.sources(),
            title,
            lang,
        )
    }

    fn full_table(&self, data: &ProgressData, title: &str, lang: Lang) -> Table {
        let ids: Vec<&str> = self
            .pillars
            .iter()
            .map(|p| p.indicator.id.as_str())
            .collect();
        series_table(data, &ids, title, lang)
    }
}

impl PillarProfile {
    /// "Pillar profile · province · period", the chart's title.
    pub fn title(&self, lang: Lang) -> String {
        format!(
            "{} · {} · {}",
            Msg::PillarProfile.text(lang),
            self.name.get(lang),
            self.period.label.get(lang)
        )
    }
}
