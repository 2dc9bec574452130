//! Search and resolve never panic, on any text; the index finds what a linear scan finds.

use prescreen_core::data::gazetteer::search::linear_scan;
use prescreen_core::data::{DataSet, SHIPPED};
use proptest::prelude::*;
use std::sync::OnceLock;

fn data() -> &'static DataSet {
    static DATA: OnceLock<DataSet> = OnceLock::new();
    DATA.get_or_init(|| DataSet::load(&SHIPPED.without_guidance()).expect("shipped data loads"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn search_and_resolve_never_panic(q in "[a-zA-Z勐拉打洛镇云南省大理市县瑞丽西双版纳老街' ·Ｍ-]{0,12}") {
        let g = &data().gazetteer;
        let _ = g.search(&q, 10);
        let _ = g.resolve("q", &q);
    }

    #[test]
    fn any_unicode_never_panics(q in "\\PC{0,16}") {
        let g = &data().gazetteer;
        let _ = g.search(&q, 10);
        let _ = g.resolve("q", &q);
    }
}

#[test]
fn the_index_finds_what_a_linear_scan_finds() {
    let g = &data().gazetteer;
    for q in [
        "大理", "勐海", "meng", "dali", "瑞丽", "ruili", "打洛", "版纳", "wu", "Mong", "老街",
        "清水",
    ] {
        let mut scan = linear_scan(g.places(), q);
        let mut found: Vec<usize> = g
            .search(q, usize::MAX)
            .iter()
            .map(|p| {
                g.places()
                    .iter()
                    .position(|x| std::ptr::eq(x, *p))
                    .unwrap_or(usize::MAX)
            })
            .collect();
        scan.sort_unstable();
        found.sort_unstable();
        assert_eq!(found, scan, "query {q}");
    }
}
