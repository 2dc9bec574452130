//! The one place errors are shown, and a quieter line for confirmations.
//!
//! The error is the state's [`Problem`](crate::engine::protocol::Problem): its message is shown as
//! it is (already in the user's language, naming the field); the field's id, when known, is in
//! `data-field` for tests and styles.

use yew::prelude::*;

use crate::context::use_store;

#[function_component(ErrorBanner)]
pub fn error_banner() -> Html {
    let store = use_store();
    let error = store.shown_error();
    // Always rendered, so screen readers announce a new message in the live region.
    html! {
        <>
            <div class="error" data-testid="error" role="alert" aria-live="assertive"
                 data-field={error.and_then(|e| e.field.clone())} hidden={error.is_none()}>
                { error.map(|e| e.message.clone()).unwrap_or_default() }
            </div>
            <div class="notice" data-testid="notice" role="status" aria-live="polite"
                 hidden={store.notice.is_none()}>
                { store.notice.clone().unwrap_or_default() }
            </div>
        </>
    }
}
