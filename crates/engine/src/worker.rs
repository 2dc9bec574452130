//! The workers' glue: each worker binary (`src/bin/`) calls one `start` function here, which
//! fetches the data files it needs, builds its pure service and answers the page's messages.
//!
//! - the screening engine (`engine.js`, [`start_screening`]): started after the page's first
//!   paint; fetches the geographic data and the guidance, indexes them and posts
//!   [`Reply::Ready`], then answers screening, suggestions, pastes, case files and the nearest
//!   regions an import asks for;
//! - the letters (`letters.js`, [`start_letters`]): started the first time a document is asked
//!   for; it posts [`Reply::Listening`] once it listens (the page holds requests until then), and
//!   requests that arrive while its data loads wait in the worker;
//! - an import (`import.js`, [`crate::import::start`]): one worker per import.
//!
//! Each binary links only the code its `start` reaches, so the screening worker's wasm holds
//! neither the letter templates nor the importers.

use std::cell::RefCell;
use std::rc::Rc;

use prescreen_protocol::{Problem, Reply, Request};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::letters::Letters;
use crate::service::{DataTexts, Engine};

/// This worker's global scope.
pub(crate) fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

pub(crate) fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply) {
    if let Ok(json) = serde_json::to_string(reply) {
        let _ = scope.post_message(&JsValue::from_str(&json));
    }
}

/// Calls `on_request` with every request the page posts (a JSON string).
fn on_requests(scope: &DedicatedWorkerGlobalScope, mut on_request: impl FnMut(Request) + 'static) {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        // The page only sends requests it made; one it cannot parse is a bug, not input.
        if let Some(request) = event
            .data()
            .as_string()
            .and_then(|text| serde_json::from_str::<Request>(&text).ok())
        {
            on_request(request);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
}

/// The screening engine's worker.
pub fn start_screening() {
    let scope = scope();
    let engine: Rc<RefCell<Option<Engine>>> = Rc::new(RefCell::new(None));
    {
        let scope = scope.clone();
        let engine = engine.clone();
        // The page sends nothing before `Ready`.
        on_requests(&scope.clone(), move |request| {
            if let Some(engine) = engine.borrow().as_ref() {
                post(&scope, &engine.handle(request));
            }
        });
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut texts = DataTexts::default();
        let loaded = fetch_into(&scope, texts.screening_files())
            .await
            .and_then(|()| Engine::from_texts(&texts));
        match loaded {
            Ok(loaded) => {
                post(&scope, &Reply::Ready(Box::new(loaded.overview())));
                *engine.borrow_mut() = Some(loaded);
            }
            Err(detail) => post(&scope, &Reply::LoadFailed(detail)),
        }
    });
}

/// The letters' data: still loading (with the requests that wait for it), loaded, or failed.
enum LettersState {
    Loading(Vec<Request>),
    Ready(Box<Letters>),
    Failed(String),
}

/// The letters' worker.
pub fn start_letters() {
    let scope = scope();
    let state = Rc::new(RefCell::new(LettersState::Loading(Vec::new())));
    {
        let scope = scope.clone();
        let state = state.clone();
        on_requests(&scope.clone(), move |request| {
            let mut state = state.borrow_mut();
            match &mut *state {
                LettersState::Loading(waiting) => waiting.push(request),
                LettersState::Ready(letters) => answer_letters(&scope, letters, request),
                LettersState::Failed(detail) => fail_letters(&scope, detail, request),
            }
        });
    }
    // Messages that reach a worker before its wasm has set `onmessage` are lost: the page holds
    // its requests until this says the worker listens (the data may still be loading; requests
    // then wait here).
    post(&scope, &Reply::Listening);
    wasm_bindgen_futures::spawn_local(async move {
        let mut texts = DataTexts::default();
        let loaded = fetch_into(&scope, texts.letters_files())
            .await
            .and_then(|()| Letters::from_texts(&texts));
        let next = match loaded {
            Ok(letters) => LettersState::Ready(Box::new(letters)),
            Err(detail) => LettersState::Failed(detail),
        };
        let waiting = match std::mem::replace(&mut *state.borrow_mut(), next) {
            LettersState::Loading(waiting) => waiting,
            _ => Vec::new(),
        };
        for request in waiting {
            match &*state.borrow() {
                LettersState::Ready(letters) => answer_letters(&scope, letters, request),
                LettersState::Failed(detail) => fail_letters(&scope, detail, request),
                LettersState::Loading(_) => {}
            }
        }
    });
}

fn answer_letters(scope: &DedicatedWorkerGlobalScope, letters: &Letters, request: Request) {
    if let Some(reply) = letters.handle(request) {
        post(scope, &reply);
    }
}

/// A document request answered with why the letters' data could not be loaded.
fn fail_letters(scope: &DedicatedWorkerGlobalScope, detail: &str, request: Request) {
    if let Request::Documents { id, .. } = request {
        post(
            scope,
            &Reply::Documents {
                id,
                result: Err(Problem::new(detail)),
            },
        );
    }
}

/// Fetches data files, relative to the worker script (the app's folder).
async fn fetch_into<const N: usize>(
    scope: &DedicatedWorkerGlobalScope,
    files: [(&'static str, &mut String); N],
) -> Result<(), String> {
    for (name, text) in files {
        *text = fetch_text(scope, &format!("data/{name}")).await?;
    }
    Ok(())
}

pub(crate) async fn fetch_text(
    scope: &DedicatedWorkerGlobalScope,
    url: &str,
) -> Result<String, String> {
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
