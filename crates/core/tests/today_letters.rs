//! The documents for today's freezes (issue 15), written from real stories in every language:
//! the lines that make each one useful (what to ask, the law it rests on, what not to do), the
//! person's details or visible placeholders, and the caution when the screening did not offer it.

use prescreen_core::case::{Case, CaseFile};
use prescreen_core::data::{DataSet, SHIPPED};
use prescreen_core::i18n::Lang;
use prescreen_core::letters::{Document, ScriptInput, ScriptKind, render};
use prescreen_core::template::placeholders;
use prescreen_core::verdict::{Screening, check};

fn shipped() -> &'static DataSet {
    static DATA: std::sync::OnceLock<DataSet> = std::sync::OnceLock::new();
    DATA.get_or_init(|| DataSet::load(&SHIPPED).expect("shipped data loads"))
}

/// Issue 15's bank card frozen by the police (2024), with the person's details.
const BANK_FREEZE: &str = r#"{
  "version": 1, "today": "2024-05-20", "frozen_on": "2024-05-13", "platforms": ["bank"],
  "freeze_message": "您的账户已被公安机关冻结，如有疑问请联系办案单位。",
  "stays": [{ "place": "上海", "from": "2024-05-01", "to": "2024-05-02" }],
  "person": { "name": "王芳", "id_number": "430102199003150020", "phone": "13800138000" }
}"#;

/// Issue 15's carrier SMS (2025), no personal details.
const FLAGGED_NUMBER: &str = r#"{
  "version": 1, "today": "2025-06-02", "frozen_on": "2025-06-01", "platforms": ["phone"],
  "freeze_message": "您的号码存在涉诈风险，已被限制使用，请到营业厅进行二次实人认证。",
  "stays": [{ "place": "北京", "from": "2025-05-01", "to": "2025-06-01" }]
}"#;

/// Corpus c001: CCB's SMS to Yunnan customers (May 2023), the bank's own risk control.
const CCB_2023: &str = r#"{
  "version": 1, "today": "2023-05-11", "frozen_on": "2023-05-10", "platforms": ["bank"],
  "freeze_message": "因银行卡交易可能存在风险，为保障您的资金安全，您在我行的非柜面业务暂时无法办理，请尽快携带身份证件、开户预留手机号与不能正常使用的银行卡以及交易证明材料前往任意建行网点进行核实或联系95533咨询。",
  "stays": [{ "place": "昆明", "from": "2023-04-20", "to": "2023-05-09" }]
}"#;

/// Corpus c025: a tourist's number stopped in Lincang (November 2021), before the ATFL.
const LINCANG_2021: &str = r#"{
  "version": 1, "today": "2021-11-12", "frozen_on": "2021-11-10", "platforms": ["phone"],
  "freeze_message": "手机号码无故被云南反诈骗中心停机,给了一个反诈骗中心的电话号码0883-96110",
  "stays": [{ "place": "临沧", "from": "2021-11-07", "to": "2021-11-10" }]
}"#;

fn screen(text: &str, lang: Lang) -> (Case, Screening) {
    let case = CaseFile::from_json(text).unwrap().validate().unwrap();
    let screening = check(&case, shipped(), lang).unwrap();
    (case, screening)
}

fn write(text: &str, kind: ScriptKind, lang: Lang, numbers: &[String]) -> Document {
    let (case, screening) = screen(text, lang);
    let input = ScriptInput {
        case: &case,
        screening: &screening,
        lang,
        now: None,
        numbers,
    };
    let guidance = shipped().guidance.as_ref().unwrap();
    let mut docs =
        render(kind, &input, guidance).unwrap_or_else(|e| panic!("{} {lang:?}: {e}", kind.id()));
    assert_eq!(docs.len(), 1);
    let doc = docs.remove(0);
    let page = doc.page_text();
    assert!(
        placeholders(&page).is_empty(),
        "{} {lang:?}: unfilled {:?}",
        kind.id(),
        placeholders(&page)
    );
    assert!(!page.contains("undefined"));
    doc
}

fn has(doc: &Document, needles: &[&str]) {
    let page = doc.page_text();
    for n in needles {
        assert!(page.contains(n), "{:?} lacks {n:?}:\n{page}", doc.kind);
    }
}

