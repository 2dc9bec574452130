//! What the result says first and what it offers: the headline about the cause found, the
//! border finding as a secondary line when the cause is something else, the cause's triage (who
//! decides, the next step …) from `messages.json`, and the documents that fit the case.
//!
//! The headline speaks of the cause, not of the geography: a bank card frozen by the police gets
//! "资金被公安机关冻结，只有冻结机关能解除", not "你的行程与已知的边境封停区域无关". The border
//! headline stays the headline only when the cause is the border-area freeze or nothing was
//! recognised; otherwise, when the case has stays, it becomes [`Screening::border_line`].
//!
//! Documents: the kinds the cause's triage lists (most useful first, data), kept when they fit the
//! case (a platform appeal needs WeChat, QQ or Alipay; the personal-information request needs
//! WeChat or QQ; the game letter needs QQ; a case naming no platform keeps them all), then the
//! call script for the border channel when the geography still points at the border freeze
//! (inside a frozen area although the message names another cause, or a weak clue and no
//! recognised message). Each carries `to`, the `channels.json` id of who receives it.
//!
//! [`Screening::border_line`]: crate::verdict::Screening::border_line

use serde::{Deserialize, Serialize};

use crate::case::{Case, Platform};
use crate::data::{DataSet, Triage};
use crate::i18n::Lang;
use crate::verdict::{CauseKind, Verdict};

/// One document the result offers: its kind (`prescreen script --kind`), the channel id of its
/// recipient in `channels.json`, and its name in the case's language (what the page's button
/// says).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    pub kind: String,
    pub to: String,
    #[serde(default)]
    pub label: String,
}

/// The name of a document kind in a language; the kind itself for an unknown one.
pub fn kind_label(kind: &str, lang: Lang) -> &str {
    let (zh_cn, zh_tw, en) = match kind {
        "hotline" => (
            "打电话给警方的通话稿",
            "打電話給警方的通話稿",
            "Police call script",
        ),
        "platform-appeal" => ("给平台的申诉", "給平台的申訴", "Appeal to the platform"),
        "pi-access" => (
            "个人信息查阅请求",
            "個人資訊查閱請求",
            "Personal-information request",
        ),
        "game-decouple" => (
            "游戏账号解绑请求",
            "遊戲帳號解綁請求",
            "Game-account decoupling request",
        ),
        "bank-counter" => (
            "去银行柜台时要问的话",
            "去銀行櫃檯時要問的話",
            "What to ask at the bank counter",
        ),
        "carrier-counter" => (
            "去营业厅重新实名核验时要说的话",
            "去門市重新實名核驗時要說的話",
            "What to say at the carrier's shop",
        ),
        "call-96110" => ("打96110的通话稿", "打96110的通話稿", "96110 call script"),
        "police-inquiry" => (
            "给公安机关的书面询问",
            "給公安機關的書面詢問",
            "Written inquiry to the police",
        ),
        "human-review" => (
            "要求人工复核自动化决定",
            "要求人工複核自動化決定",
            "Request for human review of an automated decision",
        ),
        "complaint-12300" => (
            "向12300投诉（电信服务）",
            "向12300投訴（電信服務）",
            "Complaint to 12300 (telecom services)",
        ),
        "complaint-12378" => (
            "向12378投诉（银行保险）",
            "向12378投訴（銀行保險）",
            "Complaint to 12378 (banking and insurance)",
        ),
        "follow-up" => (
            "没人答复时的催办信",
            "沒人回覆時的催辦信",
            "Follow-up when nobody answers",
        ),
        _ => return kind,
    };
    lang.pick(zh_cn, zh_tw, en)
}

/// The cause's triage in one language: who decides, what to bring, how long (only where a source
/// says), the next step and the limits. The sources stay in `messages.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TriageText {
    pub who_decides: String,
    // The lists are for the CLI: the page shows who decides and the next step only, so they are
    // not read back (every field the page decodes costs first-screen bytes).
    #[serde(skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub what_to_bring: Vec<String>,
    #[serde(skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub usual_time: Vec<String>,
    pub next_step: String,
    #[serde(skip_deserializing, skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<String>,
}

impl TriageText {
    pub fn from_triage(t: &Triage, lang: Lang) -> TriageText {
        let all = |notes: &[crate::data::Note]| {
            notes
                .iter()
                .map(|n| n.text.get(lang.code()).to_owned())
                .collect()
        };
        TriageText {
            who_decides: t.who_decides.text.get(lang.code()).to_owned(),
            what_to_bring: all(&t.what_to_bring),
            usual_time: all(&t.usual_time),
            next_step: t.next_step.text.get(lang.code()).to_owned(),
            limits: all(&t.limits),
        }
    }
}

