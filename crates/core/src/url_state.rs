//! What the user selected, as it is kept in the page's query string.
//!
//! The query string is the one source of truth for the view, so every view is
//! a link that can be shared, bookmarked or reloaded on any static server
//! with no rewrite rules (the path never changes; only `?…` does).
//!
//! | key        | meaning                                   | default     |
//! |------------|-------------------------------------------|-------------|
//! | `page`     | `overview`, `map`, `province`, `tasks`, `data`, `embed` | `overview` |
//! | `province` | official code of the selected province    | none        |
//! | `indicator`| indicator id shown on the map             | the first with values |
//! | `period`   | period id shown on the map                | its latest  |
//! | `zoom`     | map zoom, `level/lat/lon`                 | whole country |
//! | `former`   | `1`: draw the former provinces' borders   | not drawn   |
//! | `q`        | the data table's search                   | none        |
//! | `sort`     | the data table's column, `-` first to sort descending | by indicator |
//! | `figure`   | the figure an embed page shows: `map`, `ranking`, `trend`, `pillars`, `tasks`, `targets` | `map` |
//! | `theme`    | an embed's colours: `auto`, `light`, `dark` | `auto` (the reader's system) |
//! | `lang`     | `vi` or `en`                              | remembered, else `vi` |
//! | `data`     | URL of the published JSON, for publishers | `data/progress.json` |
//!
//! Keys this version does not know are kept, in order, so that links made by
//! a newer version (or with tracking parameters) survive a round trip.

use crate::i18n::{Lang, Msg};
use crate::zoom::MapZoom;

/// The figures that can be embedded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    /// The choropleth map of one indicator and period.
    Map,
    /// The provinces ranked on one indicator and period.
    Ranking,
    /// A province over the periods of one indicator.
    Trend,
    /// A province's profile on the DTI pillars.
    Pillars,
    /// Tasks by meeting.
    Tasks,
    /// National figures against their targets.
    Targets,
}

impl Figure {
    /// Every figure.
    pub const ALL: [Figure; 6] = [
        Figure::Map,
        Figure::Ranking,
        Figure::Trend,
        Figure::Pillars,
        Figure::Tasks,
        Figure::Targets,
    ];

    /// The value of `?figure=` and the name of its embed page.
    pub fn slug(self) -> &'static str {
        match self {
            Figure::Map => "map",
            Figure::Ranking => "ranking",
            Figure::Trend => "trend",
            Figure::Pillars => "pillars",
            Figure::Tasks => "tasks",
            Figure::Targets => "targets",
        }
    }

    /// Reads a slug; unknown ones give `None`.
    pub fn from_slug(slug: &str) -> Option<Figure> {
        Figure::ALL.into_iter().find(|f| f.slug() == slug.trim())
    }

    /// What kind of figure it is, in words.
    pub fn name(self) -> Msg {
        match self {
            Figure::Map => Msg::MapFigure,
            Figure::Ranking => Msg::RankingChart,
            Figure::Trend => Msg::TrendChart,
            Figure::Pillars => Msg::PillarChart,
            Figure::Tasks => Msg::TaskChart,
            Figure::Targets => Msg::TargetChart,
        }
    }

    /// The page of the full site that shows this figure.
    pub fn page(self) -> Page {
        match self {
            Figure::Map | Figure::Ranking => Page::Map,
            Figure::Trend | Figure::Pillars => Page::Province,
            Figure::Tasks | Figure::Targets => Page::Tasks,
        }
    }

    /// The embed page's file, beside `index.html`.
    pub fn embed_file(self) -> String {
        format!("embed-{}.html", self.slug())
    }

    /// Its oEmbed file, relative to the site.
    pub fn oembed_file(self) -> String {
        format!("oembed/{}.json", self.slug())
    }

    /// Its static image (SVG of the data at build time), relative to the
    /// site: what a reader without JavaScript sees.
    pub fn image_file(self) -> String {
        format!("figures/{}.svg", self.slug())
    }
}

/// The colours an embed is drawn in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// The reader's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// Every theme.
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The value of `?theme=`.
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Reads a slug; unknown ones give `None`.
    pub fn from_slug(slug: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.slug() == slug.trim())
    }

    /// Whether to draw dark, given whether the reader's system prefers dark.
    pub fn is_dark(self, system_prefers_dark: bool) -> bool {
        match self {
            Theme::Auto => system_prefers_dark,
            Theme::Light => false,
            Theme::Dark => true,
        }
    }
}

