use super::{ChartFrame, FigureExport};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::figures::ranking::Ranking;
use tien_do_core::figures::Chart;
use tien_do_core::Lang;

/// The units ranked on one indicator and period (the ranking figure),
/// framed with its tools, key, table and sources.
#[component]
pub fn RankingChart(
    /// What to draw.
    ranking: Arc<Ranking>,
    /// The language shown.
    lang: Lang,
    /// Where its downloads and embed codes come from; none: no tools.
    #[prop(default = None, into)]
    export: Option<FigureExport>,
) -> impl IntoView {
    let title = ranking.title(lang);
    view! { <ChartFrame chart=Chart::shared(ranking) title lang export /> }
}
