//! What every importer target does with the fuzzer's bytes, shared with the seed replay in
//! `crates/core/tests/fuzz_seeds.rs`: the first byte picks one of the target's openings (bytes
//! that steer the importer, which picks a parser by content, into the target's parser) and the
//! rest follows it.

use prescreen_core::import::{Importer, Limits};

/// Any outcome but a panic, a hang or a runaway allocation is fine.
pub fn import_after(openings: &[&[u8]], data: &[u8]) {
    let (choice, tail) = data.split_first().unwrap_or((&0, &[]));
    let mut bytes = openings[usize::from(*choice) % openings.len()].to_vec();
    bytes.extend_from_slice(tail);
    let mut importer = Importer::new(Limits {
        max_zip_unpacked_bytes: 64 << 20,
        ..Limits::default()
    });
    let _ = importer.add("fuzz", std::io::Cursor::new(bytes));
    let _ = importer.finish(None);
}
