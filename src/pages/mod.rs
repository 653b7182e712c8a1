//! Pages: one per view of the app.

mod coming;
mod data;
mod map;
mod overview;
mod province;
mod tasks;

pub use coming::ComingPage;
pub use data::DataPage;
pub use map::MapPage;
pub use overview::OverviewPage;
pub use province::ProvincePage;
pub use tasks::TasksPage;
