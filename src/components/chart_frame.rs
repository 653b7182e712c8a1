use super::SourceLink;
use leptos::prelude::*;
use tien_do_core::data::Source;
use tien_do_core::format::format_date;
use tien_do_core::{Lang, Msg};

/// A figure around a chart: its title, the chart, the same numbers as a
/// table (for screen readers and for copying), and the sources with the
/// day the numbers refer to.
#[component]
pub fn ChartFrame(
    /// The chart's title.
    #[prop(into)]
    title: String,
    /// Where the numbers come from.
    sources: Vec<Source>,
    /// The day the numbers refer to, if one (`YYYY-MM-DD`).
    as_of: Option<String>,
    /// The language shown.
    lang: Lang,
    /// The table of the chart's numbers.
    table: ViewFn,
    /// The chart.
    children: Children,
    /// A class naming the chart, for styles and tests.
    #[prop(into)]
    class: String,
) -> impl IntoView {
    let cites = sources
        .into_iter()
        .map(|s| {
            let date = s
                .published
                .as_deref()
                .map(|d| format!(" ({})", format_date(d, lang)));
            view! { <li><SourceLink source=s lang />{date}</li> }
        })
        .collect_view();
    let opened = RwSignal::new(false);
    view! {
        <figure class=format!("chart {class}")>
            <figcaption><h2>{title}</h2></figcaption>
            {children()}
            <details class="chart-table" on:toggle=move |ev| {
                if event_target::<web_sys::HtmlDetailsElement>(&ev).open() {
                    opened.set(true);
                }
            }>
                <summary>{Msg::ShowTable.text(lang)}</summary>
                // Made when first opened: a ranking of 3,321 communes has
                // as many rows, which need not exist until someone asks.
                {move || opened.get().then(|| table.run())}
            </details>
            <div class="cite">
                {as_of.map(|d| view! { <p>{Msg::AsOf.text(lang)} ": " {format_date(&d, lang)}</p> })}
                <p>{Msg::Source.text(lang)} ":"</p>
                <ul>{cites}</ul>
            </div>
        </figure>
    }
}
