//! Pages built without a framework, for the smallest download: the embed
//! pages (the map's and each chart's), which a newsroom's reader loads in
//! an article, and the site's first view (the overview). They reuse the
//! site's logic (`tien-do-core`), its drawing (`BaseLayer`, the figures'
//! own painters), its inputs (`input_of`), its fetching (`fetch`) and its
//! browser helpers; only the page's few elements are built here, with
//! `web-sys`.

pub mod chart_canvas;
pub mod chart_figure;
pub mod dom;
pub mod embed_chart;
pub mod embed_dialog;
pub mod embed_map;
pub mod embed_page;
pub mod input;
pub mod map_canvas;
pub mod map_figure;
pub mod map_page;
pub mod map_ranking;
pub mod map_view;
pub mod map_widget;
pub mod overview;
pub mod parts;
pub mod site_page;
