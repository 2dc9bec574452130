//! # Import: location-history files and photos → proposed stays, on the device
//!
//! Most people do not remember where they were on which day; their phone does. This module reads
//! what the phone or Google exported and proposes **stays** (place + dates) for the person to
//! confirm. Nothing here opens a file or reads a clock: the caller hands in bytes.
//!
//! ## Formats, detected from the content (the file name is only used in notes)
//!
//! | first bytes | format | parser |
//! |---|---|---|
//! | `PK\x03\x04` | zip (Takeout archive, folder of photos, a bill's zip), or an .xlsx bill | `archive`, zip crate, deflate only; `xlsx` for a spreadsheet |
//! | `FF D8 FF`, `….ftypheic` | JPEG / HEIC photo | `photo`, kamadak-exif |
//! | `{` or `[` | Records.json, Semantic Location History, Timeline.json | `json`, serde_json |
//! | `[` + Huawei keys | Huawei Health `motion path detail data.json` (not valid JSON) | `huawei`, a byte scan |
//! | `<` + root `<gpx>` / `<kml>` | GPX, KML (incl. `gx:Track`) | `xml`, quick-xml |
//! | other text (UTF-8 or GBK) | WeChat Pay / Alipay bill, flight list (CSV) | `bills`, `flights` over `csv`; names matched by `names` against the gazetteer |
//!
//! Bills and flight lists name places rather than giving coordinates, so they need the
//! gazetteer: hand it in with [`Importer::with_places`] (the CLI passes the shipped one; the app's
//! import worker fetches `places.json` only when such a file is chosen). A name that fits
//! several places becomes a stay *without* a place whose note lists them, for the person to
//! choose ([`stays::Collector::unsure`]).
//!
//! ## Streaming, and why `Read` rather than pushed chunks
//!
//! Every parser pulls from an [`std::io::Read`] and keeps one element at a time: a location, a
//! track point, a zip entry's bytes as they inflate. Points are folded into places × days at once
//! (see [`stays`]), so memory does not grow with the file: a generated 100 MB Records.json
//! (260 165 points) imports with the release CLI in under 2 s at about 10 MB peak RSS. Byte
//! guards in front of the parsers cap nesting and the length of any one string, tag or text, so a
//! hostile file cannot make one value huge either. A push-style parser (hand it 1 MB slices) would need a resumable JSON and XML
//! parser, which serde_json and quick-xml are not; a `Read` is what they stream from. A Web
//! Worker reads a `File` synchronously, slice by slice, with `FileReaderSync`, so a `Read + Seek`
//! over a `Blob` is a few lines in the app, and [`CountingReader`] reports the bytes read (for the
//! progress bar) and lets the caller cancel. A zip needs `Seek` (its directory is at the end),
//! so [`Importer::add`] asks for `Read + Seek`; `std::fs::File` and `std::io::Cursor` are both.
//! Inside, every parser takes `&mut dyn Read`: each is compiled once, whatever the caller's
//! reader, which keeps the wasm small (the import adds about 260 KB, 126 KB gzipped, after
//! `wasm-opt -Oz`; the app can keep it out of the page by loading it only in its Web Worker).
//!
//! ## Transactions
//!
//! Each file is read into its own collector and merged only when it imported without error: a
//! bad file (wrong format, cut off, a zip bomb, nested 10 000 deep, over the size cap, cancelled)
//! returns an [`ImportError`] and leaves the import, and so the case, as it was.
//!
//! ```
//! use prescreen_core::import::{Importer, Limits};
//! let records = br#"{"locations":[
//!   {"latitudeE7":216980000,"longitudeE7":1000310000,"timestamp":"2019-09-03T17:00:00Z"},
//!   {"latitudeE7":216990000,"longitudeE7":1000320000,"timestampMs":"1567620000000"}]}"#;
//! let mut importer = Importer::new(Limits::default());
//! importer.add("Records.json", std::io::Cursor::new(&records[..])).unwrap();
//! let report = importer.finish(None);
//! let stay = &report.stays[0].stay;
//! // 17:00 UTC on the 3rd is 01:00 on the 4th in China.
//! assert_eq!((stay.from.as_str(), stay.to.as_str()), ("2019-09-04", "2019-09-05"));
//! assert_eq!(stay.note.as_deref(), Some("imported from Records.json, 2 points"));
//! ```

