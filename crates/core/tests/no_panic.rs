//! Property tests: no input, however broken, makes the core panic; and valid case files, generated
//! from the shipped places, platforms and messages, always reach `check()` and get a consistent
//! answer. Failures are persisted in `no_panic.proptest-regressions` (committed) and replayed first.

use std::sync::OnceLock;

use prescreen_core::case::{CaseFile, StayInput};
use prescreen_core::classify::classify;
use prescreen_core::coords::parse_pasted;
use prescreen_core::data::{DataSet, SHIPPED};
use prescreen_core::i18n::Lang;
use prescreen_core::verdict::check;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

fn shipped() -> &'static DataSet {
    static DATA: OnceLock<DataSet> = OnceLock::new();
    DATA.get_or_init(|| DataSet::load(&SHIPPED).expect("shipped data loads"))
}

/// Text that looks like what people type: CJK, pinyin, digits, punctuation, emoji, RTL.
fn texty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 ,.'°′″NSEW:/?=&@-]{0,40}",
        "[打洛镇勐拉老街昆明瑞丽小果敢佤邦 ]{0,8}",
        Just("𝕏🧊\u{202E}RTL\u{202C} 打洛".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
    ]
}

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        -200.0..200.0f64,
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(-0.0),
    ]
}

fn date_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "(19|20|99)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])",
        any::<String>(),
        Just("-9999-01-01".to_owned()),
        Just("9999-12-31".to_owned()),
        Just("0000-01-01".to_owned()),
    ]
}

fn stay() -> impl Strategy<Value = StayInput> {
    (
        proptest::option::of(texty()),
        proptest::option::of(any_f64()),
        proptest::option::of(any_f64()),
        proptest::option::of(prop_oneof![
            Just("wgs84".to_owned()),
            Just("gcj02".to_owned()),
            Just("bd09".to_owned()),
            any::<String>()
        ]),
        date_like(),
        date_like(),
    )
        .prop_map(|(place, lat, lon, datum, from, to)| StayInput {
            place,
            lat,
            lon,
            datum,
            from,
            to,
            note: None,
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 300,
        // Explicit, so a failure found anywhere is kept beside this file and replayed first.
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    /// Random text is almost never a case file, so most inputs here are valid case files cut
    /// short or with one character replaced: those reach `validate()` and often `check()`.
    #[test]
    fn any_text_as_a_case_file_is_an_answer_or_an_error(text in prop_oneof![
        1 => any::<String>(),
        3 => (valid_case_file(), any::<proptest::sample::Index>(), any::<char>()).prop_map(|(file, at, c)| {
            let json = serde_json::to_string(&file).expect("serialises");
            let chars: Vec<char> = json.chars().collect();
            let i = at.index(chars.len());
            chars[..i].iter().chain(std::iter::once(&c)).chain(&chars[i + 1..]).collect()
        }),
        1 => (valid_case_file(), any::<proptest::sample::Index>()).prop_map(|(file, at)| {
            let json = serde_json::to_string(&file).expect("serialises");
            json.chars().take(at.index(json.chars().count())).collect()
        }),
    ]) {
        match CaseFile::from_json(&text).and_then(|f| f.validate()) {
            Ok(case) => {
                if let Err(e) = check(&case, shipped(), Lang::ZhCn) {
                    prop_assert!(e.field.starts_with("stays["), "{e}");
                }
            }
            Err(e) => {
                prop_assert!(!e.field.is_empty());
                prop_assert!(!e.message(Lang::ZhCn).is_empty());
            }
        }
    }

    #[test]
    fn any_stays_and_message_screen_or_err(stays in proptest::collection::vec(stay(), 0..6), message in proptest::option::of(texty())) {
        let file = CaseFile {
            version: 1,
            freeze_message: message,
            stays,
            ..CaseFile::default()
        };
        match file.validate() {
            Ok(case) => {
                if let Err(e) = check(&case, shipped(), Lang::En) {
                    prop_assert!(e.field.starts_with("stays["), "{e}");
                    prop_assert!(!e.message(Lang::ZhCn).is_empty());
                }
            }
            Err(e) => prop_assert!(!e.message(Lang::ZhTw).is_empty()),
        }
    }

    #[test]
    fn any_pasted_text_parses_or_errs(text in texty()) {
        if let Ok(p) = parse_pasted("c", &text) {
            prop_assert!(p.lat.is_finite() && p.lon.is_finite());
            prop_assert!((-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon));
        }
    }

    #[test]
    fn any_message_classifies(text in texty()) {
        let _ = classify(shipped().messages().expect("messages"), &text, Lang::ZhCn);
        let _ = shipped().gazetteer.search(&text, 8);
        let _ = shipped().gazetteer.resolve("stays[0].place", &text);
    }

    #[test]
    fn any_point_is_classified(lon in any_f64(), lat in any_f64()) {
        for region in &shipped().regions.regions {
            let _ = region.index.covers(lon, lat);
            let _ = region.index.class(lon, lat, 5.0, 25.0);
        }
    }
}

/// Shipped place names that name exactly one place (so a stay with one of them is valid).
fn resolvable_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let g = &shipped().gazetteer;
        g.places()
            .iter()
            .map(|p| p.zh.clone())
            .filter(|name| g.resolve("stays[0].place", name).is_ok())
            .collect()
    })
}

