//! Figures that can be embedded in another site: which they are, the
//! embed page's address for a view, the snippets a journalist pastes, and
//! the messages an embed page sends its host to be sized.
//!
//! An embed page is `embed-<figure>.html` beside `index.html` (written by
//! the publishers' tool at build time, each with its oEmbed discovery
//! link) and takes the same query keys as the full page, plus `theme`.

use crate::figures::Chart;
use crate::notes::html_escape;
pub use crate::url_state::{Figure, Theme};
use crate::url_state::{Page, UrlState};
use crate::{Lang, Msg, ProgressData};

/// Which data an embed shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Release {
    /// Whatever the publisher publishes next: `data/progress.json`.
    Latest,
    /// This release, kept at [`release_file`]: the figure never changes.
    Pinned,
}

/// Where a publisher keeps the release of `as_of` (the data's date), beside
/// `data/progress.json`.
pub fn release_file(as_of: &str) -> String {
    let day: String = as_of
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(32)
        .collect();
    format!("data/releases/{day}.json")
}

/// The state an embed of `figure` keeps from the view it was made from:
/// what the figure shows and the language shown (`lang`, also when the
/// reader's choice was only remembered); not the page's own search, sort,
/// nor keys it does not know. (The trend and the pillars always show the
/// headline index's latest, as the province page does.)
pub fn embed_state(view: &UrlState, figure: Figure, lang: Lang) -> UrlState {
    let mut e = UrlState {
        page: Page::Embed,
        figure: Some(figure),
        lang: Some(lang),
        data: view.data.clone(),
        ..UrlState::default()
    };
    if matches!(figure, Figure::Map | Figure::Ranking) {
        e.indicator = view.indicator.clone();
        e.period = view.period.clone();
    }
    if figure != Figure::Tasks && figure != Figure::Targets {
        e.province = view.province.clone();
    }
    if figure == Figure::Map {
        e.zoom = view.zoom;
        e.former = view.former;
        e.level = view.level;
        e.commune = view.commune.clone();
    }
    e
}

/// The full page an embed links back to: the same view, on the site.
pub fn full_view(embed: &UrlState) -> UrlState {
    let figure = embed.figure.unwrap_or(Figure::Map);
    // `with_page` leaves the embed's own keys (figure, theme) behind.
    UrlState {
        extra: Vec::new(),
        ..embed.with_page(figure.page())
    }
}

/// The address of the full view an embed links back to, on the site in
/// folder `site`.
pub fn full_view_url(site: &str, embed: &UrlState) -> String {
    format!("{site}{}", full_view(embed).to_query())
}

/// A first height for an embed's iframe, in CSS pixels, from its figure's
/// drawn height: room for the title, tools, key, sources and link.
pub fn first_height(figure_height: f64) -> u32 {
    (figure_height + 190.0).round().clamp(200.0, 4000.0) as u32
}

/// Whether an embed page may read its data from `url`: a path on the
/// site's own server only (`data/…`, `/…`), never another site, so that a
/// frame on the official address cannot be made to show anyone's JSON.
pub fn embed_data_allowed(url: &str) -> bool {
    let url = url.trim();
    let before_slash = url.split('/').next().unwrap_or_default();
    !url.starts_with("//") && !url.starts_with('\\') && !before_slash.contains(':')
}

/// The address of an embed page: `site` is the site's folder, ending in
/// `/` (as `https://example.gov.vn/tien-do/`). The query leaves out
/// `page` and `figure`: the file says them.
pub fn embed_url(site: &str, state: &UrlState) -> String {
    let figure = state.figure.unwrap_or(Figure::Map);
    let query = UrlState {
        page: Page::Overview,
        figure: None,
        ..state.clone()
    }
    .to_query();
    format!("{site}{}{query}", figure.embed_file())
}

/// The plain iframe snippet: a fixed height, works everywhere.
pub fn iframe_snippet(src: &str, title: &str, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" \
         style=\"border:0;width:100%;max-width:100%\" scrolling=\"no\" loading=\"lazy\" \
         data-tien-do-embed></iframe>",
        html_escape(src),
        html_escape(title)
    )
}

/// The responsive snippet: the host script (`embed.js`, from the same site)
/// puts the iframe in and keeps it as tall as its content; without
/// JavaScript the reader sees the static image, linked to the full view.
pub fn responsive_snippet(
    src: &str,
    title: &str,
    site: &str,
    image: &str,
    full: &str,
    height: u32,
) -> String {
    format!(
        "<div class=\"tien-do-embed\" data-src=\"{src}\" data-title=\"{title}\" \
         data-height=\"{height}\">\
         <noscript><a href=\"{full}\"><img src=\"{image}\" alt=\"{title}\" \
         style=\"width:100%;height:auto\"></a></noscript></div>\
         <script async src=\"{script}\"></script>",
        src = html_escape(src),
        title = html_escape(title),
        full = html_escape(full),
        image = html_escape(image),
        script = html_escape(&format!("{site}embed.js")),
    )
}

