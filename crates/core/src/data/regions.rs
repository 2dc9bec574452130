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
    /// Reads a GeoJSON FeatureCollection whose properties are [`RegionProperties`].
    pub fn from_geojson(text: &str) -> Result<RegionSet, RegionsError> {
        let collection: geojson::FeatureCollection = text
            .parse::<geojson::GeoJson>()
            .map_err(|e| RegionsError::NotGeoJson(e.to_string()))?
            .try_into()
            .map_err(|e: geojson::Error| RegionsError::NotGeoJson(e.to_string()))?;
        let mut set = RegionSet::default();
        for (index, feature) in collection.features.into_iter().enumerate() {
            let bad = |detail: String| RegionsError::Feature { index, detail };
            let properties: RegionProperties = serde_json::from_value(serde_json::Value::Object(
                feature.properties.unwrap_or_default(),
            ))
            .map_err(|e| bad(e.to_string()))?;
            let geometry = feature
                .geometry
                .ok_or_else(|| bad("has no geometry".into()))?;
            let shape: geo::Geometry<f64> = geometry
                .try_into()
                .map_err(|e: geojson::Error| bad(e.to_string()))?;
            match (properties.kind.as_str(), shape) {
                ("region", geo::Geometry::Polygon(p)) => set
                    .regions
                    .push(Region::new(properties, MultiPolygon(vec![p]))),
                ("region", geo::Geometry::MultiPolygon(shape)) => {
                    set.regions.push(Region::new(properties, shape))
                }
                ("country", geo::Geometry::MultiPolygon(shape)) => {
                    set.countries.push(Region::new(properties, shape))
                }
                ("border", geo::Geometry::LineString(l)) => set.borders.push(BorderLine {
                    properties,
                    line: geo::MultiLineString(vec![l]),
                }),
                ("border", geo::Geometry::MultiLineString(line)) => {
                    set.borders.push(BorderLine { properties, line })
                }
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
