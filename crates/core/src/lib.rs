//! Pure logic of the progress viewer, reachable by plain `cargo test`.
//!
//! Nothing here touches the browser: the Leptos app in the workspace root
//! draws what these modules compute. Keep it that way, so that most tests run
//! natively in milliseconds.

pub mod boundaries;
pub mod charts;
pub mod choropleth;
pub mod data;
pub mod data_table;
pub mod error;
pub mod export;
pub mod figure;
pub mod figures;
pub mod find;
pub mod format;
pub mod gesture;
pub mod i18n;
pub mod json;
pub mod notes;
pub mod text;
pub mod topo;
pub mod units;
pub mod url_state;
pub mod validate;
pub mod zoom;

pub use data::{parse_progress, ProgressData, SUPPORTED_SCHEMA_VERSION};
pub use error::LoadError;
pub use i18n::{Lang, Msg};
pub use url_state::{MapLevel, Page, UrlState};

/// What the unit tests of several modules share.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::data::Series;
    use crate::{parse_progress, ProgressData};

    /// The demo data the site ships, parsed as the app parses it.
    pub fn demo() -> ProgressData {
        parse_progress(include_str!("../../../public/data/progress.json")).expect("demo data")
    }

    /// The demo's series of `indicator` in `period`, to change for a test.
    pub fn series_mut<'a>(
        d: &'a mut ProgressData,
        indicator: &str,
        period: &str,
    ) -> &'a mut Series {
        d.series
            .iter_mut()
            .find(|s| s.indicator == indicator && s.period == period)
            .expect("the demo has this series")
    }
}
