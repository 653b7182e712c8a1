//! Pages: one per view of the app.

mod data;
mod embed;
mod map;
mod overview;
mod province;
mod tasks;

pub use data::DataPage;
pub use embed::EmbedPage;
pub use map::{MapMode, MapPage};
pub use overview::OverviewPage;
pub use province::ProvincePage;
pub use tasks::TasksPage;
