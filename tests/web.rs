//! Component tests in headless Chromium (wasm-bindgen-test). Each mounts a
//! component into the real DOM and reads what it drew. The last one mounts
//! the whole app, whose real fetch finds no data file on the test server.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::sync::Arc;
use tien_do::app::App;
use tien_do::builds;
use tien_do::components::{
    DataAgeNote, LanguageSwitch, LoadErrorPanel, LoadingSkeleton, PillarChart, RankingChart,
    TargetChart, TaskCountsCard, TaskTrackerChart, TrendChart,
};
use tien_do_core::charts::find_province;
use tien_do_core::choropleth::map_data;
use tien_do_core::data::{Meeting, Source, TaskCounts, Text};
use tien_do_core::figures::pillars::latest_pillar_profile;
use tien_do_core::figures::ranking::ranking;
use tien_do_core::figures::targets::targets;
use tien_do_core::figures::tasks::task_tracker;
use tien_do_core::figures::trend::trend;
use tien_do_core::{parse_progress, Lang, LoadError, ProgressData, UrlState};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

async fn tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn text(t: &str) -> Text {
    Text {
        vi: format!("{t} (vi)"),
        en: format!("{t} (en)"),
    }
}

fn counts(completed: Option<u64>) -> TaskCounts {
    TaskCounts {
        meeting: "m".into(),
        as_of: "2025-09-23".into(),
        scope: text("scope"),
        assigned: Some(1234),
        completed,
        in_progress: Some(382),
        overdue: Some(27),
        agency: None,
        source: "s".into(),
        ledger: None,
    }
}

/// Guards number formats, shares, "not published" and a language switch
/// that redraws without remounting.
#[wasm_bindgen_test]
async fn task_counts_card_formats_and_switches_language() {
    let el = container();
    let lang = RwSignal::new(Lang::Vi);
    let source = Source {
        id: "s".into(),
        publisher: text("Publisher"),
        title: text("Article"),
        url: Some("https://example.org/a".into()),
        published: None,
    };
    let meeting = Meeting {
        id: "m".into(),
        date: "2025-09-24".into(),
        name: text("Meeting"),
        body: None,
    };
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <TaskCountsCard counts=counts(None) meeting=Some(meeting) source=Some(source) lang=lang.into() /> }
    });
    let vi = el.text_content().unwrap();
    assert!(vi.contains("1.234"), "{vi}");
    assert!(vi.contains("Chưa công bố"), "a missing count says so: {vi}");
    assert!(
        vi.contains("2,2%"),
        "27 of 1234 in Vietnamese notation: {vi}"
    );
    assert!(
        vi.contains("23/09/2025") && vi.contains("24/09/2025"),
        "{vi}"
    );
    assert!(vi.contains("Publisher (vi)"), "{vi}");
    assert_eq!(
        el.query_selector_all(".figure.missing").unwrap().length(),
        1
    );

    lang.set(Lang::En);
    tick(0).await;
    let en = el.text_content().unwrap();
    assert!(
        en.contains("1,234") && en.contains("Not published") && en.contains("2.2%"),
        "{en}"
    );
    assert!(en.contains("23 Sep 2025"), "{en}");
    let href = el
        .query_selector(".cite a")
        .unwrap()
        .unwrap()
        .get_attribute("href");
    assert_eq!(href.as_deref(), Some("https://example.org/a"));
}

/// Guards the staleness line on a clock the test sets (not the machine's):
/// data whose newest figure is of 25 Feb 2026 is current on 1 Mar 2026
/// and said to be old on 30 Nov 2026, in both languages; the "as of" date
/// is the newest figure's.
#[wasm_bindgen_test]
async fn data_age_note_says_when_the_data_is_old() {
    let lang = RwSignal::new(Lang::En);
    let fresh = container();
    let _a = leptos::mount::mount_to(fresh.clone(), move || {
        view! { <DataAgeNote newest="2026-02-25" today="2026-03-01" lang=lang.into() /> }
    });
    let old = container();
    let _b = leptos::mount::mount_to(old.clone(), move || {
        view! { <DataAgeNote newest="2026-02-25" today="2026-11-30" lang=lang.into() /> }
    });
    let fresh_text = fresh.text_content().unwrap();
    assert!(
        fresh_text.contains("Data as of: 25 Feb 2026"),
        "{fresh_text}"
    );
    assert!(
        fresh.query_selector(".stale-data").unwrap().is_none(),
        "{fresh_text}"
    );
    let line = old
        .query_selector(".stale-data")
        .unwrap()
        .expect("a staleness line");
    assert_eq!(
        line.text_content().unwrap(),
        "The newest published figures are from 25 Feb 2026; nothing newer has been published in this file."
    );
    assert_eq!(line.get_attribute("role").as_deref(), Some("note"));
    lang.set(Lang::Vi);
    tick(0).await;
    let vi = old
        .query_selector(".stale-data")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        vi.starts_with("Số liệu mới nhất được công bố là của ngày 25/02/2026"),
        "{vi}"
    );
}

