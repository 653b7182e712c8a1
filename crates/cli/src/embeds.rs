//! `tien-do-data embeds DIST`: what a built site needs for its figures to
//! be embedded, written beside `index.html`:
//!
//! - `embed-<figure>.html`: the app's page marked with its figure, with the
//!   oEmbed discovery link and, for readers without JavaScript, the static
//!   image linked to the full view;
//! - `oembed/<figure>.json`: the oEmbed document (type `rich`) whose iframe
//!   points at the site's address (`--site-url`);
//! - `figures/<figure>.svg`: the figure drawn from the data at build time;
//! - `data/releases/<as_of>.json`: this data release, kept so that embeds
//!   pinned to it never change;
//! - `feed.xml` and `feed.en.xml`: the Atom feeds of what each meeting
//!   reported ([`crate::feed`]), their links absolute from `--site-url`.
//!
//! Trunk runs it after every build (`Trunk.toml`); a publisher who updates
//! the data without rebuilding runs it again.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use tien_do_core::boundaries::{boundary_file, commune_file, decode_first, PROVINCES_2025};
use tien_do_core::choropleth::{chosen_view, map_data};
use tien_do_core::figure::{
    figure_chart, first_height, full_view_url, oembed_json, release_file, Figure,
};
use tien_do_core::figures::{self, framed_svg, Caption, Palette};
use tien_do_core::notes::html_escape;
use tien_do_core::{parse_progress, Lang, Page, ProgressData, UrlState};

/// The site's address when none is given: where `scripts/serve.sh` serves.
pub const DEFAULT_SITE_URL: &str = "http://127.0.0.1:8080/";

/// Width in CSS pixels of the static images.
const IMAGE_WIDTH: f64 = 640.0;

/// Writes the embed pages, oEmbed documents, static images and the data
/// release into `dist`. Returns what was written, one path a line.
pub fn write_embeds(dist: &Path, site_url: &str, connect_src: &str) -> Result<String, String> {
    let site = if site_url.ends_with('/') {
        site_url.to_string()
    } else {
        format!("{site_url}/")
    };
    let read = |p: &str| {
        fs::read_to_string(dist.join(p)).map_err(|e| format!("{}: {e}", dist.join(p).display()))
    };
    let json = read("data/progress.json")?;
    let data = parse_progress(&json).map_err(|e| format!("data/progress.json: {e:?}"))?;
    let builds = app_builds(dist)?;
    let early = Early {
        data: UrlState::default().data_url().to_string(),
        map: default_map_file(&data).map(str::to_string),
    };
    let index = with_csp(
        &with_loader(&read("index.html")?, &builds, &early),
        connect_src,
    )?;
    let mut log = String::new();
    let mut write = |rel: &str, text: &str| -> Result<(), String> {
        let path = dist.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        let _ = writeln!(log, "{rel}");
        Ok(())
    };
    write("index.html", &index)?;
    write("sw.js", &service_worker(dist, &index)?)?;
    write(&release_file(&data.as_of), &release_json(&json)?)?;
    if site == DEFAULT_SITE_URL {
        eprintln!(
            "embeds: warning: no site address given (--site-url or TIEN_DO_SITE_URL): \
             the oEmbed documents and the feeds point at {DEFAULT_SITE_URL}"
        );
    }
    for (file, xml) in crate::feed::feeds(&data, &site) {
        write(file, &xml)?;
    }
    // What "find my commune" searches, fetched when it is first used.
    write(
        tien_do_core::find::INDEX_FILE,
        &crate::communes::search_index_json(),
    )?;
    // The static images show a province's figures for the first province
    // of the newest set (Hà Nội in the demo).
    let sample = UrlState {
        province: first_province(&data),
        ..UrlState::default()
    };
    for figure in Figure::ALL {
        let lang = Lang::Vi;
        let drawn = match figure {
            Figure::Map => {
                map_image(dist, &data, lang).ok_or_else(|| "no map could be drawn".into())
            }
            _ => chart_image(&data, figure, &sample, lang),
        };
        // Data without this figure (no tasks, no targets…): its embed page
        // is still written and says so when opened; only the image is left out.
        let (title, height) = match drawn {
            Ok((svg, title, height)) => {
                write(&figure.image_file(), &svg)?;
                (title, height)
            }
            Err(why) => {
                eprintln!("embeds: no static image for {}: {why}", figure.slug());
                (figure.name().text(lang).to_string(), 400.0)
            }
        };
        let embed_height = first_height(height - 100.0);
        write(
            &figure.oembed_file(),
            &oembed_json(figure, &site, &title, lang, embed_height),
        )?;
        write(&figure.embed_file(), &embed_page(&index, figure, &title))?;
    }
    for rel in precompress(dist)? {
        let _ = writeln!(log, "{rel}");
    }
    Ok(log)
}

/// Whether `rel`, a file of the built site, gets a gzipped copy beside it:
/// the app's builds (wasm, scripts, the style sheet) and the shipped
/// boundary files, which change only with a build. Not the pages, which
/// this tool writes again, nor the data, which publishers replace without
/// building: a server that prefers a copy would serve the old one.
fn precompressed(rel: &str) -> bool {
    let build = !rel.contains('/')
        && (rel.ends_with(".wasm") || rel.ends_with(".js") || rel.ends_with(".css"));
    build || (rel.starts_with("geo/") && rel.ends_with(".topo.json"))
}

