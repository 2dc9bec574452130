//! Files in and out of the browser, without a server: downloads from a Blob, reading a picked
//! file, and the clipboard.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a download called `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "blob".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "url".to_owned())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "anchor".to_owned())?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads a picked file as text.
pub async fn read_text(file: web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "the file could not be read".to_owned())?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_owned())
}

/// Copies `text` to the clipboard.
pub async fn copy(text: &str) -> Result<(), ()> {
    let clipboard = web_sys::window().ok_or(())?.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// The current date and time in China (UTC+8, no daylight saving since 1991) from the device
/// clock, as `YYYY-MM-DDTHH:MM:SS`. The core never reads a clock; the app passes this in.
pub fn china_now() -> Option<String> {
    let shifted = js_sys::Date::new(&(js_sys::Date::now() + 8.0 * 3_600_000.0).into());
    let iso = shifted.to_iso_string().as_string()?;
    iso.get(..19).map(str::to_owned)
}
