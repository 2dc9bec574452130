//! "Share" for a script or letter: the phone's own share sheet (to a note, a mail, a chat the
//! person trusts), offered only where the browser has `navigator.share`.

use prescreen_core::i18n::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A share button for `text`, or nothing where the browser cannot share. A view function (a
/// component costs first-screen bytes).
pub fn share_button(lang: Lang, title: &str, text: &str) -> Html {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Html::default();
    };
    let Some(share) = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return Html::default();
    };
    let (title, text) = (title.to_owned(), text.to_owned());
    let onclick = Callback::from(move |_: MouseEvent| {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.as_str().into());
        let _ = js_sys::Reflect::set(&data, &"text".into(), &text.as_str().into());
        // Cancelling the share sheet rejects the promise: nothing to tell the person then.
        let promise = share
            .call1(&navigator, &data)
            .ok()
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
        if let Some(promise) = promise {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    });
    html! {
        <button type="button" class="secondary" data-testid="share" {onclick}>
            { lang.pick("分享", "分享", "Share") }
        </button>
    }
}
