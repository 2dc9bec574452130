//! Reading coordinates the way people paste them: decimal pairs in either order, degrees /
//! minutes / seconds with hemispheres, and share links of the map apps used in China.
//!
//! The datum matters as much as the numbers: AMap (高德) and Tencent links are GCJ-02, Baidu's
//! are BD-09 unless the link says otherwise, `geo:` URIs and OpenStreetMap links are WGS-84.
//! Where the source does not tell (a bare pair, a Google or Apple link), the datum is `None` and
//! the caller asks or assumes WGS-84 and says so.

use crate::case::Datum;
use crate::error::{InputError, InputErrorKind};

/// A point read from a pasted text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PastedPoint {
    pub lat: f64,
    pub lon: f64,
    /// The datum the source implies, when it implies one.
    pub datum: Option<Datum>,
}

/// Reads a pasted coordinate text or map link. `field` names the input in errors.
///
/// ```
/// use prescreen_core::coords::parse_pasted;
/// use prescreen_core::case::Datum;
/// let p = parse_pasted("c", "21.698, 100.031").unwrap();
/// assert_eq!((p.lat, p.lon, p.datum), (21.698, 100.031, None));
/// // AMap gives longitude first; a value over 90 cannot be a latitude.
/// let p = parse_pasted("c", "100.031,21.698").unwrap();
/// assert_eq!((p.lat, p.lon), (21.698, 100.031));
/// let p = parse_pasted("c", "21°41'53\"N 100°01'52\"E").unwrap();
/// assert!((p.lat - 21.698_06).abs() < 1e-4 && (p.lon - 100.031_11).abs() < 1e-4);
/// let p = parse_pasted("c", "https://uri.amap.com/marker?position=100.031,21.698&name=x").unwrap();
/// assert_eq!(p.datum, Some(Datum::Gcj02));
/// assert!(parse_pasted("c", "21.698, 200.5").is_err());
/// assert!(parse_pasted("c", "NaN, 100").is_err());
/// ```
pub fn parse_pasted(field: &str, text: &str) -> Result<PastedPoint, InputError> {
    let bad = || {
        InputError::new(
            field,
            InputErrorKind::BadCoordinates {
                value: shorten(text),
            },
        )
    };
    let text = text.trim();
    if text.is_empty() {
        return Err(InputError::new(field, InputErrorKind::Missing));
    }
    let lower = text.to_ascii_lowercase();
    let point = if lower.starts_with("http") || lower.starts_with("geo:") {
        parse_link(&lower).ok_or_else(bad)?
    } else if text.contains('°')
        || text.contains('\'')
        || text.contains('′')
        || has_hemisphere(text)
    {
        parse_dms(text).ok_or_else(bad)?
    } else {
        let numbers = numbers_in(text);
        let [a, b] = numbers.as_slice() else {
            return Err(bad());
        };
        order_pair(*a, *b, None).ok_or_else(bad)?
    };
    check_range(field, point)
}

/// One typed coordinate in degrees, as in the page's latitude and longitude boxes: a decimal
/// number ("21.698", "-0.5", ".5", "1e-7"), full-width digits folded ("２１．６９８"). Empty is
/// [`InputErrorKind::Missing`]; anything else (two numbers, letters, "NaN", "Infinity", hex) is
/// [`InputErrorKind::BadCoordinates`]. The range is checked with the case
/// ([`crate::validation`]), as for a case file's numbers.
///
/// ```
/// use prescreen_core::coords::parse_degrees;
/// assert_eq!(parse_degrees("lat", " 21.698 ").unwrap(), 21.698);
/// assert_eq!(parse_degrees("lat", "－０．５").unwrap(), -0.5);
/// assert!(parse_degrees("lat", "21.698, 100.031").is_err());
/// assert!(parse_degrees("lat", "NaN").is_err());
/// assert!(parse_degrees("lat", "0x15").is_err());
/// assert!(parse_degrees("lat", "").is_err());
/// ```
pub fn parse_degrees(field: &str, text: &str) -> Result<f64, InputError> {
    parse_degrees_with(field, text, |t| t.parse().ok())
}

