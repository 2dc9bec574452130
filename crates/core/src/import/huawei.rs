//! Huawei Health (华为运动健康) data export: the track points of each recorded workout.
//!
//! ## The file, as third-party converters read it
//!
//! 运动健康 → 我 → (account) → 隐私中心 → 申请获取数据: Huawei mails a link to a zip; since late
//! October 2020 the zip is AES-encrypted with a password the person sets when asking for it. The
//! workouts are in `Motion path detail data & description/motion path detail data.json` (a
//! `data/` folder in front in older zips; since mid-2024 split into several numbered files). The
//! file is a JSON array of workouts (before 07/2020 each item held a `motionPathData` array of
//! them), but **not valid JSON**: `partTimeMap` has unquoted number keys (`{1.0:461.0}`), so it
//! is not read with a JSON parser. Each workout's `attribute` string is
//! `HW_EXT_TRACK_DETAIL@is<records>&&HW_EXT_TRACK_SIMPLIFY@is<summary JSON>`, the records one per
//! line (`\n`, escaped in the JSON string), and the location records are
//!
//! ```text
//! tp=lbs;k=0;lat=23.729742;lon=106.919210;alt=110.807605;t=1667655574000;
//! ```
//!
//! `t` is epoch seconds (`1.615946456E9`) or milliseconds (`1667655574000`); `lat=90;lon=-80`
//! marks a pause or a stop, not a place. Sources: https://github.com/CTHRU/Hitrava (README; the
//! `HiJson` and `HiTrack` classes in Hitrava.py: file names, the two layouts, the unquoted
//! `partTimeMap`, the pause record, the timestamp formats). Confidence: medium (a maintained
//! converter read by many users; Huawei publishes no specification). Whether the points are
//! WGS-84 or GCJ-02 inside China is not established: GCJ-02 is off by at most about 0.7 km, far
//! below the scale of the screening (tens of km), so the points are taken as they are.
//!
//! ## How it is read
//!
//! As a byte stream, not as JSON: every `tp=lbs;` record anywhere in the file is read up to the
//! end of its line (a `\`, a `"` or a line break), its `lat`, `lon` and `t` taken, and the point
//! handed to the collector. Nothing else (heart rate, steps, calories) is kept. Memory does not
//! grow with the file: one record (at most [`MAX_RECORD_BYTES`]) is held at a time.

use std::io::{BufRead, BufReader, Read};

use super::ImportError;
use super::stays::Collector;

/// What opens a location record.
const RECORD: &[u8] = b"tp=lbs;";
/// Longest location record read (real ones are under 100 bytes).
pub const MAX_RECORD_BYTES: usize = 512;

/// Whether the first bytes of a JSON-looking file are a Huawei Health workout export.
pub(crate) fn looks_like(prefix: &[u8]) -> bool {
    const MARKS: [&[u8]; 5] = [
        b"HW_EXT_TRACK",
        b"\"motionPathData\"",
        b"\"partTimeMap\"",
        b"\"sportType\"",
        b"\"totalSteps\"",
    ];
    MARKS
        .iter()
        .any(|m| prefix.windows(m.len()).any(|w| w == *m))
}

/// Reads every location record of a Huawei Health export into `sink`.
pub(crate) fn parse(reader: &mut dyn Read, sink: &mut Collector) -> Result<(), ImportError> {
    let mut input = BufReader::with_capacity(64 * 1024, reader);
    let mut matched = 0usize;
    let mut record: Vec<u8> = Vec::with_capacity(MAX_RECORD_BYTES);
    let mut in_record = false;
    let mut records = 0u64;
    let mut saw_track = false;
    loop {
        let chunk = input
            .fill_buf()
            .map_err(|e| ImportError::Read(e.to_string()))?;
        if chunk.is_empty() {
            break;
        }
        let n = chunk.len();
        for &b in chunk {
            if in_record {
                if matches!(b, b'\\' | b'"' | b'\n' | b'\r') || record.len() >= MAX_RECORD_BYTES {
                    in_record = false;
                    records += 1;
                    point(&record, sink);
                    record.clear();
                } else {
                    record.push(b);
                }
                continue;
            }
            // Looking for "tp=lbs;" (its letters do not repeat, so a mismatch restarts at 0
            // or 1).
            if b == RECORD[matched] {
                matched += 1;
                if matched == RECORD.len() {
                    matched = 0;
                    in_record = true;
                    saw_track = true;
                }
            } else {
                matched = usize::from(b == RECORD[0]);
            }
        }
        input.consume(n);
    }
    if in_record {
        records += 1;
        point(&record, sink);
    }
    if !saw_track {
        return Err(ImportError::NoHuaweiTrack);
    }
    let _ = records;
    Ok(())
}

