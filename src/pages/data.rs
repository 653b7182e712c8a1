use crate::components::AppLink;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::choropleth::periods_of;
use tien_do_core::data_table::{data_rows, filter_indexes, sort_indexes, SortKey, TableFilter};
use tien_do_core::{Lang, Msg, ProgressData, UrlState};

/// Rows drawn at first, and added by each "Show more": enough for the 34
/// provinces on every indicator, few enough to stay fast at commune scale.
const PAGE_ROWS: usize = 300;

/// The sort the URL asks for: a column and whether descending (`-value`).
fn sort_of(state: &UrlState) -> Option<(SortKey, bool)> {
    let s = state.sort.as_deref()?;
    let (desc, slug) = s.strip_prefix('-').map_or((false, s), |rest| (true, rest));
    SortKey::from_slug(slug).map(|k| (k, desc))
}

/// Every value by province in one table: filter by indicator and period,
/// search for a province (diacritics optional, short and former names
/// known), sort by any column. Filters, search and sort live in the URL.
#[component]
pub fn DataPage(
    /// The loaded data.
    data: Arc<ProgressData>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view: filters, search and sort come from it.
    state: Signal<UrlState>,
    /// Called when the reader changes the view.
    on_navigate: Callback<UrlState>,
) -> impl IntoView {
    let rows = Arc::new(data_rows(&data));
    let limit = RwSignal::new(PAGE_ROWS);
    let go = move |change: &dyn Fn(&mut UrlState)| {
        let mut next = state.get_untracked();
        change(&mut next);
        limit.set(PAGE_ROWS);
        on_navigate.run(next);
    };
    let filter = Memo::new(move |_| {
        state.with(|s| TableFilter {
            indicator: s.indicator.clone(),
            period: s.period.clone(),
            query: s.query.clone().unwrap_or_default(),
        })
    });
    let sort = Memo::new(move |_| state.with(sort_of));
    // The pickers follow the filters, not each keystroke of the search.
    let chosen = Memo::new(move |_| state.with(|s| (s.indicator.clone(), s.period.clone())));
    // The rows shown, as indexes into `rows`: filtered, then sorted.
    let shown: Memo<Arc<Vec<usize>>> = Memo::new({
        let rows = Arc::clone(&rows);
        move |_| {
            let picked = filter_indexes(&rows, &filter.get());
            Arc::new(match sort.get() {
                Some((key, desc)) => sort_indexes(&rows, picked, key, desc, lang.get()),
                None => picked,
            })
        }
    });

    let pickers = {
        let d = Arc::clone(&data);
        move || {
            let l = lang.get();
            let (indicator, period) = chosen.get();
            let indicators = d
                .indicators
                .iter()
                .filter(|i| !periods_of(&d, &i.id).is_empty())
                .map(|i| {
                    let sel = indicator.as_deref() == Some(i.id.as_str());
                    view! { <option value=i.id.clone() selected=sel>{i.name.get(l).to_string()}</option> }
                })
                .collect_view();
            // Periods of the chosen indicator, or of any.
            let periods = d
                .periods
                .iter()
                .filter(|p| {
                    d.series.iter().any(|s| {
                        s.period == p.id && indicator.as_ref().is_none_or(|i| *i == s.indicator)
                    })
                })
                .map(|p| {
                    let sel = period.as_deref() == Some(p.id.as_str());
                    view! { <option value=p.id.clone() selected=sel>{p.label.get(l).to_string()}</option> }
                })
                .collect_view();
            view! {
                <label class="picker">
                    <span>{Msg::MapIndicator.text(l)}</span>
                    <select class="filter-indicator" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        go(&|s: &mut UrlState| {
                            s.indicator = (!v.is_empty()).then(|| v.clone());
                            s.period = None;
                        });
                    }>
                        <option value="" selected=indicator.is_none()>{Msg::AllIndicators.text(l)}</option>
                        {indicators}
                    </select>
                </label>
                <label class="picker">
                    <span>{Msg::MapPeriod.text(l)}</span>
                    <select class="filter-period" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        go(&|s: &mut UrlState| s.period = (!v.is_empty()).then(|| v.clone()));
                    }>
                        <option value="" selected=period.is_none()>{Msg::AllPeriods.text(l)}</option>
                        {periods}
                    </select>
                </label>
            }
        }
    };
    let search = move || {
        let l = lang.get();
        view! {
            <label class="search">
                <span>{Msg::Search.text(l)}</span>
                <input
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || filter.with(|f| f.query.clone())
                    aria-describedby="search-hint"
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        go(&|s: &mut UrlState| {
                            s.query = (!v.trim().is_empty()).then(|| v.clone());
                        });
                    }
                />
            </label>
            <p class="hint" id="search-hint">{Msg::SearchHint.text(l)}</p>
        }
    };
    let header = move |key: SortKey, label: Msg, num: bool| {
        let l = lang.get();
        let current = sort.get();
        let aria = match current {
            Some((k, false)) if k == key => "ascending",
            Some((k, true)) if k == key => "descending",
            _ => "none",
        };
        // Values and ranks read best first on the first click.
        let first_desc = key == SortKey::Value;
        let next_desc = match current {
            Some((k, d)) if k == key => !d,
            _ => first_desc,
        };
        let arrow = match aria {
            "ascending" => " ▲",
            "descending" => " ▼",
            _ => "",
        };
        view! {
            <th scope="col" class:num=num aria-sort=aria>
                <button type="button" class="sort" data-sort=key.slug() on:click=move |_| {
                    let slug = if next_desc { format!("-{}", key.slug()) } else { key.slug().to_string() };
                    go(&|s: &mut UrlState| s.sort = Some(slug.clone()));
                }>
                    <span class="visually-hidden">{Msg::SortBy.text(l)} " "</span>
                    {label.text(l)}{arrow}
                </button>
            </th>
        }
    };
    let table = {
        let rows = Arc::clone(&rows);
        let d = Arc::clone(&data);
        move || {
            let l = lang.get();
            let idx = shown.get();
            let n = idx.len();
            let max = limit.get();
            let body = idx
                .iter()
                .take(max)
                .filter_map(|&i| rows.get(i))
                .map(|r| {
                    let indicator = d.indicators.iter().find(|x| x.id == r.indicator);
                    let (name, value) = match indicator {
                        Some(ind) => (
                            ind.name.get(l).to_string(),
                            ind.format_or_unpublished(r.value, l),
                        ),
                        None => (r.indicator.clone(), Msg::NotPublished.text(l).to_string()),
                    };
                    let (period, period_full) =
                        d.periods.iter().find(|p| p.id == r.period).map_or_else(
                            || (r.period.clone(), r.period.clone()),
                            |p| (p.short_label(l).to_string(), p.label.get(l).to_string()),
                        );
                    let rank = r.rank.map(|k| format!("{k}/{}", r.of));
                    let code = r.code.clone();
                    let to = Signal::derive(move || state.with(|s| s.with_province(&code)));
                    let unit = r.name.get(l).to_string();
                    view! {
                        <tr class:missing=r.value.is_none()>
                            <td>{name}</td>
                            <td title=period_full>{period}</td>
                            <th scope="row"><AppLink to on_navigate>{unit}</AppLink></th>
                            <td class="num">{value}</td>
                            <td class="num">{rank}</td>
                        </tr>
                    }
                })
                .collect_view();
            let more = (n > max).then(|| {
                view! {
                    <button type="button" class="show-more" on:click=move |_| limit.update(|m| *m += PAGE_ROWS)>
                        {Msg::ShowMore.text(l)} {format!(" ({})", n - max)}
                    </button>
                }
            });
            let empty =
                (n == 0).then(|| view! { <p class="notice-inline">{Msg::NoRows.text(l)}</p> });
            view! {
                {empty}
                <div class="table-scroll">
                    <table class="data-table">
                        <thead><tr>
                            {header(SortKey::Indicator, Msg::MapIndicator, false)}
                            {header(SortKey::Period, Msg::MapPeriod, false)}
                            {header(SortKey::Unit, Msg::Unit, false)}
                            {header(SortKey::Value, Msg::Value, true)}
                            {header(SortKey::Rank, Msg::Rank, true)}
                        </tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
                {more}
            }
        }
    };
    view! {
        <article class="page data-page">
            <h1>{move || Msg::NavData.text(lang.get())}</h1>
            <p class="lede">{move || Msg::DataLede.text(lang.get())}</p>
            <div class="pickers">{pickers}</div>
            <div class="search-box">{search}</div>
            // One lasting live region: screen readers hear the count change.
            <p class="row-count" aria-live="polite">
                {move || Msg::RowsShown.text(lang.get())} ": "
                <strong>{move || shown.with(|s| s.len())}</strong>
            </p>
            {table}
        </article>
    }
}
