//! The map page's entry point: the map page alone, without Leptos (see
//! `lean::map_page`).

fn main() {
    tien_do::start_map();
}
