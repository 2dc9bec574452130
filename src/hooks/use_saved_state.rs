//! The reducer, restored from this device's storage and saved back after every change, where
//! the user chose (`persist.rs`).

use yew::prelude::*;

use crate::context::Store;
use crate::persist;
use crate::state::State;

/// The app's reducer: restored from storage (or empty when `fresh`, for component tests), and
/// the draft, the language and "remember" saved whenever they change.
#[hook]
pub fn use_saved_state(fresh: bool) -> Store {
    let store = use_reducer(move || {
        if fresh {
            State::default()
        } else {
            let (lang, draft, remember) = persist::load();
            State::restored(lang, draft, remember)
        }
    });
    use_effect_with(
        (store.draft.clone(), store.remember, store.lang),
        move |(draft, remember, lang)| persist::save(draft, *remember, *lang),
    );
    store
}
