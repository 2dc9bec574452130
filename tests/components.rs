//! Component tests in headless Chromium: the app mounted with the shipped data, driven through
//! its inputs as a user would, read back through the DOM.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use prescreen_core::case::CaseFile;
use prescreen_core::dataset::DataSet;
use prescreen_core::i18n::Lang;
use prescreen_core::scripts::ScriptData;
use prescreen_core::verdict::{Screening, check};
use unfreeze_app::app::{App, AppProps};
use unfreeze_app::components::findings::{Findings, FindingsProps};
use unfreeze_app::components::stay_list::{StayList, StayListProps};
use unfreeze_app::components::verdict_card::{VerdictCard, VerdictCardProps};
use unfreeze_app::state::{Draft, StayDraft, StayField};
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
    settle().await;
    root
}

fn by_testid(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid=\"{id}\"]"))
        .expect("valid selector")
}

/// Lets Yew render and run effects until the DOM settles.
async fn settle() {
    for _ in 0..3 {
        yew::scheduler::flush().await;
        gloo_timers_sleep().await;
    }
}

async fn gloo_timers_sleep() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

async fn type_into(root: &Element, id: &str, value: &str) {
    let Some(found) = by_testid(root, id) else {
        panic!(
            "no {id} in {}",
            root.inner_html().chars().take(600).collect::<String>()
        );
    };
    let input: HtmlInputElement = found.dyn_into().expect("input");
    input.set_value(value);
    let event = web_sys::InputEvent::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatch");
    yew::scheduler::flush().await;
}

/// Mounts one component with its props in a fresh <div>.
async fn mount_component<C>(props: C::Properties) -> Element
where
    C: yew::BaseComponent,
{
    let document = gloo_utils::document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

fn screening_of(case_json: &str) -> Rc<Screening> {
    let (data, _) = shipped_data();
    let case = CaseFile::from_json(case_json)
        .and_then(|f| f.validate())
        .expect("valid case");
    Rc::new(check(&case, &data, Lang::ZhCn).expect("screens"))
}

#[wasm_bindgen_test]
async fn the_app_starts_on_step_one_with_the_data_loaded() {
    let root = mount().await;
    let main = root
        .query_selector("main")
        .expect("selector")
        .expect("main");
    assert_eq!(main.get_attribute("data-data").as_deref(), Some("ready"));
    assert_eq!(main.get_attribute("data-step").as_deref(), Some("1"));
    assert!(by_testid(&root, "message-input").is_some());
    assert!(by_testid(&root, "platform-wechat").is_some());
    let error: HtmlElement = by_testid(&root, "error")
        .expect("error area")
        .dyn_into()
        .expect("el");
    assert!(error.hidden(), "no error on a fresh start");
}

#[wasm_bindgen_test]
async fn the_verdict_card_shows_the_verdict_cause_and_channels() {
    let screening = screening_of(
        r#"{"version":1,"platforms":["wechat"],"freeze_message":"国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停","stays":[{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"}]}"#,
    );
    let root = mount_component::<VerdictCard>(VerdictCardProps {
        screening,
        lang: Lang::ZhCn,
    })
    .await;
    let verdict = by_testid(&root, "verdict").expect("a verdict is shown");
    assert_eq!(
        verdict.get_attribute("data-verdict").as_deref(),
        Some("likely")
    );
    let cause = by_testid(&root, "cause").expect("a cause is shown");
    assert_eq!(
        cause.get_attribute("data-cause").as_deref(),
        Some("border_area_freeze")
    );
    assert!(by_testid(&root, "channel-puer-police-station").is_some());
    assert!(root.text_content().unwrap_or_default().contains("代解封"));
}

#[wasm_bindgen_test]
async fn findings_give_their_reason_and_a_way_to_say_i_was_not_there() {
    let screening = screening_of(
        r#"{"version":1,"stays":[{"place":"昆明","from":"2019-09-01","to":"2019-09-02"},{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"}]}"#,
    );
    let said = Rc::new(std::cell::RefCell::new(Vec::new()));
    let on_set_not_there = {
        let said = said.clone();
        yew::Callback::from(move |pair: (usize, bool)| said.borrow_mut().push(pair))
    };
    let root = mount_component::<Findings>(FindingsProps {
        screening,
        draft: Draft::default(),
        lang: Lang::ZhCn,
        on_set_not_there,
    })
    .await;
    let near = by_testid(&root, "finding-1").expect("the second stay's finding");
    assert_eq!(
        near.get_attribute("data-relation").as_deref(),
        Some("BorderZone")
    );
    assert!(near.text_content().unwrap_or_default().contains("公里"));
    let button: HtmlElement = by_testid(&root, "stay-1-not-there")
        .expect("a not-there button")
        .dyn_into()
        .expect("button");
    button.click();
    settle().await;
    // (Clicking the buttons of a whole mounted App is covered end to end in tests/e2e/.)
    assert_eq!(said.borrow().as_slice(), &[(1, true)]);
}

#[wasm_bindgen_test]
async fn typing_a_place_reports_the_edit_and_offers_suggestions() {
    let (data, _) = shipped_data();
    let edits = Rc::new(std::cell::RefCell::new(Vec::new()));
    let on_edit = {
        let edits = edits.clone();
        yew::Callback::from(move |edit: (usize, StayField, String)| edits.borrow_mut().push(edit))
    };
    let stay = StayDraft {
        place: "daluo".to_owned(),
        ..StayDraft::default()
    };
    let root = mount_component::<StayList>(StayListProps {
        stays: vec![stay],
        lang: Lang::ZhCn,
        data: Some(data),
        on_edit,
        on_mode: yew::Callback::noop(),
        on_add: yew::Callback::noop(),
        on_remove: yew::Callback::noop(),
        on_run: yew::Callback::noop(),
    })
    .await;
    let options = root
        .query_selector_all("datalist option")
        .expect("selector");
    assert!(options.length() >= 1, "a suggestion for 'daluo'");
    type_into(&root, "stay-place", "打洛镇").await;
    assert_eq!(
        edits.borrow().as_slice(),
        &[(0, StayField::Place, "打洛镇".to_owned())]
    );
}

#[wasm_bindgen_test]
async fn the_recovery_screen_still_offers_what_was_entered() {
    let storage = gloo_utils::window()
        .session_storage()
        .expect("storage")
        .expect("session storage");
    storage
        .set_item("unfreeze.draft", r#"{"message":"保留我"}"#)
        .expect("set");
    let document = gloo_utils::document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    unfreeze_app::recovery::show_recovery_screen(&root);
    let screen = root
        .query_selector("[data-testid=recovery]")
        .expect("selector")
        .expect("the recovery screen replaces the page");
    assert!(
        screen
            .text_content()
            .unwrap_or_default()
            .contains("Something went wrong")
    );
    let link = root
        .query_selector("[data-testid=recovery-export]")
        .expect("selector")
        .expect("an export link");
    let href = link.get_attribute("href").unwrap_or_default();
    assert!(href.starts_with("data:application/json"), "{href}");
    assert!(
        href.contains("%E4%BF%9D%E7%95%99%E6%88%91"),
        "the draft is in the link: {href}"
    );
    let _ = storage.remove_item("unfreeze.draft");
}
