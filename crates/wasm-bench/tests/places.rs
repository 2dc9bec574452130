//! Gazetteer search in wasm, in headless Chromium: the place lookups the engine worker does — a
//! suggestion list per keystroke (`Gazetteer::search`, 8 places) and the name of a stay
//! (`Gazetteer::resolve`) — for every name of `bench/place-queries.txt` (names people type,
//! misses included), side by side with the linear scan over every spelling.
//!
//! Ignored by default: timings are reported, never asserted. Run it with
//! `scripts/bench-wasm.sh places` (docs/perf.md, "Gazetteer search in wasm").
#![cfg(target_arch = "wasm32")]

use prescreen_core::data::gazetteer::search::linear_scan;
use prescreen_core::data::{DataSet, SHIPPED};
use std::hint::black_box;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn now_ms() -> f64;
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(f: &js_sys::Function, ms: i32);
}

/// Lets the browser breathe between timings: a page busy for 30 s makes the test runner's
/// WebDriver calls time out.
async fn pause() {
    let promise = js_sys::Promise::new(&mut |resolve, _| set_timeout(&resolve, 0));
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `per_call` for each item, pausing between items.
async fn each<T>(items: &[T], mut time: impl FnMut(&T) -> f64) -> Vec<f64> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(time(item));
        pause().await;
    }
    out
}

const QUERIES: &str = include_str!("../../../bench/place-queries.txt");

/// Milliseconds per call of `f`, repeated until at least 2 ms have passed (the browser's clock
/// is coarse: 0.1 ms outside a cross-origin-isolated page), after one untimed call.
fn per_call(mut f: impl FnMut() -> usize) -> f64 {
    black_box(f());
    let start = now_ms();
    let mut calls = 0u32;
    loop {
        black_box(f());
        calls += 1;
        let spent = now_ms() - start;
        if spent >= 2.0 || calls >= 100_000 {
            return spent / f64::from(calls);
        }
    }
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    let at = ((sorted.len() as f64 - 1.0) * q).round() as usize;
    sorted.get(at).copied().unwrap_or(f64::NAN)
}

fn report(what: &str, mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let (p50, p95) = (quantile(&times, 0.5), quantile(&times, 0.95));
    console_log!(
        "BENCH {what}: n {} · p50 {:.4} ms · p95 {:.4} ms · max {:.4} ms",
        times.len(),
        p50,
        p95,
        times.last().copied().unwrap_or(f64::NAN)
    );
    (p50, p95)
}

#[wasm_bindgen_test]
#[ignore]
async fn bench_place_lookup_against_a_linear_scan() {
    let start = now_ms();
    let data = DataSet::load(&SHIPPED.without_guidance()).expect("the shipped data loads");
    console_log!(
        "BENCH load: {:.0} ms (parse the places, events and regions, build the indexes)",
        now_ms() - start
    );
    let g = &data.gazetteer;
    let queries: Vec<&str> = QUERIES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let keystrokes: Vec<String> = queries
        .iter()
        .flat_map(|q| {
            let chars: Vec<char> = q.chars().collect();
            (1..=chars.len()).map(move |n| chars[..n].iter().collect::<String>())
        })
        .collect();
    let resolved = queries
        .iter()
        .filter(|q| g.resolve("bench", q).is_ok())
        .count();
    console_log!(
        "BENCH {} places, {} index rows; {} queries ({} resolve to one place, {} ask or miss), {} keystrokes",
        g.places().len(),
        g.index_len(),
        queries.len(),
        resolved,
        queries.len() - resolved,
        keystrokes.len()
    );

    let index_keys = report(
        "index search (8 suggestions), every keystroke",
        each(&keystrokes, |k| per_call(|| g.search(k, 8).len())).await,
    );
    let index_full = report(
        "index search (8 suggestions), whole names",
        each(&queries, |q| per_call(|| g.search(q, 8).len())).await,
    );
    report(
        "resolve (the stay's place), whole names",
        each(&queries, |q| {
            per_call(|| usize::from(g.resolve("bench", q).is_ok()))
        })
        .await,
    );
    let linear_full = report(
        "linear scan, whole names",
        each(&queries, |q| per_call(|| linear_scan(g.places(), q).len())).await,
    );
    // Every third name's keystrokes: the scan takes milliseconds each.
    let third: Vec<String> = queries
        .iter()
        .step_by(3)
        .flat_map(|q| {
            let chars: Vec<char> = q.chars().collect();
            (1..=chars.len()).map(move |n| chars[..n].iter().collect::<String>())
        })
        .collect();
    let linear_keys = report(
        "linear scan, every keystroke of every third name",
        each(&third, |k| per_call(|| linear_scan(g.places(), k).len())).await,
    );
    console_log!(
        "BENCH linear ÷ index: whole names p50 {:.0}×, p95 {:.0}×; keystrokes p50 {:.0}×, p95 {:.0}×",
        linear_full.0 / index_full.0,
        linear_full.1 / index_full.1,
        linear_keys.0 / index_keys.0,
        linear_keys.1 / index_keys.1
    );
}
