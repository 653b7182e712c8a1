use crate::browser;
use leptos::ev::{KeyboardEvent, PointerEvent, WheelEvent};
use leptos::html;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use tien_do_core::boundaries::{
    anchor, archipelago_ring, neighbour, Direction, MapLayout, Part, Region,
};
use tien_do_core::charts::tooltip_css;
use tien_do_core::choropleth::MapData;
use tien_do_core::zoom::{MapZoom, ZoomChange};
use tien_do_core::{Lang, Msg};
use wasm_bindgen::JsCast;
use web_sys::{CanvasPattern, CanvasRenderingContext2d, CanvasWindingRule, HtmlCanvasElement};

/// Pointer travel (CSS pixels) beyond which a press is a drag, not a click.
const DRAG_THRESHOLD: f64 = 6.0;
/// Zoom factor of one button press or key press.
const STEP: f64 = 1.5;
/// Pan of one Shift + arrow key press, in CSS pixels.
const PAN_STEP: f64 = 80.0;

/// The pointers down on the map and what they have done since the first
/// went down: plain state of the gesture, not shown, so not a signal.
#[derive(Default)]
struct Gesture {
    /// Pointer id and its last position.
    pointers: Vec<(i32, f64, f64)>,
    /// Distance travelled since the first pointer went down.
    travelled: f64,
    /// The gesture is by touch or pen (tap shows, second tap opens).
    touch: bool,
    /// More than one finger took part in the gesture (a pinch, not a tap).
    multi: bool,
    /// The tap was handled when the finger lifted: the click the browser
    /// may send after it must not act again.
    tapped: bool,
    /// Commits the zoom when the wheel has been still for a moment.
    wheel_timer: Option<TimeoutHandle>,
    /// Hides the "hold Ctrl to zoom" hint.
    hint_timer: Option<TimeoutHandle>,
}

