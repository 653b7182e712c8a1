//! A chart figure on a framework-free page (a chart's embed page, the
//! overview's ranking): framed as the site's `ChartFrame` frames it, with
//! its title, downloads, canvas, key,
//! notes, table (made when first opened), the day its numbers refer to
//! and its sources. Generic over the kind, so that a build that names one
//! kind carries no other's code.

use super::chart_canvas::ChartCanvas;
use super::dom::{el, El};
use super::parts::{downloads, source_link, Downloads};
use crate::browser::{caption_notes, stamped};
use std::sync::Arc;
use tien_do_core::export::Table;
use tien_do_core::figures::{framed_svg, svg_of, Caption, Listed, Palette};
use tien_do_core::format::format_date;
use tien_do_core::{Lang, Msg, ProgressData};

/// Width in CSS pixels of the downloaded images of a chart.
const IMAGE_WIDTH: f64 = 720.0;

/// The chart framed as the site's `ChartFrame` frames it, in the language
/// and paper `(l, dark)`, without embed codes (outside an embed, see
/// `embed_dialog::add_embed_codes`).
pub fn chart_figure<K: Listed + 'static>(
    chart: Arc<K>,
    title: &str,
    data: Arc<ProgressData>,
    (l, dark): (Lang, bool),
) -> El {
    let sources = chart.sources();
    let as_of = chart.as_of();
    let legend = chart.legend(l);
    let tools = {
        let image = {
            let (chart, title, legend, sources) = (
                Arc::clone(&chart),
                title.to_string(),
                legend.clone(),
                sources.clone(),
            );
            let as_of = as_of.clone().unwrap_or_else(|| data.as_of.clone());
            move || {
                let pal = Palette::LIGHT;
                let caption = Caption {
                    title: title.clone(),
                    legend: legend.clone(),
                    notes: caption_notes(&sources, Some(&as_of), l),
                };
                Some(framed_svg(
                    &svg_of(chart.as_ref(), IMAGE_WIDTH, &pal, l),
                    (IMAGE_WIDTH, chart.height(IMAGE_WIDTH)),
                    &caption,
                    &pal,
                ))
            }
        };
        let shown = {
            let (chart, title, as_of) = (Arc::clone(&chart), title.to_string(), data.as_of.clone());
            move || stamped(chart.shown_table(&title, l), Some(&as_of), l)
        };
        let full = {
            let (chart, title, data) = (Arc::clone(&chart), title.to_string(), Arc::clone(&data));
            move || stamped(chart.full_table(&data, &title, l), None, l)
        };
        downloads(title, l, Downloads { image, shown, full })
    };
    let label = format!("{}: {title}", K::FIGURE.name().text(l));
    let canvas = ChartCanvas::new(Arc::clone(&chart), l, dark, &label);
    let mut key = el("ul").class("chart-key");
    for (colour, label) in &legend {
        let swatch = el("span")
            .class("swatch")
            .attr("style", &format!("background:{colour}"));
        key = key.child(el("li").child(swatch).text(label));
    }
    let notes = chart.notes(l);
    let notes = (!notes.is_empty()).then(|| {
        notes.iter().fold(el("ul").class("chart-notes"), |ul, n| {
            ul.child(el("li").text(n))
        })
    });
    // The table, made when first opened: a ranking of 3,321 communes has
    // as many rows, which need not exist until someone asks.
    let table = el("details")
        .class("chart-table")
        .child(el("summary").text(Msg::ShowTable.text(l)));
    let details = table.0.clone();
    let (c, t) = (Arc::clone(&chart), title.to_string());
    let table = table.on("toggle", move |_| {
        let open = details.has_attribute("open");
        if open && details.query_selector("table").ok().flatten().is_none() {
            let _ = details.append_child(&table_view(&c.shown_table(&t, l), l).0);
        }
    });
    let mut cites = el("ul");
    for s in &sources {
        cites = cites.child(
            el("li")
                .child(source_link(s, l))
                .text(&s.published_suffix(l).unwrap_or_default()),
        );
    }
    let cite = el("div")
        .class("cite")
        .child_opt(as_of.map(|d| {
            el("p")
                .text(Msg::AsOf.text(l))
                .text(": ")
                .text(&format_date(&d, l))
        }))
        .child(el("p").text(Msg::Source.text(l)).text(":"))
        .child(cites);
    el("figure")
        .class(&format!("chart {}", K::CLASS))
        .child(el("figcaption").child(el("h2").text(title)))
        .child(tools)
        .child(canvas.element())
        .child(key)
        .child_opt(notes)
        .child(table)
        .child(cite)
}

/// The figure's table as the page shows it (the site's `ChartFrame`'s):
/// the same table as its CSV download, numbers in the reader's notation,
/// the summary rows in the foot, the selected unit marked.
fn table_view(table: &Table, l: Lang) -> El {
    let mut head = el("tr");
    for (i, h) in table.header.iter().enumerate() {
        let num = table.is_number_column(i);
        head = head.child(el("th").attr("scope", "col").class_if("num", num).text(h));
    }
    let row = |marked: bool, r: &[String]| {
        let mut tr = el("tr").class_if("selected", marked);
        for (i, c) in r.iter().enumerate() {
            tr = tr.child(
                el("td")
                    .class_if("num", table.is_number_cell(i, c))
                    .text(&table.display(i, c, l)),
            );
        }
        tr
    };
    let (body, foot) = table.body_and_foot();
    let tbody = body.iter().enumerate().fold(el("tbody"), |b, (n, r)| {
        b.child(row(table.marked.contains(&n), r))
    });
    let tfoot = foot.iter().fold(el("tfoot"), |f, r| f.child(row(false, r)));
    el("table")
        .child(el("thead").child(head))
        .child(tbody)
        .child(tfoot)
}
