//! A chart on a canvas without a framework, as the site's `ChartCanvas`
//! draws it: sized to its box's width (the height follows from it), crisp
//! at any devicePixelRatio, drawn again when the width changes. Hover, or
//! focus and the arrow keys, show the tooltip of the part under the
//! pointer; the parts are the boxes the figure's drawing returns, placed
//! with plotters' own coordinate mapping.

use super::dom::{el, listen};
use crate::browser;
use plotters_canvas::CanvasBackend;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::charts::{chart_key, tooltip_css};
use tien_do_core::figures::scene::{Scene, SceneArea};
use tien_do_core::figures::{FigureKind, HitBox, Palette};
use tien_do_core::Lang;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, KeyboardEvent, MouseEvent};

/// Draws the figure on a canvas at a devicePixelRatio; the parts that
/// answer hover.
type Paint = Box<dyn Fn(&HtmlCanvasElement, f64) -> Vec<HitBox>>;

/// Draws a chart on `canvas` (its backing store's size): `paint` records
/// it on a scene, which is played on the canvas; the parts that answer
/// hover (none if the canvas cannot be drawn on). The site's chart canvas
/// draws the same way.
pub fn paint_on(
    canvas: &HtmlCanvasElement,
    paint: impl FnOnce(&SceneArea) -> Vec<HitBox>,
) -> Vec<HitBox> {
    let Some(mut backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return Vec::new();
    };
    let (scene, parts) = Scene::record((canvas.width(), canvas.height()), paint);
    match scene.play(&mut backend) {
        Ok(()) => parts,
        Err(_) => Vec::new(),
    }
}

/// A chart's canvas, its tooltip and the live region that says it.
pub struct ChartCanvas {
    /// `div.chart-canvas`, which holds the rest.
    root: Element,
    canvas: HtmlCanvasElement,
    /// The tooltip shown, if any.
    tip: RefCell<Option<Element>>,
    /// What the tooltip says, for screen readers.
    spoken: Element,
    paint: Paint,
    height: Box<dyn Fn(f64) -> f64>,
    /// The parts drawn that answer hover, in CSS pixels.
    boxes: RefCell<Vec<HitBox>>,
    /// The part whose tooltip is shown.
    active: Cell<Option<usize>>,
    /// The box's width in CSS pixels (0 until measured).
    width: Cell<f64>,
}