/// A choropleth map on a canvas: each unit coloured by its class, a hatch
/// for "not published", Hoàng Sa and Trường Sa in an inset. Hover or tap
/// shows a tooltip; click (or a second tap) or Enter opens the unit; arrow
/// keys move between neighbours. Zoom by wheel (with Ctrl, or once zoomed),
/// pinch, buttons or + and − keys; pan by dragging or Shift + arrows. Crisp
/// at any devicePixelRatio. The country is drawn once per data, size and
/// zoom into an offscreen canvas; hover only copies it and outlines one unit.
#[component]
pub fn ChoroplethMap(
    /// The decoded boundaries of the period's unit set.
    regions: Arc<Vec<Region>>,
    /// Values, ranks and classes to draw.
    map: Signal<Option<Arc<MapData>>>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The selected unit's code, outlined.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// Called with a unit's code when it is opened.
    on_open: Callback<String>,
    /// The zoom the URL holds; `None`: the whole country.
    #[prop(into)]
    zoom: Signal<Option<MapZoom>>,
    /// Called with the zoom a gesture ended on, to keep it in the URL.
    on_zoom: Callback<Option<MapZoom>>,
    /// The id of the element that summarises the map in words, read by
    /// screen readers as the canvas's description.
    #[prop(into)]
    described_by: String,
    /// Borders drawn over the map as dashed lines (the provinces before the
    /// merger), if any.
    #[prop(into)]
    overlay: Signal<Option<Arc<Vec<Region>>>>,
    /// Called once, when the map has first been drawn (the page draws what
    /// is below the map after it, so the map comes first).
    #[prop(optional)]
    on_first_draw: Option<Callback<()>>,
) -> impl IntoView {
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let wrap_ref = NodeRef::<html::Div>::new();
    let width = browser::tracked_width(wrap_ref);
    let height = Memo::new(move |_| (width.get() * 1.45).clamp(320.0, 900.0));

    // The zoom shown: the URL's, or the one a gesture in progress is at
    // (written to the URL when the gesture ends).
    let live = RwSignal::new(None::<Option<MapZoom>>);
    let shown = Memo::new(move |_| live.get().unwrap_or_else(|| zoom.get()));
    let layout = {
        let regions = Arc::clone(&regions);
        Memo::new(move |_| {
            let w = width.get();
            (w > 0.0)
                .then(|| MapLayout::new(&regions, w, height.get(), shown.get()))
                .flatten()
        })
    };
    let hover = RwSignal::new(None::<usize>);
    let focus = RwSignal::new(None::<usize>);
    let pointer = RwSignal::new((0.0_f64, 0.0_f64));
    let hint = RwSignal::new(false);
    let gesture = StoredValue::new_local(Gesture::default());

    let change = move |changes: &[ZoomChange]| {
        let Some(l) = layout.get_untracked() else {
            return;
        };
        let next = changes
            .iter()
            .fold(shown.get_untracked(), |z, &c| l.fitted.apply(z, c));
        if next != shown.get_untracked() {
            live.set(Some(next));
        }
    };
    let commit = move || {
        if let Some(z) = live.get_untracked() {
            on_zoom.run(z);
            live.set(None);
        }
    };
    let step = move |changes: &[ZoomChange]| {
        change(changes);
        commit();
    };
    let centre = move |factor: f64| ZoomChange::By {
        factor,
        x: width.get_untracked() / 2.0,
        y: height.get_untracked() / 2.0,
    };

    // Set once the map has been drawn (tests and benchmarks wait for it).
    let drawn = RwSignal::new(false);
    {
        let regions = Arc::clone(&regions);
        let mut base = BaseLayer::default();
        Effect::new(move |_| {
            let (Some(canvas), Some(layout)) = (canvas_ref.get(), layout.get()) else {
                return;
            };
            let highlight = hover.get().or(focus.get());
            let selected = selected.get();
            let size = (width.get(), height.get());
            let overlay = overlay.get();
            map.with(|m| {
                base.draw(
                    &canvas,
                    (&regions, overlay.as_ref()),
                    &layout,
                    m.as_ref(),
                    size,
                    (highlight, selected.as_deref()),
                )
            });
            if !drawn.get_untracked() {
                drawn.set(true);
                if let Some(f) = on_first_draw {
                    f.run(());
                }
            }
        });
    }

    let locate = {
        let regions = Arc::clone(&regions);
        move |x: f64, y: f64| layout.get_untracked()?.locate(&regions, x, y)
    };
    let local = move |ev: &web_sys::MouseEvent| -> (f64, f64) {
        canvas_ref.get_untracked().map_or((0.0, 0.0), |c| {
            let rect = c.get_bounding_client_rect();
            (
                f64::from(ev.client_x()) - rect.left(),
                f64::from(ev.client_y()) - rect.top(),
            )
        })
    };

    let on_pointer_down = move |ev: PointerEvent| {
        let touch = ev.pointer_type() != "mouse";
        if !touch && ev.button() != 0 {
            return;
        }
        let (x, y) = local(&ev);
        gesture.update_value(|g| {
            // A primary pointer starts a new gesture: anything left of the
            // last one (a finger whose pointerup never came, after a pinch)
            // must not count its travel against this press, or a tap
            // after a pinch would be taken for a drag and ignored.
            if ev.is_primary() {
                g.pointers.clear();
            }
            if g.pointers.is_empty() {
                g.travelled = 0.0;
                g.multi = false;
                g.tapped = false;
            }
            g.touch = touch;
            g.pointers.retain(|p| p.0 != ev.pointer_id());
            g.pointers.push((ev.pointer_id(), x, y));
            g.multi |= g.pointers.len() > 1;
        });
        if let Some(c) = canvas_ref.get_untracked() {
            let _ = c.set_pointer_capture(ev.pointer_id());
        }
    };
    let on_pointer_move = {
        let locate = locate.clone();
        move |ev: PointerEvent| {
            let (x, y) = local(&ev);
            let id = ev.pointer_id();
            let moved = gesture.try_update_value(|g| {
                let k = g.pointers.iter().position(|p| p.0 == id)?;
                let (_, x0, y0) = g.pointers[k];
                g.pointers[k] = (id, x, y);
                g.travelled += (x - x0).hypot(y - y0);
                let other = g.pointers.iter().find(|p| p.0 != id).copied();
                Some((x0, y0, other, g.pointers.len()))
            });
            match moved.flatten() {
                // Hovering: no button or finger down.
                None => {
                    if ev.pointer_type() == "mouse" {
                        pointer.set((x, y));
                        hover.set(locate(x, y));
                    }
                }
                // Two fingers: zoom by how far apart they moved, about their
                // midpoint, and follow the midpoint.
                Some((x0, y0, Some((_, ox, oy)), 2)) => {
                    let before = (x0 - ox).hypot(y0 - oy).max(1.0);
                    let after = (x - ox).hypot(y - oy).max(1.0);
                    let (mx, my) = ((x + ox) / 2.0, (y + oy) / 2.0);
                    change(&[
                        ZoomChange::By {
                            factor: after / before,
                            x: mx,
                            y: my,
                        },
                        ZoomChange::Pan {
                            dx: (x - x0) / 2.0,
                            dy: (y - y0) / 2.0,
                        },
                    ]);
                }
                // One finger or the mouse button: drag the zoomed map.
                Some((x0, y0, _, _)) => {
                    if gesture.with_value(|g| g.travelled > DRAG_THRESHOLD) {
                        hover.set(None);
                        change(&[ZoomChange::Pan {
                            dx: x - x0,
                            dy: y - y0,
                        }]);
                    }
                }
            }
        }
    };
    // A tap or click on unit `i` at (`x`, `y`): by touch, a first tap shows
    // the tooltip and a second opens; by mouse, a click opens.
    let activate = {
        let regions = Arc::clone(&regions);
        move |x: f64, y: f64, touch: bool| {
            let Some(i) = locate(x, y) else {
                hover.set(None);
                return;
            };
            if touch && hover.get_untracked() != Some(i) {
                pointer.set((x, y));
                hover.set(Some(i));
            } else {
                on_open.run(regions[i].code.clone());
            }
        }
    };
    let on_pointer_up = {
        let activate = activate.clone();
        move |ev: PointerEvent| {
            let (x, y) = local(&ev);
            let ended = gesture.try_update_value(|g| {
                g.pointers.retain(|p| p.0 != ev.pointer_id());
                let tap = g.pointers.is_empty()
                    && g.touch
                    && !g.multi
                    && g.travelled <= DRAG_THRESHOLD
                    && ev.type_() == "pointerup";
                g.tapped |= tap;
                (g.pointers.is_empty(), tap)
            });
            let Some((done, tap)) = ended else { return };
            if done {
                commit();
            }
            // Touch taps are handled here, not on the click the browser
            // may or may not send after them (after a pinch, under load,
            // Chrome sometimes sends none).
            if tap {
                activate(x, y, true);
            }
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let (travelled, touch, tapped) = gesture.with_value(|g| (g.travelled, g.touch, g.tapped));
        if travelled > DRAG_THRESHOLD || (touch && tapped) {
            return;
        }
        let (x, y) = local(&ev);
        activate(x, y, touch);
    };
    let on_wheel = move |ev: WheelEvent| {
        if !(ev.ctrl_key() || ev.meta_key() || shown.get_untracked().is_some()) {
            // Let the page scroll; say how to zoom.
            hint.set(true);
            let timer = set_timeout_with_handle(move || hint.set(false), Duration::from_secs(2));
            gesture.update_value(|g| {
                if let Some(t) = g.hint_timer.take() {
                    t.clear();
                }
                g.hint_timer = timer.ok();
            });
            return;
        }
        ev.prevent_default();
        hint.set(false);
        let unit = match ev.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let factor = (-ev.delta_y() * unit * 0.002).exp().clamp(0.5, 2.0);
        let (x, y) = local(&ev);
        change(&[ZoomChange::By { factor, x, y }]);
        let timer = set_timeout_with_handle(commit, Duration::from_millis(300));
        gesture.update_value(|g| {
            if let Some(t) = g.wheel_timer.take() {
                t.clear();
            }
            g.wheel_timer = timer.ok();
        });
    };
    let on_key = {
        let regions = Arc::clone(&regions);
        move |ev: KeyboardEvent| {
            let dir = match ev.key().as_str() {
                "ArrowUp" => Some(Direction::Up),
                "ArrowDown" => Some(Direction::Down),
                "ArrowLeft" => Some(Direction::Left),
                "ArrowRight" => Some(Direction::Right),
                "+" | "=" => {
                    ev.prevent_default();
                    step(&[centre(STEP)]);
                    None
                }
                "-" | "_" => {
                    ev.prevent_default();
                    step(&[centre(1.0 / STEP)]);
                    None
                }
                "0" => {
                    step(&[ZoomChange::Reset]);
                    None
                }
                "Enter" | " " => {
                    if let Some(i) = focus.get_untracked() {
                        ev.prevent_default();
                        on_open.run(regions[i].code.clone());
                    }
                    None
                }
                "Escape" => {
                    focus.set(None);
                    None
                }
                _ => None,
            };
            let Some(dir) = dir else { return };
            ev.prevent_default();
            if ev.shift_key() {
                let (dx, dy) = match dir {
                    Direction::Up => (0.0, PAN_STEP),
                    Direction::Down => (0.0, -PAN_STEP),
                    Direction::Left => (PAN_STEP, 0.0),
                    Direction::Right => (-PAN_STEP, 0.0),
                };
                step(&[ZoomChange::Pan { dx, dy }]);
                return;
            }
            let start = focus.get_untracked().or_else(|| {
                let code = selected.get_untracked().unwrap_or_else(|| "01".into());
                regions
                    .iter()
                    .position(|r| r.code == code && r.part == Part::Mainland)
            });
            let next = match start {
                Some(i) if focus.get_untracked().is_some() => {
                    neighbour(&regions, i, dir).or(Some(i))
                }
                Some(i) => Some(i),
                None => regions.iter().position(|r| r.part == Part::Mainland),
            };
            hover.set(None);
            focus.set(next);
            if let (Some(i), Some(l)) = (next, layout.get_untracked()) {
                let r = &regions[i];
                let (lon, lat) = anchor(r);
                pointer.set(l.projection_of(r).project(lon, lat));
            }
        }
    };

    let tooltip = {
        let regions = Arc::clone(&regions);
        move || {
            let i = hover.get().or(focus.get())?;
            let r = regions.get(i)?;
            let l = lang.get();
            let (x, y) = pointer.get();
            let touch = gesture.with_value(|g| g.touch);
            map.with(|m| {
                let m = m.as_ref()?;
                let row = m.row(&r.code)?;
                let value = match row.value {
                    Some(v) => format!(
                        "{} {}",
                        m.indicator.format_value(v, l),
                        m.indicator.unit.get(l)
                    ),
                    None => Msg::NotPublished.text(l).to_string(),
                };
                let rank = row.rank.map(|k| {
                    let n = m.rows.iter().filter(|r| r.value.is_some()).count();
                    format!("{} {k}/{n}", Msg::Rank.text(l))
                });
                let part = match r.part {
                    Part::HoangSa => Some(Msg::HoangSa.text(l)),
                    Part::TruongSa => Some(Msg::TruongSa.text(l)),
                    Part::Mainland => None,
                };
                let w = width.get_untracked();
                let style = tooltip_css(x, y + 12.0, w);
                Some(view! {
                    <div class="map-tooltip" style=style role="status">
                        <strong>{row.name.get(l).to_string()}</strong>
                        {part.map(|p| view! { <span class="tooltip-part">{p}</span> })}
                        <span class="tooltip-value">{value}</span>
                        {rank.map(|r| view! { <span class="tooltip-rank">{r}</span> })}
                        {row.lineage.describe(l).map(|t| view! { <span class="tooltip-lineage">{t}</span> })}
                        {touch.then(|| view! { <span class="tooltip-hint">{Msg::TapAgain.text(l)}</span> })}
                    </div>
                })
            })
        }
    };

    let zoomed = move || shown.get().is_some();
    view! {
        <div class="choropleth" node_ref=wrap_ref>
            <canvas
                node_ref=canvas_ref
                tabindex="0"
                role="img"
                aria-label=move || Msg::MapKeyboardHint.text(lang.get())
                aria-describedby=described_by
                data-drawn=move || drawn.get().then_some("1")
                class:zoomed=zoomed
                style=move || format!("width:{}px;height:{}px", width.get(), height.get())
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up.clone()
                on:pointercancel=on_pointer_up
                on:pointerleave=move |ev: PointerEvent| {
                    if ev.pointer_type() == "mouse" {
                        hover.set(None);
                    }
                }
                on:click=on_click
                on:wheel=on_wheel
                on:keydown=on_key
                on:blur=move |_| focus.set(None)
            ></canvas>
            <div class="map-zoom" role="group" aria-label=move || Msg::ZoomIn.text(lang.get())>
                <button
                    type="button"
                    title=move || Msg::ZoomIn.text(lang.get())
                    aria-label=move || Msg::ZoomIn.text(lang.get())
                    disabled=move || shown.get().is_some_and(|z| z.level() >= tien_do_core::zoom::MAX_LEVEL)
                    on:click=move |_| step(&[centre(STEP)])
                >"+"</button>
                <button
                    type="button"
                    title=move || Msg::ZoomOut.text(lang.get())
                    aria-label=move || Msg::ZoomOut.text(lang.get())
                    disabled=move || !zoomed()
                    on:click=move |_| step(&[centre(1.0 / STEP)])
                >"−"</button>
                <button
                    type="button"
                    class="map-zoom-reset"
                    title=move || Msg::ZoomReset.text(lang.get())
                    aria-label=move || Msg::ZoomReset.text(lang.get())
                    disabled=move || !zoomed()
                    on:click=move |_| step(&[ZoomChange::Reset])
                >"⤢"</button>
            </div>
            <p class="map-hint" class:shown=move || hint.get() aria-hidden="true">
                {move || Msg::ZoomHint.text(lang.get())}
            </p>
            {tooltip}
        </div>
    }
}

/// The country drawn once per data, size and zoom into an offscreen canvas,
/// so that a hover redraw only copies it and outlines one unit: the hover
/// cost does not grow with the number of units.
#[derive(Default)]
struct BaseLayer {
    canvas: Option<HtmlCanvasElement>,
    /// What the offscreen canvas shows now.
    drawn: Option<Drawn>,
    /// The "not published" hatch, made once.
    hatch: Option<CanvasPattern>,
}

impl BaseLayer {
    /// Draws the map on `canvas`: the base (redrawn only if the data, the
    /// layout or the backing size changed), then the selected and the
    /// highlighted unit outlined on top. Measured as `tien-do:map-base`
    /// and `tien-do:map-draw` for the benchmark.
    fn draw(
        &mut self,
        canvas: &HtmlCanvasElement,
        (regions, overlay): (&[Region], Option<&Arc<Vec<Region>>>),
        layout: &MapLayout,
        map: Option<&Arc<MapData>>,
        (w, h): (f64, f64),
        (highlight, selected): (Option<usize>, Option<&str>),
    ) {
        browser::measured("tien-do:map-draw", || {
            let dpr = web_sys::window()
                .map_or(1.0, |w| w.device_pixel_ratio())
                .max(1.0);
            let backing = ((w * dpr).round() as u32, (h * dpr).round() as u32);
            if canvas.width() != backing.0 || canvas.height() != backing.1 {
                canvas.set_width(backing.0);
                canvas.set_height(backing.1);
            }
            let Some(ctx) = context(canvas) else { return };
            let fresh = self
                .drawn
                .as_ref()
                .is_some_and(|d| d.shows(layout, map, overlay, backing));
            if !fresh {
                browser::measured("tien-do:map-base", || {
                    self.draw_base(
                        (regions, overlay.map(|o| o.as_slice())),
                        layout,
                        map.map(|m| &**m),
                        backing,
                        dpr,
                    )
                });
                self.drawn = Some(Drawn {
                    layout: layout.clone(),
                    map: map.cloned(),
                    overlay: overlay.cloned(),
                    backing,
                });
            }
            let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
            ctx.clear_rect(0.0, 0.0, f64::from(backing.0), f64::from(backing.1));
            if let Some(base) = &self.canvas {
                let _ = ctx.draw_image_with_html_canvas_element(base, 0.0, 0.0);
            }
            let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
            outline(&ctx, regions, layout, highlight, selected);
        });
        browser::mark_once("tien-do:first-map");
    }

    fn draw_base(
        &mut self,
        (regions, overlay): (&[Region], Option<&[Region]>),
        layout: &MapLayout,
        map: Option<&MapData>,
        (bw, bh): (u32, u32),
        dpr: f64,
    ) {
        if self.canvas.is_none() {
            self.canvas = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.create_element("canvas").ok())
                .and_then(|e| e.dyn_into().ok());
        }
        let Some(canvas) = &self.canvas else { return };
        if canvas.width() != bw || canvas.height() != bh {
            canvas.set_width(bw);
            canvas.set_height(bh);
        }
        let Some(ctx) = context(canvas) else { return };
        if self.hatch.is_none() {
            self.hatch = hatch_pattern(&ctx);
        }
        let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
        let (w, h) = (f64::from(bw) / dpr, f64::from(bh) / dpr);
        ctx.clear_rect(0.0, 0.0, w, h);
        draw_units(
            &ctx,
            (regions, overlay),
            layout,
            map,
            self.hatch.as_ref(),
            (w, h),
        );
    }
}

