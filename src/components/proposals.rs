//! The stays an import found, each with a tick box (those near a region come ticked), to add
//! the chosen ones to the case or dismiss them all.

use yew::prelude::*;

use crate::context::Store;
use crate::engine::protocol::Imported;
use crate::state::Action;
use crate::text::{Text, t};

/// The proposals of `imported`, `ticked` the import panel's tick boxes (reset when a new
/// proposal arrives). A view function rather than a component: every component costs page bytes.
pub fn proposals(store: &Store, imported: &Imported, ticked: &UseStateHandle<Vec<bool>>) -> Html {
    let lang = store.lang;
    let on_cancel = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::CancelImport))
    };
    let rows = imported.stays.iter().enumerate().map(|(i, proposed)| {
        let checked = ticked.get(i).copied().unwrap_or(false);
        let toggle = {
            let ticked = ticked.clone();
            Callback::from(move |_| {
                let mut next = (*ticked).clone();
                if let Some(t) = next.get_mut(i) {
                    *t = !*t;
                }
                ticked.set(next);
            })
        };
        let id = format!("import-stay-{i}");
        let near = proposed.near.as_ref().map(|(region, km)| {
            format!(" · {} {region} ({km} km)", t(lang, Text::ImportNearRegion))
        });
        html! {
            <li>
                <input type="checkbox" id={id.clone()} data-testid={id.clone()} {checked} onchange={toggle} />
                <label for={id}>
                    { &proposed.label }
                    { near.unwrap_or_default() }
                    <small>{ " " }{ &proposed.note }</small>
                </label>
            </li>
        }
    });
    let on_accept = {
        let store = store.clone();
        let ticked = ticked.clone();
        Callback::from(move |_| {
            let chosen = ticked
                .iter()
                .enumerate()
                .filter(|(_, t)| **t)
                .map(|(i, _)| i)
                .collect();
            store.dispatch(Action::AcceptImported(chosen));
        })
    };
    html! {
        <div class="import-result" data-testid="import-result"
             data-peak-memory={imported.peak_memory_bytes.to_string()}>
            <p>{ t(lang, Text::ImportFound) }</p>
            <p class="hint">{ &imported.summary }</p>
            <ul class="proposals">{ for rows }</ul>
            <button type="button" data-testid="import-accept" onclick={on_accept}>{ t(lang, Text::ImportAddChosen) }</button>
            <button type="button" class="secondary" data-testid="import-dismiss"
                    onclick={on_cancel.clone()}>
                { t(lang, Text::ImportCancel) }
            </button>
        </div>
    }
}
