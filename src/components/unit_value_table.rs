use super::AppLink;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::choropleth::{Lineage, MapData};
use tien_do_core::data::UnitLevel;
use tien_do_core::{Lang, Msg, UrlState};

/// Every unit of the map with its value and rank, best first, then those
/// not published, and how each relates to the merger: the map's content
/// for screen readers and for copying. The rows are made when the list is
/// first opened.
#[component]
pub fn UnitValueTable(
    /// The map whose units to list.
    map: Signal<Option<Arc<MapData>>>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view, for links to each unit's page.
    state: Signal<UrlState>,
    /// Called when a unit's link is followed.
    on_navigate: Callback<UrlState>,
) -> impl IntoView {
    // Rows are made when the list is opened: at commune scale they cost more
    // than the map, and most readers never open the list.
    let open = RwSignal::new(false);
    move || {
        map.with(|m| {
            let m = Arc::clone(m.as_ref()?);
            let l = lang.get();
            let (list, unit) = match m.level {
                UnitLevel::Province => (Msg::UnitList, Msg::Unit),
                UnitLevel::Commune => (Msg::CommuneList, Msg::Commune),
            };
            let has_lineage = m.rows.iter().any(|r| r.lineage != Lineage::None);
            let (count, caption) = (
                m.rows.len(),
                format!("{} · {}", m.indicator.name.get(l), m.period.label.get(l)),
            );
            let body = move || {
                if !open.get() {
                    return None;
                }
                let mut rows: Vec<_> = m.rows.iter().collect();
                rows.sort_by_key(|r| (r.rank.is_none(), r.rank));
                Some(rows
                .into_iter()
                .map(|r| {
                    let code = r.code.clone();
                    let to = Signal::derive(move || {
                        state.with(|s| s.with_province(&code))
                    });
                    let value = m.indicator.format_or_unpublished(r.value, l);
                    let missing = r.value.is_none();
                    let rank = r.rank.map(|k| k.to_string()).unwrap_or_default();
                    let name = r.name.get(l).to_string();
                    let lineage = r.lineage.describe(l).unwrap_or_default();
                    view! {
                        <tr class:missing=missing>
                            <td class="num">{rank}</td>
                            <th scope="row">
                                <AppLink to=to on_navigate=on_navigate>{name}</AppLink>
                            </th>
                            <td class="num">{value}</td>
                            {has_lineage.then(|| view! { <td class="lineage">{lineage}</td> })}
                        </tr>
                    }
                })
                .collect_view())
            };
            Some(view! {
                <details
                    class="unit-table"
                    prop:open=open.get_untracked()
                    on:toggle=move |ev| {
                        let now = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                        if now != open.get_untracked() {
                            open.set(now);
                        }
                    }
                >
                    <summary>{list.text(l)} " (" {count} ")"</summary>
                    <table>
                        <caption>{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col" class="num">{Msg::Rank.text(l)}</th>
                                <th scope="col">{unit.text(l)}</th>
                                <th scope="col" class="num">{Msg::Value.text(l)}</th>
                                {has_lineage.then(|| view! { <th scope="col">{Msg::Merger.text(l)}</th> })}
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </details>
            })
        })
    }
}
