//! GPX and KML, streamed with quick-xml's pull parser (one event at a time, one reused buffer).
//!
//! - **GPX**: every `<trkpt>`, `<rtept>` and `<wpt>` with `lat`/`lon` attributes and a `<time>`
//!   child (points without a time cannot be dated and are skipped).
//! - **KML**: `<gx:Track>` (`<when>` and `<gx:coord>lon lat alt</gx:coord>` paired in order, as
//!   Google Earth and Google's old location-history KML write them), and `<Placemark>`s with a
//!   `<TimeStamp><when>` or `<TimeSpan><begin>/<end>` and `<Point>`/`<LineString>` coordinates
//!   (`lon,lat[,alt]` tuples).
//!
//! quick-xml does not expand DTD entities, so "billion laughs" documents cannot blow up; nesting
//! is capped at [`MAX_DEPTH`] elements and one tag or text at [`MAX_RUN_BYTES`]; an input that
//! ends with elements still open is reported as cut off.

use std::collections::VecDeque;
use std::io::{BufReader, Read};

use quick_xml::events::{BytesStart, Event};

use super::Format;
use super::ImportError;
use super::json::rfc3339;
use super::stays::Collector;

/// Elements nested deeper than this are refused (real GPX/KML nest fewer than 10).
pub const MAX_DEPTH: usize = 256;
/// A Placemark's LineString keeps at most this many points (the rest are counted as skipped).
const MAX_PLACEMARK_POINTS: usize = 20_000;

/// Longest stretch between two `<` or `>` (one tag, or one text): quick-xml buffers each whole.
pub const MAX_RUN_BYTES: usize = 32 << 20;

/// Stops the read when a tag or a text runs past [`MAX_RUN_BYTES`], so one event cannot take the
/// device's memory. One comparison per byte.
pub(crate) struct RunGuard<'a> {
    inner: &'a mut dyn Read,
    run: usize,
    pub tripped: bool,
}

impl<'a> RunGuard<'a> {
    pub fn new(inner: &'a mut dyn Read) -> RunGuard<'a> {
        RunGuard {
            inner,
            run: 0,
            tripped: false,
        }
    }
}

impl Read for RunGuard<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.tripped {
            return Err(std::io::Error::other("stopped: tag or text too long"));
        }
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if b == b'<' || b == b'>' {
                self.run = 0;
            } else {
                self.run += 1;
                if self.run > MAX_RUN_BYTES {
                    self.tripped = true;
                    return Err(std::io::Error::other("stopped: tag or text too long"));
                }
            }
        }
        Ok(n)
    }
}

/// What a text node is for.
#[derive(Clone, Copy, PartialEq)]
enum Text {
    None,
    GpxTime,
    TrackWhen,
    TrackCoord,
    When,
    Begin,
    End,
    Coordinates,
}

#[derive(Default)]
struct GpxPoint {
    lat: Option<f64>,
    lon: Option<f64>,
    time: Option<i64>,
}

#[derive(Default)]
struct Placemark {
    when: Option<i64>,
    begin: Option<i64>,
    end: Option<i64>,
    coords: Vec<(f64, f64)>,
}

struct State<'a> {
    sink: &'a mut Collector,
    format: Option<Format>,
    depth: usize,
    text: Text,
    buf: String,
    gpx: Option<GpxPoint>,
    track_whens: VecDeque<Option<i64>>,
    track_coords: VecDeque<Option<(f64, f64)>>,
    placemark: Option<Placemark>,
    in_track: bool,
}

/// Parses one GPX or KML document from `reader` into `sink`.
///
/// A trait object, like `json::parse`, so the parser is compiled once.
pub(crate) fn parse(reader: &mut dyn Read, sink: &mut Collector) -> Result<Format, ImportError> {
    let mut guard = RunGuard {
        inner: reader,
        run: 0,
        tripped: false,
    };
    let result = parse_guarded(&mut guard, sink);
    if guard.tripped {
        return Err(ImportError::Malformed {
            format: "XML",
            detail: format!(
                "one tag or text is longer than {} MB, which no GPX or KML has",
                MAX_RUN_BYTES >> 20
            ),
        });
    }
    result
}

