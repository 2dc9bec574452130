//! The screening rules on a synthetic square region (0..1° × 0..1°), so each rule's edge can be
//! placed exactly. At the equator 1° of longitude is 111.2 km.

use prescreen_core::case::CaseFile;
use prescreen_core::data::{DataSet, ShippedTexts};
use prescreen_core::i18n::Lang;
use prescreen_core::screening::Relation;
use prescreen_core::verdict::{CauseKind, Verdict, check};

fn fixture() -> DataSet {
    DataSet::load(&ShippedTexts {
        places: include_str!("fixtures/places.json"),
        events: include_str!("fixtures/events.json"),
        regions: include_str!("fixtures/regions.geojson"),
        guidance: None,
    })
    .expect("fixtures load")
}

fn screen(case_json: &str) -> prescreen_core::verdict::Screening {
    let case = CaseFile::from_json(case_json)
        .and_then(|f| f.validate())
        .expect("valid case");
    check(&case, &fixture(), Lang::En).expect("screens")
}

fn one_stay(stay: &str) -> String {
    format!(r#"{{"version":1,"stays":[{stay}]}}"#)
}

#[test]
fn a_stay_inside_the_region_in_the_window_is_likely() {
    let s = screen(&one_stay(
        r#"{"place":"里面镇","from":"2019-09-03","to":"2019-09-05"}"#,
    ));
    assert_eq!(s.findings[0].relation, Relation::Inside);
    assert!(s.findings[0].in_window);
    assert_eq!(s.verdict, Verdict::Likely);
    assert_eq!(s.cause.kind, CauseKind::BorderAreaFreeze);
    assert_eq!(s.cause.event.as_deref(), Some("fixture-freeze"));
}

#[test]
fn a_point_on_the_edge_counts_as_inside() {
    let s = screen(&one_stay(
        r#"{"lat":0.5,"lon":1.0,"from":"2019-09-03","to":"2019-09-05"}"#,
    ));
    assert_eq!(s.findings[0].relation, Relation::Inside);
    assert_eq!(s.findings[0].distance_km, 0.0);
}

#[test]
fn a_place_with_an_extent_reports_the_nearest_and_farthest_distance() {
    // Edge Town's centre is 0.03° ≈ 3.3 km east of the edge, with a 2 km radius.
    let s = screen(&one_stay(
        r#"{"place":"边上镇","from":"2019-10-01","to":"2019-10-02"}"#,
    ));
    let f = &s.findings[0];
    assert_eq!(f.relation, Relation::BorderZone);
    assert!((f.distance_km - 1.3).abs() < 0.15, "{}", f.distance_km);
    assert!(
        (f.distance_max_km - 5.3).abs() < 0.15,
        "{}",
        f.distance_max_km
    );
    assert!(
        f.why.contains("depending on where in the place"),
        "{}",
        f.why
    );
    assert!(f.why.contains("does not mean you were there"), "{}", f.why);
    assert_eq!(s.verdict, Verdict::Possible);
}

#[test]
fn border_zone_and_near_thresholds_come_from_the_event() {
    // 0.08° ≈ 8.9 km: border zone; 0.2° ≈ 22 km: near; 0.5° ≈ 56 km: far.
    for (lon, relation) in [
        (1.08, Relation::BorderZone),
        (1.2, Relation::Near),
        (1.5, Relation::Far),
    ] {
        let s = screen(&one_stay(&format!(
            r#"{{"lat":0.5,"lon":{lon},"from":"2019-09-03","to":"2019-09-05"}}"#
        )));
        assert_eq!(s.findings[0].relation, relation, "lon {lon}");
    }
}

#[test]
fn a_stay_outside_the_look_back_window_does_not_count() {
    // The window is 2019-08-15 ..= 2019-10-14.
    let before = screen(&one_stay(
        r#"{"place":"里面镇","from":"2019-08-01","to":"2019-08-14"}"#,
    ));
    assert!(!before.findings[0].in_window);
    assert_eq!(before.verdict, Verdict::None);
    assert!(
        before.findings[0]
            .why
            .contains("outside the freeze's look-back window")
    );
    let after = screen(&one_stay(
        r#"{"place":"里面镇","from":"2019-10-15","to":"2019-10-20"}"#,
    ));
    assert_eq!(after.verdict, Verdict::None);
    // Touching either end of the window counts.
    let first_day = screen(&one_stay(
        r#"{"place":"里面镇","from":"2019-08-01","to":"2019-08-15"}"#,
    ));
    assert_eq!(first_day.verdict, Verdict::Likely);
    let last_day = screen(&one_stay(
        r#"{"place":"里面镇","from":"2019-10-14","to":"2019-10-30"}"#,
    ));
    assert_eq!(last_day.verdict, Verdict::Likely);
}

#[test]
fn the_strongest_finding_decides_the_verdict() {
    let s = screen(
        r#"{"version":1,"stays":[
            {"place":"远方市","from":"2019-09-01","to":"2019-09-02"},
            {"place":"边上镇","from":"2019-09-03","to":"2019-09-05"}]}"#,
    );
    assert_eq!(s.findings.len(), 2);
    assert_eq!(s.findings[0].relation, Relation::Far);
    assert_eq!(s.verdict, Verdict::Possible);
}