/// Guards the error panel: the message in the reader's language, the data
/// address, and a retry button that calls back and shows it is busy.
#[wasm_bindgen_test]
async fn load_error_panel_explains_and_retries() {
    let el = container();
    let retried = RwSignal::new(0);
    let retrying = RwSignal::new(false);
    let on_retry = Callback::new(move |()| retried.update(|n| *n += 1));
    let error = Signal::derive(|| {
        Some(LoadError::NotFound {
            url: "x.json".into(),
        })
    });
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! {
            <LoadErrorPanel error lang=Signal::stored(Lang::Vi) data_url="data/x.json".to_string() retrying on_retry />
        }
    });
    let t = el.text_content().unwrap();
    assert!(t.contains("Không tìm thấy tệp dữ liệu"), "{t}");
    assert!(t.contains("data/x.json"), "{t}");
    let role = el.query_selector("[role=alert]").unwrap();
    assert!(role.is_some(), "announced to screen readers");
    let button: HtmlElement = el
        .query_selector("button.retry")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    assert_eq!(retried.get_untracked(), 1);
    retrying.set(true);
    tick(0).await;
    assert!(button.has_attribute("disabled"));
    assert_eq!(button.text_content().unwrap(), "Đang tải dữ liệu…");
}

/// Guards the switch's links: shareable `?lang=` URLs that keep the view,
/// the current language marked, and a plain click handled in place.
#[wasm_bindgen_test]
async fn language_switch_links_keep_the_view() {
    let el = container();
    let chosen = RwSignal::new(None::<UrlState>);
    let state = Signal::stored(UrlState::from_query("?page=map&province=01"));
    let on_navigate = Callback::new(move |s: UrlState| chosen.set(Some(s)));
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <LanguageSwitch lang=Signal::stored(Lang::Vi) state on_navigate /> }
    });
    let links = el.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 2);
    let en: HtmlElement = el
        .query_selector("a[hreflang=en]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        en.get_attribute("href").as_deref(),
        Some("?page=map&province=01&lang=en")
    );
    let current = el.query_selector("a[aria-current=page]").unwrap().unwrap();
    assert_eq!(current.get_attribute("hreflang").as_deref(), Some("vi"));
    en.click();
    assert_eq!(chosen.get_untracked().and_then(|s| s.lang), Some(Lang::En));
}

/// Guards the loading state: placeholders marked busy, and a status text
/// that screen readers announce, in the reader's language.
#[wasm_bindgen_test]
async fn loading_skeleton_is_announced() {
    let el = container();
    let lang = RwSignal::new(Lang::Vi);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <LoadingSkeleton lang=lang.into() /> }
    });
    let busy = el.query_selector("[aria-busy=true]").unwrap();
    assert!(busy.is_some());
    let status = el.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(status.text_content().unwrap(), "Đang tải dữ liệu…");
    assert!(el.query_selector_all(".sk").unwrap().length() >= 4);
    lang.set(Lang::En);
    tick(0).await;
    assert_eq!(status.text_content().unwrap(), "Loading data…");
}

/// Guards the app's real fetch path, in the Leptos build: the test server
/// has no `data/progress.json`, so the app must show the 404 message; the
/// site's build keeps its header and navigation (the overview and the
/// embed pages, built without Leptos, are checked end to end:
/// `site.rs`, `embed_map.rs` and `embed_chart.rs`).
#[wasm_bindgen_test]
async fn every_build_shows_a_clear_error_when_the_data_is_missing() {
    for (name, build, framed) in [("site", builds::SITE, true)] {
        let el = container();
        let handle = leptos::mount::mount_to(el.clone(), move || view! { <App variant=build /> });
        let mut shown = String::new();
        for _ in 0..100 {
            tick(50).await;
            shown = el.text_content().unwrap_or_default();
            if shown.contains("404") {
                break;
            }
        }
        assert!(
            shown.contains("Không tìm thấy tệp dữ liệu (lỗi 404)"),
            "{name}: {shown}"
        );
        assert_eq!(
            el.query_selector(".main-nav").unwrap().is_some(),
            framed,
            "{name}: the site's navigation"
        );
        assert!(
            el.query_selector("button.retry").unwrap().is_some(),
            "{name}"
        );
        drop(handle);
        el.remove();
    }
}

