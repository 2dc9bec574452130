//! Loading the shipped data: same-origin static files, fetched after first paint.
//!
//! URLs are relative to the page, so the app works at any sub-path (`/tools/unfreeze/`).

use prescreen_core::dataset::DataSet;
use prescreen_core::scripts::ScriptData;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches and parses everything the screening and the scripts read.
pub async fn load_data(lang: prescreen_core::i18n::Lang) -> Result<(DataSet, ScriptData), String> {
    let places = fetch_text("data/places.json").await?;
    let events = fetch_text("data/events.json").await?;
    let regions = fetch_text("data/regions.geojson").await?;
    let messages = fetch_text("data/messages.json").await?;
    let channels = fetch_text("data/channels.json").await?;
    let legal = fetch_text("data/legal.json").await?;
    let holidays = fetch_text("data/holidays.json").await?;
    let linked = fetch_text("data/linked.json").await?;
    let data = DataSet::from_texts(&places, &events, &regions)
        .and_then(|data| data.with_guidance(&messages, &channels))
        .map_err(|e| e.to_string())?;
    let scripts = ScriptData::from_texts(&channels, &legal, &holidays, &linked)
        .map_err(|e| e.message(lang))?;
    Ok((data, scripts))
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| format!("{url}: network error"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: not a response"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| format!("{url}: no body"))?)
        .await
        .map_err(|_| format!("{url}: body could not be read"))?;
    text.as_string()
        .ok_or_else(|| format!("{url}: body is not text"))
}
