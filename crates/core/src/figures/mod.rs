//! The charts' drawing, on any plotters backend: the browser's canvas for
//! the page, SVG for downloads and for the static images of the embeds
//! (written natively by the publishers' tool). Each chart has a `height`
//! for a width and a `paint` that draws it and returns the parts that
//! answer hover, placed with plotters' own coordinate mapping.
//!
//! Sizes are in CSS pixels times `d`, the device pixel ratio of the
//! surface (1 for SVG, 2 for a PNG download, the screen's on the page).

pub mod map;
pub mod pillars;
pub mod ranking;
mod registry;
pub mod scene;
pub mod targets;
pub mod tasks;
pub mod trend;

pub use registry::{svg_of, Chart, Listed};

/// The index whose pillars and trend a province's figures show when the
/// link names no indicator.
pub const HEADLINE_INDICATOR: &str = "dti";

/// The province a province's figure (trend, pillars) shows for a view;
/// `Err` asks the reader to choose one.
fn chosen_province(data: &ProgressData, state: &UrlState) -> Result<UnitInfo, Msg> {
    state
        .province
        .as_deref()
        .and_then(|c| find_province(data, c))
        .ok_or(Msg::ChooseProvince)
}

use crate::charts::{find_province, UnitInfo};
use crate::data::{ProgressData, Source};
use crate::export::Table;
use crate::notes::html_escape;
use crate::url_state::UrlState;
use crate::Lang;
use crate::Msg;
use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::{IntoFont, RGBColor, TextStyle};

/// A part of a chart that answers hover and keyboard focus: its box in CSS
/// pixels and the lines of its tooltip.
#[derive(Clone, Debug, PartialEq)]
pub struct HitBox {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    pub lines: Vec<String>,
}

impl HitBox {
    /// A box from two corners in device pixels (as plotters'
    /// `backend_coord` gives them), scaled to CSS pixels.
    pub fn from_device(a: (i32, i32), b: (i32, i32), dpr: f64, lines: Vec<String>) -> HitBox {
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        HitBox {
            x0: f64::from(x0) / dpr,
            y0: f64::from(y0) / dpr,
            x1: f64::from(x1) / dpr,
            y1: f64::from(y1) / dpr,
            lines,
        }
    }

    /// Whether the point (CSS pixels) is inside the box.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
}

/// The colours of the paper a chart is drawn on; the data colours stay the
/// same on both (they were chosen to read on white and on near-black).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// The background.
    pub paper: RGBColor,
    /// Labels and axes.
    pub ink: RGBColor,
    /// Grid lines, secondary marks.
    pub soft: RGBColor,
}

impl Palette {
    /// Dark ink on white.
    pub const LIGHT: Palette = Palette {
        paper: RGBColor(0xff, 0xff, 0xff),
        ink: RGBColor(0x1b, 0x1f, 0x24),
        soft: RGBColor(0x9a, 0xa5, 0xb1),
    };
    /// Light ink on near-black (the page's dark theme).
    pub const DARK: Palette = Palette {
        paper: RGBColor(0x16, 0x1b, 0x22),
        ink: RGBColor(0xe6, 0xe9, 0xed),
        soft: RGBColor(0x76, 0x83, 0x90),
    };

    /// The palette of a theme: dark or not.
    pub fn of(dark: bool) -> Palette {
        if dark {
            Palette::DARK
        } else {
            Palette::LIGHT
        }
    }

    /// Text in this palette's ink at `size` CSS pixels on a surface of
    /// `d` device pixels per CSS pixel.
    pub fn font(&self, size: f64, d: f64) -> TextStyle<'static> {
        ("sans-serif", size * d).into_font().color(&self.ink)
    }

    /// `#rrggbb` of a colour, for CSS and SVG.
    pub fn hex(c: RGBColor) -> String {
        format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
    }
}

/// CSS pixels to device pixels.
pub fn px(css: f64, d: f64) -> i32 {
    (css * d).round() as i32
}

/// Cuts `text` to what fits in `width` device pixels at about `char_w`
/// device pixels a character, ending in "…" when cut.
pub fn fit(text: &str, width: f64, char_w: f64) -> String {
    let max = (width / char_w).floor().max(4.0) as usize;
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max - 1).collect();
    s.push('…');
    s
}

