//! The result at a glance (issue 20): the confidence in words and dots and the strongest clue in
//! one sentence, as the first screen of the result shows them, for the 2019 border story, a bank
//! freeze by the police and a flagged phone number, in the three languages.

use prescreen_core::case::CaseFile;
use prescreen_core::data::{DataSet, SHIPPED};
use prescreen_core::i18n::Lang;
use prescreen_core::verdict::{CauseKind, Screening, check};

fn shipped() -> &'static DataSet {
    static DATA: std::sync::OnceLock<DataSet> = std::sync::OnceLock::new();
    DATA.get_or_init(|| DataSet::load(&SHIPPED).expect("shipped data loads"))
}

fn screen(platforms: &str, message: &str, stay: &str, lang: Lang) -> Screening {
    let json = format!(
        r#"{{"version":1,"today":"2026-12-03","platforms":[{platforms}],"freeze_message":"{message}","stays":[{stay}]}}"#
    );
    let case = CaseFile::from_json(&json)
        .and_then(|f| f.validate())
        .unwrap_or_else(|e| panic!("{e}"));
    check(&case, shipped(), lang).unwrap_or_else(|e| panic!("{e}"))
}

const DALUO: &str = r#"{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"}"#;
const OFFICE: &str =
    "该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。";

#[test]
fn the_border_story_clue_names_place_distance_range_and_dates() {
    for (lang, words, region) in [
        (Lang::ZhCn, "较大", "小勐拉"),
        (Lang::ZhTw, "較大", "小勐拉"),
        (Lang::En, "fairly high", "Mong La"),
    ] {
        let s = screen(r#""wechat","qq""#, OFFICE, DALUO, lang);
        assert_eq!(s.cause.kind, CauseKind::BorderAreaFreeze);
        assert_eq!(s.glance.dots, 3, "likely: three dots");
        assert!(
            s.glance.confidence.ends_with(words),
            "{}",
            s.glance.confidence
        );
        let clue = s.glance.clue.expect("a clue");
        assert!(clue.starts_with("打洛"), "{clue}");
        assert!(clue.contains(region), "{clue}");
        // A place with an extent: a distance range, not a dot's distance.
        assert!(clue.contains('–'), "{clue}");
        assert!(
            clue.contains("2019-09-03") && clue.contains("2019-09-05"),
            "{clue}"
        );
        // One sentence.
        assert_eq!(clue.matches(['。', '.']).count(), 1, "{clue}");
    }
}

#[test]
fn a_police_freeze_clue_is_the_message_and_the_trip_stays_secondary() {
    let s = screen(
        r#""bank""#,
        "您的账户已被公安机关冻结，如有疑问请联系冻结机关。",
        r#"{"place":"景洪","from":"2023-05-01","to":"2023-05-03"}"#,
        Lang::ZhCn,
    );
    assert_eq!(s.cause.kind, CauseKind::FundsFrozenByAuthority);
    let clue = s.glance.clue.expect("a clue");
    assert!(clue.contains("公安"), "{clue}");
    assert!(
        !clue.contains("景洪"),
        "the trip is not the strongest clue: {clue}"
    );
    assert!(s.border_line.is_some());
    assert!((1..=3).contains(&s.glance.dots));
}

#[test]
fn a_flagged_number_clue_is_the_message_in_each_language() {
    for (lang, word) in [
        (Lang::ZhCn, "手机号"),
        (Lang::ZhTw, "手機號碼"),
        (Lang::En, "Phone number"),
    ] {
        let s = screen(
            r#""phone""#,
            "您的号码存在涉诈风险，已暂停服务，请到营业厅进行二次实人认证。",
            r#"{"place":"景洪","from":"2023-05-01","to":"2023-05-03"}"#,
            lang,
        );
        assert_eq!(s.cause.kind, CauseKind::PhoneNumberFlagged);
        let clue = s.glance.clue.expect("a clue");
        assert!(clue.contains(word), "{clue}");
        assert_eq!(
            s.documents.first().map(|d| d.kind.as_str()),
            Some("carrier-counter")
        );
    }
}

#[test]
fn no_stay_and_no_message_has_no_clue_and_no_dots() {
    let json = r#"{"version":1,"today":"2026-12-03"}"#;
    let case = CaseFile::from_json(json)
        .and_then(|f| f.validate())
        .unwrap();
    let s = check(&case, shipped(), Lang::En).unwrap();
    assert_eq!(s.glance.dots, 0);
    assert_eq!(s.glance.clue, None);
    assert!(s.glance.confidence.contains("no clue"));
}
