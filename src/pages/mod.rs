//! Pages: one per view of the app.

mod data;
mod embed;
mod map;
mod map_area;
mod map_pickers;
mod map_ranking;
mod map_side;
mod map_summary;
mod map_tools;
mod overview;
mod province;
mod tasks;

pub use data::DataPage;
pub use embed::EmbedPage;
pub use map::{MapMode, MapPage};
pub use overview::OverviewPage;
pub use province::ProvincePage;
pub use tasks::TasksPage;
