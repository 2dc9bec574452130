//! Keeping the case on this device, and only here.
//!
//! By default the draft lives in sessionStorage (gone when the tab closes); "remember on this
//! device" moves it to localStorage. Every key starts with `unfreeze.`, so "erase everything"
//! can find them all, and a test can check that nothing else is written.

use prescreen_core::i18n::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Storage;

use crate::state::Draft;

const DRAFT_KEY: &str = "unfreeze.draft";
const LANG_KEY: &str = "unfreeze.lang";
const REMEMBER_KEY: &str = "unfreeze.remember";

fn local() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The language the browser asks for, when the app has it.
fn browser_lang() -> Option<Lang> {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|code| Lang::from_code(&code))
}

/// What was saved: the language (else the browser's), the draft, and whether to remember it.
pub fn load() -> (Lang, Option<Draft>, bool) {
    let saved_lang = local()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten())
        .and_then(|code| Lang::from_code(&code));
    let lang = saved_lang.or_else(browser_lang).unwrap_or_default();
    let remember = local()
        .and_then(|s| s.get_item(REMEMBER_KEY).ok().flatten())
        .is_some_and(|v| v == "1");
    let store = if remember { local() } else { session() };
    // A draft that no longer reads (an older shape) is dropped rather than crashing the app.
    let draft = store
        .and_then(|s| s.get_item(DRAFT_KEY).ok().flatten())
        .and_then(|json| serde_json::from_str::<Draft>(&json).ok());
    (lang, draft, remember)
}

/// Saves the draft where the user chose, and nowhere else. Nothing is kept that load() would
/// work out anyway: an empty draft and the browser's own language are not written (their keys
/// are removed), so "erase everything" leaves no key behind until something is typed.
pub fn save(draft: &Draft, remember: bool, lang: Lang) {
    let empty = *draft == Draft::default();
    let Ok(json) = serde_json::to_string(draft) else {
        return;
    };
    let (keep, drop) = if remember {
        (local(), session())
    } else {
        (session(), local())
    };
    if let Some(store) = keep {
        let _ = if empty {
            store.remove_item(DRAFT_KEY)
        } else {
            store.set_item(DRAFT_KEY, &json)
        };
    }
    if let Some(store) = drop {
        let _ = store.remove_item(DRAFT_KEY);
    }
    if let Some(store) = local() {
        let _ = if Some(lang) == browser_lang() {
            store.remove_item(LANG_KEY)
        } else {
            store.set_item(LANG_KEY, lang.code())
        };
        if remember {
            let _ = store.set_item(REMEMBER_KEY, "1");
        } else {
            let _ = store.remove_item(REMEMBER_KEY);
        }
    }
}

/// Removes every `unfreeze.` key from both storages and deletes the offline caches.
pub async fn erase_all() {
    for store in [local(), session()].into_iter().flatten() {
        let keys: Vec<String> = (0..store.length().unwrap_or(0))
            .filter_map(|i| store.key(i).ok().flatten())
            .filter(|k| k.starts_with("unfreeze."))
            .collect();
        for key in keys {
            let _ = store.remove_item(&key);
        }
    }
    // No `caches` where there is no service worker (WeChat's iOS web view, Lockdown Mode).
    let Some(caches) = web_sys::window()
        .and_then(|w| w.caches().ok())
        .filter(|caches| !caches.is_undefined())
    else {
        return;
    };
    let Ok(names) = JsFuture::from(caches.keys()).await else {
        return;
    };
    let names: js_sys::Array = names.unchecked_into();
    for name in names.iter() {
        if let Some(name) = name.as_string() {
            let _ = JsFuture::from(caches.delete(&name)).await;
        }
    }
}
