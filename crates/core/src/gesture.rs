//! What the reader does to the map, as a pure state machine: pointer,
//! wheel, key and button inputs in; commands out (show a unit, open it,
//! zoom, pan, commit the zoom to the link, show the "hold Ctrl" hint…).
//! The page only turns DOM events into [`Input`]s and carries out the
//! [`Command`]s; what a tap, a drag, a pinch or a key means is decided here.
//!
//! - A press that travels at most [`DRAG_THRESHOLD`] pixels is a tap or a
//!   click; further, a drag, which pans the zoomed map.
//! - By mouse, a click opens the unit. By touch (or pen), a first tap shows
//!   the unit's tooltip and a second tap on it opens it; the tap is handled
//!   when the finger lifts, and the click the browser may send after it is
//!   ignored.
//! - Two fingers pinch: zoom by how far apart they moved, about their
//!   midpoint, following it.
//! - Ctrl (or ⌘) + wheel zooms about the pointer; a plain wheel zooms only
//!   once zoomed, and otherwise scrolls the page and shows the hint.
//! - Keys: + and − zoom about the centre, 0 shows the whole country,
//!   Shift + arrows pan, arrows move between neighbouring units, Enter (or
//!   Space) opens the focused one, Escape leaves it.

use crate::boundaries::{anchor, neighbour, Direction, MapLayout, Part, Region};
use crate::zoom::ZoomChange;

/// Pointer travel (CSS pixels) beyond which a press is a drag, not a tap.
pub const DRAG_THRESHOLD: f64 = 6.0;
/// Zoom factor of one button or key press.
pub const STEP: f64 = 1.5;
/// Pan of one Shift + arrow key press, in CSS pixels.
pub const PAN_STEP: f64 = 80.0;

/// A key that does something on the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    ZoomIn,
    ZoomOut,
    /// Back to the whole country.
    Reset,
    Arrow(Direction),
    /// Enter or Space.
    Open,
    Escape,
}

impl Key {
    /// The key of a DOM `KeyboardEvent.key`, if it does something.
    pub fn from_dom(key: &str) -> Option<Key> {
        Some(match key {
            "+" | "=" => Key::ZoomIn,
            "-" | "_" => Key::ZoomOut,
            "0" => Key::Reset,
            "ArrowUp" => Key::Arrow(Direction::Up),
            "ArrowDown" => Key::Arrow(Direction::Down),
            "ArrowLeft" => Key::Arrow(Direction::Left),
            "ArrowRight" => Key::Arrow(Direction::Right),
            "Enter" | " " => Key::Open,
            "Escape" => Key::Escape,
            _ => return None,
        })
    }
}

/// The zoom buttons beside the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Button {
    ZoomIn,
    ZoomOut,
    Reset,
}

/// Something the reader did, positions in CSS pixels from the map's
/// top-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input {
    /// A pointer went down: a mouse button (`button`, 0 the main one), or a
    /// finger or pen (`touch`). `primary`: the first of a gesture.
    Down {
        id: i32,
        x: f64,
        y: f64,
        touch: bool,
        primary: bool,
        button: i16,
    },
    /// A pointer moved (with or without a button down).
    Move {
        id: i32,
        x: f64,
        y: f64,
        touch: bool,
    },
    /// A pointer went up, or the browser cancelled it (`cancelled`).
    Up {
        id: i32,
        x: f64,
        y: f64,
        cancelled: bool,
    },
    /// A pointer left the map.
    Leave { touch: bool },
    /// The browser's click, after a press and release.
    Click { x: f64, y: f64 },
    /// The wheel turned by `delta_y` in `delta_mode` units (0 pixels,
    /// 1 lines, 2 pages), Ctrl or ⌘ held or not.
    Wheel {
        x: f64,
        y: f64,
        delta_y: f64,
        delta_mode: u32,
        ctrl: bool,
    },
    /// A key pressed on the map.
    Key { key: Key, shift: bool },
    /// A zoom button pressed.
    Button(Button),
    /// The map lost the keyboard focus.
    Blur,
}

