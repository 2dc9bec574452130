//! `prescreen import FILE…`: location-history files and photos → a case file with the stays found.
//!
//! Each file is streamed from disk (never read whole), so a 100 MB Records.json imports in a few
//! tens of MB. The stays near a screened area come first; the case file is printed on stdout and
//! a one-line summary (points, stays, what was left out) goes to stderr.

use std::fs::File;
use std::path::PathBuf;

use prescreen_core::dataset::DataSet;
use prescreen_core::import::{Importer, Limits};

/// The shipped data, for ranking stays by their distance to the screened areas.
const PLACES: &str = include_str!("../../../static/data/places.json");
const EVENTS: &str = include_str!("../../../static/data/events.json");
const REGIONS: &str = include_str!("../../../static/data/regions.geojson");

/// Imports `files` and returns the case file (version 1) as pretty JSON; an `Err` is one line
/// naming the file.
pub fn run(files: &[PathBuf]) -> Result<String, String> {
    if files.is_empty() {
        return Err(
            "import: name at least one file (Records.json, a Semantic Location History month, Timeline.json, GPX, KML, a photo or a Takeout zip)"
                .to_owned(),
        );
    }
    let data = DataSet::from_texts(PLACES, EVENTS, REGIONS).map_err(|e| e.to_string())?;
    let mut importer = Importer::new(Limits::default());
    for path in files {
        let file = File::open(path).map_err(|e| {
            format!(
                "{}: cannot open the file ({e}); check the path",
                path.display()
            )
        })?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        importer
            .add(&name, file)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let report = importer.finish(Some(&data));
    eprintln!("prescreen import: {}", report.summary());
    serde_json::to_string_pretty(&report.case_file())
        .map_err(|e| format!("could not write the case file: {e}"))
}
