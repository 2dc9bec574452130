//! An import worker (`import.js`, one per import; the page cancels it by terminating it): it
//! takes one array of `File`s, reads them in 1 MiB slices with `FileReaderSync` (so memory
//! stays bounded whatever the file's size) and posts progress. It holds no regions: when the
//! files are read it posts [`Reply::NeedNearest`] with the places found, the page asks the
//! screening engine (which has the index already) and passes the answer back, and the worker
//! ranks the stays and answers [`Reply::Imported`].
//!
//! Bills and flight lists name places: when one of the files is text (sniffed from its first
//! bytes), a spreadsheet, or a zip holding one ([`needs_places`]), the worker first fetches `data/places.json` (the service worker has it cached) and
//! builds the gazetteer they are matched against; other imports never load it.

use std::cell::RefCell;
use std::io::{self, Read, Seek, SeekFrom};
use std::rc::Rc;

use std::sync::Arc;

use prescreen_core::data::Gazetteer;
use prescreen_core::data::gazetteer::compact;
use prescreen_core::i18n::Lang;
use prescreen_core::import::{Importer, Limits, NearRegion, needs_places};
use prescreen_protocol::{Imported, Problem, Proposal, Reply};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

use crate::worker::{fetch_text, post, scope};

/// Starts an import worker: it says it is listening, then waits for the files.
pub fn start() {
    let scope = scope();
    // The files read, waiting for the nearest regions of their places.
    let read: Rc<RefCell<Option<Importer>>> = Rc::new(RefCell::new(None));
    let on_message = {
        let scope = scope.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            match data.as_string() {
                // The nearest regions, as JSON.
                Some(json) => {
                    let Some(importer) = read.borrow_mut().take() else {
                        return;
                    };
                    let near: Vec<Option<NearRegion>> =
                        serde_json::from_str(&json).unwrap_or_default();
                    let report = importer.finish_with_nearest(&near);
                    post(
                        &scope,
                        &Reply::Imported(Ok(Imported {
                            summary: report.summary(),
                            stays: report.stays.iter().map(Proposal::of).collect(),
                            peak_memory_bytes: memory_bytes(),
                        })),
                    );
                }
                // The files.
                None => {
                    let array = js_sys::Array::from(&data);
                    let files: Vec<File> = array
                        .iter()
                        .filter_map(|value| value.dyn_into::<File>().ok())
                        .collect();
                    // The page's language rides along as a string.
                    let lang = array
                        .iter()
                        .find_map(|value| value.as_string())
                        .and_then(|code| Lang::from_code(&code))
                        .unwrap_or_default();
                    let scope = scope.clone();
                    let read = read.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let places = if files.iter().any(wants_places) {
                            match load_places(&scope).await {
                                Ok(places) => Some(places),
                                Err(detail) => {
                                    post(&scope, &Reply::Imported(Err(Problem::new(detail))));
                                    return;
                                }
                            }
                        } else {
                            None
                        };
                        match import_files(&scope, &files, places, lang) {
                            Ok(importer) => {
                                let points = serde_json::to_string(&importer.place_points())
                                    .unwrap_or_default();
                                *read.borrow_mut() = Some(importer);
                                post(&scope, &Reply::NeedNearest { points });
                            }
                            Err(detail) => {
                                post(&scope, &Reply::Imported(Err(Problem::new(detail))))
                            }
                        }
                    });
                }
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &Reply::Listening);
}

