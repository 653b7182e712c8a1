//! Pointing at places on the map: where a longitude and latitude fall on
//! the canvas, computed with the app's own layout code from the published
//! boundary file, and real pointer input (mouse, wheel, touch) sent there
//! through WebDriver. The browser then hit-tests with its own copy of the
//! code, so a test that hovers Hoàn Kiếm and reads "Hà Nội" checks both.

use fantoccini::actions::{
    InputSource, KeyAction, KeyActions, MouseActions, PointerAction, TouchActions, WheelAction,
    WheelActions, MOUSE_BUTTON_LEFT,
};
use fantoccini::Client;
use std::time::Duration;
use tien_do_core::boundaries::{decode, MapLayout, Region};
use tien_do_core::zoom::MapZoom;

/// Waits until the page's map canvas is drawn (`what` names it in the
/// failure).
pub async fn map_drawn(client: &Client, what: &str) {
    crate::wait_for(client, ".choropleth canvas[data-drawn]", what).await;
}

/// The map canvas in the viewport: left, top, width, height (CSS pixels),
/// after scrolling it to the top of the window.
pub async fn canvas_rect(client: &Client) -> (f64, f64, f64, f64) {
    // The summary comes with the data; the canvas only once the boundaries
    // are loaded too: wait for it, drawn at its size.
    map_drawn(client, "the map canvas is drawn").await;
    let v = client
        .execute(
            "const c = document.querySelector('.choropleth canvas');
             c.scrollIntoView({block: 'start'});
             const r = c.getBoundingClientRect();
             return [r.left, r.top, r.width, r.height];",
            vec![],
        )
        .await
        .expect("the map canvas is there");
    let n: Vec<f64> = v
        .as_array()
        .expect("four numbers")
        .iter()
        .map(|x| x.as_f64().unwrap_or(0.0))
        .collect();
    (n[0], n[1], n[2], n[3])
}

/// The regions of a published boundary file (`vn-provinces-2025.topo.json`).
pub fn regions(file: &str) -> Vec<Region> {
    let path = format!("{}/../../public/geo/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    decode(&text, "provinces").expect("the boundary file decodes")
}

/// The communes of province `code`, as its own file ships them.
pub fn province_communes(code: &str) -> Vec<Region> {
    let path = format!(
        "{}/../../public/geo/communes/{code}.topo.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    decode(&text, "communes").expect("the commune file decodes")
}

/// Where (`lon`, `lat`) is in the viewport, on a map of `regions` zoomed as
/// the link `zoom` says (`None`: the whole country).
pub async fn viewport_point(
    client: &Client,
    regions: &[Region],
    zoom: Option<&str>,
    lon: f64,
    lat: f64,
) -> (f64, f64) {
    let (left, top, w, h) = canvas_rect(client).await;
    let zoom = zoom.map(|z| MapZoom::parse(z).expect("a zoom value"));
    let layout = MapLayout::new(regions, w, h, zoom).expect("a layout");
    let (x, y) = layout.main.project(lon, lat);
    (left + x, top + y)
}

fn move_to(x: f64, y: f64) -> PointerAction {
    PointerAction::MoveTo {
        duration: Some(Duration::from_millis(20)),
        x: x.round(),
        y: y.round(),
    }
}

/// Moves the mouse to (`x`, `y`) in the viewport.
pub async fn mouse_to(client: &Client, (x, y): (f64, f64)) {
    let m = MouseActions::new("mouse".into()).then(move_to(x, y));
    client.perform_actions(m).await.expect("mouse move");
}

/// Clicks at (`x`, `y`) in the viewport.
pub async fn mouse_click(client: &Client, (x, y): (f64, f64)) {
    let m = MouseActions::new("mouse".into())
        .then(move_to(x, y))
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(m).await.expect("mouse click");
}

/// Drags with the left button from `from` by (`dx`, `dy`), in steps.
pub async fn mouse_drag(client: &Client, from: (f64, f64), (dx, dy): (f64, f64)) {
    let mut m = MouseActions::new("mouse".into())
        .then(move_to(from.0, from.1))
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        });
    for k in 1..=5 {
        let f = f64::from(k) / 5.0;
        m = m.then(move_to(from.0 + dx * f, from.1 + dy * f));
    }
    m = m.then(PointerAction::Up {
        button: MOUSE_BUTTON_LEFT,
    });
    client.perform_actions(m).await.expect("mouse drag");
}

/// Turns the wheel by `delta_y` pixels at (`x`, `y`), holding Ctrl if
/// `ctrl`.
pub async fn wheel(client: &Client, (x, y): (f64, f64), delta_y: i64, ctrl: bool) {
    let scroll = WheelAction::Scroll {
        duration: None,
        x: x.round() as i64,
        y: y.round() as i64,
        delta_x: 0,
        delta_y,
    };
    let pause = Duration::from_millis(10);
    let wheel = WheelActions::new("wheel".into())
        .pause(pause)
        .then(scroll)
        .pause(pause);
    if ctrl {
        let keys = KeyActions::new("keys".into())
            .then(KeyAction::Down { value: '\u{E009}' })
            .pause(pause)
            .then(KeyAction::Up { value: '\u{E009}' });
        let actions = fantoccini::actions::Actions::from(keys).and(wheel);
        client.perform_actions(actions).await.expect("ctrl + wheel");
    } else {
        client.perform_actions(wheel).await.expect("wheel");
    }
}

