use super::province_communes::ProvinceCommunes;
use crate::components::{AppLink, FigureExport, PillarChart, ShareLink, TrendChart};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::charts::{find_province, province_choices, standings, UnitInfo};
use tien_do_core::data::Text;
use tien_do_core::figure::{embed_state, Figure};
use tien_do_core::figures::pillars::latest_pillar_profile;
use tien_do_core::figures::trend::trend;
use tien_do_core::{Lang, Msg, Page, ProgressData, UrlState};

/// The index whose pillars and trend the page shows.
const HEADLINE: &str = tien_do_core::figure::HEADLINE_INDICATOR;

/// A province: its rank and score on each indicator, its profile on the
/// index's pillars against the average, its trend across periods, which
/// old provinces it was formed from (or which new one it is now part of),
/// and a link to share. Without a province, or with an unknown code, a
/// chooser.
#[component]
pub fn ProvincePage(
    /// The loaded data.
    data: Arc<ProgressData>,
    /// The language shown now.
    lang: Signal<Lang>,
    /// The current view: the province comes from it.
    state: Signal<UrlState>,
    /// Called when a link on the page is followed.
    on_navigate: Callback<UrlState>,
) -> impl IntoView {
    let code = Memo::new(move |_| state.with(|s| s.province.clone()));
    let communes = Arc::clone(&data);
    let body = move || {
        let l = lang.get();
        let d = Arc::clone(&data);
        match code.get() {
            None => chooser(&d, l, state, on_navigate, None).into_any(),
            Some(c) => match find_province(&d, &c) {
                None => chooser(&d, l, state, on_navigate, Some(c)).into_any(),
                Some(info) => profile(&d, info, l, state, on_navigate).into_any(),
            },
        }
    };
    view! {
        <article class="page province">
            {body}
            <ProvinceCommunes data=communes lang state on_navigate />
        </article>
    }
}

/// A link to province `code`'s page.
fn province_link(
    code: String,
    name: &Text,
    lang: Lang,
    state: Signal<UrlState>,
    on_navigate: Callback<UrlState>,
) -> impl IntoView {
    let to = Signal::derive(move || state.with(|s| s.with_province(&code)));
    let label = name.get(lang).to_string();
    view! { <AppLink to on_navigate>{label}</AppLink> }
}

fn chooser(
    data: &ProgressData,
    lang: Lang,
    state: Signal<UrlState>,
    on_navigate: Callback<UrlState>,
    unknown: Option<String>,
) -> impl IntoView {
    let (now, before) = province_choices(data);
    let list = |units: Vec<(String, Text)>| {
        units
            .into_iter()
            .map(|(code, name)| view! { <li>{province_link(code, &name, lang, state, on_navigate)}</li> })
            .collect_view()
    };
    let before_list = (!before.is_empty()).then(|| {
        view! {
            <details class="former-list">
                <summary>{Msg::FormerProvinces.text(lang)}</summary>
                <ul class="province-grid">{list(before)}</ul>
            </details>
        }
    });
    view! {
        <h1>{Msg::ChooseProvince.text(lang)}</h1>
        {unknown.map(|c| view! {
            <p class="notice-inline" role="alert">{Msg::UnknownProvince.text(lang)} " " <code>{c}</code></p>
        })}
        <ul class="province-grid">{list(now)}</ul>
        {before_list}
    }
}

fn profile(
    data: &Arc<ProgressData>,
    info: UnitInfo,
    lang: Lang,
    state: Signal<UrlState>,
    on_navigate: Callback<UrlState>,
) -> impl IntoView {
    let rows = standings(data, &info.code)
        .into_iter()
        .map(|s| {
            let f = |v: Option<f64>| s.indicator.format_or_unpublished(v, lang);
            let rank = s.rank.map(|r| format!("{r}/{}", s.of));
            let (value, average) = (f(s.value), f(s.average));
            let name = s.indicator.name.get(lang).to_string();
            let (period, period_full) = (
                s.period.short_label(lang).to_string(),
                s.period.label.get(lang).to_string(),
            );
            let (ind, per, code) = (
                s.indicator.id.clone(),
                s.period.id.clone(),
                info.code.clone(),
            );
            let to = Signal::derive(move || {
                state.with(|st| UrlState {
                    indicator: Some(ind.clone()),
                    period: Some(per.clone()),
                    province: Some(code.clone()),
                    ..st.with_page(Page::Map)
                })
            });
            view! {
                <tr>
                    <th scope="row">
                        <AppLink to on_navigate>{name}</AppLink>
                    </th>
                    <td title=period_full>{period}</td>
                    <td class="num">{value}</td>
                    <td class="num">{rank}</td>
                    <td class="num">{average}</td>
                </tr>
            }
        })
        .collect_view();
    let export = |figure| FigureExport {
        data: Arc::clone(data),
        embed: Some(state.with_untracked(|s| embed_state(s, figure, lang))),
    };
    let pillars = latest_pillar_profile(data, HEADLINE, &info.code).map(|(period, p)| {
        let export = export(Figure::Pillars);
        view! {
            <PillarChart pillars=Arc::new(p) name=info.name.clone() period lang export />
        }
    });
    let no_pillars = pillars
        .is_none()
        .then(|| view! { <p class="chart-note">{Msg::NoPillars.text(lang)}</p> });
    let trend_view = trend(data, HEADLINE, &info.code).map(|t| {
        view! {
            <TrendChart trend=Arc::new(t) lang export=export(Figure::Trend) />
            <p class="chart-note">{Msg::MergerNote.text(lang)}</p>
        }
    });
    let formation = {
        let from = (info.formed_from.len() > 1).then(|| {
            let items = info
                .formed_from
                .iter()
                .map(|(c, n)| {
                    // The part that kept the province's code is this page.
                    if *c == info.code {
                        view! { <li>{n.get(lang).to_string()}</li> }.into_any()
                    } else {
                        view! { <li>{province_link(c.clone(), n, lang, state, on_navigate)}</li> }
                            .into_any()
                    }
                })
                .collect_view();
            view! { <p>{Msg::MergedFrom.text(lang)} ":"</p><ul class="inline-list">{items}</ul> }
        });
        let kept =
            (info.formed_from.len() == 1).then(|| view! { <p>{Msg::NotMerged.text(lang)}</p> });
        let part = info.now_part_of.clone().map(|(c, n)| {
            view! { <p>{Msg::NowPartOf.text(lang)} ": " {province_link(c, &n, lang, state, on_navigate)}</p> }
        });
        (from.is_some() || kept.is_some() || part.is_some()).then(|| {
            view! {
                <section class="formation">
                    <h2>{Msg::Formation.text(lang)}</h2>
                    {from}{kept}{part}
                </section>
            }
        })
    };
    view! {
        <header class="province-head">
            <h1>{info.name.get(lang).to_string()}</h1>
            <p class="lede">
                {info.set_name.get(lang).to_string()} " · " {Msg::ProvinceCode.text(lang)} ": "
                <code>{info.code.clone()}</code>
            </p>
            <ShareLink lang />
        </header>
        <section class="standings">
            <h2>{Msg::Standings.text(lang)}</h2>
            <div class="table-scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{Msg::MapIndicator.text(lang)}</th>
                        <th scope="col">{Msg::MapPeriod.text(lang)}</th>
                        <th scope="col" class="num">{Msg::Value.text(lang)}</th>
                        <th scope="col" class="num">{Msg::Rank.text(lang)}</th>
                        <th scope="col" class="num">{Msg::AverageOfUnits.text(lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
        <div class="chart-grid">
            {pillars}
            {no_pillars}
            {trend_view}
        </div>
        {formation}
    }
}