mod archive;
mod bills;
pub mod csv;
mod error;
mod flights;
mod huawei;
mod json;
mod names;
mod photo;
pub mod stays;
mod xlsx;
mod xml;

use std::io::{self, BufReader, Read, Seek, SeekFrom};
use std::sync::Arc;

use serde::Serialize;

use crate::case::CaseFile;
use crate::data::{DataSet, Gazetteer};

pub use error::ImportError;
pub use json::parse_lat_lng;
pub use stays::{Coverage, NearRegion, ProposedStay, nearest_regions};

/// The kinds of file the importer reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Takeout `Records.json` (`locations[]`).
    RecordsJson,
    /// Takeout Semantic Location History, one month (`timelineObjects[]`).
    SemanticHistory,
    /// The on-device Timeline export (`semanticSegments[]`, or the iPhone's bare array).
    TimelineJson,
    Gpx,
    Kml,
    /// A JPEG or HEIC photo with EXIF GPS.
    Photo,
    Zip,
    /// A WeChat Pay bill (CSV).
    WechatPayBill,
    /// An Alipay bill (CSV, GBK).
    AlipayBill,
    /// A flight list in the documented CSV layout (航旅纵横 saved as CSV).
    FlightList,
    /// The workouts of a Huawei Health data download (`motion path detail data.json`).
    HuaweiHealth,
}

/// What the first bytes of a file say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Zip,
    Photo,
    Json,
    Xml,
    /// Other text: perhaps a bill or a trip list (CSV).
    Text,
    Unknown,
}

/// How many bytes [`sniff`] looks at.
pub const SNIFF_BYTES: usize = 512;

/// Tells the format from the first bytes of a file (up to [`SNIFF_BYTES`]).
///
/// ```
/// use prescreen_core::import::{sniff, Sniffed};
/// assert_eq!(sniff(b"PK\x03\x04rest"), Sniffed::Zip);
/// assert_eq!(sniff(b"\xEF\xBB\xBF  {\"locations\": []}"), Sniffed::Json);
/// assert_eq!(sniff(b"<?xml version=\"1.0\"?><gpx>"), Sniffed::Xml);
/// assert_eq!(sniff(b"\xFF\xD8\xFF\xE1"), Sniffed::Photo);
/// assert_eq!(sniff(b"\x00\x00\x00\x18ftypheic"), Sniffed::Photo);
/// assert_eq!(sniff(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\x00"), Sniffed::Unknown);
/// assert_eq!(sniff("微信支付账单明细,,,".as_bytes()), Sniffed::Text);
/// ```
pub fn sniff(prefix: &[u8]) -> Sniffed {
    if prefix.starts_with(b"PK\x03\x04") || prefix.starts_with(b"PK\x05\x06") {
        return Sniffed::Zip;
    }
    if prefix.starts_with(b"\xFF\xD8\xFF") {
        return Sniffed::Photo;
    }
    if prefix.len() >= 12 && &prefix[4..8] == b"ftyp" {
        let brand = &prefix[8..12];
        if [
            b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1",
        ]
        .iter()
        .any(|b| brand == *b)
        {
            return Sniffed::Photo;
        }
    }
    let text = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(prefix);
    match text.trim_ascii_start().first() {
        Some(b'{' | b'[') => Sniffed::Json,
        Some(b'<') => Sniffed::Xml,
        _ if csv::looks_like_text(text) => Sniffed::Text,
        _ => Sniffed::Unknown,
    }
}

