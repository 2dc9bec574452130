//! Per-stay findings with their reasons, and "I was there / I was not there" to correct them.

use std::rc::Rc;

use prescreen_core::i18n::Lang;
use prescreen_core::verdict::Screening;
use yew::prelude::*;

use crate::numbers::fixed;
use crate::state::Draft;
use crate::text::{Text, t};

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub screening: Rc<Screening>,
    pub draft: Draft,
    pub lang: Lang,
    /// (draft stay index, not there?)
    pub on_set_not_there: Callback<(usize, bool)>,
}

#[function_component(Findings)]
pub fn findings(props: &FindingsProps) -> Html {
    let lang = props.lang;
    let button = |stay: usize, not_there: bool| {
        let on_set = props.on_set_not_there.clone();
        let label = if not_there {
            Text::WasNotThere
        } else {
            Text::WasThere
        };
        html! {
            <button type="button" class="link" data-testid={format!("stay-{stay}-{}", if not_there { "not-there" } else { "there" })}
                    onclick={Callback::from(move |_| on_set.emit((stay, not_there)))}>
                { t(lang, label) }
            </button>
        }
    };
    html! {
        <ol class="findings">
            { for props.screening.findings.iter().enumerate().map(|(n, finding)| {
                let stay = props.draft.draft_index(finding.stay).unwrap_or(finding.stay);
                let name = finding.place.clone().unwrap_or_else(|| format!("{}, {}", fixed(finding.lat, 4), fixed(finding.lon, 4)));
                html! {
                    <li data-testid={format!("finding-{n}")} data-relation={format!("{:?}", finding.relation)}
                        data-stay={stay.to_string()}>
                        <strong>{ t(lang, Text::StayLabel) }{ format!(" {}: {name}", stay + 1) }</strong>
                        <p>{ &finding.why }</p>
                        { button(stay, true) }
                    </li>
                }
            }) }
            { for props.draft.not_there.iter().map(|&stay| html! {
                <li class="excluded" data-testid={format!("excluded-{stay}")}>
                    <strong>{ t(lang, Text::StayLabel) }{ format!(" {}", stay + 1) }</strong>
                    { " " }{ t(lang, Text::Excluded) }{ " " }
                    { button(stay, false) }
                </li>
            }) }
        </ol>
    }
}
