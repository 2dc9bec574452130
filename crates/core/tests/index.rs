//! The grid index must give exactly geo's `Covers` answer, and the same distance class as a
//! measured distance, on the shipped full-resolution regions.

use geo::{Covers, LinesIter, Point};
use prescreen_core::data::{DataSet, SHIPPED};

fn shipped() -> DataSet {
    DataSet::load(&SHIPPED.without_guidance()).expect("shipped data loads")
}

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[test]
fn the_index_agrees_with_covers_everywhere_and_on_every_vertex() {
    let data = shipped();
    let mut random = Lcg(7);
    for region in &data.regions.regions {
        let rect = geo::BoundingRect::bounding_rect(&region.shape).expect("non-empty region");
        let (w, h) = (rect.width() + 0.4, rect.height() + 0.4);
        let mut checked = 0;
        // Random points over the region's box and a margin.
        for _ in 0..20_000 {
            let lon = rect.min().x - 0.2 + random.next() * w;
            let lat = rect.min().y - 0.2 + random.next() * h;
            let expected = region.shape.covers(&Point::new(lon, lat));
            assert_eq!(
                region.index.covers(lon, lat),
                expected,
                "{} at {lon},{lat}",
                region.properties.id
            );
            checked += 1;
        }
        // Every vertex and every edge midpoint: on the boundary, so covered.
        for line in region.shape.lines_iter().step_by(3) {
            for p in [line.start, line.end, (line.start + line.end) / 2.0] {
                assert_eq!(
                    region.index.covers(p.x, p.y),
                    region.shape.covers(&Point::new(p.x, p.y)),
                    "{} boundary point {p:?}",
                    region.properties.id
                );
                checked += 1;
            }
        }
        assert!(checked > 20_000);
    }
}

#[test]
fn the_distance_classes_match_a_measured_distance() {
    let data = shipped();
    let mut random = Lcg(11);
    let (border_zone, near) = (5.0, 25.0);
    for region in &data.regions.regions {
        let rect = geo::BoundingRect::bounding_rect(&region.shape).expect("non-empty region");
        for _ in 0..3_000 {
            let lon = rect.min().x - 0.5 + random.next() * (rect.width() + 1.0);
            let lat = rect.min().y - 0.5 + random.next() * (rect.height() + 1.0);
            let measured = region.index.distance_km(lon, lat);
            let expected = if region.index.covers(lon, lat) {
                3
            } else if measured <= border_zone {
                2
            } else if measured <= near {
                1
            } else {
                0
            };
            assert_eq!(
                region.index.class(lon, lat, border_zone, near),
                expected,
                "{} at {lon},{lat} ({measured} km)",
                region.properties.id
            );
        }
    }
}

#[test]
fn the_local_plane_distance_agrees_with_the_great_circle() {
    let data = shipped();
    let mut random = Lcg(13);
    for region in &data.regions.regions {
        let rect = geo::BoundingRect::bounding_rect(&region.shape).expect("non-empty region");
        for _ in 0..40 {
            let lon = rect.min().x - 0.3 + random.next() * (rect.width() + 0.6);
            let lat = rect.min().y - 0.3 + random.next() * (rect.height() + 0.6);
            let fast = region.index.distance_km(lon, lat);
            let reference = region.haversine_distance_km(Point::new(lon, lat));
            assert!(
                (fast - reference).abs() <= 0.001 * reference + 0.01,
                "{}: index {fast} km, great circle {reference} km",
                region.properties.id
            );
        }
    }
}

#[test]
fn the_event_area_is_the_union_of_its_regions() {
    let data = shipped();
    let area = data
        .areas
        .iter()
        .find(|a| a.event == "2019-10-14-mm-border")
        .expect("the 2019 event has an area");
    let mut random = Lcg(17);
    let mut inside = 0;
    for _ in 0..50_000 {
        let lon = 97.0 + random.next() * 5.0;
        let lat = 20.8 + random.next() * 5.6;
        let any = data
            .regions
            .regions
            .iter()
            .any(|r| r.shape.covers(&Point::new(lon, lat)));
        assert_eq!(area.index.covers(lon, lat), any, "{lon},{lat}");
        let best = data
            .regions
            .regions
            .iter()
            .map(|r| r.index.class(lon, lat, area.border_zone_km, area.near_km))
            .max()
            .unwrap_or(0);
        assert_eq!(area.class(lon, lat), best, "{lon},{lat}");
        inside += usize::from(any);
    }
    assert!(
        inside > 1_000,
        "the sample reaches into the regions ({inside})"
    );
}
