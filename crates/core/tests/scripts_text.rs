//! What a careful lawyer checks in the letters (issue 16, data/research/letters/review.md), on
//! the two stories of `scripts.rs`: case 1 (2019 border freeze, WeChat and QQ) and case 2 (QQ
//! banned under the QQ number rules in 2024).

use jiff::civil::date;
use prescreen_core::i18n::Lang;

// Case 1, the shipped data and the screening are those of `scripts.rs` (case 2 here carries an
// ID number, to check that no letter repeats it).
use super::scripts::{CASE_1, data, screen};
use prescreen_core::letters::{Document, ScriptInput, ScriptKind, render};

const EVENTS: &str = include_str!("../../../static/data/events.json");
const MESSAGES: &str = include_str!("../../../static/data/messages.json");
const CHANNELS: &str = include_str!("../../../static/data/channels.json");
const LEGAL: &str = include_str!("../../../static/data/legal.json");

const CASE_2: &str = r#"{
  "version": 1,
  "today": "2024-03-08",
  "frozen_on": "2024-03-01",
  "platforms": ["qq"],
  "freeze_message": "你的QQ账号因违反《QQ号码规则》相关条款，已被永久冻结。",
  "stays": [
    { "place": "长沙市", "from": "2024-02-01", "to": "2024-02-20" }
  ],
  "person": { "id_number": "430102199003150020" }
}"#;

fn write(text: &str, kind: ScriptKind, lang: Lang) -> Vec<Document> {
    let (case, screening) = screen(text);
    let data = data();
    let input = ScriptInput {
        case: &case,
        screening: &screening,
        lang,
        now: Some(date(2019, 10, 16).at(9, 30, 0, 0)),
        numbers: &[],
    };
    render(kind, &input, data).unwrap()
}

#[test]
fn a_platform_rules_appeal_argues_no_border_and_no_fraud() {
    for lang in Lang::ALL {
        let d = &write(CASE_2, ScriptKind::PlatformAppeal, lang)[0];
        for bad in [
            "中缅边境",
            "中緬邊境",
            "China–Myanmar",
            "诈骗活动",
            "詐騙活動",
            "fraud",
        ] {
            assert!(
                !d.body.contains(bad),
                "{}: {bad} in\n{}",
                lang.code(),
                d.body
            );
        }
        let asks = lang.pick("哪一条规则", "哪一條規則", "which rule");
        assert!(d.body.contains(asks), "{}", lang.code());
    }
}

#[test]
fn the_other_accounts_answer_cites_article_22_and_limits_article_32() {
    let d = &write(CASE_2, ScriptKind::PlatformAppeal, Lang::ZhCn)[0];
    let g = &d.guidance;
    assert!(g.contains("第二十二条第二款"), "{g}");
    assert!(g.contains("会被重新封停"));
    assert!(g.contains("只适用于") && g.contains("第十一、十二、十八、二十二条"));
    assert!(g.contains("不适用于平台自己规则下的封号"));
}

#[test]
fn letters_open_with_a_salutation_not_a_channel_name() {
    for (case, kind) in [
        (CASE_1, ScriptKind::PlatformAppeal),
        (CASE_1, ScriptKind::PiAccess),
        (CASE_2, ScriptKind::GameDecouple),
    ] {
        for d in write(case, kind, Lang::ZhCn) {
            let first = d.body.lines().next().unwrap();
            assert!(first.starts_with("尊敬的"), "{first}");
            for bad in ["客服申诉：", "（个人信息请求）", "您好："] {
                assert!(!first.contains(bad), "{first}");
            }
        }
    }
}

#[test]
fn no_letter_carries_the_id_number() {
    for case in [CASE_1, CASE_2] {
        for kind in [
            ScriptKind::PlatformAppeal,
            ScriptKind::PiAccess,
            ScriptKind::GameDecouple,
        ] {
            for lang in Lang::ALL {
                for d in write(case, kind, lang) {
                    assert!(
                        !d.body.contains("430102199003150020"),
                        "{} {}",
                        kind.id(),
                        lang.code()
                    );
                    assert!(!d.mailto.unwrap_or_default().contains("430102199003150020"));
                }
            }
        }
    }
}

