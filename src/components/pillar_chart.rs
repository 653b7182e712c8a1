use super::chart_canvas::{font, px, INK, SOFT};
use super::{ChartCanvas, ChartFrame, HitBox, Surface};
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use std::sync::Arc;
use tien_do_core::charts::{distinct_sources, tick_labels, ticks, Pillar};
use tien_do_core::data::{self, Period};
use tien_do_core::{Lang, Msg};

/// One province's profile on the pillars of an index (the 8 DTI pillars):
/// a bar per pillar, with the average of the provinces marked on it as a
/// black tick, so "above or below the average" reads at a glance.
#[component]
pub fn PillarChart(
    /// The pillars, in the index's order.
    pillars: Arc<Vec<Pillar>>,
    /// The province's name.
    name: data::Text,
    /// The period the values are for.
    period: Period,
    /// The language shown.
    lang: Lang,
) -> impl IntoView {
    let sources = distinct_sources(pillars.iter().map(|p| p.source.as_ref()));
    let p = Arc::clone(&pillars);
    let who = name.get(lang).to_string();
    let draw = {
        let who = who.clone();
        Callback::new(move |s: Surface| draw(&s, &p, &who, lang))
    };
    let rows = pillars.len() as f64;
    let height = Callback::new(move |_w: f64| rows * 46.0 + 40.0);
    let title = format!(
        "{} · {} · {}",
        Msg::PillarProfile.text(lang),
        who,
        period.label.get(lang)
    );
    let label = format!("{}: {title}", Msg::PillarChart.text(lang));
    let table = {
        let p = Arc::clone(&pillars);
        move || {
            let rows = p
                .iter()
                .map(|x| {
                    let f = |v: Option<f64>| x.indicator.format_or_unpublished(v, lang);
                    let rank = x.rank.map(|r| format!("{r}/{}", x.of));
                    view! {
                        <tr>
                            <th scope="row">{x.indicator.name.get(lang).to_string()}</th>
                            <td class="num">{f(x.value)}</td>
                            <td class="num">{f(x.average)}</td>
                            <td class="num">{rank}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table>
                    <thead><tr>
                        <th scope="col">{Msg::Pillar.text(lang)}</th>
                        <th scope="col" class="num">{Msg::Value.text(lang)}</th>
                        <th scope="col" class="num">{Msg::AverageOfUnits.text(lang)}</th>
                        <th scope="col" class="num">{Msg::Rank.text(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        }
    };
    let key = view! {
        <ul class="chart-key">
            <li><span class="swatch bar own"></span>{who}</li>
            <li><span class="swatch tick"></span>{Msg::AverageOfUnits.text(lang)}</li>
        </ul>
    };
    view! {
        <ChartFrame title class="pillar-chart" sources as_of=None lang table=ViewFn::from(table)>
            <ChartCanvas draw height label />
            {key}
        </ChartFrame>
    }
}

fn draw(s: &Surface, pillars: &[Pillar], who: &str, lang: Lang) -> Vec<HitBox> {
    let Some(backend) = CanvasBackend::with_canvas_object(s.canvas.clone()) else {
        return Vec::new();
    };
    let root = backend.into_drawing_area();
    let _ = root.fill(&WHITE);
    let d = s.dpr;
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
    let Ok(chart) = ChartBuilder::on(&root)
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
            SOFT.mix(0.35).stroke_width(1),
        ));
        let _ = root.draw(&Text::new(
            label,
            (x, bottom + px(4.0, d)),
            font(11.0, d).pos(Pos::new(HPos::Center, VPos::Top)),
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
            font(12.0, d).pos(Pos::new(HPos::Left, VPos::Top)),
        ));
        let _ = root.draw(&Rectangle::new(
            [
                chart.backend_coord(&(0.0, y + 0.45)),
                chart.backend_coord(&(xmax, y + 0.05)),
            ],
            SOFT.mix(0.15).filled(),
        ));
        if let Some(v) = p.value {
            let _ = root.draw(&Rectangle::new(
                [
                    chart.backend_coord(&(0.0, y + 0.45)),
                    chart.backend_coord(&(v, y + 0.05)),
                ],
                super::chart_canvas::BLUE.filled(),
            ));
        }
        if let Some(a) = p.average {
            let (ax, ay0) = chart.backend_coord(&(a, y + 0.55));
            let (_, ay1) = chart.backend_coord(&(a, y - 0.02));
            let _ = root.draw(&Rectangle::new(
                [(ax - px(1.5, d), ay0), (ax + px(1.5, d), ay1)],
                INK.filled(),
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
