//! A figure's Embed button and dialog on a framework-free site page: the
//! embed codes with a choice of theme and of the latest data or this
//! release, each with a copy button. Same elements, classes and texts as
//! the site's (`FigureTools`' `EmbedDialog`).

use super::dom::{el, El};
use super::parts::Host;
use crate::browser;
use std::cell::Cell;
use std::rc::Rc;
use tien_do_core::figure::{
    embed_state, embed_url, full_view_url, iframe_snippet, release_file, responsive_snippet,
    Figure, Release, Theme,
};
use tien_do_core::format::format_date;
use tien_do_core::{Lang, Msg, UrlState};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement};

thread_local! {
    /// Numbers the Embed dialogs of a page.
    static NEXT_DIALOG: Cell<usize> = const { Cell::new(0) };
}

/// What the Embed dialog writes its snippets from.
pub struct EmbedInfo {
    /// The figure's embed view (`page=embed`, its `figure`) as the page
    /// shows it now.
    pub view: Rc<dyn Fn() -> UrlState>,
    /// The day of the data shown (`as_of`), naming its release.
    pub as_of: String,
    /// A first height for the iframe, in CSS pixels.
    pub height: u32,
}

impl EmbedInfo {
    /// The embed codes of `figure` as the page `host` shows it now, with
    /// data of the day `as_of`, in an iframe `height` pixels high at first.
    pub fn following<H: Host + 'static>(
        host: Rc<H>,
        figure: Figure,
        as_of: String,
        height: u32,
    ) -> EmbedInfo {
        EmbedInfo {
            view: Rc::new(move || embed_state(&host.state(), figure, host.lang())),
            as_of,
            height,
        }
    }
}

/// The dialog's choices, and the elements its codes go in.
struct Codes {
    info: EmbedInfo,
    title: String,
    theme: Cell<Theme>,
    release: Cell<Release>,
    responsive: Element,
    iframe: Element,
}

impl Codes {
    /// The two snippets for the choices made.
    fn snippets(&self) -> (String, String) {
        let site = browser::site_base();
        let mut state = (self.info.view)();
        state.theme = match self.theme.get() {
            Theme::Auto => None,
            t => Some(t),
        };
        if self.release.get() == Release::Pinned && state.data.is_none() {
            state.data = Some(release_file(&self.info.as_of));
        }
        let src = embed_url(&site, &state);
        let full = full_view_url(&site, &state);
        let figure = state.figure.unwrap_or(Figure::Map);
        let image = format!("{site}{}", figure.image_file());
        (
            responsive_snippet(&src, &self.title, &site, &image, &full, self.info.height),
            iframe_snippet(&src, &self.title, self.info.height),
        )
    }

    /// Writes the snippets for the choices made.
    fn write(&self) {
        let (responsive, iframe) = self.snippets();
        self.responsive.set_text_content(Some(&responsive));
        self.iframe.set_text_content(Some(&iframe));
    }
}

