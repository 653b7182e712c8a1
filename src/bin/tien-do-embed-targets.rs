//! The targets' embed page (`embed-targets.html`): that chart alone, without
//! Leptos, and without the other charts' code (see `lean::embed_chart`).

fn main() {
    tien_do::start_embed_chart::<tien_do_core::figures::targets::Targets>();
}
