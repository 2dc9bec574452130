//! Any bytes as the XML inside a spreadsheet bill (.xlsx): up to the first NUL its shared texts,
//! after it its first sheet, packed into a valid zip (stored, so the fuzzer's bytes reach the XML
//! and row code rather than dying in the inflater or a checksum). Seeds: fuzz/corpus/xlsx_bill/,
//! the parts of crates/core/tests/fixtures/import/wechat_bill.xlsx.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::import(&common::xlsx_from(data)));