/// [`parse_degrees`] with the decimal conversion given. The page passes the browser's `Number`
/// (correctly rounded, as Rust's is, so both give the same value), which keeps Rust's float
/// tables out of the first screen; what counts as one number is decided here either way.
pub fn parse_degrees_with(
    field: &str,
    text: &str,
    to_f64: impl Fn(&str) -> Option<f64>,
) -> Result<f64, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(InputError::new(field, InputErrorKind::Missing));
    }
    let folded = fold_full_width(text);
    Some(folded.as_str())
        .filter(|t| is_decimal(t))
        .and_then(to_f64)
        .filter(|v| v.is_finite())
        .ok_or_else(|| {
            InputError::new(
                field,
                InputErrorKind::BadCoordinates {
                    value: shorten(text),
                },
            )
        })
}

/// `[+-] digits [. digits] [e [+-] digits]`, with at least one digit before the exponent.
fn is_decimal(text: &str) -> bool {
    fn digits(t: &str) -> bool {
        t.bytes().all(|b| b.is_ascii_digit())
    }
    fn unsigned(t: &str) -> &str {
        t.strip_prefix(['+', '-']).unwrap_or(t)
    }
    let (mantissa, exponent) = match unsigned(text).split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(unsigned(e))),
        None => (unsigned(text), None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    !(whole.is_empty() && fraction.is_empty())
        && digits(whole)
        && digits(fraction)
        && exponent.is_none_or(|e| !e.is_empty() && digits(e))
}

/// Full-width ASCII (digits, signs, point) as ASCII; `、` as a comma.
fn fold_full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            0x3001 => ',',
            _ => c,
        })
        .collect()
}

fn check_range(field: &str, point: PastedPoint) -> Result<PastedPoint, InputError> {
    if !point.lat.is_finite() || !(-90.0..=90.0).contains(&point.lat) {
        return Err(InputError::new(
            field,
            InputErrorKind::OutOfRange {
                value: point.lat.to_string(),
                range: "latitude is between -90 and 90 degrees",
            },
        ));
    }
    if !point.lon.is_finite() || !(-180.0..=180.0).contains(&point.lon) {
        return Err(InputError::new(
            field,
            InputErrorKind::OutOfRange {
                value: point.lon.to_string(),
                range: "longitude is between -180 and 180 degrees",
            },
        ));
    }
    Ok(point)
}

fn shorten(text: &str) -> String {
    let mut short: String = text.trim().chars().take(60).collect();
    if text.trim().chars().count() > 60 {
        short.push('…');
    }
    short
}

/// Latitude first unless the first value cannot be a latitude and the second can.
fn order_pair(a: f64, b: f64, datum: Option<Datum>) -> Option<PastedPoint> {
    if !a.is_finite() || !b.is_finite() {
        return None;
    }
    let (lat, lon) = if a.abs() > 90.0 && b.abs() <= 90.0 {
        (b, a)
    } else {
        (a, b)
    };
    Some(PastedPoint { lat, lon, datum })
}

/// Every decimal number in the text, in order (full-width digits and separators folded).
fn numbers_in(text: &str) -> Vec<f64> {
    let folded = fold_full_width(text);
    let mut numbers = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, numbers: &mut Vec<f64>| {
        if !current.is_empty() && current != "-" && current != "+" {
            if let Ok(value) = current.parse::<f64>() {
                numbers.push(value);
            } else {
                numbers.push(f64::NAN);
            }
        }
        current.clear();
    };
    for c in folded.chars() {
        if c.is_ascii_digit() || c == '.' || ((c == '-' || c == '+') && current.is_empty()) {
            current.push(c);
        } else {
            flush(&mut current, &mut numbers);
            if c.is_alphabetic() && !matches!(c, 'e' | 'E' | 'n' | 'N' | 's' | 'S' | 'w' | 'W') {
                // Letters other than hemispheres mean this is not a bare pair ("NaN", "abc").
                numbers.push(f64::NAN);
            }
        }
    }
    flush(&mut current, &mut numbers);
    numbers
}

