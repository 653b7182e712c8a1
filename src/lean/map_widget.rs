//! The choropleth map without a framework: the same two canvases, zoom
//! buttons, hint and tooltip as the site's `ChoroplethMap`, drawn by the
//! same `BaseLayer` from the same `figures::map` description, its inputs
//! read by the same `input_of` and decided by the same gesture machine
//! (`tien_do_core::gesture`). A pointer move changes the tooltip's texts
//! and the overlay in one call, with nothing in between.

use super::dom::{el, set_flag};
use super::input::input_of;
use super::map_canvas::{same, BaseLayer};
use crate::browser;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use tien_do_core::boundaries::{MapLayout, Region};
use tien_do_core::charts::tooltip_css;
use tien_do_core::choropleth::MapData;
use tien_do_core::figures::map::{height, tooltip};
use tien_do_core::figures::Palette;
use tien_do_core::gesture::{Button, Command, Gestures, Input, MapPlaces};
use tien_do_core::zoom::{MapZoom, ZoomChange, MAX_LEVEL};
use tien_do_core::{Lang, Msg};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlCanvasElement};

/// What a map shows: its units are fixed for its life (other boundaries
/// make another widget); the rest changes through the widget's setters.
pub struct MapSpec {
    /// The decoded boundaries of the units.
    pub regions: Arc<Vec<Region>>,
    /// Borders drawn over the map as dashed lines, if any.
    pub overlay: Option<Arc<Vec<Region>>>,
    /// Values, ranks and classes to draw.
    pub map: Option<Arc<MapData>>,
    /// The language of the tooltip, buttons and inset labels.
    pub lang: Lang,
    /// Whether the page is dark.
    pub dark: bool,
    /// The selected unit's code, outlined.
    pub selected: Option<String>,
    /// The zoom the link holds; `None`: the whole country.
    pub zoom: Option<MapZoom>,
    /// The id of the element that summarises the map in words.
    pub described_by: String,
}

/// What the map does for the page around it.
pub struct MapEvents {
    /// Called with a unit's code when it is opened.
    pub open: Box<dyn Fn(String)>,
    /// Called with the zoom a gesture ended on, to keep it in the link.
    pub zoom: Box<dyn Fn(Option<MapZoom>)>,
    /// Called once, when the map has first been shown (a task after the
    /// frame that draws it): what waits for the map may go ahead.
    pub drawn: Box<dyn Fn()>,
}

/// The map's elements.
struct Parts {
    root: Element,
    canvas: HtmlCanvasElement,
    over: HtmlCanvasElement,
    zoom_in: Element,
    zoom_out: Element,
    reset: Element,
    hint: Element,
    tip: Element,
    /// The tooltip's lines: name, detail, part, value, rank, lineage,
    /// hint; each keeps its text node.
    lines: [Element; 7],
}

/// What the map shows now.
struct State {
    spec: MapSpec,
    /// The map's width in CSS pixels (0 until measured).
    width: f64,
    /// The zoom a gesture in progress is at, not yet in the link.
    live: Option<Option<MapZoom>>,
    layout: Option<MapLayout>,
    hover: Option<usize>,
    focus: Option<usize>,
    /// Where the tooltip points.
    pointer: (f64, f64),
    base: BaseLayer,
    gestures: Gestures,
    /// The unit the tooltip describes now, and whether it was tapped.
    said_for: Option<(usize, bool)>,
    /// Whether the tooltip is shown.
    said: bool,
    wheel_timer: Option<i32>,
    hint_timer: Option<i32>,
    /// The first map is drawn and the browser is showing it: borders that
    /// come now wait until it is shown.
    showing: bool,
    /// Borders came while the first map was being shown: draw them once
    /// it is.
    held: bool,
}

impl State {
    /// The zoom shown: the live one, else the link's.
    fn shown(&self) -> Option<MapZoom> {
        self.live.unwrap_or(self.spec.zoom)
    }
}

/// A choropleth map on a canvas, with its zoom buttons, hint and tooltip.
pub struct MapWidget {
    parts: Parts,
    state: RefCell<State>,
    events: MapEvents,
    /// The listeners and the width's observer, dropped by
    /// [`MapWidget::dispose`] (each holds the widget).
    wiring: RefCell<Wiring>,
}

/// An event listener: where, for which event, and the closure.
type Listener = (
    web_sys::EventTarget,
    &'static str,
    Closure<dyn FnMut(Event)>,
);

/// What the widget listens with.
#[derive(Default)]
struct Wiring {
    listeners: Vec<Listener>,
    observer: Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>,
}

