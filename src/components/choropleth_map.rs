use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::boundaries::{neighbour, Direction, MapLayout, Part, Region};
use tien_do_core::choropleth::MapData;
use tien_do_core::{Lang, Msg};
use wasm_bindgen::JsCast;
use web_sys::{CanvasPattern, CanvasRenderingContext2d, CanvasWindingRule, HtmlCanvasElement};

/// A choropleth map on a canvas: each unit coloured by its class, a hatch
/// for "not published", Hoàng Sa and Trường Sa in an inset. Hover or tap
/// shows a tooltip; click or Enter opens the unit; arrow keys move between
/// neighbours. Crisp at any devicePixelRatio; redraws when the data, the
/// size or the highlight change.
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
) -> impl IntoView {
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let wrap_ref = NodeRef::<html::Div>::new();
    let width = RwSignal::new(0.0_f64);
    let measure = move || {
        if let Some(w) = wrap_ref.get_untracked() {
            width.set(f64::from(w.client_width()));
        }
    };
    // Measuring the DOM is the one thing that must write a signal. The
    // wrapper may be created before it is attached (inside a Transition):
    // measure on the next frames until it has a width.
    fn measure_when_attached(wrap: NodeRef<html::Div>, width: RwSignal<f64>, tries: u32) {
        request_animation_frame(move || {
            let w = wrap.get_untracked().map_or(0, |w| w.client_width());
            if w > 0 {
                width.set(f64::from(w));
            } else if tries > 0 {
                measure_when_attached(wrap, width, tries - 1);
            }
        });
    }
    Effect::new(move |_| {
        if wrap_ref.get().is_some() {
            measure_when_attached(wrap_ref, width, 120);
        }
    });
    let _ = window_event_listener(leptos::ev::resize, move |_| measure());
    let height = Memo::new(move |_| (width.get() * 1.45).clamp(320.0, 900.0));
    let layout = {
        let regions = Arc::clone(&regions);
        Memo::new(move |_| {
            let w = width.get();
            (w > 0.0)
                .then(|| MapLayout::new(&regions, w, height.get()))
                .flatten()
        })
    };
    let hover = RwSignal::new(None::<usize>);
    let focus = RwSignal::new(None::<usize>);
    let pointer = RwSignal::new((0.0_f64, 0.0_f64));

    {
        let regions = Arc::clone(&regions);
        // Made on the first draw and kept: redraws follow every hover.
        let mut hatch: Option<CanvasPattern> = None;
        Effect::new(move |_| {
            let (Some(canvas), Some(layout)) = (canvas_ref.get(), layout.get()) else {
                return;
            };
            let highlight = hover.get().or(focus.get());
            let selected = selected.get();
            map.with(|m| {
                draw(
                    &canvas,
                    &regions,
                    &layout,
                    m.as_deref(),
                    (width.get(), height.get()),
                    (highlight, selected.as_deref()),
                    &mut hatch,
                )
            });
        });
    }

    let locate = {
        let regions = Arc::clone(&regions);
        move |ev: &MouseEvent| -> Option<usize> {
            let canvas = canvas_ref.get_untracked()?;
            let rect = canvas.get_bounding_client_rect();
            let (x, y) = (
                f64::from(ev.client_x()) - rect.left(),
                f64::from(ev.client_y()) - rect.top(),
            );
            pointer.set((x, y));
            layout.get_untracked()?.locate(&regions, x, y)
        }
    };
    let on_move = {
        let locate = locate.clone();
        move |ev: MouseEvent| hover.set(locate(&ev))
    };
    let on_click = {
        let regions = Arc::clone(&regions);
        move |ev: MouseEvent| {
            if let Some(i) = locate(&ev) {
                on_open.run(regions[i].code.clone());
            }
        }
    };
    let on_key = {
        let regions = Arc::clone(&regions);
        move |ev: KeyboardEvent| {
            let dir = match ev.key().as_str() {
                "ArrowUp" => Some(Direction::Up),
                "ArrowDown" => Some(Direction::Down),
                "ArrowLeft" => Some(Direction::Left),
                "ArrowRight" => Some(Direction::Right),
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
            if let Some(dir) = dir {
                ev.prevent_default();
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
                    let (lon, lat) = tien_do_core::boundaries::anchor(r);
                    pointer.set(l.projection_of(r).project(lon, lat));
                }
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
                let flip = x > width.get_untracked() * 0.6;
                let style = if flip {
                    format!(
                        "right:{:.0}px;top:{:.0}px",
                        width.get_untracked() - x + 12.0,
                        y + 12.0
                    )
                } else {
                    format!("left:{:.0}px;top:{:.0}px", x + 12.0, y + 12.0)
                };
                Some(view! {
                    <div class="map-tooltip" style=style role="status">
                        <strong>{row.name.get(l).to_string()}</strong>
                        {part.map(|p| view! { <span class="tooltip-part">{p}</span> })}
                        <span class="tooltip-value">{value}</span>
                        {rank.map(|r| view! { <span class="tooltip-rank">{r}</span> })}
                    </div>
                })
            })
        }
    };

    view! {
        <div class="choropleth" node_ref=wrap_ref>
            <canvas
                node_ref=canvas_ref
                tabindex="0"
                role="img"
                aria-label=move || Msg::MapKeyboardHint.text(lang.get())
                style=move || format!("width:{}px;height:{}px", width.get(), height.get())
                on:mousemove=on_move
                on:mouseleave=move |_| hover.set(None)
                on:click=on_click
                on:keydown=on_key
                on:blur=move |_| focus.set(None)
            ></canvas>
            {tooltip}
        </div>
    }
}