fn has_hemisphere(text: &str) -> bool {
    let upper = text.to_ascii_uppercase();
    (upper.contains('N') || upper.contains('S'))
        && (upper.contains('E') || upper.contains('W'))
        && upper.chars().any(|c| c.is_ascii_digit())
}

/// `21°41'53"N 100°01'52"E`, `N21°41.88' E100°1.87'`, `21.698N, 100.031E`.
fn parse_dms(text: &str) -> Option<PastedPoint> {
    let upper: String = text
        .to_uppercase()
        .replace(['′', '’', '‘'], "'")
        .replace(['″', '”', '“'], "\"")
        .replace("''", "\"");
    // Split into two halves at the first hemisphere letter that ends or starts a coordinate.
    let mut values: Vec<(f64, Option<char>)> = Vec::new();
    let mut parts: Vec<f64> = Vec::new();
    let mut number = String::new();
    let mut leading_hemisphere: Option<char> = None;
    let finish = |parts: &mut Vec<f64>, values: &mut Vec<(f64, Option<char>)>, h: Option<char>| {
        if parts.is_empty() {
            return false;
        }
        let degrees = parts.first().copied().unwrap_or(0.0);
        let minutes = parts.get(1).copied().unwrap_or(0.0);
        let seconds = parts.get(2).copied().unwrap_or(0.0);
        if parts.len() > 3 || minutes >= 60.0 || seconds >= 60.0 || minutes < 0.0 || seconds < 0.0 {
            values.push((f64::NAN, h));
        } else {
            let magnitude = degrees.abs() + minutes / 60.0 + seconds / 3600.0;
            values.push((
                magnitude.copysign(if degrees < 0.0 { -1.0 } else { 1.0 }),
                h,
            ));
        }
        parts.clear();
        true
    };
    for c in upper.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || c == '.' || (c == '-' && number.is_empty() && parts.is_empty()) {
            number.push(c);
            continue;
        }
        if !number.is_empty() {
            parts.push(number.parse().ok()?);
            number.clear();
        }
        match c {
            'N' | 'S' | 'E' | 'W' => {
                if parts.is_empty() {
                    leading_hemisphere = Some(c);
                } else {
                    finish(&mut parts, &mut values, Some(c));
                }
            }
            ',' | ';' | '，' => {
                finish(&mut parts, &mut values, leading_hemisphere.take());
            }
            // A space ends a coordinate only when a hemisphere letter led it ("N 21°41'53\"
            // E 100°…"); a space between degrees and minutes does not.
            ' ' if !parts.is_empty() && leading_hemisphere.is_some() => {
                finish(&mut parts, &mut values, leading_hemisphere.take());
            }
            _ => {}
        }
    }
    finish(&mut parts, &mut values, leading_hemisphere.take());
    let [(a, ha), (b, hb)] = values.as_slice() else {
        return None;
    };
    let signed = |v: f64, h: Option<char>| match h {
        Some('S') | Some('W') => -v.abs(),
        _ => v,
    };
    let (a, b) = (signed(*a, *ha), signed(*b, *hb));
    match (ha, hb) {
        (Some('E' | 'W'), Some('N' | 'S')) => Some(PastedPoint {
            lat: b,
            lon: a,
            datum: None,
        }),
        (Some('N' | 'S'), _) | (_, Some('E' | 'W')) => Some(PastedPoint {
            lat: a,
            lon: b,
            datum: None,
        }),
        _ => order_pair(a, b, None),
    }
    .filter(|p| p.lat.is_finite() && p.lon.is_finite())
}

