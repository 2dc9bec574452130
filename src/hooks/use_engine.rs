//! The engine: a worker that loads and indexes the data (or the tests' engine in the page),
//! started after the first paint. Its replies become actions; the state's outbox is sent to it.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::context::Store;
use crate::engine::client::{EngineLink, LocalEngine};
use crate::engine::protocol::Reply;
use crate::state::Action;

/// The page's link to the engine, once it is started.
pub type Engine = Rc<RefCell<Option<EngineLink>>>;

/// Starts the engine once and sends it every request the reducer puts in its outbox, once.
#[hook]
pub fn use_engine(store: &Store, local: Option<LocalEngine>) -> Engine {
    let engine = use_mut_ref(|| None::<EngineLink>);
    let link = engine.clone();
    {
        let engine = engine.clone();
        let dispatcher = store.dispatcher();
        use_effect_with((), move |_| {
            let on_reply = Callback::from(move |reply: Reply| {
                dispatcher.dispatch(Action::Reply(reply));
            });
            *engine.borrow_mut() = Some(EngineLink::start(local, on_reply));
        });
    }
    // This effect runs after the one above, so the engine exists.
    let sent = use_mut_ref(|| 0_u32);
    use_effect_with(store.outbox.clone(), move |outbox| {
        if let Some(engine) = engine.borrow().as_ref() {
            for request in outbox.iter().filter(|r| r.id() > *sent.borrow()) {
                engine.send(request);
                *sent.borrow_mut() = request.id();
            }
        }
    });
    link
}
