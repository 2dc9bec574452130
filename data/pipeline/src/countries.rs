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

/// ISO alpha-2 → the alpha-3 code of `outlines.geojson` (see data/prep/prep.py) and the
/// country's name in zh-CN, zh-TW (Taiwan usage: 寮國) and English.
pub fn country(code: &str) -> Option<(&'static str, [&'static str; 3])> {
    Some(match code {
        "MM" => ("MMR", ["缅甸", "緬甸", "Myanmar"]),
        "LA" => ("LAO", ["老挝", "寮國", "Laos"]),
        "VN" => ("VNM", ["越南", "越南", "Vietnam"]),
        "TH" => ("THA", ["泰国", "泰國", "Thailand"]),
        "KH" => ("KHM", ["柬埔寨", "柬埔寨", "Cambodia"]),
        "PH" => ("PHL", ["菲律宾", "菲律賓", "the Philippines"]),
        "AE" => ("ARE", ["阿联酋", "阿聯酋", "the United Arab Emirates"]),
        "MY" => ("MYS", ["马来西亚", "馬來西亞", "Malaysia"]),
        "TR" => ("TUR", ["土耳其", "土耳其", "Turkey"]),
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
