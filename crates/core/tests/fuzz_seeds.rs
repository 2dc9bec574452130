//! Replays the fuzz targets' committed seed corpus (`crates/core/fuzz/seeds/<target>/`) and every
//! saved crash (`crates/core/fuzz/regressions/<target>/`, where `scripts/fuzz.sh` copies what
//! cargo-fuzz finds) through the importer on stable Rust: a crash found once stays fixed.

use std::path::{Path, PathBuf};

/// Must match OPENINGS in crates/core/fuzz/fuzz_targets/<target>.rs (and make_seeds.py).
const TARGETS: [(&str, &[&[u8]]); 6] = [
    ("import_any", &[b""]),
    (
        "import_json",
        &[
            b"{\"locations\":[",
            b"{\"timelineObjects\":[",
            b"{\"semanticSegments\":[",
            b"{\"rawSignals\":[",
            b"[",
        ],
    ),
    (
        "import_xml",
        &[
            b"<gpx>",
            b"<kml>",
            b"<?xml version=\"1.0\"?><gpx><trk><trkseg>",
            b"<kml><Document><Placemark>",
        ],
    ),
    (
        "import_photo",
        &[b"\xFF\xD8\xFF", b"\x00\x00\x00\x18ftypheic"],
    ),
    ("import_zip", &[b"PK\x03\x04", b""]),
    (
        "import_huawei",
        &[
            b"[{\"sportType\":4,\"attribute\":\"HW_EXT_TRACK_DETAIL@istp=lbs;",
            b"[{\"recordDay\":20190905,\"motionPathData\":[{\"attribute\":\"HW_EXT_TRACK_DETAIL@is",
            b"[{\"totalSteps\":1,",
        ],
    ),
];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// What every importer target does with the fuzzer's bytes, compiled in here so that a replay
/// runs exactly what the fuzzer did.
#[path = "../fuzz/fuzz_targets/common.rs"]
mod importer_target;

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

#[test]
fn every_target_has_seeds_and_every_target_file_is_listed_here() {
    for (target, _) in TARGETS {
        let seeds = files(&fuzz_dir().join("seeds").join(target));
        assert!(
            !seeds.is_empty(),
            "no seeds for {target}; run python3 crates/core/fuzz/make_seeds.py"
        );
        assert!(
            fuzz_dir()
                .join("fuzz_targets")
                .join(format!("{target}.rs"))
                .is_file(),
            "{target} is not a fuzz target"
        );
    }
    let targets: Vec<PathBuf> = files(&fuzz_dir().join("fuzz_targets"))
        .into_iter()
        .filter(|p| p.file_stem().is_some_and(|n| n != "common"))
        .collect();
    assert_eq!(
        targets.len(),
        TARGETS.len(),
        "a fuzz target was added or removed: list it in TARGETS (and make_seeds.py)"
    );
}

#[test]
fn seeds_and_saved_crashes_replay_without_a_panic() {
    let mut replayed = 0;
    for (target, openings) in TARGETS {
        for kind in ["seeds", "regressions"] {
            for path in files(&fuzz_dir().join(kind).join(target)) {
                let data = std::fs::read(&path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
                let outcome =
                    std::panic::catch_unwind(|| importer_target::import_after(openings, &data));
                assert!(outcome.is_ok(), "{} panics", path.display());
                replayed += 1;
            }
        }
    }
    assert!(replayed >= 20, "only {replayed} inputs replayed");
}

// ---- the bill and flight-list targets (fuzz/ at the project's root) -----------------------------

/// The root fuzz package (`fuzz/`): its targets, and what each makes of the fuzzer's bytes
/// before importing them (must match fuzz/fuzz_targets/<target>.rs).
/// What a bill target makes of the fuzzer's bytes.
type MakeInput = fn(&[u8]) -> Vec<u8>;

const BILL_TARGETS: [(&str, MakeInput); 3] = [
    ("table", |data| data.to_vec()),
    ("flight_list", |data| {
        let mut bytes =
            "日期,航空公司,航班号,出发城市,出发时间,到达城市,到达时间,里程数,客票号,客票状态\n"
                .as_bytes()
                .to_vec();
        bytes.extend_from_slice(data);
        bytes
    }),
    ("xlsx_bill", bill_target::xlsx_from),
];

fn bill_fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz")
}

/// The targets' own checks (stays or a one-line error, `from <= to`), compiled in here so that a
/// replay checks exactly what the fuzzer did.
#[path = "../../../fuzz/fuzz_targets/common.rs"]
mod bill_target;

#[test]
fn bill_seeds_and_saved_crashes_replay_as_the_fuzz_targets_check_them() {
    let targets = files(&bill_fuzz_dir().join("fuzz_targets"));
    let names: Vec<String> = targets
        .iter()
        .filter_map(|p| p.file_stem()?.to_str().map(str::to_owned))
        .filter(|n| n != "common")
        .collect();
    let mut listed: Vec<&str> = BILL_TARGETS.iter().map(|&(t, _)| t).collect();
    listed.sort_unstable();
    let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(
        names, listed,
        "a target in fuzz/ was added or removed: list it in BILL_TARGETS"
    );
    for (target, make) in BILL_TARGETS {
        let seeds = files(&bill_fuzz_dir().join("corpus").join(target));
        assert!(!seeds.is_empty(), "no seed corpus in fuzz/corpus/{target}");
        let crashes = files(&bill_fuzz_dir().join("regressions").join(target));
        for path in seeds.iter().chain(&crashes) {
            let bytes = make(
                &std::fs::read(path)
                    .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())),
            );
            let outcome = std::panic::catch_unwind(|| bill_target::import(&bytes));
            assert!(
                outcome.is_ok(),
                "{} fails its target's checks",
                path.display()
            );
        }
    }
}
