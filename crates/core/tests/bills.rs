//! Bills and flight lists: a shop whose name names a place gives a day there, a name that fits
//! several places gives a question (never a guess), nothing of the bill but days at places comes
//! out, damaged files give one line naming the row, and thin data gives a warning.
//!
//! Fixtures: `tests/fixtures/import/make_bills.py` (made-up data in the apps' layouts).

use std::io::Cursor;
use std::sync::{Arc, OnceLock};

use prescreen_core::data::{DataSet, Gazetteer, SHIPPED};
use prescreen_core::i18n::Lang;
use prescreen_core::import::{Format, ImportError, ImportReport, Importer, Limits};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/");

fn places() -> Arc<Gazetteer> {
    static PLACES: OnceLock<Arc<Gazetteer>> = OnceLock::new();
    PLACES
        .get_or_init(|| {
            let data = DataSet::load(&SHIPPED.without_guidance()).expect("shipped data loads");
            Arc::new(data.gazetteer)
        })
        .clone()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn import_bytes(name: &str, bytes: Vec<u8>) -> Result<ImportReport, ImportError> {
    let mut importer = Importer::new(Limits::default()).with_places(places());
    importer.add(name, Cursor::new(bytes))?;
    Ok(importer.finish(None))
}

fn import(name: &str) -> ImportReport {
    import_bytes(name, fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A stay with a place: (from, to, lat, lon); coordinates compare within 0.02°.
#[derive(Debug)]
struct Placed(String, String, f64, f64);

impl PartialEq for Placed {
    fn eq(&self, o: &Placed) -> bool {
        self.0 == o.0 && self.1 == o.1 && (self.2 - o.2).abs() < 0.02 && (self.3 - o.3).abs() < 0.02
    }
}

/// The stays with a place, by date.
fn placed(report: &ImportReport) -> Vec<Placed> {
    let mut v: Vec<_> = report
        .stays
        .iter()
        .filter_map(|s| {
            Some(Placed(
                s.stay.from.clone(),
                s.stay.to.clone(),
                s.stay.lat?,
                s.stay.lon?,
            ))
        })
        .collect();
    v.sort_by(|a, b| (&a.0, &a.1, a.2.to_bits()).cmp(&(&b.0, &b.1, b.2.to_bits())));
    v
}

fn s(x: &str) -> String {
    x.to_owned()
}

const DALUO: (f64, f64) = (21.696, 100.034);
const JIEGAO: (f64, f64) = (24.001, 97.865);
const KUNMING: (f64, f64) = (25.039, 102.718);

#[test]
fn a_wechat_bill_gives_days_at_the_places_its_shops_name() {
    let report = import("wechat_bill.csv");
    assert_eq!(report.files[0].format, Format::WechatPayBill);
    assert_eq!(
        placed(&report),
        vec![
            // 19:12 on the 3rd and 00:30 on the 4th (China time) in 打洛镇: one stay.
            Placed(s("2019-09-03"), s("2019-09-04"), DALUO.0, DALUO.1),
            // "示例过桥米线(姐告店)": the branch in brackets.
            Placed(s("2019-09-06"), s("2019-09-06"), JIEGAO.0, JIEGAO.1),
            // "昆明市五华区…": the district's extent is unknown, so its city.
            Placed(s("2019-09-20"), s("2019-09-20"), KUNMING.0, KUNMING.1),
        ],
        "the transfer to 黎平, the Beijing company, the red packet, the closed payment and the \
         prefecture-wide shop give nothing: {:#?}",
        report.stays
    );
}

#[test]
fn a_name_that_fits_two_places_is_a_question_not_a_guess() {
    let report = import("wechat_bill.csv");
    let unsure: Vec<_> = report
        .stays
        .iter()
        .filter(|s| s.stay.lat.is_none())
        .collect();
    assert_eq!(unsure.len(), 1, "{:#?}", report.stays);
    let stay = &unsure[0].stay;
    assert_eq!(
        (stay.from.as_str(), stay.to.as_str()),
        ("2019-09-08", "2019-09-08")
    );
    assert_eq!((stay.place.as_ref(), stay.lon), (None, None));
    let note = stay.note.as_deref().unwrap();
    assert!(
        note.contains("勐拉镇 (云南省") && note.contains("勐拉 (缅甸"),
        "{note}"
    );
    assert!(
        report.summary().contains("could be several"),
        "{}",
        report.summary()
    );
}

#[test]
fn nothing_of_the_bill_but_days_at_places_comes_out() {
    for name in ["wechat_bill.csv", "alipay_bill.csv"] {
        let report = import(name);
        let out = serde_json::to_string(&report).unwrap() + &report.summary();
        for secret in [
            "示例小卖部",
            "曼芽村",
            "示例过桥米线",
            "示例超市",
            "12.00",
            "36.50",
            "4200000301",
            "零钱",
            "中国银行",
            "示例早餐店",
            "8.00",
        ] {
            assert!(
                !out.contains(secret),
                "{name}: {secret:?} leaked into {out}"
            );
        }
    }
}

#[test]
fn an_alipay_bill_in_gbk_is_read() {
    let bytes = fixture("alipay_bill.csv");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture must be GBK, as Alipay writes it"
    );
    let report = import("alipay_bill.csv");
    assert_eq!(report.files[0].format, Format::AlipayBill);
    assert_eq!(
        placed(&report),
        vec![
            Placed(s("2019-09-05"), s("2019-09-05"), DALUO.0, DALUO.1),
            Placed(s("2019-09-21"), s("2019-09-21"), KUNMING.0, KUNMING.1),
        ]
    );
    // Two payments in 打洛镇 on the 5th: one stay of two.
    assert_eq!(report.stays.iter().map(|s| s.points).max(), Some(2));
}

#[test]
fn the_old_alipay_layout_is_read_too() {
    let text = "支付宝交易记录明细查询\n账号:[example@example.com]\n起始日期:[2019-09-01 00:00:00]    终止日期:[2019-09-30 23:59:59]\n---------------------------------交易记录明细列表------------------------------------\n交易号                  ,商家订单号               ,交易创建时间              ,付款时间                ,最近修改时间              ,交易来源地     ,类型              ,交易对方            ,商品名称                ,金额（元）   ,收/支     ,交易状态    ,服务费（元）   ,成功退款（元）  ,备注                  ,资金状态     ,\n2019090522001400000001\t,T001\t,2019-09-05 09:15:00 ,2019-09-05 09:15:02 ,2019-09-05 09:15:02 ,其他（包括阿里巴巴和外部商家）,即时到账交易          ,勐海县打洛镇示例早餐店      ,早餐           ,8.00    ,支出      ,交易成功    ,0.00     ,0.00     ,                    ,已支出      ,\n------------------------------------------------------------------------------------\n共1笔记录\n已收入:0笔,0.00元\n待收入:0笔,0.00元\n";
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    let report = import_bytes("alipay_record_old.csv", gbk.into_owned()).unwrap();
    assert_eq!(report.files[0].format, Format::AlipayBill);
    assert_eq!(
        placed(&report),
        vec![Placed(s("2019-09-05"), s("2019-09-05"), DALUO.0, DALUO.1)]
    );
}

#[test]
fn a_flight_list_gives_the_arrival_city_until_the_next_departure() {
    let report = import("flights.csv");
    assert_eq!(report.files[0].format, Format::FlightList);
    assert_eq!(
        placed(&report),
        vec![
            // Shanghai on the day of leaving it.
            Placed(s("2019-09-01"), s("2019-09-01"), 31.22, 121.46),
            // Kunming from landing on the 1st until the flight out on the 3rd.
            Placed(s("2019-09-01"), s("2019-09-03"), KUNMING.0, KUNMING.1),
            // 景洪 from the 3rd until the 22:50 flight on the 9th.
            Placed(s("2019-09-03"), s("2019-09-09"), 22.0, 100.77),
            // Landing at 00:05 "+1": the 10th. The refunded flight on the 12th gives nothing.
            Placed(s("2019-09-10"), s("2019-09-10"), KUNMING.0, KUNMING.1),
        ]
    );
}

#[test]
fn flights_in_any_order_give_the_same_stays() {
    let text = String::from_utf8(fixture("flights.csv")).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[1..].reverse();
    let reversed = import_bytes("flights.csv", lines.join("\n").into_bytes()).unwrap();
    assert_eq!(placed(&reversed), placed(&import("flights.csv")));
}

#[test]
fn damaged_bills_are_one_line_naming_the_row() {
    let err = import_bytes("wechat_bad_date.csv", fixture("wechat_bad_date.csv")).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, ImportError::Malformed { .. }), "{err:?}");
    assert!(
        text.contains("WeChat Pay bill") && text.contains("row 19"),
        "{text}"
    );
    assert!(
        text.contains("03/09/19 7pm") && !text.contains('\n'),
        "{text}"
    );

    let err = import_bytes("wechat_truncated.csv", fixture("wechat_truncated.csv")).unwrap_err();
    assert!(matches!(err, ImportError::Truncated { .. }), "{err:?}");
    assert!(err.to_string().contains("row 20"), "{err}");

    // A row cut short in the middle of the bill.
    let mut text = String::from_utf8(fixture("wechat_bill.csv")).unwrap();
    text.push_str("2019-09-21 10:00:00,商户消费,示例\n");
    let err = import_bytes("short.csv", text.into_bytes()).unwrap_err();
    assert!(err.to_string().contains("has 3 cells"), "{err}");
}

