//! Real stories after 2019 against the shipped data: stays related to the places of later
//! location-linked measures (data/inputs/events.json `places`), each with the answer a careful
//! human would give. None of them may disturb the 2019 border-area verdict.

use prescreen_core::case::CaseFile;
use prescreen_core::data::{DataSet, SHIPPED};
use prescreen_core::i18n::Lang;
use prescreen_core::screening::{Finding, Relation};
use prescreen_core::verdict::{CauseKind, Screening, Verdict, check};

const YUNNAN_2021: &str = "2021-11-yunnan-tourist-numbers";
const NOTICE_2021: &str = "2021-06-miit-mps-card-reverification";
const CARRIER_SMS: &str =
    "您的号码存在涉诈风险，已暂停服务，请本人携带身份证到营业厅进行二次实人认证。";

fn shipped() -> &'static DataSet {
    static DATA: std::sync::OnceLock<DataSet> = std::sync::OnceLock::new();
    DATA.get_or_init(|| DataSet::load(&SHIPPED).expect("shipped data loads"))
}

fn screen_in(json: &str, lang: Lang) -> Screening {
    let case = CaseFile::from_json(json)
        .and_then(|f| f.validate())
        .unwrap_or_else(|e| panic!("{e}"));
    check(&case, shipped(), lang).unwrap_or_else(|e| panic!("{e}"))
}

fn screen(json: &str) -> Screening {
    screen_in(json, Lang::ZhCn)
}

fn case(today: &str, platforms: &str, message: Option<&str>, stays: &str) -> String {
    let message = message.map_or(String::new(), |m| format!(r#""freeze_message":"{m}","#));
    format!(
        r#"{{"version":1,"today":"{today}","platforms":[{platforms}],{message}"stays":[{stays}]}}"#
    )
}

fn later<'a>(s: &'a Screening, event: &str) -> Vec<&'a Finding> {
    s.findings.iter().filter(|f| f.event == event).collect()
}

/// 2021-11: three friends visit 临沧 from 11-07; one number is stopped ("at first thought the
/// card was broken"). No SMS text kept. The stay fits the reported 2021 stops: the number is
/// the cause, at one dot, worded as a report, and the documents are the carrier's and 96110.
#[test]
fn a_lincang_trip_in_november_2021_with_a_stopped_number_points_at_the_reported_stops() {
    let s = screen(&case(
        "2021-12-01",
        r#""phone""#,
        None,
        r#"{"place":"临沧","from":"2021-11-07","to":"2021-11-09"}"#,
    ));
    assert_eq!(
        s.verdict,
        Verdict::None,
        "nothing to do with the 2019 freeze"
    );
    assert_eq!(s.cause.kind, CauseKind::PhoneNumberFlagged);
    assert_eq!(s.cause.event.as_deref(), Some(YUNNAN_2021));
    assert_eq!(s.cause.confidence, 0.25, "an unverified report: one dot");
    assert_eq!(s.glance.dots, 1);
    let found = later(&s, YUNNAN_2021);
    assert_eq!(found.len(), 1, "{:?}", s.findings);
    let f = found[0];
    assert_eq!(
        (f.region.as_str(), f.relation),
        ("云南省/临沧市", Relation::Inside)
    );
    assert_eq!(
        (f.window_from.as_str(), f.window_to.as_deref()),
        ("2021-10-25", Some("2021-11-30"))
    );
    assert!(
        f.why.contains("未经核实") && f.why.contains("不能证明"),
        "{}",
        f.why
    );
    assert!(
        f.sources.iter().any(|u| u.contains("cwyan.com")),
        "{:?}",
        f.sources
    );
    assert!(
        s.glance.clue.as_deref().is_some_and(|c| c.contains("临沧")),
        "{:?}",
        s.glance.clue
    );
    let kinds: Vec<&str> = s.documents.iter().map(|d| d.kind.as_str()).collect();
    assert_eq!(kinds.first(), Some(&"carrier-counter"), "{kinds:?}");
    assert!(kinds.contains(&"call-96110"), "{kinds:?}");
    assert!(
        !kinds.contains(&"hotline"),
        "not the 2019 Pu'er hotline: {kinds:?}"
    );
    assert!(
        s.channels.iter().any(|c| c.id == "96110"),
        "{:?}",
        s.channels
    );
    assert!(
        s.explanation
            .iter()
            .any(|e| e.contains("线索") && e.contains("不是结论")),
        "{:?}",
        s.explanation
    );
}

