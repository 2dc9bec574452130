//! Property tests: no input, however broken, makes the core panic.

use std::sync::OnceLock;

use prescreen_core::case::{CaseFile, StayInput};
use prescreen_core::classify::classify;
use prescreen_core::coords::parse_pasted;
use prescreen_core::data::{DataSet, SHIPPED};
use prescreen_core::i18n::Lang;
use prescreen_core::verdict::check;
use proptest::prelude::*;

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
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_text_as_a_case_file_is_an_answer_or_an_error(text in any::<String>()) {
        if let Ok(case) = CaseFile::from_json(&text).and_then(|f| f.validate()) {
            let _ = check(&case, shipped(), Lang::ZhCn);
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