#[test]
fn the_bank_counter_script_asks_who_froze_it_on_what_basis_for_how_long() {
    let zh = write(BANK_FREEZE, ScriptKind::BankCounter, Lang::ZhCn, &[]);
    has(
        &zh,
        &[
            "我叫王芳",
            "“您的账户已被公安机关冻结，如有疑问请联系办案单位。”",
            "是哪个机关、哪个办案单位",
            "期限到哪一天",
            "银行只是协助执行，不能自己解冻",
            // A police freeze: the procedure rules, not the ATFL, are quoted.
            "第二百三十九条",
            "第二百四十七条",
            "代解封",
        ],
    );
    // The screening offered it, so no caution.
    assert!(!zh.guidance.contains("预检没有把这份文稿列为"));
    let tw = write(BANK_FREEZE, ScriptKind::BankCounter, Lang::ZhTw, &[]);
    has(&tw, &["是哪個機關、哪個辦案單位", "不能自己解凍", "身分證"]);
    let en = write(BANK_FREEZE, ScriptKind::BankCounter, Lang::En, &[]);
    has(
        &en,
        &[
            "which authority, which case unit",
            "Until which date?",
            "cannot lift it itself",
        ],
    );
    // The bank's own risk control: the ATFL articles, what CCB asked people to bring.
    let ccb = write(CCB_2023, ScriptKind::BankCounter, Lang::ZhCn, &[]);
    has(&ccb, &["第十八条", "第三十二条", "开户预留手机号"]);
}

#[test]
fn the_carrier_shop_script_asks_for_the_second_verification_and_who_decided() {
    let zh = write(FLAGGED_NUMBER, ScriptKind::CarrierCounter, Lang::ZhCn, &[]);
    has(
        &zh,
        &[
            "二次实人认证",
            "还是公安机关要求停机的",
            "【姓名】",
            "【手机号】",
            "第十一条",
            "24小时",
            "当地区号+96110",
        ],
    );
    let tw = write(FLAGGED_NUMBER, ScriptKind::CarrierCounter, Lang::ZhTw, &[]);
    has(&tw, &["門市", "電信業者", "身分證"]);
    let en = write(FLAGGED_NUMBER, ScriptKind::CarrierCounter, Lang::En, &[]);
    has(
        &en,
        &[
            "second real-person verification",
            "did the police ask for it to be stopped",
        ],
    );
}

#[test]
fn the_96110_script_asks_whether_the_anti_fraud_centre_decided_and_keeps_the_users_number() {
    let numbers = vec!["0883-96110".to_owned()];
    let zh = write(LINCANG_2021, ScriptKind::Call96110, Lang::ZhCn, &numbers);
    has(
        &zh,
        &[
            "是不是反诈中心或公安机关要求的",
            "应该去找运营商、银行还是平台",
            "不是解封的地方",
            "0883-96110",
        ],
    );
    assert_eq!(
        zh.tel.len(),
        1,
        "the number the user copied becomes a tel: link"
    );
    let none = write(LINCANG_2021, ScriptKind::Call96110, Lang::ZhCn, &[]);
    has(&none, &["直接拨96110"]);
    assert!(
        none.tel.is_empty(),
        "the page never invents a number to dial"
    );
    let tw = write(LINCANG_2021, ScriptKind::Call96110, Lang::ZhTw, &[]);
    has(&tw, &["是不是反詐中心或公安機關要求的", "忙線"]);
    let en = write(LINCANG_2021, ScriptKind::Call96110, Lang::En, &[]);
    has(&en, &["not for unfreezing", "area code + 96110"]);
}

#[test]
fn the_police_inquiry_asks_in_writing_and_cites_the_rule_that_fits() {
    // A police freeze of funds: release when unrelated (Art. 247), not ATFL Art. 32.
    let zh = write(BANK_FREEZE, ScriptKind::PoliceInquiry, Lang::ZhCn, &[]);
    has(
        &zh,
        &[
            "【作出决定的公安机关名称】",
            "身份证号430102199003150020",
            "采取措施的原因和依据",
            "需要提交哪些材料",
            "三日以内",
        ],
    );
    assert!(!zh.body.contains("第三十二条第三款"), "{}", zh.body);
    assert!(zh.subject.as_deref().is_some_and(|s| s.contains("银行卡")));
    // A flagged number after 2022-12-01: ATFL Art. 32(3).
    let flagged = write(FLAGGED_NUMBER, ScriptKind::PoliceInquiry, Lang::ZhCn, &[]);
    has(&flagged, &["第三十二条第三款", "救济渠道"]);
    // The screening offered the carrier first, not a letter to the police: it says so.
    has(&flagged, &["预检没有把这份文稿列为合适的下一步"]);
    // Before the ATFL was in force: it asks under the rules of the time, not under Art. 32.
    let before = write(LINCANG_2021, ScriptKind::PoliceInquiry, Lang::ZhCn, &[]);
    assert!(!before.body.contains("第三十二条第三款"), "{}", before.body);
    has(&before, &["2022年12月1日"]);
    let tw = write(BANK_FREEZE, ScriptKind::PoliceInquiry, Lang::ZhTw, &[]);
    has(&tw, &["身分證號碼", "三日以內"]);
    let en = write(FLAGGED_NUMBER, ScriptKind::PoliceInquiry, Lang::En, &[]);
    has(
        &en,
        &[
            "Article 32(3)",
            "the remedy channel",
            "send the Chinese version",
        ],
    );
}

