//! Pages built without a framework, for the smallest download: the map's
//! embed page, which a newsroom's reader loads in an article. They reuse
//! the site's logic (`tien-do-core`), its drawing (`BaseLayer`), its
//! inputs (`input_of`), its fetching (`fetch`) and its browser helpers;
//! only the page's few elements are built here, once, with `web-sys`.

pub mod dom;
pub mod embed_map;
pub mod input;
pub mod map_canvas;
pub mod map_view;
pub mod map_widget;
