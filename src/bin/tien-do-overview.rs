//! The first view's entry point: the overview alone, without Leptos
//! (see `lean::overview`).

fn main() {
    tien_do::start_overview();
}
