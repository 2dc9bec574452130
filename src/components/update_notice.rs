//! "A newer version is ready" with a reload button, once the offline copy has been updated.

use yew::prelude::*;

use crate::context::use_store;
use crate::text::{Text, t};

#[function_component(UpdateNotice)]
pub fn update_notice() -> Html {
    let store = use_store();
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
