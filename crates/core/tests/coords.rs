//! Pasted coordinates and datums: every format people paste, round trips, and refusals.

use geo::{Distance, Haversine, Point};
use prescreen_core::case::Datum;
use prescreen_core::coords::parse_pasted;
use prescreen_core::datum::{gcj02_to_bd09, to_wgs84, wgs84_to_gcj02};

fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
    Haversine.distance(Point::new(a.1, a.0), Point::new(b.1, b.0))
}

#[test]
fn decimal_pairs_in_any_order_and_punctuation() {
    for text in [
        "21.698, 100.031",
        "21.698,100.031",
        "21.698 100.031",
        "21.698，100.031",
        "１００.０３１，２１.６９８",
        "100.031, 21.698",
        " (21.698, 100.031) ",
        "21.698N 100.031E",
        "21.698° N, 100.031° E",
        "N21.698 E100.031",
    ] {
        let p = parse_pasted("c", text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert!(
            (p.lat - 21.698).abs() < 1e-9 && (p.lon - 100.031).abs() < 1e-9,
            "{text} → {p:?}"
        );
    }
}

#[test]
fn degrees_minutes_seconds() {
    for text in [
        "21°41'53\"N 100°01'52\"E",
        "21°41′53″N, 100°1′52″E",
        "N 21°41'53\" E 100°01'52\"",
        "21°41'53\"N100°01'52\"E",
    ] {
        let p = parse_pasted("c", text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert!((p.lat - 21.698_055).abs() < 1e-5, "{text} → {p:?}");
        assert!((p.lon - 100.031_111).abs() < 1e-5, "{text} → {p:?}");
    }
    let south_west = parse_pasted("c", "33°51'54\"S 151°12'34\"W").expect("parses");
    assert!(south_west.lat < 0.0 && south_west.lon < 0.0);
    let minutes_only = parse_pasted("c", "21°41.883'N 100°1.867'E").expect("parses");
    assert!((minutes_only.lat - 21.698_05).abs() < 1e-4);
}

#[test]
fn map_links_carry_their_datum() {
    let cases = [
        (
            "https://uri.amap.com/marker?position=100.031,21.698&name=打洛",
            Some(Datum::Gcj02),
        ),
        (
            "https://ditu.amap.com/regeo?lng=100.031&lat=21.698&name=x",
            Some(Datum::Gcj02),
        ),
        (
            "http://api.map.baidu.com/marker?location=21.698,100.031&title=x&output=html",
            Some(Datum::Bd09),
        ),
        (
            "http://api.map.baidu.com/marker?location=21.698%2C100.031&coord_type=gcj02",
            Some(Datum::Gcj02),
        ),
        (
            "https://apis.map.qq.com/uri/v1/marker?marker=coord:21.698,100.031;title:x&referer=y",
            Some(Datum::Gcj02),
        ),
        ("geo:21.698,100.031?z=15", Some(Datum::Wgs84)),
        (
            "https://www.openstreetmap.org/?mlat=21.698&mlon=100.031#map=15/21.698/100.031",
            Some(Datum::Wgs84),
        ),
        (
            "https://www.openstreetmap.org/#map=15/21.698/100.031",
            Some(Datum::Wgs84),
        ),
        ("https://www.google.com/maps/@21.698,100.031,15z", None),
        ("https://maps.google.com/?q=21.698,100.031", None),
        ("https://maps.apple.com/?ll=21.698,100.031&q=x", None),
    ];
    for (link, datum) in cases {
        let p = parse_pasted("c", link).unwrap_or_else(|e| panic!("{link}: {e}"));
        assert!(
            (p.lat - 21.698).abs() < 1e-9 && (p.lon - 100.031).abs() < 1e-9,
            "{link} → {p:?}"
        );
        assert_eq!(p.datum, datum, "{link}");
    }
}

#[test]
fn bad_text_is_refused_with_how_to_fix() {
    for text in [
        "",
        "abc",
        "NaN, 100",
        "inf, 100",
        "21.698",
        "21.698, 100.031, 5, 6",
        "95, 100",
        "21.698, 200",
        "21°75'00\"N 100°00'00\"E",
        "https://surl.amap.com/abc123",
    ] {
        let err = parse_pasted("stays[0].lat", text).expect_err(text);
        assert_eq!(err.field, "stays[0].lat");
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn gcj02_inversion_is_within_a_metre_across_the_border_area() {
    let mut worst: f64 = 0.0;
    for i in 0..40 {
        for j in 0..40 {
            let wgs = (20.5 + f64::from(i) * 0.15, 97.0 + f64::from(j) * 0.15);
            let gcj = wgs84_to_gcj02(wgs.0, wgs.1);
            // The offset is real (hundreds of metres) …
            assert!(metres(wgs, gcj) > 50.0);
            // … and undone to well under a metre.
            let back = to_wgs84(gcj.0, gcj.1, Datum::Gcj02);
            worst = worst.max(metres(wgs, back));
        }
    }
    assert!(worst < 1.0, "worst GCJ-02 round trip error {worst} m");
}

#[test]
fn bd09_round_trip_is_within_a_few_metres() {
    let wgs = (21.698, 100.031);
    let gcj = wgs84_to_gcj02(wgs.0, wgs.1);
    let bd = gcj02_to_bd09(gcj.0, gcj.1);
    let back = to_wgs84(bd.0, bd.1, Datum::Bd09);
    assert!(metres(wgs, back) < 5.0, "{} m", metres(wgs, back));
    assert!(
        metres(wgs, bd) > 500.0,
        "BD-09 is shifted further than GCJ-02"
    );
}

#[test]
fn outside_china_the_datums_agree() {
    let (lat, lon) = (48.8566, 2.3522);
    assert_eq!(to_wgs84(lat, lon, Datum::Gcj02), (lat, lon));
}

/// The one reader of a typed coordinate (the page's latitude and longitude boxes): what it
/// accepts, with either decimal conversion, and what it refuses before converting anything.
#[test]
fn typed_degrees_one_decimal_number_or_a_named_refusal() {
    use prescreen_core::coords::{parse_degrees, parse_degrees_with};
    use prescreen_core::error::InputErrorKind;
    for (text, value) in [
        ("21.698", 21.698),
        ("  -0.5 ", -0.5),
        ("+100.031", 100.031),
        (".5", 0.5),
        ("5.", 5.0),
        ("1e-7", 1e-7),
        ("２１．６９８", 21.698),
        ("－９９", -99.0),
    ] {
        assert_eq!(
            parse_degrees("stays[0].lat", text).ok(),
            Some(value),
            "{text}"
        );
        // The page converts with the browser's Number; the syntax check is the core's.
        let seen = std::cell::RefCell::new(Vec::new());
        let with = parse_degrees_with("stays[0].lat", text, |t| {
            seen.borrow_mut().push(t.to_owned());
            t.parse().ok()
        });
        assert_eq!(with.ok(), Some(value), "{text}");
        assert_eq!(seen.borrow().len(), 1, "{text}");
    }
    for text in [
        "21.7abc",
        "21.698, 100.031",
        "NaN",
        "inf",
        "Infinity",
        "0x15",
        "1e",
        "e5",
        ".",
        "-",
        "1.2.3",
        "21°41'",
        "1e400",
    ] {
        let converted = std::cell::Cell::new(false);
        let error = parse_degrees_with("stays[2].lon", text, |t| {
            converted.set(true);
            t.parse().ok()
        })
        .expect_err(text);
        assert_eq!(error.field, "stays[2].lon", "{text}");
        assert!(
            matches!(error.kind, InputErrorKind::BadCoordinates { .. }),
            "{text}: {error:?}"
        );
        // Only "1e400" is a decimal that overflows; nothing else reaches the conversion.
        assert_eq!(converted.get(), text == "1e400", "{text}");
    }
    let empty = parse_degrees("stays[0].lat", "  ").expect_err("blank");
    assert!(matches!(empty.kind, InputErrorKind::Missing));
}

/// The page says a typed coordinate's error with `coordinate_message` (it links no other error's
/// texts): for both errors the reader gives, in every language, it is exactly `message`.
#[test]
fn a_typed_coordinates_error_reads_the_same_on_the_page() {
    use prescreen_core::coords::parse_degrees_with;
    use prescreen_core::i18n::Lang;
    let read = |text: &str| parse_degrees_with("stays[0].lon", text, |t| t.parse().ok());
    let cases = [
        (
            read("  ").unwrap_err(),
            [
                "第 1 段停留的经度：还没填写，请填上。",
                "第 1 段停留的經度：還沒填寫，請填上。",
                "Stay 1, longitude: this field is required; fill it in.",
            ],
        ),
        (
            read("abc").unwrap_err(),
            [
                "第 1 段停留的经度：没能从“abc”读出坐标。请按 21.698, 100.031 或 21°41'53\"N 100°01'52\"E 的格式粘贴，或粘贴地图App的分享链接。",
                "第 1 段停留的經度：沒能從「abc」讀出座標。請按 21.698, 100.031 或 21°41'53\"N 100°01'52\"E 的格式貼上，或貼上地圖App的分享連結。",
                "Stay 1, longitude: could not read coordinates from \"abc\"; paste them as 21.698, 100.031 or 21°41'53\"N 100°01'52\"E, or a map app's share link.",
            ],
        ),
    ];
    for (error, texts) in cases {
        for (lang, text) in [Lang::ZhCn, Lang::ZhTw, Lang::En].into_iter().zip(texts) {
            assert_eq!(error.message(lang), text);
            assert_eq!(error.coordinate_message(lang).as_deref(), Some(text));
        }
    }
    // Any other error is not a typed coordinate's: the page never says it.
    let other = prescreen_core::error::InputError::new(
        "stays[0].to",
        prescreen_core::error::InputErrorKind::BadDate { value: "x".into() },
    );
    assert_eq!(other.coordinate_message(Lang::En), None);
}