#[test]
fn the_pi_letter_lists_weiyun_and_wechat_pay() {
    let d = &write(CASE_1, ScriptKind::PiAccess, Lang::ZhCn)[0];
    assert!(d.body.contains("微云"));
    assert!(d.body.contains("微信支付"));
}

#[test]
fn a_2019_appeal_prints_no_anti_fraud_law_block() {
    for d in write(CASE_1, ScriptKind::PlatformAppeal, Lang::ZhCn) {
        assert!(!d.body.contains("第三十二条"), "{}", d.body);
        assert!(d.guidance.contains("2022-12-01 起施行"));
    }
}

#[test]
fn the_game_letter_computes_no_deadline_from_another_products_promise() {
    for case in [CASE_1, CASE_2] {
        let d = &write(case, ScriptKind::GameDecouple, Lang::ZhCn)[0];
        assert!(d.deadline.is_none());
        assert!(d.guidance.contains("那是另一款产品的承诺"));
    }
    let d = &write(CASE_2, ScriptKind::PiAccess, Lang::ZhCn)[0];
    assert!(d.deadline.is_some());
    assert!(d.guidance.contains("腾讯新闻的隐私保护指引"));
}

#[test]
fn the_call_script_says_what_to_do_when_nobody_answers() {
    let d = &write(CASE_1, ScriptKind::Hotline, Lang::ZhCn)[0];
    let g = &d.guidance;
    for part in [
        "【一直打不通怎么办】",
        "派出所",
        "第三十二条第三款",
        "是哪个部门、单位作出的决定",
    ] {
        assert!(g.contains(part), "{part}");
    }
    assert!(g.contains("第三十一条第一款") && g.contains("第四十四条"));
    // Pu'er hours and asked-for fields: one report, not re-read; Chinese source titles.
    assert!(g.contains("长沙晚报（聂映荣）2019年10月的报道（转载，本应用未能复核原页）"));
    assert!(!g.contains("working hours Mon"));
    assert!(!g.contains("repost)"));
    assert!(g.contains("这条线路现在是否还有人接听，我们没有来源"));
    // No instruction inside the read-aloud text, no bracketed heading for the personal details.
    assert!(d.body.contains("我的基本信息如下："));
    assert!(!d.body.contains("【你们可能会问的信息】"));
    assert!(!d.body.contains("如实"));
}

#[test]
fn confidence_labels_match_the_number_of_sources() {
    let d = &write(CASE_1, ScriptKind::Hotline, Lang::ZhCn)[0];
    let mut seen = 0;
    for line in d.guidance.lines() {
        if line.contains("临时登录入口") || line.contains("一直占线") {
            seen += 1;
            assert!(line.ends_with("（单一来源）"), "{line}");
        }
    }
    assert!(seen >= 2, "{}", d.guidance);
}

