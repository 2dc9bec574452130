//! Step 2: the stays, one editor each, and "add another".

use std::collections::BTreeMap;
use std::rc::Rc;

use prescreen_core::i18n::Lang;
use yew::prelude::*;

use crate::components::stay_editor::StayEditor;
use crate::engine::protocol::Suggestion;
use crate::state::{StayDraft, StayField, StayMode};
use crate::text::{Text, t};

#[derive(Properties)]
pub struct StayListProps {
    pub stays: Vec<StayDraft>,
    pub lang: Lang,
    /// Place suggestions by typed text (from the engine).
    pub suggestions: Rc<BTreeMap<String, Vec<Suggestion>>>,
    /// A screening was asked for and has not come back yet.
    #[prop_or_default]
    pub busy: bool,
    pub on_edit: Callback<(usize, StayField, String)>,
    pub on_mode: Callback<(usize, StayMode)>,
    pub on_add: Callback<()>,
    pub on_remove: Callback<usize>,
    pub on_run: Callback<()>,
}

impl PartialEq for StayListProps {
    fn eq(&self, other: &Self) -> bool {
        self.stays == other.stays
            && self.lang == other.lang
            && self.busy == other.busy
            && Rc::ptr_eq(&self.suggestions, &other.suggestions)
    }
}

#[function_component(StayList)]
pub fn stay_list(props: &StayListProps) -> Html {
    let on_add = props.on_add.clone();
    let on_run = props.on_run.clone();
    let removable = props.stays.len() > 1;
    html! {
        <section class="stays">
            { for props.stays.iter().enumerate().map(|(index, stay)| {
                let suggestions: Vec<(String, String)> = props
                    .suggestions
                    .get(stay.place.trim())
                    .map(|places| places.iter().map(|p| (p.name.clone(), p.detail.clone())).collect())
                    .unwrap_or_default();
                html! {
                    <StayEditor key={index} {index} stay={stay.clone()} lang={props.lang}
                                {suggestions} {removable}
                                on_edit={props.on_edit.clone()} on_mode={props.on_mode.clone()}
                                on_remove={props.on_remove.clone()} />
                }
            }) }
            <button type="button" class="secondary" data-testid="stay-add"
                    onclick={Callback::from(move |_| on_add.emit(()))}>
                { "+ " }{ t(props.lang, Text::AddStay) }
            </button>
            <button type="button" class="run" data-testid="screen-run" aria-busy={props.busy.to_string()}
                    onclick={Callback::from(move |_| on_run.emit(()))}>
                { t(props.lang, if props.busy { Text::Busy } else { Text::Run }) }
            </button>
        </section>
    }
}
