//! The map's units ranked, on a site page built without a framework (the
//! overview's headline map, the map page): the ranking chart framed, with
//! its Embed codes following the page's view.

use super::chart_figure::chart_figure;
use super::dom::El;
use super::embed_dialog::{add_embed_codes, EmbedInfo};
use super::parts::Host;
use super::site_page::SiteShell;
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::choropleth::MapData;
use tien_do_core::figure::{first_height, Figure};
use tien_do_core::figures::ranking::ranking;
use tien_do_core::figures::FigureKind;
use tien_do_core::ProgressData;

/// The map's units ranked, the selected one highlighted, with its tools;
/// none without a unit to rank.
pub fn ranked(shell: &Rc<SiteShell>, data: &Arc<ProgressData>, m: &MapData) -> Option<El> {
    let l = shell.lang();
    let r = ranking(m, shell.state().province.as_deref());
    if r.bars.is_empty() {
        return None;
    }
    let title = r.title(l);
    let height = first_height(r.height(640.0));
    let figure = chart_figure(Arc::new(r), &title, Arc::clone(data), (l, false));
    let info = EmbedInfo::following(
        Rc::clone(shell),
        Figure::Ranking,
        data.as_of.clone(),
        height,
    );
    add_embed_codes(&figure.0, info, &title, l);
    Some(figure)
}