/// The demo data the site ships, read by the app's own parser.
fn demo() -> ProgressData {
    parse_progress(include_str!("../public/data/progress.json")).expect("demo data parses")
}

/// A container `width` CSS pixels wide, for a chart to size itself to.
fn sized_container(width: u32) -> HtmlElement {
    let el = container();
    el.style()
        .set_property("width", &format!("{width}px"))
        .unwrap();
    el
}

/// Waits until the chart in `el` says it has drawn; returns its canvas.
async fn drawn_canvas(el: &HtmlElement) -> HtmlCanvasElement {
    for _ in 0..100 {
        if let Some(c) = el.query_selector("canvas[data-drawn]").unwrap() {
            return c.unchecked_into();
        }
        tick(30).await;
    }
    panic!("the chart did not draw within 3 s: {}", el.inner_html());
}

/// Pixels of the canvas's backing store that are not white, and those
/// close to `rgb`.
fn pixels(c: &HtmlCanvasElement, rgb: (u8, u8, u8)) -> (usize, usize) {
    let ctx: web_sys::CanvasRenderingContext2d =
        c.get_context("2d").unwrap().unwrap().unchecked_into();
    let data = ctx
        .get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height()))
        .unwrap()
        .data();
    let near = |a: u8, b: u8| a.abs_diff(b) < 12;
    data.chunks(4).fold((0, 0), |(ink, hit), p| {
        (
            ink + usize::from(p[3] > 0 && (p[0], p[1], p[2]) != (255, 255, 255)),
            hit + usize::from(near(p[0], rgb.0) && near(p[1], rgb.1) && near(p[2], rgb.2)),
        )
    })
}

/// Opens the chart's table (made on first opening) and waits for it.
async fn open_table(el: &HtmlElement) {
    let details: web_sys::HtmlDetailsElement = el
        .query_selector(".chart-table")
        .unwrap()
        .expect("a table toggle")
        .unchecked_into();
    assert!(
        el.query_selector(".chart-table table").unwrap().is_none(),
        "no table before it is opened"
    );
    details.set_open(true);
    for _ in 0..50 {
        if el.query_selector(".chart-table table").unwrap().is_some() {
            return;
        }
        tick(20).await;
    }
    panic!("the table did not open");
}

/// Sends a key to the canvas as a keyboard user would.
fn press(c: &HtmlCanvasElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    c.dispatch_event(&ev).unwrap();
}

/// Moves the mouse to (`x`, `y`) CSS pixels from the canvas's corner.
fn hover_at(c: &HtmlCanvasElement, x: f64, y: f64) {
    let r = c.get_bounding_client_rect();
    let init = web_sys::MouseEventInit::new();
    init.set_client_x((r.left() + x) as i32);
    init.set_client_y((r.top() + y) as i32);
    init.set_bubbles(true);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("mousemove", &init).unwrap();
    c.dispatch_event(&ev).unwrap();
}

/// The chart's tooltip text, once it shows.
async fn tooltip(el: &HtmlElement) -> String {
    for _ in 0..50 {
        if let Some(t) = el.query_selector(".chart-tooltip").unwrap() {
            return t.text_content().unwrap_or_default();
        }
        tick(20).await;
    }
    panic!("no tooltip: {}", el.inner_html());
}

