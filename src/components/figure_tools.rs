use crate::browser::{self, save_csv, save_png, save_svg};
use leptos::html;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Numbers the Embed dialogs of a page.
static NEXT_DIALOG: AtomicUsize = AtomicUsize::new(0);
use leptos::prelude::*;
use tien_do_core::export::Table;
use tien_do_core::figure::{
    embed_url, full_view_url, iframe_snippet, release_file, responsive_snippet, Release, Theme,
};
use tien_do_core::figures::SvgImage;
use tien_do_core::{Lang, Msg, UrlState};

/// What the Embed dialog needs to write its snippets.
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedInfo {
    /// The embed view of the figure (`page=embed`, its `figure`), as it
    /// follows the page's view.
    pub state: Signal<UrlState>,
    /// The day of the data shown (`as_of`), naming its release.
    pub as_of: String,
    /// A first height for the iframe, in CSS pixels.
    pub height: u32,
}

/// A figure's downloads and its Embed dialog: PNG (2x) and SVG with the
/// title, legend, source and date drawn in; CSV of what is shown and of
/// the full series; and the embed codes with a choice of theme and of
/// the latest data or this release, each with a copy button.
#[component]
pub fn FigureTools(
    /// The figure's title, for file names and the embed's title.
    #[prop(into)]
    title: String,
    /// The figure as a complete SVG image and its size in CSS pixels, made
    /// when asked.
    image: Callback<(), Option<SvgImage>>,
    /// The table of what is shown, made when asked.
    shown: Callback<(), Table>,
    /// The table of the full series, made when asked.
    full: Callback<(), Table>,
    /// The embed codes to offer; `None` inside an embed.
    #[prop(default = None, into)]
    embed: Option<EmbedInfo>,
    /// The language shown.
    lang: Lang,
) -> impl IntoView {
    let failed = RwSignal::new(false);
    let menu = NodeRef::<html::Details>::new();
    // The menu closes once a file is chosen, as menus do.
    let close_menu = move || {
        if let Some(d) = menu.get_untracked() {
            d.set_open(false);
        }
    };
    let name = tien_do_core::export::file_stem(&title);
    let save_svg = {
        let name = name.clone();
        move |_| {
            close_menu();
            failed.set(!save_svg(&name, image.run(())));
        }
    };
    let save_png = {
        let name = name.clone();
        move |_| {
            close_menu();
            let (name, image) = (name.clone(), image.run(()));
            leptos::task::spawn_local(async move {
                let ok = save_png(&name, image).await;
                failed.try_set(!ok);
            });
        }
    };
    let save_csv = move |table: Table, suffix: &str| {
        close_menu();
        failed.set(!save_csv(&table, suffix));
    };
    let save_shown = move |_| save_csv(shown.run(()), "");
    let save_full = move |_| save_csv(full.run(()), "-full");
    let dialog = embed.map(|info| view! { <EmbedDialog info title=title.clone() lang /> });
    view! {
        <div class="figure-tools">
            <details class="downloads" node_ref=menu>
                <summary>{Msg::Download.text(lang)}</summary>
                <ul>
                    <li><button type="button" data-download="png" on:click=save_png>{Msg::DownloadPng.text(lang)}</button></li>
                    <li><button type="button" data-download="svg" on:click=save_svg>{Msg::DownloadSvg.text(lang)}</button></li>
                    <li><button type="button" data-download="csv" on:click=save_shown>{Msg::DownloadCsvShown.text(lang)}</button></li>
                    <li><button type="button" data-download="csv-full" on:click=save_full>{Msg::DownloadCsvFull.text(lang)}</button></li>
                </ul>
            </details>
            {dialog}
            {move || failed.get().then(|| view! { <p class="notice-inline" role="status">{Msg::DownloadFailed.text(lang)}</p> })}
        </div>
    }
}