/// What the page does in answer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Command {
    /// Highlight the unit (an index in the regions) under the pointer, or
    /// none, and show its tooltip.
    Hover(Option<usize>),
    /// Move the keyboard focus to a unit, or drop it.
    Focus(Option<usize>),
    /// Put the tooltip at (`x`, `y`).
    Tooltip { x: f64, y: f64 },
    /// Open the unit's page.
    Open(usize),
    /// Change the zoom shown (not yet in the link).
    Zoom(ZoomChange),
    /// Write the zoom shown to the link: the gesture ended.
    Commit,
    /// Write it once the wheel has been still for a moment.
    CommitSoon,
    /// Show (for a moment) or hide the "hold Ctrl to zoom" hint.
    Hint(bool),
    /// Send the pointer's further events to the map, wherever it goes.
    Capture(i32),
    /// Keep the browser from acting on the event (scrolling, zooming the
    /// page).
    PreventDefault,
}

/// What the machine asks of the map: which unit is where.
pub trait Places {
    /// The unit drawn at (`x`, `y`), if any.
    fn unit_at(&self, x: f64, y: f64) -> Option<usize>;
    /// Where the arrow keys start when no unit has the focus.
    fn first(&self) -> Option<usize>;
    /// The unit to move to from `from` in direction `dir`.
    fn neighbour(&self, from: usize, dir: Direction) -> Option<usize>;
    /// Where a unit's tooltip goes when the keyboard reaches it.
    fn anchor(&self, unit: usize) -> Option<(f64, f64)>;
    /// The centre of the map, which buttons and keys zoom about.
    fn centre(&self) -> (f64, f64);
    /// Whether the map is zoomed in.
    fn zoomed(&self) -> bool;
}

/// The map as drawn: its regions, placed by `layout`.
#[derive(Clone, Copy, Debug)]
pub struct MapPlaces<'a> {
    pub regions: &'a [Region],
    pub layout: &'a MapLayout,
    /// The selected unit's code, where the arrow keys start.
    pub selected: Option<&'a str>,
    pub zoomed: bool,
}

impl Places for MapPlaces<'_> {
    fn unit_at(&self, x: f64, y: f64) -> Option<usize> {
        self.layout.locate(self.regions, x, y)
    }

    /// The selected unit (else Hà Nội, "01"), else the first on the
    /// mainland.
    fn first(&self) -> Option<usize> {
        let code = self.selected.unwrap_or("01");
        let mainland = |r: &Region| r.part == Part::Mainland;
        self.regions
            .iter()
            .position(|r| r.code == code && mainland(r))
            .or_else(|| self.regions.iter().position(mainland))
    }

    fn neighbour(&self, from: usize, dir: Direction) -> Option<usize> {
        neighbour(self.regions, from, dir)
    }

    fn anchor(&self, unit: usize) -> Option<(f64, f64)> {
        let r = self.regions.get(unit)?;
        let (lon, lat) = anchor(r);
        Some(self.layout.projection_of(r).project(lon, lat))
    }

    fn centre(&self) -> (f64, f64) {
        (
            self.layout.fitted.width / 2.0,
            self.layout.fitted.height / 2.0,
        )
    }

    fn zoomed(&self) -> bool {
        self.zoomed
    }
}

/// The gesture in progress and what is highlighted: plain state, kept
/// between inputs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gestures {
    /// The pointers down: id and last position.
    pointers: Vec<(i32, f64, f64)>,
    /// Distance travelled since the first pointer went down.
    travelled: f64,
    /// The gesture is by touch or pen.
    touch: bool,
    /// More than one finger took part (a pinch, not a tap).
    multi: bool,
    /// The tap was handled when the finger lifted: the click the browser
    /// may send after it must not act again.
    tapped: bool,
    hover: Option<usize>,
    focus: Option<usize>,
}

impl Gestures {
    /// Whether the last gesture was by touch (the tooltip then says "tap
    /// again to open").
    pub fn touch(&self) -> bool {
        self.touch
    }

    /// The unit under the pointer (or tapped once).
    pub fn hover(&self) -> Option<usize> {
        self.hover
    }

    /// The unit the arrow keys reached.
    pub fn focus(&self) -> Option<usize> {
        self.focus
    }

