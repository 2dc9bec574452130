//! Step 4: who to contact and the exact words — a call script or a letter, filled from the case,
//! to read aloud, copy, download, send by e-mail or dial.

use prescreen_core::scripts::ScriptKind;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::context::use_store;
use crate::engine::protocol::Page;
use crate::engine::protocol::Problem;
use crate::files::{copy, download};
use crate::state::{Action, PersonField};
use crate::text::{Text, t};

fn kind_label(kind: ScriptKind) -> Text {
    match kind {
        ScriptKind::Hotline => Text::ScriptHotline,
        ScriptKind::PlatformAppeal => Text::ScriptPlatformAppeal,
        ScriptKind::PiAccess => Text::ScriptPiAccess,
        ScriptKind::GameDecouple => Text::ScriptGameDecouple,
    }
}

#[function_component(WhatToDo)]
pub fn what_to_do() -> Html {
    let store = use_store();
    let lang = store.lang;
    let kind = store.script_kind;
    let person = &store.draft.person;
    // A confirmation or a problem, for the one message area.
    let say = {
        let store = store.clone();
        Callback::from(move |said: Result<&'static str, String>| {
            store.dispatch(match said {
                Ok(text) => Action::ShowNotice(text.to_owned()),
                Err(problem) => Action::ShowError(Problem::new(problem)),
            })
        })
    };
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
    let document_view = |(n, doc): (usize, &Page)| {
        let text = doc.page_text.clone();
        let on_copy = {
            let text = doc.letter_text.clone();
            let say = say.clone();
            Callback::from(move |_| {
                let text = text.clone();
                let say = say.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match copy(&text).await {
                        Ok(()) => say.emit(Ok(t(lang, Text::Copied))),
                        Err(()) => say.emit(Err(t(lang, Text::CopyFailed).to_owned())),
                    }
                });
            })
        };
        let on_download = {
            let text = text.clone();
            let name = format!("{}-{}.txt", doc.kind, n + 1);
            let say = say.clone();
            Callback::from(move |_| {
                if let Err(e) = download(&name, "text/plain;charset=utf-8", &text) {
                    say.emit(Err(e));
                }
            })
        };
        let deadline = doc.deadline.as_ref().map(|deadline| {
            let ics = deadline.ics.clone();
            let say = say.clone();
            let on_ics = Callback::from(move |_| {
                if let Err(e) = download("deadline.ics", "text/calendar;charset=utf-8", &ics) {
                    say.emit(Err(e));
                }
            });
            html! {
                <p class="deadline">
                    { format!("{} → {}", deadline.sent_on, deadline.due) }
                    { " " }
                    <button type="button" class="secondary" data-testid="download-ics" onclick={on_ics}>{ ".ics" }</button>
                </p>
            }
        });
        html! {
            <article class="document" data-testid={format!("document-{n}")}>
                <h3>{ &doc.title }</h3>
                if !doc.recipient.is_empty() {
                    <ul class="recipient">{ for doc.recipient.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                }
                if !doc.tel.is_empty() {
                    <p class="tel">
                        { for doc.tel.iter().map(|(tel, display)| html! {
                            <a class="button" href={tel.clone()} data-testid="tel-link">
                                { t(lang, Text::Call) }{ " " }{ display }
                            </a>
                        }) }
                    </p>
                }
                if *large {
                    <ol class="read-aloud" data-testid="read-aloud">
                        { for doc.lines.iter().map(|line| html! { <li>{ line }</li> }) }
                    </ol>
                } else {
                    <pre class="script" data-testid="script-text" tabindex="0">{ &doc.letter_text }</pre>
                }
                <div class="actions">
                    <button type="button" data-testid="copy-script" onclick={on_copy}>{ t(lang, Text::Copy) }</button>
                    <button type="button" class="secondary" data-testid="download-script" onclick={on_download}>
                        { t(lang, Text::Download) }
                    </button>
                    if let Some(mailto) = &doc.mailto {
                        <a class="button secondary" href={mailto.clone()} data-testid="mailto">{ t(lang, Text::SendEmail) }</a>
                    }
                </div>
                { for deadline }
                <details class="guidance" open=true>
                    <summary>{ lang.pick("打之前/发之前要知道的", "打之前/寄之前要知道的", "Before you call or send") }</summary>
                    <pre class="script">{ &doc.guidance }</pre>
                </details>
            </article>
        }
    };
    let large_toggle = {
        let large = large.clone();
        Callback::from(move |_| large.set(!*large))
    };
    html! {
        <section class="what-to-do">
            <fieldset class="kinds">
                <legend>{ t(lang, Text::ScriptKindLabel) }</legend>
                { for ScriptKind::ALL.into_iter().map(|kind| {
                    let store = store.clone();
                    html! {
                        <button type="button" class="toggle" data-testid={format!("script-kind-{}", kind.id())}
                                aria-pressed={(store.script_kind == Some(kind)).to_string()}
                                onclick={Callback::from(move |_| store.dispatch(Action::ChooseScript(kind)))}>
                            { t(lang, kind_label(kind)) }
                        </button>
                    }
                }) }
            </fieldset>
            if kind == Some(ScriptKind::Hotline) {
                <label for="numbers">{ t(lang, Text::NumbersLabel) }</label>
                <textarea id="numbers" data-testid="numbers-input" rows="2" inputmode="tel"
                          placeholder={t(lang, Text::NumbersHint)} value={store.draft.numbers.clone()} oninput={on_numbers} />
                <p class="hint">{ t(lang, Text::NumbersHint) }</p>
            }
            if kind.is_some() {
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
                </details>
                <button type="button" class="secondary" aria-pressed={large.to_string()} onclick={large_toggle}>
                    { t(lang, Text::ReadAloud) }
                </button>
            }
            // Why documents could not be written is shown by the error banner.
            { match store.documents.as_deref() {
                Some(Ok(documents)) => documents.iter().enumerate().map(document_view).collect::<Html>(),
                Some(Err(_)) => html! {},
                None if kind.is_some() => html! { <p class="busy" aria-busy="true">{ "…" }</p> },
                None => html! {},
            } }
            <p class="scam"><strong>{ t(lang, Text::Scam) }</strong></p>
        </section>
    }
}