/// Real freeze messages: the examples shipped in messages.json.
fn shipped_messages() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        shipped()
            .messages()
            .expect("messages")
            .patterns
            .iter()
            .flat_map(|p| p.examples.iter().map(|e| e.text.clone()))
            .collect()
    })
}

fn day(offset: i64) -> String {
    let start = jiff::civil::date(2016, 1, 1);
    start
        .checked_add(jiff::Span::new().days(offset))
        .expect("in range")
        .to_string()
}

/// A stay a person could really enter: a shipped place name, or coordinates in the border area
/// in any datum; dates between 2016 and 2027, up to two months long.
fn valid_stay() -> impl Strategy<Value = StayInput> {
    let names = resolvable_names().len();
    assert!(names > 100, "only {names} shipped names resolve");
    let place = prop_oneof![
        (0..names).prop_map(|i| (Some(resolvable_names()[i].clone()), None, None, None)),
        (
            20.0..27.0f64,
            96.0..103.0f64,
            proptest::option::of(prop_oneof![Just("wgs84"), Just("gcj02"), Just("bd09")]),
        )
            .prop_map(|(lat, lon, datum)| (
                None,
                Some(lat),
                Some(lon),
                datum.map(str::to_owned)
            )),
    ];
    (place, 0i64..4_000, 0i64..60).prop_map(|((place, lat, lon, datum), start, days)| StayInput {
        place,
        lat,
        lon,
        datum,
        from: day(start),
        to: day(start + days),
        note: None,
    })
}

/// A whole valid case file: platforms, maybe a real or typed freeze message, maybe a freeze date
/// after the stays, one to five stays.
fn valid_case_file() -> impl Strategy<Value = CaseFile> {
    let platforms = proptest::sample::subsequence(
        vec!["wechat", "qq", "alipay", "bank", "phone", "game", "other"],
        0..3,
    );
    let message = proptest::option::of(prop_oneof![
        (0..shipped_messages().len()).prop_map(|i| shipped_messages()[i].clone()),
        texty(),
    ]);
    (
        platforms,
        message,
        proptest::collection::vec(valid_stay(), 1..6),
        proptest::option::of(0i64..400),
    )
        .prop_map(|(platforms, freeze_message, stays, frozen_after)| {
            let last = stays.iter().map(|s| s.to.clone()).max().expect("a stay");
            let frozen_on = frozen_after.map(|d| {
                let last: jiff::civil::Date = last.parse().expect("a date");
                last.checked_add(jiff::Span::new().days(d))
                    .expect("in range")
                    .to_string()
            });
            CaseFile {
                version: 1,
                platforms: platforms.into_iter().map(str::to_owned).collect(),
                freeze_message,
                frozen_on,
                stays,
                ..CaseFile::default()
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    /// Every generated case reaches `check()` and is answered; the answer is consistent with its
    /// findings and survives the case file's JSON round trip unchanged.
    #[test]
    fn valid_case_files_are_screened_consistently(file in valid_case_file()) {
        let case = file.validate().map_err(|e| TestCaseError::fail(format!("generated case refused: {e}")))?;
        let s = check(&case, shipped(), Lang::ZhCn)
            .map_err(|e| TestCaseError::fail(format!("generated case not screened: {e}")))?;
        prop_assert!(!s.explanation.is_empty());
        prop_assert!(!s.findings.is_empty(), "a case with stays has findings");
        for f in &s.findings {
            prop_assert!(f.stay < file.stays.len());
            prop_assert!(f.lat.is_finite() && f.lon.is_finite());
            prop_assert!(f.distance_km >= 0.0 && f.distance_max_km >= f.distance_km);
            prop_assert_eq!(&f.stay_from, &file.stays[f.stay].from);
        }
        // A message is classified unless it is blank (a blank field is no message).
        let typed = file.freeze_message.as_ref().is_some_and(|m| !m.trim().is_empty());
        prop_assert_eq!(s.message.is_some(), typed);
        // The same case written out and read back gives the same answer. (serde_json without
        // its float_roundtrip feature may move a coordinate by the last bit: compared to 1e-9°.)
        let json = serde_json::to_string(&file).expect("serialises");
        let again = CaseFile::from_json(&json).and_then(|f| f.validate()).expect("round trip");
        let t = check(&again, shipped(), Lang::ZhCn).expect("screens again");
        prop_assert_eq!(s.verdict, t.verdict);
        prop_assert_eq!(&s.explanation, &t.explanation);
        prop_assert_eq!(s.findings.len(), t.findings.len());
        for (a, b) in s.findings.iter().zip(&t.findings) {
            prop_assert!((a.lat - b.lat).abs() < 1e-9 && (a.lon - b.lon).abs() < 1e-9);
            prop_assert_eq!((a.relation, a.in_window, &a.region), (b.relation, b.in_window, &b.region));
        }
    }
}
