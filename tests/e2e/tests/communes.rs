//! End-to-end: the map of the 3,321 communes of 1 July 2025 (the official
//! boundaries), one province's communes, and "find my commune".

use serde_json::Value;
use tien_do_e2e::map::*;
use tien_do_e2e::*;

const HOAN_KIEM: (f64, f64) = (105.852, 21.028);

/// The files the page fetched so far (their paths under the site).
async fn fetched(c: &fantoccini::Client) -> Vec<String> {
    let got = c
        .execute(
            "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname);",
            vec![],
        )
        .await
        .expect("entries");
    got.as_array()
        .expect("a list")
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect()
}

/// In place of a mark: when the data file had all come.
const DATA_END: &str = "the data's end";

/// When the file whose name ends with `name` had all come (its
/// `responseEnd`, in ms from navigation).
async fn data_end(c: &fantoccini::Client, name: &str) -> f64 {
    c.execute(
        "const e = performance.getEntriesByType('resource')
           .find(e => e.name.endsWith(arguments[0]));
         return e ? e.responseEnd : null;",
        vec![name.into()],
    )
    .await
    .expect("entries")
    .as_f64()
    .expect("the data file was fetched")
}

/// The link once a commune is chosen in it (`commune=`); fails with
/// `what` and the link if none is within [`WAIT`].
async fn commune_chosen(c: &fantoccini::Client, what: &str) -> String {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let q = current_query(c).await;
        if q.contains("commune=") {
            return q;
        }
        assert!(std::time::Instant::now() < deadline, "{what}: {q}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Guards the commune layer of the whole country: drawn from the official
/// file, only when asked for; with no commune value published (the demo),
/// one line says so, and the credit names the official map.
#[tokio::test]
async fn the_whole_country_s_communes_are_drawn_with_a_note() {
    let c = browser(1280, 1000).await;
    c.goto(&site("?page=map&level=commune&lang=en"))
        .await
        .expect("map");
    map_drawn(&c, "the commune map draws").await;
    let note = text_of(&c, ".map-note").await;
    assert!(note.contains("No commune values"), "{note}");
    let credit = text_of(&c, ".map-side .credit").await;
    assert!(credit.contains("sapnhap.bando.com.vn"), "{credit}");
    let files = fetched(&c).await;
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("/geo/vn-communes-2025.topo.json")),
        "{files:?}"
    );
    // No ranking nor table of 3,321 units without a value.
    assert_eq!(count(&c, ".unit-table tbody tr").await, 0);
    screenshot(&c, "communes-country-en-desktop").await;
    // The provinces' map does not fetch the communes'.
    c.goto(&site("?page=map&lang=en")).await.expect("map");
    map_drawn(&c, "the province map draws").await;
    let files = fetched(&c).await;
    assert!(
        !files.iter().any(|f| f.contains("communes")),
        "the province map fetched the communes: {files:?}"
    );
    c.close().await.ok();
}

/// Guards the drill-down: one province's communes come from its own file;
/// the tooltip names the commune, its kind and its province; opening one
/// marks it in the link.
#[tokio::test]
async fn a_province_s_communes_come_from_its_own_file() {
    let c = browser(1280, 1000).await;
    c.goto(&site("?page=map&level=commune&province=01&lang=en"))
        .await
        .expect("map");
    map_drawn(&c, "Hà Nội's communes draw").await;
    let files = fetched(&c).await;
    assert!(
        files
            .iter()
            .any(|f| f.ends_with("/geo/communes/01.topo.json")),
        "{files:?}"
    );
    assert!(
        !files
            .iter()
            .any(|f| f.ends_with("vn-communes-2025.topo.json")),
        "{files:?}"
    );
    let r = province_communes("01");
    let at = viewport_point(&c, &r, None, HOAN_KIEM.0, HOAN_KIEM.1).await;
    mouse_to(&c, at).await;
    let tip = wait_for_text(&c, ".map-tooltip", "Ha Noi").await;
    assert!(tip.contains("Ward"), "{tip}");
    assert!(tip.contains("Hoan Kiem"), "{tip}");
    mouse_click(&c, at).await;
    let q = commune_chosen(&c, "no commune chosen").await;
    assert!(
        q.contains("level=commune") && q.contains("province=01"),
        "{q}"
    );
    screenshot(&c, "communes-ha-noi-en-desktop").await;
    c.close().await.ok();
}

