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
