use crate::components::{EmbedInfo, FigureTools};
use crate::lean::map_view::{full_table, map_image, shown_table};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::boundaries::Region;
use tien_do_core::choropleth::MapData;
use tien_do_core::figure::{embed_state, first_height, Figure};
use tien_do_core::figures;
use tien_do_core::{Lang, ProgressData, UrlState};

/// The map's downloads (the image as shown: zoom, selected unit, former
/// borders; the table of what is shown; the full series) and its embed
/// codes, which follow the view without remaking the tools.
#[component]
pub fn MapTools(
    /// The loaded data: its date, and the full series.
    data: Arc<ProgressData>,
    /// The map shown.
    map: Signal<Option<Arc<MapData>>>,
    /// The map's title.
    title: Signal<String>,
    /// The boundaries drawn, once loaded.
    regions: Signal<Option<Arc<Vec<Region>>>>,
    /// The former borders drawn over them, if shown.
    overlay: Signal<Option<Arc<Vec<Region>>>>,
    /// The current view: the zoom and the selected unit.
    state: Signal<UrlState>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// Whether to offer embed codes (not inside an embed).
    embeddable: bool,
) -> impl IntoView {
    let embed_view =
        Signal::derive(move || state.with(|s| embed_state(s, Figure::Map, lang.get())));
    move || {
        let l = lang.get();
        let m = map.get()?;
        let title = title.get();
        let as_of = data.as_of.clone();
        let image = {
            let (m, title, as_of) = (Arc::clone(&m), title.clone(), as_of.clone());
            Callback::new(move |()| {
                let regions = regions.get_untracked()?;
                let overlay = overlay.get_untracked();
                state.with_untracked(|s| {
                    map_image(&m, (&regions, overlay.as_deref()), s, (&title, &as_of), l)
                })
            })
        };
        let shown = {
            let (m, title, as_of) = (Arc::clone(&m), title.clone(), as_of.clone());
            Callback::new(move |()| shown_table(&m, &title, &as_of, l))
        };
        let full = {
            let (title, d) = (title.clone(), Arc::clone(&data));
            Callback::new(move |()| full_table(&d, &m, &title, l))
        };
        let embed = embeddable.then(|| EmbedInfo {
            state: embed_view,
            as_of,
            height: first_height(figures::map::height(figures::map::IMAGE_WIDTH)),
        });
        Some(view! { <FigureTools title image shown full embed lang=l /> })
    }
}
