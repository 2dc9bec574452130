//! Per-stay findings with their reasons, and "I was there / I was not there" to correct them.

use std::rc::Rc;

use yew::prelude::*;

use crate::context::use_store;
use crate::engine::protocol::ScreeningView;
use crate::state::Action;
use crate::text::{Text, t};

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub screening: Rc<ScreeningView>,
}

#[function_component(Findings)]
pub fn findings(props: &FindingsProps) -> Html {
    let store = use_store();
    let lang = store.lang;
    let draft = &store.draft;
    let button = |stay: usize, not_there: bool| {
        let store = store.clone();
        let label = if not_there {
            Text::WasNotThere
        } else {
            Text::WasThere
        };
        html! {
            <button type="button" class="link" data-testid={format!("stay-{stay}-{}", if not_there { "not-there" } else { "there" })}
                    onclick={Callback::from(move |_| store.dispatch(Action::SetNotThere(stay, not_there)))}>
                { t(lang, label) }
            </button>
        }
    };
    html! {
        <ol class="findings">
            { for props.screening.findings.iter().enumerate().map(|(n, finding)| {
                let stay = draft.draft_index(finding.stay).unwrap_or(finding.stay);
                html! {
                    <li data-testid={format!("finding-{n}")} data-relation={finding.relation.clone()}
                        data-stay={stay.to_string()}>
                        <strong>{ t(lang, Text::StayLabel) }{ format!(" {}: {}", stay + 1, finding.place) }</strong>
                        <p>{ &finding.why }</p>
                        if let Some(note) = &finding.place_note {
                            <p class="place-note" data-testid="place-note"><small>{ note }</small></p>
                        }
                        { button(stay, true) }
                    </li>
                }
            }) }
            { for draft.not_there.iter().map(|&stay| html! {
                <li class="excluded" data-testid={format!("excluded-{stay}")}>
                    <strong>{ t(lang, Text::StayLabel) }{ format!(" {}", stay + 1) }</strong>
                    { " " }{ t(lang, Text::Excluded) }{ " " }
                    { button(stay, false) }
                </li>
            }) }
        </ol>
    }
}
