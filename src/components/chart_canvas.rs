use crate::browser;
use crate::lean::chart_canvas::paint_on;
use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html;
use leptos::prelude::*;
use tien_do_core::charts::{chart_key, tooltip_css};
use tien_do_core::figures::{Chart, HitBox, Palette};
use tien_do_core::Lang;

/// A canvas chart: sized to its container's width (the height follows from
/// it), crisp at any devicePixelRatio, redrawn when the width changes.
/// Hover, or focus and the arrow keys, show the tooltip of the part under
/// the pointer; the parts are the boxes the draw function returns, placed
/// with plotters' own coordinate mapping.
#[component]
pub fn ChartCanvas(
    /// What to draw.
    chart: Chart,
    /// The language of its labels.
    lang: Lang,
    /// What the drawing shows, for screen readers (the table beside it has
    /// the numbers).
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let wrap = NodeRef::<html::Div>::new();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let width = browser::tracked_width(wrap);
    let dark = crate::theme::dark();
    let c = chart.clone();
    let h = Memo::new(move |_| c.height(width.get()));
    let boxes = StoredValue::new_local(Vec::<HitBox>::new());
    let active = RwSignal::new(None::<usize>);
    let drawn = RwSignal::new(false);

    Effect::new(move |_| {
        let (w, h, pal) = (width.get(), h.get(), Palette::of(dark.get()));
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
            paint_on(&canvas, |root| chart.paint(root, dpr, &pal, lang))
        });
        boxes.set_value(parts);
        active.set(None);
        drawn.set(true);
        if browser::mark_once("tien-do:first-chart") {
            browser::after_shown(browser::figure_shown);
        }
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
        let Some(next) = chart_key(&ev.key(), active.get_untracked(), n) else {
            return;
        };
        if next.is_some() {
            ev.prevent_default();
        }
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
