//! The map's embed page's entry point: the map alone (see `app::Build`).

fn main() {
    tien_do::start_embed_map();
}
