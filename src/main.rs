//! The browser entry point: Trunk builds this binary to WebAssembly.

fn main() {
    tien_do::start();
}