/// Guards the commune layer's early fetch: where the address asks for the
/// communes (`level=commune` on the map, a province's page), the page's
/// loader fetches their file and the provinces' borders while the wasm
/// downloads, before the app starts; where the data can only be drawn on
/// the built-in communes (the official communes' SYNTHETIC bench data,
/// no `level` in the address), as the data comes, before it has all come
/// (they were asked for after the app's parse, 100 ms or more later on
/// the first commune map). The app takes those fetches rather than
/// fetching each file again; where it shows no communes (a publisher's
/// commune layer with its own boundary file among them), none are
/// fetched.
#[tokio::test]
async fn the_commune_layer_s_files_are_fetched_before_the_app_starts() {
    for (query, files, before) in [
        (
            "?page=map&level=commune&lang=en",
            [
                "/geo/vn-communes-2025.topo.json",
                "/geo/vn-provinces-2025.topo.json",
            ],
            "tien-do:start",
        ),
        (
            "?page=province&province=01&lang=en",
            [
                "/geo/communes/01.topo.json",
                "/geo/vn-provinces-2025.topo.json",
            ],
            "tien-do:start",
        ),
        (
            "?page=map&lang=en&data=../bench/synthetic-communes-official.json",
            [
                "/geo/vn-communes-2025.topo.json",
                "/geo/vn-provinces-2025.topo.json",
            ],
            DATA_END,
        ),
    ] {
        let c = browser(1280, 1000).await;
        c.goto(&site(query)).await.expect("page");
        map_drawn(&c, query).await;
        let start = if before == DATA_END {
            data_end(&c, "synthetic-communes-official.json").await
        } else {
            mark_in(&c, before).await
        };
        let got = c
            .execute(
                "return performance.getEntriesByType('resource')
                   .map(e => [new URL(e.name).pathname, e.startTime]);",
                vec![],
            )
            .await
            .expect("entries");
        let got: Vec<(String, f64)> = serde_json::from_value(got).expect("pairs");
        for file in files {
            let times: Vec<f64> = got
                .iter()
                .filter(|(path, _)| path.ends_with(file))
                .map(|(_, t)| *t)
                .collect();
            assert_eq!(times.len(), 1, "{query}: {file} fetched once: {got:?}");
            assert!(
                times[0] < start,
                "{query}: {file} asked for at {:.0} ms, after {before} ({start:.0} ms)",
                times[0]
            );
        }
        c.close().await.ok();
    }
    // Where the app shows no communes, none are fetched: the last `level`
    // is the one that counts (as the app reads it), and a province's page
    // shows communes only for the 34 provinces (02, Hà Giang, merged into
    // Tuyên Quang in 2025).
    for query in [
        "?page=map&level=commune&level=province&lang=en",
        "?page=province&province=02&lang=en",
        "?page=map&lang=en&data=../bench/synthetic-communes.json",
    ] {
        let c = browser(1280, 1000).await;
        c.goto(&site(query)).await.expect("page");
        mark_in(&c, "tien-do:mounted").await;
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        let files = fetched(&c).await;
        assert!(
            !files
                .iter()
                .any(|f| f.contains("/geo/communes/") || f.ends_with("vn-communes-2025.topo.json")),
            "{query}: {files:?}"
        );
        c.close().await.ok();
    }
}

/// Guards the early fetch's guess, taken back: where the data shows the
/// built-in communes first and units at the provinces' level further on (the
/// demo data with a commune unit set put first, 4 MB of padding inside
/// it, so that the provinces' come in a later part), the communes' file
/// asked for on the first part is cancelled and forgotten: the app,
/// which draws the provinces, is not left a fetch it never takes.
#[tokio::test]
async fn the_commune_layer_s_early_fetch_is_taken_back_when_the_data_shows_provinces() {
    let root = format!("{}/../..", env!("CARGO_MANIFEST_DIR"));
    let demo = std::fs::read_to_string(format!("{root}/public/data/progress.json"))
        .expect("the demo data");
    let mut d: Value = serde_json::from_str(&demo).expect("demo JSON");
    let source = d["unit_sets"][0]["source"].clone();
    let padded = serde_json::json!({
        "id": "padded-communes",
        "name": { "vi": "Xã (dữ liệu thử)", "en": "Communes (test data)" },
        "level": "commune",
        "valid_from": "2025-07-01",
        "units": [],
        "builtin": "vn-commune-2025",
        "source": source,
        "padding": "x".repeat(4_000_000),
    });
    d["unit_sets"]
        .as_array_mut()
        .expect("unit sets")
        .insert(0, padded);
    let text = d.to_string();
    let (commune, province) = (
        text.find("\"level\":\"commune\"")
            .expect("the communes' level"),
        text.find("\"level\":\"province\"")
            .expect("the provinces' level"),
    );
    assert!(
        commune + 4_000_000 < province,
        "the communes' level comes first, far ahead"
    );
    let dir = format!("{root}/target/bench");
    std::fs::create_dir_all(&dir).expect("bench folder");
    std::fs::write(format!("{dir}/padded-communes.json"), text).expect("written");
    let c = browser(1280, 1000).await;
    c.goto(&site(
        "?page=map&lang=en&data=../bench/padded-communes.json",
    ))
    .await
    .expect("page");
    map_drawn(&c, "the provinces' map").await;
    wait_for_text(&c, ".map-summary", "34/34").await;
    let kept = c
        .execute("return Object.keys(window.tienDoEarly || {});", vec![])
        .await
        .expect("the early fetches");
    assert!(
        !kept.to_string().contains("communes"),
        "a communes' file fetched on the guess is left for the app: {kept}"
    );
    // The guess was made: the file was asked for once (cancelled, or come
    // already on this fast loopback before the provinces' part was read).
    let asked = c
        .execute(
            "return performance.getEntriesByType('resource')
               .filter(e => e.name.endsWith('/vn-communes-2025.topo.json')).length;",
            vec![],
        )
        .await
        .expect("entries");
    assert_eq!(
        asked,
        Value::from(1),
        "the communes' file asked for on the guess"
    );
    c.close().await.ok();
}