#[test]
fn a_far_trip_finds_nothing() {
    let s = screen(&one_stay(
        r#"{"place":"Farcity","from":"2019-09-03","to":"2019-09-05"}"#,
    ));
    assert_eq!(s.findings[0].relation, Relation::Far);
    assert_eq!(s.verdict, Verdict::None);
    assert_eq!(s.cause.kind, CauseKind::Unknown);
}

#[test]
fn outside_china_a_gcj02_point_is_screened_as_typed() {
    // The fixture's square lies at 0..1°, outside China, where GCJ-02 is WGS-84: the point must
    // come through unchanged. (The conversion inside China is pinned against the shipped data in
    // real_stories::gcj02_coordinates_give_the_same_verdict_as_the_named_place.)
    let s = screen(&one_stay(
        r#"{"lat":0.5,"lon":0.25,"datum":"gcj02","from":"2019-09-03","to":"2019-09-05"}"#,
    ));
    assert_eq!((s.findings[0].lat, s.findings[0].lon), (0.5, 0.25));
    assert_eq!(s.findings[0].relation, Relation::Inside);
}

#[test]
fn an_ambiguous_name_is_an_error_listing_the_candidates() {
    let case = CaseFile::from_json(&one_stay(
        r#"{"place":"同名","from":"2019-09-03","to":"2019-09-05"}"#,
    ))
    .and_then(|f| f.validate())
    .expect("valid case");
    let err = check(&case, &fixture(), Lang::En).unwrap_err();
    assert_eq!(err.field, "stays[0].place");
    let message = err.to_string();
    assert!(
        message.contains("测试省/甲县") && message.contains("测试省/乙县"),
        "{message}"
    );
}

#[test]
fn a_misspelt_name_suggests_the_closest() {
    let case = CaseFile::from_json(&one_stay(
        r#"{"place":"limain","from":"2019-09-03","to":"2019-09-05"}"#,
    ))
    .and_then(|f| f.validate())
    .expect("valid case");
    let err = check(&case, &fixture(), Lang::ZhCn).unwrap_err();
    assert!(err.to_string().contains("did you mean 里面镇"), "{err}");
    assert!(
        err.message(Lang::ZhCn).contains("你是不是要找：里面镇"),
        "{}",
        err.message(Lang::ZhCn)
    );
}

#[test]
fn every_spelling_finds_the_place() {
    for name in [
        "里面镇",
        "裡面鎮",
        "Lǐmiàn Zhèn",
        "limian zhen",
        "LIMIANZHEN",
        "limian",
        "Inside Town",
    ] {
        let s = screen(&one_stay(&format!(
            r#"{{"place":"{name}","from":"2019-09-03","to":"2019-09-05"}}"#
        )));
        assert_eq!(s.findings[0].place.as_deref(), Some("里面镇"), "{name}");
    }
}
