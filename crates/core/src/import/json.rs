//! Google's three location-history JSON formats, streamed.
//!
//! - **Records.json** (Takeout, until 2024): `{"locations": [{"latitudeE7", "longitudeE7",
//!   "timestamp" (RFC 3339) or "timestampMs" (ms, string), …}, …]}`.
//! - **Semantic Location History** (Takeout, one file per month): `{"timelineObjects": [
//!   {"placeVisit": {"location": {"latitudeE7", …}, "duration": {"startTimestamp", "endTimestamp"}}}
//!   | {"activitySegment": {"startLocation", "endLocation", "duration", "simplifiedRawPath"}}]}`.
//! - **Timeline.json** (exported on the phone since 2024): `{"semanticSegments": [{"startTime",
//!   "endTime", "visit": {"topCandidate": {"placeLocation": {"latLng": "21.698°, 100.031°"}}},
//!   "activity": {"start": {"latLng"}, "end": {"latLng"}}, "timelinePath": [{"point", "time"}]}]}`;
//!   the iPhone export is a bare array of such segments with `"geo:21.698,100.031"` strings.
//!   `rawSignals[].position` (`{"LatLng": "…", "timestamp": "…"}`) are read as points too.
//!
//! The top-level object is walked key by key with a [`Visitor`]; the big arrays are walked element
//! by element with a [`DeserializeSeed`], each element deserialized into a small struct, handed to
//! the [`Collector`] and dropped. The parse never holds a tree of the file, so memory stays flat
//! however long the history. A byte-level guard in front of the parser refuses input nested deeper
//! than [`MAX_DEPTH`] (real exports nest fewer than 10 levels) before serde sees it, so the error
//! is always "nested too deep", whatever the shape (serde_json's own recursion limit, 128, stays
//! as a second line), and a string longer than [`MAX_STRING_BYTES`] (serde_json buffers each
//! string whole).

use std::fmt;
use std::io::Read;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::Format;
use super::ImportError;
use super::stays::Collector;

/// JSON nested deeper than this is refused.
pub const MAX_DEPTH: usize = 64;

/// Parses one JSON location history from `reader` into `sink`; returns which format it was.
///
/// The reader is a trait object on purpose: every struct's `Deserialize` is compiled once, not
/// once per reader type (file, zip entry …), which keeps the wasm the phone downloads smaller.
pub(crate) fn parse(reader: &mut dyn Read, sink: &mut Collector) -> Result<Format, ImportError> {
    let mut guard = ShapeGuard {
        inner: reader,
        depth: 0,
        in_string: false,
        escaped: false,
        string_len: 0,
        tripped: None,
    };
    let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(
        64 * 1024,
        &mut guard,
    ));
    let result = de
        .deserialize_any(Top { sink })
        .and_then(|found| de.end().map(|()| found));
    match guard.tripped {
        Some(Tripped::TooDeep) => return Err(ImportError::TooDeep { limit: MAX_DEPTH }),
        Some(Tripped::StringTooLong) => {
            return Err(ImportError::Malformed {
                format: "JSON",
                detail: format!(
                    "one text value is longer than {} MB, which no location history has",
                    MAX_STRING_BYTES >> 20
                ),
            });
        }
        None => {}
    }
    result
        .map_err(map_error)?
        .ok_or(ImportError::NoLocationHistory)
}

/// Longest string value read (serde_json buffers a string whole); real exports have short ones.
pub const MAX_STRING_BYTES: usize = 16 << 20;

/// What made [`ShapeGuard`] stop the read.
#[derive(Clone, Copy, PartialEq)]
enum Tripped {
    TooDeep,
    StringTooLong,
}

/// Tracks the nesting of `[` and `{` outside strings, and the length of the string being read, in
/// the bytes as they pass; stops the read past [`MAX_DEPTH`] or [`MAX_STRING_BYTES`], so neither
/// the stack nor one string can grow with a hostile file. A few branches per byte; no allocation.
struct ShapeGuard<R> {
    inner: R,
    depth: usize,
    in_string: bool,
    escaped: bool,
    string_len: usize,
    tripped: Option<Tripped>,
}