#[test]
fn other_text_is_refused_saying_which_layouts_are_read() {
    let err = import_bytes("notes.csv", "姓名,电话\n张三,123\n".as_bytes().to_vec()).unwrap_err();
    assert_eq!(err, ImportError::NotATable);
    assert!(err.to_string().contains("航班号"), "{err}");
    // Without the gazetteer a bill cannot be matched: said, not silently empty.
    let err = Importer::new(Limits::default())
        .add("wechat_bill.csv", Cursor::new(fixture("wechat_bill.csv")))
        .unwrap_err();
    assert_eq!(err, ImportError::NoPlaces);
}

#[test]
fn a_long_bill_streams_and_gives_one_stay_per_run_of_days() {
    // 30 000 payments over 300 days: 100 a day, at the same shop in 打洛镇, but a gap of 10 days.
    let head = String::from_utf8(fixture("wechat_bill.csv")).unwrap();
    let head: Vec<&str> = head.lines().take(17).collect();
    let mut text = head.join("\n");
    text.push('\n');
    let start = 1_546_300_800_i64; // 2019-01-01T00:00:00Z
    for i in 0..30_000_i64 {
        let day = i / 100;
        if (100..110).contains(&day) {
            continue;
        }
        let t = jiff::Timestamp::from_second(start + day * 86_400 + 3_600 + (i % 100) * 60)
            .unwrap()
            .to_zoned(jiff::tz::TimeZone::UTC)
            .strftime("%Y-%m-%d %H:%M:%S")
            .to_string();
        text.push_str(&format!(
            "{t},商户消费,勐海县打洛镇示例超市,商品,支出,¥1.00,零钱,支付成功,{i}\t,{i}\t,/\n"
        ));
    }
    let report = import_bytes("long.csv", text.into_bytes()).unwrap();
    assert_eq!(report.points, 29_000);
    assert_eq!(report.stays.len(), 2, "{:#?}", report.stays);
    assert_eq!(report.coverage.longest_gap_days, 10);
    assert!(report.warning.is_none(), "{:?}", report.warning);
}

