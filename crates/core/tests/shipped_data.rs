//! The shipped data set (`static/data/`) read through the app's own types, and checked against
//! places whose answer is known: the regions must put them where they are.

use std::collections::BTreeSet;
use std::path::PathBuf;

use geo::{
    Closest, ClosestPoint, Coord, Covers, Distance, Haversine, LineString, MultiPolygon, Point,
    Polygon,
};
use prescreen_core::data::{EventsFile, MetaFile, PlacesFile, RegionProperties, Source};
use serde::Deserialize;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../static/data")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(data_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[derive(Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    properties: RegionProperties,
    geometry: Geometry,
}

#[derive(Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Geometry {
    Polygon(Vec<Vec<[f64; 2]>>),
    MultiPolygon(Vec<Vec<Vec<[f64; 2]>>>),
    LineString(serde::de::IgnoredAny),
    MultiLineString(serde::de::IgnoredAny),
}

fn polygon(rings: &[Vec<[f64; 2]>]) -> Polygon<f64> {
    let ring = |r: &Vec<[f64; 2]>| {
        LineString::from(r.iter().map(|&[x, y]| Coord { x, y }).collect::<Vec<_>>())
    };
    Polygon::new(ring(&rings[0]), rings[1..].iter().map(ring).collect())
}

struct Region {
    props: RegionProperties,
    shape: MultiPolygon<f64>,
}

/// The screened regions of `regions.geojson` (borders and country outlines left out).
fn regions() -> Vec<Region> {
    features()
        .into_iter()
        .filter(|r| r.props.kind == "region")
        .collect()
}

/// The country outlines of `regions.geojson` (`kind: "country"`), for later events' places.
fn countries() -> Vec<Region> {
    features()
        .into_iter()
        .filter(|r| r.props.kind == "country")
        .collect()
}

fn features() -> Vec<Region> {
    let fc: Collection = serde_json::from_str(&read("regions.geojson")).expect("regions.geojson");
    fc.features
        .into_iter()
        .filter_map(|f| {
            let shape = match &f.geometry {
                Geometry::Polygon(p) => MultiPolygon(vec![polygon(p)]),
                Geometry::MultiPolygon(ps) => MultiPolygon(ps.iter().map(|p| polygon(p)).collect()),
                Geometry::LineString(_) | Geometry::MultiLineString(_) => {
                    assert_eq!(
                        f.properties.kind, "border",
                        "{}: a line must be a border",
                        f.properties.id
                    );
                    return None;
                }
            };
            assert!(
                ["region", "country"].contains(&f.properties.kind.as_str()),
                "{}: a polygon must be a region or a country",
                f.properties.id
            );
            Some(Region {
                props: f.properties,
                shape,
            })
        })
        .collect()
}

fn region<'a>(all: &'a [Region], id: &str) -> &'a Region {
    all.iter()
        .find(|r| r.props.id == id)
        .unwrap_or_else(|| panic!("no region {id}"))
}

/// Great-circle distance in km from `p` to the outline of `shape` (0 when covered).
fn distance_km(shape: &MultiPolygon<f64>, p: Point<f64>) -> f64 {
    if shape.covers(&p) {
        return 0.0;
    }
    let nearest = shape
        .0
        .iter()
        .flat_map(|poly| std::iter::once(poly.exterior()).chain(poly.interiors()))
        .filter_map(|ring| match ring.closest_point(&p) {
            Closest::Intersection(q) | Closest::SinglePoint(q) => Some(q),
            Closest::Indeterminate => None,
        })
        .map(|q| Haversine.distance(p, q))
        .fold(f64::INFINITY, f64::min);
    nearest / 1000.0
}

fn place_point(places: &PlacesFile, id: &str) -> Point<f64> {
    let p = places
        .places
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no place {id}"));
    Point::new(p.lon, p.lat)
}

fn assert_sourced(what: &str, sources: &[Source]) {
    assert!(!sources.is_empty(), "{what}: no source");
    for s in sources {
        assert!(
            s.url.starts_with("http://") || s.url.starts_with("https://"),
            "{what}: bad url {}",
            s.url
        );
        assert!(!s.title.trim().is_empty(), "{what}: source without a title");
    }
}

