//! The shipped gazetteer, loaded once per fuzzing process, and an importer over it.

use std::io::Cursor;
use std::sync::{Arc, OnceLock};

use prescreen_core::data::{DataSet, Gazetteer, SHIPPED};
use prescreen_core::import::{Importer, Limits};

fn places() -> Arc<Gazetteer> {
    static PLACES: OnceLock<Arc<Gazetteer>> = OnceLock::new();
    PLACES
        .get_or_init(|| {
            let data = DataSet::load(&SHIPPED.without_guidance()).expect("shipped data loads");
            Arc::new(data.gazetteer)
        })
        .clone()
}

/// Imports `bytes` as one file: any input must give stays or an error, never a panic, and an
/// error's message is one line.
pub fn import(bytes: &[u8]) {
    let mut importer = Importer::new(Limits::default()).with_places(places());
    match importer.add("fuzz.csv", Cursor::new(bytes)) {
        Ok(_) => {
            let report = importer.finish(None);
            let _ = report.summary();
            for stay in &report.stays {
                assert!(stay.stay.from <= stay.stay.to, "{stay:?}");
            }
        }
        Err(e) => assert!(!e.to_string().contains('\n'), "{e}"),
    }
}

/// The fuzzer's bytes as an .xlsx: up to the first NUL, `xl/sharedStrings.xml`; after it,
/// `xl/worksheets/sheet1.xml`; with the workbook part that makes it a spreadsheet.
pub fn xlsx_from(data: &[u8]) -> Vec<u8> {
    let (strings, sheet) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (&b""[..], data),
    };
    stored_zip(&[
        (
            "xl/workbook.xml",
            b"<workbook><sheets><sheet name=\"Sheet1\"/></sheets></workbook>",
        ),
        ("xl/sharedStrings.xml", strings),
        ("xl/worksheets/sheet1.xml", sheet),
    ])
}

/// A zip of `files`, stored (not compressed), with correct checksums.
pub fn stored_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
    let (mut out, mut directory) = (Vec::new(), Vec::new());
    for (name, body) in files {
        let offset = out.len() as u32;
        let (crc, size, name_len) = (crc32(body), body.len() as u32, name.len() as u16);
        out.extend_from_slice(b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00");
        for v in [crc, size, size] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(body);
        directory.extend_from_slice(b"PK\x01\x02\x14\x00\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00");
        for v in [crc, size, size] {
            directory.extend_from_slice(&v.to_le_bytes());
        }
        directory.extend_from_slice(&name_len.to_le_bytes());
        directory.extend_from_slice(&[0; 12]);
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let (at, len, n) = (out.len() as u32, directory.len() as u32, files.len() as u16);
    out.extend_from_slice(&directory);
    out.extend_from_slice(b"PK\x05\x06\x00\x00\x00\x00");
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}