fn parse_guarded(reader: &mut dyn Read, sink: &mut Collector) -> Result<Format, ImportError> {
    let mut reader = quick_xml::Reader::from_reader(BufReader::with_capacity(64 * 1024, reader));
    let config = reader.config_mut();
    config.check_end_names = true;
    config.trim_text(true);
    config.expand_empty_elements = false;
    let mut st = State {
        sink,
        format: None,
        depth: 0,
        text: Text::None,
        buf: String::new(),
        gpx: None,
        track_whens: VecDeque::new(),
        track_coords: VecDeque::new(),
        placemark: None,
        in_track: false,
    };
    let mut buf = Vec::with_capacity(4096);
    loop {
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| map_error(e, st.format))?;
        match event {
            Event::Start(e) => {
                st.depth += 1;
                if st.depth > MAX_DEPTH {
                    return Err(ImportError::TooDeep { limit: MAX_DEPTH });
                }
                st.start(&e, false)?;
            }
            Event::Empty(e) => st.start(&e, true)?,
            Event::End(e) => {
                st.depth = st.depth.saturating_sub(1);
                st.end(e.local_name().as_ref().as_bytes());
            }
            Event::Text(t) => st.text(&t),
            Event::CData(t) => st.text(&t),
            Event::Eof => break,
            _ => {}
        }
        if st.format.is_none() && st.depth > 0 {
            return Err(ImportError::NotRecognized);
        }
    }
    if st.depth > 0 {
        return Err(ImportError::Truncated {
            format: name(st.format),
            detail: format!("{} elements are still open at the end", st.depth),
        });
    }
    st.format.ok_or(ImportError::NotRecognized)
}

fn name(format: Option<Format>) -> &'static str {
    match format {
        Some(Format::Kml) => "KML",
        Some(Format::Gpx) => "GPX",
        _ => "XML",
    }
}

fn map_error(e: quick_xml::Error, format: Option<Format>) -> ImportError {
    use quick_xml::errors::SyntaxError;
    // Its messages quote the tags met, line breaks and all: an error stays one line.
    let detail: String = e
        .to_string()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    match e {
        quick_xml::Error::Syntax(
            SyntaxError::InvalidBangMarkup
            | SyntaxError::UnclosedPI
            | SyntaxError::UnclosedXmlDecl
            | SyntaxError::UnclosedComment
            | SyntaxError::UnclosedDoctype
            | SyntaxError::UnclosedCData
            | SyntaxError::UnclosedTag
            | SyntaxError::UnclosedSingleQuotedAttributeValue
            | SyntaxError::UnclosedDoubleQuotedAttributeValue,
        ) if format.is_some() => ImportError::Truncated {
            format: name(format),
            detail,
        },
        quick_xml::Error::Io(_) => ImportError::Read(detail),
        _ if format.is_none() => ImportError::NotRecognized,
        _ => ImportError::Malformed {
            format: name(format),
            detail,
        },
    }
}

fn attr_f64(e: &BytesStart, key: &str) -> Option<f64> {
    let attr = e.try_get_attribute(key).ok().flatten()?;
    attr.value.trim().parse::<f64>().ok()
}

/// `lon,lat[,alt]` or `lon lat alt` (gx:coord) → (lat, lon).
fn lon_lat(text: &str, sep: impl Fn(char) -> bool) -> Option<(f64, f64)> {
    let mut it = text.split(sep).filter(|s| !s.is_empty());
    let lon = it.next()?.trim().parse::<f64>().ok()?;
    let lat = it.next()?.trim().parse::<f64>().ok()?;
    Some((lat, lon))
}

