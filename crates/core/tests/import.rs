//! Import: every format gives the expected stays (dates in China time), a zip gives the union of
//! its files, every hostile file gives its error and no panic, and arbitrary bytes never panic.
//!
//! The fixtures are made by `tests/fixtures/import/make_fixtures.py` (made-up data).

use std::io::{Cursor, Write};

use prescreen_core::data::{DataSet, SHIPPED};
use prescreen_core::import::{Format, ImportError, ImportReport, Importer, Limits};
use proptest::prelude::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/");

fn data() -> DataSet {
    DataSet::load(&SHIPPED.without_guidance()).expect("shipped data loads")
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn import_with(limits: Limits, files: &[&str], data: Option<&DataSet>) -> ImportReport {
    let mut importer = Importer::new(limits);
    for name in files {
        importer
            .add(name, Cursor::new(fixture(name)))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    importer.finish(data)
}

fn import(files: &[&str]) -> ImportReport {
    import_with(Limits::default(), files, None)
}

fn import_err(name: &str, bytes: Vec<u8>, limits: Limits) -> ImportError {
    Importer::new(limits)
        .add(name, Cursor::new(bytes))
        .expect_err("the file must be refused")
}

/// (from, to, lat, lon, points), in the report's order.
fn stays(report: &ImportReport) -> Vec<(String, String, f64, f64, u64)> {
    report
        .stays
        .iter()
        .map(|s| {
            (
                s.stay.from.clone(),
                s.stay.to.clone(),
                s.stay.lat.unwrap(),
                s.stay.lon.unwrap(),
                s.points,
            )
        })
        .collect()
}

fn sorted(mut v: Vec<(String, String, f64, f64, u64)>) -> Vec<(String, String, f64, f64, u64)> {
    v.sort_by(|a, b| (&a.0, &a.1, a.2.to_bits()).cmp(&(&b.0, &b.1, b.2.to_bits())));
    v
}

fn has_stay(report: &ImportReport, from: &str, to: &str, lat: f64, lon: f64, points: u64) {
    let found = stays(report).into_iter().any(|s| {
        s.0 == from
            && s.1 == to
            && (s.2 - lat).abs() < 0.01
            && (s.3 - lon).abs() < 0.01
            && s.4 == points
    });
    assert!(
        found,
        "no stay {from}..{to} at {lat},{lon} with {points} points in {:#?}",
        stays(report)
    );
}

const DALUO: (f64, f64) = (21.698, 100.031);
const KUNMING: (f64, f64) = (25.04, 102.71);
const SHANGHAI: (f64, f64) = (31.23, 121.47);

#[test]
fn records_json_reads_both_timestamp_styles_in_china_time() {
    let report = import(&["Records.json"]);
    assert_eq!(report.files[0].format, Format::RecordsJson);
    // 2019-09-03T17:00Z is 01:00 on the 4th in China; timestampMs and timestamp both count.
    has_stay(&report, "2019-09-04", "2019-09-05", DALUO.0, DALUO.1, 3);
    has_stay(&report, "2019-09-07", "2019-09-07", KUNMING.0, KUNMING.1, 1);
    assert_eq!(report.stays.len(), 2);
    assert_eq!(report.points, 4);
    assert_eq!(report.points_skipped, 1, "the record without a fix");
    let note = report.stays[0].stay.note.as_deref().unwrap();
    assert_eq!(note, "imported from Records.json, 3 points");
    assert_eq!(report.stays[0].stay.datum.as_deref(), Some("wgs84"));
}

#[test]
fn semantic_location_history_reads_visits_and_activities() {
    let report = import(&["2019_SEPTEMBER.json"]);
    assert_eq!(report.files[0].format, Format::SemanticHistory);
    // The visit spans two days; the activity starts there on the 11th.
    has_stay(&report, "2019-09-10", "2019-09-11", 21.6984, 100.0314, 2);
    has_stay(&report, "2019-09-11", "2019-09-11", 22.0094, 100.7975, 1);
    has_stay(&report, "2019-09-11", "2019-09-11", 21.9, 100.5, 1);
    assert_eq!(report.stays.len(), 3);
}

#[test]
fn timeline_json_reads_degree_strings() {
    let report = import(&["Timeline.json"]);
    assert_eq!(report.files[0].format, Format::TimelineJson);
    has_stay(&report, "2019-09-20", "2019-09-21", DALUO.0, DALUO.1, 1);
    has_stay(&report, "2019-09-23", "2019-09-23", 25.0405, 102.7105, 2);
    // A raw signal: a Wi-Fi fix in Shanghai.
    has_stay(
        &report,
        "2019-09-24",
        "2019-09-24",
        SHANGHAI.0,
        SHANGHAI.1,
        1,
    );
    assert_eq!(report.stays.len(), 3);
}

#[test]
fn iphone_timeline_array_with_geo_strings() {
    let text = br#"[
      {"startTime":"2019-09-20T09:00:00.000+08:00","endTime":"2019-09-20T18:00:00.000+08:00",
       "visit":{"hierarchyLevel":"0","topCandidate":{"probability":"0.8","placeLocation":"geo:21.698000,100.031000"}}},
      {"startTime":"2019-09-23T10:00:00.000+08:00","endTime":"2019-09-23T12:00:00.000+08:00",
       "timelinePath":[{"point":"geo:25.040000,102.710000","durationMinutesOffsetFromStartTime":"90"}]}
    ]"#;
    let mut importer = Importer::new(Limits::default());
    let summary = importer
        .add("location-history.json", Cursor::new(&text[..]))
        .unwrap();
    assert_eq!(summary.format, Format::TimelineJson);
    let report = importer.finish(None);
    has_stay(&report, "2019-09-20", "2019-09-20", DALUO.0, DALUO.1, 1);
    has_stay(&report, "2019-09-23", "2019-09-23", KUNMING.0, KUNMING.1, 1);
}

#[test]
fn gpx_reads_track_points_with_times() {
    let report = import(&["track.gpx"]);
    assert_eq!(report.files[0].format, Format::Gpx);
    has_stay(&report, "2019-10-01", "2019-10-01", 21.6985, 100.0315, 2);
    // 23:30 UTC on the 2nd is the 3rd in China.
    has_stay(
        &report,
        "2019-10-03",
        "2019-10-03",
        SHANGHAI.0,
        SHANGHAI.1,
        1,
    );
    assert_eq!(report.points_skipped, 1, "the waypoint without a time");
}

#[test]
fn kml_reads_gx_track_and_time_spans() {
    let report = import(&["history.kml"]);
    assert_eq!(report.files[0].format, Format::Kml);
    has_stay(&report, "2019-10-05", "2019-10-05", 21.6985, 100.0315, 2);
    has_stay(&report, "2019-10-06", "2019-10-07", KUNMING.0, KUNMING.1, 1);
    assert_eq!(report.stays.len(), 2);
}

#[test]
fn photo_exif_gives_position_and_date() {
    let report = import(&["IMG_0001.jpg", "IMG_0002.jpg"]);
    assert_eq!(report.files[0].format, Format::Photo);
    // DateTimeOriginal 23:30 with OffsetTimeOriginal +08:00.
    has_stay(&report, "2019-10-10", "2019-10-10", DALUO.0, DALUO.1, 1);
    // No offset: the GPS clock (16:30 UTC on the 11th) is the 12th in China.
    has_stay(&report, "2019-10-12", "2019-10-12", KUNMING.0, KUNMING.1, 1);
}

#[test]
fn zip_gives_the_union_of_its_files_and_skips_the_rest() {
    let zipped = import(&["takeout.zip"]);
    let summary = &zipped.files[0];
    assert_eq!(summary.format, Format::Zip);
    assert_eq!((summary.entries_used, summary.entries_skipped), (3, 3));
    let separate = import(&["Records.json", "2019_SEPTEMBER.json", "IMG_0001.jpg"]);
    assert_eq!(sorted(stays(&zipped)), sorted(stays(&separate)));
    let note = zipped.stays[0].stay.note.as_deref().unwrap();
    assert!(
        note.contains("takeout.zip/Takeout/Location History/"),
        "{note}"
    );
}

#[test]
fn stays_near_a_region_of_an_event_come_first() {
    let data = data();
    let report = import_with(
        Limits::default(),
        &["Records.json", "track.gpx", "Timeline.json"],
        Some(&data),
    );
    let first_far = report.stays.iter().position(|s| s.near.is_none()).unwrap();
    assert!(first_far > 0);
    assert!(report.stays[first_far..].iter().all(|s| s.near.is_none()));
    for s in &report.stays[..first_far] {
        let near = s.near.as_ref().unwrap();
        assert_eq!(near.region, "mong-la", "{s:?}");
        assert!(near.distance_km <= 50.0);
        assert!((s.stay.lat.unwrap() - DALUO.0).abs() < 0.01);
    }
    // Near ones by date.
    let froms: Vec<&str> = report.stays[..first_far]
        .iter()
        .map(|s| s.stay.from.as_str())
        .collect();
    let mut by_date = froms.clone();
    by_date.sort();
    assert_eq!(froms, by_date);
}

#[test]
fn the_stay_cap_keeps_the_near_ones_and_says_how_many_went() {
    let data = data();
    let limits = Limits {
        max_stays: 2,
        ..Limits::default()
    };
    let report = import_with(limits, &["Records.json", "track.gpx"], Some(&data));
    assert_eq!(report.stays.len(), 2);
    assert_eq!(report.stays_found, 4);
    assert_eq!(report.stays_dropped, 2);
    assert!(report.stays.iter().all(|s| s.near.is_some()));
    assert!(
        report
            .summary()
            .contains("2 stays left out by the cap of 2"),
        "{}",
        report.summary()
    );
}

#[test]
fn imported_stays_make_a_valid_case_file() {
    let report = import(&[
        "takeout.zip",
        "Timeline.json",
        "track.gpx",
        "history.kml",
        "IMG_0002.jpg",
    ]);
    let file = report.case_file();
    assert_eq!(file.version, 1);
    assert_eq!(file.stays.len(), report.stays.len());
    file.validate().expect("the imported case validates");
    let json = serde_json::to_string(&file).unwrap();
    prescreen_core::case::CaseFile::from_json(&json).expect("round-trips");
}

#[test]
fn the_same_place_from_two_files_merges_into_one_stay() {
    // Records.json has Daluo on 4–5 Sep; a GPX point there on the 6th extends the stay.
    let gpx = br#"<gpx><trk><trkseg><trkpt lat="21.6981" lon="100.0311"><time>2019-09-06T04:00:00Z</time></trkpt></trkseg></trk></gpx>"#;
    let mut importer = Importer::new(Limits::default());
    importer
        .add("Records.json", Cursor::new(fixture("Records.json")))
        .unwrap();
    importer.add("walk.gpx", Cursor::new(&gpx[..])).unwrap();
    let report = importer.finish(None);
    has_stay(&report, "2019-09-04", "2019-09-06", DALUO.0, DALUO.1, 4);
    let note = report.stays[0].stay.note.as_deref().unwrap();
    assert_eq!(
        note,
        "imported from Records.json, 3 points; walk.gpx, 1 point"
    );
}

// ---- hostile files ----

#[test]
fn truncated_json_says_cut_off() {
    let err = import_err("Records.json", fixture("truncated.json"), Limits::default());
    assert!(
        matches!(err, ImportError::Truncated { format: "JSON", .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("export or copy it again"), "{err}");
}

#[test]
fn truncated_gpx_says_cut_off() {
    let err = import_err("track.gpx", fixture("truncated.gpx"), Limits::default());
    assert!(
        matches!(err, ImportError::Truncated { format: "GPX", .. }),
        "{err:?}"
    );
}

#[test]
fn binary_garbage_is_not_recognized() {
    let err = import_err("Records.json", fixture("binary.bin"), Limits::default());
    assert_eq!(err, ImportError::NotRecognized);
    let message = err.to_string();
    assert!(
        message.starts_with("this is not a Google Takeout Records.json"),
        "{message}"
    );
    assert!(
        message.contains("export your location history again"),
        "{message}"
    );
}

#[test]
fn json_nested_10000_deep_is_refused() {
    let err = import_err("Records.json", fixture("nested.json"), Limits::default());
    assert!(matches!(err, ImportError::TooDeep { .. }), "{err:?}");
    // Nested inside the locations array too.
    let deep = format!(
        "{{\"locations\":[{{\"activity\":{}{}}}]}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let err = import_err("Records.json", deep.into_bytes(), Limits::default());
    assert!(matches!(err, ImportError::TooDeep { .. }), "{err:?}");
}

#[test]
fn one_huge_string_or_text_is_refused_without_buffering_it() {
    let mut json = String::from("{\"locations\":[{\"timestamp\":\"");
    json.push_str(&"9".repeat(17 << 20));
    json.push_str("\"}]}");
    let err = import_err("Records.json", json.into_bytes(), Limits::default());
    assert!(
        matches!(&err, ImportError::Malformed { format: "JSON", detail } if detail.contains("longer than 16 MB")),
        "{err:?}"
    );
    let mut kml = String::from("<kml><Placemark><coordinates>");
    kml.push_str(&"1".repeat(33 << 20));
    kml.push_str("</coordinates></Placemark></kml>");
    let err = import_err("history.kml", kml.into_bytes(), Limits::default());
    assert!(
        matches!(&err, ImportError::Malformed { format: "XML", detail } if detail.contains("longer than 32 MB")),
        "{err:?}"
    );
}

#[test]
fn xml_nested_deep_is_refused() {
    let deep = format!(
        "<kml>{}{}</kml>",
        "<a>".repeat(10_000),
        "</a>".repeat(10_000)
    );
    let err = import_err("deep.kml", deep.into_bytes(), Limits::default());
    assert!(matches!(err, ImportError::TooDeep { .. }), "{err:?}");
}

#[test]
fn json_and_xml_that_are_not_location_history_say_so() {
    let err = import_err(
        "Settings.json",
        fixture("not_history.json"),
        Limits::default(),
    );
    assert_eq!(err, ImportError::NoLocationHistory);
    let err = import_err("image.svg", fixture("not_gps.xml"), Limits::default());
    assert_eq!(err, ImportError::NotRecognized);
    for other in [&b"[1, 2, 3]"[..], b"[]", b"[{\"id\": 1}]", b"{}"] {
        let err = import_err("other.json", other.to_vec(), Limits::default());
        assert_eq!(
            err,
            ImportError::NoLocationHistory,
            "{}",
            String::from_utf8_lossy(other)
        );
    }
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_reading() {
    let limits = Limits {
        max_file_bytes: 100,
        ..Limits::default()
    };
    let err = import_err("Records.json", fixture("Records.json"), limits);
    assert!(matches!(err, ImportError::TooLarge { .. }), "{err:?}");
}

#[test]
fn a_photo_without_gps_says_type_the_place() {
    // SOI, an APP0 segment, a scan, EOI: a JPEG without EXIF.
    let jpeg = b"\xFF\xD8\xFF\xE0\x00\x04ab\xFF\xDA\x00\x02\x01\x02\xFF\xD9";
    let err = import_err("IMG.jpg", jpeg.to_vec(), Limits::default());
    assert_eq!(err, ImportError::NoPhotoLocation);
    assert!(err.to_string().contains("type the place and dates instead"));
    let err = import_err("IMG.jpg", jpeg[..12].to_vec(), Limits::default());
    assert!(
        matches!(
            err,
            ImportError::Truncated {
                format: "photo",
                ..
            }
        ),
        "{err:?}"
    );
}

/// A zip with one entry of `size` zero bytes, deflated (about 1000×).
fn zip_of_zeros(size: usize) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("Takeout/Location History/Records.json", options)
            .unwrap();
        let chunk = vec![0u8; 1 << 20];
        let mut left = size;
        while left > 0 {
            let n = left.min(chunk.len());
            zip.write_all(&chunk[..n]).unwrap();
            left -= n;
        }
        zip.finish().unwrap();
    }
    out.into_inner()
}

#[test]
fn a_zip_bomb_is_refused_by_its_ratio() {
    let bomb = zip_of_zeros(8 << 20);
    assert!(bomb.len() < 100_000, "{} bytes", bomb.len());
    let err = import_err("takeout.zip", bomb, Limits::default());
    assert!(matches!(err, ImportError::ZipBomb { .. }), "{err:?}");
    assert!(err.to_string().contains("zip bomb"), "{err}");
}

#[test]
fn a_zip_over_the_unpacked_budget_is_stopped_while_unpacking() {
    let limits = Limits {
        max_zip_unpacked_bytes: 1000,
        ..Limits::default()
    };
    let err = import_err("takeout.zip", fixture("takeout.zip"), limits);
    assert!(matches!(err, ImportError::ZipBomb { .. }), "{err:?}");
}

#[test]
fn a_zip_with_too_many_entries_is_refused_before_indexing() {
    let mut out = Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for i in 0..20 {
            zip.start_file(format!("f{i}.txt"), options).unwrap();
            zip.write_all(b"x").unwrap();
        }
        zip.finish().unwrap();
    }
    let limits = Limits {
        max_zip_entries: 10,
        ..Limits::default()
    };
    let err = import_err("many.zip", out.into_inner(), limits);
    assert!(matches!(err, ImportError::ZipBomb { .. }), "{err:?}");
    assert!(err.to_string().contains("holds 20 files"), "{err}");
}

#[test]
fn a_truncated_zip_says_cut_off() {
    let mut bytes = fixture("takeout.zip");
    bytes.truncate(bytes.len() / 2);
    let err = import_err("takeout.zip", bytes, Limits::default());
    assert!(
        matches!(err, ImportError::Truncated { format: "zip", .. }),
        "{err:?}"
    );
}

#[test]
fn a_zip_without_location_files_says_so() {
    let mut out = Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file("readme.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"hello").unwrap();
        zip.finish().unwrap();
    }
    let err = import_err("other.zip", out.into_inner(), Limits::default());
    assert_eq!(err, ImportError::NothingInZip);
}

#[test]
fn a_broken_location_file_in_a_zip_refuses_the_zip_and_names_the_entry() {
    let mut out = Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("Records.json", options).unwrap();
        zip.write_all(&fixture("truncated.json")).unwrap();
        zip.finish().unwrap();
    }
    let err = import_err("takeout.zip", out.into_inner(), Limits::default());
    assert!(
        err.to_string()
            .starts_with("Records.json in the zip: this JSON file is cut off"),
        "{err}"
    );
}

#[test]
fn a_bad_file_leaves_the_import_as_it_was() {
    let good = import(&["Records.json"]);
    let mut importer = Importer::new(Limits::default());
    importer
        .add("Records.json", Cursor::new(fixture("Records.json")))
        .unwrap();
    for bad in [
        "truncated.json",
        "truncated.gpx",
        "binary.bin",
        "nested.json",
    ] {
        importer
            .add(bad, Cursor::new(fixture(bad)))
            .expect_err("refused");
    }
    let after = importer.finish(None);
    assert_eq!(stays(&after), stays(&good));
    assert_eq!(after.files.len(), 1);
    assert_eq!(after.stays[0].stay.note, good.stays[0].stay.note);
}

#[test]
fn progress_is_reported_and_cancel_stops_the_import() {
    // About 1 MB of records, so the callback fires a few times.
    let mut text = String::from("{\"locations\":[");
    for i in 0..10_000 {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(
            "{{\"latitudeE7\":216980000,\"longitudeE7\":1000310000,\"timestampMs\":\"{}\",\"accuracy\":20,\"source\":\"WIFI\"}}",
            1_567_526_400_000_i64 + i * 60_000
        ));
    }
    text.push_str("]}");
    let len = text.len() as u64;
    let mut seen = Vec::new();
    let mut importer = Importer::new(Limits::default());
    importer
        .add_with_progress("Records.json", Cursor::new(text.as_bytes()), |n| {
            seen.push(n);
            true
        })
        .unwrap();
    assert!(seen.len() >= 3, "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]));
    assert!(*seen.last().unwrap() >= len);
    let err = importer
        .add_with_progress("Records.json", Cursor::new(text.as_bytes()), |_| false)
        .unwrap_err();
    assert_eq!(err, ImportError::Cancelled);
    let report = importer.finish(None);
    assert_eq!(report.points, 10_000, "the cancelled file added nothing");
}

// ---- never a panic ----

fn add_never_panics(bytes: &[u8]) {
    let mut importer = Importer::new(Limits {
        max_zip_unpacked_bytes: 16 << 20,
        ..Limits::default()
    });
    match importer.add("input", Cursor::new(bytes)) {
        Ok(_) => {}
        Err(e) => assert!(!e.to_string().is_empty()),
    }
    let _ = importer.finish(None);
}

/// Cases per property: 256 by default (seconds in `cargo test`); `IMPORT_FUZZ_CASES=100000` for a
/// longer fuzzing run.
fn config() -> ProptestConfig {
    let cases = std::env::var("IMPORT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Each format's magic or opening, so random tails reach every parser, not only the sniffer.
const OPENINGS: [&[u8]; 10] = [
    b"",
    b"{\"locations\":[",
    b"{\"timelineObjects\":[{\"placeVisit\":",
    b"{\"semanticSegments\":[{\"startTime\":\"2019-09-20T09:00:00Z\",",
    b"[{\"visit\":",
    b"<gpx><trk><trkseg><trkpt lat=\"21.7\" lon=\"100\">",
    b"<kml><Placemark><gx:Track><when>",
    b"\xFF\xD8\xFF\xE1",
    b"\x00\x00\x00\x18ftypheic",
    b"PK\x03\x04",
];

const VALID: [&str; 8] = [
    "Records.json",
    "2019_SEPTEMBER.json",
    "Timeline.json",
    "track.gpx",
    "history.kml",
    "IMG_0001.jpg",
    "IMG_0002.jpg",
    "takeout.zip",
];

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(opening in 0..OPENINGS.len(), tail in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let mut bytes = OPENINGS[opening].to_vec();
        bytes.extend_from_slice(&tail);
        add_never_panics(&bytes);
    }

    #[test]
    fn mutated_valid_files_never_panic(
        file in 0..VALID.len(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = fixture(VALID[file]);
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        add_never_panics(&bytes);
    }
}

// ---- Huawei Health data download (fixtures: tests/fixtures/import/make_xlsx.py) ----------------

#[test]
fn a_huawei_health_export_gives_its_workouts_track_points_as_stays() {
    for name in ["huawei_motion.json", "huawei_health.zip"] {
        let report = import(&[name]);
        // 12 points of the walk (its pause marker skipped) and 10 of the run, in the older
        // `motionPathData` layout with times in seconds; the indoor run has none.
        assert_eq!((report.points, report.points_skipped), (22, 1), "{name}");
        let days: Vec<(String, String)> = report
            .stays
            .iter()
            .map(|s| (s.stay.from.clone(), s.stay.to.clone()))
            .collect();
        assert!(
            days.iter()
                .all(|d| d.0 == d.1 && (d.0 == "2019-09-05" || d.0 == "2019-09-21")),
            "{name}: {days:?}"
        );
        let near = |lat: f64, lon: f64| {
            report.stays.iter().any(|s| {
                (s.stay.lat.unwrap() - lat).abs() < 0.02 && (s.stay.lon.unwrap() - lon).abs() < 0.02
            })
        };
        assert!(
            near(21.697, 100.032) && near(25.042, 102.712),
            "{name}: {:#?}",
            report.stays
        );
    }
    let zip = import(&["huawei_health.zip"]);
    assert_eq!(zip.files[0].format, Format::Zip);
    // The step counts beside the workouts hold no track: skipped, not an error.
    assert_eq!(
        (zip.files[0].entries_used, zip.files[0].entries_skipped),
        (1, 2)
    );
    assert_eq!(
        import(&["huawei_motion.json"]).files[0].format,
        Format::HuaweiHealth
    );
}

#[test]
fn a_huawei_file_without_track_points_says_which_file_has_them() {
    let bytes = br#"[{"sportType":101,"startTime":1568000000000,"attribute":"HW_EXT_TRACK_DETAIL@istp=p-m;k=1;v=500;&&HW_EXT_TRACK_SIMPLIFY@is{}"}]"#;
    let err = import_err("indoor.json", bytes.to_vec(), Limits::default());
    assert_eq!(err, ImportError::NoHuaweiTrack);
    let message = err.to_string();
    assert!(
        message.contains("motion path detail data.json") && !message.contains('\n'),
        "{message}"
    );
}
