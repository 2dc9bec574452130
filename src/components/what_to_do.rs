//! Step 4: who to contact and the exact words — a call script or a letter, filled from the case,
//! to read aloud, copy, download, send by e-mail or dial.

use prescreen_core::letters::ScriptKind;
use prescreen_core::validation::has_wrong_check_char;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::document::document;
use crate::context::use_store;
use crate::state::{Action, PersonField};
use crate::text::{Text, t};

#[function_component(WhatToDo)]
pub fn what_to_do() -> Html {
    let store = use_store();
    let lang = store.lang;
    let kind = store.script_kind;
    let person = &store.draft.person;
    let large = use_state(|| false);
    let person_input = |field: PersonField,
                        label: Text,
                        value: &Option<String>,
                        mode: &'static str| {
        let store = store.clone();
        let id = format!(
            "person-{}",
            match field {
                PersonField::Name => "name",
                PersonField::IdNumber => "id-number",
                PersonField::WechatId => "wechat-id",
                PersonField::Qq => "qq",
                PersonField::Phone => "phone",
            }
        );
        html! {
            <span>
                <label for={id.clone()}>{ t(lang, label) }</label>
                <input id={id.clone()} data-testid={id} type="text" inputmode={mode} autocomplete="off"
                       value={value.clone().unwrap_or_default()}
                       oninput={Callback::from(move |e: InputEvent| {
                           let input: HtmlInputElement = e.target_unchecked_into();
                           store.dispatch(Action::EditPerson(field, input.value()));
                       })} />
            </span>
        }
    };
    let on_numbers = {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            store.dispatch(Action::EditNumbers(area.value()));
        })
    };
    let large_toggle = {
        let large = large.clone();
        Callback::from(move |_| large.set(!*large))
    };
    html! {
        <section class="what-to-do">
            <fieldset class="kinds">
                <legend>{ t(lang, Text::ScriptKindLabel) }</legend>
                // Exactly the documents the engine found fitting, most useful first, named by it.
                { for store.screening.iter().flat_map(|s| s.documents.iter()).filter_map(|(id, label)| {
                    let kind = ScriptKind::from_id(id)?;
                    let store = store.clone();
                    Some(html! {
                        <button type="button" class="toggle" data-testid={format!("script-kind-{id}")}
                                aria-pressed={(store.script_kind == Some(kind)).to_string()}
                                onclick={Callback::from(move |_| store.dispatch(Action::ChooseScript(kind)))}>
                            { label }
                        </button>
                    })
                }) }
            </fieldset>
            if matches!(kind, Some(ScriptKind::Hotline | ScriptKind::Call96110)) {
                <label for="numbers">{ t(lang, Text::NumbersLabel) }</label>
                // The hint is the placeholder on screen, and the description for screen readers.
                <textarea id="numbers" data-testid="numbers-input" rows="1" inputmode="tel" aria-describedby="numbers-hint"
                          placeholder={t(lang, Text::NumbersHint)} value={store.draft.numbers.clone()} oninput={on_numbers} />
                <p class="hint visually-hidden" id="numbers-hint">{ t(lang, Text::NumbersHint) }</p>
            }
            // One row: the optional details, and the large-type view for reading aloud.
            if kind.is_some() {
                <div class="doc-tools">
                <details class="person">
                    <summary>{ t(lang, Text::PersonHeading) }</summary>
                    <p class="hint">{ t(lang, Text::PersonHint) }</p>
                    <div class="person-fields">
                        { person_input(PersonField::Name, Text::Name, &person.name, "text") }
                        { person_input(PersonField::IdNumber, Text::IdNumber, &person.id_number, "text") }
                        { person_input(PersonField::WechatId, Text::WechatId, &person.wechat_id, "text") }
                        { person_input(PersonField::Qq, Text::Qq, &person.qq, "numeric") }
                        { person_input(PersonField::Phone, Text::Phone, &person.phone, "tel") }
                    </div>
                    // The scripts print a placeholder for such a number; say why at the field.
                    if person.id_number.as_deref().is_some_and(has_wrong_check_char) {
                        <p class="hint" role="alert" data-testid="id-number-warning">{ lang.pick(
                            "身份证号的最后一位（校验位）对不上，请逐位核对；改正前，文稿里写的是【身份证号】。",
                            "身分證號碼的最後一碼（檢查碼）對不上，請逐碼核對；改正前，文稿裡寫的是【身分證號碼】。",
                            "The ID number's last character (check digit) does not match: check it digit by digit. Until then the texts show [ID-card number].",
                        ) }</p>
                    }
                </details>
                <button type="button" class="secondary" aria-pressed={large.to_string()} onclick={large_toggle}>
                    { t(lang, Text::ReadAloud) }
                </button>
                </div>
            }
            // Why documents could not be written is shown by the error banner.
            { match store.documents.as_deref() {
                Some(Ok(documents)) => documents.iter().enumerate().map(|(n, doc)| document(&store, n, doc, *large)).collect::<Html>(),
                Some(Err(_)) => html! {},
                None if kind.is_some() => html! { <p class="busy" aria-busy="true">{ "…" }</p> },
                None => html! {},
            } }
            // Each try at a number and what came of it, for the call scripts (and once logged),
            // below the script so that its text stays in the first screen.
            if matches!(kind, Some(ScriptKind::Hotline | ScriptKind::Call96110)) || !store.draft.calls.is_empty() {
                { crate::components::call_log::call_log(&store) }
            }
            // A letter or visit done, with its day (the follow-up names it): for the documents
            // that are sent or handed in, and the list once one is recorded.
            if kind.is_some_and(|k| !matches!(k, ScriptKind::Hotline | ScriptKind::Call96110)) || !store.draft.sent.is_empty() {
                { crate::components::call_log::sent_log(&store, kind.filter(|k| !matches!(k, ScriptKind::Hotline | ScriptKind::Call96110))) }
            }
            <p class="scam"><strong>{ t(lang, Text::Scam) }</strong></p>
        </section>
    }
}
