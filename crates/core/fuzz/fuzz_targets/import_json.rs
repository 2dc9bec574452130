//! The JSON importers: Records.json, Semantic Location History, Timeline.json.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

/// Openings that steer the bytes into this parser (the importer picks a parser by content).
const OPENINGS: &[&[u8]] = &[
    b"{\"locations\":[",
    b"{\"timelineObjects\":[",
    b"{\"semanticSegments\":[",
    b"{\"rawSignals\":[",
    b"[",
];

fuzz_target!(|data: &[u8]| common::import_after(OPENINGS, data));
