//! A map's state, as signals: what the map page, the overview's headline
//! map, the embedded map and a province's communes all draw from; and the
//! addresses of boundary files.

use super::map_area::Boundaries;
use crate::fetch::load_boundaries_ahead;
use crate::lean::map_view::{communes_of, file_of, former_file_of, map_title, unit_set_of};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::boundaries::Region;
use tien_do_core::choropleth::{chosen_view, commune_map, map_data, MapData};
use tien_do_core::{Lang, ProgressData, UrlState};

/// A map's state, shared by the map page, the overview's headline map and
/// the embedded map: the indicator and period chosen, the map's values,
/// its boundaries (and the former units' borders, when asked), its title.
/// Signals all, so it is `Copy`.
#[derive(Clone, Copy)]
pub struct MapView {
    /// The indicator and period shown: the URL's where they make sense.
    pub chosen: Memo<Option<(String, String)>>,
    /// Values, ranks and classes of the units.
    pub map: Signal<Option<Arc<MapData>>>,
    /// The address of the data file.
    pub data_url: Memo<String>,
    /// The address of the boundaries drawn.
    pub file: Memo<Option<String>>,
    /// The address of the former units' borders, if the set replaced any.
    pub former_file: Memo<Option<String>>,
    /// The boundaries, loaded: what the map's own Transition waits for
    /// (`MapArea`); the rest of the page reads `regions`.
    pub boundaries: Boundaries,
    /// The boundaries once loaded (`None` until then, or if there are
    /// none or they failed), read outside any Suspense.
    pub regions: Memo<Option<Arc<Vec<Region>>>>,
    /// Whether the boundaries will not be drawn: there are none, or they
    /// failed.
    boundaries_settled: Memo<bool>,
    /// The borders drawn over the map, once loaded: over communes the
    /// provinces', else the former units' when the URL asks
    /// (`?former=1`).
    pub overlay: Memo<Option<Arc<Vec<Region>>>>,
    /// Whether those borders failed to load.
    pub former_failed: Memo<bool>,
    /// "Indicator · period".
    pub title: Signal<String>,
    /// Set once the map has first been drawn and the browser has shown it:
    /// what comes below it (the ranking) is drawn after, so that it does
    /// not hold back the frame that shows the map.
    pub drawn: RwSignal<bool>,
    /// At the communes' level: the province drilled into, if any; `None`
    /// at the provinces' level.
    pub communes: Memo<Option<Option<String>>>,
}