/// Where the app fetches the published JSON when `?data=` is absent:
/// relative to the page, so the site works from any sub-folder.
pub const DEFAULT_DATA_URL: &str = "data/progress.json";

/// Longest `?data=` value accepted; longer ones are ignored.
pub const MAX_DATA_URL_LEN: usize = 2048;

/// Longest `?q=` value accepted, in characters; longer ones are ignored.
const MAX_QUERY_LEN: usize = 100;

/// `url` where it may be a link: a relative address or an http(s) one;
/// `None` for any other scheme (`javascript:`, `data:`…).
pub fn safe_link(url: &str) -> Option<&str> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme = lower
        .find(':')
        .filter(|&i| !lower[..i].contains(['/', '?', '#']));
    match scheme {
        None => Some(url),
        Some(_) => (lower.starts_with("http://") || lower.starts_with("https://")).then_some(url),
    }
}

/// The views of the app, each with its own URL.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Page {
    #[default]
    Overview,
    Map,
    Province,
    Tasks,
    Data,
    Embed,
}

impl Page {
    /// Every page, in navigation order.
    pub const ALL: [Page; 6] = [
        Page::Overview,
        Page::Map,
        Page::Province,
        Page::Tasks,
        Page::Data,
        Page::Embed,
    ];

    /// The value of `?page=`.
    pub fn slug(self) -> &'static str {
        match self {
            Page::Overview => "overview",
            Page::Map => "map",
            Page::Province => "province",
            Page::Tasks => "tasks",
            Page::Data => "data",
            Page::Embed => "embed",
        }
    }

    /// Reads a `?page=` value; unknown values give `None`.
    pub fn from_slug(slug: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.slug() == slug.trim())
    }

    /// The page's label in the navigation, also in the document's title.
    pub fn name(self) -> Msg {
        match self {
            Page::Overview => Msg::NavOverview,
            Page::Map => Msg::NavMap,
            Page::Province => Msg::NavProvince,
            Page::Tasks => Msg::NavTasks,
            Page::Data => Msg::NavData,
            Page::Embed => Msg::NavEmbed,
        }
    }
}

/// Which units the map draws.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MapLevel {
    /// The provinces (34 from 1 July 2025, 63 before).
    #[default]
    Province,
    /// The 3,321 communes of 1 July 2025.
    Commune,
}

impl MapLevel {
    /// The name in the URL (`level=`).
    pub fn slug(self) -> &'static str {
        match self {
            MapLevel::Province => "province",
            MapLevel::Commune => "commune",
        }
    }

    /// The level a URL names, if any.
    pub fn from_slug(slug: &str) -> Option<MapLevel> {
        match slug.trim() {
            "province" => Some(MapLevel::Province),
            "commune" => Some(MapLevel::Commune),
            _ => None,
        }
    }
}

/// The state of the view held in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    /// The page shown.
    pub page: Page,
    /// The language asked for in the URL; `None` when the URL says nothing
    /// (then the remembered choice, else Vietnamese, applies).
    pub lang: Option<Lang>,
    /// The official code of the selected province, if any.
    pub province: Option<String>,
    /// The indicator shown, if chosen.
    pub indicator: Option<String>,
    /// The period shown, if chosen.
    pub period: Option<String>,
    /// The map's zoom; `None`: the whole country.
    pub zoom: Option<MapZoom>,
    /// Whether the map draws the borders of the units a merger replaced.
    pub former: bool,
    /// The map's units: the provinces (by default) or the communes
    /// (`?level=commune`); with `province`, that province's communes.
    pub level: MapLevel,
    /// The selected commune's code (`?commune=`), on the commune map.
    pub commune: Option<String>,
    /// The data table's search text (`?q=`).
    pub query: Option<String>,
    /// The data table's sort (`?sort=`): a column slug, with a leading `-`
    /// for descending.
    pub sort: Option<String>,
    /// The figure an embed page shows (`?figure=`).
    pub figure: Option<Figure>,
    /// The colours asked for (`?theme=`); `None`: the reader's system.
    pub theme: Option<Theme>,
    /// The data URL given by `?data=`; `None` means [`DEFAULT_DATA_URL`].
    pub data: Option<String>,
    /// Keys this version does not know, kept in order.
    pub extra: Vec<(String, String)>,
}

