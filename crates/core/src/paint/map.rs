//! The choropleth as SVG, drawn as the page's canvas draws it: each unit
//! filled by its class (hatched where not published), the former borders
//! dashed over them, the archipelagos in their inset, the selected unit
//! outlined.

use super::{framed_svg, Caption, Palette, SvgImage};
use crate::boundaries::{archipelago_ring, MapLayout, Part, Region};
use crate::choropleth::MapData;
use crate::figure::html_escape;
use crate::zoom::MapZoom;
use crate::{Lang, Msg};
use std::fmt::Write;

/// The map's height in CSS pixels for a width (as on the page).
pub fn height(width: f64) -> f64 {
    (width * 1.45).clamp(320.0, 900.0)
}

/// The map `width` CSS pixels wide as an SVG document, or `None` if the
/// boundaries have no mainland.
pub fn svg(
    regions: &[Region],
    overlay: Option<&[Region]>,
    map: Option<&MapData>,
    (zoom, selected): (Option<MapZoom>, Option<&str>),
    width: f64,
    pal: &Palette,
) -> Option<String> {
    let h = height(width);
    let layout = MapLayout::new(regions, width, h, zoom)?;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\
         <defs><pattern id=\"np\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">\
         <rect width=\"8\" height=\"8\" fill=\"#eeeeee\"/><path d=\"M0 8L8 0\" stroke=\"#9e9e9e\"/></pattern>\
         <clipPath id=\"frame\"><rect width=\"{w}\" height=\"{h}\"/></clipPath></defs>\
         <rect width=\"{w}\" height=\"{h}\" fill=\"{paper}\"/><g clip-path=\"url(#frame)\">",
        w = width.round(),
        h = h.round(),
        paper = Palette::hex(pal.paper),
    );
    let fill = |out: &mut String, r: &Region| {
        let value = map.and_then(|m| m.row(&r.code)).and_then(|row| row.value);
        let colour = match (value, map.and_then(|m| m.bins.as_ref())) {
            (Some(v), Some(bins)) => bins.color_of(v).to_string(),
            _ => "url(#np)".to_string(),
        };
        let (stroke, sw) = if r.part == Part::Mainland {
            (Palette::hex(pal.paper), 0.8)
        } else {
            ("#37474f".to_string(), 1.0)
        };
        let _ = write!(
            out,
            "<path d=\"{}\" fill=\"{colour}\" fill-rule=\"evenodd\" stroke=\"{stroke}\" stroke-width=\"{sw}\"><title>{}</title></path>",
            path(&layout, r),
            html_escape(&r.code)
        );
    };
    for r in regions.iter().filter(|r| r.part == Part::Mainland) {
        fill(&mut out, r);
    }
    if let Some(former) = overlay {
        for r in former.iter().filter(|r| r.part == Part::Mainland) {
            let _ = write!(
                out,
                "<path d=\"{}\" fill=\"none\" stroke=\"#263238\" stroke-dasharray=\"4 3\"/>",
                path(&layout, r)
            );
        }
    }
    if let Some((frame, p)) = &layout.inset {
        let _ = write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\" stroke=\"#9aa5b1\"/>",
            frame.x,
            frame.y,
            frame.w,
            frame.h,
            Palette::hex(pal.paper)
        );
        for r in regions.iter().filter(|r| r.part != Part::Mainland) {
            fill(&mut out, r);
            let Some((label, (cx, cy), radius)) = archipelago_ring(p, r) else {
                continue;
            };
            let ty = (cy + radius + 14.0).min(frame.y + frame.h - 6.0);
            let _ = write!(
                out,
                "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{radius:.1}\" fill=\"none\" stroke=\"#607d8b\" stroke-dasharray=\"3 3\"/>\
                 <text x=\"{cx:.1}\" y=\"{ty:.1}\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"12\" fill=\"{}\">{label}</text>",
                Palette::hex(pal.ink)
            );
        }
    }
    if let Some(code) = selected {
        for r in regions.iter().filter(|r| r.code == code) {
            let _ = write!(
                out,
                "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"/>",
                path(&layout, r),
                Palette::hex(pal.ink)
            );
        }
    }
    out.push_str("</g></svg>");
    Some(out)
}

/// Width in CSS pixels of the map's downloaded and static images.
pub const IMAGE_WIDTH: f64 = 640.0;

/// The map as a complete image, [`IMAGE_WIDTH`] wide: its title (with the
/// indicator's unit), the map, the legend (each class, and the hatch where
/// a value was not published) and `notes` (sources, date) at the foot.
pub fn image(
    m: &MapData,
    (regions, overlay): (&[Region], Option<&[Region]>),
    view: (Option<MapZoom>, Option<&str>),
    title: &str,
    notes: Vec<String>,
    lang: Lang,
) -> Option<SvgImage> {
    let pal = Palette::LIGHT;
    let inner = svg(regions, overlay, Some(m), view, IMAGE_WIDTH, &pal)?;
    let f = |v: f64| m.indicator.format_value(v, lang);
    let mut legend: Vec<(String, String)> = m
        .bins
        .iter()
        .flat_map(|b| {
            b.colors.iter().enumerate().map(|(i, c)| {
                (
                    c.clone(),
                    format!("{} – {}", f(b.limits[i]), f(b.limits[i + 1])),
                )
            })
        })
        .collect();
    if m.rows.iter().any(|r| r.value.is_none()) {
        legend.push(("url(#np)".into(), Msg::NotPublished.text(lang).to_string()));
    }
    let caption = Caption {
        title: format!("{title} ({})", m.indicator.unit.get(lang)),
        legend,
        notes,
    };
    Some(framed_svg(
        &inner,
        (IMAGE_WIDTH, height(IMAGE_WIDTH)),
        &caption,
        &pal,
    ))
}

/// A region's outline as SVG path data, in pixels to 0.1.
fn path(layout: &MapLayout, r: &Region) -> String {
    let p = layout.projection_of(r);
    let mut d = String::new();
    for polygon in &r.shape.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            for (k, c) in ring.0.iter().enumerate() {
                let (x, y) = p.project(c.x, c.y);
                let _ = write!(d, "{}{x:.1} {y:.1}", if k == 0 { 'M' } else { 'L' });
            }
            d.push('Z');
        }
    }
    d
}
