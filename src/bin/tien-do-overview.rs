//! The first view's entry point: the overview alone (see `app::Build`).

fn main() {
    tien_do::start_overview();
}