/// Draws the whole map: backing store sized for devicePixelRatio, units
/// filled by class (hatched where not published, with the pattern made once
/// and kept in `hatch`), the inset box, the highlighted and the selected
/// unit outlined on top.
fn draw(
    canvas: &HtmlCanvasElement,
    regions: &[Region],
    layout: &MapLayout,
    map: Option<&MapData>,
    (w, h): (f64, f64),
    (highlight, selected): (Option<usize>, Option<&str>),
    hatch: &mut Option<CanvasPattern>,
) {
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let (bw, bh) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if canvas.width() != bw || canvas.height() != bh {
        canvas.set_width(bw);
        canvas.set_height(bh);
    }
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, w, h);
    if hatch.is_none() {
        *hatch = hatch_pattern(&ctx);
    }

    if let Some((frame, _)) = &layout.inset {
        ctx.set_fill_style_str("#f3f6f9");
        ctx.fill_rect(frame.x, frame.y, frame.w, frame.h);
        ctx.set_stroke_style_str("#9aa5b1");
        ctx.set_line_width(1.0);
        ctx.stroke_rect(frame.x, frame.y, frame.w, frame.h);
    }
    for r in regions {
        trace(&ctx, layout, r);
        let value = map.and_then(|m| m.row(&r.code)).and_then(|row| row.value);
        match (value, map.and_then(|m| m.bins.as_ref())) {
            (Some(v), Some(bins)) => ctx.set_fill_style_str(bins.color_of(v)),
            _ => match hatch.as_ref() {
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
    }
    // Each archipelago ringed (its islands are specks at this scale) and
    // labelled inside the inset box.
    if let Some((frame, p)) = &layout.inset {
        ctx.set_font("12px system-ui, sans-serif");
        for r in regions.iter().filter(|r| r.part != Part::Mainland) {
            // Proper names, the same in both languages.
            let label = match r.part {
                Part::HoangSa => "Hoàng Sa",
                Part::TruongSa => "Trường Sa",
                Part::Mainland => continue,
            };
            let (x0, y0) = p.project(r.bbox.min().x, r.bbox.max().y);
            let (x1, y1) = p.project(r.bbox.max().x, r.bbox.min().y);
            let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
            let radius = ((x1 - x0).hypot(y1 - y0) / 2.0 + 4.0).max(10.0);
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
            trace(&ctx, layout, r);
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
