//! Export the case to a file, import it back, remember it on this device, or erase everything.

use prescreen_core::i18n::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::files::{download, read_text};
use crate::state::Draft;
use crate::text::{Text, t};

#[derive(Properties, PartialEq)]
pub struct CaseToolsProps {
    pub lang: Lang,
    pub draft: Draft,
    pub remember: bool,
    pub data_version: Option<String>,
    /// The text of a picked case file, for the engine to read (the reply restores the case).
    pub on_case_text: Callback<String>,
    pub on_remember: Callback<bool>,
    pub on_erase: Callback<()>,
    /// (is_error, text) for the one message area.
    pub on_message: Callback<(bool, String)>,
}

#[function_component(CaseTools)]
pub fn case_tools(props: &CaseToolsProps) -> Html {
    let lang = props.lang;
    let on_export = {
        let draft = props.draft.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |_| {
            let written = draft
                .case_file()
                .map_err(|e| e.message(lang))
                .and_then(|file| serde_json::to_string_pretty(&file).map_err(|e| e.to_string()))
                .and_then(|json| download("unfreeze-case.json", "application/json", &json));
            if let Err(problem) = written {
                on_message.emit((true, problem));
            }
        })
    };
    let on_import = {
        let on_case_text = props.on_case_text.clone();
        let on_message = props.on_message.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Let the same file be picked again later.
            input.set_value("");
            let on_case_text = on_case_text.clone();
            let on_message = on_message.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match read_text(file).await {
                    Ok(text) => on_case_text.emit(text),
                    Err(problem) => on_message.emit((true, problem)),
                }
            });
        })
    };
    let on_remember = {
        let on_remember = props.on_remember.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_remember.emit(input.checked());
        })
    };
    let on_erase = {
        let on_erase = props.on_erase.clone();
        Callback::from(move |_| on_erase.emit(()))
    };
    html! {
        <section class="case-tools" aria-label={t(lang, Text::CaseTools)}>
            <h2>{ t(lang, Text::CaseTools) }</h2>
            <label class="check" for="remember">
                <input id="remember" type="checkbox" data-testid="remember" checked={props.remember} onchange={on_remember} />
                { t(lang, Text::Remember) }
            </label>
            <div class="actions">
                <button type="button" class="secondary" data-testid="case-export" onclick={on_export}>{ t(lang, Text::Export) }</button>
                <label class="button secondary" for="case-import">{ t(lang, Text::Import) }</label>
                <input id="case-import" class="visually-hidden" type="file" accept=".json,application/json"
                       data-testid="case-import" onchange={on_import} />
                <button type="button" class="danger" data-testid="erase-all" onclick={on_erase}>{ t(lang, Text::EraseAll) }</button>
            </div>
            if let Some(version) = &props.data_version {
                <p class="data-version" data-testid="data-version">{ t(lang, Text::DataVersion) }{ ": " }{ version }</p>
            }
        </section>
    }
}