#[test]
fn every_kind_of_the_cli_contract_that_is_written_is_a_known_kind() {
    for kind in ScriptKind::ALL {
        assert!(
            prescreen_core::data::DOCUMENT_KINDS.contains(&kind.id()),
            "{} is not in the contract",
            kind.id()
        );
        assert_eq!(ScriptKind::from_id(kind.id()), Some(kind));
    }
}

#[test]
fn the_human_review_request_cites_pipl_24_and_goes_to_whoever_decided() {
    let zh = write(FLAGGED_NUMBER, ScriptKind::HumanReview, Lang::ZhCn, &[]);
    has(
        &zh,
        &[
            "电信运营商",
            "第二十四条第三款",
            "由工作人员对我的情况进行人工复核",
            // A carrier's measure on a flagged card (ATFL Art. 11), after 2022-12-01.
            "第三十二条第三款",
            "第五十条",
        ],
    );
    assert!(zh.subject.is_some());
    // The Lincang number was stopped in 2021: no ATFL paragraph in the letter.
    let before = write(LINCANG_2021, ScriptKind::HumanReview, Lang::ZhCn, &[]);
    assert!(!before.body.contains("第三十二条第三款"), "{}", before.body);
    let tw = write(FLAGGED_NUMBER, ScriptKind::HumanReview, Lang::ZhTw, &[]);
    has(&tw, &["人工複核", "第二十四條第三款"]);
    let en = write(FLAGGED_NUMBER, ScriptKind::HumanReview, Lang::En, &[]);
    has(
        &en,
        &[
            "Article 24(3)",
            "solely by automated means",
            "reviewed by a person",
        ],
    );
}

/// The police call script to the Pu'er station fits the 2019 border freeze only: a bank freeze or
/// a flagged number gets a message pointing to the documents offered, in the case's language;
/// the refusal follows the screening's `documents`, which offer the script for these causes only
/// when the verdict still says "possible" (advice.rs).
#[test]
fn the_border_call_script_is_refused_for_todays_freezes_unless_offered() {
    for (story, says) in [
        (BANK_FREEZE, "不是2019年10月14日起的边境地区通报封停"),
        (FLAGGED_NUMBER, "不是2019年10月14日起的边境地区通报封停"),
    ] {
        let (case, screening) = screen(story, Lang::ZhCn);
        assert!(!screening.documents.iter().any(|d| d.kind == "hotline"));
        let input = ScriptInput {
            case: &case,
            screening: &screening,
            lang: Lang::ZhCn,
            now: None,
            numbers: &[],
        };
        let guidance = shipped().guidance.as_ref().unwrap();
        let error = render(ScriptKind::Hotline, &input, guidance).expect_err("refused");
        assert!(error.message(Lang::ZhCn).contains(says), "{error}");
        assert!(error.message(Lang::En).contains("2019-10-14"), "{error}");
    }
}

/// The flagged number again, with a visit to the carrier's shop recorded in `sent`.
const FLAGGED_AFTER_SHOP: &str = r#"{
  "version": 1, "today": "2025-06-02", "frozen_on": "2025-06-01", "platforms": ["phone"],
  "freeze_message": "您的号码存在涉诈风险，已被限制使用，请到营业厅进行二次实人认证。",
  "person": { "name": "李明", "phone": "13800138000" },
  "sent": [{ "kind": "carrier-counter", "on": "2025-05-10" }]
}"#;

