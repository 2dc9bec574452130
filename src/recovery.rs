//! If the app ever panics, the page must not just freeze: a plain recovery screen replaces it,
//! says what happened, and still lets the user save what they entered (the draft is read back
//! from storage, where the app saved it after every change).

use wasm_bindgen::JsCast;

/// Installs the panic hook. Call once, before the app starts.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("解封预检 crashed: {info}").into());
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            show_recovery_screen(&body);
        }
    }));
}

fn saved_draft() -> Option<String> {
    let window = web_sys::window()?;
    for storage in [window.session_storage(), window.local_storage()] {
        if let Some(json) = storage
            .ok()
            .flatten()
            .and_then(|s| s.get_item("unfreeze.draft").ok().flatten())
        {
            return Some(json);
        }
    }
    None
}

/// Replaces the page with a message and a download of the saved draft. Uses only the DOM (no
/// Yew: its state may be what broke) and no inline script or style (the CSP forbids them).
pub fn show_recovery_screen(root: &web_sys::Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let make = |tag: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        Some(element)
    };
    let screen = document.create_element("main").ok();
    let Some(screen) = screen else {
        return;
    };
    screen.set_class_name("app recovery");
    screen.set_attribute("data-testid", "recovery").ok();
    let parts = [
        make("h1", "出错了 · Something went wrong"),
        make(
            "p",
            "本工具遇到了一个错误。你填写的内容仍保存在这台设备上：请先下载保存，然后重新载入页面。",
        ),
        make(
            "p",
            "The tool hit an error. What you entered is still on this device: download it, then reload the page.",
        ),
    ];
    for part in parts.into_iter().flatten() {
        let _ = screen.append_child(&part);
    }
    let link = make("a", "下载我填写的内容 · Download what I entered");
    if let (Some(json), Some(link)) = (saved_draft(), link) {
        let href = format!(
            "data:application/json;charset=utf-8,{}",
            js_sys::encode_uri_component(&json)
        );
        let _ = link.set_attribute("href", &href);
        let _ = link.set_attribute("download", "unfreeze-draft.json");
        let _ = link.set_attribute("data-testid", "recovery-export");
        link.set_class_name("button");
        let _ = screen.append_child(&link);
    }
    if let Some(reload) = make("a", "重新载入 · Reload") {
        let _ = reload.set_attribute("href", "./");
        reload.set_class_name("button secondary");
        let _ = screen.append_child(&reload);
    }
    root.set_inner_html("");
    let _ = root.append_child(screen.unchecked_ref());
}
