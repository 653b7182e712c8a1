//! Components: each takes plain data or signals and only draws.

mod app_link;
mod choropleth_map;
mod data_problems_notice;
mod language_switch;
mod load_error_panel;
mod loading_skeleton;
mod main_nav;
mod map_legend;
mod period_slider;
mod site_footer;
mod site_header;
mod source_link;
mod task_counts_card;
mod unit_value_table;

pub use app_link::AppLink;
pub use choropleth_map::ChoroplethMap;
pub use data_problems_notice::DataProblemsNotice;
pub use language_switch::LanguageSwitch;
pub use load_error_panel::{first_load_error, LoadErrorPanel};
pub use loading_skeleton::LoadingSkeleton;
pub use main_nav::MainNav;
pub use map_legend::MapLegend;
pub use period_slider::PeriodSlider;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use source_link::SourceLink;
pub use task_counts_card::TaskCountsCard;
pub use unit_value_table::UnitValueTable;