/// Guards the ranking chart: sized for the screen's pixel ratio, the
/// selected province drawn in orange, hover found through plotters'
/// coordinate mapping (the top bar is Hà Nội), keyboard End reaches the
/// last bar, and a table of the same numbers.
#[wasm_bindgen_test]
async fn ranking_chart_draws_and_answers_hover_and_keys() {
    let el = sized_container(640);
    let d = demo();
    let m = map_data(&d, "dti", "2024").unwrap();
    let r = Arc::new(ranking(&m, Some("79")));
    let last = r.bars.last().unwrap().name.vi.clone();
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <RankingChart ranking=Arc::clone(&r) lang=Lang::Vi /> }
    });
    let c = drawn_canvas(&el).await;
    let dpr = web_sys::window().unwrap().device_pixel_ratio().max(1.0);
    let css = f64::from(
        el.query_selector(".chart-canvas")
            .unwrap()
            .unwrap()
            .client_width(),
    );
    assert!(css > 300.0, "sized to its container: {css}");
    assert_eq!(
        f64::from(c.width()),
        (css * dpr).round(),
        "backing store x dpr"
    );
    let (ink, orange) = pixels(&c, (0xe6, 0x9f, 0x00));
    assert!(ink > 10_000, "bars drawn: {ink}");
    assert!(
        orange > 200,
        "the selected province is highlighted: {orange}"
    );
    hover_at(&c, 400.0, 32.0);
    let t = tooltip(&el).await;
    assert!(t.contains("Hà Nội") && t.contains("Hạng 1/34"), "{t}");
    press(&c, "End");
    tick(20).await;
    let t = tooltip(&el).await;
    assert!(t.contains(&last), "{t}");
    open_table(&el).await;
    let rows = el
        .query_selector_all(".chart-table tbody tr")
        .unwrap()
        .length();
    assert_eq!(rows, 34);
    assert!(el.text_content().unwrap().contains("Trung bình các tỉnh"));
}

/// Guards the trend chart's honesty and its keyboard tooltip: the former
/// provinces are listed apart, the merger marked, values per period.
#[wasm_bindgen_test]
async fn trend_chart_draws_and_answers_keys() {
    let el = sized_container(520);
    let t = Arc::new(trend(&demo(), "dti", "79").unwrap());
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <TrendChart trend=Arc::clone(&t) lang=Lang::En /> }
    });
    let c = drawn_canvas(&el).await;
    let (ink, orange) = pixels(&c, (0xe6, 0x9f, 0x00));
    assert!(ink > 2_000 && orange > 20, "{ink} {orange}");
    press(&c, "ArrowRight");
    let tip = tooltip(&el).await;
    assert!(tip.starts_with("2022"), "{tip}");
    assert!(
        tip.contains("Bình Dương") || tip.contains("Binh Duong"),
        "{tip}"
    );
    let text = el.text_content().unwrap();
    assert!(text.contains("Merger, 1 July 2025"), "{text}");
    assert!(text.contains("former province"), "{text}");
}

/// Guards the pillar profile: eight pillars, the average as a tick, the
/// tooltip with value, average and rank.
#[wasm_bindgen_test]
async fn pillar_chart_draws_and_answers_keys() {
    let el = sized_container(480);
    let d = demo();
    let (period, p) = latest_pillar_profile(&d, "dti", "01").unwrap();
    let first = p[0].indicator.name.vi.clone();
    let name = find_province(&d, "01").unwrap().name;
    let p = Arc::new(p);
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <PillarChart pillars=Arc::clone(&p) name=name.clone() period=period.clone() lang=Lang::Vi /> }
    });
    let c = drawn_canvas(&el).await;
    let (ink, blue) = pixels(&c, (0x21, 0x71, 0xb5));
    assert!(ink > 2_000 && blue > 500, "{ink} {blue}");
    press(&c, "ArrowDown");
    let tip = tooltip(&el).await;
    assert!(tip.starts_with(&first), "{tip}");
    assert!(
        tip.contains("Trung bình các tỉnh") && tip.contains("Hạng"),
        "{tip}"
    );
    open_table(&el).await;
    assert_eq!(
        el.query_selector_all(".chart-table tbody tr")
            .unwrap()
            .length(),
        8
    );
}

