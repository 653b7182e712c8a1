//! Component tests in headless Chromium (wasm-bindgen-test). Each mounts a
//! component into the real DOM and reads what it drew. The last one mounts
//! the whole app, whose real fetch finds no data file on the test server.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use tien_do::app::App;
use tien_do::components::{LanguageSwitch, LoadErrorPanel, LoadingSkeleton, TaskCountsCard};
use tien_do_core::data::{Meeting, Source, TaskCounts, Text};
use tien_do_core::{Lang, LoadError, UrlState};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

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

/// Guards the app's real fetch path: the test server has no
/// `data/progress.json`, so the whole app must show the 404 message, with
/// the header and navigation still drawn.
#[wasm_bindgen_test]
async fn whole_app_shows_a_clear_error_when_the_data_is_missing() {
    let el = container();
    let _handle = leptos::mount::mount_to(el.clone(), App);
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
        "{shown}"
    );
    assert!(el.query_selector(".main-nav").unwrap().is_some());
    assert!(el.query_selector("button.retry").unwrap().is_some());
}
