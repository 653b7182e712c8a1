use leptos::prelude::*;
use tien_do_core::data::Text;
use tien_do_core::{Lang, Msg};

/// A slider over the periods of an indicator, oldest to latest, with each
/// period's name under its stop. Arrow keys, Home and End move it (a native
/// range input); screen readers hear the period's name, not its index.
#[component]
pub fn PeriodSlider(
    /// The periods to choose from, in order: id and name.
    periods: Vec<(String, Text)>,
    /// The id of the period shown now.
    current: String,
    /// The language shown now.
    lang: Signal<Lang>,
    /// Called with the id of the period chosen.
    on_change: Callback<String>,
) -> impl IntoView {
    let last = periods.len().saturating_sub(1);
    let index = periods.iter().position(|p| p.0 == current).unwrap_or(last);
    let names = {
        let periods = periods.clone();
        move |l: Lang| -> Vec<String> { periods.iter().map(|p| p.1.get(l).to_string()).collect() }
    };
    let value_text = {
        let names = names.clone();
        move || names(lang.get()).get(index).cloned().unwrap_or_default()
    };
    let ids: Vec<String> = periods.iter().map(|p| p.0.clone()).collect();
    let stops = move || {
        names(lang.get())
            .into_iter()
            .enumerate()
            .map(|(i, n)| view! { <li class:current=i == index>{n}</li> })
            .collect_view()
    };
    view! {
        <div class="period-slider">
            <label for="period-slider">
                {move || Msg::MapPeriod.text(lang.get())} ": "
                <output for="period-slider">{value_text.clone()}</output>
            </label>
            <input
                id="period-slider"
                type="range"
                min="0"
                max=last.to_string()
                step="1"
                prop:value=index.to_string()
                disabled=last == 0
                aria-valuetext=value_text
                on:change=move |ev| {
                    let i: usize = event_target_value(&ev).parse().unwrap_or(index);
                    if let Some(id) = ids.get(i) {
                        on_change.run(id.clone());
                    }
                }
            />
            <ol class="period-stops" style=format!("--stops:{}", last + 1)>{stops}</ol>
        </div>
    }
}
