//! Point-in-region speed on the shipped full-resolution regions: the grid index against the
//! naive `Covers` loop, in one run, and the start-up cost of building the index.
//! `cargo bench -p prescreen-core --bench screening`.
//!
//! Points are uniform over lon 97.3–102.0, lat 21.0–26.0 (the China–Myanmar border area), as in
//! the performance goals in docs/perf.md. Throughput is reported in points per second.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use geo::{Covers, Point};
use prescreen_core::data::{DataSet, EventArea, SHIPPED};

fn shipped() -> DataSet {
    DataSet::load(&SHIPPED.without_guidance()).expect("shipped data loads")
}

fn points(n: usize) -> Vec<(f64, f64)> {
    let mut state: u64 = 42;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| (97.3 + next() * 4.7, 21.0 + next() * 5.0))
        .collect()
}

fn bench(c: &mut Criterion) {
    let data = shipped();
    let regions = &data.regions.regions;
    let area = data
        .areas
        .iter()
        .find(|a| a.event == "2019-10-14-mm-border")
        .expect("the 2019 event has an area");
    let mut group = c.benchmark_group("points in regions");
    group.sample_size(10);
    for n in [1_000usize, 100_000, 1_000_000] {
        let pts = points(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("grid index covers", n), &pts, |b, pts| {
            b.iter(|| {
                pts.iter()
                    .filter(|&&(lon, lat)| area.index.covers(lon, lat))
                    .count()
            })
        });
        group.bench_with_input(BenchmarkId::new("grid index class", n), &pts, |b, pts| {
            b.iter(|| {
                pts.iter()
                    .map(|&(lon, lat)| area.class(lon, lat) as usize)
                    .sum::<usize>()
            })
        });
        if n <= 1_000 {
            group.bench_with_input(
                BenchmarkId::new("naive geo Covers loop", n),
                &pts,
                |b, pts| {
                    b.iter(|| {
                        pts.iter()
                            .filter(|&&(lon, lat)| {
                                regions
                                    .iter()
                                    .any(|r| r.shape.covers(&Point::new(lon, lat)))
                            })
                            .count()
                    })
                },
            );
        }
    }
    group.finish();
    // Start-up: what the app's worker does before the first screening.
    let mut load = c.benchmark_group("start-up");
    load.sample_size(10);
    load.bench_function("load shipped data (parse + event index)", |b| {
        b.iter(shipped)
    });
    let event = data
        .events
        .iter()
        .find(|e| e.id == area.event)
        .expect("the 2019 event");
    load.bench_function("build the 2019 event index", |b| {
        b.iter(|| EventArea::new(event, &data.regions))
    });
    load.finish();
    // The answers must agree, or the speed means nothing.
    let pts = points(20_000);
    let fast = pts
        .iter()
        .filter(|&&(lon, lat)| area.index.covers(lon, lat))
        .count();
    let naive = pts
        .iter()
        .filter(|&&(lon, lat)| {
            regions
                .iter()
                .any(|r| r.shape.covers(&Point::new(lon, lat)))
        })
        .count();
    assert_eq!(fast, naive, "index and Covers disagree");
    black_box((fast, naive));
}

criterion_group!(benches, bench);
criterion_main!(benches);
