//! A map's view as plain functions, which the site's map (its signals,
//! in `pages::map_view`) and the lean embed compute it with alike: which
//! units and boundaries the view shows, its title, what opening a unit
//! leads to, where the boundaries come from, and what its downloads hold.

use crate::browser::{self, caption_notes, stamped};
use tien_do_core::boundaries::{
    boundaries_credit, boundary_file, commune_file, Region, PROVINCES_2025,
};
use tien_do_core::choropleth::{former_unit_set, MapData, COMMUNE_SET};
use tien_do_core::data::UnitLevel;
use tien_do_core::export::{map_table, series_table, Table};
use tien_do_core::figures::{self, SvgImage};
use tien_do_core::{Lang, MapLevel, Msg, Page, ProgressData, UrlState};

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

/// The view once the unit `code` is opened from the view `s`: a
/// province's page; on a commune map (`communes`: the communes drawn), the
/// commune chosen on its province's map (the province they give it, else
/// the view's).
pub fn opened(s: &UrlState, code: &str, communes: Option<&[Region]>) -> UrlState {
    match communes {
        Some(regions) => {
            let parent = regions.iter().find(|r| r.code == code);
            UrlState {
                page: Page::Map,
                level: MapLevel::Commune,
                province: parent
                    .and_then(|r| r.parent.clone())
                    .or_else(|| s.province.clone()),
                commune: Some(code.to_string()),
                zoom: None,
                ..s.clone()
            }
        }
        None => s.with_province(code),
    }
}

/// Opens an embed's view `next` on the site, in a new tab, out of the
/// host's frame and its history: without the embed's own parameters, on
/// the map page for the map.
pub fn open_on_the_site(mut next: UrlState) {
    next.extra.clear();
    next.figure = None;
    next.theme = None;
    if next.page == Page::Embed {
        next.page = Page::Map;
    }
    browser::open_in_new_tab(&format!("{}{}", browser::site_base(), next.to_query()));
}

/// The codes the data gives values for that the boundary file lacks, the
/// first ten ("…, 79 (+3)"); `None` if every one is on the map.
pub fn unplaced_list(m: &MapData) -> Option<String> {
    let shown: Vec<&str> = m.unplaced.iter().take(10).map(String::as_str).collect();
    let more = m.unplaced.len().saturating_sub(shown.len());
    match (shown.is_empty(), more) {
        (true, _) => None,
        (false, 0) => Some(shown.join(", ")),
        (false, more) => Some(format!("{} (+{more})", shown.join(", "))),
    }
}

/// Where a map's boundaries come from ([`credit`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Credit {
    /// A file shipped with the site: its source's credit line.
    Shipped(Msg),
    /// The publisher's own file, at this address.
    Published(String),
}

/// Where the boundaries of the map `m` come from: for the shipped files,
/// the source of the unit set's (the communes are drawn from the shipped
/// official map); for a publisher's layer, its own file (relative to the
/// data at `data_url`).
pub fn credit(data: &ProgressData, m: &MapData, data_url: &str) -> Option<Credit> {
    let set = &m.unit_set;
    let published = data
        .unit_sets
        .iter()
        .any(|s| s.id == *set && s.boundaries_link().is_some());
    if published {
        return boundary_url(data, set, data_url).map(Credit::Published);
    }
    let set = if m.level == UnitLevel::Commune {
        COMMUNE_SET
    } else {
        set
    };
    boundaries_credit(set).map(Credit::Shipped)
}

/// The map as a complete image, as shown in the view `state` (its zoom and
/// selected unit), with `overlay`'s borders: its title, legend, sources,
/// the data's date `as_of`, and where it was retrieved.
pub fn map_image(
    m: &MapData,
    (regions, overlay): (&[Region], Option<&Vec<Region>>),
    state: &UrlState,
    (title, as_of): (&str, &str),
    lang: Lang,
) -> Option<SvgImage> {
    let sources: Vec<_> = m.source.iter().cloned().collect();
    figures::map::image(
        m,
        (regions, overlay.map(Vec::as_slice)),
        (state.zoom, state.province.as_deref()),
        title,
        caption_notes(&sources, Some(as_of), lang),
        lang,
    )
}

/// The table of what the map shows, with the data's date and origin.
pub fn shown_table(m: &MapData, title: &str, as_of: &str, lang: Lang) -> Table {
    stamped(map_table(m, title, lang), Some(as_of), lang)
}

/// The full series of the map's indicator, with its origin.
pub fn full_table(data: &ProgressData, m: &MapData, title: &str, lang: Lang) -> Table {
    stamped(
        series_table(data, &[m.indicator.id.as_str()], title, lang),
        None,
        lang,
    )
}
