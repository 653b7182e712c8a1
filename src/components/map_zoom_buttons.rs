use leptos::prelude::*;
use tien_do_core::gesture::Button;
use tien_do_core::zoom::{MapZoom, MAX_LEVEL};
use tien_do_core::{Lang, Msg};

/// The map's zoom buttons: in, out, and back to the whole country, each
/// disabled where it would do nothing.
#[component]
pub fn MapZoomButtons(
    /// The language shown now.
    lang: Signal<Lang>,
    /// The zoom shown; `None`: the whole country.
    zoom: Signal<Option<MapZoom>>,
    /// Called with the button pressed.
    on_press: Callback<Button>,
) -> impl IntoView {
    let zoomed = move || zoom.get().is_some();
    let button = move |b: Button, msg: Msg, text: &'static str, disabled: Signal<bool>| {
        let class = match b {
            Button::ZoomIn => "map-zoom-in",
            Button::ZoomOut => "map-zoom-out",
            Button::Reset => "map-zoom-reset",
        };
        view! {
            <button
                type="button"
                class=class
                title=move || msg.text(lang.get())
                aria-label=move || msg.text(lang.get())
                disabled=disabled
                on:click=move |_| on_press.run(b)
            >{text}</button>
        }
    };
    view! {
        <div class="map-zoom" role="group" aria-label=move || Msg::ZoomIn.text(lang.get())>
            {button(
                Button::ZoomIn,
                Msg::ZoomIn,
                "+",
                Signal::derive(move || zoom.get().is_some_and(|z| z.level() >= MAX_LEVEL)),
            )}
            {button(Button::ZoomOut, Msg::ZoomOut, "−", Signal::derive(move || !zoomed()))}
            {button(Button::Reset, Msg::ZoomReset, "⤢", Signal::derive(move || !zoomed()))}
        </div>
    }
}
