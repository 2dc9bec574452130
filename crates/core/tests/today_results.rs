//! What the result says first and offers, for today's freezes (issue 15): one real story per
//! cause, screened against the shipped data in each language: the cause, the headline about that
//! cause (not about the border), the border finding as a secondary line, who decides and the next
//! step, and the documents offered with their recipients, most useful first.

use prescreen_core::i18n::Lang;
use prescreen_core::verdict::{CauseKind, Screening, Verdict};

use crate::today_cases::screen_in;

/// `kind→to` of each document offered, in order.
fn offered(s: &Screening) -> Vec<String> {
    s.documents
        .iter()
        .map(|d| format!("{}→{}", d.kind, d.to))
        .collect()
}

const POLICE_FREEZE: &str = "您的账户已被公安机关冻结，如有疑问请联系办案单位。";
const FLAGGED_NUMBER: &str = "您的号码存在涉诈风险，已被限制使用，请到营业厅进行二次实人认证。";
const WECHAT_BOT_BAN: &str =
    "因使用了微信外挂、非官方客户端或模拟器，被临时限制登录，请尽快卸载对应的非法软件。";
const OFFICE_MESSAGE: &str =
    "该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。";

/// Issue 15's bank card frozen by the police, after a trip far from the border.
#[test]
fn a_police_freeze_of_a_bank_account_speaks_of_the_police_and_offers_the_bank_counter() {
    let stays = r#"[{"place":"上海","from":"2024-05-01","to":"2024-05-02"}]"#;
    let s = screen_in(Lang::ZhCn, "2024-05-13", "bank", POLICE_FREEZE, stays);
    assert_eq!(s.cause.kind, CauseKind::FundsFrozenByAuthority);
    assert_eq!(s.headline, "资金被公安机关冻结，只有冻结机关能解除");
    // The border finding is only a secondary line.
    assert_eq!(
        s.border_line.as_deref(),
        Some("你的行程与已知的边境封停区域无关")
    );
    assert_eq!(
        offered(&s),
        [
            "bank-counter→bank",
            "police-inquiry→police-local",
            "call-96110→96110",
            "follow-up→bank"
        ]
    );
    let triage = s.triage.as_ref().expect("the cause's triage");
    assert!(
        triage.who_decides.contains("原批准的机关"),
        "{}",
        triage.who_decides
    );
    assert!(!triage.next_step.is_empty());

    let tw = screen_in(Lang::ZhTw, "2024-05-13", "bank", POLICE_FREEZE, stays);
    assert_eq!(tw.headline, "資金被公安機關凍結，只有凍結機關能解除");
    assert_eq!(
        offered(&tw),
        offered(&s),
        "documents do not depend on the language"
    );
    let en = screen_in(Lang::En, "2024-05-13", "bank", POLICE_FREEZE, stays);
    assert!(
        en.headline.contains("only the authority that froze it"),
        "{}",
        en.headline
    );
    assert!(en.triage.unwrap().who_decides.contains("cannot lift it"));
}

/// Issue 15's carrier SMS: the number flagged, second real-person verification at the shop.
#[test]
fn a_flagged_number_speaks_of_the_carrier_and_offers_the_shop_script_first() {
    let stays = r#"[{"place":"北京","from":"2025-05-01","to":"2025-06-01"}]"#;
    let s = screen_in(Lang::ZhCn, "2025-06-01", "phone", FLAGGED_NUMBER, stays);
    assert_eq!(s.cause.kind, CauseKind::PhoneNumberFlagged);
    assert_eq!(
        s.headline,
        "号码被运营商按涉诈风险限制：本人到营业厅重新实名核验"
    );
    assert_eq!(
        offered(&s),
        [
            "carrier-counter→carrier",
            "call-96110→96110",
            "human-review→carrier",
            "complaint-12300→12300",
            "follow-up→carrier"
        ]
    );
    assert!(s.triage.unwrap().who_decides.contains("运营商"));
    let tw = screen_in(Lang::ZhTw, "2025-06-01", "phone", FLAGGED_NUMBER, stays);
    assert_eq!(
        tw.headline,
        "號碼被電信業者依涉詐風險限制：本人到門市重新實名核驗"
    );
    let en = screen_in(Lang::En, "2025-06-01", "phone", FLAGGED_NUMBER, stays);
    assert!(
        en.headline
            .starts_with("The carrier has restricted the number")
    );
}

/// Corpus r01: a WeChat ban for a bot client, after a stay near the border: the platform's rules,
/// not the border; the weak border clue becomes the secondary line.
#[test]
fn a_platform_rules_ban_speaks_of_the_platform_and_offers_the_appeal() {
    let stays = r#"[{"place":"景洪","from":"2023-01-20","to":"2023-01-25"}]"#;
    let s = screen_in(Lang::ZhCn, "2023-02-09", "wechat", WECHAT_BOT_BAN, stays);
    assert_eq!(s.cause.kind, CauseKind::PlatformViolation);
    assert_eq!(s.headline, "平台按自己的规则处罚了账号：在平台内申诉");
    assert!(s.border_line.is_some());
    assert_eq!(
        offered(&s),
        [
            "platform-appeal→wechat-support",
            "human-review→wechat-support",
            "pi-access→tencent-privacy",
            "follow-up→wechat-support"
        ]
    );
    // Alipay alone: no Tencent personal-information letter.
    let alipay = screen_in(Lang::ZhCn, "2023-02-09", "alipay", WECHAT_BOT_BAN, stays);
    assert!(offered(&alipay).iter().all(|d| !d.starts_with("pi-access")));
    assert_eq!(alipay.documents[0].to, "alipay-support");
    let en = screen_in(Lang::En, "2023-02-09", "wechat", WECHAT_BOT_BAN, stays);
    assert!(en.headline.contains("its own rules"), "{}", en.headline);
}

