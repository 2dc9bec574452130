//! The page's side of the engine: a worker that answers [`Request`]s, or (in component tests)
//! an engine running in the page.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

use super::protocol::{Reply, Request};

/// The worker script Trunk writes for `src/bin/engine.rs` (`data-loader-shim`).
const WORKER_SCRIPT: &str = "./engine_loader.js";

/// An engine answering in the page, synchronously: what component tests mount the app with.
#[derive(Clone)]
pub struct LocalEngine {
    /// What the engine says when its data is ready.
    pub ready: Reply,
    pub handle: Rc<dyn Fn(Request) -> Reply>,
}

/// Where requests go.
#[derive(Clone)]
// One link per page, made once: its size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum EngineLink {
    Worker(Rc<WorkerLink>),
    Local(LocalEngine, Callback<Reply>),
}

impl EngineLink {
    /// Starts the engine; every reply goes to `on_reply`.
    pub fn start(local: Option<LocalEngine>, on_reply: Callback<Reply>) -> EngineLink {
        match local {
            Some(local) => {
                on_reply.emit(local.ready.clone());
                EngineLink::Local(local, on_reply)
            }
            None => match WorkerLink::spawn(on_reply.clone()) {
                Ok(link) => EngineLink::Worker(link),
                Err(detail) => {
                    on_reply.emit(Reply::LoadFailed(detail));
                    EngineLink::Worker(Rc::new(WorkerLink::default()))
                }
            },
        }
    }

    pub fn send(&self, request: &Request) {
        match self {
            EngineLink::Worker(link) => link.send(request),
            EngineLink::Local(local, on_reply) => on_reply.emit((local.handle)(request.clone())),
        }
    }
}

/// The reply a worker's message carries (a JSON string); `None` for anything else.
fn reply_of(event: &MessageEvent) -> Option<Reply> {
    let text = event.data().as_string()?;
    serde_json::from_str(&text).ok()
}

/// The engine worker, with the requests made before its data was ready.
#[derive(Default)]
pub struct WorkerLink {
    worker: Option<Worker>,
    /// `None` once the worker said it is ready; until then requests wait here.
    waiting: Rc<RefCell<Option<Vec<String>>>>,
}

impl WorkerLink {
    fn spawn(on_reply: Callback<Reply>) -> Result<Rc<WorkerLink>, String> {
        let worker = Worker::new(WORKER_SCRIPT)
            .map_err(|_| "this browser cannot start the background engine".to_owned())?;
        let waiting: Rc<RefCell<Option<Vec<String>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let on_message = {
            let worker = worker.clone();
            let waiting = waiting.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let Some(reply) = reply_of(&event) else {
                    return;
                };
                if matches!(reply, Reply::Ready(_)) {
                    for request in waiting.borrow_mut().take().unwrap_or_default() {
                        let _ = worker.post_message(&JsValue::from_str(&request));
                    }
                }
                on_reply.emit(reply);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            web_sys::console::error_1(&"the engine worker failed".into());
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        Ok(Rc::new(WorkerLink {
            worker: Some(worker),
            waiting,
        }))
    }

    fn send(&self, request: &Request) {
        let (Some(worker), Ok(json)) = (&self.worker, serde_json::to_string(request)) else {
            return;
        };
        match self.waiting.borrow_mut().as_mut() {
            Some(waiting) => waiting.push(json),
            None => {
                let _ = worker.post_message(&JsValue::from_str(&json));
            }
        }
    }
}

/// A running import: a worker of its own, so that cancelling is terminating it.
pub struct ImportJob {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
}

impl ImportJob {
    /// Starts reading `files`; progress and the result go to `on_reply`.
    pub fn start(
        files: Vec<web_sys::File>,
        on_reply: Callback<Reply>,
    ) -> Result<ImportJob, String> {
        // Same script, named "import": the name tells it its role (a query string would miss the
        // service worker's offline copy).
        let options = web_sys::WorkerOptions::new();
        options.set_name("import");
        let worker = Worker::new_with_options(WORKER_SCRIPT, &options)
            .map_err(|_| "this browser cannot start the background reader".to_owned())?;
        let array: js_sys::Array = files.into_iter().map(JsValue::from).collect();
        let on_message = {
            let worker = worker.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let Some(reply) = reply_of(&event) else {
                    return;
                };
                match reply {
                    // The worker's script is running: hand it the files.
                    Reply::Listening => {
                        let _ = worker.post_message(&array);
                    }
                    Reply::Imported(_) => {
                        worker.terminate();
                        on_reply.emit(reply);
                    }
                    other => on_reply.emit(other),
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Ok(ImportJob {
            worker,
            _on_message: on_message,
        })
    }
}

/// Dropping the job stops reading at once (cancel); nothing from the files is kept.
impl Drop for ImportJob {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.terminate();
    }
}
