//! The embed pages' entry point: one figure alone (see `app::Build`).

fn main() {
    tien_do::start_embed();
}
