//! Country outlines for later events (`kind: "country"` in `regions.geojson`): the land polygons
//! of the countries that events name in `places` (`"area": "KH"`), simplified by stage 1
//! (`data/prep/prep.py`, `outlines()`, with shapely) and checked here.
//!
//! Only stays given as coordinates are screened against these outlines; a named stay takes the
//! gazetteer's country. Method, per country (constants in prep.py):
//! 1. parts under 5 km² are dropped (small islands: a coordinate there is missed);
//! 2. Douglas–Peucker at 0.02° (≈ 2 km): a coordinate within about 2 km of a coast or of a
//!    border with a country other than China may fall on the wrong side;
//! 3. a country that touches China has China's full-resolution land polygon cut out of it, and
//!    the result is simplified again at 0.001° (≈ 100 m, the tolerance of the shipped border
//!    lines); points at 3 decimals. The pipeline fails if any Chinese gazetteer point lies inside
//!    an outline ([`first_inside`]), so a stay named in China is never "inside" a country.

use geo::{Contains, MultiPolygon, Point};

/// ISO alpha-2 → the alpha-3 code of `outlines.geojson` (see data/prep/prep.py).
pub fn alpha3(code: &str) -> Option<&'static str> {
    Some(match code {
        "MM" => "MMR",
        "LA" => "LAO",
        "VN" => "VNM",
        "TH" => "THA",
        "KH" => "KHM",
        "PH" => "PHL",
        "AE" => "ARE",
        "MY" => "MYS",
        "TR" => "TUR",
        _ => return None,
    })
}

/// The first of `points` (item, lat, lon) that `shape` covers, if any.
pub fn first_inside<'a, T>(
    shape: &MultiPolygon<f64>,
    mut points: impl Iterator<Item = (&'a T, f64, f64)>,
) -> Option<&'a T> {
    points
        .find(|(_, lat, lon)| shape.contains(&Point::new(*lon, *lat)))
        .map(|(t, _, _)| t)
}
