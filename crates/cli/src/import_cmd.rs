//! `prescreen import FILE…`: location-history files, photos, WeChat Pay / Alipay bills (CSV) and
//! flight lists (CSV) → a case file with the stays found.
//!
//! Each file is streamed from disk (never read whole), so a 100 MB Records.json imports in a few
//! tens of MB. The stays near a screened area come first; the case file is printed on stdout and
//! a one-line summary (points, stays, what was left out, a warning when the data is coarse) goes
//! to stderr. Bills and flight lists name places: they are matched against the built-in
//! gazetteer, and a name that fits several places gives a stay without a place, whose note lists
//! them, for the person to choose.

use std::fs::File;
use std::path::PathBuf;

use prescreen_core::data::{DataSet, SHIPPED};
use prescreen_core::import::{Importer, Limits};

/// Imports `files` and returns the case file (version 1) as pretty JSON; an `Err` is one line
/// naming the file.
pub fn run(files: &[PathBuf]) -> Result<String, String> {
    if files.is_empty() {
        return Err(
            "import: name at least one file (Records.json, a Semantic Location History month, Timeline.json, GPX, KML, a photo, a Takeout zip, a WeChat Pay or Alipay bill as CSV, or a flight list as CSV)"
                .to_owned(),
        );
    }
    // The shipped geography, for ranking stays by their distance to the screened areas.
    let data = DataSet::load(&SHIPPED.without_guidance()).map_err(|e| e.to_string())?;
    let places = std::sync::Arc::new(data.gazetteer.clone());
    let mut importer = Importer::new(Limits::default()).with_places(places);
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

#[cfg(test)]
mod tests {
    use super::*;
    use prescreen_core::case::CaseFile;

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../core/tests/fixtures/import/"
        ))
        .join(name)
    }

    #[test]
    fn prints_a_case_file_that_validates_with_the_near_stays_first() {
        let out = run(&[fixture("takeout.zip"), fixture("track.gpx")]).unwrap();
        let file = CaseFile::from_json(&out).unwrap();
        assert_eq!(file.version, 1);
        file.validate().unwrap();
        assert_eq!(file.stays.len(), 8);
        // 打洛镇, next to Mong La, comes first.
        assert!((file.stays[0].lat.unwrap() - 21.698).abs() < 0.01, "{out}");
        assert_eq!(file.stays[0].from, "2019-09-04");
    }

    #[test]
    fn a_bad_file_is_one_line_naming_it() {
        let path = fixture("binary.bin");
        let err = run(&[fixture("track.gpx"), path.clone()]).unwrap_err();
        assert!(err.starts_with(&path.display().to_string()), "{err}");
        assert!(err.contains("export your location history again"), "{err}");
        assert!(!err.contains('\n'));
        let err = run(&[fixture("no-such-file.json")]).unwrap_err();
        assert!(
            err.contains("no-such-file.json: cannot open the file"),
            "{err}"
        );
        assert!(run(&[]).is_err());
    }
}
