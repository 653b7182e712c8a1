use crate::fetch::load_places;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use tien_do_core::find::{find, PlaceKind, INDEX_FILE};
use tien_do_core::{Lang, MapLevel, Msg, Page, UrlState};

/// Numbers the search boxes of a page (their ids).
static NEXT_SEARCH: AtomicUsize = AtomicUsize::new(0);

/// How many places a search lists.
const SHOWN: usize = 12;

/// Find my commune: a search box over the 34 provinces and the 3,321
/// communes, diacritics and case aside. Each place found is listed with its
/// province; choosing one opens it on the commune map. The list of
/// communes is fetched when the box is first used.
#[component]
pub fn CommuneSearch(
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view: its data and indicator are kept.
    state: Signal<UrlState>,
    /// Called with the view of the place chosen.
    on_navigate: Callback<UrlState>,
) -> impl IntoView {
    let id = format!("find-{}", NEXT_SEARCH.fetch_add(1, Ordering::Relaxed));
    let query = RwSignal::new(String::new());
    let wanted = RwSignal::new(false);
    let index = LocalResource::new(move || {
        let go = wanted.get();
        async move {
            if go {
                Some(load_places(INDEX_FILE.to_string()).await)
            } else {
                None
            }
        }
    });
    let hits = Memo::new(move |_| {
        let q = query.get();
        index.with(|r| match r {
            Some(Some(Ok(places))) => find(places, &q, SHOWN).into_iter().cloned().collect(),
            _ => Vec::new(),
        })
    });
    let open = move |code: String, province: String, kind: PlaceKind| {
        let next = state.with_untracked(|s| UrlState {
            page: Page::Map,
            level: MapLevel::Commune,
            province: Some(province),
            commune: (kind != PlaceKind::Province).then_some(code),
            zoom: None,
            query: None,
            sort: None,
            ..s.clone()
        });
        on_navigate.run(next);
    };
    let status = move || {
        let l = lang.get();
        let msg = index.with(|r| match r {
            Some(None) if wanted.get() => Some(Msg::FindLoading.text(l).to_string()),
            None if wanted.get() => Some(Msg::FindLoading.text(l).to_string()),
            Some(Some(Err(e))) => Some(e.message(l)),
            Some(Some(Ok(_)))
                if !query.with(|q| q.trim().is_empty()) && hits.with(Vec::is_empty) =>
            {
                Some(Msg::FindNoMatch.text(l).to_string())
            }
            _ => None,
        });
        msg.map(|m| view! { <p class="find-status" role="status">{m}</p> })
    };
    let list = move || {
        let l = lang.get();
        hits.get()
            .into_iter()
            .map(|p| {
                let name = p.full_name(l);
                let province = p.province_name(l);
                let (code, parent, kind) = (p.code.clone(), p.province.clone(), p.kind);
                view! {
                    <li>
                        <button type="button" data-code=p.code.clone()
                            on:click=move |_| open(code.clone(), parent.clone(), kind)>
                            <strong>{name}</strong>
                            {province.map(|p| view! { <span>{p}</span> })}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="commune-search" role="search">
            <label for=id.clone()>{move || Msg::FindCommune.text(lang.get())}</label>
            <input
                id=id
                type="search"
                autocomplete="off"
                aria-describedby=hint_id.clone()
                on:focus=move |_| wanted.set(true)
                on:input=move |ev| {
                    wanted.set(true);
                    query.set(event_target_value(&ev));
                }
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        if let Some(p) = hits.with_untracked(|h| h.first().cloned()) {
                            open(p.code, p.province, p.kind);
                        }
                    }
                }
            />
            <p class="find-hint" id=hint_id>{move || Msg::FindCommuneHint.text(lang.get())}</p>
            {status}
            <ul class="find-hits">{list}</ul>
        </div>
    }
}