/// Query parameter `name` of a URL (already lower-cased), percent-decoding `%2c` commas.
fn param<'a>(url: &'a str, name: &str) -> Option<std::borrow::Cow<'a, str>> {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    query
        .split(['&', '#'])
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| {
            if v.contains('%') {
                std::borrow::Cow::Owned(v.replace("%2c", ",").replace("%20", " "))
            } else {
                std::borrow::Cow::Borrowed(v)
            }
        })
}

fn two_numbers(text: &str) -> Option<(f64, f64)> {
    let numbers = numbers_in(text);
    match numbers.as_slice() {
        [a, b, ..] => Some((*a, *b)),
        _ => None,
    }
}

/// Map-app share links. The datum comes from the app.
fn parse_link(url: &str) -> Option<PastedPoint> {
    if let Some(rest) = url.strip_prefix("geo:") {
        let (a, b) = two_numbers(rest.split(['?', ';']).next().unwrap_or(""))?;
        return Some(PastedPoint {
            lat: a,
            lon: b,
            datum: Some(Datum::Wgs84),
        });
    }
    let host = url.split("://").nth(1)?.split(['/', '?', '#']).next()?;
    if host.ends_with("amap.com") {
        // uri.amap.com/marker?position=lon,lat ; ditu.amap.com/…?lng=…&lat=…
        if let Some(position) = param(url, "position") {
            let (lon, lat) = two_numbers(&position)?;
            return Some(PastedPoint {
                lat,
                lon,
                datum: Some(Datum::Gcj02),
            });
        }
        let lat = param(url, "lat")?.parse().ok()?;
        let lon = param(url, "lng")
            .or_else(|| param(url, "lon"))?
            .parse()
            .ok()?;
        return Some(PastedPoint {
            lat,
            lon,
            datum: Some(Datum::Gcj02),
        });
    }
    if host.ends_with("map.baidu.com") {
        // api.map.baidu.com/marker?location=lat,lng&coord_type=…
        let (lat, lon) = two_numbers(&param(url, "location")?)?;
        let datum = match param(url, "coord_type").as_deref() {
            Some("gcj02") => Datum::Gcj02,
            Some("wgs84") => Datum::Wgs84,
            _ => Datum::Bd09,
        };
        return Some(PastedPoint {
            lat,
            lon,
            datum: Some(datum),
        });
    }
    if host.ends_with("map.qq.com") {
        // apis.map.qq.com/uri/v1/marker?marker=coord:lat,lng;title:…
        let marker = param(url, "marker")?;
        let coord = marker.split(';').find_map(|p| p.strip_prefix("coord:"))?;
        let (lat, lon) = two_numbers(coord)?;
        return Some(PastedPoint {
            lat,
            lon,
            datum: Some(Datum::Gcj02),
        });
    }
    if host.ends_with("openstreetmap.org") {
        if let (Some(lat), Some(lon)) = (param(url, "mlat"), param(url, "mlon")) {
            return Some(PastedPoint {
                lat: lat.parse().ok()?,
                lon: lon.parse().ok()?,
                datum: Some(Datum::Wgs84),
            });
        }
        // #map=zoom/lat/lon
        let map = url.split("map=").nth(1)?;
        let mut parts = map.split(['/', '&']).skip(1);
        let lat = parts.next()?.parse().ok()?;
        let lon = parts.next()?.parse().ok()?;
        return Some(PastedPoint {
            lat,
            lon,
            datum: Some(Datum::Wgs84),
        });
    }
    // Google (…/@lat,lon,15z, ?q=lat,lon, ?ll=…) and Apple (?ll=lat,lon, ?q=…): these apps
    // show shifted coordinates inside China, so the datum is left to the user.
    let candidates = [
        url.split('@').nth(1).map(std::borrow::Cow::Borrowed),
        param(url, "ll"),
        param(url, "q"),
        param(url, "query"),
        param(url, "center"),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|text| two_numbers(&text).and_then(|(a, b)| order_pair(a, b, None)))
}