/// The 12300 complaint cites Art. 39, says in every language that 12300 does not decide the
/// anti-fraud stop, complains of the carrier's handling only, and dates the 30-day answer.
#[test]
fn the_12300_complaint_stays_within_article_39_and_dates_the_30_day_answer() {
    let scope = [
        (
            Lang::ZhCn,
            "是否解除不由12300决定",
            "《电信条例》第三十九条",
        ),
        (
            Lang::ZhTw,
            "是否解除不由12300決定",
            "《電信條例》第三十九條",
        ),
        (
            Lang::En,
            "12300 does not decide whether it is lifted",
            "Article 39 of the Telecommunications Regulations",
        ),
    ];
    for (lang, scope_line, article) in scope {
        let doc = write(FLAGGED_AFTER_SHOP, ScriptKind::Complaint12300, lang, &[]);
        has(
            &doc,
            &[
                scope_line,
                article,
                "2025-05-10",
                "2025-07-02",
                "第三十九条第一款",
            ],
        );
        // The body never asks 12300 to lift the stop, and asks about the carrier's handling.
        let ask = lang.pick("督促运营商", "督促電信業者", "ask the carrier");
        assert!(doc.body.contains(ask), "{lang:?}");
        let deadline = doc.deadline.as_ref().expect("30 days from Art. 39");
        assert_eq!(deadline.due.to_string(), "2025-07-02");
        assert!(!deadline.estimated);
        assert!(deadline.ics.contains("DTSTART;VALUE=DATE:20250702\r\n"));
    }
    // Without `sent`, the earlier step is a blank to fill in, not an invented date.
    let doc = write(FLAGGED_NUMBER, ScriptKind::Complaint12300, Lang::ZhCn, &[]);
    has(&doc, &["我已先向运营商提出：【哪一天】"]);
}

/// The 12378 complaint says that neither the bank nor 12378 can lift a police freeze, cites
/// ATFL Art. 18 ¶3 for the bank's own measure, and computes no date (no source gives one).
#[test]
fn the_12378_complaint_says_a_police_freeze_is_not_the_banks_nor_12378s_to_lift() {
    let lines = [
        (
            Lang::ZhCn,
            "银行不能解除，贵单位也不能解除",
            "没有来源给出12378",
        ),
        (
            Lang::ZhTw,
            "銀行不能解除，貴單位也不能解除",
            "沒有來源給出12378",
        ),
        (
            Lang::En,
            "neither the bank nor your office can",
            "No source gives a reply period for 12378",
        ),
    ];
    for (lang, limit, no_period) in lines {
        for story in [CCB_2023, BANK_FREEZE] {
            let doc = write(story, ScriptKind::Complaint12378, lang, &[]);
            has(
                &doc,
                &[limit, no_period, "第十八条第三款", "第三十二条第三款"],
            );
            assert!(
                doc.deadline.is_none(),
                "{lang:?}: no sourced period, no date"
            );
        }
    }
    // Offered for the bank's own risk control: no caution; not offered for a police freeze.
    let ccb = write(CCB_2023, ScriptKind::Complaint12378, Lang::ZhCn, &[]);
    assert!(!ccb.guidance.contains("预检没有把这份文稿列为"));
    let police = write(BANK_FREEZE, ScriptKind::Complaint12378, Lang::ZhCn, &[]);
    assert!(police.guidance.contains("预检没有把这份文稿列为"));
}

fn bank_with_sent(today: &str, sent_on: &str) -> String {
    format!(
        r#"{{
  "version": 1, "today": "{today}", "frozen_on": "2025-05-30", "platforms": ["bank"],
  "freeze_message": "因银行卡交易可能存在风险，为保障您的资金安全，您在我行的非柜面业务暂时无法办理，请尽快携带身份证件、开户预留手机号与不能正常使用的银行卡以及交易证明材料前往任意建行网点进行核实或联系95533咨询。",
  "person": {{ "name": "王芳" }},
  "sent": [{{ "kind": "bank-counter", "on": "{sent_on}" }}]
}}"#
    )
}

