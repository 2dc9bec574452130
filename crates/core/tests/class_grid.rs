//! The event area's class grid and its nearest-region answer must equal slow references exactly:
//! geo's `Covers` for inside, and the distance to the nearest edge measured over every edge, on
//! random points and on points placed at and around the 5 km and 25 km thresholds.

use geo::{Covers, LinesIter, Point};
use prescreen_core::data::{DataSet, EventArea, SHIPPED};

fn shipped() -> DataSet {
    DataSet::load(&SHIPPED.without_guidance()).expect("shipped data loads")
}

fn area(data: &DataSet) -> &EventArea {
    data.areas
        .iter()
        .find(|a| a.event == "2019-10-14-mm-border")
        .expect("the 2019 event has an area")
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

const KM_PER_DEGREE: f64 = 6371.0088 * std::f64::consts::PI / 180.0;

/// Every edge of the event's regions, and which region it belongs to.
fn edges(data: &DataSet, area: &EventArea) -> Vec<(usize, geo::Coord<f64>, geo::Coord<f64>)> {
    area.regions
        .iter()
        .enumerate()
        .flat_map(|(part, id)| {
            let region = data.regions.region(id).expect("region exists");
            region
                .shape
                .lines_iter()
                .filter(|l| l.start != l.end)
                .map(move |l| (part, l.start, l.end))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The distance in km from a point to one edge, in the local plane at the point's latitude
/// (the definition the index documents), computed the same way.
fn edge_km(lon: f64, lat: f64, a: geo::Coord<f64>, b: geo::Coord<f64>) -> f64 {
    let cos = lat.to_radians().cos();
    let local = |c: geo::Coord<f64>| {
        [
            (c.x - lon) * KM_PER_DEGREE * cos,
            (c.y - lat) * KM_PER_DEGREE,
        ]
    };
    let (p, a, b) = ([0.0, 0.0], local(a), local(b));
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let length_2 = dx * dx + dy * dy;
    let t = if length_2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length_2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (x, y) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    (x * x + y * y).sqrt()
}

/// The slow reference: inside any region by `Covers`, else the class of the distance to the
/// nearest of all edges.
fn reference_class(
    data: &DataSet,
    area: &EventArea,
    edges: &[(usize, geo::Coord<f64>, geo::Coord<f64>)],
    lon: f64,
    lat: f64,
    (border_zone, near): (f64, f64),
) -> u8 {
    let covered = area.regions.iter().any(|id| {
        data.regions
            .region(id)
            .is_some_and(|r| r.shape.covers(&Point::new(lon, lat)))
    });
    if covered {
        return 3;
    }
    let d = edges
        .iter()
        .map(|&(_, a, b)| edge_km(lon, lat, a, b))
        .fold(f64::INFINITY, f64::min);
    if d <= border_zone {
        2
    } else if d <= near {
        1
    } else {
        0
    }
}

/// Points at and around `km` from random points of the regions' edges, in random directions.
fn threshold_points(
    edges: &[(usize, geo::Coord<f64>, geo::Coord<f64>)],
    random: &mut Lcg,
    km: f64,
    n: usize,
) -> Vec<(f64, f64)> {
    let offsets = [
        0.0, 1e-9, -1e-9, 1e-6, -1e-6, 1e-3, -1e-3, 0.05, -0.05, 0.4, -0.4,
    ];
    (0..n)
        .map(|i| {
            let (_, a, b) = edges[(random.next() * edges.len() as f64) as usize % edges.len()];
            let t = if i % 3 == 0 { 0.0 } else { random.next() };
            let (x0, y0) = (a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
            let angle = random.next() * std::f64::consts::TAU;
            let d = km + offsets[i % offsets.len()];
            let cos = y0.to_radians().cos();
            (
                x0 + d * angle.cos() / (KM_PER_DEGREE * cos),
                y0 + d * angle.sin() / KM_PER_DEGREE,
            )
        })
        .collect()
}

#[test]
fn the_class_grid_equals_covers_and_the_measured_distance_everywhere() {
    let data = shipped();
    let area = area(&data);
    assert!(
        area.index.class_stats().is_some(),
        "the event area has a class grid"
    );
    let edges = edges(&data, area);
    let thresholds = (area.border_zone_km, area.near_km);
    let mut random = Lcg(23);
    let mut points: Vec<(f64, f64)> = (0..12_000)
        .map(|_| (97.0 + random.next() * 3.8, 21.0 + random.next() * 4.3))
        .collect();
    points.extend(threshold_points(&edges, &mut random, 0.0, 3_000));
    points.extend(threshold_points(
        &edges,
        &mut random,
        area.border_zone_km,
        6_000,
    ));
    points.extend(threshold_points(&edges, &mut random, area.near_km, 6_000));
    let mut counts = [0usize; 4];
    for &(lon, lat) in &points {
        let expected = reference_class(&data, area, &edges, lon, lat, thresholds);
        assert_eq!(area.class(lon, lat), expected, "class at {lon},{lat}");
        counts[usize::from(expected)] += 1;
    }
    // The sample reaches every class, many times.
    assert!(counts.iter().all(|&n| n > 1_000), "{counts:?}");
}

#[test]
fn the_fast_class_equals_the_measured_class_on_many_points() {
    let data = shipped();
    let area = area(&data);
    let mut random = Lcg(29);
    for _ in 0..300_000 {
        let lon = 97.0 + random.next() * 3.8;
        let lat = 21.0 + random.next() * 4.3;
        let measured = if area.index.covers(lon, lat) {
            3
        } else {
            let d = area.index.edge_distance_km(lon, lat);
            if d <= area.border_zone_km {
                2
            } else if d <= area.near_km {
                1
            } else {
                0
            }
        };
        assert_eq!(area.class(lon, lat), measured, "{lon},{lat}");
    }
}

#[test]
fn other_thresholds_are_measured_and_still_exact() {
    let data = shipped();
    let area = area(&data);
    let edges = edges(&data, area);
    let mut random = Lcg(31);
    let mut points = threshold_points(&edges, &mut random, 3.0, 1_000);
    points.extend(threshold_points(&edges, &mut random, 10.0, 1_000));
    for (lon, lat) in points {
        let expected = reference_class(&data, area, &edges, lon, lat, (3.0, 10.0));
        assert_eq!(
            area.index.class(lon, lat, 3.0, 10.0),
            expected,
            "{lon},{lat}"
        );
    }
}

#[test]
fn the_nearest_region_is_what_each_region_index_says() {
    let data = shipped();
    let area = area(&data);
    let edges = edges(&data, area);
    let mut random = Lcg(37);
    let mut points: Vec<(f64, f64)> = (0..4_000)
        .map(|_| (96.0 + random.next() * 6.0, 20.0 + random.next() * 6.5))
        .collect();
    points.extend(threshold_points(&edges, &mut random, 0.0, 2_000));
    points.extend(threshold_points(&edges, &mut random, 5.0, 1_000));
    // Every vertex, shared borders included: distance 0 to two regions.
    points.extend(edges.iter().step_by(4).map(|&(_, a, _)| (a.x, a.y)));
    // Far away, north and south.
    points.extend([(116.4, 39.9), (102.7, 25.0), (100.5, 13.7), (-70.0, -33.0)]);
    for (lon, lat) in points {
        // One index per region, as screening asked before: nearest, first of equals.
        let expected = area
            .regions
            .iter()
            .filter_map(|id| data.regions.region(id))
            .map(|region| {
                let covered = region.index.covers(lon, lat);
                let km = if covered {
                    0.0
                } else {
                    region.index.edge_distance_km(lon, lat)
                };
                (region.properties.id.as_str(), covered, km)
            })
            .min_by(|a, b| a.2.total_cmp(&b.2));
        assert_eq!(area.nearest(lon, lat), expected, "{lon},{lat}");
    }
}

#[test]
fn loading_the_data_builds_no_index_per_region() {
    let data = shipped();
    assert!(data.regions.regions.iter().all(|r| !r.index.is_built()));
}

#[test]
fn each_region_distance_from_the_event_index_is_its_own_index_distance() {
    let data = shipped();
    let area = area(&data);
    let edges = edges(&data, area);
    let mut random = Lcg(41);
    let mut points: Vec<(f64, f64)> = (0..3_000)
        .map(|_| (96.5 + random.next() * 5.0, 20.5 + random.next() * 5.5))
        .collect();
    points.extend(threshold_points(&edges, &mut random, 0.0, 1_000));
    points.extend(threshold_points(&edges, &mut random, 50.0, 1_000));
    let mut within = 0;
    for (lon, lat) in points {
        let all = area.index.part_distances_km(lon, lat, 50.0);
        for (part, id) in area.regions.iter().enumerate() {
            let own = data
                .regions
                .region(id)
                .expect("region exists")
                .index
                .distance_km(lon, lat);
            if own <= 50.0 {
                assert_eq!(all[part], own, "{id} at {lon},{lat}");
                within += 1;
            } else {
                assert_eq!(all[part], f64::INFINITY, "{id} at {lon},{lat} ({own} km)");
            }
        }
    }
    assert!(within > 3_000, "{within}");
}

#[test]
fn importing_builds_no_index_per_region_either() {
    let data = shipped();
    let mut importer = prescreen_core::import::Importer::new(Default::default());
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/Records.json"
    );
    importer
        .add(
            "Records.json",
            std::io::Cursor::new(std::fs::read(path).expect("fixture")),
        )
        .expect("imports");
    let report = importer.finish(Some(&data));
    assert!(report.stays.iter().any(|s| s.near.is_some()));
    assert!(data.regions.regions.iter().all(|r| !r.index.is_built()));
}
