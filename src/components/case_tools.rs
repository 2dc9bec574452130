//! Export the case to a file, import it back, remember it on this device, or erase everything.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use prescreen_core::case::MAX_CASE_FILE_BYTES;

use crate::context::use_store;
use crate::engine::protocol::Problem;
use crate::files::{download, read_text};
use crate::persist;
use crate::state::{Action, DataStatus};
use crate::text::{Text, t};

#[function_component(CaseTools)]
pub fn case_tools() -> Html {
    let store = use_store();
    let lang = store.lang;
    let on_export = {
        let store = store.clone();
        Callback::from(move |_| {
            let written = store
                .draft
                .case_file()
                .map_err(|e| Problem::typed(&e, lang))
                .and_then(|file| {
                    serde_json::to_string_pretty(&file).map_err(|e| Problem::new(e.to_string()))
                })
                .and_then(|json| {
                    download("unfreeze-case.json", "application/json", &json).map_err(Problem::new)
                });
            if let Err(problem) = written {
                store.dispatch(Action::ShowError(problem));
            }
        })
    };
    let on_import = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Let the same file be picked again later.
            input.set_value("");
            // Refused by its size before a byte is read: a huge file cannot become a string in
            // the browser (reading it fails), and would otherwise be reported as something else.
            if file.size() > MAX_CASE_FILE_BYTES as f64 {
                store.dispatch(Action::ShowError(Problem::new(t(
                    lang,
                    Text::ImportTooLarge,
                ))));
                return;
            }
            let store = store.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // The engine reads the text; its reply restores the case.
                store.dispatch(match read_text(file).await {
                    Ok(text) => Action::ReadCase(text),
                    Err(problem) => Action::ShowError(Problem::new(problem)),
                });
            });
        })
    };
    let on_remember = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            store.dispatch(Action::SetRemember(input.checked()));
        })
    };
    let on_erase = {
        let store = store.clone();
        Callback::from(move |_| {
            let store = store.clone();
            wasm_bindgen_futures::spawn_local(async move {
                persist::erase_all().await;
                store.dispatch(Action::EraseAll);
            });
        })
    };
    let data_version = match &store.data {
        DataStatus::Ready(overview) => Some(overview.data_version.clone()),
        _ => None,
    };
    html! {
        <section class="case-tools" aria-label={t(lang, Text::CaseTools)}>
            <h2>{ t(lang, Text::CaseTools) }</h2>
            <label class="check" for="remember">
                <input id="remember" type="checkbox" data-testid="remember" checked={store.remember} onchange={on_remember} />
                { t(lang, Text::Remember) }
            </label>
            <div class="actions">
                <button type="button" class="secondary" data-testid="case-export" onclick={on_export}>{ t(lang, Text::Export) }</button>
                <label class="button secondary" for="case-import">{ t(lang, Text::Import) }</label>
                <input id="case-import" class="visually-hidden" type="file" accept=".json,application/json"
                       data-testid="case-import" onchange={on_import} />
                <button type="button" class="danger" data-testid="erase-all" onclick={on_erase}>{ t(lang, Text::EraseAll) }</button>
            </div>
            if let Some(version) = &data_version {
                <p class="data-version" data-testid="data-version">{ t(lang, Text::DataVersion) }{ ": " }{ version }</p>
            }
        </section>
    }
}
