//! Real stories against the shipped data, each with the verdict a careful human would give.

use geo::{Distance, Haversine, Point};
use prescreen_core::case::CaseFile;
use prescreen_core::data::{DataSet, SHIPPED};
use prescreen_core::datum::wgs84_to_gcj02;
use prescreen_core::i18n::Lang;
use prescreen_core::screening::Relation;
use prescreen_core::verdict::{CauseKind, Screening, Verdict, check};

const OFFICE_MESSAGE: &str =
    "该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。";

/// Loaded once: building the region indexes is the slow part in a debug build.
fn shipped() -> &'static DataSet {
    static DATA: std::sync::OnceLock<DataSet> = std::sync::OnceLock::new();
    DATA.get_or_init(load)
}

fn load() -> DataSet {
    DataSet::load(&SHIPPED).expect("shipped data loads")
}

fn screen(json: &str) -> Screening {
    let case = CaseFile::from_json(json)
        .and_then(|f| f.validate())
        .unwrap_or_else(|e| panic!("{e}"));
    check(&case, shipped(), Lang::ZhCn).unwrap_or_else(|e| panic!("{e}"))
}

fn case(platforms: &str, message: Option<&str>, stays: &str) -> String {
    let message = message.map_or(String::new(), |m| format!(r#""freeze_message":"{m}","#));
    format!(
        r#"{{"version":1,"frozen_on":"2019-10-14","platforms":[{platforms}],{message}"stays":[{stays}]}}"#
    )
}

#[test]
fn the_daluo_company_trip_six_weeks_before_with_the_office_message_is_likely() {
    let s = screen(&case(
        r#""wechat","qq""#,
        Some(OFFICE_MESSAGE),
        r#"{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05","note":"company trip"}"#,
    ));
    assert_eq!(s.verdict, Verdict::Likely);
    assert_eq!(s.cause.kind, CauseKind::BorderAreaFreeze);
    assert_eq!(s.cause.event.as_deref(), Some("2019-10-14-mm-border"));
    let f = s
        .findings
        .iter()
        .find(|f| f.event == "2019-10-14-mm-border")
        .expect("finding");
    assert_eq!(f.region, "mong-la");
    assert_eq!(
        f.relation,
        Relation::BorderZone,
        "打洛 is in China, next to Mong La"
    );
    assert!(f.in_window);
    assert!(f.distance_km < 1.0 && f.distance_max_km < 10.0, "{f:?}");
    assert!(f.why.contains("不代表你去过那里"), "{}", f.why);
    assert!(s.channels.iter().any(|c| c.id == "puer-police-station"));
    assert!(s.explanation.iter().any(|l| l.contains("不能保证解封")));
}

#[test]
fn the_same_trip_without_a_message_is_possible() {
    let s = screen(&case(
        "",
        None,
        r#"{"place":"Daluo","from":"2019-09-03","to":"2019-09-05"}"#,
    ));
    assert_eq!(s.verdict, Verdict::Possible);
    assert_eq!(s.cause.kind, CauseKind::BorderAreaFreeze);
}

#[test]
fn a_stay_in_mong_la_itself_is_likely() {
    let s = screen(&case(
        r#""wechat""#,
        None,
        r#"{"place":"小勐拉","from":"2019-10-01","to":"2019-10-03"}"#,
    ));
    assert_eq!(s.findings[0].relation, Relation::Inside);
    assert_eq!(s.verdict, Verdict::Likely);
}

#[test]
fn a_kunming_only_trip_finds_nothing() {
    let s = screen(&case(
        r#""wechat""#,
        None,
        r#"{"place":"昆明","from":"2019-09-03","to":"2019-09-08"}"#,
    ));
    assert!(s.findings.iter().all(|f| f.relation == Relation::Far));
    assert_eq!(s.verdict, Verdict::None);
    assert_eq!(s.cause.kind, CauseKind::Unknown);
}

#[test]
fn a_border_stay_far_outside_the_window_does_not_count() {
    let s = screen(&case(
        r#""wechat""#,
        None,
        r#"{"place":"打洛镇","from":"2019-03-01","to":"2019-03-05"}"#,
    ));
    assert!(!s.findings[0].in_window);
    assert_eq!(s.verdict, Verdict::None);
}

#[test]
fn gcj02_coordinates_give_the_same_verdict_as_the_named_place() {
    let named = screen(&case(
        "",
        None,
        r#"{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"}"#,
    ));
    // The town's point as AMap would show it: shifted by a few hundred metres.
    let (lat, lon) = wgs84_to_gcj02(21.6960, 100.0340);
    let pasted = screen(&case(
        "",
        None,
        &format!(
            r#"{{"lat":{lat},"lon":{lon},"datum":"gcj02","from":"2019-09-03","to":"2019-09-05"}}"#
        ),
    ));
    assert_eq!(pasted.verdict, named.verdict);
    assert_eq!(pasted.findings[0].relation, named.findings[0].relation);
    // The point screened is the WGS-84 original, to well under a metre (1e-5° ≈ 1 m).
    assert!((pasted.findings[0].lat - 21.6960).abs() < 1e-5);
    assert!((pasted.findings[0].lon - 100.0340).abs() < 1e-5);
    // Read as WGS-84 by mistake, the same numbers land elsewhere: the point is screened as typed,
    // hundreds of metres from the true one.
    let wrong = screen(&case(
        "",
        None,
        &format!(r#"{{"lat":{lat},"lon":{lon},"from":"2019-09-03","to":"2019-09-05"}}"#),
    ));
    let w = &wrong.findings[0];
    // (Equal to the last bit or two: the numbers went through the case file's JSON.)
    assert!(
        (w.lat - lat).abs() < 1e-12 && (w.lon - lon).abs() < 1e-12,
        "{w:?}"
    );
    let metres = Haversine.distance(Point::new(w.lon, w.lat), Point::new(100.0340, 21.6960));
    assert!(metres > 300.0, "only {metres:.0} m from the true point");
}

#[test]
fn a_qq_permanent_freeze_message_wins_over_a_weak_border_hint() {
    let s = screen(&case(
        r#""qq""#,
        Some("你的QQ号码因违反《QQ号码规则》已被永久冻结"),
        r#"{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"}"#,
    ));
    assert_eq!(s.cause.kind, CauseKind::PlatformViolation);
    assert_eq!(s.verdict, Verdict::Unlikely);
    assert!(
        s.explanation.iter().any(|l| l.contains("指向别的原因")),
        "{:?}",
        s.explanation
    );
}

#[test]
fn the_office_message_without_a_border_stay_asks_for_forgotten_stays() {
    let s = screen(&case(
        r#""wechat""#,
        Some(OFFICE_MESSAGE),
        r#"{"place":"昆明","from":"2019-09-03","to":"2019-09-08"}"#,
    ));
    assert_eq!(s.verdict, Verdict::Possible);
    assert_eq!(s.cause.kind, CauseKind::BorderAreaFreeze);
    assert!(
        s.explanation.iter().any(|l| l.contains("漏填")),
        "{:?}",
        s.explanation
    );
}

#[test]
fn a_frozen_phone_number_is_not_explained_by_the_account_freeze() {
    let s = screen(&case(
        r#""phone""#,
        None,
        r#"{"place":"小勐拉","from":"2019-10-01","to":"2019-10-03"}"#,
    ));
    assert_eq!(s.verdict, Verdict::Unlikely);
}

#[test]
fn a_payee_warning_is_not_a_freeze_of_ones_own_account() {
    let s = screen(&case(
        r#""wechat""#,
        Some("对方账户存在异常，为保障资金安全，请勿向对方付款"),
        r#"{"place":"昆明","from":"2019-09-03","to":"2019-09-08"}"#,
    ));
    assert_eq!(s.cause.kind, CauseKind::NotAFreeze);
    assert_eq!(s.verdict, Verdict::None);
}

#[test]
fn a_stay_near_a_region_no_source_confirms_counts_less() {
    // Ruili faces Muse, a secondary candidate marked unverified.
    let s = screen(&case(
        r#""wechat""#,
        None,
        r#"{"place":"瑞丽","from":"2019-09-03","to":"2019-09-05"}"#,
    ));
    let f = &s.findings[0];
    assert_eq!(f.region, "muse");
    assert!(f.strength() < 2, "{f:?}");
    assert!(s.verdict <= Verdict::Unlikely);
}

#[test]
fn homonyms_ask_which_one() {
    let case = CaseFile::from_json(
        r#"{"version":1,"stays":[{"place":"老街","from":"2019-09-03","to":"2019-09-05"}]}"#,
    )
    .and_then(|f| f.validate())
    .expect("valid");
    let err = check(&case, shipped(), Lang::ZhCn).expect_err("ambiguous");
    let message = err.message(Lang::ZhCn);
    assert!(
        message.contains("MM") && message.contains("VN"),
        "{message}"
    );
}