/// Writes beside each file of `dist` that [`precompressed`] names a copy
/// gzipped at the best level (`NAME.gz`), which servers that look for
/// one send as it is (nginx's `gzip_static on`; see docs/headers.md): the
/// bytes on the wire are those of `gzip -9`, with no compressing per
/// request. A copy that no longer matches its file (a new build, a
/// replaced boundary file) is written again; one left without its file is
/// removed. Returns the copies written.
pub fn precompress(dist: &Path) -> Result<Vec<String>, String> {
    use flate2::{read::GzDecoder, write::GzEncoder, Compression};
    use std::io::{Read as _, Write as _};
    let mut files = Vec::new();
    let mut stack = vec![dist.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    let rel = |p: &Path| {
        p.strip_prefix(dist)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/")
    };
    let mut written = Vec::new();
    for path in &files {
        let name = rel(path);
        if let Some(of) = name.strip_suffix(".gz") {
            if !precompressed(of) || !dist.join(of).is_file() {
                fs::remove_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            continue;
        }
        if !precompressed(&name) {
            continue;
        }
        let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let gz = dist.join(format!("{name}.gz"));
        let mut old = Vec::new();
        let same = fs::read(&gz)
            .is_ok_and(|z| GzDecoder::new(&z[..]).read_to_end(&mut old).is_ok() && old == bytes);
        if same {
            continue;
        }
        let mut e = GzEncoder::new(Vec::new(), Compression::best());
        e.write_all(&bytes)
            .and_then(|()| e.finish())
            .and_then(|z| fs::write(&gz, z))
            .map_err(|e| format!("{}: {e}", gz.display()))?;
        written.push(format!("{name}.gz"));
    }
    written.sort();
    Ok(written)
}

/// The site's Content Security Policy for a page: only its own site, its
/// inline scripts by their SHA-256 hashes (Trunk's loader), WebAssembly
/// compiled ('wasm-unsafe-eval'), style attributes (the charts' sizes and
/// tooltips) but no style sheets from elsewhere, images from `data:` and
/// `blob:` (the PNG download draws its SVG from a blob). See
/// docs/headers.md.
///
/// `connect_src`: other origins the page may read data from (a publisher
/// whose JSON lives elsewhere), space-separated; empty for none.
pub fn content_security_policy(page: &str, connect_src: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let mut hashes = String::new();
    let mut rest = page;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let opening = &after[..open_end];
        let body_start = open_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        let body = &after[body_start..body_start + close];
        if !opening.contains("src=") && !body.is_empty() {
            let digest = sha2::Sha256::digest(body.as_bytes());
            let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
            let _ = write!(hashes, " 'sha256-{b64}'");
        }
        rest = &after[body_start + close..];
    }
    format!(
        "default-src 'self'; script-src 'self'{hashes} 'wasm-unsafe-eval'; \
         style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; \
         connect-src 'self' blob:{extra}; object-src 'none'; base-uri 'self'; form-action 'none'",
        extra = connect_src
            .split_whitespace()
            .filter(|o| o.starts_with("https://") || o.starts_with("http://"))
            .filter(|o| !o.contains([';', '\'', '"', ',', '<', '>', '&']))
            .map(|o| format!(" {o}"))
            .collect::<String>()
    )
}

/// The page with its policy as a `<meta>` tag, first in `<head>` after the
/// character set (so it covers every script). A page that has one gets the
/// new one instead (a publisher who runs `embeds` again with other data
/// origins gets them); a page with no character set nor `<head>` to put it
/// after is an error.
fn with_csp(page: &str, connect_src: &str) -> Result<String, String> {
    let page = &settle_live_reload(&without_csp(page));
    let meta = format!(
        "{CSP_META} content=\"{}\">",
        // Needs no escaping: no `"`, `<` or `&` can be in it (the origins
        // given are filtered), and the test server copies it as it is.
        content_security_policy(page, connect_src)
    );
    match head_start(page) {
        Some(i) => Ok(format!("{}{meta}{}", &page[..i], &page[i..])),
        None => Err("index.html: no <meta charset> nor <head> to put the policy after".into()),
    }
}

/// Where what must come first in a page's head goes: after its character
/// set (which must stay first), else at the start of `<head>`.
fn head_start(page: &str) -> Option<usize> {
    [
        "<meta charset=utf-8>",
        "<meta charset=\"utf-8\">",
        "<meta charset=\"utf-8\" />",
    ]
    .iter()
    .find_map(|m| page.find(m).map(|i| i + m.len()))
    .or_else(|| page.find("<head>").map(|i| i + "<head>".len()))
}

/// The page without the policy `<meta>` that [`with_csp`] wrote, if it has
/// one.
fn without_csp(page: &str) -> String {
    let Some(at) = page.find(CSP_META) else {
        return page.to_string();
    };
    let end = page[at..].find('>').map_or(page.len(), |e| at + e + 1);
    format!("{}{}", &page[..at], &page[end..])
}

/// The page with the placeholders of Trunk's live-reload script (which
/// `trunk serve`, in `scripts/serve.sh`, puts in the page) filled in as the
/// development server would fill them in each answer: the server's address
/// as the page's own, the socket at the site's root (`serve.sh` serves at
/// `/`). The server then changes nothing, so the script the browser runs
/// is the one the policy allows by its hash. Other pages are unchanged.
/// (`serve.sh` serves the page not minified: minified, the address is
/// folded into a longer string, where neither this nor Trunk finds it.)
fn settle_live_reload(page: &str) -> String {
    page.replace("'{{__TRUNK_ADDRESS__}}'", "window.location.host")
        .replace("{{__TRUNK_WS_BASE__}}", "/")
}

/// One build of the app in a built site: its script and its wasm (file
/// names), each with its Subresource Integrity hash.
#[derive(Clone, Debug, PartialEq)]
pub struct AppBuild {
    /// The script (wasm-bindgen's module).
    pub js: String,
    /// The WebAssembly.
    pub wasm: String,
    /// `sha384-…` of the script.
    pub js_integrity: String,
    /// `sha384-…` of the WebAssembly.
    pub wasm_integrity: String,
}

/// The app's builds in a built site: the whole site's, the overview's
/// (the first view) and each embed page's, its figure alone (see
/// `src/builds.rs` and `src/lean/`).
#[derive(Clone, Debug, PartialEq)]
pub struct Builds {
    /// Every page: Trunk's main build, named with Trunk's hash.
    pub site: AppBuild,
    /// The overview alone.
    pub overview: AppBuild,
    /// The map page alone.
    pub map: AppBuild,
    /// Each figure's embed page's build (`embed-map.html`,
    /// `embed-ranking.html`…), in the order of [`Figure::ALL`].
    pub embeds: Vec<(Figure, AppBuild)>,
}

impl Builds {
    /// The build of `figure`'s embed page (the site's where it has none).
    pub fn embed(&self, figure: Figure) -> &AppBuild {
        self.embeds
            .iter()
            .find(|(f, _)| *f == figure)
            .map_or(&self.site, |(_, b)| b)
    }
}

/// The binaries of the builds (`Cargo.toml`, `src/bin/`).
const SITE_BIN: &str = "tien-do";
const OVERVIEW_BIN: &str = "tien-do-overview";
const MAP_BIN: &str = "tien-do-map";
/// How each embed page's binary begins: `tien-do-embed-ranking`.
const EMBED_BIN: &str = "tien-do-embed-";

/// The binary of `figure`'s embed page: `tien-do-embed-ranking`.
fn embed_bin(figure: Figure) -> String {
    format!("{EMBED_BIN}{}", figure.slug())
}

/// Whether `file` is one of the embed builds' files, of this build or an
/// earlier one in the same folder (embeds register no worker: none is
/// kept for offline reading).
fn is_embed_file(file: &str) -> bool {
    file.starts_with(EMBED_BIN)
}

/// Finds the builds in `dist`. Trunk names its main build (the site's)
/// with a hash, and its other builds (`data-type="worker"` in
/// `index.html`) by their binary alone: those are renamed here with a hash
/// of their bytes, so a reader's cache never serves an old one with a new
/// page. Running again finds the renamed files. A build that is missing
/// (a site built before the split) is the site's.
pub fn app_builds(dist: &Path) -> Result<Builds, String> {
    let names = || -> Result<Vec<String>, String> {
        Ok(fs::read_dir(dist)
            .map_err(|e| format!("{}: {e}", dist.display()))?
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect())
    };
    let read = |path: &Path| fs::read(path).map_err(|e| format!("{}: {e}", path.display()));
    // Each build's imports renamed short, in its wasm and its script alike
    // (`imports::shorten`), before the names and the hashes are made from
    // their bytes: Trunk's site build where it is (its name is Trunk's),
    // the others before they are named below. Done once: a second run
    // finds nothing to rename.
    let all = names()?;
    for name in &all {
        let Some(stem) = name.strip_suffix("_bg.wasm") else {
            continue;
        };
        // Its script: of the same binary (Trunk hashes the site's two
        // files apart; the others are not hashed yet, or were renamed by
        // an earlier run).
        let bin = hashed_stem(name).unwrap_or(stem);
        let js = all.iter().find(|n| {
            n.ends_with(".js")
                && (hashed_stem(n) == Some(bin) || n.strip_suffix(".js") == Some(bin))
        });
        let Some(js) = js else {
            continue;
        };
        let (wasm_path, js_path) = (dist.join(name), dist.join(js));
        let js = String::from_utf8(read(&js_path)?)
            .map_err(|e| format!("{}: {e}", js_path.display()))?;
        if let Some((wasm, js)) = crate::imports::shorten(&read(&wasm_path)?, &js) {
            fs::write(&wasm_path, wasm).map_err(|e| format!("{}: {e}", wasm_path.display()))?;
            fs::write(&js_path, js).map_err(|e| format!("{}: {e}", js_path.display()))?;
        }
    }
    let workers = Figure::ALL.into_iter().map(embed_bin);
    let pages = [OVERVIEW_BIN, MAP_BIN].map(str::to_string);
    for bin in pages.into_iter().chain(workers) {
        let (js, wasm) = (
            dist.join(format!("{bin}.js")),
            dist.join(format!("{bin}_bg.wasm")),
        );
        if !(js.is_file() && wasm.is_file()) {
            continue;
        }
        for old in names()?
            .iter()
            .filter(|n| hashed_stem(n) == Some(bin.as_str()))
        {
            let _ = fs::remove_file(dist.join(old));
        }
        for (from, suffix) in [(js, ".js"), (wasm, "_bg.wasm")] {
            let to = dist.join(format!("{bin}-{}{suffix}", short_hash(&read(&from)?)));
            fs::rename(&from, &to).map_err(|e| format!("{}: {e}", to.display()))?;
        }
    }
    let names = names()?;
    let find = |bin: &str| -> Result<Option<AppBuild>, String> {
        let of = |suffix: &str| {
            names
                .iter()
                .find(|n| hashed_stem(n) == Some(bin) && n.ends_with(suffix))
                .cloned()
        };
        let (Some(js), Some(wasm)) = (of(".js"), of("_bg.wasm")) else {
            return Ok(None);
        };
        Ok(Some(AppBuild {
            js_integrity: integrity(&read(&dist.join(&js))?),
            wasm_integrity: integrity(&read(&dist.join(&wasm))?),
            js,
            wasm,
        }))
    };
    let site = find(SITE_BIN)?.ok_or_else(|| {
        format!(
            "{}: no build of the app ({SITE_BIN}-<hash>.js and _bg.wasm)",
            dist.display()
        )
    })?;
    let mut embeds = Vec::new();
    for f in Figure::ALL {
        embeds.push((f, find(&embed_bin(f))?.unwrap_or_else(|| site.clone())));
    }
    Ok(Builds {
        overview: find(OVERVIEW_BIN)?.unwrap_or_else(|| site.clone()),
        map: find(MAP_BIN)?.unwrap_or_else(|| site.clone()),
        embeds,
        site,
    })
}

/// The binary a hashed build file belongs to: `tien-do-overview` for
/// `tien-do-overview-1a2b_bg.wasm`; `None` for any other file.
fn hashed_stem(name: &str) -> Option<&str> {
    let stem = name
        .strip_suffix("_bg.wasm")
        .or_else(|| name.strip_suffix(".js"))?;
    let (bin, hash) = stem.rsplit_once('-')?;
    let hex = !hash.is_empty() && hash.len() <= 16 && hash.bytes().all(|b| b.is_ascii_hexdigit());
    let known = bin == SITE_BIN
        || bin == OVERVIEW_BIN
        || bin == MAP_BIN
        || bin
            .strip_prefix(EMBED_BIN)
            .is_some_and(|f| Figure::from_slug(f).is_some());
    (hex && known).then_some(bin)
}

/// 16 hex digits of the SHA-256 of `bytes`.
fn short_hash(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The Subresource Integrity value of `bytes`: `sha384-` and its base64.
fn integrity(bytes: &[u8]) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// What the loader fetches before the app starts: the data file, and the
/// boundaries of the map a page opens on by default, as the app names
/// them (relative to the page).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Early {
    /// The data file: `data/progress.json`.
    pub data: String,
    /// The default map's boundary file, if it has one.
    pub map: Option<String>,
}

/// `text` as a JSON string, safe inside `<script>` (no `<`).
fn json_string(text: &str) -> String {
    serde_json::to_string(text)
        .unwrap_or_else(|_| "\"\"".into())
        .replace('<', "\\u003c")
}

/// How the loader [`with_loader`] writes opens its tag.
const LOADER_OPEN: &str = "<script id=\"tien-do-build\">";

/// The page with the loader that picks its build, first in `<head>` after
/// the character set (before the style sheet, which would hold it back):
/// on an embed page (`<html data-embed="ranking">`…) its figure's own
/// build (`embed_ranking`; the site's for a figure with none), the
/// overview's where the address names no other page, else the site's. It starts both
/// downloads at once, each checked against its integrity hash (the script
/// by `modulepreload`, the wasm by `fetch`), and leaves the script's name
/// and the wasm's answer in `window.tienDoBuild` for the module that
/// starts it (`pattern_script` in `Trunk.toml`); every build, in
/// `window.tienDoBuilds`.
///
/// It also starts fetching the data file: the one the address names
/// (`?data=`, read as the app reads it: the last one, trimmed, within
/// [`MAX_DATA_URL_LEN`](tien_do_core::url_state::MAX_DATA_URL_LEN)
/// characters; not one of another scheme than http(s), as the app does
/// not), else the site's own (`early.data`) and, on a page that
/// opens on the default map
/// (the overview, the map page, the map's embed, with no indicator or
/// period chosen), that map's boundaries (`early.map`), so they arrive
/// while the wasm compiles; the app takes them from
/// `window.tienDoEarly` (`src/fetch.rs`). Where the address asks for the
/// commune layer (`level=commune` on the map or its embed, or a province's
/// page), or the data, as it comes, can be drawn on the built-in communes
/// alone (a unit set that is the built-in communes, `vn-commune-2025`,
/// none at the provinces' level, no boundary file of its own: fetched
/// from the first part of the data that shows it, cancelled if a later
/// part says otherwise), the communes' file
/// (the country's or the province's) and the provinces' borders too.
/// Each body is read whole as it arrives (a body nobody reads stops
/// downloading once the browser's buffer is full: the 5.9 MB
/// commune-scale file waited for the app to start; the data's part by
/// part, to be scanned), and the fetch gives it as an `ArrayBuffer` (the
/// response itself where it is not ok), which the app takes without
/// another wait; each is given up after 31 s. The service worker's word
/// that it answered with the copy saved on this device (which comes with
/// those early answers, before the app listens) is kept in
/// `window.tienDoSavedCopy` (`browser::on_saved_copy`). A loader written
/// before is replaced.
pub fn with_loader(page: &str, builds: &Builds, early: &Early) -> String {
    let mut page = page.to_string();
    if let Some(at) = page.find(LOADER_OPEN) {
        let end = page[at..]
            .find("</script>")
            .map_or(page.len(), |e| at + e + "</script>".len());
        page.replace_range(at..end, "");
    }
    // Names and hashes need no escaping: hex, base64 and `./-_.`.
    let entry = |b: &AppBuild| {
        format!(
            "{{js:\"./{}\",wasm:\"./{}\",sri:[\"{}\",\"{}\"]}}",
            b.js, b.wasm, b.js_integrity, b.wasm_integrity
        )
    };
    // The commune layer's files, fetched early where the address asks for
    // it (`level=commune`, its last valid value as the app reads it, on a
    // page with the map; or the page of one of the 34 provinces, which
    // shows its communes), or where the data as it comes can only be
    // drawn on the built-in communes (a unit set that says it is them,
    // `"builtin":"vn-commune-2025"`, and so far none at the provinces'
    // level and no boundary file of the data's own: the app's
    // `communes_of`; the data's bytes scanned part by part, each with the
    // end of the one before, for the keys' byte patterns; a publisher's
    // own commune layer lists its units before its boundary file, so its
    // level alone is no guess):
    // the whole country's or the province's (as `commune_file` names it,
    // the code checked as the app checks it), and the provinces' borders
    // drawn over them. Fetched on that guess from the first part that
    // shows it, and cancelled (and forgotten, so that the app fetches it
    // anew if it comes to want it) if a later part shows provinces or a
    // boundary file.
    let one = commune_file(Some("\u{0}"));
    let (commune_dir, commune_ext) = one.split_once('\u{0}').unwrap_or((&one, ""));
    let script = format!(
        "{LOADER_OPEN}(function(){{var b={{site:{},overview:{},map:{}{embeds}}},d=document,\
         p=new URLSearchParams(location.search).get(\"page\"),m=d.documentElement.getAttribute(\"data-embed\"),\
         f=b[m!==null?\"embed_\"+m:!p||p===\"overview\"?\"overview\":p===\"map\"?\"map\":\"site\"]||b.site,\
         l=d.createElement(\"link\");l.rel=\"modulepreload\";l.href=f.js;l.integrity=f.sri[0];\
         l.crossOrigin=\"anonymous\";d.head.appendChild(l);window.tienDoBuilds=b;\
         window.tienDoBuild=[f.js,fetch(f.wasm,{{integrity:f.sri[1]}})];\
         var w=navigator.serviceWorker;w&&(w.addEventListener(\"message\",function(v){{v.data&&v.data.tienDoSavedCopy&&(window.tienDoSavedCopy=1)}}),w.startMessages());\
         var q=new URLSearchParams(location.search),e={{}},\
         g=function(u,c){{var a=new AbortController();setTimeout(function(){{a.abort()}},31e3);\
         e[u]=fetch(u,{{cache:\"no-cache\",signal:a.signal}}).then(function(r){{\
         if(!r.ok)return r;\
         if(!c||!r.body||!r.body.getReader)return r.arrayBuffer().then(function(b){{try{{c&&c(new Uint8Array(b))}}catch(_){{}}return b}});\
         var d=r.body.getReader(),P=[],L=0,t=new Uint8Array(0);\
         return function f(){{return d.read().then(function(x){{\
         if(x.done){{var b=new Uint8Array(L),O=0;P.forEach(function(v){{b.set(v,O);O+=v.length}});return b.buffer}}\
         var v=x.value,w=new Uint8Array(t.length+v.length);w.set(t);w.set(v,t.length);P.push(v);L+=v.length;\
         try{{c(w)}}catch(_){{}}t=w.slice(-64);return f()}})}}()}});return a}},\
         o=m?m===\"map\":!p||p===\"overview\"||p===\"map\",\
         r=(q.getAll(\"province\").pop()||\"\").trim(),k=/^[0-9A-Za-z-]{{1,16}}$/.test(r),h=0,j=0,C=0,Y=0,A,\
         U=k?{commune_dir}+r+{commune_ext}:{communes},\
         n=function(){{h||(h=1,A=g(U),e[{borders}]||g({borders}))}},\
         s=function(b){{if(o&&(!h||j)){{var i=-1,\
         t=function(w,k){{for(var l=0;l<w.length;l++)if(b[k+l]!==w.charCodeAt(l))return 0;return 1}},\
         y=function(k){{while(b[k]===32||b[k]===9||b[k]===10||b[k]===13||b[k]===58)k++;return k}};\
         while((i=b.indexOf(118,i+1))>=0)if(t('\"level\"',i-3)&&t('\"province\"',y(i+4)))Y=1;\
         for(i=-1;(i=b.indexOf(98,i+1))>=0;)if(t('\"boundaries\"',i-1)&&b[y(i+11)]===34)Y=1;\
         else if(t('\"builtin\"',i-1)&&t({builtin},y(i+8)))C=1;\
         if(!h&&C&&!Y){{j=1;n()}}\
         if(j&&Y){{j=0;A.abort();e[U].catch(function(){{}});delete e[U]}}}}}},\
         x=(q.getAll(\"data\").pop()||\"\").trim();\
         if(x&&x.length<={max_data}){{/^[^/?#]*:/.test(x)&&!/^https?:[/][/]/i.test(x)||g(x,s)}}else{{g({data},s);var u={map};\
         if(u&&!q.has(\"indicator\")&&!q.has(\"period\")&&o)g(u)}}\
         var v=q.getAll(\"level\").map(function(s){{return s.trim()}}).filter(function(s){{return s===\"commune\"||s===\"province\"}}).pop();\
         if(v===\"commune\"&&o||!m&&p===\"province\"&&{provinces}.indexOf(r)>=0)n();\
         window.tienDoEarly=e}})()</script>",
        entry(&builds.site),
        entry(&builds.overview),
        entry(&builds.map),
        embeds = builds
            .embeds
            .iter()
            .map(|(f, b)| format!(",embed_{}:{}", f.slug(), entry(b)))
            .collect::<String>(),
        data = json_string(&early.data),
        max_data = tien_do_core::url_state::MAX_DATA_URL_LEN,
        map = early.map.as_deref().map_or("null".to_string(), json_string),
        communes = json_string(&commune_file(None)),
        commune_dir = json_string(commune_dir),
        commune_ext = json_string(commune_ext),
        borders = json_string(boundary_file(PROVINCES_2025).unwrap_or_default()),
        // The built-in communes' name as the data writes it, quoted.
        builtin = json_string(&json_string(tien_do_core::data::BUILTIN_COMMUNES_2025)),
        provinces = serde_json::to_string(
            &tien_do_core::units::provinces_2025()
                .iter()
                .map(|p| p.code.as_str())
                .collect::<Vec<_>>()
        )
        .unwrap_or_else(|_| "[]".into()),
    );
    let at = head_start(&page).unwrap_or(0);
    page.insert_str(at, &script);
    page
}

/// How [`with_csp`] opens its tag.
const CSP_META: &str = "<meta http-equiv=\"Content-Security-Policy\"";

/// The service worker for this build: the files a reader needs to open the
/// site again offline (the page, its style sheet, script and wasm, the data
/// and the shipped boundaries), and its cache named after what they hold,
/// so that a new build or new data gets a new cache (and the old one is
/// deleted).
fn service_worker(dist: &Path, index: &str) -> Result<String, String> {
    use sha2::Digest as _;
    let mut shell = vec!["./".to_string()];
    let mut names: Vec<String> = fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            (n.ends_with(".css") || n.ends_with("_bg.wasm") || n.ends_with(".js"))
                && n != "sw.js"
                && n != "embed.js"
                // Embeds register no worker: their build is not kept.
                && !is_embed_file(n)
        })
        .collect();
    names.sort();
    shell.extend(names);
    shell.push("data/progress.json".into());
    let mut geo: Vec<String> = fs::read_dir(dist.join("geo"))
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                // The provinces' maps; the communes' (megabytes) are
                // fetched, and kept, only when a reader opens them.
                .filter(|n| n.starts_with("vn-provinces-") && n.ends_with(".topo.json"))
                .map(|n| format!("geo/{n}"))
                .collect()
        })
        .unwrap_or_default();
    geo.sort();
    shell.extend(geo);
    let mut digest = sha2::Sha256::new();
    digest.update(index.as_bytes());
    for file in &shell[1..] {
        let path = dist.join(file);
        digest.update(fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    let digest = digest.finalize();
    let version: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    let list = serde_json::to_string(&shell).map_err(|e| e.to_string())?;
    Ok(include_str!("sw.js")
        .replace("__VERSION__", &version)
        .replace("__SHELL__", &list))
}

/// The data as kept in `data/releases/`: a boundary file linked relative to
/// the data file is linked one folder up, so the release finds it too.
fn release_json(json: &str) -> Result<String, String> {
    let mut value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("data/progress.json: {e}"))?;
    if let Some(sets) = value.get_mut("unit_sets").and_then(|s| s.as_array_mut()) {
        for set in sets {
            if let Some(serde_json::Value::String(link)) = set.get_mut("boundaries") {
                let relative = !link.starts_with('/')
                    && !link.split('/').next().unwrap_or_default().contains(':');
                if relative {
                    *link = format!("../{link}");
                }
            }
        }
    }
    serde_json::to_string(&value).map_err(|e| e.to_string())
}