/// The caps that keep a hostile or enormous file from taking the device down.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// Largest file read (a zip: its packed size).
    pub max_file_bytes: u64,
    /// Most entries a zip may hold.
    pub max_zip_entries: usize,
    /// Most bytes all entries of a zip may unpack to, together.
    pub max_zip_unpacked_bytes: u64,
    /// Largest unpacked/packed ratio of an entry over 1 MiB (text deflates about 10×, a bomb 1000×).
    pub max_zip_ratio: u64,
    /// Largest photo inside a zip (it is read whole; a photo file itself is read in place).
    pub max_photo_bytes: u64,
    /// Most distinct places kept (points at further new places are dropped and counted).
    pub max_places: usize,
    /// Most stays proposed; those near a region of an event are kept first.
    pub max_stays: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 1 << 30,
            max_zip_entries: 100_000,
            max_zip_unpacked_bytes: 4 << 30,
            max_zip_ratio: 200,
            max_photo_bytes: 64 << 20,
            max_places: 200_000,
            max_stays: 500,
        }
    }
}

/// What one file gave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileSummary {
    pub name: String,
    pub format: Format,
    /// Points (or visits) kept from this file.
    pub points: u64,
    /// Points without a usable position or date.
    pub skipped: u64,
    /// For a zip: the entries read, and those skipped as not location data.
    pub entries_used: usize,
    pub entries_skipped: usize,
}

/// The outcome of an import: stays to propose, and what happened to the rest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportReport {
    /// At most [`Limits::max_stays`]: those near a region of an event first, then by date.
    pub stays: Vec<ProposedStay>,
    pub files: Vec<FileSummary>,
    /// Points (or visits) merged into the stays.
    pub points: u64,
    /// Points without a usable position or date (a missing fix, a clock before 1990 …).
    pub points_skipped: u64,
    /// Points dropped because there were already [`Limits::max_places`] places.
    pub points_dropped: u64,
    /// Stays found before the cap.
    pub stays_found: usize,
    /// Stays left out by [`Limits::max_stays`] (the farthest from any region, the latest).
    pub stays_dropped: usize,
    /// Days with data, over which span, and the longest gap.
    pub coverage: Coverage,
    /// Set when the data is too thin to show much (see [`coarse_warning`]): "no finding" from
    /// such files is not proof of anything.
    pub warning: Option<String>,
}

/// Fewer days with data than this (over a span of more), or a gap longer than
/// [`MAX_GAP_DAYS`], makes an import "coarse".
pub const MIN_DAYS_WITH_DATA: u64 = 7;
/// The longest gap (days without any data) before an import is called coarse.
pub const MAX_GAP_DAYS: u64 = 14;

/// The warning for an import whose data is too thin for "nothing found" to mean anything: fewer
/// than [`MIN_DAYS_WITH_DATA`] days with data, under a third of the days covered, or a gap of
/// more than [`MAX_GAP_DAYS`] days. `None` when the data is dense enough.
pub fn coarse_warning(c: &Coverage) -> Option<String> {
    let (Some(first), Some(last)) = (&c.first, &c.last) else {
        return Some(
            "warning: these files gave no dated place at all, so they show nothing about where you were; type your stays instead".to_owned(),
        );
    };
    let thin = c.days_with_data < MIN_DAYS_WITH_DATA && c.span_days > c.days_with_data;
    let sparse = c.span_days >= 3 * MIN_DAYS_WITH_DATA && c.days_with_data * 3 < c.span_days;
    let gap = c.longest_gap_days > MAX_GAP_DAYS;
    (thin || sparse || gap).then(|| {
        format!(
            "warning: the data is coarse — {} of the {} days from {first} to {last} have any data (longest gap {} days); a day without data is not proof of where you were, so type the stays you remember for those days",
            c.days_with_data, c.span_days, c.longest_gap_days
        )
    })
}

impl ImportReport {
    /// The stays as a case file (version 1), for the CLI and the app's "import" step.
    pub fn case_file(&self) -> CaseFile {
        CaseFile {
            version: 1,
            stays: self.stays.iter().map(|s| s.stay.clone()).collect(),
            ..CaseFile::default()
        }
    }

