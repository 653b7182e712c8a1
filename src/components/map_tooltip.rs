use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::boundaries::{Part, Region};
use tien_do_core::charts::tooltip_css;
use tien_do_core::choropleth::MapData;
use tien_do_core::{Lang, Msg};

/// The tooltip of a unit on the map: its name (and archipelago), value,
/// rank and merger history, and by touch "tap again to open".
#[component]
pub fn MapTooltip(
    /// The regions the map draws; `unit` is an index in them.
    regions: Arc<Vec<Region>>,
    /// Values and ranks.
    map: Signal<Option<Arc<MapData>>>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The unit to describe, if any.
    unit: Signal<Option<usize>>,
    /// Where the tooltip points, in CSS pixels from the map's corner.
    at: Signal<(f64, f64)>,
    /// The map's width, to keep the tooltip inside (read, not tracked).
    width: Signal<f64>,
    /// Whether the unit was tapped (read, not tracked).
    touch: Signal<bool>,
) -> impl IntoView {
    move || {
        let r = regions.get(unit.get()?)?;
        let l = lang.get();
        let (x, y) = at.get();
        let touch = touch.get_untracked();
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
            let style = tooltip_css(x, y + 12.0, width.get_untracked());
            Some(view! {
                <div class="map-tooltip" style=style role="status">
                    <strong>{row.name.get(l).to_string()}</strong>
                    {row.detail.as_ref().map(|d| view! { <span class="tooltip-detail">{d.get(l).to_string()}</span> })}
                    {part.map(|p| view! { <span class="tooltip-part">{p}</span> })}
                    <span class="tooltip-value">{value}</span>
                    {rank.map(|r| view! { <span class="tooltip-rank">{r}</span> })}
                    {row.lineage.describe(l).map(|t| view! { <span class="tooltip-lineage">{t}</span> })}
                    {touch.then(|| view! { <span class="tooltip-hint">{Msg::TapAgain.text(l)}</span> })}
                </div>
            })
        })
    }
}
