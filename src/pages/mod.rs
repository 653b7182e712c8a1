//! Pages: one per view of the app.

mod coming;
mod overview;

pub use coming::ComingPage;
pub use overview::OverviewPage;
