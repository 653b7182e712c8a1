use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::boundaries::Region;
use tien_do_core::charts::tooltip_css;
use tien_do_core::choropleth::MapData;
use tien_do_core::figures::map::{tooltip, Tooltip};
use tien_do_core::Lang;

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
    /// Whether the unit was tapped.
    touch: Signal<bool>,
) -> impl IntoView {
    // What the tooltip says, made again only when the unit, the language
    // or the data change: a pointer moving within a unit moves the
    // tooltip and builds nothing.
    let said = Memo::new(move |_| {
        let r = regions.get(unit.get()?)?;
        let (l, touch) = (lang.get(), touch.get());
        map.with(|m| tooltip(r, m.as_ref()?, l, touch))
    });
    let style = move || {
        let (x, y) = at.get();
        tooltip_css(x, y + 12.0, width.get_untracked())
    };
    // One element, made once: a hover from unit to unit changes its texts
    // and hides the lines a unit has not, and builds no element nor text
    // node (the commune layer's hover budget: no DOM made per pointer
    // move; a line a unit has not keeps its text node, empty and hidden).
    let text = move |f: fn(&Tooltip) -> Option<String>| {
        move || said.with(|s| s.as_ref().and_then(f).unwrap_or_default())
    };
    let hidden = move |f: fn(&Tooltip) -> bool| move || !said.with(|s| s.as_ref().is_some_and(f));
    view! {
        <div
            class="map-tooltip"
            style=style
            role="status"
            hidden=move || said.with(Option::is_none)
        >
            <strong>{text(|s| Some(s.name.clone()))}</strong>
            <span class="tooltip-detail" hidden=hidden(|s| s.detail.is_some())>
                {text(|s| s.detail.clone())}
            </span>
            <span class="tooltip-part" hidden=hidden(|s| s.part.is_some())>
                {text(|s| s.part.map(str::to_string))}
            </span>
            <span class="tooltip-value">{text(|s| Some(s.value.clone()))}</span>
            <span class="tooltip-rank" hidden=hidden(|s| s.rank.is_some())>
                {text(|s| s.rank.clone())}
            </span>
            <span class="tooltip-lineage" hidden=hidden(|s| s.lineage.is_some())>
                {text(|s| s.lineage.clone())}
            </span>
            <span class="tooltip-hint" hidden=hidden(|s| s.hint.is_some())>
                {text(|s| s.hint.map(str::to_string))}
            </span>
        </div>
    }
}