impl UrlState {
    /// Parses a query string, with or without its leading `?`. Never fails:
    /// values that make no sense are dropped, so a mangled link still opens.
    pub fn from_query(query: &str) -> UrlState {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut state = UrlState::default();
        for (key, value) in form_pairs(query) {
            match key.as_ref() {
                "page" => {
                    if let Some(page) = Page::from_slug(&value) {
                        state.page = page;
                    }
                }
                "lang" => {
                    if let Some(lang) = Lang::from_code(&value) {
                        state.lang = Some(lang);
                    }
                }
                "province" => state.province = valid_code(&value),
                "indicator" => state.indicator = valid_id(&value),
                "period" => state.period = valid_id(&value),
                "zoom" => state.zoom = MapZoom::parse(&value),
                "former" => state.former = value.trim() == "1",
                "level" => {
                    if let Some(level) = MapLevel::from_slug(&value) {
                        state.level = level;
                    }
                }
                "commune" => state.commune = valid_code(&value),
                "q" => {
                    let value = value.trim();
                    if !value.is_empty() && value.chars().count() <= MAX_QUERY_LEN {
                        state.query = Some(value.to_string());
                    }
                }
                "sort" => state.sort = valid_id(&value),
                "figure" => state.figure = Figure::from_slug(&value),
                "theme" => state.theme = Theme::from_slug(&value),
                "data" => {
                    let value = value.trim();
                    if !value.is_empty() && value.len() <= MAX_DATA_URL_LEN {
                        state.data = Some(value.to_string());
                    }
                }
                _ => state.extra.push((key, value)),
            }
        }
        state
    }

