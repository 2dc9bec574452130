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