/// Guards the task tracker: the published parts drawn in their colours,
/// each part's count and share in the tooltip, in Vietnamese notation,
/// under the name of its ledger; the two ledgers are two series, with
/// their scope lines and the line that keeps them apart.
#[wasm_bindgen_test]
async fn task_tracker_chart_draws_and_answers_keys() {
    let el = sized_container(600);
    let m = Arc::new(task_tracker(&demo()));
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <TaskTrackerChart meetings=Arc::clone(&m) title="Nhiệm vụ" lang=Lang::Vi /> }
    });
    let c = drawn_canvas(&el).await;
    let (_, green) = pixels(&c, (0x00, 0x9e, 0x73));
    let (_, red) = pixels(&c, (0xd5, 0x5e, 0x00));
    assert!(green > 1_000 && red > 10, "{green} {red}");
    press(&c, "ArrowRight");
    let tip = tooltip(&el).await;
    assert!(tip.contains("Đã hoàn thành: 270 (39,8%)"), "{tip}");
    assert!(tip.starts_with("Ban Chỉ đạo của Chính phủ"), "{tip}");
    press(&c, "End");
    tick(20).await;
    let tip = tooltip(&el).await;
    assert!(tip.starts_with("Ban Chỉ đạo Trung ương"), "{tip}");
    assert!(
        tip.contains(": 71 (5,5%)"),
        "not completed, not split: {tip}"
    );
    let text = el.text_content().unwrap();
    assert!(
        text.contains("178 nhiệm vụ thường xuyên"),
        "scope lines: {text}"
    );
    assert!(
        text.contains("không cộng gộp hay so sánh"),
        "the ledgers are never added: {text}"
    );
}

/// Guards progress towards targets: each figure against its total, in
/// English notation, with the meeting in the tooltip.
#[wasm_bindgen_test]
async fn target_chart_draws_and_answers_keys() {
    let el = sized_container(720);
    let b = Arc::new(targets(&demo()));
    let first = b[0].figure.label.en.clone();
    let _handle = leptos::mount::mount_to(el.clone(), move || {
        view! { <TargetChart bars=Arc::clone(&b) title="Targets" lang=Lang::En /> }
    });
    let c = drawn_canvas(&el).await;
    let (_, blue) = pixels(&c, (0x21, 0x71, 0xb5));
    assert!(blue > 1_000, "{blue}");
    press(&c, "Home");
    let tip = tooltip(&el).await;
    assert!(tip.starts_with(&first), "{tip}");
    assert!(tip.contains("meeting"), "{tip}");
    open_table(&el).await;
    let text = el.text_content().unwrap();
    assert!(text.contains("30 / 34"), "smart-city centres: {text}");
}

/// The canvas's backing store, pixel by pixel.
fn image(c: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: web_sys::CanvasRenderingContext2d =
        c.get_context("2d").unwrap().unwrap().unchecked_into();
    ctx.get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height()))
        .unwrap()
        .data()
        .to_vec()
}

/// Guards the frame that shows the first map: borders that come while it
/// is being shown (the provinces' borders over the communes often come
/// just then, and their redraw held that frame back) wait until it is
/// shown, and are drawn then, not lost. Here they come at once after the
/// first draw, before that frame ends (a `MutationObserver` sees the
/// canvas marked drawn), and the page hears that the map is shown after.
#[wasm_bindgen_test]
async fn borders_that_come_as_the_first_map_is_shown_are_drawn_after_it() {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use tien_do::lean::map_widget::{MapEvents, MapSpec, MapWidget};
    use tien_do_core::boundaries::decode_first;
    use wasm_bindgen::closure::Closure;
    let decode = |text: &str| Arc::new(decode_first(text).expect("the shipped file decodes"));
    let regions = decode(include_str!("../public/geo/vn-provinces-2025.topo.json"));
    let former = decode(include_str!("../public/geo/vn-provinces-2008.topo.json"));
    let shown = Rc::new(Cell::new(false));
    let heard = Rc::clone(&shown);
    let events = MapEvents {
        open: Box::new(|_| {}),
        zoom: Box::new(|_| {}),
        drawn: Box::new(move || heard.set(true)),
    };
    let spec = MapSpec {
        regions,
        overlay: None,
        map: None,
        lang: Lang::En,
        dark: false,
        selected: None,
        zoom: None,
        described_by: "none".into(),
    };
    let w = MapWidget::new(spec, events);
    let canvas: HtmlCanvasElement = w
        .element()
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // When the canvas is first marked drawn (in the task that drew it):
    // the borders come, and the canvas is read.
    /// The canvas then, and whether the page had heard it shown.
    type AtFirst = Option<(Vec<u8>, bool)>;
    let at_first: Rc<RefCell<AtFirst>> = Rc::default();
    let on_mark = {
        let (w, seen, shown, c) = (
            Rc::clone(&w),
            Rc::clone(&at_first),
            Rc::clone(&shown),
            canvas.clone(),
        );
        Closure::<dyn FnMut()>::new(move || {
            if seen.borrow().is_none() && c.has_attribute("data-drawn") {
                w.set_overlay(Some(Arc::clone(&former)));
                *seen.borrow_mut() = Some((image(&c), shown.get()));
            }
        })
    };
    let observer = web_sys::MutationObserver::new(on_mark.as_ref().unchecked_ref()).unwrap();
    let init = web_sys::MutationObserverInit::new();
    init.set_attributes(true);
    observer.observe_with_options(&canvas, &init).unwrap();
    let el = sized_container(600);
    el.append_child(w.element()).unwrap();
    drawn_canvas(&el).await;
    // A frame and a task after it: the held borders are drawn by then.
    tick(200).await;
    observer.disconnect();
    let (first, shown_then) = at_first
        .borrow_mut()
        .take()
        .expect("the first draw was seen");
    assert!(
        !shown_then,
        "the page heard the map was shown before its frame ended"
    );
    assert!(shown.get(), "the page never heard the map was shown");
    let now = image(&canvas);
    let changed = now.iter().zip(&first).filter(|(a, b)| a != b).count();
    assert!(
        changed > 1000,
        "the borders were drawn with the first map (holding its frame back), or never: \
         {changed} bytes of the image changed after it was shown"
    );
    w.dispose();
}