#[test]
fn thin_data_warns_that_no_finding_is_no_proof() {
    // The WeChat fixture: 5 days with data over the 18 days from the 3rd to the 20th.
    let report = import("wechat_bill.csv");
    assert_eq!(report.coverage.days_with_data, 5);
    let warning = report.warning.clone().expect("a warning");
    assert!(warning.contains("not proof"), "{warning}");
    assert!(report.summary().contains(&warning));
}

/// A mutation fuzzer over the bill and flight-list seeds, short enough for every `cargo test`
/// (the coverage-guided run is `scripts/fuzz.sh`, see fuzz/README.md): each round takes
/// a seed, applies 1–8 random edits (flip, insert, delete, duplicate a span, cut, swap two
/// lines, splice another seed) and imports it. No panic, `from <= to`, one-line errors.
/// Runs `PRESCREEN_FUZZ_SECONDS` seconds (default 3) and prints the executions.
#[test]
fn mutated_bills_never_panic() {
    let seconds: u64 = std::env::var("PRESCREEN_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let seeds: Vec<Vec<u8>> = [
        "wechat_bill.csv",
        "alipay_bill.csv",
        "flights.csv",
        "wechat_truncated.csv",
        "wechat_bad_date.csv",
    ]
    .iter()
    .map(|n| fixture(n))
    .collect();
    let places = places();
    // xorshift64*: deterministic for a given seed, printed so that a failure can be replayed.
    let seed: u64 = std::env::var("PRESCREEN_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15);
    let mut state = seed;
    let mut next = move |n: usize| -> usize {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) % n.max(1) as u64) as usize
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    let (mut runs, mut ok, mut refused) = (0u64, 0u64, 0u64);
    while std::time::Instant::now() < deadline {
        let mut input = seeds[next(seeds.len())].clone();
        for _ in 0..=next(8) {
            let len = input.len().max(1);
            let at = next(len);
            match next(7) {
                0 if !input.is_empty() => {
                    let i = at.min(input.len() - 1);
                    input[i] ^= 1 << next(8);
                }
                1 => input.insert(
                    at.min(input.len()),
                    b"\",\n\t\r\xE5\x8B\x90-/:+0123456789"[next(22)],
                ),
                2 if !input.is_empty() => {
                    let end = (at + next(16)).min(input.len());
                    input.drain(at.min(end)..end);
                }
                3 => {
                    let end = (at + next(64)).min(input.len());
                    let span = input[at.min(end)..end].to_vec();
                    let to = next(input.len() + 1);
                    input.splice(to..to, span);
                }
                4 => input.truncate(at),
                5 => {
                    let mut lines: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
                    let (a, b) = (next(lines.len()), next(lines.len()));
                    lines.swap(a, b);
                    input = lines.join(&b'\n');
                }
                _ => {
                    let other = &seeds[next(seeds.len())];
                    let from = next(other.len());
                    let to = at.min(input.len());
                    input.splice(
                        to..to,
                        other[from..(from + next(200)).min(other.len())]
                            .iter()
                            .copied(),
                    );
                }
            }
        }
        runs += 1;
        let mut importer = Importer::new(Limits::default()).with_places(places.clone());
        match importer.add("fuzz.csv", Cursor::new(input.clone())) {
            Ok(_) => {
                ok += 1;
                let report = importer.finish(None);
                let _ = report.summary();
                for s in &report.stays {
                    assert!(s.stay.from <= s.stay.to, "run {runs} (seed {seed}): {s:?}");
                }
            }
            Err(e) => {
                refused += 1;
                assert!(
                    !e.to_string().contains('\n'),
                    "run {runs} (seed {seed}): {e}"
                );
            }
        }
    }
    println!(
        "mutated_bills_never_panic: {runs} executions in {seconds} s ({ok} imported, {refused} refused), seed {seed}"
    );
    assert!(runs > 0);
}