/// Nobody answered after the counter visit of 2025-06-01: the bank's 15 days ended on
/// 2025-06-16; the follow-up asks for an answer by 2025-07-05 and names 12378 next.
#[test]
fn the_follow_up_names_the_earlier_visit_its_ended_period_and_the_next_step() {
    let case = bank_with_sent("2025-06-20", "2025-06-01");
    let expect = [
        (
            Lang::ZhCn,
            "答复期限已于 2025-06-16 届满",
            "请在 2025-07-05 之前答复我",
            "向12378",
        ),
        (
            Lang::ZhTw,
            "答覆期限已於 2025-06-16 屆滿",
            "請在 2025-07-05 之前答覆我",
            "向12378",
        ),
        (
            Lang::En,
            "the reply period ended on 2025-06-16",
            "Please answer by 2025-07-05",
            "complain to 12378",
        ),
    ];
    for (lang, ended, reply_by, next) in expect {
        let doc = write(&case, ScriptKind::FollowUp, lang, &[]);
        has(&doc, &["2025-06-01", ended, reply_by, next]);
        let d = doc.deadline.as_ref().expect("the bank's 15 days");
        assert_eq!(
            (d.sent_on.to_string(), d.due.to_string()),
            ("2025-06-20".into(), "2025-07-05".into())
        );
        // The earlier due date has passed: one reminder only.
        assert_eq!(d.ics.matches("BEGIN:VEVENT").count(), 1, "{lang:?}");
    }
}

/// Written before the earlier period ends: the letter says to wait, counts from the day after,
/// and the .ics holds both dates, each an all-day event with CRLF lines of at most 75 octets.
#[test]
fn a_follow_up_written_too_early_says_to_wait_and_its_ics_holds_both_reminders() {
    let case = bank_with_sent("2025-06-20", "2025-06-15");
    let doc = write(&case, ScriptKind::FollowUp, Lang::ZhCn, &[]);
    has(
        &doc,
        &["答复期限到 2025-06-30 才届满", "请在 2025-07-16 之前答复我"],
    );
    let d = doc.deadline.as_ref().unwrap();
    assert_eq!(d.sent_on.to_string(), "2025-07-01");
    let ics = &d.ics;
    assert_eq!(ics.matches("BEGIN:VCALENDAR\r\n").count(), 1);
    let starts: Vec<&str> = ics
        .split("\r\n")
        .filter(|l| l.starts_with("DTSTART"))
        .collect();
    assert_eq!(
        starts,
        ["DTSTART;VALUE=DATE:20250630", "DTSTART;VALUE=DATE:20250716"]
    );
    assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "bare LF in the .ics"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    // Two distinct UIDs, stable from the content.
    let uids: std::collections::BTreeSet<&str> = ics
        .split("\r\n")
        .filter(|l| l.starts_with("UID:"))
        .collect();
    assert_eq!(uids.len(), 2);
    assert_eq!(
        write(&case, ScriptKind::FollowUp, Lang::ZhCn, &[])
            .deadline
            .unwrap()
            .ics,
        *ics
    );
}

/// A personal-information request to Tencent sent on 2026-12-01, no answer by 2026-12-28: the 15
/// working days run into 2027, which has no holiday notice yet, so both dates are estimates and
/// the letter and the .ics say so.
#[test]
fn a_follow_up_past_the_last_holiday_year_is_labelled_an_estimate() {
    let case = r#"{
  "version": 1, "today": "2026-12-28", "frozen_on": "2026-11-20", "platforms": ["wechat"],
  "freeze_message": "你的微信账号因涉嫌违反《微信个人账号使用规范》被限制登录。",
  "person": { "name": "刘晓梅", "wechat_id": "liu_xm-1990" },
  "sent": [{ "kind": "pi-access", "on": "2026-12-01" }]
}"#;
    let doc = write(case, ScriptKind::FollowUp, Lang::ZhCn, &[]);
    has(&doc, &["腾讯", "2027年的放假安排尚未公布", "个人信息"]);
    let d = doc.deadline.as_ref().expect("Tencent's 15 working days");
    assert!(d.estimated);
    assert_eq!(d.due.to_string(), "2027-01-18");
    // Unfolded (RFC 5545 §3.1), the reminder says it is an estimate.
    assert!(
        d.ics
            .replace("\r\n ", "")
            .contains("2027年的放假安排尚未公布")
    );
}

/// A `sent` entry with a kind that does not exist is refused naming the field.
#[test]
fn a_sent_entry_of_an_unknown_kind_is_refused_naming_the_field() {
    let text = r#"{"version": 1, "sent": [{"kind": "complaint", "on": "2026-11-02"}]}"#;
    let err = CaseFile::from_json(text).unwrap().validate().unwrap_err();
    assert_eq!(err.field, "sent[0].kind");
    let text = r#"{"version": 1, "sent": [{"kind": "follow-up", "on": "2026-02-30"}]}"#;
    let err = CaseFile::from_json(text).unwrap().validate().unwrap_err();
    assert_eq!(err.field, "sent[0].on");
}