impl MapView {
    /// The map of the view `state` of `data`: the provinces of the period's
    /// unit set, or (`?level=commune`) the communes of 1 July 2025, the
    /// whole country's or (with `province`) one province's, with the
    /// provinces' borders over them.
    pub fn new(data: &Arc<ProgressData>, state: Signal<UrlState>, lang: Signal<Lang>) -> Self {
        // The URL's choice where it makes sense, else the defaults.
        let chosen = Memo::new({
            let d = Arc::clone(data);
            move |_| state.with(|s| chosen_view(&d, s.indicator.as_deref(), s.period.as_deref()))
        });
        let communes = Memo::new({
            let d = Arc::clone(data);
            move |_| chosen.with(|c| state.with(|s| communes_of(&d, c.as_ref(), s)))
        });
        let data_url = Memo::new(move |_| state.with(|s| s.data_url().to_string()));
        // The period's unit set (the communes': the built-in set).
        let unit_set = Memo::new({
            let d = Arc::clone(data);
            move |_| chosen.with(|c| unit_set_of(&d, c.as_ref()))
        });
        // The boundaries: the communes', the whole country's or one
        // province's; else the unit set's.
        let file = Memo::new({
            let d = Arc::clone(data);
            move |_| unit_set.with(|u| file_of(&d, &communes.get(), u.as_deref(), &data_url.get()))
        });
        let boundaries = load(Signal::derive(move || file.get()));
        // The files are read under an owner of their own, outside any
        // Suspense: a resource read inside one, even untracked, holds it
        // back until the resource loads. Read by the page, the map's
        // boundaries held the whole page (its heading, figures and
        // pickers) behind the app's Transition until they came; read by the
        // map, the borders over it held the map. Only the map's own
        // Transition waits for its boundaries (`MapArea`). (`Owner::new`'s
        // `with` puts the page's owner back after `new_root`, which makes
        // itself the current owner. Leptos is built without
        // `sandboxed-arenas`, under which a root's arena would be its own.)
        let free = Owner::new().with(|| Owner::new_root(None));
        let (regions, boundaries_settled) = free.with(|| {
            (
                Memo::new_with_compare(
                    move |_| boundaries.get().and_then(Result::ok).flatten(),
                    other_regions,
                ),
                Memo::new(move |_| boundaries.with(|b| matches!(b, Some(Err(_)) | Some(Ok(None))))),
            )
        });
        // The map: the data's values for the units; the communes' come
        // with their boundary file (names, kinds, provinces).
        let map: Memo<Option<Arc<MapData>>> = Memo::new({
            let d = Arc::clone(data);
            move |_| {
                let (i, p) = chosen.get()?;
                if communes.with(Option::is_some) {
                    let regions = regions.get()?;
                    return commune_map(&d, &i, &p, &regions).map(Arc::new);
                }
                map_data(&d, &i, &p).map(Arc::new)
            }
        });
        // Drawn over the map: over communes, the provinces' borders,
        // always; else, when the reader asks (`?former=1`), the borders of
        // the units the shown ones replaced (how the 63 became the 34).
        let former_file = Memo::new({
            let d = Arc::clone(data);
            move |_| {
                let communes = communes.with(Option::is_some);
                unit_set.with(|u| former_file_of(&d, communes, u.as_deref(), &data_url.get()))
            }
        });
        let show_former =
            Memo::new(move |_| communes.with(Option::is_some) || state.with(|s| s.former));
        // Both files asked for now, while the page around the map is
        // built; the loads below take them.
        for f in [
            file.get_untracked(),
            former_file
                .get_untracked()
                .filter(|_| show_former.get_untracked()),
        ]
        .into_iter()
        .flatten()
        {
            if !crate::fetch::decoding_ahead(&f) {
                crate::fetch::prefetch(&f);
            }
        }
        let former = load(Signal::derive(move || {
            former_file.get().filter(|_| show_former.get())
        }));
        // The borders over the map come when they come (read outside any
        // Suspense, as above).
        let (overlay, former_failed) = free.with(|| {
            (
                Memo::new_with_compare(
                    move |_| former.get().and_then(Result::ok).flatten(),
                    other_regions,
                ),
                Memo::new(move |_| former.with(|r| matches!(r, Some(Err(_))))),
            )
        });
        on_cleanup(move || free.cleanup());
        let title = Signal::derive(move || map.with(|m| map_title(m.as_deref(), lang.get())));
        MapView {
            chosen,
            map: map.into(),
            data_url,
            file,
            former_file,
            boundaries,
            regions,
            boundaries_settled,
            overlay,
            former_failed,
            title,
            drawn: RwSignal::new(false),
            communes,
        }
    }

    /// Whether the map is shown, or will not be (no boundaries, or they
    /// failed): what waits for the map may go ahead.
    pub fn settled(self) -> Signal<bool> {
        let (drawn, done) = (self.drawn, self.boundaries_settled);
        Signal::derive(move || drawn.get() || done.get())
    }
}

/// Whether the boundaries `new` are other than `old` (the same file
/// loaded is the same `Arc`; comparing every point would cost more than a
/// redraw).
fn other_regions(
    old: Option<&Option<Arc<Vec<Region>>>>,
    new: Option<&Option<Arc<Vec<Region>>>>,
) -> bool {
    match (old, new) {
        (Some(Some(a)), Some(Some(b))) => !Arc::ptr_eq(a, b),
        (Some(None), Some(None)) => false,
        _ => true,
    }
}

/// The boundaries at the address `file` gives, loaded whenever it changes.
fn load(file: Signal<Option<String>>) -> Boundaries {
    LocalResource::new(move || {
        let file = file.get();
        async move {
            match file {
                Some(f) => load_boundaries_ahead(f).await.map(Some),
                None => Ok(None),
            }
        }
    })
}

/// Changes the view `state` as `change` says, through `on_navigate`.
pub fn navigate(
    state: Signal<UrlState>,
    on_navigate: Callback<UrlState>,
    change: &dyn Fn(&mut UrlState),
) {
    let mut next = state.get_untracked();
    change(&mut next);
    on_navigate.run(next);
}
