//! The app's entry point; everything else is in the library so tests can mount it.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

fn main() {
    unfreeze_app::recovery::install();
    // index.html shows a static header while this wasm loads. Start the app after that header
    // has been painted (the next frame, then a task), so the person sees it at once even when the
    // wasm arrives before the first frame; the app then takes its place.
    let Some(window) = web_sys::window() else {
        return start();
    };
    let after_paint = Closure::once_into_js(move || {
        let start_now = Closure::once_into_js(start);
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(start_now.unchecked_ref());
        }
    });
    if window
        .request_animation_frame(after_paint.unchecked_ref())
        .is_err()
    {
        start();
    }
}

fn start() {
    if let Some(boot) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("boot"))
    {
        boot.remove();
    }
    yew::Renderer::<unfreeze_app::app::App>::new().render();
}
