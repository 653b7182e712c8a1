//! A chart's embed page (`embed-ranking.html`, `embed-trend.html`…)
//! without a framework: the same elements, classes and texts as the
//! site's embedded chart (`EmbedChart` and `ChartFrame` in the site's
//! build, for `?page=embed` on the site's address), built once from the
//! loaded data. One figure kind per page: [`show`] is generic over the
//! kind, so a build that names one kind carries no other's code.

use super::chart_canvas::ChartCanvas;
use super::dom::{el, listen, El};
use super::embed_page::{downloads, source_link, view_now, Downloads, Shell};
use crate::browser::{self, caption_notes, stamped};
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::export::Table;
use tien_do_core::figures::{framed_svg, svg_of, Caption, Listed, Palette};
use tien_do_core::format::format_date;
use tien_do_core::{Lang, Msg, ProgressData};

/// Width in CSS pixels of the downloaded images of a chart.
const IMAGE_WIDTH: f64 = 720.0;

/// What a page draws from the loaded data.
pub type Draw = fn(&Shell, Arc<ProgressData>);

/// Builds a chart's embed page in `<body>` and loads its data; `draw`
/// picks the kind of chart for the figure the page names ([`show`] of
/// that kind).
pub fn start(draw: impl Fn(&Shell) -> Draw) {
    let shell = Shell::start();
    let draw = draw(&shell);
    // Back and forward: another view is loaded (a chart's view changes by
    // its address alone).
    if let Some(w) = web_sys::window() {
        let me = Rc::clone(&shell);
        listen(&w, "popstate", move |_| {
            if view_now() != *me.state.borrow() {
                browser::reload();
            }
        });
    }
    let me = Rc::clone(&shell);
    shell.load(false, Rc::new(move |data| draw(&me, data)));
}

/// Draws the chart of kind `K` for the page's view, framed: its title,
/// downloads, canvas, key, notes, table (made when first opened), the
/// day its numbers refer to and its sources; or, where the view has
/// nothing to draw, why.
pub fn show<K: Listed + 'static>(shell: &Shell, data: Arc<ProgressData>) {
    let l = shell.lang;
    let built = K::build(&data, &shell.state.borrow(), l);
    match built {
        Err(msg) => shell.show_framed(el("p").class("chart-note").text(msg.text(l))),
        Ok((chart, title)) => shell.show_framed(frame(Arc::new(chart), &title, data, shell)),
    }
}

/// Says that the page's figure has no chart (the map's page is another
/// build's).
pub fn no_chart(shell: &Shell, _: Arc<ProgressData>) {
    let l = shell.lang;
    shell.show_framed(el("p").class("chart-note").text(Msg::MapFigure.text(l)));
}

/// The chart framed as the site's `ChartFrame` frames it.
fn frame<K: Listed + 'static>(
    chart: Arc<K>,
    title: &str,
    data: Arc<ProgressData>,
    shell: &Shell,
) -> El {
    let l = shell.lang;
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
    let canvas = ChartCanvas::new(Arc::clone(&chart), l, shell.dark, &label);
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
