//! A location-history import: the files the state asks for are read by a worker of their own
//! (`ImportJob`); its progress and result become actions. Dropping the job terminates its worker,
//! which is how an import is cancelled. The places it finds are ranked by the screening engine.

use yew::prelude::*;

use crate::context::Store;
use crate::engine::client::ImportJob;
use crate::engine::protocol::Reply;
use crate::hooks::use_engine::Engine;
use crate::state::Action;

/// Starts an import when the state asks for new files; stops it when the state drops them.
#[hook]
pub fn use_import(store: &Store, engine: &Engine) {
    let job = use_mut_ref(|| None::<ImportJob>);
    let dispatcher = store.dispatcher();
    let engine = engine.clone();
    let lang = store.lang.code();
    use_effect_with(store.import_files.clone(), move |files| {
        let Some(files) = files else {
            job.borrow_mut().take();
            return;
        };
        let on_reply = {
            let dispatcher = dispatcher.clone();
            Callback::from(move |reply: Reply| dispatcher.dispatch(Action::Reply(reply)))
        };
        // A new import replaces the one running (dropping it stops it).
        let Some(engine) = engine.borrow().clone() else {
            return;
        };
        match ImportJob::start(files.files.to_vec(), lang, &engine, on_reply) {
            Ok(started) => *job.borrow_mut() = Some(started),
            Err(message) => dispatcher.dispatch(Action::ImportFailed(message)),
        }
    });
}
