//! The core's grid index, exported to JS for the in-browser benchmark (`scripts/bench-browser.sh`,
//! bench/). It is the exact code the app and the CLI screen with: `DataSet::load` builds one
//! `EventArea` per location-based event (and no index per region), and the 2019-10-14 event's
//! area answers every point.
//!
//! Points cross the boundary once, as one `Float64Array` of lon, lat pairs; the loops run in wasm.

use std::cell::RefCell;

use prescreen_core::data::{DataSet, EventArea, ShippedTexts};
use wasm_bindgen::prelude::*;

/// The event whose area is timed: the 2019 freeze of accounts used in northern Myanmar.
pub const EVENT: &str = "2019-10-14-mm-border";

thread_local! {
    static DATA: RefCell<Option<DataSet>> = const { RefCell::new(None) };
    static AREA: RefCell<Option<EventArea>> = const { RefCell::new(None) };
    /// Points copied in once by `set_points`, so a timed loop does not include the copy.
    static POINTS: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
}

/// Parses the shipped data texts and keeps the 2019 event's area; returns a one-line description
/// (covers-grid columns × rows, boundary cells, edges; class-grid fine cells and refined blocks).
#[wasm_bindgen]
pub fn load(places: &str, events: &str, regions: &str) -> Result<String, JsError> {
    let data = DataSet::load(&ShippedTexts {
        places,
        events,
        regions,
        guidance: None,
    })
    .map_err(|e| JsError::new(&e.to_string()))?;
    let area = data
        .areas
        .iter()
        .find(|a| a.event == EVENT)
        .cloned()
        .ok_or_else(|| JsError::new("the 2019 event has no area in this data"))?;
    let (columns, rows, boundary, edges) = area.index.stats();
    let classes = match area.index.class_stats() {
        Some((fine_columns, fine_rows, coarse, blocks)) => format!(
            "class grid {fine_columns}x{fine_rows} ({coarse} blocks of 8x8, {blocks} refined)"
        ),
        None => "no class grid".to_owned(),
    };
    let about = format!(
        "{EVENT}: grid {columns}x{rows}, {boundary} boundary cells, {edges} edges, {classes}, border zone {} km, near {} km",
        area.border_zone_km, area.near_km
    );
    AREA.with(|slot| *slot.borrow_mut() = Some(area));
    DATA.with(|slot| *slot.borrow_mut() = Some(data));
    Ok(about)
}

/// Builds the 2019 event's index again from the loaded data (what start-up does after parsing);
/// returns its boundary-cell count, so the work cannot be skipped.
#[wasm_bindgen]
pub fn build_index() -> Result<u32, JsError> {
    DATA.with(|slot| {
        let data = slot.borrow();
        let data = data
            .as_ref()
            .ok_or_else(|| JsError::new("call load() first"))?;
        let event = data
            .events
            .iter()
            .find(|e| e.id == EVENT)
            .ok_or_else(|| JsError::new("the 2019 event is not in this data"))?;
        let area = EventArea::new(event, &data.regions);
        Ok(area.index.stats().2 as u32)
    })
}

fn with_area<T>(f: impl FnOnce(&EventArea) -> T) -> Result<T, JsError> {
    AREA.with(|slot| {
        slot.borrow()
            .as_ref()
            .map(f)
            .ok_or_else(|| JsError::new("call load() first"))
    })
}

fn inside(area: &EventArea, points: &[f64]) -> u32 {
    points
        .chunks_exact(2)
        .filter(|p| area.index.covers(p[0], p[1]))
        .count() as u32
}

fn classes(area: &EventArea, points: &[f64]) -> Vec<u32> {
    let mut counts = vec![0u32; 4];
    for p in points.chunks_exact(2) {
        counts[usize::from(area.class(p[0], p[1]))] += 1;
    }
    counts
}

/// How many of the points (lon, lat pairs) the area covers (boundary counts as inside). The
/// points are copied into wasm memory first (wasm-bindgen passes a `Float64Array` that way).
#[wasm_bindgen]
pub fn count_inside(points: &[f64]) -> Result<u32, JsError> {
    with_area(|area| inside(area, points))
}

/// How many points fall in each relation class: `[far, near, border zone, inside]`.
#[wasm_bindgen]
pub fn count_classes(points: &[f64]) -> Result<Vec<u32>, JsError> {
    with_area(|area| classes(area, points))
}

/// Keeps a copy of the points in wasm memory for the `_loaded` functions.
#[wasm_bindgen]
pub fn set_points(points: &[f64]) {
    POINTS.with(|p| *p.borrow_mut() = points.to_vec());
}

/// `count_inside` over the points given to `set_points` (no copy in the timed call).
#[wasm_bindgen]
pub fn count_inside_loaded() -> Result<u32, JsError> {
    POINTS.with(|p| with_area(|area| inside(area, &p.borrow())))
}

/// `count_classes` over the points given to `set_points` (no copy in the timed call).
#[wasm_bindgen]
pub fn count_classes_loaded() -> Result<Vec<u32>, JsError> {
    POINTS.with(|p| with_area(|area| classes(area, &p.borrow())))
}
