use super::figure_tools::{EmbedInfo, FigureTools};
use super::SourceLink;
use crate::browser;
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::data::Source;
use tien_do_core::export::{full_table, shown_table, Table};
use tien_do_core::figure::first_height;
use tien_do_core::format::format_date;
use tien_do_core::paint::{self, framed_svg, Caption, Chart, Palette};
use tien_do_core::{Lang, Msg, ProgressData, UrlState};

/// Width in CSS pixels of the downloaded images of a chart.
const IMAGE_WIDTH: f64 = 720.0;

/// What a figure's downloads and embed codes are made from.
#[derive(Clone, Debug)]
pub struct FigureExport {
    /// The loaded data, for the full series and the release date.
    pub data: Arc<ProgressData>,
    /// The figure's embed view; `None` inside an embed (no embed codes).
    pub embed: Option<UrlState>,
}

/// The lines at the foot of a downloaded image: the sources, the day the
/// data is of, and the page it came from.
pub fn caption_notes(sources: &[Source], as_of: Option<&str>, lang: Lang) -> Vec<String> {
    let mut notes = paint::caption_notes(sources, as_of, lang);
    notes.push(format!(
        "{}: {}",
        Msg::Retrieved.text(lang),
        browser::shareable_href()
    ));
    notes
}

/// A table to download with the data's date (where the table does not
/// carry it) and the page it came from.
pub fn stamped(table: Table, as_of: Option<&str>, lang: Lang) -> Table {
    let table = match as_of {
        Some(d) => table.with_as_of(d, lang),
        None => table,
    };
    table.with_origin(&browser::shareable_href(), lang)
}

#[component]
pub fn ChartFrame(
    /// The chart's title.
    #[prop(into)]
    title: String,
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
    /// The chart drawn, for the downloads.
    chart: Chart,
    /// Where downloads and embed codes come from; none: no tools.
    #[prop(default = None, into)]
    export: Option<FigureExport>,
) -> impl IntoView {
    let sources = chart.sources();
    let tools = export.map(|x| {
        let notes = caption_notes(&sources, as_of.as_deref().or(Some(&x.data.as_of)), lang);
        let legend = chart.legend(lang);
        let image = {
            let (chart, title) = (chart.clone(), title.clone());
            Callback::new(move |()| {
                let pal = Palette::LIGHT;
                let h = chart.height(IMAGE_WIDTH);
                let caption = Caption {
                    title: title.clone(),
                    legend: legend.clone(),
                    notes: notes.clone(),
                };
                Some(framed_svg(
                    &chart.svg(IMAGE_WIDTH, &pal, lang),
                    (IMAGE_WIDTH, h),
                    &caption,
                    &pal,
                ))
            })
        };
        let shown = {
            let (chart, title) = (chart.clone(), title.clone());
            let as_of = x.data.as_of.clone();
            Callback::new(move |()| stamped(shown_table(&chart, &title, lang), Some(&as_of), lang))
        };
        let full = {
            let (chart, title, data) = (chart.clone(), title.clone(), Arc::clone(&x.data));
            Callback::new(move |()| stamped(full_table(&data, &chart, &title, lang), None, lang))
        };
        let embed = x.embed.map(|state| EmbedInfo {
            state: Signal::stored(state),
            as_of: x.data.as_of.clone(),
            height: first_height(chart.height(640.0)),
        });
        view! { <FigureTools title=title.clone() image shown full embed lang /> }
    });
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
            {tools}
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
