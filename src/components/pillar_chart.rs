use super::{ChartFrame, FigureExport};
use leptos::prelude::*;
use std::sync::Arc;
use tien_do_core::data::{self, Period};
use tien_do_core::figures::pillars::{Pillar, PillarProfile};
use tien_do_core::figures::Chart;
use tien_do_core::Lang;

/// One province's profile on the pillars of an index (the pillar figure),
/// framed with its tools, key, table and sources.
#[component]
pub fn PillarChart(
    /// The pillars, in the index's order.
    pillars: Arc<Vec<Pillar>>,
    /// The province's name.
    name: data::Text,
    /// The period the values are for.
    period: Period,
    /// The language shown.
    lang: Lang,
    /// Where its downloads and embed codes come from; none: no tools.
    #[prop(default = None, into)]
    export: Option<FigureExport>,
) -> impl IntoView {
    let profile = PillarProfile {
        pillars: pillars.to_vec(),
        name,
        period,
    };
    let title = profile.title(lang);
    view! { <ChartFrame chart=Chart::from(profile) title lang export /> }
}
