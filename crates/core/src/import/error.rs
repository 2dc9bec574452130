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
        "this zip file has no location history, GPX, KML or geotagged photo inside; make a new Takeout export with Location History (Timeline) selected"
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
                | ImportError::NoLocationHistory
                | ImportError::NoPhotoLocation
                | ImportError::NoPhotoDate
        )
    }
}
