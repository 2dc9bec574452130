//! The page's side of the engine workers (`crates/engine`): the screening engine, started after
//! the first paint; the letters, started when a document is first asked for; and one import
//! worker per import. In component tests, an engine running in the page instead.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

use super::protocol::{Reply, Request};

/// The worker scripts Trunk writes for `crates/engine/src/bin/*.rs` (`data-loader-shim`).
const ENGINE_SCRIPT: &str = "./engine_loader.js";
const LETTERS_SCRIPT: &str = "./letters_loader.js";
const IMPORT_SCRIPT: &str = "./import_loader.js";

/// An engine answering in the page, synchronously: what component tests mount the app with.
#[derive(Clone)]
pub struct LocalEngine {
    /// What the engine says when its data is ready, said once (taken, never cloned: a `Reply`
    /// clone would cost the page's wasm several KiB for the tests' sake).
    pub ready: Rc<RefCell<Option<Reply>>>,
    pub handle: Rc<dyn Fn(Request) -> Reply>,
}

/// Where requests go: the workers, or the tests' engine in the page.
#[derive(Clone)]
// One link per page, made once: its size does not matter.
#[allow(clippy::large_enum_variant)]
enum Engines {
    Workers {
        screening: Rc<WorkerLink>,
        /// Started by the first document request.
        letters: Rc<RefCell<Option<Rc<WorkerLink>>>>,
    },
    Local(LocalEngine),
}

/// The page's link to the engine: every reply goes to the callback given to [`EngineLink::start`],
/// except the nearest regions asked for by an import, which go back to that import.
#[derive(Clone)]
pub struct EngineLink {
    engines: Engines,
    on_reply: Callback<Reply>,
    /// The running import's wait for [`Reply::Nearest`].
    on_nearest: Rc<RefCell<Option<Callback<Reply>>>>,
}

impl EngineLink {
    /// Starts the screening engine; every reply goes to `on_reply`.
    pub fn start(local: Option<LocalEngine>, on_reply: Callback<Reply>) -> EngineLink {
        let on_nearest: Rc<RefCell<Option<Callback<Reply>>>> = Rc::default();
        let engines = match local {
            Some(local) => {
                if let Some(ready) = local.ready.borrow_mut().take() {
                    on_reply.emit(ready);
                }
                Engines::Local(local)
            }
            None => {
                let route = route(on_reply.clone(), on_nearest.clone());
                let screening = match WorkerLink::spawn(ENGINE_SCRIPT, route) {
                    Ok(link) => link,
                    Err(detail) => {
                        on_reply.emit(Reply::LoadFailed(detail));
                        Rc::new(WorkerLink::default())
                    }
                };
                Engines::Workers {
                    screening,
                    letters: Rc::default(),
                }
            }
        };
        EngineLink {
            engines,
            on_reply,
            on_nearest,
        }
    }

    pub fn send(&self, request: &Request) {
        match &self.engines {
            Engines::Workers { letters, .. } if matches!(request, Request::Documents { .. }) => {
                let mut letters = letters.borrow_mut();
                if letters.is_none() {
                    match WorkerLink::spawn(LETTERS_SCRIPT, self.on_reply.clone()) {
                        Ok(link) => *letters = Some(link),
                        Err(detail) => {
                            let id = request.id();
                            let result = Err(detail.into());
                            return self.on_reply.emit(Reply::Documents { id, result });
                        }
                    }
                }
                if let Some(link) = letters.as_ref() {
                    link.send(request);
                }
            }
            Engines::Workers { screening, .. } => screening.send(request),
            Engines::Local(local) => route(self.on_reply.clone(), self.on_nearest.clone())
                .emit((local.handle)(request.clone())),
        }
    }
}

/// Replies to `on_reply`, but the nearest regions to the import waiting for them.
fn route(
    on_reply: Callback<Reply>,
    on_nearest: Rc<RefCell<Option<Callback<Reply>>>>,
) -> Callback<Reply> {
    Callback::from(move |reply: Reply| match reply {
        Reply::Nearest { .. } => {
            if let Some(waiting) = on_nearest.borrow_mut().take() {
                waiting.emit(reply);
            }
        }
        other => on_reply.emit(other),
    })
}

/// The reply a worker's message carries (a JSON string); `None` for anything else.
fn reply_of(event: &MessageEvent) -> Option<Reply> {
    let text = event.data().as_string()?;
    serde_json::from_str(&text).ok()
}

/// A worker, with the requests made before its data was ready when it says so.
#[derive(Default)]
pub struct WorkerLink {
    worker: Option<Worker>,
    /// `None` once the worker said it is ready; until then requests wait here.
    waiting: Rc<RefCell<Option<Vec<String>>>>,
}

impl WorkerLink {
    /// Starts the worker `script`. Requests are held until it posts [`Reply::Ready`] (the
    /// screening engine, data indexed) or [`Reply::Listening`] (the letters): a message that
    /// reaches a worker before its wasm listens is lost.
    fn spawn(script: &str, on_reply: Callback<Reply>) -> Result<Rc<WorkerLink>, String> {
        let worker = Worker::new(script)
            .map_err(|_| "this browser cannot start the background engine".to_owned())?;
        let waiting: Rc<RefCell<Option<Vec<String>>>> = Rc::new(RefCell::new(Some(Vec::new())));
        let on_message = {
            let worker = worker.clone();
            let waiting = waiting.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let Some(reply) = reply_of(&event) else {
                    return;
                };
                if matches!(reply, Reply::Ready(_) | Reply::Listening) {
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
            web_sys::console::error_1(&"an engine worker failed".into());
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
    /// Starts reading `files`; progress and the result go to `on_reply`. The places found are
    /// ranked by the screening engine behind `engine`, which holds the regions. `lang` (a code)
    /// goes with the files, for the messages the worker says in the page's language.
    pub fn start(
        files: Vec<web_sys::File>,
        lang: &str,
        engine: &EngineLink,
        on_reply: Callback<Reply>,
    ) -> Result<ImportJob, String> {
        let worker = Worker::new(IMPORT_SCRIPT)
            .map_err(|_| "this browser cannot start the background reader".to_owned())?;
        let array: js_sys::Array = files.into_iter().map(JsValue::from).collect();
        array.push(&JsValue::from_str(lang));
        let on_message = {
            let worker = worker.clone();
            let engine = engine.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let Some(reply) = reply_of(&event) else {
                    return;
                };
                match reply {
                    // The worker's script is running: hand it the files.
                    Reply::Listening => {
                        let _ = worker.post_message(&array);
                    }
                    // The files are read: the engine measures the places, the worker ranks.
                    Reply::NeedNearest { points } => {
                        let worker = worker.clone();
                        *engine.on_nearest.borrow_mut() = Some(Callback::from(move |reply| {
                            if let Reply::Nearest { near, .. } = reply {
                                let _ = worker.post_message(&JsValue::from_str(&near));
                            }
                        }));
                        engine.send(&Request::Nearest { id: 0, points });
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