/// Guards "find my commune": however it is typed, the commune is found
/// with its province, and opening it shows it on its province's map; a
/// name in several provinces lists each.
#[tokio::test]
async fn find_my_commune_opens_it_on_the_map() {
    let c = browser(390, 844).await;
    c.goto(&site("?page=map&lang=vi")).await.expect("map");
    wait_for(&c, ".commune-search input", "the search box").await;
    for typed in ["phuong ba dinh", "Ba Đình", "ba dinh ha noi"] {
        let input = c
            .find(fantoccini::Locator::Css(".commune-search input"))
            .await
            .expect("input");
        input.clear().await.expect("clear");
        input.send_keys(typed).await.expect("type");
        let hit = wait_for_text(&c, ".find-hits", "Phường Ba Đình").await;
        assert!(hit.contains("Hà Nội"), "{typed}: {hit}");
    }
    screenshot(&c, "find-commune-vi-phone").await;
    click(&c, ".find-hits button[data-code='00004']").await;
    map_drawn(&c, "the commune's map draws").await;
    let q = current_query(&c).await;
    assert!(
        q.contains("level=commune") && q.contains("province=01") && q.contains("commune=00004"),
        "{q}"
    );
    // The page built again for the place keeps what was typed, and the
    // keyboard on the box.
    let (typed, focused) = {
        let v = c
            .execute(
                "const i = document.querySelector('.commune-search input');
                 return [i.value, document.activeElement === i];",
                vec![],
            )
            .await
            .expect("the box");
        (v[0].as_str().unwrap_or_default().to_string(), v[1] == true)
    };
    assert_eq!(typed, "ba dinh ha noi");
    assert!(focused, "the keyboard left the search box");
    // A name found in several provinces: one line for each, each with its
    // province.
    let input = c
        .find(fantoccini::Locator::Css(".commune-search input"))
        .await
        .expect("input");
    input.clear().await.expect("clear");
    input.send_keys("xa tan an").await.expect("type");
    wait_for_text(&c, ".find-hits", "Xã Tân An").await;
    let provinces = c
        .execute(
            "return [...document.querySelectorAll('.find-hits button span')].map(s => s.textContent);",
            vec![],
        )
        .await
        .expect("hits");
    let provinces: Vec<&str> = provinces
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let distinct: std::collections::HashSet<_> = provinces.iter().collect();
    assert!(distinct.len() >= 2, "{provinces:?}");
    c.close().await.ok();
}