impl<R: Read> Read for ShapeGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.tripped.is_some() {
            return Err(std::io::Error::other(
                "stopped: not a location history's shape",
            ));
        }
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if self.in_string {
                self.string_len += 1;
                if self.string_len > MAX_STRING_BYTES {
                    self.tripped = Some(Tripped::StringTooLong);
                } else if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                }
            } else {
                match b {
                    b'"' => {
                        self.in_string = true;
                        self.string_len = 0;
                    }
                    b'[' | b'{' => {
                        self.depth += 1;
                        if self.depth > MAX_DEPTH {
                            self.tripped = Some(Tripped::TooDeep);
                        }
                    }
                    b']' | b'}' => self.depth = self.depth.saturating_sub(1),
                    _ => {}
                }
            }
            if self.tripped.is_some() {
                return Err(std::io::Error::other(
                    "stopped: not a location history's shape",
                ));
            }
        }
        Ok(n)
    }
}

fn map_error(e: serde_json::Error) -> ImportError {
    use serde_json::error::Category;
    let detail = e.to_string();
    match e.classify() {
        Category::Eof => ImportError::Truncated {
            format: "JSON",
            detail,
        },
        Category::Syntax if detail.starts_with("recursion limit exceeded") => {
            ImportError::TooDeep { limit: 128 }
        }
        Category::Syntax | Category::Data => ImportError::Malformed {
            format: "JSON",
            detail,
        },
        // The caller tells a cancel or a size cap apart by its counting reader.
        Category::Io => ImportError::Read(detail),
    }
}

/// The top level: an object with one of the known arrays, or (iPhone) a bare array of segments.
struct Top<'a> {
    sink: &'a mut Collector,
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = Option<Format>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object or array")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "locations" => {
                    map.next_value_seed(Each(self.sink, record))?;
                    found = Some(Format::RecordsJson);
                }
                "timelineObjects" => {
                    map.next_value_seed(Each(self.sink, timeline_object))?;
                    found = Some(Format::SemanticHistory);
                }
                "semanticSegments" => {
                    map.next_value_seed(Each(self.sink, segment))?;
                    found = Some(Format::TimelineJson);
                }
                "rawSignals" => {
                    map.next_value_seed(Each(self.sink, raw_signal))?;
                    found = found.or(Some(Format::TimelineJson));
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(found)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        // Any JSON array reaches here, so its elements are read leniently: an array of numbers
        // is "not a location history", not "damaged".
        let before = self.sink.points + self.sink.skipped;
        Each(self.sink, lenient_segment).visit_seq(seq)?;
        Ok((self.sink.points + self.sink.skipped > before).then_some(Format::TimelineJson))
    }

    // Any other JSON value (a string, a number) is valid JSON but no location history.
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// Walks an array element by element, deserializing each as `T` and handing it to `f`.
struct Each<'a, T>(&'a mut Collector, fn(&mut Collector, T));

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Each<'_, T> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Each<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element::<T>()? {
            (self.1)(self.0, item);
        }
        Ok(())
    }
}

// ---- Records.json ----

#[derive(Deserialize)]
struct Record {
    #[serde(rename = "latitudeE7")]
    lat_e7: Option<f64>,
    #[serde(rename = "longitudeE7")]
    lon_e7: Option<f64>,
    timestamp: Option<String>,
    #[serde(rename = "timestampMs")]
    timestamp_ms: Option<Int>,
}

fn record(sink: &mut Collector, r: Record) {
    let at = match (&r.timestamp, &r.timestamp_ms) {
        (Some(t), _) => rfc3339(t),
        (None, Some(ms)) => ms.ms_to_seconds(),
        (None, None) => None,
    };
    match (e7(r.lat_e7), e7(r.lon_e7), at) {
        (Some(lat), Some(lon), Some(at)) => sink.point(lat, lon, at),
        _ => sink.skipped += 1,
    }
}