/// The first province of the newest province set.
fn first_province(data: &ProgressData) -> Option<String> {
    data.unit_sets
        .iter()
        .filter(|s| s.level == tien_do_core::data::UnitLevel::Province)
        .max_by(|a, b| a.valid_from.cmp(&b.valid_from))
        .and_then(|s| s.units.first())
        .map(|u| u.code.clone())
}

/// A chart figure as a complete SVG image, its title and height.
fn chart_image(
    data: &ProgressData,
    figure: Figure,
    state: &UrlState,
    lang: Lang,
) -> Result<(String, String, f64), String> {
    let (chart, title) = figure_chart(data, figure, state, lang)
        .map_err(|m| format!("{}: {}", figure.slug(), m.text(Lang::En)))?;
    let pal = Palette::LIGHT;
    let caption = Caption {
        title: title.clone(),
        legend: chart.legend(lang),
        notes: figures::caption_notes(&chart.sources(), Some(&data.as_of), lang),
    };
    let image = framed_svg(
        &chart.svg(IMAGE_WIDTH, &pal, lang),
        (IMAGE_WIDTH, chart.height(IMAGE_WIDTH)),
        &caption,
        &pal,
    );
    Ok((image.svg, title, image.height))
}

/// The default map as a complete SVG image, its title and height.
/// The boundary file of the map a page opens on by default, where it is
/// one the site ships (a publisher's own file is fetched by the app,
/// resolved against the data's address).
fn default_map_file(data: &ProgressData) -> Option<&'static str> {
    let (i, p) = chosen_view(data, None, None)?;
    let set = map_data(data, &i, &p)?.unit_set;
    let linked = data
        .unit_sets
        .iter()
        .any(|s| s.id == set && s.boundaries_link().is_some());
    if linked {
        return None;
    }
    boundary_file(&set)
}

