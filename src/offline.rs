//! Registering the service worker (offline use after the first visit) and noticing updates.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

/// Registers `sw.js` (relative, so it works at any sub-path). When a newer worker takes over a
/// page that already had one, `on_update` fires so the app can offer a reload. Where the browser
/// has no service workers (WeChat's iOS web view, iOS Lockdown Mode, plain http) the app simply
/// works without an offline copy.
pub fn register(on_update: Callback<()>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // `navigator.serviceWorker` is absent there: web-sys's getter would hand back `undefined`
    // typed as a container, and the first call on it would throw.
    let has_workers = js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .is_ok_and(|container| !container.is_undefined() && !container.is_null());
    if !has_workers {
        return;
    }
    let container = navigator.service_worker();
    let had_controller = container.controller().is_some();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if had_controller {
            on_update.emit(());
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    // The page lives as long as the listener is needed.
    on_change.forget();
    let registering = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // A failure (private mode, an old browser) only means no offline copy.
        let _ = JsFuture::from(registering).await;
    });
}

/// Reloads the page, to start the new version.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
