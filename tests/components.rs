//! Component tests in headless Chromium: the app mounted with the shipped data, driven through
//! its inputs as a user would, read back through the DOM.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use prescreen_core::dataset::DataSet;
use prescreen_core::scripts::ScriptData;
use unfreeze_app::app::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn shipped_data() -> (Rc<DataSet>, Rc<ScriptData>) {
    let data = DataSet::from_texts(
        include_str!("../static/data/places.json"),
        include_str!("../static/data/events.json"),
        include_str!("../static/data/regions.geojson"),
    )
    .and_then(|d| {
        d.with_guidance(
            include_str!("../static/data/messages.json"),
            include_str!("../static/data/channels.json"),
        )
    })
    .expect("the shipped data loads");
    let scripts = ScriptData::from_texts(
        include_str!("../static/data/channels.json"),
        include_str!("../static/data/legal.json"),
        include_str!("../static/data/holidays.json"),
        include_str!("../static/data/linked.json"),
    )
    .expect("the script data loads");
    (Rc::new(data), Rc::new(scripts))
}

/// Mounts a fresh app in its own <div> and returns that root.
async fn mount() -> Element {
    let document = gloo_utils::document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            data: Some(shipped_data()),
            fresh: true,
        },
    )
    .render();
    yew::scheduler::flush().await;
    root
}

fn by_testid(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid=\"{id}\"]"))
        .expect("valid selector")
}

async fn type_into(root: &Element, id: &str, value: &str) {
    let input: HtmlInputElement = by_testid(root, id).expect(id).dyn_into().expect("input");
    input.set_value(value);
    let event = web_sys::InputEvent::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatch");
    yew::scheduler::flush().await;
}

async fn click(root: &Element, id: &str) {
    let button: HtmlElement = by_testid(root, id).expect(id).dyn_into().expect("element");
    button.click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_stay_near_mong_la_gets_a_verdict_with_its_reason() {
    let root = mount().await;
    type_into(&root, "stay-place", "打洛镇").await;
    type_into(&root, "stay-from", "2019-09-03").await;
    type_into(&root, "stay-to", "2019-09-05").await;
    click(&root, "screen-run").await;
    let verdict = by_testid(&root, "verdict").expect("a verdict is shown");
    assert_eq!(
        verdict.get_attribute("data-verdict").as_deref(),
        Some("possible")
    );
    let finding = by_testid(&root, "finding-0").expect("a finding is shown");
    assert!(finding.text_content().unwrap_or_default().contains("公里"));
    let error: HtmlElement = by_testid(&root, "error")
        .expect("error area")
        .dyn_into()
        .expect("el");
    assert!(error.hidden(), "no error after a good screen");
}

#[wasm_bindgen_test]
async fn an_unknown_place_shows_one_error_and_keeps_the_input() {
    let root = mount().await;
    type_into(&root, "stay-place", "大落").await;
    type_into(&root, "stay-from", "2019-09-03").await;
    type_into(&root, "stay-to", "2019-09-05").await;
    click(&root, "screen-run").await;
    let error: HtmlElement = by_testid(&root, "error")
        .expect("error area")
        .dyn_into()
        .expect("el");
    assert!(!error.hidden());
    assert!(error.text_content().unwrap_or_default().contains("大落"));
    assert!(by_testid(&root, "verdict").is_none());
    let place: HtmlInputElement = by_testid(&root, "stay-place")
        .expect("place")
        .dyn_into()
        .expect("input");
    assert_eq!(place.value(), "大落");
}
