//! Component tests in headless Chromium: the app mounted with the shipped data, driven through
//! its inputs as a user would, read back through the DOM.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use prescreen_core::case::CaseFile;
use prescreen_core::i18n::Lang;
use prescreen_core::import::{NearRegion, ProposedStay};
use prescreen_engine::local::Engines;
use prescreen_engine::service::DataTexts;
use unfreeze_app::app::{App, AppProps};
use unfreeze_app::components::error_banner::ErrorBanner;
use unfreeze_app::components::findings::Findings;
use unfreeze_app::components::glance::glance;
use unfreeze_app::components::import_panel::ImportPanel;
use unfreeze_app::components::stay_list::StayList;
use unfreeze_app::components::verdict_card::{VerdictCard, VerdictCardProps};
use unfreeze_app::context::Store;
use unfreeze_app::engine::client::LocalEngine;
use unfreeze_app::engine::protocol::{Imported, Proposal, Reply, Request, ScreeningView};
use unfreeze_app::state::{Draft, ImportStatus, StayDraft, StayField};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::{ContextProvider, Html, Properties, function_component, html, use_reducer};

wasm_bindgen_test_configure!(run_in_browser);

fn shipped_engine() -> Rc<Engines> {
    let texts = DataTexts {
        places: include_str!("../static/data/places.json").into(),
        events: include_str!("../static/data/events.json").into(),
        regions: include_str!("../static/data/regions.geojson").into(),
        messages: include_str!("../static/data/messages.json").into(),
        channels: include_str!("../static/data/channels.json").into(),
        legal: include_str!("../static/data/legal.json").into(),
        holidays: include_str!("../static/data/holidays.json").into(),
        linked: include_str!("../static/data/linked.json").into(),
    };
    Rc::new(Engines::from_texts(&texts).expect("the shipped data loads"))
}

/// The engine answering in the page, as the worker would, but with every reply passed through
/// JSON as the worker's are.
fn local_engine() -> LocalEngine {
    let engine = shipped_engine();
    let through_json = |reply: Reply| -> Reply {
        serde_json::from_str(&serde_json::to_string(&reply).expect("serialises"))
            .expect("deserialises")
    };
    LocalEngine {
        ready: Rc::new(RefCell::new(Some(through_json(Reply::Ready(Box::new(
            engine.overview(),
        )))))),
        handle: Rc::new(move |request| through_json(engine.handle(request))),
    }
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
            engine: Some(local_engine()),
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

/// The state a component under test changed, as the app's reducer made it.
type Seen = Rc<std::cell::RefCell<Option<State>>>;

#[derive(Properties)]
struct HostProps {
    initial: State,
    seen: Seen,
    children: Html,
}

impl PartialEq for HostProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.seen, &other.seen)
    }
}

/// Provides a component under test with the app's context: the reducer handle over `initial`,
/// every state it reaches written to `seen`.
#[function_component(Host)]
fn host(props: &HostProps) -> Html {
    let initial = props.initial.clone();
    let store = use_reducer(move || initial);
    *props.seen.borrow_mut() = Some((*store).clone());
    html! {
        <ContextProvider<Store> context={store}>{ props.children.clone() }</ContextProvider<Store>>
    }
}

/// Mounts `children` inside a [`Host`] over `initial`; returns the root and what the state became.
async fn mount_in_host(initial: State, children: Html) -> (Element, Seen) {
    let seen = Seen::default();
    let root = mount_component::<Host>(HostProps {
        initial,
        seen: seen.clone(),
        children,
    })
    .await;
    (root, seen)
}

fn seen_state(seen: &Seen) -> State {
    seen.borrow().clone().expect("the host rendered")
}

/// Screens a case through the engine's message interface, JSON both ways.
fn screening_of(case_json: &str) -> Rc<ScreeningView> {
    screening_in(case_json, Lang::ZhCn)
}

