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
pub mod format;
pub mod i18n;
pub mod text;
pub mod units;
pub mod url_state;
pub mod validate;
pub mod zoom;

pub use data::{parse_progress, ProgressData, SUPPORTED_SCHEMA_VERSION};
pub use error::LoadError;
pub use i18n::{Lang, Msg};
pub use url_state::{Page, UrlState};