/// One record's fields after `tp=lbs;` → a point, or a skipped one.
fn point(record: &[u8], sink: &mut Collector) {
    let text = String::from_utf8_lossy(record);
    let (mut lat, mut lon, mut t) = (None, None, None);
    for field in text.split(';') {
        match field.split_once('=') {
            Some(("lat", v)) => lat = v.trim().parse::<f64>().ok(),
            Some(("lon", v)) => lon = v.trim().parse::<f64>().ok(),
            Some(("t", v)) => t = v.trim().parse::<f64>().ok(),
            _ => {}
        }
    }
    let (Some(lat), Some(lon), Some(t)) = (lat, lon, t) else {
        sink.skipped += 1;
        return;
    };
    // The pause/stop marker, a missing fix, a coordinate off the globe.
    let valid = lat.is_finite()
        && lon.is_finite()
        && lat.abs() < 90.0
        && lon.abs() <= 180.0
        && !(lat == 0.0 && lon == 0.0);
    let Some(at) = epoch_seconds(t).filter(|_| valid) else {
        sink.skipped += 1;
        return;
    };
    sink.point(lat, lon, at);
}

/// Epoch seconds from a Huawei `t`: seconds (10 digits, often written `1.615946456E9`) or
/// milliseconds (13 digits). Anything before 2000 or after 2100 is not a workout's time.
fn epoch_seconds(t: f64) -> Option<i64> {
    const FROM: f64 = 946_684_800.0; // 2000-01-01
    const TO: f64 = 4_102_444_800.0; // 2100-01-01
    let seconds = if t >= FROM * 1000.0 { t / 1000.0 } else { t };
    (seconds.is_finite() && (FROM..TO).contains(&seconds)).then_some(seconds as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_seconds_and_milliseconds() {
        assert_eq!(epoch_seconds(1.615946456E9), Some(1_615_946_456));
        assert_eq!(epoch_seconds(1_667_655_574_000.0), Some(1_667_655_574));
        assert_eq!(epoch_seconds(0.0), None);
        assert_eq!(epoch_seconds(43_200.0), None);
    }

    #[test]
    fn records_are_found_across_escaped_line_breaks_and_pauses_are_skipped() {
        let text = br#"[{"partTimeMap":{1.0:461.0},"attribute":"HW_EXT_TRACK_DETAIL@istp=lbs;k=0;lat=21.6980;lon=100.0310;alt=0.0;t=1.567566E9;\ntp=lbs;k=1;lat=90.0;lon=-80.0;alt=0.0;t=1.567567E9;\ntp=h-r;k=1;v=120;\ntp=lbs;k=2;lat=21.6990;lon=100.0320;alt=0.0;t=1567568000000;\n&&HW_EXT_TRACK_SIMPLIFY@is{}"}]"#;
        let mut sink = Collector::new(100);
        parse(&mut &text[..], &mut sink).unwrap();
        assert_eq!(sink.points, 2);
        assert_eq!(sink.skipped, 1);
    }

    #[test]
    fn a_file_without_track_records_is_refused() {
        let text = br#"[{"sportType":101,"attribute":"HW_EXT_TRACK_DETAIL@istp=p-m;k=1;v=500&&"}]"#;
        let mut sink = Collector::new(100);
        assert_eq!(
            parse(&mut &text[..], &mut sink),
            Err(ImportError::NoHuaweiTrack)
        );
    }
}
