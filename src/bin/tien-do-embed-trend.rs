//! The trend's embed page (`embed-trend.html`): that chart alone, without
//! Leptos, and without the other charts' code (see `lean::embed_chart`).

fn main() {
    tien_do::start_embed_chart::<tien_do_core::figures::trend::Trend>();
}
