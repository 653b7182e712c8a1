use super::chart_canvas::{font, px, BLUE, HIGHLIGHT, INK, SOFT};
use super::{ChartCanvas, ChartFrame, HitBox, Surface};
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use std::sync::Arc;
use tien_do_core::charts::{tick_decimals, ticks, RankRow, Ranking};
use tien_do_core::format::{format_int, format_number};
use tien_do_core::{Lang, Msg};

/// Bars drawn at most; a longer ranking (communes) shows its best and its
/// worst, the selected unit, and gaps (the table lists every unit).
const MAX_BARS: usize = 40;

/// The provinces ranked on one indicator and period as horizontal bars,
/// best at the top, the selected province in orange, the average of the
/// provinces as a dashed line; a table of the same numbers.
#[component]
pub fn RankingChart(
    /// What to draw.
    ranking: Arc<Ranking>,
    /// The language shown.
    lang: Lang,
) -> impl IntoView {
    let r = Arc::clone(&ranking);
    let draw = Callback::new(move |s: Surface| draw(&s, &r, lang));
    let rows = ranking.condensed(MAX_BARS).len() as f64;
    let height = Callback::new(move |_w: f64| rows * 20.0 + 56.0);
    let title = format!(
        "{} · {}",
        ranking.indicator.name.get(lang),
        ranking.period.label.get(lang)
    );
    let label = format!("{}: {title}", Msg::RankingChart.text(lang));
    let table = {
        let r = Arc::clone(&ranking);
        move || {
            let f = |v: f64| r.indicator.format_value(v, lang);
            let rows = r
                .bars
                .iter()
                .map(|b| {
                    view! {
                        <tr class:selected=b.selected>
                            <td class="num">{b.rank}</td>
                            <th scope="row">{b.name.get(lang).to_string()}</th>
                            <td class="num">{f(b.value)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let missing = (!r.not_published.is_empty()).then(|| {
                let names: Vec<&str> = r.not_published.iter().map(|t| t.get(lang)).collect();
                view! { <p>{Msg::NotPublished.text(lang)} ": " {names.join(", ")}</p> }
            });
            view! {
                <table>
                    <thead><tr>
                        <th scope="col" class="num">{Msg::Rank.text(lang)}</th>
                        <th scope="col">{Msg::Unit.text(lang)}</th>
                        <th scope="col" class="num">{Msg::Value.text(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot>{r.average.map(|a| view! {
                        <tr><td></td><th scope="row">{Msg::AverageOfUnits.text(lang)}</th><td class="num">{f(a)}</td></tr>
                    })}</tfoot>
                </table>
                {missing}
            }
        }
    };
    view! {
        <ChartFrame
            title
            class="ranking-chart"
            sources=ranking.source.clone().into_iter().collect()
            as_of=None
            lang
            table=ViewFn::from(table)
        >
            <ChartCanvas draw height label />
        </ChartFrame>
    }
}

fn draw(s: &Surface, r: &Ranking, lang: Lang) -> Vec<HitBox> {
    let Some(backend) = CanvasBackend::with_canvas_object(s.canvas.clone()) else {
        return Vec::new();
    };
    let root = backend.into_drawing_area();
    let _ = root.fill(&WHITE);
    let d = s.dpr;
    let rows = r.condensed(MAX_BARS);
    let n = rows.len();
    if r.bars.is_empty() {
        return Vec::new();
    }
    let width = f64::from(s.canvas.width()) / d;
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
    let Ok(mut chart) = ChartBuilder::on(&root)
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
        .label_style(font(11.0, d))
        .light_line_style(WHITE)
        .bold_line_style(SOFT.mix(0.35))
        .axis_style(SOFT)
        .draw();
    // Best at the top: row i spans n-1-i .. n-i.
    let y = |i: usize| (n - 1 - i) as f64;
    let name_style = font(12.0, d).pos(Pos::new(HPos::Right, VPos::Center));
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
            name_style.clone().color(&INK)
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
            INK.stroke_width(px(1.5, d) as u32),
        ));
        let (ax, ay) = chart.backend_coord(&(avg, n as f64));
        let _ = root.draw(&Text::new(
            format!("{} {}", Msg::AverageOfUnits.text(lang), fmt(&avg)),
            (ax, ay - px(4.0, d)),
            font(11.0, d).pos(Pos::new(HPos::Center, VPos::Bottom)),
        ));
    }
    let _ = root.present();
    boxes
}
