use super::figure_tools::{EmbedInfo, FigureTools};
use super::{ChartCanvas, SourceLink};
use crate::browser::{caption_notes, stamped};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::export::Table;
use tien_do_core::figure::first_height;
use tien_do_core::figures::{framed_svg, Caption, Chart, Palette};
use tien_do_core::format::format_date;
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

/// The figure's table as the page shows it: the same table as its CSV
/// download (one source of truth), numbers in the reader's notation, the
/// summary rows (the average) in the foot, the selected unit marked.
fn table_view(table: &Table, lang: Lang) -> impl IntoView {
    let head = table
        .header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let num = table.is_number_column(i);
            view! { <th scope="col" class:num=num>{h.clone()}</th> }
        })
        .collect_view();
    let row = |(n, r): (usize, &Vec<String>)| {
        let cells = r
            .iter()
            .enumerate()
            .map(|(i, c)| {
                view! { <td class:num=table.is_number_cell(i, c)>{table.display(i, c, lang)}</td> }
            })
            .collect_view();
        view! { <tr class:selected=table.marked.contains(&n)>{cells}</tr> }
    };
    let (body, foot) = table.body_and_foot();
    let body = body.iter().enumerate().map(row).collect_view();
    let foot = foot
        .iter()
        .enumerate()
        .map(|(i, r)| row((usize::MAX - i, r)))
        .collect_view();
    view! {
        <table>
            <thead><tr>{head}</tr></thead>
            <tbody>{body}</tbody>
            <tfoot>{foot}</tfoot>
        </table>
    }
}

/// Any chart figure, framed: its title, tools (downloads, embed codes),
/// the canvas, its key and notes, its table (made from the figure's own
/// table when first opened), the day its numbers refer to and its
/// sources. One component for every figure of the registry.
#[component]
pub fn ChartFrame(
    /// The chart to draw.
    chart: Chart,
    /// The chart's title.
    #[prop(into)]
    title: String,
    /// The language shown.
    lang: Lang,
    /// Where downloads and embed codes come from; none: no tools.
    #[prop(default = None, into)]
    export: Option<FigureExport>,
) -> impl IntoView {
    let sources = chart.sources();
    let as_of = chart.as_of();
    // The key: drawn under the canvas, and into the downloaded images.
    let legend = chart.legend(lang);
    let tools = export.map(|x| {
        let notes = caption_notes(&sources, as_of.as_deref().or(Some(&x.data.as_of)), lang);
        let legend = legend.clone();
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
            Callback::new(move |()| stamped(chart.shown_table(&title, lang), Some(&as_of), lang))
        };
        let full = {
            let (chart, title, data) = (chart.clone(), title.clone(), Arc::clone(&x.data));
            Callback::new(move |()| stamped(chart.full_table(&data, &title, lang), None, lang))
        };
        let embed = x.embed.map(|state| EmbedInfo {
            state: Signal::stored(state),
            as_of: x.data.as_of.clone(),
            height: first_height(chart.height(640.0)),
        });
        view! { <FigureTools title=title.clone() image shown full embed lang /> }
    });
    let key = legend
        .into_iter()
        .map(|(colour, label)| {
            view! { <li><span class="swatch" style=format!("background:{colour}")></span>{label}</li> }
        })
        .collect_view();
    let notes = chart.notes(lang);
    let notes = (!notes.is_empty()).then(|| {
        let items = notes
            .into_iter()
            .map(|n| view! { <li>{n}</li> })
            .collect_view();
        view! { <ul class="chart-notes">{items}</ul> }
    });
    let cites = sources
        .into_iter()
        .map(|s| {
            let date = s.published_suffix(lang);
            view! { <li><SourceLink source=s lang />{date}</li> }
        })
        .collect_view();
    let label = format!("{}: {title}", chart.figure().name().text(lang));
    let class = format!("chart {}", chart.css_class());
    let table = {
        let (chart, title) = (chart.clone(), title.clone());
        move || table_view(&chart.shown_table(&title, lang), lang)
    };
    let opened = RwSignal::new(false);
    view! {
        <figure class=class>
            <figcaption><h2>{title.clone()}</h2></figcaption>
            {tools}
            <ChartCanvas chart=chart.clone() lang label />
            <ul class="chart-key">{key}</ul>
            {notes}
            <details class="chart-table" on:toggle=move |ev| {
                if event_target::<web_sys::HtmlDetailsElement>(&ev).open() {
                    opened.set(true);
                }
            }>
                <summary>{Msg::ShowTable.text(lang)}</summary>
                // Made when first opened: a ranking of 3,321 communes has
                // as many rows, which need not exist until someone asks.
                {move || opened.get().then(table.clone())}
            </details>
            <div class="cite">
                {as_of.map(|d| view! { <p>{Msg::AsOf.text(lang)} ": " {format_date(&d, lang)}</p> })}
                <p>{Msg::Source.text(lang)} ":"</p>
                <ul>{cites}</ul>
            </div>
        </figure>
    }
}