    /// What to do about `input`.
    pub fn handle(&mut self, input: Input, places: &impl Places) -> Vec<Command> {
        let mut out = Vec::new();
        match input {
            Input::Down {
                id,
                x,
                y,
                touch,
                primary,
                button,
            } => {
                if !touch && button != 0 {
                    return out;
                }
                // A primary pointer starts a new gesture: anything left of
                // the last one (a finger whose pointerup never came, after
                // a pinch) must not count its travel against this press, or
                // a tap after a pinch would be taken for a drag.
                if primary {
                    self.pointers.clear();
                }
                if self.pointers.is_empty() {
                    self.travelled = 0.0;
                    self.multi = false;
                    self.tapped = false;
                }
                self.touch = touch;
                self.pointers.retain(|p| p.0 != id);
                self.pointers.push((id, x, y));
                self.multi |= self.pointers.len() > 1;
                out.push(Command::Capture(id));
            }
            Input::Move { id, x, y, touch } => {
                let Some(k) = self.pointers.iter().position(|p| p.0 == id) else {
                    // Hovering: no button or finger down.
                    if !touch {
                        out.push(Command::Tooltip { x, y });
                        self.hover_on(places.unit_at(x, y), &mut out);
                    }
                    return out;
                };
                let (_, x0, y0) = self.pointers[k];
                self.pointers[k] = (id, x, y);
                self.travelled += (x - x0).hypot(y - y0);
                let other = self.pointers.iter().find(|p| p.0 != id).copied();
                match other {
                    // Two fingers: zoom by how far apart they moved, about
                    // their midpoint, and follow the midpoint.
                    Some((_, ox, oy)) if self.pointers.len() == 2 => {
                        let before = (x0 - ox).hypot(y0 - oy).max(1.0);
                        let after = (x - ox).hypot(y - oy).max(1.0);
                        out.push(Command::Zoom(ZoomChange::By {
                            factor: after / before,
                            x: (x + ox) / 2.0,
                            y: (y + oy) / 2.0,
                        }));
                        out.push(Command::Zoom(ZoomChange::Pan {
                            dx: (x - x0) / 2.0,
                            dy: (y - y0) / 2.0,
                        }));
                    }
                    // One finger or the mouse button: drag the zoomed map.
                    _ if self.travelled > DRAG_THRESHOLD => {
                        self.hover_on(None, &mut out);
                        out.push(Command::Zoom(ZoomChange::Pan {
                            dx: x - x0,
                            dy: y - y0,
                        }));
                    }
                    _ => {}
                }
            }
            Input::Up {
                id,
                x,
                y,
                cancelled,
            } => {
                let known = self.pointers.iter().any(|p| p.0 == id);
                self.pointers.retain(|p| p.0 != id);
                let done = self.pointers.is_empty();
                let tap = done
                    && known
                    && self.touch
                    && !self.multi
                    && self.travelled <= DRAG_THRESHOLD
                    && !cancelled;
                self.tapped |= tap;
                if done {
                    out.push(Command::Commit);
                }
                // Touch taps are handled here, not on the click the browser
                // may or may not send after them (after a pinch, under
                // load, Chrome sometimes sends none).
                if tap {
                    self.activate(x, y, places, &mut out);
                }
            }
            Input::Leave { touch } => {
                if !touch {
                    self.hover_on(None, &mut out);
                }
            }
            Input::Click { x, y } => {
                if !(self.travelled > DRAG_THRESHOLD || (self.touch && self.tapped)) {
                    self.activate(x, y, places, &mut out);
                }
            }
            Input::Wheel {
                x,
                y,
                delta_y,
                delta_mode,
                ctrl,
            } => {
                if !(ctrl || places.zoomed()) {
                    // Let the page scroll; say how to zoom.
                    out.push(Command::Hint(true));
                    return out;
                }
                let unit = match delta_mode {
                    1 => 16.0,
                    2 => 400.0,
                    _ => 1.0,
                };
                let factor = (-delta_y * unit * 0.002).exp().clamp(0.5, 2.0);
                out.extend([
                    Command::PreventDefault,
                    Command::Hint(false),
                    Command::Zoom(ZoomChange::By { factor, x, y }),
                    Command::CommitSoon,
                ]);
            }
            Input::Key { key, shift } => self.key(key, shift, places, &mut out),
            Input::Button(b) => {
                let change = match b {
                    Button::ZoomIn => zoom_about(places.centre(), STEP),
                    Button::ZoomOut => zoom_about(places.centre(), 1.0 / STEP),
                    Button::Reset => ZoomChange::Reset,
                };
                out.extend([Command::Zoom(change), Command::Commit]);
            }
            Input::Blur => self.focus_on(None, &mut out),
        }
        out
    }

