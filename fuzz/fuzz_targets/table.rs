//! Any bytes as a bill or flight list (the importer sniffs and dispatches as for a real file).
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| common::import(data));
