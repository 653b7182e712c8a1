//! The map's DOM events turned into the inputs of the gesture machine
//! (`tien_do_core::gesture`): the site's map and the lean embed's read
//! them alike.

use tien_do_core::gesture::{Input, Key};
use wasm_bindgen::JsCast;
use web_sys::{Event, KeyboardEvent, MouseEvent, PointerEvent, WheelEvent};

/// The input an event on the map's canvas is, if any; positions relative
/// to the canvas's top-left corner.
pub fn input_of(ev: &Event, canvas: &web_sys::HtmlCanvasElement) -> Option<Input> {
    let at = |m: &MouseEvent| {
        let rect = canvas.get_bounding_client_rect();
        (
            f64::from(m.client_x()) - rect.left(),
            f64::from(m.client_y()) - rect.top(),
        )
    };
    let kind = ev.type_();
    if let Some(p) = ev.dyn_ref::<PointerEvent>() {
        let (x, y) = at(p);
        let (id, touch) = (p.pointer_id(), p.pointer_type() != "mouse");
        return match kind.as_str() {
            "pointerdown" => Some(Input::Down {
                id,
                x,
                y,
                touch,
                primary: p.is_primary(),
                button: p.button(),
            }),
            "pointermove" => Some(Input::Move { id, x, y, touch }),
            "pointerup" | "pointercancel" => Some(Input::Up {
                id,
                x,
                y,
                cancelled: kind == "pointercancel",
            }),
            "pointerleave" => Some(Input::Leave { touch }),
            // Chrome sends clicks as pointer events.
            "click" => Some(Input::Click { x, y }),
            _ => None,
        };
    }
    if let Some(w) = ev.dyn_ref::<WheelEvent>() {
        let (x, y) = at(w);
        return Some(Input::Wheel {
            x,
            y,
            delta_y: w.delta_y(),
            delta_mode: w.delta_mode(),
            ctrl: w.ctrl_key() || w.meta_key(),
        });
    }
    if let Some(m) = ev.dyn_ref::<MouseEvent>() {
        let (x, y) = at(m);
        return (kind == "click").then_some(Input::Click { x, y });
    }
    if let Some(k) = ev.dyn_ref::<KeyboardEvent>() {
        return Key::from_dom(&k.key()).map(|key| Input::Key {
            key,
            shift: k.shift_key(),
        });
    }
    (kind == "blur").then_some(Input::Blur)
}
