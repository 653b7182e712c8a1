//! Shared by the integration tests of `tien-do-data`: the checkout, the
//! command, and a built site's files.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The checkout's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the command in the checkout; returns (exit status, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tien-do-data"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the command runs");
    (
        out.status
            .code()
            .expect("exited, not killed by a signal (a panic aborts)"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A built site's files, enough for `embeds`, in a scratch folder of its
/// own (`tien-do-<name>-<pid>`): the page, the data, the shipped boundary
/// files, and the app's builds as Trunk leaves them (the site's named with
/// a hash, the overview's and the embeds' by their binary).
pub fn built_site(name: &str) -> PathBuf {
    let dist = std::env::temp_dir().join(format!("tien-do-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dist);
    fs::create_dir_all(dist.join("data")).unwrap();
    fs::create_dir_all(dist.join("geo")).unwrap();
    fs::copy(root().join("index.html"), dist.join("index.html")).unwrap();
    fs::copy(
        root().join("public/data/progress.json"),
        dist.join("data/progress.json"),
    )
    .unwrap();
    for f in fs::read_dir(root().join("public/geo")).unwrap().flatten() {
        if f.path().is_file() {
            fs::copy(f.path(), dist.join("geo").join(f.file_name())).unwrap();
        }
    }
    for (name, text) in [
        ("tien-do-1a2b3c4d5e6f7a8b.js", "site js"),
        ("tien-do-9f8e7d6c5b4a3921_bg.wasm", "site wasm"),
        ("tien-do-overview.js", "overview js"),
        ("tien-do-overview_bg.wasm", "overview wasm"),
        ("tien-do-embed-map.js", "embed map js"),
        ("tien-do-embed-map_bg.wasm", "embed map wasm"),
        ("tien-do-embed-ranking.js", "embed ranking js"),
        ("tien-do-embed-ranking_bg.wasm", "embed ranking wasm"),
    ] {
        fs::write(dist.join(name), text).unwrap();
    }
    dist
}