/// Generated rows: Chinese divisions by their code (`CN-530926`) and MIMU townships (`MM-MMR…`).
fn generated(id: &str) -> bool {
    id.strip_prefix("CN-")
        .is_some_and(|code| code.bytes().all(|b| b.is_ascii_digit()))
        || id.starts_with("MM-MMR")
}

#[test]
fn every_file_parses_and_every_record_has_a_source() {
    let places: PlacesFile = prescreen_core::data::gazetteer::compact::decode(&read("places.json"))
        .expect("places.json");
    let events: EventsFile = serde_json::from_str(&read("events.json")).expect("events.json");
    let meta: MetaFile = serde_json::from_str(&read("meta.json")).expect("meta.json");
    assert_eq!(places.data_version, meta.data_version);
    assert_eq!(events.data_version, meta.data_version);
    assert_eq!(meta.places, places.places.len());
    for p in &places.places {
        assert_sourced(&format!("place {}", p.id), &p.sources);
        assert!(p.radius_km >= 0.0, "{}: negative radius", p.id);
        // A generated division with a short name (赵县) has no shorter alias; it is found by its
        // name, traditional name, pinyin and English.
        assert!(
            !p.aliases.is_empty() || generated(&p.id),
            "{}: no alias",
            p.id
        );
    }
    for e in &events.events {
        assert_sourced(&format!("event {}", e.id), &e.sources);
    }
    let all = regions();
    assert!(all.len() >= 3);
    for r in &all {
        assert_sourced(&format!("region {}", r.props.id), &r.props.sources);
    }
}

#[test]
fn ids_are_unique_and_events_name_existing_regions() {
    let places: PlacesFile =
        prescreen_core::data::gazetteer::compact::decode(&read("places.json")).unwrap();
    let ids: BTreeSet<&str> = places.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), places.places.len(), "duplicate place id");
    let all = regions();
    let region_ids: BTreeSet<&str> = all.iter().map(|r| r.props.id.as_str()).collect();
    assert_eq!(region_ids.len(), all.len(), "duplicate region id");
    for core in ["mong-la", "wa", "kokang"] {
        assert!(region_ids.contains(core), "missing region {core}");
    }
    let events: EventsFile = serde_json::from_str(&read("events.json")).unwrap();
    for e in &events.events {
        for r in &e.regions {
            assert!(
                region_ids.contains(r.as_str()),
                "event {} names unknown region {r}",
                e.id
            );
        }
        if e.regions.is_empty() {
            assert_eq!(
                e.border_zone_km, 0.0,
                "{}: thresholds without regions",
                e.id
            );
            assert_eq!(e.near_km, 0.0, "{}: thresholds without regions", e.id);
        }
    }
    assert!(
        events
            .events
            .iter()
            .any(|e| e.id == "2019-10-14-mm-border" && e.kind == "area_freeze")
    );
}

#[test]
fn homonyms_are_separate_places() {
    let places: PlacesFile =
        prescreen_core::data::gazetteer::compact::decode(&read("places.json")).unwrap();
    let named = |zh: &str| {
        places
            .places
            .iter()
            .filter(|p| p.zh == zh || p.aliases.iter().any(|a| a == zh))
            .count()
    };
    assert!(named("老街") >= 2, "老街 must be both Laukkai and Lào Cai");
}

#[test]
fn towns_in_the_regions_are_inside() {
    let places: PlacesFile =
        prescreen_core::data::gazetteer::compact::decode(&read("places.json")).unwrap();
    let all = regions();
    for (place, id) in [
        ("MM-mongla", "mong-la"),
        ("MM-laukkai", "kokang"),
        ("MM-pangkham", "wa"),
        ("MM-mongpawk", "wa"),
    ] {
        let p = place_point(&places, place);
        assert!(
            region(&all, id).shape.covers(&p),
            "{place} must be inside {id}"
        );
    }
}

#[test]
fn chinese_side_is_never_inside_a_myanmar_region() {
    let places: PlacesFile =
        prescreen_core::data::gazetteer::compact::decode(&read("places.json")).unwrap();
    let all = regions();
    for p in places.places.iter().filter(|p| p.country == "CN") {
        let pt = Point::new(p.lon, p.lat);
        for r in &all {
            assert!(
                !r.shape.covers(&pt),
                "{} ({}) is inside {}",
                p.id,
                p.zh,
                r.props.id
            );
        }
    }
}

