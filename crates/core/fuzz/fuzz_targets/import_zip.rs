//! Zip archives (seed the corpus with ../tests/fixtures/import/takeout.zip).
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

/// Openings that steer the bytes into this parser (the importer picks a parser by content).
const OPENINGS: &[&[u8]] = &[b"PK\x03\x04", b""];

fuzz_target!(|data: &[u8]| common::import_after(OPENINGS, data));
