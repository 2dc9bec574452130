//! The engine's Web Worker: loads and indexes the data off the page's thread, answers requests,
//! and reads imported files.
//!
//! The same script runs in two roles. The long-lived engine worker fetches the data, posts
//! [`Reply::Ready`] and then answers [`Request`]s. An import worker (named `import`) posts
//! [`Reply::Listening`], takes one array of `File`s, reads them in 1 MiB slices with
//! `FileReaderSync` (so memory stays bounded whatever the file's size), posts progress, and
//! answers [`Reply::Imported`]; the page cancels it by terminating it.

use std::cell::RefCell;
use std::io::{self, Read, Seek, SeekFrom};
use std::rc::Rc;

use prescreen_core::data::{DataSet, ShippedTexts};
use prescreen_core::import::{Importer, Limits};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, File, FileReaderSync, MessageEvent};

use super::protocol::{Imported, Reply, Request};
use super::service::{DataTexts, Engine};

/// Starts the worker in the role its URL names.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let import = scope.name() == "import";
    if import {
        start_import(scope);
    } else {
        start_engine(scope);
    }
}

fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
    if let Ok(json) = serde_json::to_string(reply) {
        let _ = scope.post_message(&JsValue::from_str(&json));
    }
}

fn start_engine(scope: DedicatedWorkerGlobalScope) {
    let engine: Rc<RefCell<Option<Engine>>> = Rc::new(RefCell::new(None));
    let on_message = {
        let scope = scope.clone();
        let engine = engine.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            // The page only sends after `Ready`; a request it cannot parse is a bug, not input.
            let engine = engine.borrow();
            if let (Ok(request), Some(engine)) =
                (serde_json::from_str::<Request>(&text), engine.as_ref())
            {
                post(&scope, &engine.handle(request));
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = fetch_all(&scope)
            .await
            .and_then(|texts| Engine::from_texts(&texts));
        match loaded {
            Ok(loaded) => {
                post(&scope, &Reply::Ready(Box::new(loaded.overview())));
                *engine.borrow_mut() = Some(loaded);
            }
            Err(detail) => post(&scope, &Reply::LoadFailed(detail)),
        }
    });
}

/// Fetches the shipped data files, relative to the worker script (the app's folder).
async fn fetch_all(scope: &DedicatedWorkerGlobalScope) -> Result<DataTexts, String> {
    let mut texts = DataTexts::default();
    for (name, text) in texts.files() {
        *text = fetch_text(scope, &format!("data/{name}")).await?;
    }
    Ok(texts)
}

/// The three files an import needs to rank stays by their distance to the regions.
async fn fetch_screening_data(scope: &DedicatedWorkerGlobalScope) -> Result<DataSet, String> {
    let places = fetch_text(scope, "data/places.json").await?;
    let events = fetch_text(scope, "data/events.json").await?;
    let regions = fetch_text(scope, "data/regions.geojson").await?;
    DataSet::load(&ShippedTexts {
        places: &places,
        events: &events,
        regions: &regions,
        guidance: None,
    })
    .map_err(|e| e.to_string())
}

async fn fetch_text(scope: &DedicatedWorkerGlobalScope, url: &str) -> Result<String, String> {
    let response = JsFuture::from(scope.fetch_with_str(url))
        .await
        .map_err(|_| format!("{url}: network error"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: not a response"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| format!("{url}: no body"))?)
        .await
        .map_err(|_| format!("{url}: body could not be read"))?;
    text.as_string()
        .ok_or_else(|| format!("{url}: body is not text"))
}

fn start_import(scope: DedicatedWorkerGlobalScope) {
    let on_message = {
        let scope = scope.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let files: Vec<File> = js_sys::Array::from(&event.data())
                .iter()
                .filter_map(|value| value.dyn_into::<File>().ok())
                .collect();
            let scope = scope.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // Without the regions the stays are still found, only not ranked by nearness.
                let data = fetch_screening_data(&scope).await.ok();
                let result = import_files(&scope, &files, data.as_ref());
                post(&scope, &Reply::Imported(result));
            });
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&scope, &Reply::Listening);
}

/// Reads every file; the first file that gives no stays ends the import with its message.
fn import_files(
    scope: &DedicatedWorkerGlobalScope,
    files: &[File],
    data: Option<&DataSet>,
) -> Result<Imported, String> {
    if files.is_empty() {
        return Err(
            "no file was chosen; pick a location-history file, a GPX/KML file or photos".into(),
        );
    }
    let total: u64 = files.iter().map(|f| f.size() as u64).sum();
    let mut importer = Importer::new(Limits::default());
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
            .map_err(|e| format!("{name}: {e}"))?;
        done_before += file.size() as u64;
    }
    let report = importer.finish(data);
    Ok(Imported {
        summary: report.summary(),
        stays: report.stays,
        peak_memory_bytes: memory_bytes(),
    })
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
