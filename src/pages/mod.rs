//! Pages: one per view of the app.

mod coming;
mod map;
mod overview;

pub use coming::ComingPage;
pub use map::MapPage;
pub use overview::OverviewPage;
