//! `tien-do-data embeds DIST` run again on a built site, as the README tells
//! publishers to: after changing the data origins, and after new data.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

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
