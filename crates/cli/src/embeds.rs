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
//!   pinned to it never change.
//!
//! Trunk runs it after every build (`Trunk.toml`); a publisher who updates
//! the data without rebuilding runs it again.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use tien_do_core::boundaries::{boundary_file, decode_first};
use tien_do_core::choropleth::{chosen_view, map_data};
use tien_do_core::figure::{figure_chart, html_escape, oembed_json, release_file, Figure};
use tien_do_core::paint::{self, framed_svg, Caption, Palette};
use tien_do_core::{parse_progress, Lang, Page, ProgressData, UrlState};

/// The site's address when none is given: where `scripts/serve.sh` serves.
pub const DEFAULT_SITE_URL: &str = "http://127.0.0.1:8080/";

/// Width in CSS pixels of the static images.
const IMAGE_WIDTH: f64 = 640.0;

/// Writes the embed pages, oEmbed documents, static images and the data
/// release into `dist`. Returns what was written, one path a line.
pub fn write_embeds(dist: &Path, site_url: &str) -> Result<String, String> {
    let site = if site_url.ends_with('/') {
        site_url.to_string()
    } else {
        format!("{site_url}/")
    };
    let read = |p: &str| {
        fs::read_to_string(dist.join(p)).map_err(|e| format!("{}: {e}", dist.join(p).display()))
    };
    let index = read("index.html")?;
    let json = read("data/progress.json")?;
    let data = parse_progress(&json).map_err(|e| format!("data/progress.json: {e:?}"))?;
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
    write(&release_file(&data.as_of), &json)?;
    // The static images show a province's figures for the first province
    // of the newest set (Hà Nội in the demo).
    let sample = UrlState {
        province: first_province(&data),
        ..UrlState::default()
    };
    for figure in Figure::ALL {
        let lang = Lang::Vi;
        let (svg, title, height) = match figure {
            Figure::Map => map_image(dist, &data, lang).ok_or("no map could be drawn")?,
            _ => chart_image(&data, figure, &sample, lang)?,
        };
        write(&figure.image_file(), &svg)?;
        let embed_height = (height + 80.0).round() as u32;
        write(
            &figure.oembed_file(),
            &oembed_json(figure, &site, &title, lang, embed_height),
        )?;
        write(&figure.embed_file(), &embed_page(&index, figure, &title))?;
    }
    Ok(log)
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
        notes: paint::caption_notes(&chart.sources(), Some(&data.as_of), lang),
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
fn map_image(dist: &Path, data: &ProgressData, lang: Lang) -> Option<(String, String, f64)> {
    let (i, p) = chosen_view(data, None, None)?;
    let m = map_data(data, &i, &p)?;
    let file = boundary_file(&m.unit_set)?;
    let regions = decode_first(&fs::read_to_string(dist.join(file)).ok()?).ok()?;
    let pal = Palette::LIGHT;
    let inner = paint::map::svg(&regions, None, Some(&m), (None, None), IMAGE_WIDTH, &pal)?;
    let title = format!(
        "{} · {}",
        m.indicator.name.get(lang),
        m.period.label.get(lang)
    );
    let f = |v: f64| m.indicator.format_value(v, lang);
    let legend = m
        .bins
        .iter()
        .flat_map(|b| {
            b.colors.iter().enumerate().map(|(k, c)| {
                (
                    c.clone(),
                    format!("{} – {}", f(b.limits[k]), f(b.limits[k + 1])),
                )
            })
        })
        .collect();
    let caption = Caption {
        title: title.clone(),
        legend,
        notes: paint::caption_notes(
            &m.source.iter().cloned().collect::<Vec<_>>(),
            Some(&data.as_of),
            lang,
        ),
    };
    let image = framed_svg(
        &inner,
        (IMAGE_WIDTH, paint::map::height(IMAGE_WIDTH)),
        &caption,
        &pal,
    );
    Some((image.svg, title, image.height))
}

/// The app's page marked as the embed of `figure`: `<html data-embed>`,
/// the oEmbed discovery link, and the static image for readers without
/// JavaScript, linked to the full view.
fn embed_page(index: &str, figure: Figure, title: &str) -> String {
    let title = html_escape(title);
    let full = UrlState::default().with_page(figure.page());
    let full = match full.page {
        Page::Overview => "./".to_string(),
        _ => format!("./{}", full.to_query()),
    };
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
}
