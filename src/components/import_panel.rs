//! Step 2's import: pick or drop location-history files, watch them being read (bytes, cancel),
//! then tick the stays found and add them. The files are read by a worker on this device.

use web_sys::{DragEvent, File, FileList, HtmlInputElement};
use yew::prelude::*;

use crate::components::proposals::proposals;
use crate::context::use_store;
use crate::numbers::fixed;
use crate::state::{Action, ImportStatus};
use crate::text::{Text, t};

fn files_of(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// "12.5 MB": sizes as people read them.
fn megabytes(bytes: u64) -> String {
    format!("{} MB", fixed(bytes as f64 / 1_000_000.0, 1))
}

#[function_component(ImportPanel)]
pub fn import_panel() -> Html {
    let store = use_store();
    let lang = store.lang;
    let on_files = {
        let store = store.clone();
        Callback::from(move |files: Vec<File>| store.dispatch(Action::ImportFiles(files)))
    };
    let on_cancel = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::CancelImport))
    };
    let dragging = use_state(|| false);
    // Ticked proposals; reset to "the ones near a region" whenever a new proposal arrives.
    let ticked = use_state(Vec::<bool>::new);
    {
        let ticked = ticked.clone();
        use_effect_with(store.import.clone(), move |status| {
            if let ImportStatus::Proposed(imported) = status {
                ticked.set(imported.stays.iter().map(|s| s.near.is_some()).collect());
            }
        });
    }

    let on_change = {
        let on_files = on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = files_of(input.files());
            // Clear the input so that choosing the same file again starts a new import.
            input.set_value("");
            if !files.is_empty() {
                on_files.emit(files);
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = files_of(e.data_transfer().and_then(|d| d.files()));
            if !files.is_empty() {
                on_files.emit(files);
            }
        })
    };

    let body = match &store.import {
        ImportStatus::Idle => html! {
            <div class={classes!("drop-zone", dragging.then_some("dragging"))}
                 ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <label class="button secondary" for="import-file">{ t(lang, Text::ImportChoose) }</label>
                <input id="import-file" class="visually-hidden" type="file" multiple=true data-testid="import-file"
                       accept=".json,.gpx,.kml,.zip,.csv,.xlsx,.heic,.heif,image/*"
                       onchange={on_change} />
                <span>{ " " }{ t(lang, Text::ImportDrop) }</span>
            </div>
        },
        ImportStatus::Reading { done, total } => {
            html! {
                <div class="import-progress">
                    <label for="import-progress">
                        { t(lang, Text::ImportReading) }{ format!(" {} / {}", megabytes(*done), megabytes(*total)) }
                    </label>
                    <progress id="import-progress" data-testid="import-progress"
                              value={done.to_string()} max={total.max(&1).to_string()} />
                    <button type="button" class="secondary" data-testid="import-cancel"
                            onclick={on_cancel.clone()}>
                        { t(lang, Text::ImportCancel) }
                    </button>
                </div>
            }
        }
        ImportStatus::Proposed(imported) if imported.stays.is_empty() => {
            html! {
                <div class="import-result" data-testid="import-result">
                    <p>{ t(lang, Text::ImportNone) }</p>
                    <p class="hint">{ &imported.summary }</p>
                    <button type="button" class="secondary" onclick={on_cancel.clone()}>
                        { "OK" }
                    </button>
                </div>
            }
        }
        ImportStatus::Proposed(imported) => proposals(&store, imported, &ticked),
    };
    html! {
        <section class="import" data-testid="import">
            <h3>{ t(lang, Text::ImportHeading) }</h3>
            <p class="hint">{ t(lang, Text::ImportHint) }</p>
            { body }
        </section>
    }
}