/// The main series (ColorBrewer Blues, dark).
pub const BLUE: plotters::style::RGBColor = plotters::style::RGBColor(0x21, 0x71, 0xb5);
/// Light blue: other units.
pub const LIGHT_BLUE: plotters::style::RGBColor = plotters::style::RGBColor(0x9e, 0xca, 0xe1);
/// The selected unit (Okabe–Ito orange, distinct for colour-blind readers).
pub const HIGHLIGHT: plotters::style::RGBColor = plotters::style::RGBColor(0xe6, 0x9f, 0x00);
/// Tasks completed (Okabe–Ito bluish green).
pub const DONE: plotters::style::RGBColor = plotters::style::RGBColor(0x00, 0x9e, 0x73);
/// Tasks in progress (Okabe–Ito blue).
pub const DOING: plotters::style::RGBColor = plotters::style::RGBColor(0x00, 0x72, 0xb2);
/// Tasks overdue (Okabe–Ito vermilion).
pub const LATE: plotters::style::RGBColor = plotters::style::RGBColor(0xd5, 0x5e, 0x00);

/// What every chart figure does, whatever it shows: the one chart interface
/// (as Our World in Data's grapher has one per chart type). A figure's
/// module holds its model, its drawing, its tables and how it is made from
/// the data for a view; [`registry`] lists the figures.
pub trait FigureKind: Sized {
    /// Made from the data for a view (the embed pages and the static
    /// images), with its title; `Err` says in words why there is none.
    fn build(data: &ProgressData, state: &UrlState, lang: Lang) -> Result<(Self, String), Msg>;
    /// The height in CSS pixels for a width in CSS pixels.
    fn height(&self, width: f64) -> f64;
    /// Draws the figure on `root` (its whole area) at `d` device pixels
    /// per CSS pixel and returns the parts that answer hover.
    fn paint<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        d: f64,
        pal: &Palette,
        lang: Lang,
    ) -> Vec<HitBox>;
    /// The key of its colours: each colour (CSS) with what it means.
    fn legend(&self, lang: Lang) -> Vec<(String, String)>;
    /// Where its numbers come from, each source once.
    fn sources(&self) -> Vec<Source>;
    /// What it shows, as a table (the page's table and the CSV download):
    /// each value as stored. A figure does not know the day its data is
    /// of; add it with [`Table::with_as_of`].
    fn shown_table(&self, title: &str, lang: Lang) -> Table;
    /// The full series behind it, from the data.
    fn full_table(&self, data: &ProgressData, title: &str, lang: Lang) -> Table;
    /// Lines said under it, beside its key (what a reader must know to read
    /// it right); none by default.
    fn notes(&self, _lang: Lang) -> Vec<String> {
        Vec::new()
    }
    /// The day its numbers refer to, when the figure itself knows it (the
    /// tasks' counts carry theirs); otherwise the data's date stands.
    fn as_of(&self) -> Option<String> {
        None
    }
}

/// Tasks in none of the published states (grey on either paper).
pub const OTHER: plotters::style::RGBColor = plotters::style::RGBColor(0x9a, 0xa5, 0xb1);

/// Cuts `text` into lines of at most `max` characters, at spaces where it
/// can.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// What a downloaded image says around its figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Caption {
    /// The figure's title, on top.
    pub title: String,
    /// The legend under the figure: each colour (CSS) with its label.
    pub legend: Vec<(String, String)>,
    /// The lines at the foot: sources, the day the data is of, where from.
    pub notes: Vec<String>,
}

/// A figure's SVG (`inner`, `w` x `h` CSS pixels) inside a complete image:
/// its title above, its legend and notes (source, date) below, on the
/// palette's paper, so the file stands on its own wherever it goes.
pub fn framed_svg(inner: &str, (w, h): (f64, f64), caption: &Caption, pal: &Palette) -> SvgImage {
    const PAD: f64 = 16.0;
    let ink = Palette::hex(pal.ink);
    let per_line = |size: f64| ((w - 2.0 * PAD) / (size * 0.56)).max(10.0) as usize;
    let mut body = String::new();
    let mut y = PAD;
    for line in wrap(&caption.title, per_line(18.0)) {
        y += 22.0;
        body.push_str(&format!(
            "<text x=\"{PAD}\" y=\"{y}\" font-family=\"sans-serif\" font-size=\"18\" font-weight=\"bold\" fill=\"{ink}\">{}</text>",
            html_escape(&line)
        ));
    }
    y += 10.0;
    let inner = inner.trim_start();
    let inner = match inner.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or(rest, |(_, r)| r).trim_start(),
        None => inner,
    };
    body.push_str(&inner.replacen("<svg ", &format!("<svg x=\"0\" y=\"{y}\" "), 1));
    y += h + 8.0;
    // The legend flows in rows: a swatch and its label, side by side.
    let mut x = PAD;
    if !caption.legend.is_empty() {
        y += 14.0;
    }
    for (colour, label) in &caption.legend {
        let item = 22.0 + label.chars().count() as f64 * 12.0 * 0.56 + 14.0;
        if x + item > w - PAD && x > PAD {
            x = PAD;
            y += 20.0;
        }
        body.push_str(&format!(
            "<rect x=\"{x}\" y=\"{}\" width=\"16\" height=\"12\" fill=\"{}\" stroke=\"{}\" stroke-width=\"0.5\"/>\
             <text x=\"{}\" y=\"{y}\" font-family=\"sans-serif\" font-size=\"12\" fill=\"{ink}\">{}</text>",
            y - 10.0,
            html_escape(colour),
            Palette::hex(pal.soft),
            x + 22.0,
            html_escape(label)
        ));
        x += item;
    }
    if !caption.legend.is_empty() {
        y += 8.0;
    }
    for note in &caption.notes {
        for line in wrap(note, per_line(12.0)) {
            y += 16.0;
            body.push_str(&format!(
                "<text x=\"{PAD}\" y=\"{y}\" font-family=\"sans-serif\" font-size=\"12\" fill=\"{ink}\">{}</text>",
                html_escape(&line)
            ));
        }
    }
    let total = (y + PAD).ceil();
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{total}\" viewBox=\"0 0 {w} {total}\">\
         <rect width=\"100%\" height=\"100%\" fill=\"{}\"/>{body}</svg>",
        Palette::hex(pal.paper)
    );
    SvgImage {
        svg,
        width: w,
        height: total,
    }
}