    /// The query string for this state, starting with `?`, or empty when
    /// everything is at its default. Keys come in a fixed order, so equal
    /// states give equal links.
    pub fn to_query(&self) -> String {
        let pair =
            |key: &str, value: &str| format!("{}={}", form_encoded(key), form_encoded(value));
        let mut parts = Vec::new();
        if self.page != Page::Overview {
            parts.push(pair("page", self.page.slug()));
        }
        for (key, value) in [
            ("province", &self.province),
            ("indicator", &self.indicator),
            ("period", &self.period),
        ] {
            if let Some(value) = value {
                parts.push(pair(key, value));
            }
        }
        if let Some(zoom) = &self.zoom {
            // Digits, dots, minus signs and slashes: nothing to escape, and
            // the slashes stay readable.
            parts.push(format!("zoom={zoom}"));
        }
        if self.former {
            parts.push("former=1".to_string());
        }
        if self.level != MapLevel::Province {
            parts.push(pair("level", self.level.slug()));
        }
        if let Some(commune) = &self.commune {
            parts.push(pair("commune", commune));
        }
        for (key, value) in [("q", &self.query), ("sort", &self.sort)] {
            if let Some(value) = value {
                parts.push(pair(key, value));
            }
        }
        if let Some(figure) = self.figure {
            parts.push(pair("figure", figure.slug()));
        }
        if let Some(theme) = self.theme {
            parts.push(pair("theme", theme.slug()));
        }
        if let Some(lang) = self.lang {
            parts.push(pair("lang", lang.code()));
        }
        if let Some(data) = &self.data {
            parts.push(pair("data", data));
        }
        for (key, value) in &self.extra {
            parts.push(pair(key, value));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// The URL of the published JSON to fetch.
    pub fn data_url(&self) -> &str {
        self.data.as_deref().unwrap_or(DEFAULT_DATA_URL)
    }

    /// The data file's address as a link: a relative address or an
    /// http(s) one; `None` for any other scheme (`?data=javascript:…` must
    /// not become a link on the site's own origin).
    pub fn data_link(&self) -> Option<&str> {
        safe_link(self.data_url())
    }

    /// The same state on another page; the province is kept only where the
    /// page shows one.
    pub fn with_page(&self, page: Page) -> UrlState {
        let mut next = self.clone();
        next.page = page;
        if !matches!(page, Page::Province | Page::Map | Page::Embed) {
            next.province = None;
        }
        if !matches!(page, Page::Province | Page::Map | Page::Embed | Page::Data) {
            next.indicator = None;
            next.period = None;
        }
        if page != Page::Data {
            next.query = None;
            next.sort = None;
        }
        if !matches!(page, Page::Map | Page::Embed) {
            next.zoom = None;
            next.former = false;
        }
        if page != Page::Embed {
            next.figure = None;
            next.theme = None;
        }
        next
    }

    /// The same state on the page of province `code`.
    pub fn with_province(&self, code: &str) -> UrlState {
        UrlState {
            province: Some(code.to_string()),
            ..self.with_page(Page::Province)
        }
    }

    /// Whether `next` differs from this state only in its zoom: such a
    /// change replaces the history entry instead of adding one, so Back
    /// leaves the map instead of replaying every wheel step.
    pub fn only_zoom_differs(&self, next: &UrlState) -> bool {
        self.zoom != next.zoom
            && UrlState {
                zoom: next.zoom,
                ..self.clone()
            } == *next
    }

    /// Whether going to `next` should replace the history entry rather than
    /// add one: only the zoom changed (wheel steps), or only the data
    /// table's search text (each keystroke). Back then leaves the page
    /// instead of replaying every step.
    pub fn replaces_history(&self, next: &UrlState) -> bool {
        self.only_zoom_differs(next)
            || (self.query != next.query
                && UrlState {
                    query: next.query.clone(),
                    ..self.clone()
                } == *next)
    }

    /// The same state in another language.
    pub fn with_lang(&self, lang: Lang) -> UrlState {
        UrlState {
            lang: Some(lang),
            ..self.clone()
        }
    }
}

/// The language to show: the URL's, else the remembered one, else Vietnamese.
pub fn effective_lang(url: Option<Lang>, remembered: Option<&str>) -> Lang {
    url.or_else(|| remembered.and_then(Lang::from_code))
        .unwrap_or_default()
}

/// An administrative unit code as it may appear in a URL: 1 to 16 ASCII
/// letters, digits or dashes (`01`, `79`, `26734`, `VN-HN`).
fn valid_code(value: &str) -> Option<String> {
    let value = value.trim();
    let ok = (1..=16).contains(&value.len())
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then(|| value.to_string())
}

/// An indicator or period id as it may appear in a URL: 1 to 64 ASCII
/// letters, digits, dots, dashes or underscores.
fn valid_id(value: &str) -> Option<String> {
    let value = value.trim();
    let ok = (1..=64).contains(&value.len())
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    ok.then(|| value.to_string())
}

/// The pairs of a query (without its `?`), read as
/// `application/x-www-form-urlencoded` is (as the `form_urlencoded` crate
/// and the browser's `URLSearchParams` read it): `&`-separated, empty
/// parts skipped, the first `=` between key and value, `+` for a space,
/// `%XX` escapes, bytes that are not UTF-8 replaced.
pub fn form_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.split('&').filter(|p| !p.is_empty()).map(|p| {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        (form_decoded(k), form_decoded(v))
    })
}

/// One key or value of a form-encoded query, decoded.
fn form_decoded(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `text` form-encoded: ASCII letters, digits and `*-._` as they are, a
/// space as `+`, every other byte as `%XX` (as `form_urlencoded` writes).
pub fn form_encoded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &c in text.as_bytes() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(c as char)
            }
            b' ' => out.push('+'),
            c => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[usize::from(c >> 4)] as char);
                out.push(HEX[usize::from(c & 15)] as char);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_relative_and_http_data_addresses_are_links() {
        let with = |q: &str| UrlState::from_query(q);
        assert_eq!(with("").data_link(), Some(DEFAULT_DATA_URL));
        assert_eq!(with("?data=../x.json").data_link(), Some("../x.json"));
        assert_eq!(
            with("?data=https://example.org/a.json").data_link(),
            Some("https://example.org/a.json")
        );
        assert_eq!(with("?data=a/b:c.json").data_link(), Some("a/b:c.json"));
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            "data:text/html,x",
            " vbscript:x",
        ] {
            let q = format!("?data={}", bad.replace(' ', "%20"));
            assert_eq!(with(&q).data_link(), None, "{bad}");
        }
    }

    /// Guards the shareable-link promise: any state survives URL and back.
    #[test]
    fn every_state_round_trips_through_the_query() {
        let provinces = [None, Some("01".to_string()), Some("26734".to_string())];
        let datas = [
            None,
            Some("https://example.org/tien-do/data/p.json?v=2&x=ă".to_string()),
        ];
        for page in Page::ALL {
            for lang in [None, Some(Lang::Vi), Some(Lang::En)] {
                for province in &provinces {
                    for data in &datas {
                        let state = UrlState {
                            page,
                            lang,
                            province: province.clone(),
                            indicator: province.as_ref().map(|_| "dti.cybersecurity".to_string()),
                            period: province.as_ref().map(|_| "2024-63".to_string()),
                            zoom: province
                                .as_ref()
                                .and_then(|_| MapZoom::new(2.5, 105.852, 21.028)),
                            former: province.is_some(),
                            level: if province.is_some() {
                                MapLevel::Commune
                            } else {
                                MapLevel::Province
                            },
                            commune: province.as_ref().map(|_| "00004".to_string()),
                            query: province
                                .as_ref()
                                .map(|_| "TP. Hồ Chí Minh & co".to_string()),
                            sort: province.as_ref().map(|_| "-value".to_string()),
                            figure: province.as_ref().map(|_| Figure::Pillars),
                            theme: province.as_ref().map(|_| Theme::Dark),
                            data: data.clone(),
                            extra: vec![("utm_source".into(), "báo & đài".into())],
                        };
                        let query = state.to_query();
                        assert_eq!(UrlState::from_query(&query), state, "{query}");
                    }
                }
            }
        }
    }

    #[test]
    fn zoom_changes_replace_history_other_changes_add_to_it() {
        let a = UrlState::from_query("?page=map&indicator=dti&zoom=2/21/105");
        let b = UrlState::from_query("?page=map&indicator=dti&zoom=3/21/105");
        let c = UrlState::from_query("?page=map&indicator=dti");
        let d = UrlState::from_query("?page=map&indicator=dti.x&zoom=3/21/105");
        assert!(a.only_zoom_differs(&b));
        assert!(a.only_zoom_differs(&c));
        assert!(!a.only_zoom_differs(&a), "no change at all");
        assert!(!a.only_zoom_differs(&d), "indicator changed too");
        assert_eq!(a.with_page(Page::Overview).zoom, None);
        let f = UrlState::from_query("?page=map&former=1");
        assert!(f.former && f.to_query() == "?page=map&former=1");
        assert!(!f.with_page(Page::Tasks).former);
        assert!(!UrlState::from_query("?page=map&former=yes").former);
        assert_eq!(a.with_page(Page::Map).zoom, a.zoom);
    }

    #[test]
    fn default_state_has_an_empty_query() {
        assert_eq!(UrlState::default().to_query(), "");
        assert_eq!(UrlState::from_query(""), UrlState::default());
        assert_eq!(UrlState::from_query("?"), UrlState::default());
    }

    #[test]
    fn query_keys_come_in_a_fixed_order() {
        let a = UrlState::from_query(
            "?lang=en&zoom=2/21/105&period=2024&page=map&indicator=dti&province=01",
        );
        let b = UrlState::from_query(
            "province=01&indicator=dti&zoom=2/21/105&page=map&lang=en&period=2024",
        );
        assert_eq!(
            a.to_query(),
            "?page=map&province=01&indicator=dti&period=2024&zoom=2/21/105&lang=en"
        );
        assert_eq!(a.to_query(), b.to_query());
    }

    #[test]
    fn nonsense_values_are_dropped_not_fatal() {
        let s = UrlState::from_query(
            "?page=nowhere&lang=klingon&province=%3Cscript%3E&data=&indicator=a%20b&period=",
        );
        assert_eq!((s.indicator.clone(), s.period.clone()), (None, None));
        assert_eq!(s.page, Page::Overview);
        assert_eq!(s.lang, None);
        assert_eq!(s.province, None);
        assert_eq!(s.data, None);
        let long = format!("?data={}", "a".repeat(MAX_DATA_URL_LEN + 1));
        assert_eq!(UrlState::from_query(&long).data, None);
    }

    #[test]
    fn data_url_defaults_to_a_relative_path() {
        assert_eq!(UrlState::default().data_url(), "data/progress.json");
        assert!(
            !DEFAULT_DATA_URL.starts_with('/'),
            "must work from a sub-folder"
        );
        let s = UrlState::from_query("?data=%2Fother%2Fp.json");
        assert_eq!(s.data_url(), "/other/p.json");
    }

    #[test]
    fn changing_page_keeps_language_and_data() {
        let s = UrlState::from_query("?page=province&province=01&lang=en&data=x.json");
        let t = s.with_page(Page::Tasks);
        assert_eq!(t.page, Page::Tasks);
        assert_eq!(t.lang, Some(Lang::En));
        assert_eq!(t.data.as_deref(), Some("x.json"));
        assert_eq!(t.province, None, "tasks page has no selected province");
        assert_eq!(s.with_page(Page::Map).province.as_deref(), Some("01"));
        let p = t.with_province("79");
        assert_eq!(
            (p.page, p.province.as_deref()),
            (Page::Province, Some("79"))
        );
        assert_eq!(p.lang, Some(Lang::En), "the language is kept");
    }

    /// Guards the data table's link: search and sort are kept on the data
    /// page, dropped elsewhere, and the indicator filter survives the move.
    #[test]
    fn data_page_keeps_search_sort_and_filters() {
        let s = UrlState::from_query("?page=data&indicator=dti&period=2024&q=ha%20noi&sort=-value");
        assert_eq!(s.page, Page::Data);
        assert_eq!(s.query.as_deref(), Some("ha noi"));
        assert_eq!(s.sort.as_deref(), Some("-value"));
        assert_eq!(
            s.to_query(),
            "?page=data&indicator=dti&period=2024&q=ha+noi&sort=-value"
        );
        let m = s.with_page(Page::Map);
        assert_eq!((m.query, m.sort), (None, None));
        assert_eq!(m.indicator.as_deref(), Some("dti"));
        let typed = UrlState {
            query: Some("ha no".into()),
            ..s.clone()
        };
        assert!(s.replaces_history(&typed), "a keystroke replaces the entry");
        let other = UrlState {
            sort: Some("rank".into()),
            ..typed.clone()
        };
        assert!(!s.replaces_history(&other), "a new sort is a new entry");
        assert!(!s.replaces_history(&s));
        let back = UrlState::from_query("?page=map&indicator=dti").with_page(Page::Data);
        assert_eq!(back.indicator.as_deref(), Some("dti"));
        let long = format!("?page=data&q={}", "a".repeat(MAX_QUERY_LEN + 1));
        assert_eq!(UrlState::from_query(&long).query, None);
        assert_eq!(UrlState::from_query("?sort=%3Cx%3E").sort, None);
    }

    #[test]
    fn language_choice_url_then_remembered_then_vietnamese() {
        assert_eq!(effective_lang(Some(Lang::En), Some("vi")), Lang::En);
        assert_eq!(effective_lang(None, Some("en")), Lang::En);
        assert_eq!(effective_lang(None, Some("garbage")), Lang::Vi);
        assert_eq!(effective_lang(None, None), Lang::Vi);
        let s = UrlState::default().with_lang(Lang::En);
        assert_eq!(s.to_query(), "?lang=en");
    }

    /// Guards the query's own form encoding against the `form_urlencoded`
    /// crate it replaced (to keep it out of the wasm): the same pairs read
    /// from odd queries, the same text written for every byte.
    #[test]
    fn form_encoding_reads_and_writes_as_form_urlencoded_does() {
        let queries = [
            "",
            "a=1&b=2",
            "&&a=&=b&c",
            "q=ba+dinh%20ha%20n%E1%BB%99i",
            "x=%zz&y=%4&z=%&w=%41%4",
            "bad=%FF%FE&emoji=%F0%9F%98%80",
            "k=v=w&k2==",
            "page=map&lang=vi&province=01&zoom=1.5/105.8/21.0",
        ];
        for q in queries {
            let ours: Vec<(String, String)> = form_pairs(q).collect();
            let theirs: Vec<(String, String)> = form_urlencoded::parse(q.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            assert_eq!(ours, theirs, "{q}");
        }
        let every_byte: String = (1..=255u8)
            .map(char::from)
            .chain("Hà Nội + 1 & 2 = 3/4?".chars())
            .collect();
        for text in [every_byte.as_str(), "", "a b", "Phường Ba Đình"] {
            let theirs = form_urlencoded::Serializer::new(String::new())
                .append_pair("k", text)
                .finish();
            assert_eq!(format!("k={}", form_encoded(text)), theirs, "{text}");
            let back: Vec<(String, String)> = form_pairs(&theirs).collect();
            assert_eq!(back, vec![("k".to_string(), text.to_string())]);
        }
    }
}
