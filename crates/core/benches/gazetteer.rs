//! Suggestions per keystroke over the whole gazetteer: the sorted-key index against a linear
//! scan of every spelling. Each iteration types a name one character at a time.

use criterion::{Criterion, criterion_group, criterion_main};
use prescreen_core::data::gazetteer::search::linear_scan;
use prescreen_core::data::{DataSet, SHIPPED};
use std::hint::black_box;

const TYPED: &[&str] = &[
    "西双版纳勐海县打洛镇",
    "wuhan",
    "dali",
    "瑞丽",
    "Mong La",
    "mengding",
    "和顺古镇",
];

fn keystrokes() -> Vec<String> {
    let mut out = Vec::new();
    for name in TYPED {
        let chars: Vec<char> = name.chars().collect();
        for n in 1..=chars.len() {
            out.push(chars[..n].iter().collect());
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let data = DataSet::load(&SHIPPED.without_guidance()).expect("shipped data loads");
    let g = &data.gazetteer;
    let keys = keystrokes();
    c.bench_function("gazetteer/index: every keystroke of 7 names", |b| {
        b.iter(|| {
            for k in &keys {
                black_box(g.search(black_box(k), 8));
            }
        })
    });
    c.bench_function("gazetteer/linear scan: every keystroke of 7 names", |b| {
        b.iter(|| {
            for k in &keys {
                black_box(linear_scan(g.places(), black_box(k)));
            }
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
