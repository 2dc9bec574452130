//! One stay: the place and the dates, and the button that screens it.

use prescreen_core::i18n::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::{StayDraft, StayField};
use crate::text::{Text, t};

#[derive(Properties, PartialEq)]
pub struct StayFormProps {
    pub stay: StayDraft,
    pub lang: Lang,
    pub on_edit: Callback<(StayField, String)>,
    pub on_run: Callback<()>,
}

#[function_component(StayForm)]
pub fn stay_form(props: &StayFormProps) -> Html {
    let lang = props.lang;
    let edit = |field: StayField| {
        let on_edit = props.on_edit.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_edit.emit((field, input.value()));
        })
    };
    let onsubmit = {
        let on_run = props.on_run.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_run.emit(());
        })
    };
    html! {
        <form class="stay-form" {onsubmit} novalidate=true>
            <h2>{ t(lang, Text::StayHeading) }</h2>
            <label for="stay-place">{ t(lang, Text::Place) }</label>
            <input id="stay-place" data-testid="stay-place" type="text" autocomplete="off"
                   placeholder={t(lang, Text::PlaceHint)} value={props.stay.place.clone()}
                   oninput={edit(StayField::Place)} />
            <div class="dates">
                <span>
                    <label for="stay-from">{ t(lang, Text::From) }</label>
                    <input id="stay-from" data-testid="stay-from" type="date"
                           value={props.stay.from.clone()} oninput={edit(StayField::From)} />
                </span>
                <span>
                    <label for="stay-to">{ t(lang, Text::To) }</label>
                    <input id="stay-to" data-testid="stay-to" type="date"
                           value={props.stay.to.clone()} oninput={edit(StayField::To)} />
                </span>
            </div>
            <button type="submit" data-testid="screen-run">{ t(lang, Text::Run) }</button>
        </form>
    }
}