/// Guards the page's map against a page left just after its first draw:
/// the map tells the page that it is shown a task after that frame, when
/// the page (and the callback it gave) may be gone; before, that callback
/// ran on a disposed value and the app trapped. Here the page is taken
/// down as soon as the canvas is marked drawn, in the task that drew it.
#[wasm_bindgen_test]
async fn a_map_left_before_its_first_frame_is_shown_does_not_fail() {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use tien_do::components::ChoroplethMap;
    use tien_do_core::boundaries::{decode_first, Region};
    use tien_do_core::choropleth::MapData;
    use tien_do_core::zoom::MapZoom;
    use wasm_bindgen::closure::Closure;
    let regions = Arc::new(
        decode_first(include_str!("../public/geo/vn-provinces-2025.topo.json"))
            .expect("the shipped file decodes"),
    );
    // Any error thrown in the page's tasks (a trap is one).
    let failed = Rc::new(Cell::new(false));
    let on_error = {
        let failed = Rc::clone(&failed);
        Closure::<dyn FnMut()>::new(move || failed.set(true))
    };
    let window = web_sys::window().unwrap();
    window
        .add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
        .unwrap();
    let el = sized_container(600);
    // As soon as the map's canvas is marked drawn, in the task that drew
    // it, the page is left: its owner, and the callback, disposed.
    let handle = Rc::new(RefCell::new(None));
    let on_mark = {
        let (handle, el) = (Rc::clone(&handle), el.clone());
        Closure::<dyn FnMut()>::new(move || {
            if el.query_selector("canvas[data-drawn]").unwrap().is_some() {
                drop(handle.borrow_mut().take());
            }
        })
    };
    let observer = web_sys::MutationObserver::new(on_mark.as_ref().unchecked_ref()).unwrap();
    let init = web_sys::MutationObserverInit::new();
    init.set_attributes(true);
    init.set_subtree(true);
    observer.observe_with_options(&el, &init).unwrap();
    *handle.borrow_mut() = Some(leptos::mount::mount_to(el.clone(), move || {
        view! {
            <ChoroplethMap
                regions
                map=Signal::stored(None::<Arc<MapData>>)
                lang=Signal::stored(Lang::En)
                selected=Signal::stored(None::<String>)
                on_open=Callback::new(|_: String| {})
                zoom=Signal::stored(None::<MapZoom>)
                on_zoom=Callback::new(|_: Option<MapZoom>| {})
                described_by="none"
                overlay=Signal::stored(None::<Arc<Vec<Region>>>)
                on_first_draw=Callback::new(|()| {})
            />
        }
    }));
    for _ in 0..100 {
        if handle.borrow().is_none() {
            break;
        }
        tick(30).await;
    }
    assert!(handle.borrow().is_none(), "the map was never drawn");
    // A frame and a task after it: the map says it is shown.
    tick(200).await;
    observer.disconnect();
    window
        .remove_event_listener_with_callback("error", on_error.as_ref().unchecked_ref())
        .unwrap();
    assert!(
        !failed.get(),
        "the map's word that it is shown failed on the page it was left by"
    );
}