// ---- spreadsheet bills (.xlsx) and the zips they come in --------------------------------------
// Fixtures: tests/fixtures/import/make_xlsx.py.

#[test]
fn an_xlsx_bill_gives_the_same_stays_as_its_csv() {
    let csv = import("wechat_bill.csv");
    let xlsx = import("wechat_bill.xlsx");
    assert_eq!(xlsx.files[0].format, Format::WechatPayBill);
    assert_eq!(placed(&xlsx), placed(&csv), "{:#?}", xlsx.stays);
    assert_eq!(placed(&xlsx).len(), 3);
    // The 勐拉 payment is a question here too.
    assert_eq!(
        xlsx.stays.iter().filter(|s| s.stay.lat.is_none()).count(),
        1,
        "{:#?}",
        xlsx.stays
    );
    let out = serde_json::to_string(&xlsx).unwrap() + &xlsx.summary();
    for secret in ["示例小卖部", "示例过桥米线", "12.00", "零钱", "4200000301"] {
        assert!(!out.contains(secret), "{secret} kept: {out}");
    }
}

#[test]
fn a_zip_holding_the_xlsx_bill_is_opened() {
    let report = import("wechat_bill_zip.zip");
    assert_eq!(placed(&report), placed(&import("wechat_bill.csv")));
    assert_eq!(report.files[0].entries_used, 1);
}