/// The 2019 story (打洛, the office's message): the border headline, the 2019 documents.
#[test]
fn the_2019_border_story_keeps_the_border_headline_and_the_hotline_first() {
    let stays = r#"[{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"}]"#;
    let s = screen_in(Lang::ZhCn, "2019-10-14", "wechat,qq", OFFICE_MESSAGE, stays);
    assert_eq!(s.cause.kind, CauseKind::BorderAreaFreeze);
    assert_eq!(s.verdict, Verdict::Likely);
    assert_eq!(s.headline, "很可能与边境地区封停有关");
    assert_eq!(s.border_line, None);
    assert_eq!(
        offered(&s),
        [
            "hotline→puer-police-station",
            "platform-appeal→wechat-support",
            "pi-access→tencent-privacy",
            "game-decouple→tencent-games",
            "follow-up→puer-police-station"
        ]
    );
    // WeChat only: no QQ game letter.
    let wechat = screen_in(Lang::ZhCn, "2019-10-14", "wechat", OFFICE_MESSAGE, stays);
    assert!(
        offered(&wechat)
            .iter()
            .all(|d| !d.starts_with("game-decouple"))
    );
    let tw = screen_in(Lang::ZhTw, "2019-10-14", "wechat,qq", OFFICE_MESSAGE, stays);
    assert_eq!(tw.headline, "很可能與邊境地區封停有關");
}

/// A police freeze of WeChat money after a stay inside a frozen area in 2019: both causes remain, so the border
/// call script is offered after the cause's own documents.
#[test]
fn another_cause_with_a_stay_inside_a_frozen_area_offers_the_hotline_too() {
    let stays = r#"[{"place":"小勐拉","from":"2019-10-01","to":"2019-10-03"}]"#;
    let s = screen_in(Lang::ZhCn, "2019-10-14", "wechat", POLICE_FREEZE, stays);
    assert_eq!(s.cause.kind, CauseKind::FundsFrozenByAuthority);
    assert_eq!(s.verdict, Verdict::Possible);
    assert_eq!(s.headline, "资金被公安机关冻结，只有冻结机关能解除");
    assert_eq!(s.border_line.as_deref(), Some("可能与边境地区封停有关"));
    let kinds: Vec<&str> = s.documents.iter().map(|d| d.kind.as_str()).collect();
    // The border call script after the cause's own documents.
    assert_eq!(
        kinds,
        [
            "bank-counter",
            "police-inquiry",
            "call-96110",
            "hotline",
            "follow-up"
        ]
    );
}

/// Corpus c060: a warning SMS is not a freeze: nothing to send.
#[test]
fn not_a_freeze_offers_no_document() {
    let s = screen_in(
        Lang::ZhCn,
        "2018-12-21",
        "phone",
        "中国移动CMLink提醒您，如您或亲人收到电话或短信声称如下情况请勿轻信：1.通知您或亲人国内涉案 2.假冒使领馆名义通知您领取信函/包裹 3.通知您护照/签证到期或假冒内政部官员威胁驱逐出境 4.虚构您或亲人出现绑架/意外事件等。",
        r#"[{"place":"深圳","from":"2018-12-01","to":"2018-12-02"}]"#,
    );
    assert_eq!(s.cause.kind, CauseKind::NotAFreeze);
    assert_eq!(s.headline, "这不是对你账户的处罚，不需要申诉");
    assert!(s.documents.is_empty(), "{:?}", offered(&s));
}

/// Corpus c001 (CCB, May 2023): the bank's own risk control offers the complaint to 12378 after
/// the counter and the human review, and a follow-up to the bank last.
#[test]
fn a_banks_own_risk_control_offers_the_12378_complaint_after_the_counter() {
    let ccb = "因银行卡交易可能存在风险，为保障您的资金安全，您在我行的非柜面业务暂时无法办理，请尽快携带身份证件、开户预留手机号与不能正常使用的银行卡以及交易证明材料前往任意建行网点进行核实或联系95533咨询。";
    let stays = r#"[{"place":"昆明","from":"2023-04-20","to":"2023-05-09"}]"#;
    for lang in Lang::ALL {
        let s = screen_in(lang, "2023-05-10", "bank", ccb, stays);
        assert_eq!(s.cause.kind, CauseKind::BankRiskControl);
        assert_eq!(
            offered(&s),
            [
                "bank-counter→bank",
                "human-review→bank",
                "complaint-12378→12378",
                "follow-up→bank"
            ],
            "{lang:?}"
        );
    }
    let tw = screen_in(Lang::ZhTw, "2023-05-10", "bank", ccb, stays);
    assert_eq!(tw.documents[2].label, "向12378投訴（銀行保險）");
}