/// The Embed button and its dialog, for the figure `title`.
pub fn embed_dialog(info: EmbedInfo, title: &str, l: Lang) -> [El; 2] {
    let n = NEXT_DIALOG.with(|c| c.replace(c.get() + 1));
    let (theme_group, release_group, title_id) = (
        format!("embed-theme-{n}"),
        format!("embed-release-{n}"),
        format!("embed-title-{n}"),
    );
    // A release can be pinned only where the page reads the publisher's
    // own file: another `?data=` address has releases of its own, or none.
    let pinnable = (info.view)().data.is_none();
    let release_url = release_file(&info.as_of);
    let pinned_label = format!(
        "{} ({})",
        Msg::EmbedPinned.text(l),
        format_date(&info.as_of, l)
    );
    let textarea = |rows: &str, kind: &str| {
        el("textarea")
            .attr("readonly", "")
            .attr("rows", rows)
            .attr("data-snippet", kind)
    };
    let (responsive, iframe) = (textarea("5", "responsive"), textarea("4", "iframe"));
    let codes = Rc::new(Codes {
        info,
        title: title.to_string(),
        theme: Cell::new(Theme::Auto),
        release: Cell::new(Release::Latest),
        responsive: responsive.0.clone(),
        iframe: iframe.0.clone(),
    });
    codes.write();
    let copied = el("p").attr("role", "status").class("copied");
    let dialog = el("dialog")
        .class("embed-dialog")
        .attr("aria-labelledby", &title_id)
        .child(el("h2").attr("id", &title_id).text(Msg::EmbedTitle.text(l)))
        .child(el("p").text(Msg::EmbedHelp.text(l)));
    let radio = |group: &str, value: &str, checked: bool, label: &str, on: Box<dyn Fn()>| {
        let codes = Rc::clone(&codes);
        el("label")
            .child(
                el("input")
                    .attr("type", "radio")
                    .attr("name", group)
                    .attr("value", value)
                    .flag("checked", checked)
                    .on("change", move |_| {
                        on();
                        codes.write();
                    }),
            )
            .text(label)
    };
    let mut themes = el("fieldset").child(el("legend").text(Msg::Theme.text(l)));
    for (t, msg) in [
        (Theme::Auto, Msg::ThemeAuto),
        (Theme::Light, Msg::ThemeLight),
        (Theme::Dark, Msg::ThemeDark),
    ] {
        let c = Rc::clone(&codes);
        themes = themes.child(radio(
            &theme_group,
            t.slug(),
            t == Theme::Auto,
            msg.text(l),
            Box::new(move || c.theme.set(t)),
        ));
    }
    let mut dialog = dialog.child(themes);
    if pinnable {
        // A pinned embed reads data/releases/<as_of>.json: said if the
        // publisher has not kept it (data updated without the tool).
        let missing = el("p")
            .class("notice-inline")
            .attr("role", "status")
            .attr("hidden", "")
            .text(Msg::EmbedPinnedMissing.text(l))
            .text(": ")
            .child(el("code").text(&release_url));
        let mut releases = el("fieldset").child(el("legend").text(Msg::EmbedData.text(l)));
        for (r, value, label) in [
            (
                Release::Latest,
                "latest",
                Msg::EmbedLatest.text(l).to_string(),
            ),
            (Release::Pinned, "pinned", pinned_label.clone()),
        ] {
            let (c, shown, url) = (Rc::clone(&codes), missing.0.clone(), release_url.clone());
            releases = releases.child(radio(
                &release_group,
                value,
                r == Release::Latest,
                &label,
                Box::new(move || {
                    c.release.set(r);
                    let _ = shown.set_attribute("hidden", "");
                    if r == Release::Pinned {
                        let (shown, url, c) = (shown.clone(), url.clone(), Rc::clone(&c));
                        wasm_bindgen_futures::spawn_local(async move {
                            // Said only if the release is still the one
                            // chosen when the answer comes.
                            let kept = browser::exists(&url).await;
                            if !kept && c.release.get() == Release::Pinned {
                                let _ = shown.remove_attribute("hidden");
                            }
                        });
                    }
                }),
            ));
        }
        dialog = dialog.child(releases).child(missing);
    }
    // A snippet's field, labelled, and the button that copies what it
    // shows.
    let snippet = |label: Msg, field: El| {
        let (shown, copied) = (field.0.clone(), copied.0.clone());
        let button = el("button")
            .attr("type", "button")
            .text(Msg::CopyCode.text(l))
            .on("click", move |_| {
                let (text, copied) = (shown.text_content().unwrap_or_default(), copied.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let ok = browser::copy_text(&text).await;
                    let msg = if ok { Msg::CodeCopied } else { Msg::CopyFailed };
                    copied.set_text_content(Some(msg.text(l)));
                });
            });
        let field = el("label")
            .class("code")
            .child(el("span").text(label.text(l)))
            .child(field);
        [field, button]
    };
    let mut dialog = dialog;
    for e in snippet(Msg::EmbedResponsive, responsive)
        .into_iter()
        .chain(snippet(Msg::EmbedIframe, iframe))
    {
        dialog = dialog.child(e);
    }
    let dialog = dialog.child(copied.clone());
    let shown: HtmlDialogElement = dialog.0.clone().unchecked_into();
    let close = shown.clone();
    let dialog = dialog.child(
        el("button")
            .attr("type", "button")
            .class("embed-close")
            .text(Msg::Close.text(l))
            .on("click", move |_| close.close()),
    );
    let open = el("button")
        .attr("type", "button")
        .class("embed-open")
        .text(Msg::Embed.text(l))
        .on("click", move |_| {
            copied.0.set_text_content(None);
            // The view may have changed (a zoom) since it was written.
            codes.write();
            let _ = shown.show_modal();
        });
    [open, dialog]
}

/// Adds the Embed button and dialog to the tools of `figure` (after its
/// downloads menu).
pub fn add_embed_codes(figure: &Element, info: EmbedInfo, title: &str, l: Lang) {
    if let Some(tools) = figure.query_selector(".figure-tools").ok().flatten() {
        for e in embed_dialog(info, title, l) {
            let _ = tools.append_child(&e.0);
        }
    }
}
