//! Pages: one per view of the app.

mod data;
mod embed;
mod embed_chart;
mod embed_map;
pub mod map;
mod map_area;
pub mod map_side;
mod map_summary;
pub mod map_tools;
pub mod map_view;
mod province;
mod province_communes;
mod tasks;

pub use data::DataPage;
pub use embed::EmbedPage;
pub use embed_chart::EmbedChart;
pub use embed_map::EmbedMap;
pub use map::MapFigure;
pub use map_view::MapView;
pub use province::ProvincePage;
pub use tasks::TasksPage;