/// Guards the commune views in both languages on a phone and a desktop:
/// the whole country (its one-line note in the language, no legend for
/// shapes drawn without values, no horizontal scrolling), one province,
/// and a search result with its province; each screenshot is looked at.
#[tokio::test]
async fn the_commune_views_read_in_both_languages_on_phone_and_desktop() {
    for (w, h, device) in [(390, 844, "phone"), (1280, 1000, "desktop")] {
        let c = browser(w, h).await;
        for (lang, note, province) in [
            ("vi", "Chưa có số liệu cấp xã", "Hà Nội"),
            ("en", "No commune values", "Ha Noi"),
        ] {
            let shot = |view: &str| format!("communes-{view}-{lang}-{device}");
            c.goto(&site(&format!("?page=map&level=commune&lang={lang}")))
                .await
                .expect("map");
            map_drawn(&c, "the country's communes").await;
            let said = text_of(&c, ".map-note").await;
            assert!(said.contains(note), "{lang} {device}: {said}");
            // The shapes are neutral, not hatched: no legend to explain them.
            assert_eq!(count(&c, ".map-legend").await, 0, "{lang} {device}");
            let overflow = c
                .execute(
                    "return document.documentElement.scrollWidth - window.innerWidth;",
                    vec![],
                )
                .await
                .expect("width");
            assert!(
                overflow.as_f64().unwrap_or(1.0) <= 0.0,
                "{lang} {device}: scrolls sideways by {overflow}"
            );
            show(&c, ".choropleth").await;
            screenshot(&c, &shot("country")).await;

            c.goto(&site(&format!(
                "?page=map&level=commune&province=01&lang={lang}"
            )))
            .await
            .expect("province");
            map_drawn(&c, "Hà Nội's communes").await;
            show(&c, ".choropleth").await;
            screenshot(&c, &shot("ha-noi")).await;

            let input = c
                .find(fantoccini::Locator::Css(".commune-search input"))
                .await
                .expect("input");
            input.send_keys("ba dinh").await.expect("type");
            let hits = wait_for_text(&c, ".find-hits", province).await;
            assert!(hits.contains("Ba "), "{lang} {device}: {hits}");
            show(&c, ".commune-search").await;
            screenshot(&c, &shot("search")).await;
        }
        // The provinces' map keeps its legend.
        c.goto(&site("?page=map&lang=en")).await.expect("map");
        map_drawn(&c, "the provinces").await;
        assert_eq!(count(&c, ".map-legend").await, 1, "{device}");
        c.close().await.ok();
    }
}

/// After a commune file failed: the level switch goes back to the
/// provinces, whose map draws.
async fn the_province_layer_draws(c: &fantoccini::Client) {
    click(c, ".level-switch input[value='province']").await;
    map_drawn(c, "the province map draws").await;
}

/// Guards bad input on the commune layer: a province with no commune file
/// says so on the map, and the provinces' layer still works.
#[tokio::test]
async fn a_missing_commune_file_is_said_and_the_province_layer_works() {
    let c = browser(1280, 1000).await;
    c.goto(&site("?page=map&level=commune&province=99&lang=en"))
        .await
        .expect("map");
    let said = wait_for_text(&c, ".map-area .load-error", "communes/99.topo.json").await;
    assert!(!said.is_empty());
    the_province_layer_draws(&c).await;
    c.close().await.ok();
}

/// Guards a damaged shipped commune file (cut off mid-file, served under
/// `/tien-do-damaged/` in place of the real one): the commune map names the
/// damaged file, for one province and for the whole country, in both
/// languages, and the provinces' layer still draws.
#[tokio::test]
async fn a_damaged_commune_file_is_said_and_the_province_layer_works() {
    let damaged = |query: &str| site(query).replacen("/tien-do/", "/tien-do-damaged/", 1);
    let c = browser(1280, 1000).await;
    for (query, file, words, shot) in [
        (
            "?page=map&level=commune&province=01&lang=en",
            "communes/01.topo.json",
            "damaged",
            "commune-damaged-01-en",
        ),
        (
            "?page=map&level=commune&lang=vi",
            "vn-communes-2025.topo.json",
            "bị lỗi",
            "commune-damaged-country-vi",
        ),
    ] {
        c.goto(&damaged(query)).await.expect("map");
        let said = wait_for_text(&c, ".map-area .load-error", file).await;
        assert!(said.contains(words), "{query}: {said}");
        screenshot(&c, shot).await;
    }
    the_province_layer_draws(&c).await;
    c.close().await.ok();
}

