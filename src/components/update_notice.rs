//! "A newer version is ready" with a reload button, once the offline copy has been updated.

use yew::prelude::*;

use crate::context::Store;
use crate::text::{Text, t};

/// A view function rather than a component: every component costs page bytes.
pub fn update_notice(store: &Store) -> Html {
    if !store.update_ready {
        return html! {};
    }
    html! {
        <p class="notice" role="status">
            { t(store.lang, Text::UpdateReady) }{ " " }
            <button type="button" data-testid="update-reload"
                    onclick={Callback::from(|_| crate::offline::reload())}>
                { t(store.lang, Text::Reload) }
            </button>
        </p>
    }
}