    /// One line for people: "3 file(s), 12345 points → 40 stays (7 within 50 km of a screened
    /// area); 2 more left out by the cap; …".
    pub fn summary(&self) -> String {
        let near = self.stays.iter().filter(|s| s.near.is_some()).count();
        let mut line = format!(
            "{} file(s), {} points → {} stays ({} within {} km of a screened area)",
            self.files.len(),
            self.points,
            self.stays_found,
            near,
            stays::NEAR_KM,
        );
        if self.stays_dropped > 0 {
            line += &format!(
                "; {} stays left out by the cap of {} (the farthest from any area, then the latest)",
                self.stays_dropped,
                self.stays.len()
            );
        }
        if self.points_skipped > 0 {
            line += &format!(
                "; {} points without a usable position or date skipped",
                self.points_skipped
            );
        }
        if self.points_dropped > 0 {
            line += &format!(
                "; {} points at new places over the cap of places dropped",
                self.points_dropped
            );
        }
        let unsure = self.stays.iter().filter(|s| s.stay.lat.is_none()).count();
        if unsure > 0 {
            line +=
                &format!("; {unsure} stays name a place that could be several: choose it yourself");
        }
        if let Some(warning) = &self.warning {
            line += "; ";
            line += warning;
        }
        line
    }
}

/// Imports files one by one, then proposes stays; see the module documentation.
#[derive(Debug, Clone)]
pub struct Importer {
    limits: Limits,
    all: stays::Collector,
    sources: Vec<String>,
    files: Vec<FileSummary>,
    places: Option<Arc<Gazetteer>>,
}

impl Importer {
    pub fn new(limits: Limits) -> Importer {
        Importer {
            all: stays::Collector::new(limits.max_places),
            limits,
            sources: Vec::new(),
            files: Vec::new(),
            places: None,
        }
    }

    /// The gazetteer that bills and flight lists are matched against. Without it such a file is
    /// refused with [`ImportError::NoPlaces`].
    pub fn with_places(mut self, places: Arc<Gazetteer>) -> Importer {
        self.places = Some(places);
        self
    }

    /// Whether [`Importer::with_places`] was given.
    pub fn has_places(&self) -> bool {
        self.places.is_some()
    }

    /// Imports one file. On error nothing from this file is kept.
    pub fn add<R: Read + Seek>(
        &mut self,
        name: &str,
        reader: R,
    ) -> Result<FileSummary, ImportError> {
        self.add_with_progress(name, reader, |_| true)
    }

    /// Imports one file, calling `progress(bytes_read)` about every 256 KiB and at the end;
    /// `progress` returns `false` to cancel (the result is then [`ImportError::Cancelled`]).
    pub fn add_with_progress<R: Read + Seek, F: FnMut(u64) -> bool>(
        &mut self,
        name: &str,
        reader: R,
        progress: F,
    ) -> Result<FileSummary, ImportError> {
        let mut reader = CountingReader::new(reader, progress);
        let sources_before = self.sources.len();
        let result = self.read_file(name, &mut reader);
        let result = match result {
            Err(_) if reader.cancelled => Err(ImportError::Cancelled),
            other => other,
        };
        match result {
            Ok((summary, sink)) => {
                (reader.progress)(reader.bytes_read);
                self.all.absorb(sink);
                self.files.push(summary.clone());
                Ok(summary)
            }
            Err(e) => {
                self.sources.truncate(sources_before);
                Err(e)
            }
        }
    }

