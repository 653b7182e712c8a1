use super::map_view::navigate;
use crate::components::PeriodSlider;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::choropleth::periods_of;
use tien_do_core::{Lang, MapLevel, Msg, ProgressData, UrlState};

/// The map page's choices: the indicator, the period (a slider), and
/// whether to draw the borders of the units the shown ones replaced.
#[component]
pub fn MapPickers(
    /// The loaded data: its indicators and their periods.
    data: Arc<ProgressData>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The indicator and period shown.
    chosen: Signal<Option<(String, String)>>,
    /// The current view, changed by the choices.
    state: Signal<UrlState>,
    /// Called with the view chosen.
    on_navigate: Callback<UrlState>,
    /// Whether the shown units replaced others whose borders can be drawn.
    has_former: Signal<bool>,
    /// Whether the former borders failed to load.
    former_failed: Signal<bool>,
    /// Whether the map shows communes (asked for, or the data's units).
    at_communes: Signal<bool>,
) -> impl IntoView {
    let go = move |change: &dyn Fn(&mut UrlState)| navigate(state, on_navigate, change);
    let indicator_picker = {
        let d = Arc::clone(&data);
        move || {
            let l = lang.get();
            let current = chosen.get().map(|c| c.0);
            let options = d
                .indicators
                .iter()
                .filter(|i| !periods_of(&d, &i.id).is_empty())
                .map(|i| {
                    let selected = current.as_deref() == Some(i.id.as_str());
                    view! { <option value=i.id.clone() selected=selected>{i.name.get(l).to_string()}</option> }
                })
                .collect_view();
            view! {
                <label class="picker">
                    <span>{Msg::MapIndicator.text(l)}</span>
                    <select on:change=move |ev| {
                        let id = event_target_value(&ev);
                        go(&|s: &mut UrlState| { s.indicator = Some(id.clone()); s.period = None; });
                    }>{options}</select>
                </label>
            }
        }
    };
    let period_picker = move || {
        let (ind, current) = chosen.get()?;
        let periods = periods_of(&data, &ind)
            .into_iter()
            .map(|p| (p.id.clone(), p.label.clone()))
            .collect();
        let on_change = Callback::new(move |id: String| {
            go(&|s: &mut UrlState| {
                s.indicator = Some(ind.clone());
                s.period = Some(id.clone());
            })
        });
        Some(view! { <PeriodSlider periods current lang on_change /> })
    };
    let former_toggle = move || {
        if !has_former.get() {
            return None;
        }
        let l = lang.get();
        Some(view! {
            <label class="former-toggle">
                <input
                    type="checkbox"
                    prop:checked=move || state.with(|s| s.former)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        go(&|s: &mut UrlState| s.former = on);
                    }
                />
                {Msg::ShowFormer.text(l)}
            </label>
            {former_failed.get().then(|| view! { <p class="notice-inline" role="status">{Msg::FormerFailed.text(l)}</p> })}
        })
    };
    // Provinces or communes; a province's communes, with the way back to
    // the whole country's.
    let level_switch = move || {
        let l = lang.get();
        let level = if at_communes.get() {
            MapLevel::Commune
        } else {
            MapLevel::Province
        };
        let choice = move |to: MapLevel, msg: Msg| {
            view! {
                <label>
                    <input type="radio" name="map-level" value=to.slug()
                        prop:checked=move || at_communes.get() == (to == MapLevel::Commune)
                        on:change=move |_| go(&|s: &mut UrlState| {
                            s.level = to;
                            s.commune = None;
                            s.zoom = None;
                            if to == MapLevel::Commune {
                                s.province = None;
                            }
                        }) />
                    {msg.text(l)}
                </label>
            }
        };
        let whole = (level == MapLevel::Commune && state.with(|s| s.province.is_some())).then(|| {
            view! {
                <button type="button" class="whole-country" on:click=move |_| go(&|s: &mut UrlState| {
                    s.province = None;
                    s.commune = None;
                    s.zoom = None;
                })>{"← "}{Msg::CommuneWholeCountry.text(l)}</button>
            }
        });
        view! {
            <fieldset class="level-switch">
                <legend>{Msg::MapLevel.text(l)}</legend>
                {choice(MapLevel::Province, Msg::LevelProvinces)}
                {choice(MapLevel::Commune, Msg::LevelCommunes)}
                {whole}
            </fieldset>
        }
    };
    view! {
        <div class="pickers">{indicator_picker}{period_picker}</div>
        {level_switch}
        {former_toggle}
    }
}