/// What a batch of commands changed.
#[derive(Default)]
struct Changed {
    highlight: bool,
    pointer: bool,
    zoom: bool,
    open: Option<String>,
    commit: Option<Option<MapZoom>>,
}

impl MapWidget {
    /// The map of `spec`, not yet in the page: put [`MapWidget::element`]
    /// in it, and it draws once it has a width.
    pub fn new(spec: MapSpec, events: MapEvents) -> Rc<MapWidget> {
        let lang = spec.lang;
        let canvas = el("canvas")
            .attr("tabindex", "0")
            .attr("role", "img")
            .attr("aria-label", Msg::MapKeyboardHint.text(lang))
            .attr("aria-describedby", &spec.described_by);
        let over = el("canvas").class("map-over").attr("aria-hidden", "true");
        let button = |class: &str, msg: Msg, text: &str| {
            el("button")
                .class(class)
                .attr("type", "button")
                .attr("title", msg.text(lang))
                .attr("aria-label", msg.text(lang))
                .text(text)
        };
        let (zoom_in, zoom_out, reset) = (
            button("map-zoom-in", Msg::ZoomIn, "+"),
            button("map-zoom-out", Msg::ZoomOut, "−"),
            button("map-zoom-reset", Msg::ZoomReset, "⤢"),
        );
        let hint = el("p")
            .class("map-hint")
            .attr("aria-hidden", "true")
            .text(Msg::ZoomHint.text(lang));
        let line = |tag: &str, class: &str| {
            let e = el(tag).text("");
            if class.is_empty() {
                e
            } else {
                e.class(class)
            }
        };
        let lines = [
            line("strong", ""),
            line("span", "tooltip-detail"),
            line("span", "tooltip-part"),
            line("span", "tooltip-value"),
            line("span", "tooltip-rank"),
            line("span", "tooltip-lineage"),
            line("span", "tooltip-hint"),
        ];
        let mut tip = el("div")
            .class("map-tooltip")
            .attr("role", "status")
            .flag("hidden", true);
        for l in &lines {
            tip = tip.child(l);
        }
        let zoom = el("div")
            .class("map-zoom")
            .attr("role", "group")
            .attr("aria-label", Msg::ZoomIn.text(lang))
            .child(&zoom_in)
            .child(&zoom_out)
            .child(&reset);
        let root = el("div")
            .class("choropleth")
            .child(&canvas)
            .child(&over)
            .child(zoom)
            .child(&hint)
            .child(&tip);
        let widget = Rc::new(MapWidget {
            parts: Parts {
                root: root.0,
                canvas: canvas.into(),
                over: over.into(),
                zoom_in: zoom_in.0,
                zoom_out: zoom_out.0,
                reset: reset.0,
                hint: hint.0,
                tip: tip.0,
                lines: lines.map(|l| l.0),
            },
            state: RefCell::new(State {
                spec,
                width: 0.0,
                live: None,
                layout: None,
                hover: None,
                focus: None,
                pointer: (0.0, 0.0),
                base: BaseLayer::default(),
                gestures: Gestures::default(),
                said_for: None,
                said: false,
                wheel_timer: None,
                hint_timer: None,
                showing: false,
                held: false,
            }),
            events,
            wiring: RefCell::default(),
        });
        widget.listen();
        widget.update_buttons();
        widget
    }

    /// The map's element, to put in the page.
    pub fn element(&self) -> &Element {
        &self.parts.root
    }

    /// Shows the zoom the link now holds (the reader went back or
    /// forward, or followed a link); a gesture in progress is dropped. The
    /// same zoom again changes nothing, even mid-gesture.
    pub fn set_zoom(&self, zoom: Option<MapZoom>) {
        {
            let mut s = self.state.borrow_mut();
            if s.spec.zoom == zoom {
                return;
            }
            s.spec.zoom = zoom;
            s.live = None;
            s.gestures = Gestures::default();
            replace_timer(&mut s.wheel_timer, None);
        }
        self.relayout();
    }

    /// Draws `overlay`'s borders over the map (they may come after it), or
    /// none.
    ///
    /// Borders that come while the first map is being shown are drawn
    /// once it is: their redraw would hold back the frame that shows the
    /// map (the provinces' borders over the communes often come just
    /// then).
    pub fn set_overlay(&self, overlay: Option<Arc<Vec<Region>>>) {
        self.update(|s| {
            let changed = !same(s.spec.overlay.as_ref(), overlay.as_ref());
            s.spec.overlay = overlay;
            s.held |= changed && s.showing;
            changed && !s.showing
        });
    }

