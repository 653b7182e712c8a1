//! `tien-do-data embeds DIST` run again on a built site, as the README tells
//! publishers to: after changing the data origins, and after new data.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use tien_do_core::figure::Figure;

/// A built site's files, in a scratch folder of its own.
fn built_site(name: &str) -> PathBuf {
    common::built_site(&format!("rerun-{name}"))
}

/// Runs `tien-do-data embeds DIST` with `args`; fails unless it succeeds.
fn embeds(dist: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_tien-do-data"))
        .arg("embeds")
        .arg(dist)
        .args(["--site-url", "https://example.gov.vn/tien-do/"])
        .args(args)
        .env_remove("TIEN_DO_DATA_ORIGINS")
        .output()
        .expect("the command runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The `connect-src` directive of the page's policy `<meta>`.
fn connect_src(dist: &Path, page: &str) -> String {
    let html = std::fs::read_to_string(dist.join(page)).unwrap();
    assert_eq!(
        html.matches("http-equiv=\"Content-Security-Policy\"")
            .count(),
        1,
        "{page}: one policy"
    );
    html.split(';')
        .map(str::trim)
        .find(|d| d.starts_with("connect-src "))
        .unwrap_or_else(|| panic!("{page}: no connect-src"))
        .to_string()
}

/// The service worker's cache name for this build and data.
fn cache_version(dist: &Path) -> String {
    let sw = std::fs::read_to_string(dist.join("sw.js")).unwrap();
    let start = sw
        .find("const CACHE = PREFIX + \"")
        .expect("the cache name")
        + 24;
    sw[start..start + sw[start..].find('"').unwrap()].to_string()
}

/// Guards the README's `embeds dist --data-origins …` on a built site:
/// run again with other origins, every page's policy has the new ones (not
/// the first run's, which the build already wrote).
#[test]
fn running_embeds_again_replaces_the_data_origins() {
    let dist = built_site("origins");
    embeds(&dist, &[]);
    assert_eq!(connect_src(&dist, "index.html"), "connect-src 'self' blob:");
    embeds(&dist, &["--data-origins", "https://example.org"]);
    for page in ["index.html", "embed-map.html"] {
        assert_eq!(
            connect_src(&dist, page),
            "connect-src 'self' blob: https://example.org",
            "{page}"
        );
    }
    embeds(&dist, &["--data-origins", "https://data.example.gov.vn"]);
    assert_eq!(
        connect_src(&dist, "index.html"),
        "connect-src 'self' blob: https://data.example.gov.vn",
        "the origins given last, only"
    );
    let _ = std::fs::remove_dir_all(&dist);
}

/// Guards "gives the offline copy a new name" (README): after new data,
/// `embeds` names the service worker's cache anew (so readers' devices
/// fetch the new files and drop the old copy); with nothing new, the name
/// stays.
#[test]
fn new_data_gives_the_offline_copy_a_new_name() {
    let dist = built_site("cache");
    embeds(&dist, &[]);
    let first = cache_version(&dist);
    assert_eq!(first.len(), 12, "{first}");
    embeds(&dist, &[]);
    assert_eq!(cache_version(&dist), first, "nothing new: the same name");
    let data = dist.join("data/progress.json");
    let json = std::fs::read_to_string(&data).unwrap();
    assert!(json.contains("0.8241"), "Hà Nội's DTI 2024");
    std::fs::write(&data, json.replacen("0.8241", "0.8242", 1)).unwrap();
    embeds(&dist, &[]);
    assert_ne!(cache_version(&dist), first, "new data: a new name");
    let _ = std::fs::remove_dir_all(&dist);
}

/// 16 hex digits of the SHA-256 of `bytes`: how a build's name is hashed.
fn hex16(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Guards the build step: from a built site's index and data, every
/// figure gets its embed page, oEmbed document (absolute iframe at the
/// given address) and static image, and the release is kept; the app's
/// builds are named with hashes and loaded by the page's one loader, also
/// when run again.
#[test]
fn writes_every_figure_and_the_release() {
    let dist = built_site("all");
    let log = tien_do_data::embeds::write_embeds(&dist, "https://example.gov.vn/tien-do", "")
        .expect("written");
    for figure in tien_do_core::figure::Figure::ALL {
        let page = std::fs::read_to_string(dist.join(figure.embed_file())).unwrap();
        assert!(page.contains(&format!("data-embed=\"{}\"", figure.slug())));
        let oembed: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(dist.join(figure.oembed_file())).unwrap(),
        )
        .unwrap();
        let html = oembed["html"].as_str().unwrap();
        assert!(
            html.contains(&format!(
                "src=\"https://example.gov.vn/tien-do/{}?lang=vi\"",
                figure.embed_file()
            )),
            "{html}"
        );
        let svg = std::fs::read_to_string(dist.join(figure.image_file())).unwrap();
        assert!(svg.starts_with("<svg ") && svg.trim_end().ends_with("</svg>"));
        assert!(
            svg.contains("Nguồn:"),
            "{}: the image names its source",
            figure.slug()
        );
    }
    let release = dist.join("data/releases/2026-02-25.json");
    let parsed = |p: &std::path::Path| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
    };
    assert_eq!(parsed(&release), parsed(&dist.join("data/progress.json")));
    // The pages, documents and images, then the gzipped copies of the
    // build's files and boundaries (`precompress`), each named once.
    let (copies, written): (Vec<&str>, Vec<&str>) = log.lines().partition(|l| l.ends_with(".gz"));
    assert_eq!(
        written.len(),
        6 + 3 * tien_do_core::figure::Figure::ALL.len(),
        "{log}"
    );
    assert!(copies.contains(&"sw.js.gz"), "{log}");
    assert!(copies.iter().all(|c| dist.join(c).is_file()), "{log}");
    let index = std::fs::read_to_string(dist.join(tien_do_core::find::INDEX_FILE)).unwrap();
    let places = tien_do_core::find::places(&index).expect("the index reads back");
    assert_eq!(places.len(), 34 + 3321);
    let sw = std::fs::read_to_string(dist.join("sw.js")).unwrap();
    assert!(
        sw.contains("const CACHE = PREFIX + \""),
        "a cache per build and scope"
    );
    assert!(!sw.contains("__VERSION__") && !sw.contains("__SHELL__"));
    assert!(
        sw.contains("const SHELL = [\"./\",")
            && sw.contains("\"data/progress.json\"")
            && sw.contains("\"geo/vn-provinces-2025.topo.json\""),
        "the page, the data and the boundaries are kept"
    );
    assert!(
        !sw.contains("communes"),
        "the communes' maps are not copied ahead: {sw}"
    );
    let index = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert!(index.contains("http-equiv=\"Content-Security-Policy\""));
    // The workers' builds renamed with a hash of their bytes; the
    // page's loader names every build, and the embed builds are not kept
    // for offline reading (embeds register no worker).
    let builds = tien_do_data::embeds::app_builds(&dist).unwrap();
    let overview_wasm = format!("tien-do-overview-{}_bg.wasm", hex16(b"overview wasm"));
    assert_eq!(builds.overview.wasm, overview_wasm);
    assert!(!dist.join("tien-do-overview_bg.wasm").exists());
    assert_eq!(builds.site.js, "tien-do-1a2b3c4d5e6f7a8b.js");
    assert!(builds
        .embed(Figure::Map)
        .js
        .starts_with("tien-do-embed-map-"));
    assert!(builds
        .embed(Figure::Ranking)
        .wasm
        .starts_with("tien-do-embed-ranking-"));
    // A figure whose build is missing is drawn by the site's.
    assert_eq!(builds.embed(Figure::Trend), &builds.site);
    for b in [
        &builds.site,
        &builds.overview,
        builds.embed(Figure::Map),
        builds.embed(Figure::Ranking),
    ] {
        assert!(index.contains(&format!("js:\"./{}\"", b.js)), "{index}");
        assert!(index.contains(&b.wasm_integrity));
    }
    assert!(sw.contains(&format!("\"{overview_wasm}\"")));
    assert!(!sw.contains("tien-do-embed-"), "{sw}");
    // The demo's default map is of the 34 provinces: fetched early.
    assert!(
        index.contains("var u=\"geo/vn-provinces-2025.topo.json\";"),
        "{index}"
    );
    // Run again (a publisher with new data): the same names, one loader.
    tien_do_data::embeds::write_embeds(&dist, "https://example.gov.vn/tien-do", "")
        .expect("written again");
    assert_eq!(tien_do_data::embeds::app_builds(&dist).unwrap(), builds);
    let again = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert_eq!(again.matches("<script id=\"tien-do-build\">").count(), 1);
    assert_eq!(again, index);
    let _ = std::fs::remove_dir_all(&dist);
}
