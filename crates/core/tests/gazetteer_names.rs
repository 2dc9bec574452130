//! Names people type, and where they must land: each row is (what is typed, a part of the admin
//! path the answer must have, or `?` when the name must ask which of several places is meant).

use prescreen_core::data::{DataSet, SHIPPED};
use prescreen_core::error::InputErrorKind;

fn data() -> DataSet {
    DataSet::load(&SHIPPED.without_guidance()).expect("shipped data loads")
}

const TABLE: &[(&str, &str)] = &[
    // Cities people live in: Chinese, pinyin, English, traditional.
    ("武汉", "湖北省/武汉市"),
    ("Wuhan", "湖北省/武汉市"),
    ("wuhan", "湖北省/武汉市"),
    ("武漢", "湖北省/武汉市"),
    ("杭州", "浙江省/杭州市"),
    ("Hangzhou", "浙江省/杭州市"),
    ("西安", "陕西省/西安市"),
    ("Xi'an", "陕西省/西安市"),
    ("南京", "江苏省/南京市"),
    ("Nanjing", "江苏省/南京市"),
    ("苏州", "江苏省/苏州市"),
    ("郑州", "河南省/郑州市"),
    ("长沙", "湖南省"),
    ("成都", "四川省"),
    ("重庆", "重庆市"),
    ("北京", "北京市"),
    ("上海", "上海市"),
    ("广州", "广东省"),
    ("深圳", "广东省"),
    ("天津", "天津市"),
    ("青岛", "山东省/青岛市"),
    ("济南", "山东省/济南市"),
    ("合肥", "安徽省/合肥市"),
    ("南昌", "江西省/南昌市"),
    ("福州", "福建省/福州市"),
    ("厦门", "福建省/厦门市"),
    ("南宁", "广西壮族自治区/南宁市"),
    ("海口", "海南省/海口市"),
    ("三亚", "海南省/三亚市"),
    ("遵义", "贵州省/遵义市"),
    ("兰州", "甘肃省/兰州市"),
    ("西宁", "青海省/西宁市"),
    ("银川", "宁夏回族自治区/银川市"),
    ("拉萨", "西藏自治区/拉萨市"),
    ("乌鲁木齐", "新疆维吾尔自治区/乌鲁木齐市"),
    ("呼和浩特", "内蒙古自治区/呼和浩特市"),
    ("哈尔滨", "黑龙江省/哈尔滨市"),
    ("长春", "吉林省/长春市"),
    ("沈阳", "辽宁省/沈阳市"),
    ("大连", "辽宁省/大连市"),
    ("石家庄", "河北省/石家庄市"),
    ("太原", "山西省/太原市"),
    ("温州", "浙江省/温州市"),
    ("宁波", "浙江省/宁波市"),
    ("东莞", "广东省/东莞市"),
    ("佛山", "广东省/佛山市"),
    ("无锡", "江苏省/无锡市"),
    ("洛阳", "河南省/洛阳市"),
    ("桂林", "广西壮族自治区/桂林市"),
    ("Guilin", "广西壮族自治区/桂林市"),
    ("Chengdu", "四川省"),
    ("Beijing", "北京市"),
    ("Shanghai", "上海市"),
    ("Shenzhen", "广东省"),
    ("Kunming", "云南省/昆明市"),
    ("廣州", "广东省"),
    ("台州", "浙江省/台州市"),
    ("蘇州", "江苏省/苏州市"),
    ("鄭州", "河南省/郑州市"),
    ("長沙", "湖南省"),
    // Yunnan: prefectures, counties, tourist towns.
    ("大理", "云南省/大理白族自治州"),
    ("dali", "云南省/大理白族自治州"),
    ("大理市", "云南省/大理白族自治州/大理市"),
    ("大理州", "云南省/大理白族自治州"),
    ("丽江", "云南省/丽江市"),
    ("麗江", "云南省/丽江市"),
    ("Lijiang", "云南省/丽江市"),
    ("西双版纳", "云南省/西双版纳傣族自治州"),
    ("Xishuangbanna", "云南省/西双版纳傣族自治州"),
    ("景洪市", "云南省/西双版纳傣族自治州/景洪市"),
    ("香格里拉", "云南省/迪庆藏族自治州"),
    ("迪庆", "云南省/迪庆藏族自治州"),
    ("普洱", "云南省/普洱市"),
    ("临沧", "云南省/临沧市"),
    ("保山", "云南省/保山市"),
    ("德宏", "云南省/德宏傣族景颇族自治州"),
    ("德宏州", "云南省/德宏傣族景颇族自治州"),
    ("红河", "云南省/红河哈尼族彝族自治州"),
    ("红河州", "云南省/红河哈尼族彝族自治州"),
    ("文山", "云南省/文山壮族苗族自治州"),
    ("怒江", "云南省/怒江傈僳族自治州"),
    ("玉溪", "云南省/玉溪市"),
    ("楚雄", "云南省/楚雄彝族自治州"),
    ("昭通", "云南省/昭通市"),
    ("曲靖", "云南省/曲靖市"),
    ("昆明", "云南省/昆明市"),
    ("景洪", "云南省/西双版纳傣族自治州/景洪市"),
    ("Jinghong", "云南省/西双版纳傣族自治州/景洪市"),
    ("勐海", "云南省/西双版纳傣族自治州/勐海县"),
    ("勐海县", "云南省/西双版纳傣族自治州/勐海县"),
    ("勐腊", "云南省/西双版纳傣族自治州/勐腊县"),
    ("瑞丽", "云南省/德宏傣族景颇族自治州/瑞丽市"),
    ("Ruili", "云南省/德宏傣族景颇族自治州/瑞丽市"),
    ("芒市", "云南省/德宏傣族景颇族自治州/芒市"),
    ("腾冲", "云南省/保山市/腾冲市"),
    ("騰衝", "云南省/保山市/腾冲市"),
    ("Tengchong", "云南省/保山市/腾冲市"),
    ("和顺", "?"),
    ("和顺古镇", "云南省/保山市/腾冲市"),
    ("陇川", "云南省/德宏傣族景颇族自治州/陇川县"),
    ("盈江", "云南省/德宏傣族景颇族自治州/盈江县"),
    ("梁河", "云南省/德宏傣族景颇族自治州/梁河县"),
    ("耿马", "云南省/临沧市/耿马傣族佤族自治县"),
    ("沧源", "云南省/临沧市/沧源佤族自治县"),
    ("镇康", "云南省/临沧市/镇康县"),
    ("孟连", "云南省/普洱市/孟连傣族拉祜族佤族自治县"),
    ("澜沧", "云南省/普洱市/澜沧拉祜族自治县"),
    ("西盟", "云南省/普洱市/西盟佤族自治县"),
    ("江城", "?"),
    ("金平", "?"),
    ("绿春", "云南省/红河哈尼族彝族自治州/绿春县"),
    ("河口县", "云南省/红河哈尼族彝族自治州/河口瑶族自治县"),
    ("麻栗坡", "云南省/文山壮族苗族自治州/麻栗坡县"),
    ("马关", "云南省/文山壮族苗族自治州/马关县"),
    ("富宁", "云南省/文山壮族苗族自治州/富宁县"),
    ("泸水", "云南省/怒江傈僳族自治州/泸水市"),
    ("贡山", "云南省/怒江傈僳族自治州/贡山独龙族怒族自治县"),
    ("福贡", "云南省/怒江傈僳族自治州/福贡县"),
    ("龙陵", "云南省/保山市/龙陵县"),
    // Border towns, ports, villages.
    ("打洛", "云南省/西双版纳傣族自治州/勐海县"),
    ("打洛镇", "云南省/西双版纳傣族自治州/勐海县"),
    ("Daluo", "云南省/西双版纳傣族自治州/勐海县"),
    ("勐景来", "云南省/西双版纳傣族自治州/勐海县"),
    ("磨憨", "云南省/西双版纳傣族自治州/勐腊县"),
    ("姐告", "云南省/德宏傣族景颇族自治州/瑞丽市"),
    ("银井", "云南省/德宏傣族景颇族自治州/瑞丽市"),
    ("一寨两国", "云南省/德宏傣族景颇族自治州/瑞丽市"),
    ("弄岛", "云南省/德宏傣族景颇族自治州/瑞丽市"),
    ("弄岛镇", "云南省/德宏傣族景颇族自治州/瑞丽市"),
    ("畹町", "云南省/德宏傣族景颇族自治州/瑞丽市"),
    ("章凤", "云南省/德宏傣族景颇族自治州/陇川县"),
    ("孟定", "云南省/临沧市/耿马傣族佤族自治县"),
    ("孟定镇", "云南省/临沧市/耿马傣族佤族自治县"),
    ("清水河口岸", "云南省/临沧市/耿马傣族佤族自治县"),
    ("片马", "云南省/怒江傈僳族自治州/泸水市"),
    ("片马镇", "云南省/怒江傈僳族自治州/泸水市"),
    ("猴桥", "云南省/保山市/腾冲市"),
    ("南伞", "云南省/临沧市/镇康县"),
    ("滇滩", "云南省/保山市/腾冲市"),
    ("勐董", "云南省/临沧市/沧源佤族自治县"),
    // Address chains.
    ("云南省大理市", "云南省/大理白族自治州/大理市"),
    ("云南大理", "云南省/大理白族自治州"),
    ("德宏州瑞丽市", "云南省/德宏傣族景颇族自治州/瑞丽市"),
    ("西双版纳勐海县打洛镇", "云南省/西双版纳傣族自治州/勐海县"),
    (
        "云南省西双版纳傣族自治州勐海县打洛镇",
        "云南省/西双版纳傣族自治州/勐海县",
    ),
    ("湖北省武汉市", "湖北省/武汉市"),
    ("浙江省杭州市西湖区", "浙江省/杭州市/西湖区"),
    ("耿马县孟定镇", "云南省/临沧市/耿马傣族佤族自治县"),
    ("云南省瑞丽市姐告", "云南省/德宏傣族景颇族自治州/瑞丽市"),
    ("陕西省西安市", "陕西省/西安市"),
    ("临沧市耿马县", "云南省/临沧市/耿马傣族佤族自治县"),
    ("大理市下关镇泰安路12号", "云南省/大理白族自治州/大理市"),
    // Homonyms: ask.
    ("勐拉", "?"),
    ("老街", "?"),
    ("清水河", "?"),
    ("西湖区", "?"),
    ("朝阳区", "?"),
    // Beyond the border.
    ("小勐拉", "缅甸"),
    ("Mong La", "缅甸"),
    ("大其力", "缅甸"),
    ("Tachileik", "缅甸"),
    ("妙瓦底", "缅甸"),
    ("Myawaddy", "缅甸"),
    ("果敢老街", "缅甸"),
    ("Laukkai", "缅甸"),
    ("木姐", "缅甸"),
    ("Muse", "缅甸"),
    ("邦康", "缅甸"),
    ("曼德勒", "缅甸"),
    ("Mandalay", "缅甸"),
    ("仰光", "缅甸"),
    ("Yangon", "缅甸"),
    ("磨丁", "老挝"),
    ("Boten", "老挝"),
    ("金三角", "老挝"),
    ("金三角经济特区", "老挝"),
    ("西港", "柬埔寨"),
    ("Sihanoukville", "柬埔寨"),
    ("金边", "柬埔寨"),
    ("Phnom Penh", "柬埔寨"),
    ("美赛", "泰国"),
    ("Mae Sai", "泰国"),
    ("湄索", "泰国"),
    ("Mae Sot", "泰国"),
    ("Lào Cai", "越南"),
    ("Lao Cai", "越南"),
    ("老街市", "越南"),
    ("Hopang", "缅甸"),
    ("Kutkai", "缅甸"),
    ("Namhsan", "缅甸"),
    // Prefectures that had no point (their counties share the city's point or have none).
    ("淮安", "江苏省/淮安市"),
    ("Huai'an", "江苏省/淮安市"),
    ("贵阳", "贵州省/贵阳市"),
    ("貴陽", "贵州省/贵阳市"),
    ("Guiyang", "贵州省/贵阳市"),
    ("安顺", "贵州省/安顺市"),
    ("三沙", "海南省/三沙市"),
    // A township named like a Myanmar town, reached by its county; a county once matched to a
    // homophone (建水 ≠ 碱水).
    (
        "金平县勐拉镇",
        "云南省/红河哈尼族彝族自治州/金平苗族瑶族傣族自治县",
    ),
    ("建水", "云南省/红河哈尼族彝族自治州/建水县"),
];