impl State<'_> {
    fn start(&mut self, e: &BytesStart, empty: bool) -> Result<(), ImportError> {
        let local = e.local_name();
        let local = local.as_ref().as_bytes();
        if self.format.is_none() {
            self.format = match local {
                b"gpx" => Some(Format::Gpx),
                b"kml" => Some(Format::Kml),
                _ => return Err(ImportError::NotRecognized),
            };
            return Ok(());
        }
        self.buf.clear();
        self.text = Text::None;
        match (self.format, local) {
            (Some(Format::Gpx), b"trkpt" | b"rtept" | b"wpt") => {
                let p = GpxPoint {
                    lat: attr_f64(e, "lat"),
                    lon: attr_f64(e, "lon"),
                    time: None,
                };
                if empty {
                    // No <time> child: the point cannot be dated.
                    self.sink.skipped += 1;
                } else {
                    self.gpx = Some(p);
                }
            }
            (Some(Format::Gpx), b"time") if self.gpx.is_some() => self.text = Text::GpxTime,
            (Some(Format::Kml), b"Track") => {
                self.in_track = true;
                self.track_whens.clear();
                self.track_coords.clear();
            }
            (Some(Format::Kml), b"when") if self.in_track => self.text = Text::TrackWhen,
            (Some(Format::Kml), b"coord") if self.in_track => self.text = Text::TrackCoord,
            (Some(Format::Kml), b"Placemark") => self.placemark = Some(Placemark::default()),
            (Some(Format::Kml), b"when") if self.placemark.is_some() => self.text = Text::When,
            (Some(Format::Kml), b"begin") if self.placemark.is_some() => self.text = Text::Begin,
            (Some(Format::Kml), b"end") if self.placemark.is_some() => self.text = Text::End,
            (Some(Format::Kml), b"coordinates") if self.placemark.is_some() => {
                self.text = Text::Coordinates
            }
            _ => {}
        }
        Ok(())
    }

    fn text(&mut self, text: &str) {
        if self.text != Text::None {
            // Bounded by the element: a 10 MB <coordinates> is a 10 MB string, no more.
            self.buf.push_str(text);
        }
    }

    fn end(&mut self, local: &[u8]) {
        let text = std::mem::replace(&mut self.text, Text::None);
        let value = std::mem::take(&mut self.buf);
        match text {
            Text::GpxTime => {
                if let Some(p) = self.gpx.as_mut() {
                    p.time = rfc3339(&value);
                }
            }
            Text::TrackWhen => {
                self.track_whens.push_back(rfc3339(&value));
                self.pair_track();
            }
            Text::TrackCoord => {
                self.track_coords
                    .push_back(lon_lat(&value, char::is_whitespace));
                self.pair_track();
            }
            Text::When => {
                if let Some(p) = self.placemark.as_mut() {
                    p.when = rfc3339(&value);
                }
            }
            Text::Begin => {
                if let Some(p) = self.placemark.as_mut() {
                    p.begin = rfc3339(&value);
                }
            }
            Text::End => {
                if let Some(p) = self.placemark.as_mut() {
                    p.end = rfc3339(&value);
                }
            }
            Text::Coordinates => {
                if let Some(p) = self.placemark.as_mut() {
                    for tuple in value.split_whitespace() {
                        match lon_lat(tuple, |c| c == ',') {
                            Some(c) if p.coords.len() < MAX_PLACEMARK_POINTS => p.coords.push(c),
                            _ => self.sink.skipped += 1,
                        }
                    }
                }
            }
            Text::None => {}
        }
        match local {
            b"trkpt" | b"rtept" | b"wpt" => {
                if let Some(p) = self.gpx.take() {
                    match (p.lat, p.lon, p.time) {
                        (Some(lat), Some(lon), Some(at)) => self.sink.point(lat, lon, at),
                        _ => self.sink.skipped += 1,
                    }
                }
            }
            b"Track" if self.in_track => {
                self.in_track = false;
                let unpaired = self.track_whens.len() + self.track_coords.len();
                self.sink.skipped += unpaired as u64;
                self.track_whens.clear();
                self.track_coords.clear();
            }
            b"Placemark" => {
                if let Some(p) = self.placemark.take() {
                    let start = p.begin.or(p.when);
                    let end = p.end.or(start);
                    match start {
                        Some(start) => {
                            for (lat, lon) in p.coords {
                                self.sink.interval(lat, lon, start, end.unwrap_or(start));
                            }
                        }
                        // A gx:Track inside was already counted; bare coordinates cannot be dated.
                        None => self.sink.skipped += p.coords.len() as u64,
                    }
                }
            }
            _ => {}
        }
    }

    fn pair_track(&mut self) {
        while !self.track_whens.is_empty() && !self.track_coords.is_empty() {
            match (self.track_whens.pop_front(), self.track_coords.pop_front()) {
                (Some(Some(at)), Some(Some((lat, lon)))) => self.sink.point(lat, lon, at),
                _ => self.sink.skipped += 1,
            }
        }
    }
}
