use super::chart_canvas::{font, px, BLUE, HIGHLIGHT, INK, LIGHT_BLUE, SOFT};
use super::{ChartCanvas, ChartFrame, HitBox, Surface};
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use std::sync::Arc;
use tien_do_core::charts::{tick_labels, ticks, Trend};
use tien_do_core::{Lang, Msg};

/// A province across the periods of one indicator: its own line, the lines
/// of the provinces it was formed from (dashed, over the periods before the
/// merger), the average of the provinces (grey, dotted), and the boundary
/// change of July 2025 marked between the periods of the two unit sets.
/// Values of different unit sets are never joined into one line.
#[component]
pub fn TrendChart(
    /// What to draw.
    trend: Arc<Trend>,
    /// The language shown.
    lang: Lang,
) -> impl IntoView {
    let t = Arc::clone(&trend);
    let draw = Callback::new(move |s: Surface| draw(&s, &t, lang));
    let height = Callback::new(|w: f64| (w * 0.55).clamp(240.0, 380.0));
    let title = format!(
        "{} · {}",
        trend.indicator.name.get(lang),
        Msg::Trend.text(lang)
    );
    let label = format!("{}: {}", Msg::TrendChart.text(lang), title);
    let key = {
        let own = trend.lines.first().map(|l| l.name.get(lang).to_string());
        let former = trend.lines.len() > 1;
        view! {
            <ul class="chart-key">
                {own.map(|n| view! { <li><span class="swatch line own"></span>{n}</li> })}
                {former.then(|| view! {
                    <li><span class="swatch line former"></span>{Msg::FormerProvinces.text(lang)}</li>
                })}
                <li><span class="swatch line average"></span>{Msg::AverageOfUnits.text(lang)}</li>
                {trend.boundary_change.map(|_| view! {
                    <li><span class="swatch rule"></span>{Msg::MergerMark.text(lang)}</li>
                })}
            </ul>
        }
    };
    let table = {
        let t = Arc::clone(&trend);
        move || {
            let f = |v: Option<f64>| {
                v.map_or_else(|| "–".to_string(), |v| t.indicator.format_value(v, lang))
            };
            let head = t
                .periods
                .iter()
                .map(|p| view! { <th scope="col" class="num">{p.label.get(lang).to_string()}</th> })
                .collect_view();
            let rows = t
                .lines
                .iter()
                .map(|l| {
                    let cells = l
                        .values
                        .iter()
                        .map(|v| view! { <td class="num">{f(*v)}</td> })
                        .collect_view();
                    let name = if l.former {
                        format!("{} ({})", l.name.get(lang), Msg::FormerProvince.text(lang))
                    } else {
                        l.name.get(lang).to_string()
                    };
                    view! { <tr><th scope="row">{name}</th>{cells}</tr> }
                })
                .collect_view();
            let avg = t
                .average
                .iter()
                .map(|v| view! { <td class="num">{f(*v)}</td> })
                .collect_view();
            view! {
                <table>
                    <thead><tr><th scope="col">{Msg::Unit.text(lang)}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot><tr><th scope="row">{Msg::AverageOfUnits.text(lang)}</th>{avg}</tr></tfoot>
                </table>
                <p class="chart-note">{Msg::NotPublishedDash.text(lang)}</p>
            }
        }
    };
    view! {
        <ChartFrame
            title
            class="trend-chart"
            sources=trend.sources.clone()
            as_of=None
            lang
            table=ViewFn::from(table)
        >
            <ChartCanvas draw height label />
            {key}
        </ChartFrame>
    }
}

fn draw(s: &Surface, t: &Trend, lang: Lang) -> Vec<HitBox> {
    let Some(backend) = CanvasBackend::with_canvas_object(s.canvas.clone()) else {
        return Vec::new();
    };
    let root = backend.into_drawing_area();
    let _ = root.fill(&WHITE);
    let d = s.dpr;
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
    let Ok(mut chart) = ChartBuilder::on(&root)
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
        .light_line_style(WHITE)
        .bold_line_style(WHITE)
        .axis_style(SOFT)
        .draw();
    let (left, _) = chart.backend_coord(&(-0.5, y0));
    let (right, _) = chart.backend_coord(&(n as f64 - 0.5, y0));
    for (v, label) in yticks.iter().zip(tick_labels(&t.indicator, &yticks, lang)) {
        let (_, y) = chart.backend_coord(&(0.0, *v));
        let _ = root.draw(&PathElement::new(
            vec![(left, y), (right, y)],
            SOFT.mix(0.35).stroke_width(1),
        ));
        let _ = root.draw(&Text::new(
            label,
            (left - px(6.0, d), y),
            font(11.0, d).pos(Pos::new(HPos::Right, VPos::Center)),
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
            font(11.0, d).pos(Pos::new(HPos::Center, VPos::Top)),
        ));
        if t.boundary_change.is_some() {
            let size = t.set_sizes.get(k).copied().unwrap_or(0);
            let _ = root.draw(&Text::new(
                format!("({size})"),
                (x, y + px(19.0, d)),
                font(10.0, d).pos(Pos::new(HPos::Center, VPos::Top)),
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
            INK.stroke_width(px(1.0, d) as u32),
        ));
        let _ = root.draw(&Text::new(
            Msg::MergerMark.text(lang).to_string(),
            (bx, by1.min(by0) - px(6.0, d)),
            font(11.0, d).pos(Pos::new(HPos::Center, VPos::Bottom)),
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
            SOFT.stroke_width(width(2.0)),
        ));
        let _ = chart.draw_series(
            run.into_iter()
                .map(|p| Circle::new(p, px(3.0, d), SOFT.filled())),
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