/// The messages an embed page posts to its host for a content height in
/// CSS pixels, in the formats newsrooms already listen for: Datawrapper's
/// (`{"datawrapper-height": {id: h}}`), pym.js's
/// (`pymxPYMx<id>xPYMxheightxPYMx<h>`, where `id` is the `childId` the
/// pym parent put in the URL) and AMP's (`{sentinel: "amp", type:
/// "embed-size", height: h}`). Each is a JSON text or a plain string.
pub fn height_messages(id: &str, pym_child_id: Option<&str>, height: u32) -> Vec<HeightMessage> {
    let mut out = vec![
        HeightMessage::Json(format!(
            "{{\"datawrapper-height\":{{{}:{height}}}}}",
            crate::json::Value::String(id.to_string()).to_json()
        )),
        HeightMessage::Json(format!(
            "{{\"sentinel\":\"amp\",\"type\":\"embed-size\",\"height\":{height}}}"
        )),
    ];
    if let Some(child) = pym_child_id {
        out.push(HeightMessage::Text(format!(
            "pymxPYMx{child}xPYMxheightxPYMx{height}"
        )));
    }
    out
}

/// One message to post: an object (as JSON text, to parse into a JS
/// object) or a string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeightMessage {
    Json(String),
    Text(String),
}

/// The oEmbed document of a figure (type `rich`), as the publishers' tool
/// writes it at build time: `site` is the site's absolute address.
pub fn oembed_json(figure: Figure, site: &str, title: &str, lang: Lang, height: u32) -> String {
    let state = UrlState {
        page: Page::Embed,
        figure: Some(figure),
        lang: Some(lang),
        ..UrlState::default()
    };
    let src = embed_url(site, &state);
    let doc = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": Msg::AppTitle.text(lang),
        "provider_url": site,
        "title": title,
        "width": 640,
        "height": height,
        "html": iframe_snippet(&src, title, height),
        "thumbnail_url": format!("{site}{}", figure.image_file()),
        "thumbnail_width": 640,
        "thumbnail_height": height,
        "cache_age": 3600,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

pub use crate::figures::HEADLINE_INDICATOR;

/// The chart a figure shows for a view, with its title, as the embed page
/// and the static images draw it; `Err` says in words why there is none
/// (the map is not a chart; a province's figure needs a province).
pub fn figure_chart(
    data: &ProgressData,
    figure: Figure,
    state: &UrlState,
    lang: Lang,
) -> Result<(Chart, String), Msg> {
    Chart::build(figure, data, state, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figure_and_theme_slugs_round_trip() {
        for f in Figure::ALL {
            assert_eq!(Figure::from_slug(f.slug()), Some(f));
        }
        for t in Theme::ALL {
            assert_eq!(Theme::from_slug(t.slug()), Some(t));
        }
        assert_eq!(Figure::from_slug("chart"), None);
        assert!(Theme::Auto.is_dark(true) && !Theme::Auto.is_dark(false));
        assert!(Theme::Dark.is_dark(false) && !Theme::Light.is_dark(true));
    }

    /// Guards the embed link: the view survives, the page's own keys do not,
    /// and the full view links back to the page the figure comes from.
    #[test]
    fn embed_state_keeps_the_view_and_links_back() {
        let view = UrlState::from_query(
            "?page=map&indicator=dti.total&period=2024-34&province=79&zoom=2/16.1/107.2&former=1&q=x&lang=en&utm_source=a",
        );
        let mut e = embed_state(&view, Figure::Map, Lang::En);
        e.theme = Some(Theme::Dark);
        let url = embed_url("https://example.gov.vn/tien-do/", &e);
        assert_eq!(
            url,
            "https://example.gov.vn/tien-do/embed-map.html?province=79&indicator=dti.total&period=2024-34&zoom=2/16.1/107.2&former=1&theme=dark&lang=en"
        );
        let back = full_view(&e);
        assert_eq!(
            back.to_query(),
            "?page=map&province=79&indicator=dti.total&period=2024-34&zoom=2/16.1/107.2&former=1&lang=en"
        );
        let tasks = embed_state(&view, Figure::Tasks, Lang::En);
        assert_eq!(
            embed_url("/", &tasks),
            "/embed-tasks.html?lang=en",
            "the tasks figure takes no province or indicator"
        );
        assert_eq!(full_view(&tasks).page, Page::Tasks);
        let trend = embed_state(&view, Figure::Trend, Lang::Vi);
        assert_eq!(
            (
                trend.province.as_deref(),
                trend.indicator.as_deref(),
                trend.period.as_deref()
            ),
            (Some("79"), None, None),
            "the trend shows the headline index, as the province page"
        );
        assert_eq!(
            trend.lang,
            Some(Lang::Vi),
            "the language shown, even if only remembered"
        );
        assert_eq!(full_view(&trend).page, Page::Province);
        assert_eq!(
            full_view_url("https://x/td/", &trend),
            "https://x/td/?page=province&province=79&lang=vi"
        );
    }

    #[test]
    fn snippets_escape_what_they_quote() {
        let s = iframe_snippet(
            "https://x/embed-map.html?a=1&b=2",
            "Bản đồ \"DTI\" <2024>",
            480,
        );
        assert!(
            s.contains("src=\"https://x/embed-map.html?a=1&amp;b=2\""),
            "{s}"
        );
        assert!(
            s.contains("title=\"Bản đồ &quot;DTI&quot; &lt;2024&gt;\""),
            "{s}"
        );
        assert!(s.contains("height=\"480\""));
        let r = responsive_snippet(
            "https://x/embed-map.html",
            "T",
            "https://x/",
            "https://x/figures/map.svg",
            "https://x/?page=map",
            500,
        );
        assert!(r.contains("data-src=\"https://x/embed-map.html\""));
        assert!(r.contains(
            "<noscript><a href=\"https://x/?page=map\"><img src=\"https://x/figures/map.svg\""
        ));
        assert!(r.ends_with("<script async src=\"https://x/embed.js\"></script>"));
    }

    /// Guards the three height formats against the shapes their listeners
    /// parse (Datawrapper's, pym.js's and AMP's).
    #[test]
    fn height_messages_use_the_newsroom_formats() {
        let m = height_messages("tien-do-map", Some("chart-1"), 612);
        let HeightMessage::Json(dw) = &m[0] else {
            panic!()
        };
        let v: serde_json::Value = serde_json::from_str(dw).unwrap();
        assert_eq!(v["datawrapper-height"]["tien-do-map"], 612);
        let HeightMessage::Json(amp) = &m[1] else {
            panic!()
        };
        let v: serde_json::Value = serde_json::from_str(amp).unwrap();
        assert_eq!(
            (
                v["sentinel"].as_str(),
                v["type"].as_str(),
                v["height"].as_u64()
            ),
            (Some("amp"), Some("embed-size"), Some(612))
        );
        assert_eq!(
            m[2],
            HeightMessage::Text("pymxPYMxchart-1xPYMxheightxPYMx612".into())
        );
        assert_eq!(height_messages("a\"b", None, 1).len(), 2);
        let HeightMessage::Json(q) = &height_messages("a\"b", None, 1)[0] else {
            panic!()
        };
        assert!(serde_json::from_str::<serde_json::Value>(q).is_ok());
    }

    #[test]
    fn oembed_is_rich_with_an_absolute_iframe() {
        let j = oembed_json(Figure::Trend, "https://x.vn/td/", "Xu hướng", Lang::Vi, 420);
        let v: serde_json::Value = serde_json::from_str(&j).unwrap();
        assert_eq!(v["version"], "1.0");
        assert_eq!(v["type"], "rich");
        assert_eq!(v["height"], 420);
        assert!(v["html"]
            .as_str()
            .unwrap()
            .contains("src=\"https://x.vn/td/embed-trend.html?lang=vi\""));
        assert_eq!(v["thumbnail_url"], "https://x.vn/td/figures/trend.svg");
    }

    /// Guards the embed page's figures: each resolves on the demo data for
    /// a province, and a province's figure without one says so.
    #[test]
    fn every_chart_figure_resolves_on_the_demo() {
        let d = crate::test_support::demo();
        let state = UrlState::from_query("?province=01");
        for f in Figure::ALL.into_iter().filter(|f| *f != Figure::Map) {
            let (chart, title) = figure_chart(&d, f, &state, Lang::En)
                .unwrap_or_else(|m| panic!("{f:?}: {}", m.text(Lang::En)));
            assert!(!title.is_empty());
            assert!(chart.height(640.0) > 100.0, "{f:?}");
        }
        assert_eq!(
            figure_chart(&d, Figure::Trend, &UrlState::default(), Lang::Vi).err(),
            Some(Msg::ChooseProvince)
        );
    }

    /// Guards embeds against showing another site's JSON under the
    /// official address.
    #[test]
    fn embeds_read_data_from_their_own_site_only() {
        for ok in [
            "data/progress.json",
            "data/releases/2025-11-15.json",
            "/tien-do/data/x.json",
        ] {
            assert!(embed_data_allowed(ok), "{ok}");
        }
        for bad in [
            "https://evil.example/p.json",
            "//evil.example/p.json",
            "javascript:alert(1)",
            "data:application/json,{}",
            " HTTPS://evil.example/",
            "\\\\evil\\p.json",
        ] {
            assert!(!embed_data_allowed(bad), "{bad}");
        }
        assert_eq!(first_height(400.0), 590);
    }

    #[test]
    fn release_files_are_plain_names() {
        assert_eq!(release_file("2025-10-21"), "data/releases/2025-10-21.json");
        assert_eq!(release_file("../../etc"), "data/releases/etc.json");
    }
}
