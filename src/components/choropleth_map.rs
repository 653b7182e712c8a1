use crate::lean::map_widget::{MapEvents, MapSpec, MapWidget};
use leptos::html;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::boundaries::Region;
use tien_do_core::choropleth::MapData;
use tien_do_core::zoom::MapZoom;
use tien_do_core::Lang;

/// Hands one signal's value to the widget.
type Setter = Box<dyn Fn(&Rc<MapWidget>)>;

/// A choropleth map on a canvas: each unit coloured by its class, a hatch
/// for "not published", Hoàng Sa and Trường Sa in an inset, on the page's
/// palette (dark in a dark embed). Hover or tap shows a tooltip; click (or
/// a second tap) or Enter opens the unit; arrow keys move between
/// neighbours. Zoom by wheel (with Ctrl, or once zoomed), pinch, buttons or
/// + and − keys; pan by dragging or Shift + arrows. Crisp at any
/// devicePixelRatio. The map is the framework-free [`MapWidget`] (the
/// map's embed page draws the same): this component hands it what the
/// signals say, and its gestures back as callbacks.
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
    /// Called once, when the map has first been shown (the page draws
    /// what is below the map after it, so the map comes first).
    #[prop(optional)]
    on_first_draw: Option<Callback<()>>,
) -> impl IntoView {
    let dark = crate::theme::dark();
    let widget = SendWrapper::new(MapWidget::new(
        MapSpec {
            regions,
            overlay: overlay.get_untracked(),
            map: map.get_untracked(),
            lang: lang.get_untracked(),
            dark: dark.get_untracked(),
            selected: selected.get_untracked(),
            zoom: zoom.get_untracked(),
            described_by,
        },
        MapEvents {
            open: Box::new(move |code| on_open.run(code)),
            zoom: Box::new(move |z| on_zoom.run(z)),
            // A task after the first frame: the page may be gone by then
            // (left, or drawn anew for new data), its callback with it.
            drawn: Box::new(move || {
                if let Some(f) = on_first_draw {
                    let _ = f.try_run(());
                }
            }),
        },
    ));
    let host = NodeRef::<html::Div>::new();
    {
        let w = SendWrapper::clone(&widget);
        Effect::new(move |_| {
            if let Some(h) = host.get() {
                let _ = h.append_child(w.element());
            }
        });
    }
    // Each signal handed to the widget as it changes (the widget does
    // nothing where the value is the one it has).
    let each = |set: Setter| {
        let (w, set) = (SendWrapper::clone(&widget), SendWrapper::new(set));
        Effect::new(move |_| set(&w));
    };
    each(Box::new(move |w| w.set_map(map.get())));
    each(Box::new(move |w| w.set_lang(lang.get())));
    each(Box::new(move |w| w.set_selected(selected.get())));
    each(Box::new(move |w| w.set_zoom(zoom.get())));
    each(Box::new(move |w| w.set_overlay(overlay.get())));
    each(Box::new(move |w| w.set_dark(dark.get())));
    on_cleanup(move || widget.dispose());
    view! { <div class="map-host" node_ref=host></div> }
}
