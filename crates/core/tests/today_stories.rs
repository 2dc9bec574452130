//! Today's freezes (2020–2026), one real story per kind, against the shipped data: the message the
//! person got (from the corpus in `data/guidance/corpus.tsv`, row named in each test), where they
//! had been, and the cause a careful reader would name. None of them is the 2019 border freeze, so
//! none may come out as `border_area_freeze`, even with a stay in Yunnan.

use prescreen_core::i18n::Lang;
use prescreen_core::verdict::{CauseKind, Screening, Verdict};

use crate::scripts::shipped;
use crate::today_cases::screen_in;

/// A case frozen on `frozen_on` with `message`, on `platforms`, after `stays`, screened in zh-CN.
fn screen(frozen_on: &str, platforms: &str, message: &str, stays: &str) -> Screening {
    screen_in(Lang::ZhCn, frozen_on, platforms, message, stays)
}

fn channel_ids(s: &Screening) -> Vec<&str> {
    s.channels.iter().map(|c| c.id.as_str()).collect()
}

/// Corpus c001: CCB's SMS to Yunnan customers in May 2023 (bank risk control, ATFL Art. 18).
#[test]
fn ccb_yunnan_may_2023_is_the_banks_own_risk_control() {
    let s = screen(
        "2023-05-10",
        "bank",
        "因银行卡交易可能存在风险，为保障您的资金安全，您在我行的非柜面业务暂时无法办理，请尽快携带身份证件、开户预留手机号与不能正常使用的银行卡以及交易证明材料前往任意建行网点进行核实或联系95533咨询。",
        r#"[{"place":"昆明","from":"2023-04-20","to":"2023-05-09"}]"#,
    );
    assert_eq!(s.cause.kind, CauseKind::BankRiskControl);
    assert!(s.verdict <= Verdict::Unlikely, "{:?}", s.verdict);
    assert_eq!(s.cause.event, None);
    assert_eq!(channel_ids(&s).first(), Some(&"bank"));
    assert!(channel_ids(&s).contains(&"12378"));
}

/// Corpus c025: a tourist's number stopped by the Yunnan anti-fraud centre after a trip to
/// Lincang in November 2021, sent to 0883-96110.
#[test]
fn lincang_tourist_number_november_2021_is_a_flagged_number() {
    let s = screen(
        "2021-11-10",
        "phone",
        "手机号码无故被云南反诈骗中心停机,给了一个反诈骗中心的电话号码0883-96110",
        r#"[{"place":"临沧","from":"2021-11-07","to":"2021-11-10"}]"#,
    );
    assert_eq!(s.cause.kind, CauseKind::PhoneNumberFlagged);
    assert_ne!(s.verdict, Verdict::Likely);
    let ids = channel_ids(&s);
    assert!(
        ids.contains(&"carrier") && ids.contains(&"96110"),
        "{ids:?}"
    );
}

/// Corpus r43: Xiaomi Mobile's SMS citing the ATFL (outgoing calls barred, 二次实人认证).
#[test]
fn xiaomi_mobile_sms_is_a_flagged_number() {
    let s = screen(
        "2025-06-01",
        "phone",
        "[小米】尊敬的用户您好，为了深入推进防范治理电信网络诈骗工作，根据《中华人民共和国反电信网络诈骗法》及相关法律法规要求，您尾号3410的号码存在异常使用行为，您个人身份信息或号卡可能被不法分子利用，为了保护您个人及广大人民群众利益，将对您的号码限制呼出(仅可接听电话、接收短信)，48小时后将进行保护性停机，停机期间会收取5元/月的保号费。请您本人在收到短信2小时后点击 xxxx进行申诉，并持本人身份证完成二次实人认证(仅支持安卓手机)。如有疑问请致电小米移动客服热线:10046。给您带来的不便，我们深感抱歉，感谢您的配合。",
        r#"[{"place":"北京","from":"2025-05-01","to":"2025-06-01"}]"#,
    );
    assert_eq!(s.cause.kind, CauseKind::PhoneNumberFlagged);
    assert_eq!(s.verdict, Verdict::None);
}

/// Corpus c017: China Mobile Xinjiang's "protective shutdown" of a traveller's number (2025).
#[test]
fn xinjiang_roaming_shutdown_2025_is_a_flagged_number() {
    let s = screen(
        "2025-09-19",
        "phone",
        "被系統判定存在風險導致關停",
        r#"[{"place":"成都","from":"2025-09-01","to":"2025-09-02"}]"#,
    );
    assert_eq!(s.cause.kind, CauseKind::PhoneNumberFlagged);
}

/// Corpus c015: WeChat Pay change frozen by an authority.
#[test]
fn wechat_change_frozen_by_an_authority_is_a_funds_freeze() {
    let s = screen(
        "2024-03-01",
        "wechat",
        "微信零钱被有权机关冻结",
        r#"[{"place":"瑞丽","from":"2024-01-10","to":"2024-01-12"}]"#,
    );
    assert_eq!(s.cause.kind, CauseKind::FundsFrozenByAuthority);
    assert!(s.verdict <= Verdict::Unlikely);
    assert!(channel_ids(&s).contains(&"bank"));
}