    fn key(&mut self, key: Key, shift: bool, places: &impl Places, out: &mut Vec<Command>) {
        let step = |change: ZoomChange| [Command::Zoom(change), Command::Commit];
        match key {
            Key::ZoomIn => {
                out.push(Command::PreventDefault);
                out.extend(step(zoom_about(places.centre(), STEP)));
            }
            Key::ZoomOut => {
                out.push(Command::PreventDefault);
                out.extend(step(zoom_about(places.centre(), 1.0 / STEP)));
            }
            Key::Reset => out.extend(step(ZoomChange::Reset)),
            Key::Open => {
                if let Some(i) = self.focus {
                    out.extend([Command::PreventDefault, Command::Open(i)]);
                }
            }
            Key::Escape => self.focus_on(None, out),
            Key::Arrow(dir) if shift => {
                let (dx, dy) = match dir {
                    Direction::Up => (0.0, PAN_STEP),
                    Direction::Down => (0.0, -PAN_STEP),
                    Direction::Left => (PAN_STEP, 0.0),
                    Direction::Right => (-PAN_STEP, 0.0),
                };
                out.push(Command::PreventDefault);
                out.extend(step(ZoomChange::Pan { dx, dy }));
            }
            Key::Arrow(dir) => {
                out.push(Command::PreventDefault);
                // The first arrow shows where the keys start; the next
                // move on, or stay at the edge of the map.
                let next = match self.focus {
                    Some(i) => places.neighbour(i, dir).or(Some(i)),
                    None => places.first(),
                };
                self.hover_on(None, out);
                self.focus_on(next, out);
                if let Some((x, y)) = next.and_then(|i| places.anchor(i)) {
                    out.push(Command::Tooltip { x, y });
                }
            }
        }
    }

    /// A tap or click at (`x`, `y`): by touch, a first tap on a unit shows
    /// it and a second opens it; by mouse, a click opens it. Off the units,
    /// nothing is shown.
    fn activate(&mut self, x: f64, y: f64, places: &impl Places, out: &mut Vec<Command>) {
        match places.unit_at(x, y) {
            None => self.hover_on(None, out),
            Some(i) if self.touch && self.hover != Some(i) => {
                out.push(Command::Tooltip { x, y });
                self.hover_on(Some(i), out);
            }
            Some(i) => out.push(Command::Open(i)),
        }
    }

    fn hover_on(&mut self, unit: Option<usize>, out: &mut Vec<Command>) {
        if self.hover != unit {
            self.hover = unit;
            out.push(Command::Hover(unit));
        }
    }

    fn focus_on(&mut self, unit: Option<usize>, out: &mut Vec<Command>) {
        if self.focus != unit {
            self.focus = unit;
            out.push(Command::Focus(unit));
        }
    }
}