fn map_image(dist: &Path, data: &ProgressData, lang: Lang) -> Option<(String, String, f64)> {
    let (i, p) = chosen_view(data, None, None)?;
    let m = map_data(data, &i, &p)?;
    let file = boundary_file(&m.unit_set)?;
    let regions = decode_first(&fs::read_to_string(dist.join(file)).ok()?).ok()?;
    let title = format!(
        "{} · {}",
        m.indicator.name.get(lang),
        m.period.label.get(lang)
    );
    let sources: Vec<_> = m.source.iter().cloned().collect();
    let notes = figures::caption_notes(&sources, Some(&data.as_of), lang);
    let image = figures::map::image(&m, (&regions, None), (None, None), &title, notes, lang)?;
    Some((image.svg, title, image.height))
}

/// The app's page marked as the embed of `figure`: `<html data-embed>`,
/// the oEmbed discovery link, and the static image for readers without
/// JavaScript, linked to the full view.
fn embed_page(index: &str, figure: Figure, title: &str) -> String {
    let title = html_escape(title);
    let embed = UrlState {
        page: Page::Embed,
        figure: Some(figure),
        ..UrlState::default()
    };
    let full = full_view_url("./", &embed);
    let link = format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{title}\">",
        figure.oembed_file()
    );
    let noscript = format!(
        "<noscript><a href=\"{}\"><img src=\"{}\" alt=\"{title}\" style=\"max-width:100%;height:auto\"></a></noscript>",
        html_escape(&full),
        figure.image_file()
    );
    let mut page = index.replacen(
        "<html",
        &format!("<html data-embed=\"{}\"", figure.slug()),
        1,
    );
    page = page.replacen("</head>", &format!("{link}</head>"), 1);
    match (page.find("<noscript>"), page.find("</noscript>")) {
        (Some(a), Some(b)) if b > a => {
            page.replace_range(a..b + "</noscript>".len(), &noscript);
        }
        _ => page = page.replacen("</body>", &format!("{noscript}</body>"), 1),
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "<!DOCTYPE html><html lang=\"vi\"><head><title>T</title></head>\
        <body><noscript><p>needs JS</p></noscript></body></html>";

    /// Guards the gzipped copies servers send as they are: one for each
    /// build file and shipped boundary file, holding its bytes; none for
    /// the pages and the data (rewritten, or replaced without a build); a
    /// copy older than its file written again, one without its file
    /// removed, a current one left alone.
    #[test]
    fn build_files_get_gzipped_copies_and_the_data_none() {
        use flate2::read::GzDecoder;
        use std::io::Read as _;
        let dist = std::env::temp_dir().join(format!("tien-do-gz-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dist);
        for dir in ["geo/communes", "data", "schema"] {
            fs::create_dir_all(dist.join(dir)).unwrap();
        }
        let files = [
            ("tien-do-overview-0123456789abcdef_bg.wasm", true),
            ("tien-do-0123456789abcdef.js", true),
            ("main-0123456789abcdef.css", true),
            ("geo/vn-provinces-2025.topo.json", true),
            ("geo/communes/01.topo.json", true),
            ("index.html", false),
            ("embed-map.html", false),
            ("data/progress.json", false),
            ("schema/progress.schema.json", false),
            ("geo/README.md", false),
        ];
        for (f, _) in files {
            fs::write(dist.join(f), format!("{f} ").repeat(200)).unwrap();
        }
        fs::write(dist.join("tien-do-old_bg.wasm.gz"), b"orphan").unwrap();
        let written = precompress(&dist).unwrap();
        let unzip = |f: &str| {
            let mut out = String::new();
            GzDecoder::new(&fs::read(dist.join(format!("{f}.gz"))).unwrap()[..])
                .read_to_string(&mut out)
                .unwrap();
            out
        };
        for (f, copy) in files {
            assert_eq!(dist.join(format!("{f}.gz")).exists(), copy, "{f}");
            if copy {
                assert_eq!(unzip(f), fs::read_to_string(dist.join(f)).unwrap(), "{f}");
                assert!(written.contains(&format!("{f}.gz")), "{f}");
            }
        }
        assert!(!dist.join("tien-do-old_bg.wasm.gz").exists());
        // Best level: far smaller than the repeated text.
        let gz = fs::metadata(dist.join("geo/communes/01.topo.json.gz"))
            .unwrap()
            .len();
        assert!(gz < 200, "{gz} B");
        // A new build of one file: its copy alone is written again.
        fs::write(dist.join("tien-do-0123456789abcdef.js"), "new build").unwrap();
        assert_eq!(
            precompress(&dist).unwrap(),
            ["tien-do-0123456789abcdef.js.gz"]
        );
        assert_eq!(unzip("tien-do-0123456789abcdef.js"), "new build");
        assert!(precompress(&dist).unwrap().is_empty());
        let _ = fs::remove_dir_all(&dist);
    }

    /// Guards the policy: the inline loader is allowed by its exact hash
    /// (so an injected inline script is not), scripts with `src` are not
    /// hashed, and the tag goes before any script.
    #[test]
    fn csp_hashes_the_inline_loader_and_comes_first() {
        let page = "<!doctype html><html lang=vi><meta charset=utf-8><title>T</title>\
            <script type=module>import init from\"./a.js\";init()</script>\
            <script src=\"x.js\"></script></head><body></body></html>";
        let csp = content_security_policy(page, "");
        // printf 'import init from"./a.js";init()' | openssl dgst -sha256 -binary | base64
        let script_src = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src "))
            .expect("script-src");
        assert_eq!(
            script_src.trim(),
            "script-src 'self' 'sha256-yW7L7N4tjtX43pl2p+CdDQoV/gbfjVM6N6SQd8HQ9x4=' 'wasm-unsafe-eval'",
            "only the inline script, by its hash; no 'unsafe-inline'"
        );
        let out = with_csp(page, "").unwrap();
        let meta = out.find("Content-Security-Policy").unwrap();
        assert!(meta < out.find("<script").unwrap());
        assert_eq!(with_csp(&out, "").unwrap(), out, "added once");
        // Run again with a data origin: the policy is replaced, not kept.
        let again = with_csp(&out, "https://data.example.gov.vn").unwrap();
        assert_eq!(again.matches("Content-Security-Policy").count(), 1);
        assert!(
            again.contains("connect-src 'self' blob: https://data.example.gov.vn;"),
            "{again}"
        );
        assert!(with_csp("<p>no head</p>", "").is_err());
        // A publisher's data elsewhere: its origin may be read; anything
        // that is not an origin is left out.
        let other = content_security_policy(page, "https://data.example.gov.vn x;y 'unsafe-eval'");
        assert!(
            other.contains("connect-src 'self' blob: https://data.example.gov.vn;"),
            "{other}"
        );
        assert!(!other.contains("'unsafe-eval'"), "{other}");
    }

    /// Guards `scripts/serve.sh`: Trunk's live-reload script is allowed by
    /// the hash of the script as the development server sends it (the
    /// server fills in its address and socket path in every answer), so it
    /// runs and the console shows no policy error.
    #[test]
    fn live_reload_script_is_allowed_as_the_dev_server_sends_it() {
        // What trunk 0.22.1 puts in the page (src/autoreload.js, its start
        // and end; not minified, as scripts/serve.sh serves it).
        let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\" /><title>T</title></head>\
            <body><script>\"use strict\";\n\n(function () {\n\n    \
            const address = '{{__TRUNK_ADDRESS__}}';\n    \
            const base = '{{__TRUNK_WS_BASE__}}';\n    let protocol = '';\n    \
            const url = protocol + '://' + address + base + '.well-known/trunk/ws';\n    \
            new Client(url).start();\n\n})()\n</script></body></html>";
        let built = with_csp(page, "").unwrap();
        // What the server sends: trunk 0.22.1, src/serve/mod.rs,
        // html_address_middleware.
        let served = built
            .replace("'{{__TRUNK_ADDRESS__}}'", "'127.0.0.1:8080'")
            .replace("`{{__TRUNK_ADDRESS__}}`", "'127.0.0.1:8080'")
            .replace("{{__TRUNK_WS_BASE__}}", "/");
        assert_eq!(served, built, "the server changes nothing");
        assert!(built.contains(&content_security_policy(&without_csp(&served), "")));
        assert!(built.contains("window.location.host"), "{built}");
    }

    /// Guards pinned maps of a publisher's layer: a boundary file linked
    /// relative to the data is still found from `data/releases/`.
    #[test]
    fn releases_link_relative_boundaries_one_folder_up() {
        let json = r#"{"unit_sets":[{"id":"a","boundaries":"geo/c.topo.json"},
            {"id":"b","boundaries":"https://x.vn/c.json"},{"id":"c","boundaries":"/geo/d.json"},{"id":"d"}]}"#;
        let out: serde_json::Value = serde_json::from_str(&release_json(json).unwrap()).unwrap();
        let links: Vec<_> = out["unit_sets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["boundaries"].as_str().map(str::to_string))
            .collect();
        assert_eq!(
            links,
            [
                Some("../geo/c.topo.json".to_string()),
                Some("https://x.vn/c.json".to_string()),
                Some("/geo/d.json".to_string()),
                None
            ]
        );
    }

    /// Guards what crawlers and readers without JavaScript get from an
    /// embed page: its figure, the discovery link, the image and link.
    #[test]
    fn embed_pages_carry_discovery_and_a_static_fallback() {
        let page = embed_page(INDEX, Figure::Trend, "Xu hướng <DTI>");
        assert!(page.starts_with("<!DOCTYPE html><html data-embed=\"trend\" lang=\"vi\">"));
        assert!(page.contains(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"oembed/trend.json\" title=\"Xu hướng &lt;DTI&gt;\"></head>"
        ));
        assert!(
            page.contains("<noscript><a href=\"./?page=province\"><img src=\"figures/trend.svg\"")
        );
        assert!(!page.contains("needs JS"));
    }

    /// Guards the build names the loader relies on: a build's files are
    /// told from every other file of the site by binary and hash.
    #[test]
    fn build_files_are_told_by_binary_and_hash() {
        assert_eq!(hashed_stem("tien-do-98eda017cfb666b0.js"), Some("tien-do"));
        assert_eq!(
            hashed_stem("tien-do-overview-2b603a64e727c00d_bg.wasm"),
            Some("tien-do-overview")
        );
        assert_eq!(
            hashed_stem("tien-do-embed-map-5cd9.js"),
            Some("tien-do-embed-map")
        );
        assert_eq!(
            hashed_stem("tien-do-embed-ranking-5cd9_bg.wasm"),
            Some("tien-do-embed-ranking")
        );
        for other in [
            "tien-do-embed-map.js",
            "tien-do-embed-ranking_bg.wasm",
            "tien-do-embed-chart-5cd9_bg.wasm",
            "tien-do-embed-5cd9.js",
            "tien-do-overview.js",
            "embed.js",
            "sw.js",
            "main-0d731d6af71d0894.css",
            "tien-do-overview-xyz.js",
            "other-98eda017cfb666b0.js",
        ] {
            assert_eq!(hashed_stem(other), None, "{other}");
        }
    }

    /// Guards the loader's choice and its early fetches: written once
    /// after the character set, before any style sheet, with the data and
    /// the default map named as the app fetches them; a name with `<`
    /// cannot close the script.
    #[test]
    fn the_loader_comes_first_and_names_what_it_fetches() {
        let build = |n: &str| AppBuild {
            js: format!("{n}.js"),
            wasm: format!("{n}_bg.wasm"),
            js_integrity: "sha384-a".into(),
            wasm_integrity: "sha384-b".into(),
        };
        let builds = Builds {
            site: build("s"),
            overview: build("o"),
            map: build("p"),
            embeds: vec![(Figure::Map, build("m")), (Figure::Ranking, build("r"))],
        };
        let page =
            "<html><head><meta charset=\"utf-8\"><link rel=stylesheet href=a.css></head></html>";
        let early = Early {
            data: "data/progress.json".into(),
            map: Some("geo/</script>.json".into()),
        };
        let once = with_loader(page, &builds, &early);
        assert!(once.starts_with(&format!(
            "<html><head><meta charset=\"utf-8\">{LOADER_OPEN}"
        )));
        assert!(once.find(LOADER_OPEN) < once.find("<link"));
        // Each embed page's own build, by its `data-embed`; the site's for
        // a figure without one; the overview's and the map page's own.
        assert!(
            once.contains(",embed_map:{js:\"./m.js\"")
                && once.contains(",embed_ranking:{js:\"./r.js\"")
                && once.contains(",map:{js:\"./p.js\"")
                && once.contains(
                    "f=b[m!==null?\"embed_\"+m:!p||p===\"overview\"?\"overview\":p===\"map\"?\"map\":\"site\"]||b.site"
                ),
            "{once}"
        );
        assert!(once.contains("g(\"data/progress.json\",s)"));
        assert!(
            once.contains(&format!(
                "if(x&&x.length<={}){{/^[^/?#]*:/.test(x)&&!/^https?:[/][/]/i.test(x)||g(x,s)}}",
                tien_do_core::url_state::MAX_DATA_URL_LEN
            )),
            "the data file the address names is fetched early too, unless of another scheme than http(s): {once}"
        );
        assert!(
            once.contains("if(!r.ok)return r;")
                && once.contains("return r.arrayBuffer()")
                && once.contains("var d=r.body.getReader()"),
            "each early body is read as it arrives, not left to stall: {once}"
        );
        assert!(once.contains("geo/\\u003c/script>.json"), "{once}");
        // The commune layer's files where the address asks for it, with the
        // names the app gives them (`commune_file`), and the provinces'
        // borders over them, each fetched once.
        assert!(
            once.contains(concat!(
                "U=k?\"geo/communes/\"+r+\".topo.json\":\"geo/vn-communes-2025.topo.json\",",
                "n=function(){h||(h=1,A=g(U),",
                "e[\"geo/vn-provinces-2025.topo.json\"]||g(\"geo/vn-provinces-2025.topo.json\"))}"
            )),
            "{once}"
        );
        assert!(once.contains("o=m?m===\"map\":!p||p===\"overview\"||p===\"map\","));
        assert!(once.contains("if(v===\"commune\"&&o||"));
        // Or, on a page with the map, where the data as it comes has the
        // built-in communes and, so far, no unit set at the provinces'
        // level and no boundary file of its own (each part scanned with
        // the end of the one before); fetched on that guess, cancelled if
        // a later part says otherwise.
        assert!(
            once.contains("try{c(w)}catch(_){}t=w.slice(-64)")
                && once.contains("s=function(b){if(o&&(!h||j)){")
                && once.contains("t('\"level\"',i-3)&&t('\"province\"',y(i+4)))Y=1")
                && once.contains("t('\"boundaries\"',i-1)&&b[y(i+11)]===34)Y=1")
                && once.contains("t('\"builtin\"',i-1)&&t(\"\\\"vn-commune-2025\\\"\",y(i+8)))C=1")
                && once.contains("if(!h&&C&&!Y){j=1;n()}")
                && once.contains("if(j&&Y){j=0;A.abort();e[U].catch(function(){});delete e[U]}"),
            "{once}"
        );
        assert!(
            once.contains("p===\"province\"&&[\"01\",")
                && once.contains("\"48\",")
                && once.contains("].indexOf(r)>=0"),
            "only the 34 provinces' pages show communes: {once}"
        );
        assert_eq!(once.matches("</script>").count(), 1);
        assert_eq!(with_loader(&once, &builds, &early), once);
        let no_map = with_loader(page, &builds, &Early { map: None, ..early });
        assert!(no_map.contains("var u=null;"));
    }
}
