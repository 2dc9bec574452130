//! Photos: the EXIF GPS position and the date the picture was taken (kamadak-exif; JPEG, and
//! HEIC/HEIF as the crate reads it).
//!
//! The instant is taken, in order of trust, from `DateTimeOriginal` with its `OffsetTimeOriginal`;
//! from the GPS clock (`GPSDateStamp` + `GPSTimeStamp`, always UTC); or from `DateTimeOriginal`
//! alone, a wall-clock time without a zone, read as China time (a phone in China shows China time,
//! and the date is what the stay needs).

use std::io::{BufRead, Seek};

use exif::{Exif, In, Tag, Value};

use super::ImportError;
use super::stays::{CHINA_OFFSET_SECONDS, Collector};

/// A photo's bytes: buffered and seekable (HEIC keeps its EXIF behind an index).
pub(crate) trait BufReadSeek: BufRead + Seek {}
impl<T: BufRead + Seek> BufReadSeek for T {}

/// Reads one photo's position and date into `sink`.
pub(crate) fn parse(reader: &mut dyn BufReadSeek, sink: &mut Collector) -> Result<(), ImportError> {
    let exif = exif::Reader::new()
        .read_from_container(&mut &mut *reader)
        .map_err(map_error)?;
    let (lat, lon) = position(&exif).ok_or(ImportError::NoPhotoLocation)?;
    let at = instant(&exif).ok_or(ImportError::NoPhotoDate)?;
    sink.point(lat, lon, at);
    Ok(())
}

fn map_error(e: exif::Error) -> ImportError {
    match e {
        exif::Error::NotFound(_) | exif::Error::BlankValue(_) => ImportError::NoPhotoLocation,
        exif::Error::Io(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            ImportError::Truncated {
                format: "photo",
                detail: io.to_string(),
            }
        }
        exif::Error::Io(io) => ImportError::Read(io.to_string()),
        // kamadak-exif's word for a JPEG that ends before its end marker.
        exif::Error::InvalidFormat(m) if m.starts_with("Broken") => ImportError::Truncated {
            format: "photo",
            detail: m.to_lowercase(),
        },
        other => ImportError::Malformed {
            format: "photo",
            detail: other.to_string(),
        },
    }
}

fn position(exif: &Exif) -> Option<(f64, f64)> {
    let lat = degrees(exif, Tag::GPSLatitude)?;
    let lon = degrees(exif, Tag::GPSLongitude)?;
    let south = reference(exif, Tag::GPSLatitudeRef) == Some(b'S');
    let west = reference(exif, Tag::GPSLongitudeRef) == Some(b'W');
    Some((
        if south { -lat } else { lat },
        if west { -lon } else { lon },
    ))
}

/// Degrees, minutes, seconds as three rationals.
fn degrees(exif: &Exif, tag: Tag) -> Option<f64> {
    match &exif.get_field(tag, In::PRIMARY)?.value {
        Value::Rational(v) if !v.is_empty() => {
            let part = |i: usize| v.get(i).map_or(0.0, |r| r.to_f64());
            let d = part(0) + part(1) / 60.0 + part(2) / 3600.0;
            d.is_finite().then_some(d)
        }
        _ => None,
    }
}

fn reference(exif: &Exif, tag: Tag) -> Option<u8> {
    match &exif.get_field(tag, In::PRIMARY)?.value {
        Value::Ascii(v) => v.first()?.first().map(u8::to_ascii_uppercase),
        _ => None,
    }
}

fn ascii(exif: &Exif, tag: Tag) -> Option<&[u8]> {
    match &exif.get_field(tag, In::PRIMARY)?.value {
        Value::Ascii(v) => v.first().map(Vec::as_slice),
        _ => None,
    }
}

fn instant(exif: &Exif) -> Option<i64> {
    let original = || {
        ascii(exif, Tag::DateTimeOriginal)
            .or_else(|| ascii(exif, Tag::DateTime))
            .and_then(|b| exif::DateTime::from_ascii(b).ok())
    };
    if let Some(mut dt) = original()
        && let Some(offset) = ascii(exif, Tag::OffsetTimeOriginal)
        && dt.parse_offset(offset).is_ok()
        && let Some(minutes) = dt.offset
    {
        return seconds(&dt).map(|s| s - i64::from(minutes) * 60);
    }
    if let Some(at) = gps_instant(exif) {
        return Some(at);
    }
    original()
        .as_ref()
        .and_then(seconds)
        .map(|s| s - CHINA_OFFSET_SECONDS)
}

fn gps_instant(exif: &Exif) -> Option<i64> {
    let date = ascii(exif, Tag::GPSDateStamp)?;
    let date = std::str::from_utf8(date).ok()?.trim_end_matches('\0');
    let mut it = date.split([':', '-']);
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    let time = match &exif.get_field(Tag::GPSTimeStamp, In::PRIMARY)?.value {
        Value::Rational(v) if v.len() == 3 => v.iter().map(|r| r.to_f64()).collect::<Vec<_>>(),
        _ => return None,
    };
    let dt = jiff::civil::DateTime::new(
        y.parse().ok()?,
        m.parse().ok()?,
        d.parse().ok()?,
        finite_as::<i8>(time[0])?,
        finite_as::<i8>(time[1])?,
        finite_as::<i8>(time[2].floor())?,
        0,
    )
    .ok()?;
    jiff::tz::Offset::UTC
        .to_timestamp(dt)
        .ok()
        .map(|t| t.as_second())
}

fn finite_as<T: TryFrom<i64>>(v: f64) -> Option<T> {
    if !v.is_finite() || v.abs() > 1e6 {
        return None;
    }
    T::try_from(v as i64).ok()
}

/// The wall-clock fields read as if they were UTC.
fn seconds(dt: &exif::DateTime) -> Option<i64> {
    let civil = jiff::civil::DateTime::new(
        i16::try_from(dt.year).ok()?,
        i8::try_from(dt.month).ok()?,
        i8::try_from(dt.day).ok()?,
        i8::try_from(dt.hour).ok()?,
        i8::try_from(dt.minute).ok()?,
        i8::try_from(dt.second).ok()?,
        0,
    )
    .ok()?;
    jiff::tz::Offset::UTC
        .to_timestamp(civil)
        .ok()
        .map(|t| t.as_second())
}
