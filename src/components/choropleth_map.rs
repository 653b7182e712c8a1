use super::map_input::MapControl;
use super::{MapTooltip, MapZoomButtons};
use crate::browser;
use crate::lean::map_canvas::BaseLayer;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::boundaries::{MapLayout, Region};
use tien_do_core::choropleth::MapData;
use tien_do_core::figures::{self, Palette};
use tien_do_core::gesture::Input;
use tien_do_core::zoom::MapZoom;
use tien_do_core::{Lang, Msg};

/// A choropleth map on a canvas: each unit coloured by its class, a hatch
/// for "not published", Hoàng Sa and Trường Sa in an inset, on the page's
/// palette (dark in a dark embed). Hover or tap shows a tooltip; click (or
/// a second tap) or Enter opens the unit; arrow keys move between
/// neighbours. Zoom by wheel (with Ctrl, or once zoomed), pinch, buttons or
/// + and − keys; pan by dragging or Shift + arrows. Crisp at any
/// devicePixelRatio. What is drawn is `figures::map`'s description, what a
/// gesture means is `gesture`'s machine: this only wires them to the page.
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
    // Laid over the map: the selected and the highlighted unit's outlines.
    let over_ref = NodeRef::<html::Canvas>::new();
    let wrap_ref = NodeRef::<html::Div>::new();
    let width = browser::tracked_width(wrap_ref);
    let height = Memo::new(move |_| figures::map::height(width.get()));
    let dark = crate::theme::dark();
    let control = {
        let r = Arc::clone(&regions);
        let layout_at = move |zoom| {
            let w = width.get();
            (w > 0.0)
                .then(|| MapLayout::new(&r, w, height.get(), zoom))
                .flatten()
        };
        MapControl::new(
            Arc::clone(&regions),
            layout_at,
            (zoom, on_zoom),
            (selected, on_open),
            canvas_ref,
        )
    };
    let MapControl {
        hover,
        focus,
        pointer,
        hint,
        shown,
        ..
    } = control;

    // Set once the map has been drawn (tests and benchmarks wait for it).
    let drawn = RwSignal::new(false);
    {
        let regions = Arc::clone(&regions);
        let mut base = BaseLayer::default();
        Effect::new(move |_| {
            let (Some(canvas), Some(over), Some(layout)) =
                (canvas_ref.get(), over_ref.get(), control.layout().get())
            else {
                return;
            };
            let highlight = hover.get().or(focus.get());
            let (selected, overlay) = (selected.get(), overlay.get());
            let pal = Palette::of(dark.get());
            map.with(|m| {
                base.draw(
                    (&canvas, &over),
                    (&regions, overlay.as_ref()),
                    (&layout, &pal, lang.get()),
                    m.as_ref(),
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

    let on = move |ev: web_sys::Event| control.event(&ev);
    view! {
        <div class="choropleth" node_ref=wrap_ref>
            <canvas
                node_ref=canvas_ref
                tabindex="0"
                role="img"
                aria-label=move || Msg::MapKeyboardHint.text(lang.get())
                aria-describedby=described_by
                data-drawn=move || drawn.get().then_some("1")
                class:zoomed=move || shown.get().is_some()
                style=move || format!("width:{}px;height:{}px", width.get(), height.get())
                on:pointerdown=move |ev| on(ev.into())
                on:pointermove=move |ev| on(ev.into())
                on:pointerup=move |ev| on(ev.into())
                on:pointercancel=move |ev| on(ev.into())
                on:pointerleave=move |ev| on(ev.into())
                on:click=move |ev| on(ev.into())
                on:wheel=move |ev| on(ev.into())
                on:keydown=move |ev| on(ev.into())
                on:blur=move |ev| on(ev.into())
            ></canvas>
            <canvas
                node_ref=over_ref
                class="map-over"
                aria-hidden="true"
                style=move || format!("width:{}px;height:{}px", width.get(), height.get())
            ></canvas>
            <MapZoomButtons
                lang
                zoom=shown.into()
                on_press=Callback::new(move |b| control.input(Input::Button(b), None))
            />
            <p class="map-hint" class:shown=move || hint.get() aria-hidden="true">
                {move || Msg::ZoomHint.text(lang.get())}
            </p>
            <MapTooltip
                regions
                map
                lang
                unit=Signal::derive(move || hover.get().or(focus.get()))
                at=pointer.into()
                width=width.into()
                touch=Signal::derive(move || control.touch())
            />
        </div>
    }
}