fn zoom_about((x, y): (f64, f64), factor: f64) -> ZoomChange {
    ZoomChange::By { factor, x, y }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zoom::{Fitted, MapZoom};
    use geo::coord;

    /// A map of four units in a 2 x 2 grid of 100-pixel squares on a
    /// 200 x 300 map: 0 1 / 2 3; below y = 200, the sea.
    struct Grid {
        zoomed: bool,
    }

    impl Places for Grid {
        fn unit_at(&self, x: f64, y: f64) -> Option<usize> {
            ((0.0..200.0).contains(&x) && (0.0..200.0).contains(&y))
                .then(|| (y / 100.0) as usize * 2 + (x / 100.0) as usize)
        }
        fn first(&self) -> Option<usize> {
            Some(0)
        }
        fn neighbour(&self, from: usize, dir: Direction) -> Option<usize> {
            let (row, col) = (from / 2, from % 2);
            let (row, col) = match dir {
                Direction::Up => (row.checked_sub(1)?, col),
                Direction::Down => (row + 1, col),
                Direction::Left => (row, col.checked_sub(1)?),
                Direction::Right => (row, col + 1),
            };
            (row < 2 && col < 2).then_some(row * 2 + col)
        }
        fn anchor(&self, unit: usize) -> Option<(f64, f64)> {
            Some((
                (unit % 2) as f64 * 100.0 + 50.0,
                (unit / 2) as f64 * 100.0 + 50.0,
            ))
        }
        fn centre(&self) -> (f64, f64) {
            (100.0, 150.0)
        }
        fn zoomed(&self) -> bool {
            self.zoomed
        }
    }

    const FLAT: Grid = Grid { zoomed: false };
    const ZOOMED: Grid = Grid { zoomed: true };

    fn down(id: i32, (x, y): (f64, f64), touch: bool) -> Input {
        Input::Down {
            id,
            x,
            y,
            touch,
            primary: id == 1,
            button: 0,
        }
    }
    fn moved(id: i32, (x, y): (f64, f64), touch: bool) -> Input {
        Input::Move { id, x, y, touch }
    }
    fn up(id: i32, (x, y): (f64, f64)) -> Input {
        Input::Up {
            id,
            x,
            y,
            cancelled: false,
        }
    }
    fn key(k: &str, shift: bool) -> Input {
        Input::Key {
            key: Key::from_dom(k).unwrap_or_else(|| panic!("{k} does something")),
            shift,
        }
    }
    fn opened(out: &[Command]) -> Option<usize> {
        out.iter().find_map(|c| match c {
            Command::Open(i) => Some(*i),
            _ => None,
        })
    }
    fn zooms(out: &[Command]) -> Vec<ZoomChange> {
        out.iter()
            .filter_map(|c| match c {
                Command::Zoom(z) => Some(*z),
                _ => None,
            })
            .collect()
    }
    /// A tap by finger 1 at `p`: down, up, and the click Chrome may send.
    fn tap(g: &mut Gestures, p: (f64, f64), places: &Grid) -> Vec<Command> {
        let mut out = g.handle(down(1, p, true), places);
        out.extend(g.handle(up(1, p), places));
        out.extend(g.handle(Input::Click { x: p.0, y: p.1 }, places));
        out
    }

    /// Guards the zoom keys: + and − zoom by one step about the centre and
    /// commit at once; 0 resets; all without focus on a unit.
    #[test]
    fn plus_minus_and_zero_keys_zoom_about_the_centre_and_commit() {
        let mut g = Gestures::default();
        for (k, factor) in [
            ("+", STEP),
            ("=", STEP),
            ("-", 1.0 / STEP),
            ("_", 1.0 / STEP),
        ] {
            let out = g.handle(key(k, false), &FLAT);
            assert_eq!(
                out,
                [
                    Command::PreventDefault,
                    Command::Zoom(ZoomChange::By {
                        factor,
                        x: 100.0,
                        y: 150.0
                    }),
                    Command::Commit
                ],
                "{k}"
            );
        }
        assert_eq!(
            g.handle(key("0", false), &ZOOMED),
            [Command::Zoom(ZoomChange::Reset), Command::Commit]
        );
        assert_eq!(Key::from_dom("x"), None);
        assert_eq!(Key::from_dom("1"), None);
        // The buttons do as the keys.
        for (b, k) in [
            (Button::ZoomIn, "+"),
            (Button::ZoomOut, "-"),
            (Button::Reset, "0"),
        ] {
            let pressed = g.handle(Input::Button(b), &FLAT);
            let typed = g.handle(key(k, false), &FLAT);
            assert_eq!(zooms(&pressed), zooms(&typed), "{b:?}");
            assert_eq!(pressed.last(), Some(&Command::Commit));
        }
        assert_eq!(g.focus(), None, "zoom keys move no focus");
    }

    /// Guards Shift + arrows: each pans one step the way the arrow points
    /// (the map moves so that what lies that way comes into view) and
    /// commits; the focus stays where it was.
    #[test]
    fn shift_arrows_pan_by_one_step_and_commit() {
        let mut g = Gestures::default();
        for (k, dx, dy) in [
            ("ArrowUp", 0.0, PAN_STEP),
            ("ArrowDown", 0.0, -PAN_STEP),
            ("ArrowLeft", PAN_STEP, 0.0),
            ("ArrowRight", -PAN_STEP, 0.0),
        ] {
            assert_eq!(
                g.handle(key(k, true), &ZOOMED),
                [
                    Command::PreventDefault,
                    Command::Zoom(ZoomChange::Pan { dx, dy }),
                    Command::Commit
                ],
                "{k}"
            );
        }
        assert_eq!(g.focus(), None);
        // Panned the real way: Shift + Up shows what lies north.
        let f = Fitted {
            scale: 40.0,
            k: 0.95,
            width: 400.0,
            height: 600.0,
            centre: (106.0, 16.0),
            bounds: geo::Rect::new(coord! { x: 102.0, y: 8.5 }, coord! { x: 110.0, y: 23.5 }),
        };
        let z = MapZoom::new(2.0, 106.0, 16.0);
        let north = zooms(&g.handle(key("ArrowUp", true), &ZOOMED))[0];
        assert!(f.apply(z, north).unwrap().lat() > 16.0);
    }

    /// Guards the arrow keys: the first shows where they start, the next
    /// move to the neighbour that way (staying at the edge), each with the
    /// tooltip at the unit; Enter opens the focused unit, Escape and blur
    /// leave it, and Enter then does nothing.
    #[test]
    fn arrows_move_between_neighbours_enter_opens_escape_leaves() {
        let mut g = Gestures::default();
        assert_eq!(g.handle(key("Enter", false), &FLAT), [], "nothing focused");
        let out = g.handle(key("ArrowDown", false), &FLAT);
        assert_eq!(
            out,
            [
                Command::PreventDefault,
                Command::Focus(Some(0)),
                Command::Tooltip { x: 50.0, y: 50.0 }
            ]
        );
        g.handle(key("ArrowDown", false), &FLAT);
        assert_eq!(g.focus(), Some(2));
        g.handle(key("ArrowRight", false), &FLAT);
        assert_eq!(g.focus(), Some(3));
        let edge = g.handle(key("ArrowRight", false), &FLAT);
        assert_eq!(g.focus(), Some(3), "the edge of the map");
        assert!(edge.contains(&Command::Tooltip { x: 150.0, y: 150.0 }));
        assert_eq!(
            g.handle(key("Enter", false), &FLAT),
            [Command::PreventDefault, Command::Open(3)]
        );
        assert_eq!(opened(&g.handle(key(" ", false), &FLAT)), Some(3));
        assert_eq!(
            g.handle(key("Escape", false), &FLAT),
            [Command::Focus(None)]
        );
        assert_eq!(g.handle(key("Enter", false), &FLAT), []);
        g.handle(key("ArrowUp", false), &FLAT);
        assert_eq!(g.handle(Input::Blur, &FLAT), [Command::Focus(None)]);
        // An arrow drops the mouse's highlight: the keys lead.
        g.handle(moved(9, (150.0, 50.0), false), &FLAT);
        assert_eq!(g.hover(), Some(1));
        let out = g.handle(key("ArrowLeft", false), &FLAT);
        assert!(out.contains(&Command::Hover(None)), "{out:?}");
    }

    /// Guards the arrows on the real map: they start at the selected
    /// province (else Hà Nội) and reach its neighbours, the tooltip at each.
    #[test]
    fn arrows_on_the_34_start_at_the_selected_province() {
        let path = format!(
            "{}/../../public/geo/vn-provinces-2025.topo.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let regions =
            crate::boundaries::decode(&std::fs::read_to_string(path).unwrap(), "provinces")
                .unwrap();
        let layout = MapLayout::new(&regions, 400.0, 580.0, None).unwrap();
        let at = |code: &str| regions.iter().position(|r| r.code == code).unwrap();
        let first_mainland = regions.iter().position(|r| r.part == Part::Mainland);
        for (selected, start) in [
            (None, Some(at("01"))),
            (Some("79"), Some(at("79"))),
            (Some("nope"), first_mainland),
        ] {
            let places = MapPlaces {
                regions: &regions,
                layout: &layout,
                selected,
                zoomed: false,
            };
            let mut g = Gestures::default();
            let out = g.handle(key("ArrowDown", false), &places);
            assert_eq!(g.focus(), start, "{selected:?}");
            let Some(Command::Tooltip { x, y }) = out.last().copied() else {
                panic!("{out:?}")
            };
            assert_eq!(places.unit_at(x, y), start, "the tooltip on it");
            g.handle(key("ArrowDown", false), &places);
            assert_ne!(g.focus(), start, "moved south");
        }
    }

    /// Guards tap against drag: a press that travels up to the threshold
    /// is a tap; further, a drag that pans and opens nothing, neither on
    /// lifting nor on the click that follows.
    #[test]
    fn a_short_press_taps_and_a_longer_one_drags() {
        let mut g = Gestures::default();
        let p = (50.0, 50.0);
        let mut out = g.handle(down(1, p, true), &FLAT);
        assert_eq!(out, [Command::Capture(1)]);
        out = g.handle(moved(1, (50.0 + DRAG_THRESHOLD, 50.0), true), &FLAT);
        assert_eq!(out, [], "within the threshold: still a tap");
        out = g.handle(up(1, (50.0 + DRAG_THRESHOLD, 50.0)), &FLAT);
        assert!(out.contains(&Command::Hover(Some(0))), "{out:?}");

        let mut g = Gestures::default();
        g.handle(down(1, p, false), &ZOOMED);
        g.handle(moved(1, (54.0, 50.0), false), &ZOOMED);
        out = g.handle(moved(1, (58.0, 53.0), false), &ZOOMED);
        assert_eq!(zooms(&out), [ZoomChange::Pan { dx: 4.0, dy: 3.0 }]);
        out = g.handle(up(1, (58.0, 53.0)), &ZOOMED);
        assert_eq!(out, [Command::Commit], "the drag's zoom goes to the link");
        out = g.handle(Input::Click { x: 58.0, y: 53.0 }, &ZOOMED);
        assert_eq!(out, [], "a drag's click opens nothing");

        // By finger too; and a cancelled press taps nothing.
        let mut g = Gestures::default();
        g.handle(down(1, p, true), &ZOOMED);
        g.handle(moved(1, (80.0, 50.0), true), &ZOOMED);
        assert_eq!(g.handle(up(1, (80.0, 50.0)), &ZOOMED), [Command::Commit]);
        let mut g = Gestures::default();
        g.handle(down(1, p, true), &FLAT);
        let cancelled = Input::Up {
            id: 1,
            x: 50.0,
            y: 50.0,
            cancelled: true,
        };
        assert_eq!(g.handle(cancelled, &FLAT), [Command::Commit]);
    }

    /// Guards touch: a first tap shows the unit (the tooltip at the
    /// finger), the click after it does not act again, a second tap on the
    /// same unit opens it; a tap on another unit shows that one; a tap on
    /// the sea hides the tooltip.
    #[test]
    fn a_second_tap_on_the_same_unit_opens_it() {
        let mut g = Gestures::default();
        let out = tap(&mut g, (150.0, 50.0), &FLAT);
        assert_eq!(
            out,
            [
                Command::Capture(1),
                Command::Commit,
                Command::Tooltip { x: 150.0, y: 50.0 },
                Command::Hover(Some(1)),
            ],
            "shown, not opened; the click after the tap is ignored"
        );
        assert!(g.touch());
        let out = tap(&mut g, (60.0, 150.0), &FLAT);
        assert_eq!(opened(&out), None);
        assert_eq!(g.hover(), Some(2), "another unit: shown");
        let out = tap(&mut g, (70.0, 160.0), &FLAT);
        assert_eq!(opened(&out), Some(2), "the same unit again: opened");
        let out = tap(&mut g, (50.0, 250.0), &FLAT);
        assert_eq!(out.last(), Some(&Command::Hover(None)), "the sea");
        // Without the click (Chrome sometimes sends none), the same.
        let mut g = Gestures::default();
        for _ in 0..2 {
            g.handle(down(1, (10.0, 10.0), true), &FLAT);
            let out = g.handle(up(1, (10.0, 10.0)), &FLAT);
            if g.hover() == Some(0) && opened(&out).is_some() {
                return;
            }
        }
        panic!("two taps without clicks did not open");
    }

    /// Guards the mouse: hover follows the pointer (the tooltip with it),
    /// leaving hides it, and a click opens the unit at once.
    #[test]
    fn mouse_hover_shows_and_a_click_opens_at_once() {
        let mut g = Gestures::default();
        assert_eq!(
            g.handle(moved(7, (150.0, 150.0), false), &FLAT),
            [
                Command::Tooltip { x: 150.0, y: 150.0 },
                Command::Hover(Some(3))
            ]
        );
        assert_eq!(
            g.handle(moved(7, (160.0, 150.0), false), &FLAT),
            [Command::Tooltip { x: 160.0, y: 150.0 }],
            "the same unit: no redraw"
        );
        assert_eq!(
            g.handle(moved(8, (5.0, 5.0), true), &FLAT),
            [],
            "a finger does not hover"
        );
        assert_eq!(
            g.handle(Input::Leave { touch: false }, &FLAT),
            [Command::Hover(None)]
        );
        g.handle(down(7, (150.0, 50.0), false), &FLAT);
        g.handle(up(7, (150.0, 50.0)), &FLAT);
        let out = g.handle(Input::Click { x: 150.0, y: 50.0 }, &FLAT);
        assert_eq!(out, [Command::Open(1)]);
        // Only the main button presses.
        let right = Input::Down {
            id: 7,
            x: 0.0,
            y: 0.0,
            touch: false,
            primary: true,
            button: 2,
        };
        assert_eq!(g.handle(right, &FLAT), []);
    }

    /// Guards the pinch: two fingers spreading zoom about their midpoint
    /// by how far apart they moved (three times apart: level 3 from the
    /// whole country), commit when both have lifted, and tap nothing;
    /// a tap after a pinch whose second pointerup never came still taps.
    #[test]
    fn a_pinch_zooms_about_the_midpoint_and_taps_nothing() {
        let f = Fitted {
            scale: 40.0,
            k: 0.95,
            width: 200.0,
            height: 300.0,
            centre: (106.0, 16.0),
            bounds: geo::Rect::new(coord! { x: 102.0, y: 8.5 }, coord! { x: 110.0, y: 23.5 }),
        };
        let mut g = Gestures::default();
        let (cx, cy) = (100.0, 100.0);
        g.handle(down(1, (cx - 30.0, cy), true), &FLAT);
        g.handle(down(2, (cx + 30.0, cy), true), &FLAT);
        let mut zoom = None;
        for k in 1..=5 {
            let d = 60.0 + 120.0 * f64::from(k) / 5.0;
            for (id, sign) in [(1, -1.0), (2, 1.0)] {
                let out = g.handle(moved(id, (cx + sign * d / 2.0, cy), true), &FLAT);
                let changes = zooms(&out);
                assert_eq!(changes.len(), 2, "{out:?}");
                let ZoomChange::By { x, y, .. } = changes[0] else {
                    panic!("{changes:?}")
                };
                assert!((y - cy).abs() < 1e-9 && (x - cx).abs() <= 12.0, "{x}");
                zoom = changes.into_iter().fold(zoom, |z, c| f.apply(z, c));
            }
        }
        let level = zoom.map_or(1.0, |z| z.level());
        assert!((level - 3.0).abs() < 0.06, "three times apart: {level}");
        assert_eq!(
            g.handle(up(2, (190.0, cy)), &FLAT),
            [],
            "one finger still down"
        );
        let out = g.handle(up(1, (10.0, cy)), &FLAT);
        assert_eq!(out, [Command::Commit], "no tap after a pinch");
        assert_eq!(g.handle(Input::Click { x: 10.0, y: cy }, &FLAT), []);

        // A pinch whose second finger's pointerup was lost: the next
        // primary press starts afresh and taps.
        let mut g = Gestures::default();
        g.handle(down(1, (20.0, 20.0), true), &FLAT);
        g.handle(down(2, (80.0, 20.0), true), &FLAT);
        g.handle(moved(2, (190.0, 20.0), true), &FLAT);
        g.handle(up(1, (20.0, 20.0)), &FLAT);
        let out = tap(&mut g, (150.0, 50.0), &FLAT);
        assert!(out.contains(&Command::Hover(Some(1))), "{out:?}");
    }

    /// Guards the wheel: Ctrl + wheel zooms about the pointer (in by
    /// turning up) and commits once it is still; a plain wheel zooms only
    /// when zoomed, and at the whole-country view leaves the page to
    /// scroll and shows the hint.
    #[test]
    fn ctrl_wheel_zooms_and_a_plain_wheel_only_once_zoomed() {
        let mut g = Gestures::default();
        let wheel = |delta_y: f64, delta_mode: u32, ctrl: bool| Input::Wheel {
            x: 40.0,
            y: 60.0,
            delta_y,
            delta_mode,
            ctrl,
        };
        assert_eq!(
            g.handle(wheel(-200.0, 0, false), &FLAT),
            [Command::Hint(true)]
        );
        let out = g.handle(wheel(-300.0, 0, true), &FLAT);
        let &[Command::PreventDefault, Command::Hint(false), Command::Zoom(ZoomChange::By { factor, x, y }), Command::CommitSoon] =
            out.as_slice()
        else {
            panic!("{out:?}")
        };
        assert_eq!((x, y), (40.0, 60.0));
        assert!((factor - 0.6_f64.exp()).abs() < 1e-9, "{factor}");
        let plain = g.handle(wheel(100.0, 0, false), &ZOOMED);
        assert!(matches!(
            zooms(&plain)[..],
            [ZoomChange::By { factor, .. }] if factor < 1.0
        ));
        // Lines and pages count as many pixels; a big turn is one step
        // of at most twice.
        let lines = zooms(&g.handle(wheel(-3.0, 1, true), &FLAT));
        let pages = zooms(&g.handle(wheel(-3.0, 2, true), &FLAT));
        let factor_of = |z: &[ZoomChange]| match z {
            [ZoomChange::By { factor, .. }] => *factor,
            other => panic!("{other:?}"),
        };
        assert!((factor_of(&lines) - (3.0 * 16.0 * 0.002_f64).exp()).abs() < 1e-9);
        assert_eq!(factor_of(&pages), 2.0);
    }
}