/// What a base layer was drawn from.
struct Drawn {
    layout: MapLayout,
    map: Option<Arc<MapData>>,
    overlay: Option<Arc<Vec<Region>>>,
    /// Backing store size in device pixels.
    backing: (u32, u32),
}

impl Drawn {
    fn shows(
        &self,
        layout: &MapLayout,
        map: Option<&Arc<MapData>>,
        overlay: Option<&Arc<Vec<Region>>>,
        backing: (u32, u32),
    ) -> bool {
        self.layout == *layout
            && self.backing == backing
            && same(self.map.as_ref(), map)
            && same(self.overlay.as_ref(), overlay)
    }
}

/// Both absent, or both the very same shared value.
fn same<T>(a: Option<&Arc<T>>, b: Option<&Arc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Fills every unit by its class (hatched where not published), draws the
/// borders of `overlay` dashed over them, then the inset box, and rings and
/// labels the archipelagos. Zoomed, the mainland
/// may run under the inset box, which stays on top.
fn draw_units(
    ctx: &CanvasRenderingContext2d,
    (regions, overlay): (&[Region], Option<&[Region]>),
    layout: &MapLayout,
    map: Option<&MapData>,
    hatch: Option<&CanvasPattern>,
    (w, h): (f64, f64),
) {
    let visible = |r: &Region| {
        let p = layout.projection_of(r);
        let (x0, y0) = p.project(r.bbox.min().x, r.bbox.max().y);
        let (x1, y1) = p.project(r.bbox.max().x, r.bbox.min().y);
        x1 >= 0.0 && x0 <= w && y1 >= 0.0 && y0 <= h
    };
    let fill = |r: &Region| {
        trace(ctx, layout, r);
        let value = map.and_then(|m| m.row(&r.code)).and_then(|row| row.value);
        match (value, map.and_then(|m| m.bins.as_ref())) {
            (Some(v), Some(bins)) => ctx.set_fill_style_str(bins.color_of(v)),
            _ => match hatch {
                Some(p) => ctx.set_fill_style_canvas_pattern(p),
                None => ctx.set_fill_style_str("#d9d9d9"),
            },
        }
        ctx.fill_with_canvas_winding_rule(CanvasWindingRule::Evenodd);
        if r.part == Part::Mainland {
            ctx.set_stroke_style_str("#ffffff");
            ctx.set_line_width(0.8);
        } else {
            // Tiny islands: a dark outline keeps them visible.
            ctx.set_stroke_style_str("#37474f");
            ctx.set_line_width(1.0);
        }
        ctx.stroke();
    };
    // Off-screen units are skipped: zoomed in on a commune layer, most are.
    regions
        .iter()
        .filter(|r| r.part == Part::Mainland && visible(r))
        .for_each(fill);
    if let Some(former) = overlay {
        draw_borders(ctx, former, layout);
    }
    if let Some((frame, _)) = &layout.inset {
        ctx.set_fill_style_str("#f3f6f9");
        ctx.fill_rect(frame.x, frame.y, frame.w, frame.h);
        ctx.set_stroke_style_str("#9aa5b1");
        ctx.set_line_width(1.0);
        ctx.stroke_rect(frame.x, frame.y, frame.w, frame.h);
    }
    regions
        .iter()
        .filter(|r| r.part != Part::Mainland)
        .for_each(fill);
    // Each archipelago ringed (its islands are specks at this scale) and
    // labelled inside the inset box.
    if let Some((frame, p)) = &layout.inset {
        ctx.set_font("12px system-ui, sans-serif");
        for r in regions.iter().filter(|r| r.part != Part::Mainland) {
            let Some((label, (cx, cy), radius)) = archipelago_ring(p, r) else {
                continue;
            };
            ctx.begin_path();
            let _ = ctx.ellipse(cx, cy, radius, radius, 0.0, 0.0, std::f64::consts::TAU);
            ctx.set_stroke_style_str("#607d8b");
            ctx.set_line_width(1.0);
            let _ = ctx.set_line_dash(&js_sys::Array::of2(&3.0.into(), &3.0.into()));
            ctx.stroke();
            let _ = ctx.set_line_dash(&js_sys::Array::new());
            let width = ctx.measure_text(label).map_or(60.0, |m| m.width());
            let tx = (cx - width / 2.0).clamp(
                frame.x + 4.0,
                (frame.x + frame.w - width - 4.0).max(frame.x + 4.0),
            );
            let ty = (cy + radius + 14.0).min(frame.y + frame.h - 6.0);
            ctx.set_fill_style_str("#263238");
            let _ = ctx.fill_text(label, tx, ty);
        }
    }
}

/// The borders of other units (the provinces before the merger) as dark
/// dashed lines over the filled map; their islands are left to the inset.
fn draw_borders(ctx: &CanvasRenderingContext2d, regions: &[Region], layout: &MapLayout) {
    let _ = ctx.set_line_dash(&js_sys::Array::of2(&4.0.into(), &3.0.into()));
    ctx.set_stroke_style_str("#263238");
    ctx.set_line_width(1.0);
    for r in regions.iter().filter(|r| r.part == Part::Mainland) {
        trace(ctx, layout, r);
        ctx.stroke();
    }
    let _ = ctx.set_line_dash(&js_sys::Array::new());
}

/// Outlines the selected unit (dark) and the highlighted one (orange).
fn outline(
    ctx: &CanvasRenderingContext2d,
    regions: &[Region],
    layout: &MapLayout,
    highlight: Option<usize>,
    selected: Option<&str>,
) {
    for (code, colour, width) in [
        (selected.map(str::to_string), "#111111", 2.5),
        (
            highlight
                .and_then(|i| regions.get(i))
                .map(|r| r.code.clone()),
            "#ff9800",
            3.0,
        ),
    ] {
        let Some(code) = code else { continue };
        for r in regions.iter().filter(|r| r.code == code) {
            trace(ctx, layout, r);
            ctx.set_stroke_style_str(colour);
            ctx.set_line_width(width);
            ctx.stroke();
        }
    }
}

/// Puts a region's outline in the current path.
fn trace(ctx: &CanvasRenderingContext2d, layout: &MapLayout, r: &Region) {
    let p = layout.projection_of(r);
    ctx.begin_path();
    for polygon in &r.shape.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            for (k, c) in ring.0.iter().enumerate() {
                let (x, y) = p.project(c.x, c.y);
                if k == 0 {
                    ctx.move_to(x, y);
                } else {
                    ctx.line_to(x, y);
                }
            }
            ctx.close_path();
        }
    }
}

/// Grey diagonal hatching: "not published", distinct from any class colour.
fn hatch_pattern(ctx: &CanvasRenderingContext2d) -> Option<CanvasPattern> {
    let doc = web_sys::window()?.document()?;
    let tile: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    tile.set_width(8);
    tile.set_height(8);
    let t: CanvasRenderingContext2d = tile.get_context("2d").ok()??.dyn_into().ok()?;
    t.set_fill_style_str("#eeeeee");
    t.fill_rect(0.0, 0.0, 8.0, 8.0);
    t.set_stroke_style_str("#9e9e9e");
    t.set_line_width(1.0);
    t.begin_path();
    t.move_to(0.0, 8.0);
    t.line_to(8.0, 0.0);
    t.stroke();
    ctx.create_pattern_with_html_canvas_element(&tile, "repeat")
        .ok()?
}