    /// Not generic (a trait object), so the parsers are compiled once whatever the caller's reader.
    fn read_file(
        &mut self,
        name: &str,
        reader: &mut dyn ReadSeek,
    ) -> Result<(FileSummary, stays::Collector), ImportError> {
        let io_err = |e: io::Error| ImportError::Read(e.to_string());
        let len = reader.seek(SeekFrom::End(0)).map_err(io_err)?;
        if len > self.limits.max_file_bytes {
            return Err(ImportError::TooLarge {
                limit_mb: self.limits.max_file_bytes >> 20,
            });
        }
        reader.seek(SeekFrom::Start(0)).map_err(io_err)?;
        let prefix = read_prefix(reader).map_err(io_err)?;
        reader.seek(SeekFrom::Start(0)).map_err(io_err)?;
        let mut sink = stays::Collector::new(self.limits.max_places);
        let mut summary = FileSummary {
            name: name.to_owned(),
            format: Format::Zip,
            points: 0,
            skipped: 0,
            entries_used: 0,
            entries_skipped: 0,
        };
        let kind = sniff(&prefix);
        if kind != Sniffed::Zip {
            sink.set_source(self.sources.len() as u32);
            self.sources.push(name.to_owned());
        }
        summary.format = match kind {
            Sniffed::Zip => {
                let outcome = archive::parse(
                    reader,
                    name,
                    &self.limits,
                    &mut sink,
                    &mut self.sources,
                    self.places.as_deref(),
                )?;
                summary.entries_used = outcome.used;
                summary.entries_skipped = outcome.skipped;
                outcome.format.unwrap_or(Format::Zip)
            }
            Sniffed::Photo => {
                photo::parse(&mut BufReader::new(reader), &mut sink)?;
                Format::Photo
            }
            Sniffed::Json if huawei::looks_like(&prefix) => {
                huawei::parse(reader, &mut sink)?;
                Format::HuaweiHealth
            }
            Sniffed::Json => json::parse(reader, &mut sink)?,
            Sniffed::Xml => xml::parse(reader, &mut sink)?,
            Sniffed::Text => {
                let places = self.places.clone().ok_or(ImportError::NoPlaces)?;
                table(reader, &places, &mut sink)?
            }
            Sniffed::Unknown => return Err(ImportError::NotRecognized),
        };
        summary.points = sink.points;
        summary.skipped = sink.skipped;
        Ok((summary, sink))
    }

    /// Clusters everything imported into stays, ranked against the regions of `data`'s events
    /// (without `data`, by date only).
    pub fn finish(self, data: Option<&DataSet>) -> ImportReport {
        let near = match data {
            Some(data) => stays::nearest_regions(data, &self.place_points()),
            None => Vec::new(),
        };
        self.finish_with_nearest(&near)
    }

    /// Where each place found so far is, for [`stays::nearest_regions`] (run elsewhere, e.g. by
    /// the engine worker that already holds the index).
    pub fn place_points(&self) -> Vec<Option<(f64, f64)>> {
        self.all.place_points()
    }

    /// Like [`Importer::finish`], with the nearest region of each of [`Importer::place_points`]
    /// already measured.
    pub fn finish_with_nearest(self, near: &[Option<NearRegion>]) -> ImportReport {
        let (points, points_skipped, points_dropped) =
            (self.all.points, self.all.skipped, self.all.dropped);
        let coverage = self.all.coverage();
        let (stays, stays_found) = self
            .all
            .into_stays(near, &self.sources, self.limits.max_stays);
        ImportReport {
            warning: coarse_warning(&coverage),
            coverage,
            stays_dropped: stays_found - stays.len(),
            stays,
            files: self.files,
            points,
            points_skipped,
            points_dropped,
            stays_found,
        }
    }
}

/// How many rows above the header of a table are read before giving up: WeChat's block has 16,
/// Alipay's about 24.
const MAX_PREAMBLE_ROWS: u64 = 60;

/// A text table: finds its header row, then hands the rows to the bill or flight reader.
pub(crate) fn table(
    reader: &mut dyn Read,
    places: &Gazetteer,
    sink: &mut stays::Collector,
) -> Result<Format, ImportError> {
    let mut rows = csv::Rows::new(reader, "CSV");
    table_rows(&mut rows, places, sink)
}