/// [`screening_of`] in `lang`.
fn screening_in(case_json: &str, lang: Lang) -> Rc<ScreeningView> {
    let case = CaseFile::from_json(case_json).expect("valid case");
    let reply = (local_engine().handle)(Request::Screen { id: 7, case, lang });
    match reply {
        Reply::Screened { id: 7, result } => Rc::new(result.expect("screens").screening),
        other => panic!("not a screening: {other:?}"),
    }
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

#[derive(Properties, PartialEq)]
struct GlanceProps {
    screening: Rc<ScreeningView>,
}

/// The first screen of the result, drawn from the host's store.
#[function_component(GlanceView)]
fn glance_view(props: &GlanceProps) -> Html {
    let store = unfreeze_app::context::use_store();
    glance(&store, &props.screening)
}

#[wasm_bindgen_test]
async fn the_result_opens_with_headline_confidence_clue_and_one_action() {
    let screening = screening_of(
        r#"{"version":1,"platforms":["wechat"],"freeze_message":"国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停","stays":[{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"}]}"#,
    );
    let mut initial = State::default();
    initial.lang = Lang::ZhCn;
    let (root, _) = mount_in_host(initial, html! { <GlanceView {screening} /> }).await;
    let verdict = by_testid(&root, "verdict").expect("a headline is shown");
    assert_eq!(
        verdict.get_attribute("data-verdict").as_deref(),
        Some("likely")
    );
    assert!(verdict.text_content().unwrap_or_default().contains("边境"));
    let confidence = by_testid(&root, "confidence").expect("the confidence");
    assert!(
        confidence
            .text_content()
            .unwrap_or_default()
            .contains("●●●")
    );
    let clue = by_testid(&root, "clue").expect("the clue");
    assert!(clue.text_content().unwrap_or_default().contains("打洛"));
    let action = by_testid(&root, "primary-action").expect("one action");
    assert_eq!(
        action.get_attribute("data-kind").as_deref(),
        Some("hotline")
    );
}

#[wasm_bindgen_test]
async fn the_verdict_card_shows_the_cause_and_channels() {
    let screening = screening_of(
        r#"{"version":1,"platforms":["wechat"],"freeze_message":"国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停","stays":[{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"}]}"#,
    );
    let root = mount_component::<VerdictCard>(VerdictCardProps {
        screening,
        lang: Lang::ZhCn,
    })
    .await;
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
    let mut initial = State::default();
    initial.draft = Draft::default();
    initial.lang = Lang::ZhCn;
    let (root, seen) = mount_in_host(initial, html! { <Findings {screening} /> }).await;
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
    assert_eq!(seen_state(&seen).draft.not_there.as_slice(), &[1]);
}

#[wasm_bindgen_test]
async fn typing_a_place_reports_the_edit_and_offers_suggestions() {
    let suggested = match (local_engine().handle)(Request::Suggest {
        id: 1,
        query: "daluo".into(),
    }) {
        Reply::Suggestions { places, .. } => places,
        other => panic!("not suggestions: {other:?}"),
    };
    let stay = StayDraft {
        place: "daluo".to_owned(),
        ..StayDraft::default()
    };
    let mut initial = State::default();
    initial.draft = Draft {
        stays: vec![stay],
        ..Draft::default()
    };
    initial.lang = Lang::ZhCn;
    initial.suggestions = Rc::new([("daluo".to_owned(), suggested)].into_iter().collect());
    let (root, seen) = mount_in_host(initial, html! { <StayList /> }).await;
    let options = root
        .query_selector_all("datalist option")
        .expect("selector");
    assert!(options.length() >= 1, "a suggestion for 'daluo'");
    type_into(&root, "stay-place", "打洛镇").await;
    let state = seen_state(&seen);
    assert_eq!(state.draft.stays[0].place, "打洛镇");
    assert!(
        state
            .outbox
            .iter()
            .any(|r| matches!(r, Request::Suggest { query, .. } if query == "打洛镇")),
        "the engine is asked for suggestions for what was typed"
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

#[wasm_bindgen_test]
async fn an_import_shows_bytes_read_and_can_be_cancelled() {
    let mut initial = State::default();
    initial.lang = Lang::En;
    initial.import = ImportStatus::Reading {
        done: 25_000_000,
        total: 100_000_000,
    };
    let (root, seen) = mount_in_host(initial, html! { <ImportPanel /> }).await;
    let progress = by_testid(&root, "import-progress").expect("a progress bar");
    assert_eq!(progress.get_attribute("value").as_deref(), Some("25000000"));
    assert_eq!(progress.get_attribute("max").as_deref(), Some("100000000"));
    assert!(
        root.text_content()
            .unwrap_or_default()
            .contains("25.0 MB / 100.0 MB")
    );
    let cancel: HtmlElement = by_testid(&root, "import-cancel")
        .expect("a cancel button")
        .dyn_into()
        .expect("button");
    cancel.click();
    settle().await;
    let state = seen_state(&seen);
    assert_eq!(state.import, ImportStatus::Idle, "cancelled");
    assert!(
        state.import_files.is_none(),
        "the reading worker is stopped"
    );
}

#[wasm_bindgen_test]
async fn imported_stays_near_a_region_come_ticked_and_are_added_on_confirm() {
    // What the import worker sends: its proposed stays, as the page shows them.
    let proposed = |lat: f64, lon: f64, near: Option<f64>| {
        Proposal::of(&ProposedStay {
            stay: prescreen_core::case::StayInput {
                lat: Some(lat),
                lon: Some(lon),
                from: "2019-09-03".into(),
                to: "2019-09-05".into(),
                ..Default::default()
            },
            near: near.map(|distance_km| NearRegion {
                region: "mong-la".into(),
                distance_km,
            }),
            points: 40,
        })
    };
    let mut initial = State::default();
    initial.lang = Lang::ZhCn;
    initial.import = ImportStatus::Proposed(Rc::new(Imported {
        stays: vec![
            proposed(25.04, 102.71, None),
            proposed(21.70, 100.03, Some(3.2)),
        ],
        summary: "1 file(s)".into(),
        peak_memory_bytes: 0,
    }));
    let (root, seen) = mount_in_host(initial, html! { <ImportPanel /> }).await;
    let first: HtmlInputElement = by_testid(&root, "import-stay-0")
        .expect("row 0")
        .dyn_into()
        .expect("checkbox");
    let second: HtmlInputElement = by_testid(&root, "import-stay-1")
        .expect("row 1")
        .dyn_into()
        .expect("checkbox");
    assert!(
        !first.checked(),
        "a stay far from every region is not ticked"
    );
    assert!(second.checked(), "a stay 3.2 km from Mong La is ticked");
    let accept: HtmlElement = by_testid(&root, "import-accept")
        .expect("accept")
        .dyn_into()
        .expect("button");
    accept.click();
    settle().await;
    // Only the ticked proposal (the second) is added, in place of the empty first stay.
    let stays = seen_state(&seen).draft.stays;
    assert_eq!(stays.len(), 1, "{stays:?}");
    assert_eq!(
        (stays[0].lat.as_str(), stays[0].lon.as_str()),
        ("21.7", "100.03")
    );
}

// ---- the reducer's conversation with the engine ------------------------------------------------

use unfreeze_app::state::{Action, State, StayMode, Step};
use yew::Reducible;

fn reduce(state: Rc<State>, action: Action) -> Rc<State> {
    state.reduce(action)
}

fn screening_reply(state: &State, case_json: &str) -> (u32, Reply) {
    let (id, _) = state.pending_screen.expect("a screening was asked for");
    let case = CaseFile::from_json(case_json).expect("case");
    let reply = (local_engine().handle)(Request::Screen {
        id,
        case,
        lang: Lang::ZhCn,
    });
    (id, reply)
}

#[wasm_bindgen_test]
fn an_answer_to_an_older_screening_is_dropped() {
    let mut state = Rc::new(State::default());
    state = reduce(state, Action::Next);
    state = reduce(state, Action::EditStay(0, StayField::Place, "昆明".into()));
    state = reduce(
        state,
        Action::EditStay(0, StayField::From, "2019-09-01".into()),
    );
    state = reduce(
        state,
        Action::EditStay(0, StayField::To, "2019-09-02".into()),
    );
    state = reduce(state, Action::Run);
    let (first, old) = screening_reply(
        &state,
        r#"{"version":1,"stays":[{"place":"昆明","from":"2019-09-01","to":"2019-09-02"}]}"#,
    );
    // The user changes the place and runs again before the first answer arrives.
    state = reduce(
        state,
        Action::EditStay(0, StayField::Place, "打洛镇".into()),
    );
    state = reduce(state, Action::Run);
    let (second, new) = screening_reply(
        &state,
        r#"{"version":1,"stays":[{"place":"打洛镇","from":"2019-09-01","to":"2019-09-02"}]}"#,
    );
    assert!(second > first);
    assert!(matches!(old, Reply::Screened { id, .. } if id == first));
    state = reduce(state, Action::Reply(old));
    assert!(state.screening.is_none(), "the older answer is not shown");
    assert_eq!(state.step, Step::WhereYouWere);
    assert!(matches!(new, Reply::Screened { id, .. } if id == second));
    state = reduce(state, Action::Reply(new));
    let screening = state.screening.clone().expect("the newer answer is shown");
    assert_eq!(screening.findings[0].place, "打洛镇");
    assert_eq!(state.step, Step::Result);
    assert!(state.map.is_some(), "with its map");
}

#[wasm_bindgen_test]
fn a_bad_coordinate_is_an_error_at_once_and_asks_the_engine_nothing() {
    let mut state = Rc::new(State::default());
    state = reduce(state, Action::Next);
    state = reduce(state, Action::SetStayMode(0, StayMode::Coordinates));
    state = reduce(state, Action::EditStay(0, StayField::Lat, "21.7abc".into()));
    state = reduce(state, Action::EditStay(0, StayField::Lon, "100.03".into()));
    let asked = state.outbox.len();
    state = reduce(state, Action::Run);
    assert_eq!(state.outbox.len(), asked, "nothing sent");
    assert!(state.pending_screen.is_none());
    let error = state.error.clone().expect("an error");
    assert!(error.message.contains("21.7abc"), "{error:?}");
    assert_eq!(
        error.field.as_deref(),
        Some("stays[0].lat"),
        "it names its field"
    );
    assert_eq!(
        state.draft.stays[0].lat, "21.7abc",
        "what was typed is kept"
    );
}

#[wasm_bindgen_test]
fn a_pasted_point_fills_lat_and_lon_only_if_the_box_still_holds_it() {
    let mut state = Rc::new(State::default());
    state = reduce(state, Action::Next);
    state = reduce(state, Action::SetStayMode(0, StayMode::Coordinates));
    state = reduce(
        state,
        Action::EditStay(0, StayField::Coordinates, "21.698, 100.031".into()),
    );
    let Some(Request::ReadPaste { id, stay: 0, text }) = state.outbox.last().cloned() else {
        panic!("the paste is sent to the engine: {:?}", state.outbox.last());
    };
    let reply = (local_engine().handle)(Request::ReadPaste { id, stay: 0, text });
    let Reply::PasteRead { stay, text, point } = reply else {
        panic!()
    };
    let read = |stay, text, point| Action::Reply(Reply::PasteRead { stay, text, point });
    // Typed on before the answer came: the answer is for an older text and fills nothing.
    let typed_on = reduce(
        state.clone(),
        Action::EditStay(0, StayField::Coordinates, "21.698, 100.0".into()),
    );
    let typed_on = reduce(typed_on, read(stay, text.clone(), point.clone()));
    assert_eq!(typed_on.draft.stays[0].lat, "");
    state = reduce(state, read(stay, text, point));
    assert_eq!(state.draft.stays[0].lat, "21.698");
    assert_eq!(state.draft.stays[0].lon, "100.031");
}

#[wasm_bindgen_test]
fn typing_asks_for_suggestions_once_per_text() {
    let mut state = Rc::new(State::default());
    state = reduce(state, Action::Next);
    let before = state.outbox.len();
    state = reduce(state, Action::EditStay(0, StayField::Place, "daluo".into()));
    state = reduce(state, Action::EditStay(0, StayField::Place, "daluo".into()));
    let asked: Vec<_> = state.outbox[before..]
        .iter()
        .filter(|r| matches!(r, Request::Suggest { query, .. } if query == "daluo"))
        .collect();
    assert_eq!(asked.len(), 1);
}

#[wasm_bindgen_test]
fn data_that_fails_to_load_is_said_in_the_users_language_and_screening_says_so_too() {
    let mut state = Rc::new(State::default());
    state = reduce(
        state,
        Action::Reply(Reply::LoadFailed("data/regions.geojson: HTTP 404".into())),
    );
    let error = state.error.clone().expect("an error").message;
    assert!(error.contains("数据加载失败"), "{error}");
    assert!(error.contains("regions.geojson: HTTP 404"), "{error}");
    state = reduce(state, Action::Next);
    let asked = state.outbox.len();
    state = reduce(state, Action::Run);
    assert_eq!(
        state.outbox.len(),
        asked,
        "nothing is sent to an engine without data"
    );
    assert!(
        state
            .error
            .clone()
            .is_some_and(|e| e.message.contains("数据加载失败"))
    );
}

// The engine writes a picked case file in the shape of the page's saved draft (the page links no
// case-file decoder): every field lands in its input, a point as typed coordinates.
#[wasm_bindgen_test]
fn a_picked_case_file_fills_the_form() {
    let mut state = Rc::new(State::default());
    state = reduce(
        state,
        Action::ReadCase(
            r#"{"version":1,"frozen_on":"2019-10-02","platforms":["wechat","alipay"],"freeze_message":"通报封停","stays":[{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05","note":"出差"},{"lat":21.698,"lon":100.031,"datum":"gcj02","from":"2019-09-06","to":"2019-09-06"}],"person":{"name":"张三"}}"#
                .into(),
        ),
    );
    let Some(Request::ReadCase { id, text, lang }) = state.outbox.last().cloned() else {
        panic!("the file is sent to the engine: {:?}", state.outbox.last());
    };
    state = reduce(
        state,
        Action::Reply((local_engine().handle)(Request::ReadCase {
            id,
            text,
            lang,
        })),
    );
    assert!(state.error.is_none(), "{:?}", state.error);
    let draft = &state.draft;
    assert_eq!(draft.platforms.len(), 2);
    assert_eq!(draft.message, "通报封停");
    assert_eq!(draft.frozen_on, "2019-10-02");
    assert_eq!(draft.person.name.as_deref(), Some("张三"));
    assert_eq!(draft.stays.len(), 2);
    let (place, point) = (&draft.stays[0], &draft.stays[1]);
    assert_eq!(
        (
            place.mode,
            place.place.as_str(),
            place.from.as_str(),
            place.note.as_str()
        ),
        (StayMode::Place, "打洛镇", "2019-09-03", "出差")
    );
    assert_eq!(
        (
            point.mode,
            point.lat.as_str(),
            point.lon.as_str(),
            point.datum.as_str()
        ),
        (StayMode::Coordinates, "21.698", "100.031", "gcj02")
    );
    // A file with an unknown platform is refused, naming the field.
    let mut state = Rc::new(State::default());
    state = reduce(
        state,
        Action::ReadCase(r#"{"version":1,"platforms":["myspace"],"stays":[]}"#.into()),
    );
    let Some(Request::ReadCase { id, text, lang }) = state.outbox.last().cloned() else {
        panic!("the file is sent to the engine");
    };
    state = reduce(
        state,
        Action::Reply((local_engine().handle)(Request::ReadCase {
            id,
            text,
            lang,
        })),
    );
    let error = state.error.clone().expect("an error");
    assert_eq!(error.field.as_deref(), Some("platforms[0]"));
    assert_eq!(state.draft.stays.len(), 1, "the draft keeps its one stay");
}

// ---- zh-TW, in Taiwan usage ----------------------------------------------------------------------

/// Characters that only simplified Chinese writes (their traditional forms differ): none may
/// appear in a zh-TW text.
const SIMPLIFIED_ONLY: &str =
    "边这们话电请关时联号码询问给对为发过还会说让认证设计书读应从网页务办资数据载";

fn assert_traditional(what: &str, text: &str) {
    let found: String = text
        .chars()
        .filter(|c| SIMPLIFIED_ONLY.contains(*c))
        .collect();
    assert!(
        found.is_empty(),
        "{what} has simplified characters {found:?}: {text}"
    );
}

fn text_of(root: &Element, id: &str) -> String {
    by_testid(root, id)
        .unwrap_or_else(|| panic!("no {id}"))
        .text_content()
        .unwrap_or_default()
}

/// The result's first screen (step 3) for the 2019 border story, in zh-TW.
#[wasm_bindgen_test]
async fn the_result_at_a_glance_reads_in_taiwan_usage() {
    let screening = screening_in(
        r#"{"version":1,"platforms":["wechat","qq"],"freeze_message":"该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。","stays":[{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"}]}"#,
        Lang::ZhTw,
    );
    let mut initial = State::default();
    initial.lang = Lang::ZhTw;
    let (root, _) = mount_in_host(initial, html! { <GlanceView {screening} /> }).await;
    assert_eq!(text_of(&root, "verdict"), "很可能與邊境地區封停有關");
    let confidence = text_of(&root, "confidence");
    assert_eq!(confidence, "●●● 判斷的把握：較大");
    let clue = text_of(&root, "clue");
    assert!(clue.contains("打洛"), "{clue}");
    assert!(clue.contains("公里"), "{clue}");
    assert_traditional("the clue", &clue);
    let action = text_of(&root, "primary-action");
    assert!(action.starts_with("下一步："), "{action}");
    assert_traditional("the primary action", &action);
    assert_eq!(
        by_testid(&root, "primary-action")
            .and_then(|a| a.get_attribute("data-kind"))
            .as_deref(),
        Some("hotline")
    );
}

/// A date that does not exist, caught by the engine, shown in the error area in zh-TW, naming
/// its field.
#[wasm_bindgen_test]
async fn an_impossible_date_is_explained_in_taiwan_usage() {
    let mut state = Rc::new(State::default());
    state = reduce(state, Action::SetLang(Lang::ZhTw));
    state = reduce(state, Action::Next);
    state = reduce(
        state,
        Action::EditStay(0, StayField::Place, "打洛镇".into()),
    );
    state = reduce(
        state,
        Action::EditStay(0, StayField::From, "2019-02-30".into()),
    );
    state = reduce(
        state,
        Action::EditStay(0, StayField::To, "2019-03-02".into()),
    );
    state = reduce(state, Action::Run);
    let Some(request @ Request::Screen { lang, .. }) = state.outbox.last().cloned() else {
        panic!("a screening is asked for: {:?}", state.outbox.last());
    };
    assert_eq!(lang, Lang::ZhTw, "the engine is asked in zh-TW");
    state = reduce(state, Action::Reply((local_engine().handle)(request)));
    let (root, _) = mount_in_host((*state).clone(), html! { <ErrorBanner /> }).await;
    let error = by_testid(&root, "error").expect("the error area");
    let shown = error.text_content().unwrap_or_default();
    // A well-formed day that does not exist is named as such, with what to check.
    assert_eq!(
        shown,
        "第 1 段停留的開始日期：「2019-02-30」這一天不存在，請核對月份和日期。"
    );
    assert_eq!(
        error.get_attribute("data-field").as_deref(),
        Some("stays[0].from")
    );
    assert_traditional("the error", &shown);
    assert!(!error.has_attribute("hidden"), "the error is shown");
}

/// A coordinate that is not a number, caught in the page before anything is sent, in zh-TW.
#[wasm_bindgen_test]
async fn a_bad_coordinate_is_explained_in_taiwan_usage() {
    let mut state = Rc::new(State::default());
    state = reduce(state, Action::SetLang(Lang::ZhTw));
    state = reduce(state, Action::Next);
    state = reduce(state, Action::SetStayMode(0, StayMode::Coordinates));
    state = reduce(state, Action::EditStay(0, StayField::Lat, "21.7abc".into()));
    state = reduce(state, Action::EditStay(0, StayField::Lon, "100.03".into()));
    state = reduce(state, Action::Run);
    let (root, _) = mount_in_host((*state).clone(), html! { <ErrorBanner /> }).await;
    let shown = text_of(&root, "error");
    assert!(shown.contains("21.7abc"), "{shown}");
    assert!(shown.contains("緯度"), "{shown}");
    assert_traditional("the error", &shown);
}
