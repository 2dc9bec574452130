//! Huawei Health exports (`motion path detail data.json`, read as a byte stream: its JSON is not
//! valid). Seed the corpus with ../tests/fixtures/import/huawei_motion.json.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

/// Openings that steer the bytes into this parser (the importer picks a parser by content).
const OPENINGS: &[&[u8]] = &[
    b"[{\"sportType\":4,\"attribute\":\"HW_EXT_TRACK_DETAIL@istp=lbs;",
    b"[{\"recordDay\":20190905,\"motionPathData\":[{\"attribute\":\"HW_EXT_TRACK_DETAIL@is",
    b"[{\"totalSteps\":1,",
];

fuzz_target!(|data: &[u8]| common::import_after(OPENINGS, data));
