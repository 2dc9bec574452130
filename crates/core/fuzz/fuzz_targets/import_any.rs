//! Any bytes: the sniffer, then whichever parser it picks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use prescreen_core::import::{Importer, Limits};

/// Openings that steer the bytes into this parser (the importer picks a parser by content).
const OPENINGS: &[&[u8]] = &[b""];

fuzz_target!(|data: &[u8]| {
    let (choice, tail) = data.split_first().unwrap_or((&0, &[]));
    let mut bytes = OPENINGS[usize::from(*choice) % OPENINGS.len()].to_vec();
    bytes.extend_from_slice(tail);
    let mut importer = Importer::new(Limits {
        max_zip_unpacked_bytes: 64 << 20,
        ..Limits::default()
    });
    // Any outcome but a panic, a hang or a runaway allocation is fine.
    let _ = importer.add("fuzz", std::io::Cursor::new(bytes));
    let _ = importer.finish(None);
});