/// The Embed button and its dialog.
#[component]
fn EmbedDialog(
    /// The figure's embed view and release.
    info: EmbedInfo,
    /// The figure's title.
    title: String,
    /// The language shown.
    lang: Lang,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    // Names and ids of this dialog's own: a page has one per figure.
    let n = NEXT_DIALOG.fetch_add(1, Ordering::Relaxed);
    let (theme_group, release_group, title_id) = (
        format!("embed-theme-{n}"),
        format!("embed-release-{n}"),
        format!("embed-title-{n}"),
    );
    let theme = RwSignal::new(Theme::Auto);
    let release = RwSignal::new(Release::Latest);
    let copied = RwSignal::new(None::<Msg>);
    // A release can be pinned only where the page reads the publisher's own
    // file: another `?data=` address has releases of its own, or none.
    let pinnable = move || info.state.with(|s| s.data.is_none());
    let site = browser::site_base();
    let as_of = info.as_of.clone();
    let codes = Memo::new(move |_| {
        let mut state = info.state.get();
        state.theme = match theme.get() {
            Theme::Auto => None,
            t => Some(t),
        };
        if release.get() == Release::Pinned && state.data.is_none() {
            state.data = Some(release_file(&info.as_of));
        }
        let src = embed_url(&site, &state);
        let full = full_view_url(&site, &state);
        let figure = state.figure.unwrap_or(tien_do_core::figure::Figure::Map);
        let image = format!("{site}{}", figure.image_file());
        (
            responsive_snippet(&src, &title, &site, &image, &full, info.height),
            iframe_snippet(&src, &title, info.height),
        )
    });
    let open = move |_| {
        copied.set(None);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let copy = move |text: String| {
        leptos::task::spawn_local(async move {
            let ok = browser::copy_text(&text).await;
            copied.try_set(Some(if ok { Msg::CodeCopied } else { Msg::CopyFailed }));
        });
    };
    let theme_choice = move |t: Theme, msg: Msg| {
        view! {
            <label>
                <input type="radio" name=theme_group.clone() value=t.slug()
                    prop:checked=move || theme.get() == t
                    on:change=move |_| theme.set(t) />
                {msg.text(lang)}
            </label>
        }
    };
    let release_choice = move |r: Release, label: String| {
        view! {
            <label>
                <input type="radio" name=release_group.clone() value=match r { Release::Latest => "latest", Release::Pinned => "pinned" }
                    prop:checked=move || release.get() == r
                    on:change=move |_| release.set(r) />
                {label}
            </label>
        }
    };
    // A pinned embed reads data/releases/<as_of>.json: say so if the
    // publisher has not kept it (data updated without running the tool).
    let release_url = release_file(&as_of);
    let shown_url = release_url.clone();
    let kept = LocalResource::new(move || {
        let (pinned, url) = (release.get() == Release::Pinned, release_url.clone());
        async move { !pinned || browser::exists(&url).await }
    });
    let missing = move || {
        let url = shown_url.clone();
        (kept.get() == Some(false)).then(|| {
            view! {
                <p class="notice-inline" role="status">
                    {Msg::EmbedPinnedMissing.text(lang)} ": " <code>{url}</code>
                </p>
            }
        })
    };
    let pinned_label = format!(
        "{} ({})",
        Msg::EmbedPinned.text(lang),
        tien_do_core::format::format_date(&as_of, lang)
    );
    let labelled_by = title_id.clone();
    view! {
        <button type="button" class="embed-open" on:click=open>{Msg::Embed.text(lang)}</button>
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby=labelled_by>
            <h2 id=title_id>{Msg::EmbedTitle.text(lang)}</h2>
            <p>{Msg::EmbedHelp.text(lang)}</p>
            <fieldset>
                <legend>{Msg::Theme.text(lang)}</legend>
                {theme_choice(Theme::Auto, Msg::ThemeAuto)}
                {theme_choice(Theme::Light, Msg::ThemeLight)}
                {theme_choice(Theme::Dark, Msg::ThemeDark)}
            </fieldset>
            {move || pinnable().then(|| view! {
                <fieldset>
                    <legend>{Msg::EmbedData.text(lang)}</legend>
                    {release_choice(Release::Latest, Msg::EmbedLatest.text(lang).to_string())}
                    {release_choice(Release::Pinned, pinned_label.clone())}
                </fieldset>
                {missing.clone()}
            })}
            <label class="code">
                <span>{Msg::EmbedResponsive.text(lang)}</span>
                <textarea readonly rows="5" data-snippet="responsive" prop:value=move || codes.get().0></textarea>
            </label>
            <button type="button" on:click=move |_| copy(codes.get_untracked().0)>{Msg::CopyCode.text(lang)}</button>
            <label class="code">
                <span>{Msg::EmbedIframe.text(lang)}</span>
                <textarea readonly rows="4" data-snippet="iframe" prop:value=move || codes.get().1></textarea>
            </label>
            <button type="button" on:click=move |_| copy(codes.get_untracked().1)>{Msg::CopyCode.text(lang)}</button>
            <p role="status" class="copied">{move || copied.get().map(|m| m.text(lang))}</p>
            <button type="button" class="embed-close" on:click=close>{Msg::Close.text(lang)}</button>
        </dialog>
    }
}
