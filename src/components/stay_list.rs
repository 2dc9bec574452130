//! Step 2: the stays, one editor each, and "add another".

use std::rc::Rc;

use prescreen_core::dataset::DataSet;
use prescreen_core::i18n::Lang;
use yew::prelude::*;

use crate::components::stay_editor::StayEditor;
use crate::state::{StayDraft, StayField, StayMode};
use crate::text::{Text, t};

#[derive(Properties)]
pub struct StayListProps {
    pub stays: Vec<StayDraft>,
    pub lang: Lang,
    /// For place suggestions; `None` while the data loads.
    pub data: Option<Rc<DataSet>>,
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
            && match (&self.data, &other.data) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
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
                    .data
                    .as_ref()
                    .map(|data| {
                        data.gazetteer
                            .search(&stay.place, 8)
                            .into_iter()
                            .map(|p| (p.zh.clone(), format!("{} · {} · {}", p.en, p.admin, p.country)))
                            .collect()
                    })
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
            <button type="button" class="run" data-testid="screen-run"
                    onclick={Callback::from(move |_| on_run.emit(()))}>
                { t(props.lang, Text::Run) }
            </button>
        </section>
    }
}
