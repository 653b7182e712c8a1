use crate::browser;
use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html;
use leptos::prelude::*;
use tien_do_core::charts::tooltip_css;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

/// A part of a chart that answers hover and keyboard focus: its box in CSS
/// pixels and the lines of its tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct HitBox {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub lines: Vec<String>,
}

impl HitBox {
    /// A box from two corners in device pixels (as plotters'
    /// `backend_coord` gives them), scaled to CSS pixels.
    pub fn from_device(a: (i32, i32), b: (i32, i32), dpr: f64, lines: Vec<String>) -> HitBox {
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        HitBox {
            x0: f64::from(x0) / dpr,
            y0: f64::from(y0) / dpr,
            x1: f64::from(x1) / dpr,
            y1: f64::from(y1) / dpr,
            lines,
        }
    }

    fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
}

/// What a chart draws on: the canvas with its backing store sized for the
/// screen (device pixels = CSS pixels x `dpr`).
pub struct Surface {
    pub canvas: HtmlCanvasElement,
    pub dpr: f64,
}

/// A canvas chart: sized to its container's width (the height follows from
/// it), crisp at any devicePixelRatio, redrawn when the width changes.
/// Hover, or focus and the arrow keys, show the tooltip of the part under
/// the pointer; the parts are the boxes the draw function returns, placed
/// with plotters' own coordinate mapping.
#[component]
pub fn ChartCanvas(
    /// Draws the chart and returns the parts that answer hover.
    draw: Callback<Surface, Vec<HitBox>>,
    /// The height in CSS pixels for a width in CSS pixels.
    height: Callback<f64, f64>,
    /// What the drawing shows, for screen readers (the table beside it has
    /// the numbers).
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let wrap = NodeRef::<html::Div>::new();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let width = browser::tracked_width(wrap);
    let h = Memo::new(move |_| height.run(width.get()));
    let boxes = StoredValue::new_local(Vec::<HitBox>::new());
    let active = RwSignal::new(None::<usize>);
    let drawn = RwSignal::new(false);

    Effect::new(move |_| {
        let (w, h) = (width.get(), h.get());
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        if w <= 0.0 {
            return;
        }
        let dpr = web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .max(1.0);
        canvas.set_width((w * dpr).round() as u32);
        canvas.set_height((h * dpr).round() as u32);
        let parts = browser::measured("tien-do:chart-draw", || {
            draw.run(Surface {
                canvas: canvas.clone().unchecked_into(),
                dpr,
            })
        });
        boxes.set_value(parts);
        active.set(None);
        drawn.set(true);
        browser::mark_once("tien-do:first-chart");
    });

    let local = move |ev: &MouseEvent| -> Option<(f64, f64)> {
        let rect = canvas_ref.get_untracked()?.get_bounding_client_rect();
        Some((
            f64::from(ev.client_x()) - rect.left(),
            f64::from(ev.client_y()) - rect.top(),
        ))
    };
    let on_move = move |ev: MouseEvent| {
        let found = local(&ev)
            .and_then(|(x, y)| boxes.with_value(|b| b.iter().position(|b| b.contains(x, y))));
        if found != active.get_untracked() {
            active.set(found);
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        let n = boxes.with_value(Vec::len);
        if n == 0 {
            return;
        }
        let next = match (ev.key().as_str(), active.get_untracked()) {
            ("ArrowRight" | "ArrowDown", None) => Some(0),
            ("ArrowLeft" | "ArrowUp", None) => Some(n - 1),
            ("ArrowRight" | "ArrowDown", Some(i)) => Some((i + 1).min(n - 1)),
            ("ArrowLeft" | "ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
            ("Home", _) => Some(0),
            ("End", _) => Some(n - 1),
            ("Escape", _) => {
                active.set(None);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        active.set(next);
    };
    // What the tooltip says, in one lasting live region, so screen readers
    // announce each part as the arrow keys reach it.
    let spoken = move || {
        active
            .get()
            .and_then(|i| boxes.with_value(|b| b.get(i).map(|b| b.lines.join(". "))))
            .unwrap_or_default()
    };
    let tooltip = move || {
        let i = active.get()?;
        let b = boxes.with_value(|b| b.get(i).cloned())?;
        let w = width.get_untracked();
        let (cx, top) = ((b.x0 + b.x1) / 2.0, b.y1 + 6.0);
        let style = tooltip_css(cx, top, w);
        let mut lines = b.lines.into_iter();
        let head = lines.next().unwrap_or_default();
        Some(view! {
            <div class="chart-tooltip" style=style aria-hidden="true">
                <strong>{head}</strong>
                {lines.map(|l| view! { <span>{l}</span> }).collect_view()}
            </div>
        })
    };
    view! {
        <div class="chart-canvas" node_ref=wrap>
            <canvas
                node_ref=canvas_ref
                tabindex="0"
                role="img"
                aria-label=label
                data-drawn=move || drawn.get().then_some("1")
                style=move || format!("width:{}px;height:{}px", width.get(), h.get())
                on:mousemove=on_move
                on:mouseleave=move |_| active.set(None)
                on:keydown=on_key
                on:blur=move |_| active.set(None)
            ></canvas>
            {tooltip}
            <p class="visually-hidden" aria-live="polite">{spoken}</p>
        </div>
    }
}

/// Cuts `text` to what fits in `width` device pixels at about `char_w`
/// device pixels a character, ending in "…" when cut.
pub fn fit(text: &str, width: f64, char_w: f64) -> String {
    let max = (width / char_w).floor().max(4.0) as usize;
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max - 1).collect();
    s.push('…');
    s
}

/// Text for plotters at `size` CSS pixels on a surface of `dpr`.
pub fn font(size: f64, dpr: f64) -> plotters::style::TextStyle<'static> {
    use plotters::style::IntoFont;
    ("sans-serif", size * dpr).into_font().color(&INK)
}

/// CSS pixels to device pixels.
pub fn px(css: f64, dpr: f64) -> i32 {
    (css * dpr).round() as i32
}

/// The ink of labels and axes.
pub const INK: plotters::style::RGBColor = plotters::style::RGBColor(0x1b, 0x1f, 0x24);
/// Soft ink: grid lines, secondary marks.
pub const SOFT: plotters::style::RGBColor = plotters::style::RGBColor(0x9a, 0xa5, 0xb1);
/// The main series (ColorBrewer Blues, dark).
pub const BLUE: plotters::style::RGBColor = plotters::style::RGBColor(0x21, 0x71, 0xb5);
/// Light blue: other units.
pub const LIGHT_BLUE: plotters::style::RGBColor = plotters::style::RGBColor(0x9e, 0xca, 0xe1);
/// The selected unit (Okabe–Ito orange, distinct for colour-blind readers).
pub const HIGHLIGHT: plotters::style::RGBColor = plotters::style::RGBColor(0xe6, 0x9f, 0x00);
/// Tasks completed (Okabe–Ito bluish green).
pub const DONE: plotters::style::RGBColor = plotters::style::RGBColor(0x00, 0x9e, 0x73);
/// Tasks in progress (Okabe–Ito blue).
pub const DOING: plotters::style::RGBColor = plotters::style::RGBColor(0x00, 0x72, 0xb2);
/// Tasks overdue (Okabe–Ito vermilion).
pub const LATE: plotters::style::RGBColor = plotters::style::RGBColor(0xd5, 0x5e, 0x00);
