//! One stay: a place (with suggestions) or pasted coordinates with their datum, and the dates.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::context::use_store;
use crate::state::{Action, StayDraft, StayField, StayMode};
use crate::text::{Text, t};

#[derive(Properties, PartialEq)]
pub struct StayEditorProps {
    pub index: usize,
    pub stay: StayDraft,
    /// (value to fill in, description) for the place field's suggestion list.
    pub suggestions: Vec<(String, String)>,
    pub removable: bool,
}

#[function_component(StayEditor)]
pub fn stay_editor(props: &StayEditorProps) -> Html {
    let store = use_store();
    let lang = store.lang;
    let index = props.index;
    let id = |name: &str| format!("stay-{index}-{name}");
    let edit = |field: StayField| {
        let store = store.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            store.dispatch(Action::EditStay(index, field, input.value()));
        })
    };
    let on_datum = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            store.dispatch(Action::EditStay(index, StayField::Datum, select.value()));
        })
    };
    let mode_button = |mode: StayMode, label: Text| {
        let store = store.clone();
        html! {
            <button type="button" class="toggle" aria-pressed={(props.stay.mode == mode).to_string()}
                    data-testid={format!("stay-mode-{}", if mode == StayMode::Place { "place" } else { "coordinates" })}
                    onclick={Callback::from(move |_| store.dispatch(Action::SetStayMode(index, mode)))}>
                { t(lang, label) }
            </button>
        }
    };
    let on_remove = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::RemoveStay(index)))
    };
    let list_id = id("suggestions");
    html! {
        <fieldset class="stay" data-testid={format!("stay-{index}")}>
            <legend>{ t(lang, Text::StayLabel) }{ format!(" {}", index + 1) }</legend>
            <div class="modes" role="group">
                { mode_button(StayMode::Place, Text::UsePlace) }
                { mode_button(StayMode::Coordinates, Text::UseCoordinates) }
            </div>
            if props.stay.mode == StayMode::Place {
                <label for={id("place")}>{ t(lang, Text::Place) }</label>
                <input id={id("place")} data-testid="stay-place" type="text" autocomplete="off"
                       list={list_id.clone()} placeholder={t(lang, Text::PlaceHint)}
                       value={props.stay.place.clone()} oninput={edit(StayField::Place)} />
                <datalist id={list_id}>
                    { for props.suggestions.iter().map(|(value, label)| html! {
                        <option value={value.clone()} label={label.clone()} />
                    }) }
                </datalist>
            } else {
                <label for={id("coordinates")}>{ t(lang, Text::Coordinates) }</label>
                <input id={id("coordinates")} data-testid="stay-paste" type="text" autocomplete="off"
                       placeholder={t(lang, Text::CoordinatesHint)}
                       value={props.stay.coordinates.clone()} oninput={edit(StayField::Coordinates)} />
                <div class="dates">
                    <span>
                        <label for={id("lat")}>{ t(lang, Text::Latitude) }</label>
                        <input id={id("lat")} data-testid="stay-lat" type="text" inputmode="decimal"
                               value={props.stay.lat.clone()} oninput={edit(StayField::Lat)} />
                    </span>
                    <span>
                        <label for={id("lon")}>{ t(lang, Text::Longitude) }</label>
                        <input id={id("lon")} data-testid="stay-lon" type="text" inputmode="decimal"
                               value={props.stay.lon.clone()} oninput={edit(StayField::Lon)} />
                    </span>
                </div>
                <label for={id("datum")}>{ t(lang, Text::Datum) }</label>
                <select id={id("datum")} data-testid="stay-datum" onchange={on_datum}>
                    { for [("", Text::DatumUnknown), ("wgs84", Text::DatumWgs84), ("gcj02", Text::DatumGcj02), ("bd09", Text::DatumBd09)]
                        .into_iter()
                        .map(|(value, label)| html! {
                            <option value={value} selected={props.stay.datum == value}>{ t(lang, label) }</option>
                        }) }
                </select>
            }
            <div class="dates">
                <span>
                    <label for={id("from")}>{ t(lang, Text::From) }</label>
                    <input id={id("from")} data-testid="stay-from" type="date"
                           value={props.stay.from.clone()} oninput={edit(StayField::From)} />
                </span>
                <span>
                    <label for={id("to")}>{ t(lang, Text::To) }</label>
                    <input id={id("to")} data-testid="stay-to" type="date"
                           value={props.stay.to.clone()} oninput={edit(StayField::To)} />
                </span>
            </div>
            <label for={id("note")}>{ t(lang, Text::Note) }</label>
            <input id={id("note")} type="text" value={props.stay.note.clone()} oninput={edit(StayField::Note)} />
            if props.removable {
                <button type="button" class="link" onclick={on_remove}>{ t(lang, Text::RemoveStay) }</button>
            }
        </fieldset>
    }
}