/// Reads every file into one importer; the first file that gives no stays ends the import with
/// its message.
fn import_files(
    scope: &DedicatedWorkerGlobalScope,
    files: &[File],
    places: Option<Arc<Gazetteer>>,
    lang: Lang,
) -> Result<Importer, String> {
    if files.is_empty() {
        return Err(
            "no file was chosen; pick a location-history file, a GPX/KML file, photos, or a bill or flight list (CSV)".into(),
        );
    }
    let total: u64 = files.iter().map(|f| f.size() as u64).sum();
    let mut importer = Importer::new(Limits::default());
    if let Some(places) = places {
        importer = importer.with_places(places);
    }
    let mut done_before = 0_u64;
    for file in files {
        let name = file.name();
        let reader = FileSource::new(file.clone()).map_err(|e| format!("{name}: {e}"))?;
        // Post progress at most every MiB: a message per 256 KiB would flood the page.
        let mut last_posted = 0_u64;
        let progress = |bytes: u64| {
            if bytes >= last_posted + (1 << 20) || bytes == file.size() as u64 {
                last_posted = bytes;
                post(
                    scope,
                    &Reply::ImportProgress {
                        done: done_before + bytes,
                        total,
                    },
                );
            }
            true
        };
        importer
            .add_with_progress(&name, reader, progress)
            .map_err(|e| format!("{name}: {}", e.localized(lang)))?;
        done_before += file.size() as u64;
    }
    Ok(importer)
}

/// Whether a file is, or holds, a table (a bill, a flight list): then the places are loaded.
fn wants_places(file: &File) -> bool {
    FileSource::new(file.clone()).is_ok_and(needs_places)
}

/// The gazetteer, from the same `places.json` the screening engine loads.
async fn load_places(scope: &DedicatedWorkerGlobalScope) -> Result<Arc<Gazetteer>, String> {
    let text = fetch_text(scope, "data/places.json").await.map_err(|e| {
        format!("the list of places could not be loaded ({e}); check the connection and try again")
    })?;
    let file = compact::decode(&text)
        .map_err(|e| format!("the list of places is damaged ({e}); reload the page"))?;
    Ok(Arc::new(Gazetteer::new(file.places)))
}

/// The size of this worker's wasm memory, which only ever grows: its peak.
fn memory_bytes() -> u64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .ok()
        .and_then(|memory| memory.buffer().dyn_into::<js_sys::ArrayBuffer>().ok())
        .map_or(0, |buffer| buffer.byte_length() as u64)
}

/// A `File` read synchronously in slices: `Read + Seek` for the streaming importers, holding one
/// slice at a time.
struct FileSource {
    file: File,
    reader: FileReaderSync,
    size: u64,
    position: u64,
    chunk: Vec<u8>,
    chunk_start: u64,
}

const CHUNK_BYTES: u64 = 1 << 20;

impl FileSource {
    fn new(file: File) -> io::Result<FileSource> {
        let reader = FileReaderSync::new()
            .map_err(|_| io::Error::other("this browser cannot read files in the background"))?;
        Ok(FileSource {
            size: file.size() as u64,
            file,
            reader,
            position: 0,
            chunk: Vec::new(),
            chunk_start: 0,
        })
    }

    fn fill(&mut self) -> io::Result<()> {
        let end = (self.position + CHUNK_BYTES).min(self.size);
        let slice = self
            .file
            .slice_with_f64_and_f64(self.position as f64, end as f64)
            .map_err(|_| io::Error::other("the file could not be sliced"))?;
        let buffer = self.reader.read_as_array_buffer(&slice).map_err(|_| {
            io::Error::other("the file could not be read (was it moved or deleted?)")
        })?;
        self.chunk = js_sys::Uint8Array::new(&buffer).to_vec();
        self.chunk_start = self.position;
        Ok(())
    }
}

impl Read for FileSource {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.position >= self.size || out.is_empty() {
            return Ok(0);
        }
        let chunk_end = self.chunk_start + self.chunk.len() as u64;
        if self.position < self.chunk_start || self.position >= chunk_end {
            self.fill()?;
        }
        let offset = (self.position - self.chunk_start) as usize;
        let available = &self.chunk[offset..];
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.position += n as u64;
        Ok(n)
    }
}

impl Seek for FileSource {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let target = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => self.size.checked_add_signed(d),
            SeekFrom::Current(d) => self.position.checked_add_signed(d),
        };
        self.position = target
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "seek before start"))?;
        Ok(self.position)
    }
}