impl ChartCanvas {
    /// The canvas of `figure` in `lang` on the paper of `dark`, labelled
    /// `label` for screen readers (the table beside it has the numbers).
    /// Drawn once its box has a width.
    pub fn new<K: FigureKind + 'static>(
        figure: Arc<K>,
        lang: Lang,
        dark: bool,
        label: &str,
    ) -> Rc<ChartCanvas> {
        let canvas: HtmlCanvasElement = el("canvas")
            .attr("tabindex", "0")
            .attr("role", "img")
            .attr("aria-label", label)
            .into();
        let spoken = el("p").class("visually-hidden").attr("aria-live", "polite");
        let root = el("div")
            .class("chart-canvas")
            .child(&canvas)
            .child(&spoken);
        let pal = Palette::of(dark);
        let f = Arc::clone(&figure);
        let me = Rc::new(ChartCanvas {
            root: root.0,
            canvas,
            tip: RefCell::new(None),
            spoken: spoken.0,
            paint: Box::new(move |canvas, dpr| {
                paint_on(canvas, |root| f.paint(root, dpr, &pal, lang))
            }),
            height: Box::new(move |w| figure.height(w)),
            boxes: RefCell::new(Vec::new()),
            active: Cell::new(None),
            width: Cell::new(0.0),
        });
        me.wire();
        me
    }

    /// The element to put on the page.
    pub fn element(&self) -> &Element {
        &self.root
    }

    /// Listens to the pointer, the keys and the box's size, for the
    /// page's life.
    fn wire(self: &Rc<Self>) {
        let me = Rc::clone(self);
        listen(&self.canvas, "mousemove", move |ev| {
            let Some(ev) = ev.dyn_ref::<MouseEvent>() else {
                return;
            };
            let rect = me.canvas.get_bounding_client_rect();
            let (x, y) = (
                f64::from(ev.client_x()) - rect.left(),
                f64::from(ev.client_y()) - rect.top(),
            );
            let found = me.boxes.borrow().iter().position(|b| b.contains(x, y));
            me.show(found);
        });
        for kind in ["mouseleave", "blur"] {
            let me = Rc::clone(self);
            listen(&self.canvas, kind, move |_| me.show(None));
        }
        let me = Rc::clone(self);
        listen(&self.canvas, "keydown", move |ev| {
            if let Some(ev) = ev.dyn_ref::<KeyboardEvent>() {
                me.key(ev);
            }
        });
        // The chart follows its box's width; without a ResizeObserver it
        // is measured once.
        let me = Rc::clone(self);
        // Called in the frame's rendering, after its layout: what is drawn
        // now is shown by this frame.
        let measure =
            Closure::<dyn FnMut()>::new(move || browser::while_rendering(|| me.measure()));
        match web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()) {
            Ok(observer) => {
                observer.observe(&self.root);
                // The observer and its callback live as long as the page.
                std::mem::forget(observer);
                measure.forget();
            }
            Err(_) => {
                let me = Rc::clone(self);
                browser::after_next_frame(move || me.measure());
            }
        }
    }

    /// Takes the box's width, if it has one, and draws again if it
    /// changed.
    fn measure(&self) {
        let w = f64::from(self.root.client_width());
        if w > 0.0 && w != self.width.get() {
            self.width.set(w);
            self.draw();
        }
    }

    /// Draws the chart at the box's width and the screen's
    /// devicePixelRatio.
    fn draw(&self) {
        let w = self.width.get();
        let h = (self.height)(w);
        let dpr = web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .max(1.0);
        let canvas = &self.canvas;
        canvas.set_width((w * dpr).round() as u32);
        canvas.set_height((h * dpr).round() as u32);
        let _ = canvas.set_attribute("style", &format!("width:{w}px;height:{h}px"));
        let parts = browser::measured("tien-do:chart-draw", || (self.paint)(canvas, dpr));
        *self.boxes.borrow_mut() = parts;
        self.show(None);
        let _ = canvas.set_attribute("data-drawn", "1");
        if browser::mark_once("tien-do:first-chart") {
            browser::after_shown(browser::figure_shown);
        }
    }

    /// Moves the tooltip with the arrow keys, Home and End; Escape hides
    /// it.
    fn key(&self, ev: &KeyboardEvent) {
        let n = self.boxes.borrow().len();
        let Some(next) = chart_key(&ev.key(), self.active.get(), n) else {
            return;
        };
        if next.is_some() {
            ev.prevent_default();
        }
        self.show(next);
    }

    /// Shows the tooltip of the part `i` (none: hides it), and says it in
    /// the live region.
    fn show(&self, i: Option<usize>) {
        if i == self.active.get() {
            return;
        }
        self.active.set(i);
        if let Some(old) = self.tip.borrow_mut().take() {
            old.remove();
        }
        let boxes = self.boxes.borrow();
        let Some(b) = i.and_then(|i| boxes.get(i)) else {
            self.spoken.set_text_content(None);
            return;
        };
        let (cx, top) = ((b.x0 + b.x1) / 2.0, b.y1 + 6.0);
        let mut lines = b.lines.iter();
        let mut tooltip = el("div")
            .class("chart-tooltip")
            .attr("style", &tooltip_css(cx, top, self.width.get()))
            .attr("aria-hidden", "true")
            .child(el("strong").text(lines.next().map_or("", String::as_str)));
        for l in lines {
            tooltip = tooltip.child(el("span").text(l));
        }
        let _ = self.root.insert_before(&tooltip.0, Some(&self.spoken));
        *self.tip.borrow_mut() = Some(tooltip.0);
        self.spoken.set_text_content(Some(&b.lines.join(". ")));
    }
}