    /// The first map is shown: the borders held back are drawn, and the
    /// page hears of it.
    fn shown(&self) {
        let held = {
            let mut s = self.state.borrow_mut();
            s.showing = false;
            std::mem::take(&mut s.held)
        };
        if held {
            self.redraw();
        }
        (self.events.drawn)();
    }

    /// Draws the values `map` (another indicator or period).
    pub fn set_map(&self, map: Option<Arc<MapData>>) {
        let changed = self.update(|s| {
            let changed = !same(s.spec.map.as_ref(), map.as_ref());
            s.spec.map = map;
            changed
        });
        if changed {
            self.state.borrow_mut().said_for = None;
            self.update_tooltip();
        }
    }

    /// Outlines the unit `selected`, or none.
    pub fn set_selected(&self, selected: Option<String>) {
        self.update(|s| replace(&mut s.spec.selected, selected));
    }

    /// Draws on the dark page's palette, or the light one.
    pub fn set_dark(&self, dark: bool) {
        self.update(|s| replace(&mut s.spec.dark, dark));
    }

    /// Says everything in `lang`: the buttons, the hint, the canvas's
    /// label, the tooltip and the inset's labels.
    pub fn set_lang(&self, lang: Lang) {
        if !self.update(|s| replace(&mut s.spec.lang, lang)) {
            return;
        }
        self.state.borrow_mut().said_for = None;
        self.update_tooltip();
        let p = &self.parts;
        let _ = p
            .canvas
            .set_attribute("aria-label", Msg::MapKeyboardHint.text(lang));
        for (button, msg) in [
            (&p.zoom_in, Msg::ZoomIn),
            (&p.zoom_out, Msg::ZoomOut),
            (&p.reset, Msg::ZoomReset),
        ] {
            let _ = button.set_attribute("title", msg.text(lang));
            let _ = button.set_attribute("aria-label", msg.text(lang));
        }
        if let Some(group) = p.zoom_in.parent_element() {
            let _ = group.set_attribute("aria-label", Msg::ZoomIn.text(lang));
        }
        p.hint.set_text_content(Some(Msg::ZoomHint.text(lang)));
    }

    /// Changes what the map shows with `set`, which says whether it
    /// changed anything, and draws again if it did; whether it did.
    fn update(&self, set: impl FnOnce(&mut State) -> bool) -> bool {
        let changed = set(&mut self.state.borrow_mut());
        if changed {
            self.redraw();
        }
        changed
    }

    /// Stops listening and lets the widget go (the site's map, when its
    /// page is left): the listeners and the width's observer hold it.
    pub fn dispose(&self) {
        let wiring = std::mem::take(&mut *self.wiring.borrow_mut());
        for (target, kind, f) in &wiring.listeners {
            let _ = target.remove_event_listener_with_callback(kind, f.as_ref().unchecked_ref());
        }
        if let Some((observer, _)) = &wiring.observer {
            observer.disconnect();
        }
        // Dropped once this task is over: the listener that opened a unit,
        // and so left the page, may be the one running now.
        browser::set_timeout(move || drop(wiring), 0);
        let mut s = self.state.borrow_mut();
        replace_timer(&mut s.wheel_timer, None);
        replace_timer(&mut s.hint_timer, None);
    }

