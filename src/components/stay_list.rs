//! Step 2: the stays, one editor each, and "add another".

use yew::prelude::*;

use crate::components::stay_editor::StayEditor;
use crate::context::use_store;
use crate::state::Action;
use crate::text::{Text, t};

#[function_component(StayList)]
pub fn stay_list() -> Html {
    let store = use_store();
    let lang = store.lang;
    let dispatch = |action: fn() -> Action| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(action()))
    };
    // A screening was asked for and has not come back yet.
    let busy = store.pending_screen.is_some();
    let removable = store.draft.stays.len() > 1;
    html! {
        <section class="stays">
            { for store.draft.stays.iter().enumerate().map(|(index, stay)| {
                let suggestions: Vec<(String, String)> = store
                    .suggestions
                    .get(stay.place.trim())
                    .map(|places| places.iter().map(|p| (p.name.clone(), p.detail.clone())).collect())
                    .unwrap_or_default();
                html! {
                    <StayEditor key={index} {index} stay={stay.clone()} {suggestions} {removable} />
                }
            }) }
            <button type="button" class="secondary" data-testid="stay-add"
                    onclick={dispatch(|| Action::AddStay)}>
                { "+ " }{ t(lang, Text::AddStay) }
            </button>
            <button type="button" class="run" data-testid="screen-run" aria-busy={busy.to_string()}
                    onclick={dispatch(|| Action::Run)}>
                { t(lang, if busy { Text::Busy } else { Text::Run }) }
            </button>
        </section>
    }
}