/// Degrees from an E7 integer. Old Takeout exports wrote some values as overflowed unsigned
/// 32-bit integers (above 1 800 000 000); those are corrected by subtracting 2³².
fn e7(v: Option<f64>) -> Option<f64> {
    let mut v = v?;
    if v > 1_800_000_000.0 {
        v -= 4_294_967_296.0;
    }
    Some(v / 1e7)
}

/// Seconds since the epoch of an RFC 3339 instant (`2019-09-04T03:12:45.123Z`, `…+08:00`).
pub(crate) fn rfc3339(text: &str) -> Option<i64> {
    text.trim()
        .parse::<jiff::Timestamp>()
        .ok()
        .map(|t| t.as_second())
}

/// An integer written as a string (`"1567563165123"`, as Takeout writes `timestampMs`) or a number.
struct Int(Option<i64>);

impl Int {
    /// Seconds from milliseconds.
    fn ms_to_seconds(&self) -> Option<i64> {
        self.0.map(|ms| ms.div_euclid(1000))
    }
}

impl<'de> Deserialize<'de> for Int {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Int, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Int;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an integer")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Int, E> {
                Ok(Int(v.trim().parse::<i64>().ok()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Int, E> {
                Ok(Int(Some(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Int, E> {
                Ok(Int(i64::try_from(v).ok()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Int, E> {
                Ok(Int(
                    (v.is_finite() && v.abs() < 9e18).then_some(v.floor() as i64)
                ))
            }
        }
        d.deserialize_any(V)
    }
}

// ---- Semantic Location History ----

#[derive(Deserialize)]
struct TimelineObject {
    #[serde(rename = "placeVisit")]
    place_visit: Option<PlaceVisit>,
    #[serde(rename = "activitySegment")]
    activity_segment: Option<ActivitySegment>,
}

#[derive(Deserialize)]
struct E7Location {
    #[serde(rename = "latitudeE7")]
    lat_e7: Option<f64>,
    #[serde(rename = "longitudeE7")]
    lon_e7: Option<f64>,
}

#[derive(Deserialize)]
struct Duration {
    #[serde(rename = "startTimestamp")]
    start: Option<String>,
    #[serde(rename = "endTimestamp")]
    end: Option<String>,
    #[serde(rename = "startTimestampMs")]
    start_ms: Option<Int>,
    #[serde(rename = "endTimestampMs")]
    end_ms: Option<Int>,
}

impl Duration {
    fn span(&self) -> (Option<i64>, Option<i64>) {
        let start = self
            .start
            .as_deref()
            .and_then(rfc3339)
            .or(self.start_ms.as_ref().and_then(Int::ms_to_seconds));
        let end = self
            .end
            .as_deref()
            .and_then(rfc3339)
            .or(self.end_ms.as_ref().and_then(Int::ms_to_seconds));
        (start, end)
    }
}

#[derive(Deserialize)]
struct PlaceVisit {
    location: Option<E7Location>,
    #[serde(rename = "centerLatE7")]
    center_lat_e7: Option<f64>,
    #[serde(rename = "centerLngE7")]
    center_lng_e7: Option<f64>,
    duration: Option<Duration>,
}

#[derive(Deserialize)]
struct ActivitySegment {
    #[serde(rename = "startLocation")]
    start_location: Option<E7Location>,
    #[serde(rename = "endLocation")]
    end_location: Option<E7Location>,
    duration: Option<Duration>,
    #[serde(rename = "simplifiedRawPath")]
    raw_path: Option<RawPath>,
}

#[derive(Deserialize)]
struct RawPath {
    #[serde(default)]
    points: Vec<RawPathPoint>,
}

#[derive(Deserialize)]
struct RawPathPoint {
    #[serde(rename = "latE7")]
    lat_e7: Option<f64>,
    #[serde(rename = "lngE7")]
    lng_e7: Option<f64>,
    timestamp: Option<String>,
    #[serde(rename = "timestampMs")]
    timestamp_ms: Option<Int>,
}

fn timeline_object(sink: &mut Collector, o: TimelineObject) {
    if let Some(v) = o.place_visit {
        let (start, end) = v.duration.as_ref().map_or((None, None), Duration::span);
        let (lat, lon) = match &v.location {
            Some(l) if l.lat_e7.is_some() && l.lon_e7.is_some() => (e7(l.lat_e7), e7(l.lon_e7)),
            _ => (e7(v.center_lat_e7), e7(v.center_lng_e7)),
        };
        match (lat, lon, start) {
            (Some(lat), Some(lon), Some(start)) => {
                sink.interval(lat, lon, start, end.unwrap_or(start))
            }
            _ => sink.skipped += 1,
        }
    }
    if let Some(a) = o.activity_segment {
        let (start, end) = a.duration.as_ref().map_or((None, None), Duration::span);
        for (loc, at) in [(&a.start_location, start), (&a.end_location, end)] {
            if let (Some(l), Some(at)) = (loc, at)
                && let (Some(lat), Some(lon)) = (e7(l.lat_e7), e7(l.lon_e7))
            {
                sink.point(lat, lon, at);
            }
        }
        for p in a.raw_path.map(|p| p.points).unwrap_or_default() {
            let at = p
                .timestamp
                .as_deref()
                .and_then(rfc3339)
                .or(p.timestamp_ms.as_ref().and_then(Int::ms_to_seconds));
            match (e7(p.lat_e7), e7(p.lng_e7), at) {
                (Some(lat), Some(lon), Some(at)) => sink.point(lat, lon, at),
                _ => sink.skipped += 1,
            }
        }
    }
}

// ---- Timeline.json (on-device export) ----

#[derive(Deserialize)]
struct Segment {
    #[serde(rename = "startTime")]
    start_time: Option<String>,
    #[serde(rename = "endTime")]
    end_time: Option<String>,
    visit: Option<Visit>,
    activity: Option<Activity>,
    #[serde(rename = "timelinePath")]
    timeline_path: Option<Vec<PathPoint>>,
}

#[derive(Deserialize)]
struct Visit {
    #[serde(rename = "topCandidate")]
    top_candidate: Option<Candidate>,
}

#[derive(Deserialize)]
struct Candidate {
    #[serde(rename = "placeLocation")]
    place_location: Option<LatLng>,
}

#[derive(Deserialize)]
struct Activity {
    start: Option<LatLng>,
    end: Option<LatLng>,
}

#[derive(Deserialize)]
struct PathPoint {
    point: Option<LatLng>,
    time: Option<String>,
    /// iPhone export: minutes after the segment's start.
    #[serde(rename = "durationMinutesOffsetFromStartTime")]
    offset_minutes: Option<Int>,
}

fn segment(sink: &mut Collector, s: Segment) {
    let start = s.start_time.as_deref().and_then(rfc3339);
    let end = s.end_time.as_deref().and_then(rfc3339);
    if let Some(v) = s.visit {
        match (
            v.top_candidate
                .and_then(|c| c.place_location)
                .and_then(|l| l.0),
            start,
        ) {
            (Some((lat, lon)), Some(start)) => sink.interval(lat, lon, start, end.unwrap_or(start)),
            _ => sink.skipped += 1,
        }
    }
    if let Some(a) = s.activity {
        for (loc, at) in [(a.start, start), (a.end, end)] {
            if let (Some(LatLng(Some((lat, lon)))), Some(at)) = (loc, at) {
                sink.point(lat, lon, at);
            }
        }
    }
    for p in s.timeline_path.unwrap_or_default() {
        let at = p.time.as_deref().and_then(rfc3339).or_else(|| {
            let minutes = p.offset_minutes.as_ref()?.0?;
            start?.checked_add(minutes.checked_mul(60)?)
        });
        match (p.point.and_then(|l| l.0), at) {
            (Some((lat, lon)), Some(at)) => sink.point(lat, lon, at),
            _ => sink.skipped += 1,
        }
    }
}

#[derive(Deserialize)]
struct RawSignal {
    position: Option<RawPosition>,
}

#[derive(Deserialize)]
struct RawPosition {
    #[serde(rename = "LatLng")]
    lat_lng: Option<LatLng>,
    timestamp: Option<String>,
}

/// Timeline.json's `rawSignals[].position`: the raw fixes between the segments.
fn raw_signal(sink: &mut Collector, r: RawSignal) {
    let Some(p) = r.position else {
        // Wi-Fi scans and activity records: no position, nothing to count.
        return;
    };
    match (
        p.lat_lng.and_then(|l| l.0),
        p.timestamp.as_deref().and_then(rfc3339),
    ) {
        (Some((lat, lon)), Some(at)) => sink.point(lat, lon, at),
        _ => sink.skipped += 1,
    }
}

/// A segment if the element is an object, `None` for anything else.
struct Lenient(Option<Segment>);

impl<'de> Deserialize<'de> for Lenient {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Lenient, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Lenient;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Lenient, A::Error> {
                Segment::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|s| Lenient(Some(s)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Lenient, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Lenient(None))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Lenient, E> {
                Ok(Lenient(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Lenient, E> {
                Ok(Lenient(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Lenient, E> {
                Ok(Lenient(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Lenient, E> {
                Ok(Lenient(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Lenient, E> {
                Ok(Lenient(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Lenient, E> {
                Ok(Lenient(None))
            }
        }
        d.deserialize_any(V)
    }
}

fn lenient_segment(sink: &mut Collector, s: Lenient) {
    if let Some(s) = s.0 {
        segment(sink, s);
    }
}

/// A position as Timeline.json writes it: `"21.698°, 100.031°"`, `"geo:21.698,100.031"`, or an
/// object `{"latLng": "…"}`. `None` when it does not parse.
struct LatLng(Option<(f64, f64)>);

impl<'de> Deserialize<'de> for LatLng {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<LatLng, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LatLng;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("\"lat°, lng°\" or {\"latLng\": …}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LatLng, E> {
                Ok(LatLng(parse_lat_lng(v)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LatLng, A::Error> {
                let mut found = None;
                while let Some(key) = map.next_key::<String>()? {
                    if key.eq_ignore_ascii_case("latlng") {
                        found = map.next_value::<LatLng>()?.0;
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(LatLng(found))
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses `"21.698°, 100.031°"`, `"21.698, 100.031"` or `"geo:21.698,100.031"`.
pub fn parse_lat_lng(text: &str) -> Option<(f64, f64)> {
    let text = text.trim();
    let text = text.strip_prefix("geo:").unwrap_or(text);
    let (lat, lon) = text.split_once(',')?;
    let num = |s: &str| {
        s.trim()
            .trim_end_matches('°')
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
    };
    Some((num(lat)?, num(lon)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lat_lng_strings() {
        assert_eq!(parse_lat_lng("21.698°, 100.031°"), Some((21.698, 100.031)));
        assert_eq!(parse_lat_lng("geo:21.698,100.031"), Some((21.698, 100.031)));
        assert_eq!(parse_lat_lng("-33.5°, -70.1°"), Some((-33.5, -70.1)));
        assert_eq!(parse_lat_lng("21.698°"), None);
        assert_eq!(parse_lat_lng("a, b"), None);
    }

    #[test]
    fn e7_overflow_is_corrected() {
        // 4 294 967 296 − 10 000 000 = −1°.
        assert_eq!(e7(Some(4_284_967_296.0)), Some(-1.0));
        assert_eq!(e7(Some(216_980_000.0)), Some(21.698));
    }
}
