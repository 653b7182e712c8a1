//! The test servers themselves (`start_site_servers` in scripts/common.sh),
//! started here from a copy of the checkout on ports of their own.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Three ports nothing listens on now.
fn free_ports() -> [u16; 3] {
    let listeners: Vec<_> = (0..3)
        .map(|_| std::net::TcpListener::bind("127.0.0.1:0").expect("a free port"))
        .collect();
    let port = |i: usize| listeners[i].local_addr().unwrap().port();
    [port(0), port(1), port(2)]
}

/// A folder only its owner may enter, as `mktemp -d` makes.
fn private_folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tien-do-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

/// What the test servers need of a checkout: the scripts, Cargo.lock and
/// a built page with its policy.
fn checkout_in(dir: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let copy = dir.join("checkout");
    for d in ["scripts", "dist", "tests/fixtures"] {
        std::fs::create_dir_all(copy.join(d)).unwrap();
    }
    for f in ["scripts/common.sh", "Cargo.lock"] {
        std::fs::copy(root.join(f), copy.join(f)).unwrap();
    }
    std::fs::write(
        copy.join("dist/index.html"),
        "<!doctype html><meta charset=utf-8>\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">\
         <title>T</title><p>served",
    )
    .unwrap();
    copy
}

/// Guards `bash scripts/test.sh` run as root in a checkout inside a folder
/// only its owner may read: nginx's workers run as the invoking user and
/// read the site (they ran as "nobody" and got 403 on every file, and the
/// run ended much later in timeouts). Without that, start-up stops with
/// the status and nginx's log; either way this test then fails.
#[test]
fn the_servers_serve_a_checkout_only_its_owner_may_read() {
    let dir = private_folder("private-checkout");
    let copy = checkout_in(&dir);
    let [port, host_port, driver_port] = free_ports();
    let out = Command::new("bash")
        .args([
            "-c",
            "set -euo pipefail
             source \"$1/scripts/common.sh\"
             trap stop_site_servers EXIT
             start_site_servers \"$1/target/servers\"
             curl -s -o /dev/null -w '%{http_code}' \"$E2E_BASE_URL\"",
            "servers",
        ])
        .arg(&copy)
        .env("E2E_PORT", port.to_string())
        .env("E2E_HOST_PORT", host_port.to_string())
        .env("E2E_DRIVER_PORT", driver_port.to_string())
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success() && stdout.ends_with("200"),
        "the site was not served from {}: {stdout}\n{stderr}",
        copy.display()
    );
}
