//! Geography without slips: no Chinese place lies inside a screened (Myanmar) region, and every
//! region stays on its side of the China border. (The pipeline checks the full-resolution land
//! polygons at build time: every CN point inside China, every region clipped to Myanmar minus China.)

use geo::Point;
use prescreen_core::data::{DataSet, SHIPPED};

#[test]
fn no_chinese_place_is_inside_a_region() {
    let data = DataSet::load(&SHIPPED.without_guidance()).expect("shipped data loads");
    let ids = ["mong-la", "wa", "kokang", "muse", "laiza"];
    let mut checked = 0;
    let mut slips = Vec::new();
    for p in data.gazetteer.places().iter().filter(|p| p.country == "CN") {
        for id in ids {
            let region = data.regions.region(id).expect("region present");
            if region.covers(Point::new(p.lon, p.lat)) {
                slips.push(format!("{} {} is inside {id}", p.id, p.zh));
            }
        }
        checked += 1;
    }
    assert!(checked > 3000, "only {checked} Chinese places");
    assert!(slips.is_empty(), "{}", slips.join("\n"));
}