/// The sentence about the border-area freeze alone, for a verdict.
pub fn border_headline(verdict: Verdict, lang: Lang) -> &'static str {
    match verdict {
        Verdict::Likely => lang.pick(
            "很可能与边境地区封停有关",
            "很可能與邊境地區封停有關",
            "Likely the border-area freeze",
        ),
        Verdict::Possible => lang.pick(
            "可能与边境地区封停有关",
            "可能與邊境地區封停有關",
            "Possibly the border-area freeze",
        ),
        Verdict::Unlikely => lang.pick(
            "不太像边境地区封停",
            "不太像邊境地區封停",
            "Unlikely to be the border-area freeze",
        ),
        Verdict::None => lang.pick(
            "你的行程与已知的边境封停区域无关",
            "你的行程與已知的邊境封停區域無關",
            "Your stays do not match any known border-area freeze",
        ),
    }
}

/// The sentence about a cause other than the border-area freeze; `None` for the border freeze and
/// for an unrecognised cause, whose headline is the border one.
pub fn cause_headline(kind: CauseKind, lang: Lang) -> Option<&'static str> {
    Some(match kind {
        CauseKind::BorderAreaFreeze | CauseKind::Unknown => return None,
        CauseKind::PlatformViolation => lang.pick(
            "平台按自己的规则处罚了账号：在平台内申诉",
            "平台依自己的規則處罰了帳號：在平台內申訴",
            "The platform penalised the account under its own rules: appeal inside the platform",
        ),
        CauseKind::AccountSecurity => lang.pick(
            "平台的安全保护暂时限制了账号，通常验证身份后就能解除",
            "平台的安全保護暫時限制了帳號，通常驗證身分後就能解除",
            "The platform's security check has locked the account for now; it usually clears once you verify who you are",
        ),
        CauseKind::FundsFrozenByAuthority => lang.pick(
            "资金被公安机关冻结，只有冻结机关能解除",
            "資金被公安機關凍結，只有凍結機關能解除",
            "The money is frozen by the police: only the authority that froze it can lift the freeze",
        ),
        CauseKind::BankRiskControl => lang.pick(
            "银行或支付机构的风控限制了账户，核实通过后应当解除",
            "銀行或支付機構的風控限制了帳戶，核實通過後應當解除",
            "The bank's or payment company's own risk control has limited the account; once the check passes it must lift it",
        ),
        CauseKind::CardTradingSanction => lang.pick(
            "因涉嫌买卖、出租、出借卡或账号被惩戒：由作出认定的公安机关决定，可以申诉",
            "因涉嫌買賣、出租、出借卡或帳號被懲戒：由作出認定的公安機關決定，可以申訴",
            "Sanctioned on suspicion of selling, renting or lending cards or accounts: the police who made the finding decide, and you may appeal",
        ),
        CauseKind::PhoneNumberFlagged => lang.pick(
            "号码被运营商按涉诈风险限制：本人到营业厅重新实名核验",
            "號碼被電信業者依涉詐風險限制：本人到門市重新實名核驗",
            "The carrier has restricted the number as a fraud risk: verify your identity again in person at its shop",
        ),
        CauseKind::NotAFreeze => lang.pick(
            "这不是对你账户的处罚，不需要申诉",
            "這不是對你帳戶的處罰，不需要申訴",
            "This is not a penalty on your account; there is nothing to appeal",
        ),
    })
}

/// The headline and the secondary border line of a result.
///
/// - the border-area freeze, or nothing recognised: the border headline of the verdict, no
///   secondary line; but a message that was given and not recognised, with no geographic clue,
///   says that the cause is still unknown;
/// - another cause: its sentence; the border headline of the verdict becomes the secondary line
///   when the case has stays to speak of.
pub fn headline(
    kind: CauseKind,
    verdict: Verdict,
    has_message: bool,
    has_stays: bool,
    lang: Lang,
) -> (String, Option<String>) {
    match cause_headline(kind, lang) {
        Some(cause) => (
            cause.to_owned(),
            has_stays.then(|| border_headline(verdict, lang).to_owned()),
        ),
        None if kind == CauseKind::Unknown && has_message && verdict == Verdict::None => (
            lang.pick(
                "还看不出是谁、为什么限制了账户：先去问清原因",
                "還看不出是誰、為什麼限制了帳戶：先去問清原因",
                "It is not yet clear who restricted the account or why: ask for the reason first",
            )
            .to_owned(),
            has_stays.then(|| border_headline(verdict, lang).to_owned()),
        ),
        None => (border_headline(verdict, lang).to_owned(), None),
    }
}