    /// Wires the canvas's events, the buttons and the width.
    fn listen(self: &Rc<Self>) {
        let mut wiring = self.wiring.borrow_mut();
        let mut on =
            |target: &web_sys::EventTarget, kind: &'static str, f: Box<dyn FnMut(Event)>| {
                let f = Closure::<dyn FnMut(Event)>::wrap(f);
                let _ = target.add_event_listener_with_callback(kind, f.as_ref().unchecked_ref());
                wiring.listeners.push((target.clone(), kind, f));
            };
        for kind in [
            "pointerdown",
            "pointermove",
            "pointerup",
            "pointercancel",
            "pointerleave",
            "click",
            "wheel",
            "keydown",
            "blur",
        ] {
            let me = Rc::clone(self);
            on(&self.parts.canvas, kind, Box::new(move |ev| me.event(&ev)));
        }
        for (b, button) in [
            (Button::ZoomIn, &self.parts.zoom_in),
            (Button::ZoomOut, &self.parts.zoom_out),
            (Button::Reset, &self.parts.reset),
        ] {
            let me = Rc::clone(self);
            on(
                button,
                "click",
                Box::new(move |_| me.input(Input::Button(b), None)),
            );
        }
        // The map follows its box's width (a hidden box, 0 wide, keeps the
        // last one); without a ResizeObserver it is measured once.
        let me = Rc::clone(self);
        // Called in the frame's rendering, after its layout: what is drawn
        // now is shown by this frame.
        let measure =
            Closure::<dyn FnMut()>::new(move || browser::while_rendering(|| me.measure()));
        match web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()) {
            Ok(observer) => {
                observer.observe(&self.parts.root);
                wiring.observer = Some((observer, measure));
            }
            Err(_) => {
                let me = Rc::clone(self);
                browser::after_next_frame(move || me.measure());
            }
        }
    }

    /// Takes the width of the map's box, if it has one, and lays the map
    /// out again if it changed.
    ///
    /// The map is first drawn here, once its box has a width: then, once
    /// the frame that shows it is shown, the borders held back are drawn.
    fn measure(self: &Rc<Self>) {
        let w = f64::from(self.parts.root.client_width());
        let (changed, showing) = {
            let mut s = self.state.borrow_mut();
            let changed = w > 0.0 && w != s.width;
            if changed {
                s.width = w;
            }
            (changed, s.showing)
        };
        if changed {
            self.relayout();
            if !showing && self.state.borrow().showing {
                let me = Rc::clone(self);
                browser::after_shown(move || {
                    // The mark the benchmark compares with a D3 page's,
                    // set the same way (a task after the frame that
                    // shows the map), for the page's first map.
                    browser::mark_once("tien-do:first-map-shown");
                    browser::figure_shown();
                    me.shown();
                });
            }
        }
    }

    /// Handles an event on the canvas.
    fn event(self: &Rc<Self>, ev: &Event) {
        if let Some(input) = input_of(ev, &self.parts.canvas) {
            self.input(input, Some(ev));
        }
    }

    /// Handles an input (`ev`: the event it came from, if any).
    fn input(self: &Rc<Self>, input: Input, ev: Option<&Event>) {
        let mut changed = Changed::default();
        {
            let mut s = self.state.borrow_mut();
            let zoomed = s.shown().is_some();
            let State {
                spec,
                gestures,
                layout,
                ..
            } = &mut *s;
            let Some(layout) = layout.as_ref() else {
                return;
            };
            let places = MapPlaces {
                regions: &spec.regions,
                layout,
                selected: spec.selected.as_deref(),
                zoomed,
            };
            let commands = gestures.handle(input, &places);
            for command in commands {
                self.apply(&mut s, command, ev, &mut changed);
            }
        }
        if changed.zoom {
            self.relayout();
        } else if changed.highlight {
            self.redraw();
        }
        if changed.highlight || changed.pointer {
            self.update_tooltip();
        }
        if let Some(z) = changed.commit {
            (self.events.zoom)(z);
        }
        // Opening a unit may leave the page: it goes last.
        if let Some(code) = changed.open {
            (self.events.open)(code);
        }
    }

    fn apply(
        self: &Rc<Self>,
        s: &mut State,
        command: Command,
        ev: Option<&Event>,
        out: &mut Changed,
    ) {
        match command {
            Command::Hover(unit) => {
                out.highlight |= s.hover != unit;
                s.hover = unit;
            }
            Command::Focus(unit) => {
                out.highlight |= s.focus != unit;
                s.focus = unit;
            }
            Command::Tooltip { x, y } => {
                out.pointer |= s.pointer != (x, y);
                s.pointer = (x, y);
            }
            Command::Open(i) => {
                if out.open.is_none() {
                    out.open = s.spec.regions.get(i).map(|r| r.code.clone());
                }
            }
            Command::Zoom(change) => out.zoom |= change_zoom(s, change),
            Command::Commit => {
                // The link holds it now: the zoom shown stays.
                if let Some(z) = s.live.take() {
                    s.spec.zoom = z;
                    out.commit = Some(z);
                }
            }
            Command::CommitSoon => {
                let timer = self.later(300, Self::commit);
                replace_timer(&mut s.wheel_timer, timer);
            }
            Command::Hint(show) => {
                self.parts
                    .hint
                    .class_list()
                    .toggle_with_force("shown", show)
                    .ok();
                if show {
                    let timer = self.later(2000, |me| {
                        let _ = me.parts.hint.class_list().remove_1("shown");
                    });
                    replace_timer(&mut s.hint_timer, timer);
                }
            }
            Command::Capture(id) => {
                let _ = self.parts.canvas.set_pointer_capture(id);
            }
            Command::PreventDefault => {
                if let Some(ev) = ev {
                    ev.prevent_default();
                }
            }
        }
    }

    /// Runs `f` on this map in `ms` milliseconds, if the map is still
    /// there; the timer's handle. The timer holds the map weakly: a timer
    /// cleared never runs, and would keep it for ever.
    fn later(self: &Rc<Self>, ms: i32, f: fn(&MapWidget)) -> Option<i32> {
        let me = Rc::downgrade(self);
        browser::set_timeout(
            move || {
                if let Some(me) = me.upgrade() {
                    f(&me);
                }
            },
            ms,
        )
    }

    /// Writes the zoom shown to the link, if a gesture changed it.
    fn commit(&self) {
        let live = {
            let mut s = self.state.borrow_mut();
            let live = s.live.take();
            if let Some(z) = live {
                s.spec.zoom = z;
            }
            live
        };
        if let Some(z) = live {
            (self.events.zoom)(z);
        }
    }

    /// Lays the map out again at its width and the zoom shown, and draws.
    fn relayout(&self) {
        {
            let mut s = self.state.borrow_mut();
            let (w, h) = (s.width, height(s.width));
            let shown = s.shown();
            s.layout = (w > 0.0)
                .then(|| MapLayout::new(&s.spec.regions, w, h, shown))
                .flatten();
            let style = format!("width:{w}px;height:{h}px");
            let _ = self.parts.canvas.set_attribute("style", &style);
            let _ = self.parts.over.set_attribute("style", &style);
            let _ = self
                .parts
                .canvas
                .class_list()
                .toggle_with_force("zoomed", shown.is_some());
        }
        self.update_buttons();
        self.redraw();
        self.update_tooltip();
    }

    /// Each zoom button disabled where it would do nothing.
    fn update_buttons(&self) {
        let shown = self.state.borrow().shown();
        set_flag(
            &self.parts.zoom_in,
            "disabled",
            shown.is_some_and(|z| z.level() >= MAX_LEVEL),
        );
        set_flag(&self.parts.zoom_out, "disabled", shown.is_none());
        set_flag(&self.parts.reset, "disabled", shown.is_none());
    }

    /// Draws the map (the base only if it changed) and the outlines.
    fn redraw(&self) {
        let mut s = self.state.borrow_mut();
        let State {
            spec,
            layout,
            base,
            hover,
            focus,
            ..
        } = &mut *s;
        let Some(layout) = layout.as_ref() else {
            return;
        };
        let pal = Palette::of(spec.dark);
        base.draw(
            (&self.parts.canvas, &self.parts.over),
            (&spec.regions, spec.overlay.as_ref()),
            (layout, &pal, spec.lang),
            spec.map.as_ref(),
            (hover.or(*focus), spec.selected.as_deref()),
        );
        let first = !self.parts.canvas.has_attribute("data-drawn");
        if first {
            let _ = self.parts.canvas.set_attribute("data-drawn", "1");
            s.showing = true;
        }
    }

    /// The tooltip: its texts, made again only when the unit changes, and
    /// where it points.
    fn update_tooltip(&self) {
        let mut s = self.state.borrow_mut();
        let shown = s.hover.or(s.focus).map(|u| (u, s.gestures.touch()));
        let tip = &self.parts.tip;
        if shown != s.said_for {
            s.said_for = shown;
            let said = shown.and_then(|(u, touch)| {
                let r = s.spec.regions.get(u)?;
                tooltip(r, s.spec.map.as_ref()?, s.spec.lang, touch)
            });
            let texts = said.as_ref().map_or([None; 7], |t| {
                [
                    Some(t.name.as_str()),
                    t.detail.as_deref(),
                    t.part,
                    Some(t.value.as_str()),
                    t.rank.as_deref(),
                    t.lineage.as_deref(),
                    t.hint,
                ]
            });
            for (line, text) in self.parts.lines.iter().zip(texts) {
                if let Some(node) = line.first_child() {
                    node.set_node_value(Some(text.unwrap_or_default()));
                }
                set_flag(line, "hidden", text.is_none());
            }
            set_flag(tip, "hidden", said.is_none());
            s.said = said.is_some();
        }
        if s.said {
            let (x, y) = s.pointer;
            let _ = tip.set_attribute("style", &tooltip_css(x, y + 12.0, s.width));
        }
    }
}

/// Shows the zoom after `change`, from the one shown; whether it changed.
fn change_zoom(s: &mut State, change: ZoomChange) -> bool {
    let shown = s.shown();
    let next = s.layout.as_ref().map(|l| l.fitted.apply(shown, change));
    match next.filter(|n| *n != shown) {
        Some(next) => {
            s.live = Some(next);
            true
        }
        None => false,
    }
}

/// Puts `value` in `slot`; whether it was another.
fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    let changed = *slot != value;
    *slot = value;
    changed
}

/// Keeps `timer` in `slot`, clearing the one it held.
fn replace_timer(slot: &mut Option<i32>, timer: Option<i32>) {
    if let Some(old) = slot.take() {
        browser::clear_timeout(old);
    }
    *slot = timer;
}
