use super::chart_canvas::{fit, font, px, BLUE, SOFT};
use super::{ChartCanvas, ChartFrame, HitBox, Surface};
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use std::sync::Arc;
use tien_do_core::charts::{distinct_sources, figure_text, TargetBar};
use tien_do_core::format::{format_date, format_number};
use tien_do_core::{Lang, Msg};

/// Progress towards targets: each national figure published with a total
/// or a target (58 of 75 essential services, 30 of 34 smart-city centres)
/// as a bar filled to its share, with the figure's label above it.
#[component]
pub fn TargetChart(
    /// The bars, in the order shown.
    bars: Arc<Vec<TargetBar>>,
    /// The chart's title.
    #[prop(into)]
    title: String,
    /// The language shown.
    lang: Lang,
) -> impl IntoView {
    let b = Arc::clone(&bars);
    let draw = Callback::new(move |s: Surface| draw(&s, &b, lang));
    let rows = bars.len() as f64;
    let height = Callback::new(move |w: f64| rows * if narrow(w) { 64.0 } else { 46.0 } + 8.0);
    let label = format!("{}: {title}", Msg::TargetChart.text(lang));
    let sources = distinct_sources(bars.iter().map(|x| x.source.as_ref()));
    let table = {
        let b = Arc::clone(&bars);
        move || {
            let rows =
                b.iter()
                    .map(|x| {
                        let meeting = x.meeting.as_ref().map(|m| {
                            format!("{} ({})", m.name.get(lang), format_date(&m.date, lang))
                        });
                        view! {
                            <tr>
                                <th scope="row">{x.figure.label.get(lang).to_string()}</th>
                                <td class="num">{figure_text(&x.figure, lang)}</td>
                                <td class="num">{format_number(x.share, 1, true, lang)}</td>
                                <td>{meeting}</td>
                            </tr>
                        }
                    })
                    .collect_view();
            view! {
                <table>
                    <thead><tr>
                        <th scope="col">{Msg::Figure.text(lang)}</th>
                        <th scope="col" class="num">{Msg::Value.text(lang)}</th>
                        <th scope="col" class="num">{Msg::Share.text(lang)}</th>
                        <th scope="col">{Msg::Meeting.text(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        }
    };
    view! {
        <ChartFrame title class="target-chart" sources as_of=None lang table=ViewFn::from(table)>
            <ChartCanvas draw height label />
        </ChartFrame>
    }
}

/// Below this width (CSS pixels) a figure's value goes under its label.
fn narrow(width: f64) -> bool {
    width < 560.0
}

fn draw(s: &Surface, bars: &[TargetBar], lang: Lang) -> Vec<HitBox> {
    let Some(backend) = CanvasBackend::with_canvas_object(s.canvas.clone()) else {
        return Vec::new();
    };
    let root = backend.into_drawing_area();
    let _ = root.fill(&WHITE);
    let d = s.dpr;
    let n = bars.len();
    if n == 0 {
        return Vec::new();
    }
    let Ok(chart) = ChartBuilder::on(&root)
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
        let stacked = narrow(f64::from(s.canvas.width()) / d);
        let value_w = value.chars().count() as f64 * 7.0 * d;
        let label_room = if stacked {
            room
        } else {
            room - value_w - 12.0 * d
        };
        let _ = root.draw(&Text::new(
            fit(b.figure.label.get(lang), label_room, 6.6 * d),
            (lx, ly),
            font(12.0, d).pos(Pos::new(HPos::Left, VPos::Top)),
        ));
        let (rx, vy) = chart.backend_coord(&(1.0, y + 0.7));
        let _ = root.draw(&Text::new(
            value,
            (rx, if stacked { vy } else { ly }),
            font(12.0, d).pos(Pos::new(HPos::Right, VPos::Top)),
        ));
        let (top, bottom) = if stacked { (0.38, 0.1) } else { (0.45, 0.12) };
        let track = [
            chart.backend_coord(&(0.0, y + top)),
            chart.backend_coord(&(1.0, y + bottom)),
        ];
        let _ = root.draw(&Rectangle::new(track, SOFT.mix(0.2).filled()));
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