/// Guards the keyboard on a commune map: arrows move between neighbouring
/// communes, each named with its kind and province; Enter chooses one.
#[tokio::test]
async fn arrows_move_between_neighbouring_communes() {
    let c = browser(1280, 1000).await;
    c.goto(&site("?page=map&level=commune&province=01&lang=vi"))
        .await
        .expect("map");
    map_drawn(&c, "Hà Nội's communes draw").await;
    let canvas = c
        .find(fantoccini::Locator::Css(".choropleth canvas"))
        .await
        .expect("canvas");
    canvas.send_keys("\u{E015}").await.expect("ArrowDown");
    let first = wait_for_text(&c, ".map-tooltip", "Hà Nội").await;
    canvas.send_keys("\u{E014}").await.expect("ArrowRight");
    let deadline = std::time::Instant::now() + WAIT;
    let moved = loop {
        let now = text_of(&c, ".map-tooltip").await;
        if now != first && now.contains("Hà Nội") {
            break now;
        }
        assert!(std::time::Instant::now() < deadline, "stayed on {first}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert!(
        ["Phường", "Xã"].iter().any(|k| moved.contains(k)),
        "{moved}"
    );
    canvas.send_keys("\u{E007}").await.expect("Enter");
    commune_chosen(&c, "Enter chose nothing").await;
    // The page built again for the commune chosen gives the keyboard back
    // to the map once it is drawn.
    let deadline = std::time::Instant::now() + WAIT;
    while c
        .execute(
            "return document.activeElement.matches('.choropleth canvas')",
            vec![],
        )
        .await
        .expect("focus")
        != true
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the keyboard left the map"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    screenshot(&c, "communes-ha-noi-vi-keyboard").await;
    c.close().await.ok();
}

/// Guards values for codes the commune map does not have (a publisher's
/// mistake): the commune map draws the others and names the codes it
/// cannot place, instead of dropping them silently.
#[tokio::test]
async fn values_for_codes_off_the_map_are_named() {
    let c = browser(1280, 1000).await;
    c.goto(&site(
        "?page=map&lang=en&data=../fixtures/commune-code-off-map.json",
    ))
    .await
    .expect("map");
    map_drawn(&c, "the commune map draws").await;
    let note = wait_for_text(&c, ".map-note.unplaced", "99999").await;
    assert!(note.contains("cannot be drawn"), "{note}");
    // The codes the map has are drawn with their values.
    let summary = text_of(&c, ".map-summary").await;
    assert!(summary.contains("Ngoc Ha"), "{summary}");
    c.close().await.ok();
}

/// Guards the commune map against waiting for the provinces' borders
/// drawn over it (read inside the map's Transition, even untracked, the
/// borders held the map back until they came: 100 ms on the benchmark's
/// official communes, as long as the borders take on a slow link): with
/// the borders served at 2 KB/s, the communes are drawn while the borders
/// are still on their way.
#[tokio::test]
async fn the_commune_map_does_not_wait_for_the_borders_over_it() {
    let c = browser(1280, 900).await;
    let url =
        site("?page=map&level=commune&lang=en").replacen("/tien-do/", "/tien-do-slow-borders/", 1);
    c.goto(&url).await.expect("page");
    map_drawn(&c, "the communes are drawn").await;
    let files = fetched(&c).await;
    assert!(
        files
            .iter()
            .any(|p| p.ends_with("vn-communes-2025.topo.json")),
        "{files:?}"
    );
    assert!(
        !files
            .iter()
            .any(|p| p.ends_with("vn-provinces-2025.topo.json")),
        "the map waited for the borders over it: {files:?}"
    );
    c.close().await.ok();
}

/// Guards the boundary files decoded as they come (`fetch::decode_ahead`),
/// not once the data is read and the map asks for them: with the data
/// served at 100 KB/s, the communes' file and the provinces' borders that
/// the loader fetched early come first and are decoded while the data is
/// still on its way (before its parse starts); each is fetched once (the
/// map's own early fetch does not fetch again what is being decoded).
#[tokio::test]
async fn the_commune_boundaries_are_decoded_while_the_data_downloads() {
    let c = browser(1280, 900).await;
    let url =
        site("?page=map&level=commune&lang=en").replacen("/tien-do/", "/tien-do-slow-data/", 1);
    c.goto(&url).await.expect("page");
    map_drawn(&c, "the communes are drawn").await;
    let times = c
        .execute(
            "const p = performance.getEntriesByName('tien-do:parse:start');
             const d = performance.getEntriesByName('tien-do:decode:end');
             return [p.map(e => e.startTime), d.map(e => e.startTime)];",
            vec![],
        )
        .await
        .expect("marks");
    let list = |v: &Value| -> Vec<f64> {
        v.as_array()
            .expect("a list")
            .iter()
            .filter_map(Value::as_f64)
            .collect()
    };
    let (parse, decoded) = (list(&times[0]), list(&times[1]));
    assert_eq!(parse.len(), 1, "one parse: {parse:?}");
    assert!(!decoded.is_empty(), "no decode marked");
    assert!(
        decoded.iter().all(|d| *d < parse[0]),
        "the boundaries were decoded after the data came: decoded at {decoded:?} ms, the data parsed from {} ms",
        parse[0]
    );
    let files = fetched(&c).await;
    for name in ["vn-communes-2025.topo.json", "vn-provinces-2025.topo.json"] {
        let n = files.iter().filter(|p| p.ends_with(name)).count();
        assert_eq!(n, 1, "{name} fetched {n} times: {files:?}");
    }
    c.close().await.ok();
}