/// Issue 15's own example of a police freeze notice.
#[test]
fn an_account_frozen_by_the_police_is_a_funds_freeze() {
    let s = screen(
        "2024-05-13",
        "bank",
        "您的账户已被公安机关冻结，如有疑问请联系办案单位。",
        r#"[{"place":"上海","from":"2024-05-01","to":"2024-05-02"}]"#,
    );
    assert_eq!(s.cause.kind, CauseKind::FundsFrozenByAuthority);
}

/// Corpus c036: the notice naming people held in northern Myanmar: cards suspended, 5 years
/// without new cards (a joint sanction, closest to card trading).
#[test]
fn five_years_without_new_cards_is_a_card_trading_sanction() {
    let s = screen(
        "2021-02-01",
        "bank,phone",
        "一律暂停手机卡、银行卡相关业务功能,暂停银行卡非柜面业务功能,并且5年内不能开办新手机卡和银行卡",
        r#"[{"place":"广州","from":"2021-01-01","to":"2021-01-02"}]"#,
    );
    assert_eq!(s.cause.kind, CauseKind::CardTradingSanction);
}

/// Corpus c060: a carrier's anti-fraud warning is not a measure against the reader.
#[test]
fn a_carrier_warning_sms_is_not_a_freeze() {
    let s = screen(
        "2018-12-21",
        "phone",
        "中国移动CMLink提醒您，如您或亲人收到电话或短信声称如下情况请勿轻信：1.通知您或亲人国内涉案 2.假冒使领馆名义通知您领取信函/包裹 3.通知您护照/签证到期或假冒内政部官员威胁驱逐出境 4.虚构您或亲人出现绑架/意外事件等。",
        r#"[{"place":"深圳","from":"2018-12-01","to":"2018-12-02"}]"#,
    );
    assert_eq!(s.cause.kind, CauseKind::NotAFreeze);
    assert_eq!(s.verdict, Verdict::None);
}

/// Corpus c063: a scam SMS announcing a freeze "within 24 hours".
#[test]
fn a_threatened_freeze_with_a_number_to_call_is_not_a_freeze() {
    let s = screen(
        "2024-06-24",
        "bank",
        "尊敬的用户，因您的账户存在异常活动，我们将于24小时内冻结您的银行卡，请及时联系客服处理。",
        r#"[{"place":"长沙","from":"2024-06-01","to":"2024-06-02"}]"#,
    );
    assert_eq!(s.cause.kind, CauseKind::NotAFreeze);
}

/// Corpus r01 and r08: today's WeChat and QQ texts keep their causes.
#[test]
fn platform_rules_and_security_checks_keep_their_causes() {
    let s = screen(
        "2023-02-09",
        "wechat",
        "因使用了微信外挂、非官方客户端或模拟器，被临时限制登录，请尽快卸载对应的非法软件。",
        r#"[{"place":"景洪","from":"2023-01-20","to":"2023-01-25"}]"#,
    );
    assert_eq!(s.cause.kind, CauseKind::PlatformViolation);
    let s = screen(
        "2023-08-12",
        "qq",
        "当前环境存在风险，为保障你的账号安全，暂时无法登陆。",
        r#"[{"place":"景洪","from":"2023-08-01","to":"2023-08-05"}]"#,
    );
    assert_eq!(s.cause.kind, CauseKind::AccountSecurity);
}

/// Corpus c068: an exit restriction is outside the tool: the cause stays unknown, the pattern
/// says what it is.
#[test]
fn an_exit_restriction_is_named_but_not_screened() {
    let s = screen(
        "2023-06-01",
        "other",
        "上了大数据滞留名单,这次刚回国,就被派出所告知暂时无法出境,必须先办理报备手续,解除名单后才行",
        r#"[{"place":"重庆","from":"2023-05-01","to":"2023-05-02"}]"#,
    );
    assert_eq!(s.cause.kind, CauseKind::Unknown);
    assert_eq!(
        s.message.as_ref().and_then(|m| m.pattern.as_deref()),
        Some("exit-restriction")
    );
    assert_eq!(s.verdict, Verdict::None);
}

/// The later location-linked events are dated, sourced, and carry no region: screening by area
/// stays with the 2019 event, whose window they must not widen.
#[test]
fn later_events_are_dated_and_do_not_screen_by_area() {
    let data = shipped();
    for id in [
        "2021-06-miit-mps-card-reverification",
        "2021-11-yunnan-tourist-numbers",
        "2023-05-ccb-yunnan-card-controls",
        "2025-09-xinjiang-mobile-roaming-stop",
    ] {
        let e = data
            .events
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("event {id} is missing"));
        assert!(e.regions.is_empty(), "{id}");
        assert!(!e.sources.is_empty(), "{id}");
        assert!(e.effective.starts_with("202"), "{id}: {}", e.effective);
    }
    // A 2021 stay in Lincang with no message is not tied to the 2019 border freeze.
    let s = screen(
        "2021-11-10",
        "phone",
        "",
        r#"[{"place":"临沧","from":"2021-11-07","to":"2021-11-10"}]"#,
    );
    assert_ne!(s.cause.kind, CauseKind::BorderAreaFreeze);
}
