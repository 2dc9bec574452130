//! Regions: the screened areas as polygons, read from `regions.geojson`.

use geo::{Closest, Covers, Distance, Haversine, HaversineClosestPoint, MultiPolygon, Point};

use crate::data::RegionProperties;
use crate::index::LazyIndex;

/// A screened area: its sourced properties, its outline (WGS-84, lon/lat) and a grid index of it.
///
/// The index is built the first time it is used: screening asks one index per event, over all
/// of the event's regions ([`crate::data::EventArea`]), so loading the data builds none of
/// these.
#[derive(Debug, Clone)]
pub struct Region {
    pub properties: RegionProperties,
    pub shape: MultiPolygon<f64>,
    pub index: LazyIndex,
}

/// A country border line, kept for the map.
#[derive(Debug, Clone)]
pub struct BorderLine {
    pub properties: RegionProperties,
    pub line: geo::MultiLineString<f64>,
}

/// Everything in `regions.geojson`.
#[derive(Debug, Clone, Default)]
pub struct RegionSet {
    pub regions: Vec<Region>,
    pub borders: Vec<BorderLine>,
    /// Simplified land outlines of the countries later events name (`kind: "country"`, id
    /// `country-KH`): only coordinates are screened against them.
    pub countries: Vec<Region>,
}

/// Why `regions.geojson` could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RegionsError {
    #[error("regions file is not GeoJSON: {0}")]
    NotGeoJson(String),
    #[error("regions file feature {index}: {detail}")]
    Feature { index: usize, detail: String },
}

impl RegionSet {
    /// Reads a GeoJSON FeatureCollection whose properties are [`RegionProperties`] (positions
    /// of two numbers, as the pipeline writes them). Read with serde directly, not through a
    /// GeoJSON library: the screening worker links only this reader.
    pub fn from_geojson(text: &str) -> Result<RegionSet, RegionsError> {
        let collection: Collection =
            serde_json::from_str(text).map_err(|e| RegionsError::NotGeoJson(e.to_string()))?;
        let mut set = RegionSet::default();
        for (index, feature) in collection.features.into_iter().enumerate() {
            let bad = |detail: String| RegionsError::Feature { index, detail };
            let properties = feature.properties;
            let shape = feature
                .geometry
                .ok_or_else(|| bad("has no geometry".into()))?;
            match (properties.kind.as_str(), shape) {
                ("region", Shape::Polygon(p)) => set
                    .regions
                    .push(Region::new(properties, MultiPolygon(vec![polygon(p)]))),
                ("region", Shape::MultiPolygon(ps)) => {
                    set.regions.push(Region::new(properties, multipolygon(ps)))
                }
                ("country", Shape::MultiPolygon(ps)) => set
                    .countries
                    .push(Region::new(properties, multipolygon(ps))),
                ("border", Shape::LineString(l)) => set.borders.push(BorderLine {
                    properties,
                    line: geo::MultiLineString(vec![line(l)]),
                }),
                ("border", Shape::MultiLineString(ls)) => set.borders.push(BorderLine {
                    properties,
                    line: geo::MultiLineString(ls.into_iter().map(line).collect()),
                }),
                (kind, _) => {
                    return Err(bad(format!(
                        "kind {kind:?} with this geometry type is not supported"
                    )));
                }
            }
        }
        Ok(set)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.properties.id == id)
    }

    /// The outline of the country with this ISO alpha-2 code, if shipped.
    pub fn country(&self, code: &str) -> Option<&Region> {
        self.countries.iter().find(|r| r.properties.country == code)
    }
}

/// The parts of a FeatureCollection that [`RegionSet::from_geojson`] reads.
#[derive(serde::Deserialize)]
struct Collection {
    features: Vec<Feature>,
}

#[derive(serde::Deserialize)]
struct Feature {
    properties: RegionProperties,
    geometry: Option<Shape>,
}

type Ring = Vec<[f64; 2]>;

#[derive(serde::Deserialize)]
#[serde(tag = "type", content = "coordinates")]
enum Shape {
    Polygon(Vec<Ring>),
    MultiPolygon(Vec<Vec<Ring>>),
    LineString(Ring),
    MultiLineString(Vec<Ring>),
}

fn line(ring: Ring) -> geo::LineString<f64> {
    ring.into_iter().map(|[x, y]| geo::Coord { x, y }).collect()
}

fn polygon(rings: Vec<Ring>) -> geo::Polygon<f64> {
    let mut rings = rings.into_iter().map(line);
    let exterior = rings.next().unwrap_or_else(|| geo::LineString(Vec::new()));
    geo::Polygon::new(exterior, rings.collect())
}

fn multipolygon(polygons: Vec<Vec<Ring>>) -> MultiPolygon<f64> {
    MultiPolygon(polygons.into_iter().map(polygon).collect())
}

impl Region {
    /// A region; its index is built when first used.
    pub fn new(properties: RegionProperties, shape: MultiPolygon<f64>) -> Region {
        let index = LazyIndex::new(shape.clone());
        Region {
            properties,
            shape,
            index,
        }
    }

    /// True when the point is inside or on the edge (`Covers`: the boundary counts as inside).
    ///
    /// ```
    /// use geo::{polygon, MultiPolygon, Point};
    /// # use prescreen_core::data::Region;
    /// # let properties = serde_json::from_str(r#"{"id":"sq","kind":"region","name_zh":"方","name_zh_tw":"方","name_en":"square","country":"MM","approximate":true,"method":"test","confidence":"inferred","sources":[]}"#).unwrap();
    /// let square = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
    /// let region = Region::new(properties, MultiPolygon(vec![square]));
    /// assert!(region.covers(Point::new(0.5, 0.5)));
    /// assert!(region.covers(Point::new(1.0, 0.5)));  // on the edge: inside
    /// assert!(region.covers(Point::new(0.0, 0.0)));  // on a corner: inside
    /// assert!(!region.covers(Point::new(1.0001, 0.5)));
    /// ```
    pub fn covers(&self, point: Point<f64>) -> bool {
        self.shape.covers(&point)
    }

    /// The point of the region's outline nearest to (`lat`, `lon`), as (lat, lon).
    pub fn nearest_point(&self, lat: f64, lon: f64) -> Option<(f64, f64)> {
        match self.shape.haversine_closest_point(&Point::new(lon, lat)) {
            Closest::SinglePoint(p) | Closest::Intersection(p) => Some((p.y(), p.x())),
            Closest::Indeterminate => None,
        }
    }

    /// Great-circle distance in km from a point outside to the nearest edge; 0 when covered.
    ///
    /// This walks every edge: it is the reference the index is tested against. Screening uses
    /// [`crate::index::RegionIndex::distance_km`], which agrees with it to well under 0.1 %.
    pub fn haversine_distance_km(&self, point: Point<f64>) -> f64 {
        if self.covers(point) {
            return 0.0;
        }
        match self.shape.haversine_closest_point(&point) {
            Closest::SinglePoint(nearest) | Closest::Intersection(nearest) => {
                Haversine.distance(point, nearest) / 1000.0
            }
            Closest::Indeterminate => f64::INFINITY,
        }
    }
}