#[test]
fn a_zip_holding_the_csv_bill_is_opened() {
    let mut bytes = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(Cursor::new(&mut bytes));
        zip.start_file(
            "微信支付账单(20190901-20190930).csv",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        std::io::Write::write_all(&mut zip, &fixture("wechat_bill.csv")).unwrap();
        zip.finish().unwrap();
    }
    let report = import_bytes("bill.zip", bytes).unwrap();
    assert_eq!(placed(&report), placed(&import("wechat_bill.csv")));
}

#[test]
fn a_locked_zip_says_to_unzip_it_with_the_password_in_the_persons_language() {
    let err =
        import_bytes("wechat_bill_locked.zip", fixture("wechat_bill_locked.zip")).unwrap_err();
    assert_eq!(err, ImportError::Locked);
    let en = err.to_string();
    assert!(en.contains("password") && en.contains(".xlsx"), "{en}");
    let zh = err.localized(Lang::ZhCn);
    assert!(
        zh.contains("密码") && zh.contains("解压") && zh.contains("微信支付"),
        "{zh}"
    );
    let tw = err.localized(Lang::ZhTw);
    assert!(tw.contains("解壓縮") && tw.contains("檔案"), "{tw}");
    for m in [&en, &zh, &tw] {
        assert!(!m.contains('\n'), "{m}");
    }
    // Other errors stay as they are.
    assert_eq!(
        ImportError::NotATable.localized(Lang::ZhCn),
        ImportError::NotATable.to_string()
    );
}

#[test]
fn a_damaged_xlsx_bill_names_its_row() {
    // Row 19 of the sheet (the second payment) gets a time that is no time.
    let book = fixture("wechat_bill.xlsx");
    let mut archive = zip::ZipArchive::new(Cursor::new(book)).unwrap();
    let mut out = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(Cursor::new(&mut out));
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).unwrap();
            let name = file.name().to_owned();
            let mut text = String::new();
            std::io::Read::read_to_string(&mut file, &mut text).unwrap();
            if name == "xl/worksheets/sheet1.xml" {
                let at = text.find("<c r=\"A19\"").unwrap();
                let end = at + text[at..].find("</c>").unwrap() + 4;
                text.replace_range(
                    at..end,
                    "<c r=\"A19\" t=\"inlineStr\"><is><t>昨天</t></is></c>",
                );
            }
            writer
                .start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut writer, text.as_bytes()).unwrap();
        }
        writer.finish().unwrap();
    }
    let err = import_bytes("bill.xlsx", out).unwrap_err().to_string();
    assert!(
        err.contains("WeChat Pay bill") && err.contains("row 19"),
        "{err}"
    );
    assert!(err.contains("昨天") && !err.contains('\n'), "{err}");
}