/// Where the point must be: (name, latitude, longitude of the seat as published, tolerance in
/// km). The seat lies within the tolerance of the place's point and inside its radius, and the
/// radius is not a whole prefecture's or province's (at most `max_radius` km).
const POINTS: &[(&str, f64, f64, f64, f64)] = &[
    // Seats, rounded, as GeoNames has them: 1809461 贵阳, 1817968 安顺, 1797873 淮安, 12382279 三沙
    // (on Yongxing island), 1806146 临安 (the seat of 建水县, not 碱水 24.28 N 101.22 E), 1805435
    // 金河 (the seat of 金平县, not 锦屏 24.43 N 100.82 E).
    ("贵阳", 26.58, 106.72, 5.0, 200.0),
    ("安顺", 26.25, 105.93, 5.0, 200.0),
    ("淮安", 33.59, 119.02, 5.0, 150.0),
    ("三沙", 16.84, 112.34, 5.0, 1500.0),
    ("建水县", 23.62, 102.83, 10.0, 80.0),
    ("金平县", 22.78, 103.23, 10.0, 100.0),
    // No point of its own: the county's point and radius, so the circle holds 金平's seat, and
    // it is nowhere near Mong La in Myanmar (21.68 N, 100.02 E).
    ("金平县勐拉镇", 22.78, 103.23, 60.0, 100.0),
];

fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let h = ((p2 - p1) / 2.0).sin().powi(2)
        + p1.cos() * p2.cos() * ((lon2 - lon1).to_radians() / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().asin()
}

#[test]
fn places_sit_at_their_seats_with_honest_radii() {
    let data = data();
    let mut wrong = Vec::new();
    for &(name, lat, lon, tolerance, max_radius) in POINTS {
        let p = match data.gazetteer.resolve("t", name) {
            Ok(p) => p,
            Err(e) => {
                wrong.push(format!("{name}: {e}"));
                continue;
            }
        };
        let d = km(p.lat, p.lon, lat, lon);
        if d > tolerance || d > p.radius_km || p.radius_km > max_radius {
            wrong.push(format!(
                "{name}: point {:.3},{:.3} is {d:.0} km from the seat (tolerance {tolerance}), \
                 radius {} km (at most {max_radius})",
                p.lat, p.lon, p.radius_km
            ));
        }
    }
    let mengla = data
        .gazetteer
        .resolve("t", "金平县勐拉镇")
        .expect("金平县勐拉镇 resolves");
    assert!(
        km(mengla.lat, mengla.lon, 21.68, 100.02) > 300.0,
        "金平县勐拉镇 is placed near Mong La: {},{}",
        mengla.lat,
        mengla.lon
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_names_people_type_land_in_the_right_admin_area() {
    let data = data();
    let g = &data.gazetteer;
    assert!(TABLE.len() >= 150, "the table has {} names", TABLE.len());
    let mut wrong = Vec::new();
    for &(name, want) in TABLE {
        match (g.resolve("t", name), want) {
            (Err(e), "?") if matches!(e.kind, InputErrorKind::AmbiguousPlace { .. }) => {}
            (Err(e), _) => wrong.push(format!("{name}: {e}")),
            (Ok(p), "?") => wrong.push(format!(
                "{name}: resolved to {} ({}), expected a question",
                p.zh, p.admin
            )),
            (Ok(p), want) if p.admin.starts_with(want) => {}
            (Ok(p), want) => wrong.push(format!("{name}: {} ({}), expected {want}", p.zh, p.admin)),
        }
    }
    let rate = 1.0 - wrong.len() as f64 / TABLE.len() as f64;
    eprintln!(
        "resolution rate {:.1}% of {} names",
        rate * 100.0,
        TABLE.len()
    );
    assert!(
        wrong.is_empty(),
        "{} of {} names land wrong:\n{}",
        wrong.len(),
        TABLE.len(),
        wrong.join("\n")
    );
}

/// An address may end in a village or street the gazetteer does not know (Chinese text), but
/// not in markup or other junk: that is refused with the text quoted, never silently cut.
#[test]
fn a_known_place_followed_by_junk_is_refused() {
    let data = data();
    let err = data
        .gazetteer
        .resolve("stays[0].place", "打洛镇<script>alert(1)</script>")
        .expect_err("junk after a place name");
    assert!(
        matches!(&err.kind, InputErrorKind::UnknownPlace { name, .. } if name.contains("<script>")),
        "{err:?}"
    );
    let village = data
        .gazetteer
        .resolve("stays[0].place", "勐海县打洛镇曼芽村")
        .expect("a village after the town");
    assert_eq!(village.id, "CN-daluo");
}

/// A name not found never dead-ends: the message offers the closest county-level names and the
/// coordinate paste, in each language.
#[test]
fn a_name_not_found_offers_counties_and_the_coordinate_paste() {
    use prescreen_core::i18n::Lang;
    let data = data();
    let err = data
        .gazetteer
        .resolve("stays[0].place", "勐海线")
        .expect_err("a misspelt county");
    assert!(
        matches!(&err.kind, InputErrorKind::UnknownPlace { suggestions, .. }
            if suggestions.iter().any(|s| s.starts_with("勐海县"))),
        "{err:?}"
    );
    for (lang, want) in [
        (Lang::ZhCn, "请改填坐标"),
        (Lang::ZhTw, "請改填座標"),
        (Lang::En, "enter the coordinates"),
    ] {
        let text = err.message(lang);
        assert!(
            text.contains("勐海县") && text.contains(want),
            "{lang:?}: {text}"
        );
    }
}

/// A finding for a named place says where the place's point comes from and how sure it is: a
/// township known only by its county says "inferred" and names the source.
#[test]
fn a_finding_shows_its_places_source_and_confidence() {
    use prescreen_core::case::CaseFile;
    use prescreen_core::i18n::Lang;
    use prescreen_core::verdict::check;
    let data = data();
    let case = CaseFile::from_json(
        r#"{"version":1,"stays":[{"place":"金平县勐拉镇","from":"2019-09-03","to":"2019-09-05"},
            {"lat":21.7,"lon":100.0,"from":"2019-09-03","to":"2019-09-05"}]}"#,
    )
    .and_then(|f| f.validate())
    .expect("valid case");
    for (lang, want) in [
        (Lang::ZhCn, "推断"),
        (Lang::ZhTw, "推斷"),
        (Lang::En, "inferred"),
    ] {
        let screening = check(&case, &data, lang).expect("screens");
        let named = screening
            .findings
            .iter()
            .find(|f| f.stay == 0)
            .expect("a finding for the named stay");
        let note = named.place_note.as_deref().unwrap_or_default();
        assert!(
            note.contains(want)
                && (note.contains("来源") || note.contains("來源") || note.contains("source: ")),
            "{lang:?}: the note names how sure the point is and its source: {note}"
        );
        // Short, and no URL or English title inside a Chinese sentence.
        assert!(note.chars().count() <= 80, "{lang:?}: a long note: {note}");
        assert!(!note.contains("://"), "{lang:?}: {note}");
        if lang != Lang::En {
            let latin = note
                .replace("GeoNames", "")
                .replace("OpenStreetMap", "")
                .replace("MIMU", "");
            assert!(
                !latin.chars().any(|c| c.is_ascii_alphabetic()),
                "{lang:?}: English words in a Chinese note: {note}"
            );
        }
        assert!(
            screening
                .findings
                .iter()
                .filter(|f| f.stay == 1)
                .all(|f| f.place_note.is_none()),
            "typed coordinates have no place note"
        );
    }
}