/// The rows of a table, from a CSV or a spreadsheet: one code path for both.
pub(crate) fn table_rows(
    rows: &mut dyn csv::RowSource,
    places: &Gazetteer,
    sink: &mut stays::Collector,
) -> Result<Format, ImportError> {
    let mut matcher = names::Matcher::new(places);
    while let Some(cells) = rows.next_row()? {
        if let Some((bill, cols)) = bills::header(&cells) {
            rows.set_format(bill.name());
            bills::rows(rows, bill, &cols, &mut matcher, sink)?;
            return Ok(match bill {
                bills::Bill::WeChat => Format::WechatPayBill,
                bills::Bill::Alipay => Format::AlipayBill,
            });
        }
        if let Some(cols) = flights::header(&cells) {
            rows.set_format("flight list");
            flights::rows(rows, &cols, &mut matcher, sink)?;
            return Ok(Format::FlightList);
        }
        if rows.line_no() >= MAX_PREAMBLE_ROWS {
            break;
        }
    }
    Err(ImportError::NotATable)
}

/// Whether importing this file needs the gazetteer ([`Importer::with_places`]): a text table (a
/// bill, a flight list), a spreadsheet, or a zip holding one (by the names in its directory; a
/// zip's entries are not unpacked here). The app's import worker fetches the places only then.
pub fn needs_places<R: Read + Seek>(mut reader: R) -> bool {
    holds_table(&mut reader)
}

/// Not generic: the zip reader is compiled once, for `&mut dyn ReadSeek`, as in `archive`.
fn holds_table(reader: &mut dyn ReadSeek) -> bool {
    let Ok(prefix) = read_prefix(reader) else {
        return false;
    };
    match sniff(&prefix) {
        Sniffed::Text => true,
        Sniffed::Zip => {
            if reader.seek(SeekFrom::Start(0)).is_err() {
                return false;
            }
            let Ok(archive) = zip::ZipArchive::new(reader) else {
                return false;
            };
            if archive.len() > Limits::default().max_zip_entries {
                return false;
            }
            archive.file_names().any(|name| {
                let name = name.to_ascii_lowercase();
                name == "xl/workbook.xml"
                    || [".csv", ".xlsx", ".txt"].iter().any(|e| name.ends_with(e))
            })
        }
        _ => false,
    }
}

/// Reads up to [`SNIFF_BYTES`] (fewer only at the end of the input).
pub(crate) fn read_prefix(reader: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut prefix = Vec::with_capacity(SNIFF_BYTES);
    reader.take(SNIFF_BYTES as u64).read_to_end(&mut prefix)?;
    Ok(prefix)
}

/// What a whole file is read through: a zip needs to seek to its directory at the end.
pub(crate) trait ReadSeek: Read + Seek {}
impl<T: Read + Seek> ReadSeek for T {}

/// A reader that counts the bytes read through it, reports them about every 256 KiB, and stops
/// (with an I/O error) when the callback returns `false`.
pub struct CountingReader<R, F> {
    inner: R,
    progress: F,
    bytes_read: u64,
    reported: u64,
    cancelled: bool,
}

/// How often [`CountingReader`] calls back.
pub const PROGRESS_EVERY: u64 = 256 * 1024;

impl<R, F: FnMut(u64) -> bool> CountingReader<R, F> {
    pub fn new(inner: R, progress: F) -> CountingReader<R, F> {
        CountingReader {
            inner,
            progress,
            bytes_read: 0,
            reported: 0,
            cancelled: false,
        }
    }

    /// Bytes read so far (a zip's directory is read twice and counts twice).
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read
    }

    /// True once the callback asked to stop.
    pub fn cancelled(&self) -> bool {
        self.cancelled
    }
}

impl<R: Read, F: FnMut(u64) -> bool> Read for CountingReader<R, F> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.cancelled {
            return Err(io::Error::other("cancelled"));
        }
        let n = self.inner.read(buf)?;
        self.bytes_read += n as u64;
        if self.bytes_read - self.reported >= PROGRESS_EVERY {
            self.reported = self.bytes_read;
            if !(self.progress)(self.bytes_read) {
                self.cancelled = true;
                return Err(io::Error::other("cancelled"));
            }
        }
        Ok(n)
    }
}

impl<R: Seek, F> Seek for CountingReader<R, F> {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        self.inner.seek(pos)
    }
}
