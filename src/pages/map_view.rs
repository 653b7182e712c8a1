//! A map's state, as signals: what the map page, the overview's headline
//! map, the embedded map and a province's communes all draw from; and the
//! addresses of boundary files.

use super::map_area::Boundaries;
use crate::browser;
use crate::fetch::load_boundaries;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::boundaries::{boundary_file, commune_file, PROVINCES_2025};
use tien_do_core::choropleth::{chosen_view, commune_map, former_unit_set, map_data, MapData};
use tien_do_core::data::UnitLevel;
use tien_do_core::{Lang, MapLevel, Msg, ProgressData, UrlState};

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
    /// The boundaries, loaded.
    pub boundaries: Boundaries,
    /// The former units' borders, loaded when the URL asks (`?former=1`).
    pub former: Boundaries,
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
        // The map: the data's values for the units; the communes' come
        // with their boundary file (names, kinds, provinces).
        let map: Memo<Option<Arc<MapData>>> = Memo::new({
            let d = Arc::clone(data);
            move |_| {
                let (i, p) = chosen.get()?;
                if communes.with(Option::is_some) {
                    let regions = boundaries.get()?.ok()??;
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
            crate::fetch::prefetch(&f);
        }
        let former = load(Signal::derive(move || {
            former_file.get().filter(|_| show_former.get())
        }));
        let title = Signal::derive(move || map.with(|m| map_title(m.as_deref(), lang.get())));
        MapView {
            chosen,
            map: map.into(),
            data_url,
            file,
            former_file,
            boundaries,
            former,
            title,
            drawn: RwSignal::new(false),
            communes,
        }
    }

    /// Whether the map is shown, or will not be (no boundaries, or they
    /// failed): what waits for the map may go ahead.
    pub fn settled(self) -> Signal<bool> {
        let (drawn, boundaries) = (self.drawn, self.boundaries);
        Signal::derive(move || {
            drawn.get() || boundaries.with(|b| matches!(b, Some(Err(_)) | Some(Ok(None))))
        })
    }
}

/// A map's title: "indicator · period", or "Map" before there is one.
pub fn map_title(m: Option<&MapData>, lang: Lang) -> String {
    m.map(|m| {
        format!(
            "{} · {}",
            m.indicator.name.get(lang),
            m.period.label.get(lang)
        )
    })
    .unwrap_or_else(|| Msg::NavMap.text(lang).to_string())
}

/// At the communes' level (asked for, or the period's units are the
/// built-in communes, whose boundaries the site ships): `Some` of the
/// province drilled into, if any; `None` at the provinces' level. A
/// publisher's own commune layer (with its boundary file) is drawn as any
/// unit set is. `chosen`: the indicator and period shown.
pub fn communes_of(
    d: &ProgressData,
    chosen: Option<&(String, String)>,
    s: &UrlState,
) -> Option<Option<String>> {
    let of_communes = chosen.is_some_and(|(_, p)| {
        d.periods.iter().any(|x| {
            x.id == *p
                && d.unit_sets.iter().any(|u| {
                    u.id == x.unit_set
                        && u.level == UnitLevel::Commune
                        && u.boundaries_link().is_none()
                })
        })
    });
    (s.level == MapLevel::Commune || of_communes).then(|| s.province.clone())
}

/// The unit set in force in the period `chosen` shows.
pub fn unit_set_of(d: &ProgressData, chosen: Option<&(String, String)>) -> Option<String> {
    let (_, p) = chosen?;
    d.periods
        .iter()
        .find(|x| x.id == *p)
        .map(|x| x.unit_set.clone())
}

/// The boundaries to draw: the communes' (`communes`, from
/// [`communes_of`]), the whole country's or one province's; else the unit
/// set's.
pub fn file_of(
    d: &ProgressData,
    communes: &Option<Option<String>>,
    unit_set: Option<&str>,
    data_url: &str,
) -> Option<String> {
    match communes {
        Some(province) => Some(commune_file(province.as_deref())),
        None => boundary_url(d, unit_set?, data_url),
    }
}

/// The borders that may be drawn over the map: over communes, the
/// provinces', always; else those of the units the shown ones replaced
/// (how the 63 became the 34), drawn when the reader asks.
pub fn former_file_of(
    d: &ProgressData,
    communes: bool,
    unit_set: Option<&str>,
    data_url: &str,
) -> Option<String> {
    if communes {
        return boundary_file(PROVINCES_2025).map(str::to_string);
    }
    boundary_url(d, former_unit_set(d, unit_set?)?, data_url)
}

/// The boundaries at the address `file` gives, loaded whenever it changes.
fn load(file: Signal<Option<String>>) -> Boundaries {
    LocalResource::new(move || {
        let file = file.get();
        async move {
            match file {
                Some(f) => load_boundaries(f).await.map(Some),
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

/// Where the boundaries of unit set `set` are: the address the data gives
/// (relative to the data file, so a publisher's commune layer travels with
/// its data), else the file shipped with the site for the 34 and the 63
/// provinces (relative to the page). `None`: nothing to draw.
pub fn boundary_url(data: &ProgressData, set: &str, data_url: &str) -> Option<String> {
    let published = data
        .unit_sets
        .iter()
        .find(|s| s.id == set)
        .and_then(|s| s.boundaries_link());
    match published {
        Some(link) => Some(browser::resolve_url(link, data_url)),
        None => boundary_file(set).map(str::to_string),
    }
}
