//! The charts' embed pages' entry point: one chart alone (see
//! `app::Build`).

fn main() {
    tien_do::start_embed_chart();
}
