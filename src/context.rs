//! The context that hands every component the reducer handle (yew `examples/contexts`): the
//! app provides it, a component reads the state from it and dispatches its own actions.

use yew::prelude::*;

use crate::state::State;

/// The reducer handle: the state to read, and `dispatch` to change it.
pub type Store = UseReducerHandle<State>;

/// The app's [`Store`]; a component is always mounted inside the app's provider (or a test's).
#[hook]
pub fn use_store() -> Store {
    use_context::<Store>().expect("mounted inside a ContextProvider<Store>")
}