/// Two fingers at `centre`, `start` pixels apart, spread to `end` apart.
pub async fn pinch(client: &Client, centre: (f64, f64), start: f64, end: f64) {
    let finger = |id: &str, sign: f64| {
        let mut t = TouchActions::new(id.into())
            .then(move_to(centre.0 + sign * start / 2.0, centre.1))
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            });
        for k in 1..=5 {
            let d = start + (end - start) * f64::from(k) / 5.0;
            t = t.then(move_to(centre.0 + sign * d / 2.0, centre.1));
        }
        t.then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        })
    };
    let actions =
        fantoccini::actions::Actions::from(finger("finger1", -1.0)).and(finger("finger2", 1.0));
    client.perform_actions(actions).await.expect("pinch");
}

/// One finger taps at (`x`, `y`) in the viewport.
pub async fn tap(client: &Client, (x, y): (f64, f64)) {
    let t = TouchActions::new("finger1".into())
        .then(move_to(x, y))
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    client.perform_actions(t).await.expect("tap");
}

/// Waits until the page has run no long task (50 ms or more) for half a
/// second, ten seconds at most: what the page does once its map is shown
/// (the ranking and the table of every unit built below it, the data's
/// check, a garbage collection of the parse) is over, and a hover timed
/// then is the hover a reader gets on the loaded page, not one queued
/// behind the page's loading.
pub async fn settled(c: &Client) {
    c.execute(
        "const quiet = 500, start = performance.now();
         let last = start;
         const o = new PerformanceObserver(l => {
           for (const e of l.getEntries()) last = Math.max(last, e.startTime + e.duration);
         });
         o.observe({ type: 'longtask', buffered: true });
         while (performance.now() - last < quiet && performance.now() - start < 10000)
           await new Promise(res => setTimeout(res, 50));
         o.disconnect();
         return performance.now() - start;",
        vec![],
    )
    .await
    .expect("the page settles");
}

/// Latency of `samples` hover updates, as the budget test measures them:
/// [`hover_times`]' `drawn`.
pub async fn hover_latencies(c: &Client, samples: usize) -> Vec<f64> {
    hover_times(c, samples).await.drawn
}

/// How long hover updates took, in ms, one entry a pointer move that
/// changed the highlight.
#[derive(Debug, Default)]
pub struct HoverTimes {
    /// From the event until the redraw that follows ends (its
    /// `tien-do:map-draw:end` mark): the app's own work.
    pub drawn: Vec<f64>,
    /// From the event until the frame that shows the redraw has been
    /// produced (a task after the next animation frame, as
    /// `tien-do:first-map-shown` is set): what the reader waits for,
    /// the browser's style, layout, paint and commit of that frame
    /// included. The "within one frame" is this. A move whose
    /// frame did not come within a second (a hidden window) is left out
    /// here, and counted in `drawn`.
    pub shown: Vec<f64>,
}

/// [`HoverTimes`] of `samples` hover updates, as the benchmark measures
/// them, once the page has [`settled`]: a pointermove dispatched on the
/// canvas at a pseudo-random point, timed in the page. Moves that stay on
/// the same unit (no redraw within 100 ms) are not counted.
pub async fn hover_times(c: &Client, samples: usize) -> HoverTimes {
    settled(c).await;
    let mut out = HoverTimes::default();
    let mut seed = 7_u64;
    for _ in 0..samples * 3 {
        if out.drawn.len() == samples {
            break;
        }
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        let (fx, fy) = (
            0.3 + 0.4 * ((seed >> 33) as f64 / (1u64 << 31) as f64),
            0.1 + 0.8 * ((seed >> 13 & 0xFFFFF) as f64 / (1u64 << 20) as f64),
        );
        // Dispatched and timed in the page, in one script: the time from
        // the event to the end of the redraw is the app's own, without the
        // WebDriver round trip that ran between them before (it added about
        // 2 ms to every move). The redraw runs in the app's effects, after
        // the event's task; the script waits for it, a frame at most. The
        // frame asked for at once is the first after the redraw, the one
        // that shows it.
        let times = c
            .execute(
                "const c = document.querySelector('.choropleth canvas');
                 const r = c.getBoundingClientRect();
                 const ends = () => performance.getEntriesByName('tien-do:map-draw:end');
                 const before = ends().length ? ends()[ends().length - 1].startTime : -1;
                 const t0 = performance.now();
                 c.dispatchEvent(new PointerEvent('pointermove', {
                   clientX: r.left + r.width * arguments[0], clientY: r.top + r.height * arguments[1],
                   pointerType: 'mouse', pointerId: 1, bubbles: true }));
                 // A second at most: no frame comes in a hidden window.
                 const shown = Promise.race([
                   new Promise(res =>
                     requestAnimationFrame(() => setTimeout(() => res(performance.now()), 0))),
                   new Promise(res => setTimeout(() => res(null), 1000)),
                 ]);
                 for (let i = 0; i < 20; i++) {
                   await new Promise(res => setTimeout(res, i ? 5 : 0));
                   const m = ends();
                   const end = m.length ? m[m.length - 1].startTime : -1;
                   if (end > before && end > t0) {
                     const frame = await shown;
                     return [end - t0, frame === null ? null : frame - t0];
                   }
                 }
                 return null;",
                vec![fx.into(), fy.into()],
            )
            .await
            .expect("pointer event");
        if let Some([drawn, shown]) = times.as_array().map(Vec::as_slice) {
            out.drawn.extend(drawn.as_f64());
            out.shown.extend(shown.as_f64());
        }
        tokio::time::sleep(Duration::from_millis(60)).await;
    }
    out
}
