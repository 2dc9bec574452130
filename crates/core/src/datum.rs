//! Chinese map coordinates → WGS-84.
//!
//! AMap and Tencent maps show GCJ-02, Baidu shows BD-09: both are WGS-84 shifted by a few hundred
//! metres inside China, which is as much as the distance that decides "border zone" or "near".
//! GCJ-02's forward formula is public; its inverse is found by fixed-point iteration.

use crate::case::Datum;

const A: f64 = 6_378_245.0;
const EE: f64 = 0.006_693_421_622_965_943;

/// Converts a point in `datum` to WGS-84 `(lat, lon)`.
///
/// ```
/// use prescreen_core::{case::Datum, datum::to_wgs84};
/// let (lat, lon) = (21.6762, 100.0223);
/// let (glat, glon) = prescreen_core::datum::wgs84_to_gcj02(lat, lon);
/// assert!((glat - lat).abs() > 1e-4); // the offset is real inside China
/// let (back_lat, back_lon) = to_wgs84(glat, glon, Datum::Gcj02);
/// assert!((back_lat - lat).abs() < 1e-7 && (back_lon - lon).abs() < 1e-7);
/// ```
pub fn to_wgs84(lat: f64, lon: f64, datum: Datum) -> (f64, f64) {
    match datum {
        Datum::Wgs84 => (lat, lon),
        Datum::Gcj02 => gcj02_to_wgs84(lat, lon),
        Datum::Bd09 => {
            let (glat, glon) = bd09_to_gcj02(lat, lon);
            gcj02_to_wgs84(glat, glon)
        }
    }
}

/// The GCJ-02 offset applies only inside a box around China; elsewhere the datums agree.
fn outside_china(lat: f64, lon: f64) -> bool {
    !(72.004..=137.8347).contains(&lon) || !(0.8293..=55.8271).contains(&lat)
}

/// WGS-84 → GCJ-02, the published forward transform.
pub fn wgs84_to_gcj02(lat: f64, lon: f64) -> (f64, f64) {
    if outside_china(lat, lon) {
        return (lat, lon);
    }
    let x = lon - 105.0;
    let y = lat - 35.0;
    let pi = std::f64::consts::PI;
    let mut dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    dlat += (20.0 * (6.0 * x * pi).sin() + 20.0 * (2.0 * x * pi).sin()) * 2.0 / 3.0;
    dlat += (20.0 * (y * pi).sin() + 40.0 * (y / 3.0 * pi).sin()) * 2.0 / 3.0;
    dlat += (160.0 * (y / 12.0 * pi).sin() + 320.0 * (y * pi / 30.0).sin()) * 2.0 / 3.0;
    let mut dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    dlon += (20.0 * (6.0 * x * pi).sin() + 20.0 * (2.0 * x * pi).sin()) * 2.0 / 3.0;
    dlon += (20.0 * (x * pi).sin() + 40.0 * (x / 3.0 * pi).sin()) * 2.0 / 3.0;
    dlon += (150.0 * (x / 12.0 * pi).sin() + 300.0 * (x / 30.0 * pi).sin()) * 2.0 / 3.0;
    let rad_lat = lat / 180.0 * pi;
    let magic = 1.0 - EE * rad_lat.sin() * rad_lat.sin();
    let sqrt_magic = magic.sqrt();
    dlat = (dlat * 180.0) / ((A * (1.0 - EE)) / (magic * sqrt_magic) * pi);
    dlon = (dlon * 180.0) / (A / sqrt_magic * rad_lat.cos() * pi);
    (lat + dlat, lon + dlon)
}

/// GCJ-02 → WGS-84 by iterating the forward transform until it lands on the input (< 1 mm).
fn gcj02_to_wgs84(lat: f64, lon: f64) -> (f64, f64) {
    let (mut wlat, mut wlon) = (lat, lon);
    for _ in 0..30 {
        let (glat, glon) = wgs84_to_gcj02(wlat, wlon);
        let (dlat, dlon) = (glat - lat, glon - lon);
        wlat -= dlat;
        wlon -= dlon;
        if dlat.abs() < 1e-9 && dlon.abs() < 1e-9 {
            break;
        }
    }
    (wlat, wlon)
}

/// GCJ-02 → BD-09, Baidu's published offset (for tests and for writing Baidu links).
pub fn gcj02_to_bd09(lat: f64, lon: f64) -> (f64, f64) {
    let x_pi = std::f64::consts::PI * 3000.0 / 180.0;
    let z = (lon * lon + lat * lat).sqrt() + 0.00002 * (lat * x_pi).sin();
    let theta = lat.atan2(lon) + 0.000003 * (lon * x_pi).cos();
    (z * theta.sin() + 0.006, z * theta.cos() + 0.0065)
}

/// BD-09 → GCJ-02, Baidu's published offset removed.
fn bd09_to_gcj02(lat: f64, lon: f64) -> (f64, f64) {
    let x_pi = std::f64::consts::PI * 3000.0 / 180.0;
    let x = lon - 0.0065;
    let y = lat - 0.006;
    let z = (x * x + y * y).sqrt() - 0.00002 * (y * x_pi).sin();
    let theta = y.atan2(x) - 0.000003 * (x * x_pi).cos();
    (z * theta.sin(), z * theta.cos())
}
