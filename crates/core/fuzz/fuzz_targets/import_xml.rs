//! The XML importers: GPX and KML.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

/// Openings that steer the bytes into this parser (the importer picks a parser by content).
const OPENINGS: &[&[u8]] = &[
    b"<gpx>",
    b"<kml>",
    b"<?xml version=\"1.0\"?><gpx><trk><trkseg>",
    b"<kml><Document><Placemark>",
];

fuzz_target!(|data: &[u8]| common::import_after(OPENINGS, data));
