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
