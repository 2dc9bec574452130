//! The offline copy (a service worker) and the notice that a newer version took over. Not in
//! component tests (`fresh`), which mount many apps.

use yew::prelude::*;

use crate::context::Store;
use crate::state::Action;

#[hook]
pub fn use_offline(store: &Store, fresh: bool) {
    let dispatcher = store.dispatcher();
    use_effect_with((), move |_| {
        if !fresh {
            let on_update = Callback::from(move |_| dispatcher.dispatch(Action::UpdateReady));
            crate::offline::register(on_update);
        }
    });
}