#[test]
fn every_place_note_is_short_and_in_the_readers_language() {
    use prescreen_core::data::gazetteer::{place_note, source_name};
    use prescreen_core::i18n::Lang;
    let data = data();
    let daluo = data
        .gazetteer
        .resolve("t", "打洛镇")
        .expect("打洛镇 resolves");
    assert_eq!(
        place_note(daluo, Lang::ZhCn),
        "地点位置：推断，半径 4 公里；来源：美篇（共 4 个）"
    );
    assert_eq!(
        place_note(daluo, Lang::ZhTw),
        "地點位置：推斷，半徑 4 公里；來源：美篇（共 4 個）"
    );
    assert_eq!(
        place_note(daluo, Lang::En),
        "Place point: inferred, radius 4 km; source: Meipian (1 of 4)"
    );
    for place in data.gazetteer.places() {
        for lang in [Lang::ZhCn, Lang::ZhTw, Lang::En] {
            let note = place_note(place, lang);
            assert!(
                note.chars().count() <= 80 && !note.contains("://"),
                "{} {lang:?}: {note}",
                place.zh
            );
            if lang != Lang::En {
                // Latin letters only in a source's own name (GeoNames, MIMU, a web site).
                let name = place
                    .sources
                    .first()
                    .map(|s| source_name(s, lang))
                    .unwrap_or_default();
                let rest = note.replace(&name, "");
                assert!(
                    !rest.chars().any(|c| c.is_ascii_alphabetic()),
                    "{} {lang:?}: English words in a Chinese note: {note}",
                    place.zh
                );
            }
        }
    }
}