#[test]
fn daluo_is_outside_but_next_to_mong_la() {
    let places: PlacesFile =
        prescreen_core::data::gazetteer::compact::decode(&read("places.json")).unwrap();
    let all = regions();
    let daluo = place_point(&places, "CN-daluo");
    for r in &all {
        assert!(!r.shape.covers(&daluo), "打洛镇 is inside {}", r.props.id);
    }
    let d = distance_km(&region(&all, "mong-la").shape, daluo);
    assert!(d > 0.0 && d <= 10.0, "打洛镇 is {d:.2} km from mong-la");
}

#[test]
fn kunming_is_far_from_every_region() {
    let places: PlacesFile =
        prescreen_core::data::gazetteer::compact::decode(&read("places.json")).unwrap();
    let all = regions();
    let kunming = place_point(&places, "CN-kunming");
    for r in &all {
        let d = distance_km(&r.shape, kunming);
        assert!(d > 300.0, "昆明 is only {d:.0} km from {}", r.props.id);
    }
}

#[test]
fn borders_were_simplified_within_tolerance() {
    let meta: MetaFile = serde_json::from_str(&read("meta.json")).unwrap();
    let ids: BTreeSet<&str> = meta.borders.iter().map(|b| b.id.as_str()).collect();
    for id in ["border-cn-mm", "border-cn-la", "border-cn-vn"] {
        assert!(ids.contains(id), "meta.json lacks {id}");
    }
    for b in &meta.borders {
        assert!(b.max_error_km <= 0.2, "{}: {} km", b.id, b.max_error_km);
        assert!(b.median_error_km <= b.max_error_km);
    }
}

/// Every country a later event names has an outline in `regions.geojson`, and every Chinese
/// division it names is one the gazetteer holds (so a stay can be related to it).
#[test]
fn later_event_places_exist_in_the_data() {
    let places: PlacesFile =
        prescreen_core::data::gazetteer::compact::decode(&read("places.json")).unwrap();
    let events: EventsFile = serde_json::from_str(&read("events.json")).unwrap();
    let outlines = countries();
    let mut named = 0;
    for e in &events.events {
        for p in &e.places {
            named += 1;
            if prescreen_core::data::is_country(p) {
                assert!(
                    outlines.iter().any(|c| c.props.country == *p),
                    "event {}: no outline for {p}",
                    e.id
                );
            } else {
                assert!(
                    places.places.iter().any(|g| g.admin == *p),
                    "event {}: no gazetteer division {p}",
                    e.id
                );
            }
        }
        if !e.places.is_empty() {
            assert!(
                e.places_confidence.is_some(),
                "{}: places without a confidence",
                e.id
            );
            assert!(
                !e.places_reason.trim().is_empty(),
                "{}: places without a reason",
                e.id
            );
        }
        assert_eq!(
            e.places.is_empty(),
            e.summary.is_none(),
            "{}: places need a summary",
            e.id
        );
    }
    assert!(named >= 11, "{named} places");
}

/// The simplified country outlines keep their cities inside and never reach into China: no
/// Chinese gazetteer point (打洛, 瑞丽, 磨憨 … 3,700 of them) lies in any outline.
#[test]
fn country_outlines_hold_their_cities_and_no_chinese_place() {
    let places: PlacesFile =
        prescreen_core::data::gazetteer::compact::decode(&read("places.json")).unwrap();
    let outlines = countries();
    let outline = |code: &str| {
        outlines
            .iter()
            .find(|c| c.props.country == code)
            .unwrap_or_else(|| panic!("no outline {code}"))
    };
    for (id, code) in [
        ("KH-phnompenh", "KH"),
        ("KH-sihanoukville", "KH"),
        ("MM-myawaddy", "MM"),
    ] {
        assert!(
            outline(code).shape.covers(&place_point(&places, id)),
            "{id} is outside the {code} outline"
        );
    }
    for p in places.places.iter().filter(|p| p.country == "CN") {
        let point = Point::new(p.lon, p.lat);
        for c in &outlines {
            assert!(
                !c.shape.covers(&point),
                "{} ({}) lies inside the {} outline",
                p.id,
                p.zh,
                c.props.id
            );
        }
    }
    // 打洛, about 1 km from Myanmar, stays outside it, by a few hundred metres at least.
    let daluo = place_point(&places, "CN-daluo");
    assert!(distance_km(&outline("MM").shape, daluo) > 0.3);
}