/// A complete SVG image and its size in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgImage {
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

/// The lines at the foot of a downloaded image: each source with its date
/// and address (only `http(s)` ones), and the day the data is of.
pub fn caption_notes(sources: &[Source], as_of: Option<&str>, lang: Lang) -> Vec<String> {
    let mut notes: Vec<String> = sources
        .iter()
        .map(|s| crate::notes::source_note(s, lang))
        .collect();
    notes.extend(as_of.map(|d| crate::notes::as_of_note(d, lang)));
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{figure_chart, Figure};
    use crate::UrlState;

    fn parses(svg: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"))
    }

    /// Guards the SVG downloads and static images: every chart, drawn on
    /// plotters' SVG backend, is well-formed, as wide as asked, and its
    /// framed image carries the title, legend and notes as text.
    #[test]
    fn every_chart_draws_as_well_formed_svg() {
        let d = crate::test_support::demo();
        let state = UrlState::from_query("?province=79");
        for f in Figure::ALL.into_iter().filter(|f| *f != Figure::Map) {
            let (chart, title) = figure_chart(&d, f, &state, Lang::Vi).expect("a chart");
            let inner = chart.svg(720.0, &Palette::LIGHT, Lang::Vi);
            assert_eq!(
                parses(&inner).root_element().attribute("width"),
                Some("720"),
                "{f:?}"
            );
            let caption = Caption {
                title: title.clone(),
                legend: chart.legend(Lang::Vi),
                notes: caption_notes(&chart.sources(), Some(&d.as_of), Lang::Vi),
            };
            let image = framed_svg(
                &inner,
                (720.0, chart.height(720.0)),
                &caption,
                &Palette::LIGHT,
            );
            let doc = parses(&image.svg);
            let text: String = doc
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .join(" ");
            let first_word = title.split_whitespace().next().unwrap_or_default();
            assert!(text.contains(first_word), "{f:?} lacks its title: {text}");
            assert!(text.contains("Nguồn:"), "{f:?} lacks its source");
            assert!(text.contains("25/02/2026"), "{f:?} lacks the data's date");
            assert!(
                image.height > chart.height(720.0),
                "{f:?}: the frame adds room"
            );
        }
    }

    /// Guards hostile text in images: a title with markup is text in the
    /// SVG, never an element.
    #[test]
    fn framed_svg_keeps_markup_in_titles_as_text() {
        let caption = Caption {
            title: "<script>alert(1)</script> & \"quotes\"".into(),
            legend: vec![("red\"/><script>x</script>".into(), "<b>bold</b>".into())],
            notes: vec!["javascript:alert(1) <img src=x onerror=alert(1)>".into()],
        };
        let image = framed_svg(
            "<svg width=\"10\" height=\"10\"></svg>",
            (300.0, 10.0),
            &caption,
            &Palette::DARK,
        );
        let doc = parses(&image.svg);
        assert!(doc
            .descendants()
            .all(|n| !matches!(n.tag_name().name(), "script" | "img" | "b")));
        assert!(image.svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(image.svg.contains("fill=\"#161b22\""), "dark paper");
    }

    /// Guards the map image: one filled path per region, hatching where a
    /// value is missing, the selected unit outlined, the archipelagos named.
    #[test]
    fn map_draws_as_svg_with_every_region() {
        let d = crate::test_support::demo();
        let (i, p) = crate::choropleth::chosen_view(&d, None, None).expect("a view");
        let mut m = crate::choropleth::map_data(&d, &i, &p).expect("a map");
        m.rows[0].value = None;
        let missing = m.rows[0].code.clone();
        let path = format!(
            "{}/../../public/geo/vn-provinces-2025.topo.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let regions = crate::boundaries::decode_first(&std::fs::read_to_string(path).unwrap())
            .expect("boundaries");
        let svg = map::svg(
            &regions,
            None,
            Some(&m),
            (None, Some("79")),
            640.0,
            (&Palette::LIGHT, Lang::Vi),
        )
        .expect("a map");
        let doc = parses(&svg);
        let filled: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("path") && n.attribute("fill").is_some_and(|f| f != "none"))
            .collect();
        assert_eq!(filled.len(), regions.len());
        let hatched = filled
            .iter()
            .find(|n| n.attribute("fill") == Some("url(#np)"))
            .expect("a hatched unit");
        assert_eq!(
            hatched.first_element_child().and_then(|t| t.text()),
            Some(missing.as_str())
        );
        let outlines = doc
            .descendants()
            .filter(|n| n.has_tag_name("path") && n.attribute("stroke-width") == Some("2.5"))
            .count();
        assert!(outlines >= 1, "the selected unit is outlined");
        // The archipelagos named with their provinces, in the language
        // asked, each inset with its scale in kilometres.
        for (lang, names) in [
            (Lang::Vi, [">Quần đảo Hoàng Sa<", ">Quần đảo Trường Sa<"]),
            (
                Lang::En,
                [">Hoàng Sa archipelago<", ">Trường Sa archipelago<"],
            ),
        ] {
            let svg = map::svg(
                &regions,
                None,
                Some(&m),
                (None, None),
                640.0,
                (&Palette::LIGHT, lang),
            )
            .expect("a map");
            for want in names.into_iter().chain([">(Đà Nẵng)<", ">(Khánh Hòa)<"]) {
                assert!(svg.contains(want), "{lang:?}: {want}");
            }
            assert_eq!(svg.matches(" km<").count(), 2, "{lang:?}: two scale bars");
        }
    }

    /// Guards the credit line of the map image: it names the source of the
    /// boundaries it drew, the official map for the 34, Natural Earth for
    /// the 63 (and for the former borders drawn over the 34), in both
    /// languages.
    #[test]
    fn the_map_image_credits_the_boundaries_it_drew() {
        let credits = |set: &str, former: bool, lang: Lang| map::credits(set, former, lang);
        assert_eq!(
            credits("vn-province-2025", false, Lang::En),
            ["Boundaries: Vietnam Administrative Units Reference Map (sapnhap.bando.com.vn), via vietnamese-provinces-database (MIT)"]
        );
        let vi = credits("vn-province-2025", false, Lang::Vi);
        assert!(
            vi.len() == 1
                && vi[0].starts_with("Ranh giới:")
                && vi[0].contains("sapnhap.bando.com.vn"),
            "{vi:?}"
        );
        assert_eq!(
            credits("vn-province-2008", false, Lang::En),
            ["Boundaries: Natural Earth (public domain)"]
        );
        let both = credits("vn-province-2025", true, Lang::En);
        assert!(
            both.len() == 2 && both[0].contains("bando") && both[1].contains("Natural Earth"),
            "{both:?}"
        );
        assert_eq!(credits("vn-province-2008", true, Lang::En).len(), 1);
        assert_eq!(
            credits("publisher-communes", false, Lang::En),
            [Msg::BoundariesPublished.text(Lang::En)]
        );

        let d = crate::test_support::demo();
        let (i, p) = crate::choropleth::chosen_view(&d, None, None).expect("a view");
        let m = crate::choropleth::map_data(&d, &i, &p).expect("a map");
        assert_eq!(m.unit_set, "vn-province-2025");
        let path = format!(
            "{}/../../public/geo/vn-provinces-2025.topo.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let regions = crate::boundaries::decode_first(&std::fs::read_to_string(path).unwrap())
            .expect("boundaries");
        for lang in Lang::ALL {
            let image = map::image(&m, (&regions, None), (None, None), "T", Vec::new(), lang)
                .expect("an image");
            // The notes wrap: read the image's lines of text as one.
            let doc = parses(&image.svg);
            let text: Vec<&str> = doc
                .descendants()
                .filter(|n| n.has_tag_name("text"))
                .filter_map(|n| n.text())
                .collect();
            let text = text.join(" ");
            let credit = &credits("vn-province-2025", false, lang)[0];
            assert!(
                text.contains(credit.as_str()),
                "{lang:?}: {credit} in {text}"
            );
            assert!(!text.contains("Natural Earth"), "{lang:?}");
        }
    }
}
