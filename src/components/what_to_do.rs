//! Step 4: who to contact and the exact words — a call script or a letter, filled from the case,
//! to read aloud, copy, download, send by e-mail or dial.

use std::rc::Rc;

use prescreen_core::case::Person;
use prescreen_core::i18n::Lang;
use prescreen_core::scripts::ScriptKind;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::engine::protocol::Page;
use crate::files::{copy, download};
use crate::state::PersonField;
use crate::text::{Text, t};

#[derive(Properties, PartialEq)]
pub struct WhatToDoProps {
    pub lang: Lang,
    pub kind: Option<ScriptKind>,
    /// The pages for the chosen kind, `None` while they are written.
    pub documents: Option<Rc<Result<Vec<Page>, String>>>,
    pub person: Person,
    pub numbers: String,
    pub on_choose: Callback<ScriptKind>,
    pub on_person: Callback<(PersonField, String)>,
    pub on_numbers: Callback<String>,
    /// A confirmation or a problem to show in the one message area: (is_error, text).
    pub on_message: Callback<(bool, String)>,
}

fn kind_label(kind: ScriptKind) -> Text {
    match kind {
        ScriptKind::Hotline => Text::ScriptHotline,
        ScriptKind::PlatformAppeal => Text::ScriptPlatformAppeal,
        ScriptKind::PiAccess => Text::ScriptPiAccess,
        ScriptKind::GameDecouple => Text::ScriptGameDecouple,
    }
}

#[function_component(WhatToDo)]
pub fn what_to_do(props: &WhatToDoProps) -> Html {
    let lang = props.lang;
    let large = use_state(|| false);
    let person_input = |field: PersonField,
                        label: Text,
                        value: &Option<String>,
                        mode: &'static str| {
        let on_person = props.on_person.clone();
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
                           on_person.emit((field, input.value()));
                       })} />
            </span>
        }
    };
    let on_numbers = {
        let on_numbers = props.on_numbers.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_numbers.emit(area.value());
        })
    };
    let document_view = |(n, doc): (usize, &Page)| {
        let text = doc.page_text.clone();
        let on_copy = {
            let text = doc.letter_text.clone();
            let on_message = props.on_message.clone();
            Callback::from(move |_| {
                let text = text.clone();
                let on_message = on_message.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match copy(&text).await {
                        Ok(()) => on_message.emit((false, t(lang, Text::Copied).to_owned())),
                        Err(()) => on_message.emit((true, t(lang, Text::CopyFailed).to_owned())),
                    }
                });
            })
        };
        let on_download = {
            let text = text.clone();
            let name = format!("{}-{}.txt", doc.kind, n + 1);
            let on_message = props.on_message.clone();
            Callback::from(move |_| {
                if let Err(e) = download(&name, "text/plain;charset=utf-8", &text) {
                    on_message.emit((true, e));
                }
            })
        };
        let deadline = doc.deadline.as_ref().map(|deadline| {
            let ics = deadline.ics.clone();
            let on_message = props.on_message.clone();
            let on_ics = Callback::from(move |_| {
                if let Err(e) = download("deadline.ics", "text/calendar;charset=utf-8", &ics) {
                    on_message.emit((true, e));
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
                    let on_choose = props.on_choose.clone();
                    html! {
                        <button type="button" class="toggle" data-testid={format!("script-kind-{}", kind.id())}
                                aria-pressed={(props.kind == Some(kind)).to_string()}
                                onclick={Callback::from(move |_| on_choose.emit(kind))}>
                            { t(lang, kind_label(kind)) }
                        </button>
                    }
                }) }
            </fieldset>
            if props.kind == Some(ScriptKind::Hotline) {
                <label for="numbers">{ t(lang, Text::NumbersLabel) }</label>
                <textarea id="numbers" data-testid="numbers-input" rows="2" inputmode="tel"
                          placeholder={t(lang, Text::NumbersHint)} value={props.numbers.clone()} oninput={on_numbers} />
                <p class="hint">{ t(lang, Text::NumbersHint) }</p>
            }
            if props.kind.is_some() {
                <details class="person">
                    <summary>{ t(lang, Text::PersonHeading) }</summary>
                    <p class="hint">{ t(lang, Text::PersonHint) }</p>
                    <div class="person-fields">
                        { person_input(PersonField::Name, Text::Name, &props.person.name, "text") }
                        { person_input(PersonField::IdNumber, Text::IdNumber, &props.person.id_number, "text") }
                        { person_input(PersonField::WechatId, Text::WechatId, &props.person.wechat_id, "text") }
                        { person_input(PersonField::Qq, Text::Qq, &props.person.qq, "numeric") }
                        { person_input(PersonField::Phone, Text::Phone, &props.person.phone, "tel") }
                    </div>
                </details>
                <button type="button" class="secondary" aria-pressed={large.to_string()} onclick={large_toggle}>
                    { t(lang, Text::ReadAloud) }
                </button>
            }
            { match props.documents.as_deref() {
                Some(Ok(documents)) => documents.iter().enumerate().map(document_view).collect::<Html>(),
                Some(Err(problem)) => html! { <p class="problem" role="alert">{ problem }</p> },
                None if props.kind.is_some() => html! { <p class="busy" aria-busy="true">{ "…" }</p> },
                None => html! {},
            } }
            <p class="scam"><strong>{ t(lang, Text::Scam) }</strong></p>
        </section>
    }
}