#[test]
fn the_2019_notice_does_not_name_banks() {
    let events: serde_json::Value = serde_json::from_str(EVENTS).unwrap();
    let list = events
        .get("events")
        .and_then(|e| e.as_array())
        .or_else(|| events.as_array())
        .unwrap();
    let e = list
        .iter()
        .find(|e| e["id"] == "2019-10-14-mm-border")
        .unwrap();
    let platforms: Vec<&str> = e["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(!platforms.contains(&"bank"), "{platforms:?}");
}

#[test]
fn telecom_regulation_39_is_whole_and_12300_is_not_overstated() {
    let legal: serde_json::Value = serde_json::from_str(LEGAL).unwrap();
    let a = legal["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "telecom-reg-39")
        .unwrap();
    let p1 = a["paragraphs"][0]["text_zh"].as_str().unwrap();
    assert!(p1.starts_with("电信业务经营者提供的电信服务达不到国家规定的电信服务标准"));
    assert_eq!(a["verbatim"], true);
    let channels: serde_json::Value = serde_json::from_str(CHANNELS).unwrap();
    let c = channels["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "12300")
        .unwrap();
    let decides = c["decides"]["zh-CN"].as_str().unwrap();
    assert!(!decides.contains("包括号码被限制或停机"), "{decides}");
    assert!(decides.contains("能否解除反诈停机，我们没有来源"));
    let review = channels["channels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "administrative-review")
        .unwrap();
    assert!(review.to_string().contains("第一百一十七条"));
    assert!(!MESSAGES.contains("真客服不会通过QQ、微信联系你"));
}

/// `text` (a case file) with `key` set to `value`.
fn with(text: &str, key: &str, value: serde_json::Value) -> String {
    let mut json: serde_json::Value = serde_json::from_str(text).unwrap();
    json[key] = value;
    json.to_string()
}

fn write_at(text: &str, kind: ScriptKind, lang: Lang, now: jiff::civil::DateTime) -> Vec<Document> {
    let (case, screening) = screen(text);
    let input = ScriptInput {
        case: &case,
        screening: &screening,
        lang,
        now: Some(now),
        numbers: &[],
    };
    render(kind, &input, data()).unwrap()
}

#[test]
fn each_platform_letter_quotes_only_its_own_block_text() {
    // Case 1's text is WeChat's ("该微信号…"): the QQ letter must not quote it.
    let docs = write(CASE_1, ScriptKind::PlatformAppeal, Lang::ZhCn);
    assert_eq!(docs.len(), 2);
    assert!(
        docs[0].body.contains("“该微信号因涉及欺诈"),
        "{}",
        docs[0].body
    );
    assert!(!docs[1].body.contains("该微信号"), "{}", docs[1].body);
    assert!(
        docs[1].body.contains("“【QQ封停提示原文】”"),
        "{}",
        docs[1].body
    );
    let en = write(CASE_1, ScriptKind::PlatformAppeal, Lang::En);
    assert!(en[1].body.contains("[the QQ block message, word for word]"));
    // With QQ's own text, each letter quotes its own.
    let qq_text = "你的QQ号因涉嫌违规已被冻结。";
    let case = with(
        CASE_1,
        "freeze_messages",
        serde_json::json!({ "qq": qq_text }),
    );
    let docs = write(&case, ScriptKind::PlatformAppeal, Lang::ZhCn);
    assert!(docs[0].body.contains("该微信号") && !docs[0].body.contains(qq_text));
    assert!(docs[1].body.contains(qq_text) && !docs[1].body.contains("该微信号"));
    // A text that names no platform belongs to the only platform of a one-platform case.
    let one = with(CASE_2, "freeze_message", "账号已被永久冻结。".into());
    let d = &write(&one, ScriptKind::PlatformAppeal, Lang::ZhCn)[0];
    assert!(d.body.contains("账号已被永久冻结。"));
}

#[test]
fn a_rules_ban_gets_rules_arguments_and_no_call_script() {
    let (case, screening) = screen(CASE_2);
    for lang in Lang::ALL {
        for kind in [ScriptKind::PlatformAppeal, ScriptKind::PiAccess] {
            for d in write(CASE_2, kind, lang) {
                let text = d.page_text();
                for bad in [
                    "中缅边境",
                    "中緬邊境",
                    "China–Myanmar",
                    "12306",
                    "行程",
                    "itinerar",
                ] {
                    assert!(!text.contains(bad), "{} {}: {bad}", kind.id(), lang.code());
                }
            }
        }
        let input = ScriptInput {
            case: &case,
            screening: &screening,
            lang,
            now: None,
            numbers: &[],
        };
        let err = render(ScriptKind::Hotline, &input, data()).unwrap_err();
        assert_eq!(err, prescreen_core::letters::ScriptError::NotABorderFreeze);
        let says = lang.pick("申诉信", "申訴信", "appeal letter");
        assert!(err.message(lang).contains(says), "{}", err.message(lang));
    }
}

#[test]
fn a_border_freeze_without_a_stay_asserts_neither_a_stay_nor_a_rules_breach() {
    let case = with(CASE_1, "stays", serde_json::json!([]));
    let (_, screening) = screen(&case);
    assert_eq!(
        screening.cause.kind,
        prescreen_core::verdict::CauseKind::BorderAreaFreeze
    );
    for d in write(&case, ScriptKind::PlatformAppeal, Lang::ZhCn) {
        assert!(!d.body.contains("违反了什么"), "{}", d.body);
        assert!(!d.body.contains("哪一条规则"), "{}", d.body);
        assert!(
            d.body.contains("【如有：封停前我到过中缅边境附近"),
            "{}",
            d.body
        );
        assert!(!d.guidance.contains("平台规则封号时可以准备的材料"));
        assert!(d.guidance.contains("12306"));
    }
    let d = &write(&case, ScriptKind::Hotline, Lang::ZhCn)[0];
    assert!(!d.body.contains("我没有到过中缅边境附近"), "{}", d.body);
    assert!(d.body.contains("【如有：到过边境附近的日期、地点和原因】"));
}

#[test]
fn a_wrong_id_check_digit_is_never_written_into_the_call_script() {
    let mut json: serde_json::Value = serde_json::from_str(CASE_1).unwrap();
    json["person"]["id_number"] = "430102199003150021".into();
    let case = json.to_string();
    for lang in Lang::ALL {
        let d = &write(&case, ScriptKind::Hotline, lang)[0];
        assert!(
            !d.page_text().contains("430102199003150021"),
            "{}",
            lang.code()
        );
        let note = lang.pick("校验位不对", "檢查碼不對", "check digit is wrong");
        assert!(d.body.contains(note), "{}", d.body);
    }
    let d = &write(CASE_1, ScriptKind::Hotline, Lang::ZhCn)[0];
    assert!(d.body.contains("身份证号：430102199003150020"));
}

#[test]
fn the_call_script_reads_dates_aloud_and_letters_keep_iso() {
    let zh = &write(CASE_1, ScriptKind::Hotline, Lang::ZhCn)[0];
    assert!(
        zh.body.contains("2019年9月3日至5日，在打洛镇"),
        "{}",
        zh.body
    );
    assert!(zh.body.contains("在2019年10月14日被封停"));
    assert!(!zh.body.contains("2019-"), "{}", zh.body);
    let tw = &write(CASE_1, ScriptKind::Hotline, Lang::ZhTw)[0];
    assert!(tw.body.contains("2019年9月3日至5日"));
    let en = &write(CASE_1, ScriptKind::Hotline, Lang::En)[0];
    assert!(en.body.contains("3 to 5 September 2019"), "{}", en.body);
    assert!(en.body.contains("blocked on 14 October 2019"));
    // A span across months and years says what differs.
    let across = with(
        CASE_1,
        "stays",
        serde_json::json!([{ "place": "打洛镇", "from": "2019-08-30", "to": "2019-09-02" }]),
    );
    let d = &write(&across, ScriptKind::Hotline, Lang::ZhCn)[0];
    assert!(d.body.contains("2019年8月30日至9月2日"), "{}", d.body);
    let d = &write(&across, ScriptKind::Hotline, Lang::En)[0];
    assert!(
        d.body.contains("30 August to 2 September 2019"),
        "{}",
        d.body
    );
    // Letters are written, not read: ISO dates.
    let letter = &write(CASE_1, ScriptKind::PlatformAppeal, Lang::ZhCn)[0];
    assert!(letter.body.contains("2019-09-03 至 2019-09-05"));
    assert!(letter.body.contains("2019-10-14"));
}

#[test]
fn hours_from_2019_say_nothing_about_now_in_a_later_year() {
    let now = date(2024, 3, 9).at(20, 15, 0, 0);
    let zh = &write_at(CASE_1, ScriptKind::Hotline, Lang::ZhCn, now)[0];
    for bad in ["下次开始", "在工作时间内", "不在工作时间。", "放假安排"] {
        assert!(!zh.guidance.contains(bad), "{bad}\n{}", zh.guidance);
    }
    assert!(zh.guidance.contains("这些时间出自 2019 年的报道"));
    assert!(
        zh.guidance
            .contains("这条线路现在是否还有人接听，我们没有来源")
    );
    let en = &write_at(CASE_1, ScriptKind::Hotline, Lang::En, now)[0];
    assert!(!en.guidance.contains("Next opening"), "{}", en.guidance);
    // In 2019 the hours are still computed.
    let d = &write(CASE_1, ScriptKind::Hotline, Lang::ZhCn)[0];
    assert!(d.guidance.contains("在工作时间内，到 12:00 为止"));
}

#[test]
fn the_buy_and_rent_warning_is_its_own_block_after_the_scam_paragraph() {
    let d = &write(CASE_1, ScriptKind::Hotline, Lang::ZhCn)[0];
    let g = &d.guidance;
    let scam = g.find("【会收费吗？小心“代解封”】").unwrap();
    let buy = g.find("【不要买、租别人的账号或电话卡来“应急”】").unwrap();
    assert!(scam < buy);
    // A sourced "free" line, if a channel ever gains one, stays under the scam heading.
    let mut guidance = data().clone();
    let channel = guidance
        .channels
        .channels
        .iter_mut()
        .find(|c| c.id == "puer-police-station")
        .unwrap();
    let source = channel.hours.as_ref().unwrap().sources[0].clone();
    channel.cost = Some(prescreen_core::data::Cost {
        value: "free".into(),
        text: prescreen_core::data::Localized {
            zh_cn: "免费".into(),
            zh_tw: "免費".into(),
            en: "free".into(),
        },
        confidence: prescreen_core::data::Confidence::Single,
        sources: vec![source],
    });
    let (case, screening) = screen(CASE_1);
    let input = ScriptInput {
        case: &case,
        screening: &screening,
        lang: Lang::ZhCn,
        now: None,
        numbers: &[],
    };
    let d = &render(ScriptKind::Hotline, &input, &guidance).unwrap()[0];
    let g = &d.guidance;
    let scam = g.find("任何收费“代解封”都是诈骗").unwrap();
    let free = g.find("不收费（来源：").unwrap();
    let buy = g.find("【不要买、租别人的账号").unwrap();
    assert!(scam < free && free < buy, "{g}");
}

#[test]
fn a_deadline_past_the_last_notice_is_labelled_an_estimate_in_text_and_ics() {
    let late = with(CASE_2, "today", "2026-12-28".into());
    for lang in Lang::ALL {
        let d = &write(&late, ScriptKind::PiAccess, lang)[0];
        let dl = d.deadline.as_ref().unwrap();
        assert!(dl.estimated);
        assert_eq!(dl.due, date(2027, 1, 18));
        let note = lang.pick(
            "按周一至周五计算：2027年的放假安排尚未公布",
            "按週一至週五計算：2027年的放假安排尚未公布",
            "counted Monday to Friday: the 2027 holiday schedule has not been published",
        );
        assert!(d.guidance.contains(note), "{}: {}", lang.code(), d.guidance);
        // The .ics folds long lines: compare without the folds.
        let ics = dl.ics.replace("\r\n ", "");
        assert!(ics.contains(note), "{}: {ics}", lang.code());
    }
    let june = with(CASE_2, "today", "2026-06-01".into());
    let d = &write(&june, ScriptKind::PiAccess, Lang::ZhCn)[0];
    assert!(!d.deadline.as_ref().unwrap().estimated);
    assert!(!d.guidance.contains("按周一至周五计算"));
}

#[test]
fn a_posted_letter_counts_from_receipt() {
    // Tencent's privacy contact takes e-mail (same day) and post (from receipt).
    let d = &write(CASE_2, ScriptKind::PiAccess, Lang::ZhCn)[0];
    assert!(
        d.guidance
            .contains("以电子邮件在 2024-03-08 发出的，从当天算起"),
        "{}",
        d.guidance
    );
    assert!(d.guidance.contains("邮寄的信，期限从对方收到之日起算"));
    let en = &write(CASE_2, ScriptKind::PiAccess, Lang::En)[0];
    assert!(en.guidance.contains("counts from the day it is received"));
}

#[test]
fn salutations_come_from_the_recipient_table() {
    let docs = write(CASE_1, ScriptKind::PlatformAppeal, Lang::ZhCn);
    assert_eq!(docs[0].body.lines().next(), Some("尊敬的微信团队："));
    // QQ appeals go to Tencent customer service (kf.qq.com), not to a "QQ客服".
    assert_eq!(docs[1].body.lines().next(), Some("尊敬的腾讯客服："));
    let tw = write(CASE_1, ScriptKind::PlatformAppeal, Lang::ZhTw);
    assert_eq!(tw[1].body.lines().next(), Some("尊敬的騰訊客服："));
    let alipay = r#"{"version":1,"today":"2024-03-08","platforms":["alipay"],"stays":[]}"#;
    let en = &write(alipay, ScriptKind::PlatformAppeal, Lang::En)[0];
    assert_eq!(
        en.body.lines().next(),
        Some("Dear Alipay customer service,")
    );
    let pi = &write(CASE_2, ScriptKind::PiAccess, Lang::ZhCn)[0];
    assert_eq!(pi.body.lines().next(), Some("尊敬的腾讯数据隐私保护部："));
}

#[test]
fn letters_dated_before_the_pipl_quote_none_of_it() {
    // Case 1 is dated 2019-10-16; the PIPL is in force from 2021-11-01.
    for lang in Lang::ALL {
        for kind in [ScriptKind::PiAccess, ScriptKind::GameDecouple] {
            let d = &write(CASE_1, kind, lang)[0];
            for article in [
                "第四十五条",
                "第四十五條",
                "Art. 45",
                "第二十四条",
                "第五十条",
            ] {
                assert!(
                    !d.body.contains(article),
                    "{} {}: {article}",
                    kind.id(),
                    lang.code()
                );
            }
            let warns = lang.pick("2021-11-01 起施行", "2021-11-01 起施行", "2021-11-01");
            assert!(d.guidance.contains(warns), "{} {}", kind.id(), lang.code());
        }
    }
    // A 2024 letter cites it.
    let d = &write(CASE_2, ScriptKind::PiAccess, Lang::ZhCn)[0];
    assert!(d.body.contains("第四十五条"));
    let d = &write(CASE_2, ScriptKind::GameDecouple, Lang::ZhCn)[0];
    assert!(d.body.contains("第2项依据如下"));
}

#[test]
fn source_titles_are_printed_in_the_text_s_language() {
    let en = &write(CASE_1, ScriptKind::Hotline, Lang::En)[0];
    let hours = en
        .guidance
        .lines()
        .find(|l| l.starts_with("Hours given by the source"))
        .unwrap();
    assert!(hours.contains("Changsha Evening News"), "{hours}");
    assert!(!hours.contains("长沙晚报"), "{hours}");
    assert!(!en.guidance.contains("来自：") && en.guidance.contains("Changsha Evening News (Nie Yingrong), October 2019 report (a repost; the original page could not be re-read): what the police asked"));
    let zh = &write(CASE_1, ScriptKind::Hotline, Lang::ZhCn)[0];
    let hours = zh
        .guidance
        .lines()
        .find(|l| l.starts_with("来源给出的工作时间"))
        .unwrap();
    // No English word (4+ letters) in the Chinese hours line.
    let mut run = 0;
    for c in hours.chars() {
        run = if c.is_ascii_alphabetic() { run + 1 } else { 0 };
        assert!(run < 4, "{hours}");
    }
}

#[test]
fn the_look_back_window_is_labelled_as_our_inference() {
    let (_, screening) = screen(CASE_1);
    let why = &screening.findings[0].why;
    assert!(why.contains("回溯期"), "{why}");
    assert!(
        why.contains("官方从未公布回溯多久") && why.contains("是我们的推断"),
        "{why}"
    );
    // 2019-08-15 ..= 2019-10-14 in the data: "about 60 days".
    assert!(why.contains("约60天"), "{why}");
}
