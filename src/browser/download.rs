//! Files and text handed to the reader: downloads (through blobs and
//! object URLs), a figure saved as PNG, and the clipboard.

use tien_do_core::data::Source;
use tien_do_core::export::Table;
use tien_do_core::figures::{self, SvgImage};
use tien_do_core::{Lang, Msg};
use wasm_bindgen::JsCast;

/// Saves `bytes` as a file named `name` of type `mime`, as a click on a
/// download link would. Returns whether the browser took it.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> bool {
    blob_of(&js_sys::Uint8Array::from(bytes), mime).is_some_and(|b| save_blob(name, &b))
}

/// A blob of type `mime` holding `part` (bytes or a string).
fn blob_of(part: &wasm_bindgen::JsValue, mime: &str) -> Option<web_sys::Blob> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&js_sys::Array::of1(part), &options).ok()
}

/// Saves `blob` as a file named `name`, through an object URL (revoked a
/// minute later).
fn save_blob(name: &str, blob: &web_sys::Blob) -> bool {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let ok = save_link(name, &url);
    // Revoked later: the browser reads the blob after the click returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    ok
}

/// Clicks a temporary `<a download>` to `href`.
fn save_link(name: &str, href: &str) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(href);
    a.set_download(name);
    let _ = a.style().set_property("display", "none");
    let Some(body) = doc.body() else { return false };
    let _ = body.append_child(&a);
    a.click();
    a.remove();
    true
}

/// Draws an SVG document at `scale` times its size and saves it as a PNG
/// named `name`. The SVG is drawn from a blob of this page's origin, so
/// the canvas stays readable.
pub async fn download_png(name: &str, svg: &str, (w, h): (f64, f64), scale: f64) -> bool {
    async fn draw(svg: &str, (w, h): (f64, f64), scale: f64) -> Option<web_sys::Blob> {
        let blob = blob_of(&js_sys::JsString::from(svg), "image/svg+xml")?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let img = web_sys::HtmlImageElement::new().ok()?;
        img.set_src(&url);
        let loaded = wasm_bindgen_futures::JsFuture::from(img.decode()).await;
        let _ = web_sys::Url::revoke_object_url(&url);
        loaded.ok()?;
        let doc = web_sys::window()?.document()?;
        let canvas: web_sys::HtmlCanvasElement =
            doc.create_element("canvas").ok()?.dyn_into().ok()?;
        canvas.set_width((w * scale).round() as u32);
        canvas.set_height((h * scale).round() as u32);
        let ctx: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d").ok()??.dyn_into().ok()?;
        ctx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, w * scale, h * scale)
            .ok()?;
        // The PNG as a blob (not a data: URL): the file is saved through
        // an object URL like every other download.
        let png = js_sys::Promise::new(&mut |resolve, _reject| {
            let _ = canvas.to_blob(&resolve);
        });
        wasm_bindgen_futures::JsFuture::from(png)
            .await
            .ok()?
            .dyn_into()
            .ok()
    }
    match draw(svg, (w, h), scale).await {
        Some(blob) => save_blob(name, &blob),
        None => false,
    }
}

/// Puts `text` on the clipboard; `false` if the browser refused (no
/// permission, or a page not served over https or from localhost).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Saves a figure's `image` as `<stem>.svg`; whether it was saved.
pub fn save_svg(stem: &str, image: Option<SvgImage>) -> bool {
    image.is_some_and(|i| download(&format!("{stem}.svg"), "image/svg+xml", i.svg.as_bytes()))
}

/// Saves a figure's `image` as `<stem>.png`, at twice its size; whether it
/// was saved.
pub async fn save_png(stem: &str, image: Option<SvgImage>) -> bool {
    match image {
        Some(i) => download_png(&format!("{stem}.png"), &i.svg, (i.width, i.height), 2.0).await,
        None => false,
    }
}

/// Saves `table` as CSV, `suffix` after its name; whether it was saved.
pub fn save_csv(table: &Table, suffix: &str) -> bool {
    download(
        &table.file_name(suffix),
        "text/csv;charset=utf-8",
        table.to_csv().as_bytes(),
    )
}

/// The lines at the foot of a downloaded image: the sources, the day the
/// data is of, and the page it came from.
pub fn caption_notes(sources: &[Source], as_of: Option<&str>, lang: Lang) -> Vec<String> {
    let mut notes = figures::caption_notes(sources, as_of, lang);
    notes.push(format!(
        "{}: {}",
        Msg::Retrieved.text(lang),
        super::shareable_href()
    ));
    notes
}

/// A table to download with the data's date (where the table does not
/// carry it) and the page it came from.
pub fn stamped(table: Table, as_of: Option<&str>, lang: Lang) -> Table {
    let table = match as_of {
        Some(d) => table.with_as_of(d, lang),
        None => table,
    };
    table.with_origin(&super::shareable_href(), lang)
}