#[test]
fn an_xlsx_without_a_bill_is_refused_saying_what_is_read() {
    let book = fixture("wechat_bill.xlsx");
    let mut archive = zip::ZipArchive::new(Cursor::new(book)).unwrap();
    let mut out = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(Cursor::new(&mut out));
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).unwrap();
            let name = file.name().to_owned();
            let mut text = String::new();
            std::io::Read::read_to_string(&mut file, &mut text).unwrap();
            if name == "xl/sharedStrings.xml" {
                text = text.replace("交易对方", "对方");
            }
            writer
                .start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut writer, text.as_bytes()).unwrap();
        }
        writer.finish().unwrap();
    }
    let err = import_bytes("other.xlsx", out).unwrap_err();
    assert_eq!(err, ImportError::NotATable);
    assert!(err.to_string().contains("XLSX"), "{err}");
}

// ---- shop names that only start with a place of several meanings -------------------------------

/// A WeChat bill with one purchase per (day, shop), screened against the shipped regions.
fn bill_of(shops: &[(&str, &str)]) -> ImportReport {
    static DATA: OnceLock<DataSet> = OnceLock::new();
    let data = DATA.get_or_init(|| DataSet::load(&SHIPPED.without_guidance()).unwrap());
    let mut text = String::from(
        "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n",
    );
    for (day, shop) in shops {
        text += &format!("{day} 12:00:00,商户消费,{shop},/,支出,¥9.00,零钱,支付成功,1\t,/\t,/\n");
    }
    let mut importer = Importer::new(Limits::default()).with_places(places());
    importer
        .add("bill.csv", Cursor::new(text.into_bytes()))
        .unwrap();
    importer.finish(Some(data))
}

#[test]
fn a_shop_starting_with_an_ambiguous_place_near_a_region_is_an_unticked_question() {
    let report = bill_of(&[("2019-09-08", "勐拉超市"), ("2019-09-09", "勐拉·示例餐厅")]);
    assert_eq!(report.stays.len(), 1, "{:#?}", report.stays);
    let stay = &report.stays[0];
    // No coordinates: never ticked, never placed by a guess.
    assert_eq!(
        (stay.stay.lat, stay.stay.lon, &stay.near),
        (None, None, &None)
    );
    assert_eq!(
        (stay.stay.from.as_str(), stay.stay.to.as_str()),
        ("2019-09-08", "2019-09-09")
    );
    let note = stay.stay.note.as_deref().unwrap();
    assert!(
        note.contains("勐拉镇 (云南省") && note.contains("勐拉 (缅甸"),
        "{note}"
    );
    assert!(note.contains("starts with a place"), "{note}");
}

#[test]
fn a_shop_starting_with_a_place_far_from_every_region_gives_nothing() {
    // 永和豆浆 is a chain named after 永和 (Taipei); 新华书店 after the news agency: their
    // leading words name places (永和县 in Shanxi; several 新华) far from any screened area.
    let report = bill_of(&[("2019-09-08", "永和豆浆"), ("2019-09-09", "新华书店")]);
    assert!(report.stays.is_empty(), "{:#?}", report.stays);
    // Without the regions the rule cannot be applied: no question either.
    let mut importer = Importer::new(Limits::default()).with_places(places());
    let bill = "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n2019-09-08 12:00:00,商户消费,勐拉超市,/,支出,¥9.00,零钱,支付成功,1,/,/\n";
    importer
        .add("bill.csv", Cursor::new(bill.as_bytes().to_vec()))
        .unwrap();
    assert!(importer.finish(None).stays.is_empty());
}

#[test]
fn a_shop_whose_whole_name_is_the_place_is_still_always_asked() {
    // "勐拉" alone is the place itself: a question whatever the regions (as before).
    let report = bill_of(&[("2019-09-08", "勐拉")]);
    assert_eq!(report.stays.len(), 1, "{:#?}", report.stays);
    assert!(
        report.stays[0]
            .stay
            .note
            .as_deref()
            .unwrap()
            .contains("the name could be")
    );
}
