//! The map's DOM events turned into the inputs of the gesture machine
//! (`tien_do_core::gesture`), and its commands carried out on the map's
//! signals: what is highlighted, where the tooltip is, the zoom shown.

use crate::lean::input::input_of;
use leptos::html;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;
use tien_do_core::boundaries::{MapLayout, Region};
use tien_do_core::gesture::{Command, Gestures, Input, MapPlaces};
use tien_do_core::zoom::{MapZoom, ZoomChange};
use web_sys::Event;

/// The timers of the wheel and of the hint.
#[derive(Default)]
struct Timers {
    /// Commits the zoom when the wheel has been still for a moment.
    wheel: Option<TimeoutHandle>,
    /// Hides the "hold Ctrl to zoom" hint.
    hint: Option<TimeoutHandle>,
}

/// What the map's inputs change, and the machine that decides how.
#[derive(Clone, Copy)]
pub struct MapControl {
    /// The unit under the pointer (or tapped once).
    pub hover: RwSignal<Option<usize>>,
    /// The unit the arrow keys reached.
    pub focus: RwSignal<Option<usize>>,
    /// Where the tooltip goes.
    pub pointer: RwSignal<(f64, f64)>,
    /// The "hold Ctrl to zoom" hint is shown.
    pub hint: RwSignal<bool>,
    /// The zoom a gesture in progress is at, not yet in the link.
    live: RwSignal<Option<Option<MapZoom>>>,
    /// The zoom shown: the link's, or the live one.
    pub shown: Memo<Option<MapZoom>>,
    layout: Memo<Option<MapLayout>>,
    regions: StoredValue<Arc<Vec<Region>>>,
    selected: Signal<Option<String>>,
    canvas: NodeRef<html::Canvas>,
    on_open: Callback<String>,
    on_zoom: Callback<Option<MapZoom>>,
    gestures: StoredValue<Gestures, LocalStorage>,
    timers: StoredValue<Timers, LocalStorage>,
}

impl MapControl {
    /// The control of a map of `regions` whose layout (at the zoom shown)
    /// `layout_at` computes; `zoom` is the link's zoom.
    pub fn new(
        regions: Arc<Vec<Region>>,
        layout_at: impl Fn(Option<MapZoom>) -> Option<MapLayout> + Send + Sync + 'static,
        (zoom, on_zoom): (Signal<Option<MapZoom>>, Callback<Option<MapZoom>>),
        (selected, on_open): (Signal<Option<String>>, Callback<String>),
        canvas: NodeRef<html::Canvas>,
    ) -> MapControl {
        let live = RwSignal::new(None::<Option<MapZoom>>);
        let shown = Memo::new(move |_| live.get().unwrap_or_else(|| zoom.get()));
        MapControl {
            hover: RwSignal::new(None),
            focus: RwSignal::new(None),
            pointer: RwSignal::new((0.0, 0.0)),
            hint: RwSignal::new(false),
            live,
            shown,
            layout: Memo::new(move |_| layout_at(shown.get())),
            regions: StoredValue::new(regions),
            selected,
            canvas,
            on_open,
            on_zoom,
            gestures: StoredValue::new_local(Gestures::default()),
            timers: StoredValue::new_local(Timers::default()),
        }
    }

    /// The map's layout at the zoom shown (`None` before it has a width).
    pub fn layout(&self) -> Memo<Option<MapLayout>> {
        self.layout
    }

    /// Whether the last gesture was by touch (read when the tooltip is
    /// drawn, not tracked).
    pub fn touch(&self) -> bool {
        self.gestures
            .try_with_value(Gestures::touch)
            .unwrap_or(false)
    }

    /// Handles an event on the canvas. Events may come after the map is
    /// gone (a blur when the page it opened replaces it): they do nothing.
    pub fn event(&self, ev: &Event) {
        let Some(canvas) = self.canvas.try_get_untracked().flatten() else {
            return;
        };
        if let Some(input) = input_of(ev, &canvas) {
            self.input(input, Some(ev));
        }
    }

    /// Handles an input (`ev`: the event it came from, if any).
    pub fn input(&self, input: Input, ev: Option<&Event>) {
        let commands = self.layout.try_with_untracked(|layout| {
            let layout = layout.as_ref()?;
            let zoomed = self.shown.try_get_untracked()?.is_some();
            self.regions
                .try_with_value(|regions| {
                    self.selected.try_with_untracked(|selected| {
                        let places = MapPlaces {
                            regions,
                            layout,
                            selected: selected.as_deref(),
                            zoomed,
                        };
                        self.gestures.try_update_value(|g| g.handle(input, &places))
                    })
                })
                .flatten()
                .flatten()
        });
        // Opening a unit leaves the page, which disposes the map and its
        // signals at once: it goes last, and nothing is done after it.
        let (open, rest): (Vec<Command>, Vec<Command>) = commands
            .flatten()
            .unwrap_or_default()
            .into_iter()
            .partition(|c| matches!(c, Command::Open(_)));
        for command in rest.into_iter().chain(open.into_iter().take(1)) {
            self.apply(command, ev);
        }
    }

    fn apply(&self, command: Command, ev: Option<&Event>) {
        match command {
            Command::Hover(unit) => {
                let _ = self.hover.try_set(unit);
            }
            Command::Focus(unit) => {
                let _ = self.focus.try_set(unit);
            }
            Command::Tooltip { x, y } => {
                let _ = self.pointer.try_set((x, y));
            }
            Command::Open(i) => {
                let code = self
                    .regions
                    .try_with_value(|r| r.get(i).map(|r| r.code.clone()));
                if let Some(code) = code.flatten() {
                    self.on_open.run(code);
                }
            }
            Command::Zoom(change) => self.change(change),
            Command::Commit => self.commit(),
            Command::CommitSoon => {
                let this = *self;
                let timer =
                    set_timeout_with_handle(move || this.commit(), Duration::from_millis(300));
                self.timers.try_update_value(|t| {
                    if let Some(old) = t.wheel.take() {
                        old.clear();
                    }
                    t.wheel = timer.ok();
                });
            }
            Command::Hint(false) => {
                let _ = self.hint.try_set(false);
            }
            Command::Hint(true) => {
                let hint = self.hint;
                let _ = hint.try_set(true);
                let timer = set_timeout_with_handle(
                    move || {
                        let _ = hint.try_set(false);
                    },
                    Duration::from_secs(2),
                );
                self.timers.try_update_value(|t| {
                    if let Some(old) = t.hint.take() {
                        old.clear();
                    }
                    t.hint = timer.ok();
                });
            }
            Command::Capture(id) => {
                if let Some(c) = self.canvas.try_get_untracked().flatten() {
                    let _ = c.set_pointer_capture(id);
                }
            }
            Command::PreventDefault => {
                if let Some(ev) = ev {
                    ev.prevent_default();
                }
            }
        }
    }

    /// Shows the zoom after `change`, from the one shown.
    fn change(&self, change: ZoomChange) {
        let Some(shown) = self.shown.try_get_untracked() else {
            return;
        };
        let next = self
            .layout
            .try_with_untracked(|l| l.as_ref().map(|l| l.fitted.apply(shown, change)))
            .flatten();
        if let Some(next) = next.filter(|n| *n != shown) {
            let _ = self.live.try_set(Some(next));
        }
    }

    /// Writes the zoom shown to the link, if a gesture changed it (not
    /// once the map is gone, when the wheel's timer may still fire).
    fn commit(&self) {
        if let Some(Some(z)) = self.live.try_get_untracked() {
            let _ = self.live.try_set(None);
            self.on_zoom.run(z);
        }
    }
}
