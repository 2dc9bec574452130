//! In-browser screening micro-benchmark, for choosing the release profile and tracking speed.
//! Ignored by default (timings are reported, never asserted); run it with
//! `scripts/bench-wasm.sh`, which passes `--include-ignored`.
#![cfg(target_arch = "wasm32")]

use prescreen_core::case::CaseFile;
use prescreen_core::data::{DataSet, SHIPPED};
use prescreen_core::i18n::Lang;
use prescreen_core::verdict::check;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
#[ignore]
fn bench_screening_a_case_of_many_stays() {
    let data = DataSet::load(&SHIPPED.without_guidance()).expect("the shipped data loads");
    // 400 typed points on a 20 × 20 lattice over the China–Myanmar border area
    // (lon 97.5–101.5, lat 21.0–25.0): inside, border zone, near and far all occur.
    let stays: Vec<String> = (0..400)
        .map(|i| {
            let lon = 97.5 + 4.0 * f64::from(i % 20) / 19.0;
            let lat = 21.0 + 4.0 * f64::from(i / 20) / 19.0;
            format!(r#"{{"lat":{lat},"lon":{lon},"from":"2019-09-03","to":"2019-09-05"}}"#)
        })
        .collect();
    let json = format!(r#"{{"version":1,"stays":[{}]}}"#, stays.join(","));
    let case = CaseFile::from_json(&json)
        .and_then(|f| f.validate())
        .expect("valid case");
    let mut runs = Vec::new();
    let mut inside = 0;
    for _ in 0..5 {
        let start = now_ms();
        let screening = check(&case, &data, Lang::ZhCn).expect("screens");
        runs.push(now_ms() - start);
        inside = screening
            .findings
            .iter()
            .filter(|f| f.distance_km == 0.0)
            .count();
    }
    runs.sort_by(f64::total_cmp);
    let median = runs[runs.len() / 2];
    console_log!(
        "BENCH screening 400 stays × {} regions: median {median:.1} ms ({:.0} stays/s), {inside} touching a region",
        data.regions.regions.len(),
        400.0 / (median / 1000.0)
    );
}