/// The channel id a platform appeal (or a request for human review) about the case's first
/// frozen platform goes to; `None` when the case names none of WeChat, QQ, Alipay.
fn platform_channel(case: &Case) -> Option<&'static str> {
    case.platforms.iter().find_map(|p| match p {
        Platform::Wechat => Some("wechat-support"),
        Platform::Qq => Some("tencent-support"),
        Platform::Alipay => Some("alipay-support"),
        _ => None,
    })
}

/// Whether a kind fits the case's platforms (a case naming no platform fits every kind).
fn fits(kind: &str, case: &Case) -> bool {
    let has = |p: Platform| case.platforms.is_empty() || case.platforms.contains(&p);
    match kind {
        "platform-appeal" => has(Platform::Wechat) || has(Platform::Qq) || has(Platform::Alipay),
        "pi-access" => has(Platform::Wechat) || has(Platform::Qq),
        "game-decouple" => has(Platform::Qq),
        _ => true,
    }
}

/// Who a request for human review goes to: whoever made the automated decision.
fn reviewer(kind: CauseKind, case: &Case) -> &'static str {
    let platform = platform_channel(case);
    let named = |p: Platform| case.platforms.contains(&p);
    match kind {
        CauseKind::PhoneNumberFlagged => "carrier",
        CauseKind::BankRiskControl | CauseKind::FundsFrozenByAuthority => "bank",
        CauseKind::CardTradingSanction if named(Platform::Phone) && !named(Platform::Bank) => {
            "carrier"
        }
        CauseKind::CardTradingSanction => "bank",
        _ if named(Platform::Bank) && platform.is_none() => "bank",
        _ if named(Platform::Phone) && platform.is_none() => "carrier",
        _ => platform.unwrap_or("wechat-support"),
    }
}

/// The recipient's channel id of a document kind for this case.
pub fn recipient(kind: &str, cause: CauseKind, case: &Case) -> &'static str {
    match kind {
        "hotline" => "puer-police-station",
        "platform-appeal" => platform_channel(case).unwrap_or("wechat-support"),
        "pi-access" => "tencent-privacy",
        "game-decouple" => "tencent-games",
        "bank-counter" => "bank",
        "carrier-counter" => "carrier",
        "call-96110" => "96110",
        "police-inquiry" => "police-local",
        "complaint-12300" => "12300",
        "complaint-12378" => "12378",
        _ => reviewer(cause, case),
    }
}

/// The documents that fit the case, most useful first.
pub fn documents(
    case: &Case,
    data: &DataSet,
    kind: CauseKind,
    verdict: Verdict,
    lang: Lang,
) -> Vec<DocumentRef> {
    let Some(messages) = data.messages() else {
        return Vec::new();
    };
    let mut kinds: Vec<&str> = messages
        .triage(kind)
        .map(|t| t.documents.iter().map(String::as_str).collect())
        .unwrap_or_default();
    // The geography still points at the border freeze: its call script comes too, before the
    // follow-up letter.
    let border_too = match kind {
        CauseKind::BorderAreaFreeze | CauseKind::NotAFreeze => false,
        CauseKind::Unknown => verdict >= Verdict::Unlikely,
        _ => verdict >= Verdict::Possible,
    };
    if border_too && !kinds.contains(&"hotline") {
        let at = kinds
            .iter()
            .position(|k| *k == "follow-up")
            .unwrap_or(kinds.len());
        kinds.insert(at, "hotline");
    }
    let mut out: Vec<DocumentRef> = Vec::new();
    // Only kinds this build writes: the page offers exactly these, and `prescreen script`
    // accepts each of them.
    let written = |k: &&str| crate::letters::ScriptKind::from_id(k).is_some();
    for k in kinds.into_iter().filter(|k| fits(k, case)).filter(written) {
        if out.iter().any(|d| d.kind == k) {
            continue;
        }
        let to = if k == "follow-up" {
            out.first()
                .map(|d| d.to.clone())
                .unwrap_or_else(|| reviewer(kind, case).to_owned())
        } else {
            recipient(k, kind, case).to_owned()
        };
        out.push(DocumentRef {
            kind: k.to_owned(),
            to,
            label: kind_label(k, lang).to_owned(),
        });
    }
    out
}
