//! Why a file could not be imported, said so that the person knows what to do next.

/// A file that gives no stays. Every message is lower-case, says what is wrong with the file (not
/// with the person) and what to do; the UI shows it in its one error slot and leaves the case as
/// it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not a format this importer reads (binary garbage, a document, a video …).
    #[error(
        "this is not a Google Takeout Records.json, Semantic Location History, Timeline.json, GPX, KML, zip or photo; export your location history again (Google Takeout → Location History, or Google Maps → Timeline → Export) and pick the file it gives you"
    )]
    NotRecognized,
    /// JSON that is valid but holds none of the location-history arrays.
    #[error(
        "this JSON file has no `locations`, `timelineObjects` or `semanticSegments`, so it is not a location history; in a Takeout archive pick Records.json or a file under Semantic Location History, or export Timeline.json from Google Maps again"
    )]
    NoLocationHistory,
    /// The file ends in the middle: a download or copy that did not finish.
    #[error(
        "this {format} file is cut off ({detail}); the download or copy did not finish — export or copy it again"
    )]
    Truncated {
        format: &'static str,
        detail: String,
    },
    /// The file is of a known kind but broken inside.
    #[error("this {format} file is damaged ({detail}); export it again and do not edit it by hand")]
    Malformed {
        format: &'static str,
        detail: String,
    },
    /// JSON or XML nested deeper than any location history is.
    #[error(
        "this file is nested more than {limit} levels deep, which no location history is; export your location history again"
    )]
    TooDeep { limit: usize },
    /// Larger than the importer reads at once.
    #[error(
        "this file is larger than {limit_mb} MB, the most this app reads at once; export a shorter date range, or import the monthly Semantic Location History files instead"
    )]
    TooLarge { limit_mb: u64 },
    /// A zip that would unpack to far more than it holds, or to too many files.
    #[error(
        "this zip file {detail}, which looks like a zip bomb rather than a Takeout archive; unzip it yourself and import the location files inside"
    )]
    ZipBomb { detail: String },
    /// A zip with nothing importable inside.
    #[error(
        "this zip file has no location history, GPX, KML, bill or geotagged photo inside (a WeChat bill zip is locked: unzip it with the password WeChat shows and pick the file inside); make a new Takeout export with Location History (Timeline) selected"
    )]
    NothingInZip,
    /// A photo without a GPS position.
    #[error(
        "this photo has no GPS position in its EXIF data (the camera's location setting was off, or an app removed it); type the place and dates instead"
    )]
    NoPhotoLocation,
    /// A photo with a position but no date.
    #[error(
        "this photo has a GPS position but no date in its EXIF data; type the dates of this stay instead"
    )]
    NoPhotoDate,
    /// One file inside a zip failed; the whole zip is refused so the case is not half-changed.
    #[error("{entry} in the zip: {error}")]
    InZip {
        entry: String,
        error: Box<ImportError>,
    },
    /// Text that is not a bill or flight list this app reads (no known header row near the top).
    #[error(
        "this text file is not a WeChat Pay or Alipay bill (CSV) nor a flight list with the columns 日期, 航班号, 出发城市, 出发时间, 到达城市, 到达时间; export the bill as CSV again (an XLSX bill: save it as CSV first), or write the flights in that layout"
    )]
    NotATable,
    /// A bill or trip list was given to an importer without the gazetteer (a caller's mistake).
    #[error(
        "bills and flight lists name places, and the list of places is not loaded; reload the page and try again"
    )]
    NoPlaces,
    /// The caller's progress callback asked to stop.
    #[error("the import was cancelled; nothing was changed")]
    Cancelled,
    /// The bytes could not be read at all.
    #[error(
        "could not read the file ({0}); check that it is still there and readable, then try again"
    )]
    Read(String),
}

impl ImportError {
    /// True for an entry of a zip that is simply not location data (a Takeout archive holds many
    /// other files): such an entry is skipped instead of failing the archive.
    pub(crate) fn is_skippable_in_zip(&self) -> bool {
        matches!(
            self,
            ImportError::NotRecognized
                | ImportError::NotATable
                | ImportError::NoPlaces
                | ImportError::NoLocationHistory
                | ImportError::NoPhotoLocation
                | ImportError::NoPhotoDate
        )
    }
}