/// The same trip, but the person asks about WeChat only: the finding is listed, but a report of
/// stopped *numbers* does not become the cause of a WeChat freeze.
#[test]
fn the_same_trip_about_wechat_lists_the_finding_but_claims_no_cause() {
    let s = screen(&case(
        "2021-12-01",
        r#""wechat""#,
        None,
        r#"{"place":"耿马县","from":"2021-11-20","to":"2021-11-22"}"#,
    ));
    assert_eq!(later(&s, YUNNAN_2021).len(), 1, "耿马 is in 临沧");
    assert_eq!(s.cause.kind, CauseKind::Unknown);
    assert_eq!(s.cause.event, None);
    assert_eq!(s.verdict, Verdict::None);
}

/// The window of a month-only report is the month and the week before it, both ends included.
#[test]
fn the_2021_window_ends_are_inclusive_and_december_is_outside() {
    let at = |from: &str, to: &str| {
        let stay = format!(r#"{{"place":"景洪","from":"{from}","to":"{to}"}}"#);
        later(
            &screen(&case("2022-01-10", r#""phone""#, None, &stay)),
            YUNNAN_2021,
        )
        .len()
    };
    assert_eq!(
        at("2021-10-20", "2021-10-25"),
        1,
        "ends on the window's first day"
    );
    assert_eq!(at("2021-10-20", "2021-10-24"), 0, "ends the day before");
    assert_eq!(at("2021-11-30", "2021-12-02"), 1, "starts on its last day");
    assert_eq!(at("2021-12-01", "2021-12-05"), 0, "December: outside");
}

/// "云南" names the province, which contains 临沧 but says nothing about being there: the
/// finding says "may have been", and an unverified "may" is too weak to be a cause.
#[test]
fn a_stay_named_only_as_the_province_is_near_and_decides_nothing() {
    let s = screen(&case(
        "2021-12-01",
        r#""phone""#,
        None,
        r#"{"place":"云南省","from":"2021-11-10","to":"2021-11-12"}"#,
    ));
    let found = later(&s, YUNNAN_2021);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].relation, Relation::Near);
    assert!(
        found[0].why.contains("看不出你是否到过"),
        "{}",
        found[0].why
    );
    assert_eq!(s.cause.kind, CauseKind::Unknown, "too weak to be a cause");
}

/// Coordinates in 耿马 (临沧) from a map app: no prefecture polygons exist, so the nearest
/// gazetteer place decides, and the finding names it.
#[test]
fn coordinates_in_lincang_are_matched_by_the_nearest_known_place() {
    let s = screen(&case(
        "2021-12-01",
        r#""phone""#,
        None,
        r#"{"lat":23.53,"lon":99.40,"from":"2021-11-08","to":"2021-11-08"}"#,
    ));
    let found = later(&s, YUNNAN_2021);
    assert_eq!(found.len(), 1, "{:?}", s.findings);
    assert_eq!(found[0].region, "云南省/临沧市");
    assert!(
        found[0].why.contains("按最近的已知地点"),
        "{}",
        found[0].why
    );
}

/// 2025: a worker comes back from Sihanoukville and Phnom Penh; the carrier's SMS asks for a
/// second real-person check. The message is the cause; the stays add a clue that says it is
/// our reading of the 2021 notice, and the confidence stays the message's.
#[test]
fn a_cambodia_worker_back_in_2025_gets_the_2021_notice_as_a_clue_not_a_stronger_cause() {
    let stays = r#"{"place":"西港","from":"2025-03-01","to":"2025-07-20"},{"lat":11.5625,"lon":104.916,"from":"2025-07-21","to":"2025-07-25"}"#;
    let with = screen(&case("2025-08-01", r#""phone""#, Some(CARRIER_SMS), stays));
    let without = screen(&case("2025-08-01", r#""phone""#, Some(CARRIER_SMS), ""));
    assert_eq!(with.cause.kind, CauseKind::PhoneNumberFlagged);
    assert_eq!(
        with.cause.confidence, without.cause.confidence,
        "a reading adds no weight"
    );
    let found = later(&with, NOTICE_2021);
    assert_eq!(found.len(), 2, "the named town and the coordinates");
    assert!(
        found
            .iter()
            .all(|f| f.region == "KH" && f.relation == Relation::Inside)
    );
    assert!(found[0].why.contains("我们的推断"), "{}", found[0].why);
    assert_eq!(found[0].window_to, None, "the notice is ongoing");
    assert!(
        with.explanation
            .iter()
            .any(|e| e.starts_with("另有一条线索") && e.contains("西哈努克")),
        "{:?}",
        with.explanation
    );
    let tw = screen_in(
        &case("2025-08-01", r#""phone""#, Some(CARRIER_SMS), stays),
        Lang::ZhTw,
    );
    assert!(later(&tw, NOTICE_2021)[0].why.contains("我們的推斷"));
    let en = screen_in(
        &case("2025-08-01", r#""phone""#, Some(CARRIER_SMS), stays),
        Lang::En,
    );
    assert!(later(&en, NOTICE_2021)[0].why.contains("our own inference"));
    assert!(later(&en, NOTICE_2021)[0].why.contains("Cambodia"));
}

/// 2019: the Daluo company trip is unchanged: its findings are the 2019 freeze's only (later
/// events' windows open in 2021), and the verdict is still "likely".
#[test]
fn the_2019_daluo_trip_is_unchanged_by_later_events() {
    let s = screen(
        r#"{"version":1,"frozen_on":"2019-10-14","platforms":["wechat","qq"],"freeze_message":"该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。","stays":[{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"}]}"#,
    );
    assert_eq!(s.verdict, Verdict::Likely);
    assert_eq!(s.cause.event.as_deref(), Some("2019-10-14-mm-border"));
    assert!(
        s.findings.iter().all(|f| f.event == "2019-10-14-mm-border"),
        "{:?}",
        s.findings
    );
}

/// 打洛 in 2022, a kilometre from Myanmar: in China, so not "inside Myanmar" for the 2021 notice
/// (a phone there may roam, but no source reports cards flagged for it after 2019).
#[test]
fn daluo_in_2022_is_not_inside_myanmar() {
    for stay in [
        r#"{"place":"打洛镇","from":"2022-03-01","to":"2022-03-03"}"#,
        r#"{"lat":21.696,"lon":100.034,"from":"2022-03-01","to":"2022-03-03"}"#,
    ] {
        let s = screen(&case("2022-04-01", r#""phone""#, None, stay));
        assert!(
            later(&s, NOTICE_2021).is_empty(),
            "{stay}: {:?}",
            s.findings
        );
    }
    // Across the river, in Mong La, it is.
    let s = screen(&case(
        "2022-04-01",
        r#""phone""#,
        None,
        r#"{"place":"小勐拉","from":"2022-03-01","to":"2022-03-03"}"#,
    ));
    assert_eq!(later(&s, NOTICE_2021).len(), 1);
}

/// Nepal, 2025: the one reported roaming shutdown is a note, not a place (the carrier blamed its
/// risk model, not Nepal), so a stay in Kathmandu gets no finding from any later event.
#[test]
fn a_nepal_trip_in_2025_gets_no_later_finding() {
    let s = screen(&case(
        "2025-10-10",
        r#""phone""#,
        None,
        r#"{"lat":27.7172,"lon":85.324,"from":"2025-09-10","to":"2025-09-25"}"#,
    ));
    assert!(
        s.findings.iter().all(|f| f.event == "2019-10-14-mm-border"),
        "{:?}",
        s.findings
    );
    assert_eq!(s.cause.kind, CauseKind::Unknown);
}
