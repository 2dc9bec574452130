//! What to say and send: the call script for the police channel, and the letters (platform
//! appeal, personal-information request, game-account decoupling), filled from the case.
//!
//! Every text lives in `crates/core/templates/<kind>.<lang>.txt` and `common.<lang>.txt` (see
//! [`crate::template`] for the syntax); this module only chooses sections and fills them with
//! typed data.
//! Facts come from the data: the channel (name, hours, what it asks for, its notes) from
//! `channels.json`, the quoted articles from `legal.json`, the reply period and the working-day
//! calendar from `holidays.json`, the linked services from `linked.json`. Phone numbers are never
//! shipped: the user copies them from their own notice, and they become `tel:` links.
//!
//! A blank personal field shows as a visible placeholder (`【姓名】`, `[name]`), never as an empty
//! string. Every page says that paid "代解封" services are scams, answers "will appealing harm my
//! other accounts?" with only what a source supports, and promises nothing.
//!
//! ## One file per part
//!
//! | file | what it answers |
//! |------|-----------------|
//! | `mod.rs` | the kinds ([`ScriptKind`]), which fit a case ([`kinds_for`]), [`render`], [`ScriptError`] |
//! | `hotline.rs`, `platform_appeal.rs`, `pi_access.rs`, `game_decouple.rs` | one kind each: which sections, filled with what |
//! | `bank_counter.rs`, `carrier_counter.rs`, `call_96110.rs`, `police_inquiry.rs`, `human_review.rs`, `complaint_12300.rs`, `complaint_12378.rs`, `follow_up.rs` | today's freezes, one kind each; `today.rs` holds what they share (cautions, triage, the counted deadline) |
//! | `writer.rs` | the small writer they share: templates, personal fields or placeholders, the [`Document`] |
//! | `facts.rs` | the case as letters state it: platforms, account ids, stays near a screened area |
//! | `recipient.rs` | the recipient from the data: hours, notes, address, reply deadline, scam warning, linked services |
//! | `law.rs` | quoted articles from `legal.json`, and the "not yet in force" warning |
//! | `document.rs` | [`Document`], its text forms, [`mailto`] |
//! | `hours.rs`, `ics.rs`, `call_log.rs` | opening hours against `now`, the deadline's calendar file, the call log |
//!
//! ```no_run
//! # fn demo(case: &prescreen_core::case::Case, screening: &prescreen_core::verdict::Screening,
//! #         data: &prescreen_core::data::Guidance) {
//! use prescreen_core::i18n::Lang;
//! use prescreen_core::letters::{ScriptInput, ScriptKind, render};
//! let input = ScriptInput { case, screening, lang: Lang::ZhCn, now: None, numbers: &[] };
//! for doc in render(ScriptKind::Hotline, &input, data).unwrap() {
//!     println!("{}", doc.page_text());
//! }
//! # }
//! ```

mod bank_counter;
mod call_96110;
pub mod call_log;
mod carrier_counter;
mod complaint_12300;
mod complaint_12378;
mod document;
mod facts;
mod follow_up;
mod game_decouple;
mod hotline;
pub mod hours;
mod human_review;
mod ics;
mod law;
mod pi_access;
mod platform_appeal;
mod police_inquiry;
mod recipient;
mod today;
mod writer;

use jiff::civil::DateTime;
use thiserror::Error;

use crate::case::{Case, Platform};
use crate::data::Guidance;
use crate::i18n::Lang;
use crate::template::{TemplateError, section};
use crate::validation::ValidationError;
use crate::verdict::{CauseKind, Screening};

pub use document::{Deadline, Document, mailto, percent_encode};
pub use ics::{AllDayEvent, ics, ics_events};
pub use law::chinese_number;

use writer::Writer;

/// The kinds of text this module writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScriptKind {
    /// The call script for the police channel.
    Hotline,
    /// An appeal to WeChat, QQ or Alipay.
    PlatformAppeal,
    /// A personal-information request under the PIPL.
    PiAccess,
    /// A request to decouple games bound to a frozen QQ, or to get their data.
    GameDecouple,
    /// What to ask at the bank counter: who asked for the freeze, basis, term, documents.
    BankCounter,
    /// What to say at the carrier's shop: the second real-person verification.
    CarrierCounter,
    /// The call script for 96110 (or area code + 96110), the anti-fraud line.
    Call96110,
    /// A written inquiry to the police: the reason, the remedy channel, the documents required.
    PoliceInquiry,
    /// A request to explain an automated decision and have a person review it (PIPL Art. 24).
    HumanReview,
    /// A complaint to 12300 (MIIT) about how the carrier handled a restricted number, within
    /// 12300's scope (Telecommunications Regulations Art. 39: service and fees).
    Complaint12300,
    /// A complaint to 12378 (NFRA) about the bank's own handling: its risk control (ATFL
    /// Art. 18) or its refusal to say who asked for a freeze.
    Complaint12378,
    /// A follow-up when nobody answered, referring to the earlier letter or visit.
    FollowUp,
}

impl ScriptKind {
    pub const ALL: [ScriptKind; 12] = [
        ScriptKind::Hotline,
        ScriptKind::PlatformAppeal,
        ScriptKind::PiAccess,
        ScriptKind::GameDecouple,
        ScriptKind::BankCounter,
        ScriptKind::CarrierCounter,
        ScriptKind::Call96110,
        ScriptKind::PoliceInquiry,
        ScriptKind::HumanReview,
        ScriptKind::Complaint12300,
        ScriptKind::Complaint12378,
        ScriptKind::FollowUp,
    ];

    /// The kinds of the 2019 border freeze, which [`kinds_for`] chooses by platform.
    pub const BORDER: [ScriptKind; 4] = [
        ScriptKind::Hotline,
        ScriptKind::PlatformAppeal,
        ScriptKind::PiAccess,
        ScriptKind::GameDecouple,
    ];

    /// The id used by the CLI and the template file names.
    pub fn id(self) -> &'static str {
        match self {
            ScriptKind::Hotline => "hotline",
            ScriptKind::PlatformAppeal => "platform-appeal",
            ScriptKind::PiAccess => "pi-access",
            ScriptKind::GameDecouple => "game-decouple",
            ScriptKind::BankCounter => "bank-counter",
            ScriptKind::CarrierCounter => "carrier-counter",
            ScriptKind::Call96110 => "call-96110",
            ScriptKind::PoliceInquiry => "police-inquiry",
            ScriptKind::HumanReview => "human-review",
            ScriptKind::Complaint12300 => "complaint-12300",
            ScriptKind::Complaint12378 => "complaint-12378",
            ScriptKind::FollowUp => "follow-up",
        }
    }

    pub fn from_id(id: &str) -> Option<ScriptKind> {
        ScriptKind::ALL.into_iter().find(|k| k.id() == id)
    }
}

/// The template file of a kind in a language.
pub fn template_file(kind: ScriptKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (ScriptKind::Hotline, Lang::ZhCn) => include_str!("../../templates/hotline.zh-CN.txt"),
        (ScriptKind::Hotline, Lang::ZhTw) => include_str!("../../templates/hotline.zh-TW.txt"),
        (ScriptKind::Hotline, Lang::En) => include_str!("../../templates/hotline.en.txt"),
        (ScriptKind::PlatformAppeal, Lang::ZhCn) => {
            include_str!("../../templates/platform-appeal.zh-CN.txt")
        }
        (ScriptKind::PlatformAppeal, Lang::ZhTw) => {
            include_str!("../../templates/platform-appeal.zh-TW.txt")
        }
        (ScriptKind::PlatformAppeal, Lang::En) => {
            include_str!("../../templates/platform-appeal.en.txt")
        }
        (ScriptKind::PiAccess, Lang::ZhCn) => include_str!("../../templates/pi-access.zh-CN.txt"),
        (ScriptKind::PiAccess, Lang::ZhTw) => include_str!("../../templates/pi-access.zh-TW.txt"),
        (ScriptKind::PiAccess, Lang::En) => include_str!("../../templates/pi-access.en.txt"),
        (ScriptKind::GameDecouple, Lang::ZhCn) => {
            include_str!("../../templates/game-decouple.zh-CN.txt")
        }
        (ScriptKind::GameDecouple, Lang::ZhTw) => {
            include_str!("../../templates/game-decouple.zh-TW.txt")
        }
        (ScriptKind::GameDecouple, Lang::En) => {
            include_str!("../../templates/game-decouple.en.txt")
        }
        (ScriptKind::BankCounter, Lang::ZhCn) => {
            include_str!("../../templates/bank-counter.zh-CN.txt")
        }
        (ScriptKind::BankCounter, Lang::ZhTw) => {
            include_str!("../../templates/bank-counter.zh-TW.txt")
        }
        (ScriptKind::BankCounter, Lang::En) => include_str!("../../templates/bank-counter.en.txt"),
        (ScriptKind::CarrierCounter, Lang::ZhCn) => {
            include_str!("../../templates/carrier-counter.zh-CN.txt")
        }
        (ScriptKind::CarrierCounter, Lang::ZhTw) => {
            include_str!("../../templates/carrier-counter.zh-TW.txt")
        }
        (ScriptKind::CarrierCounter, Lang::En) => {
            include_str!("../../templates/carrier-counter.en.txt")
        }
        (ScriptKind::Call96110, Lang::ZhCn) => include_str!("../../templates/call-96110.zh-CN.txt"),
        (ScriptKind::Call96110, Lang::ZhTw) => include_str!("../../templates/call-96110.zh-TW.txt"),
        (ScriptKind::Call96110, Lang::En) => include_str!("../../templates/call-96110.en.txt"),
        (ScriptKind::PoliceInquiry, Lang::ZhCn) => {
            include_str!("../../templates/police-inquiry.zh-CN.txt")
        }
        (ScriptKind::PoliceInquiry, Lang::ZhTw) => {
            include_str!("../../templates/police-inquiry.zh-TW.txt")
        }
        (ScriptKind::PoliceInquiry, Lang::En) => {
            include_str!("../../templates/police-inquiry.en.txt")
        }
        (ScriptKind::HumanReview, Lang::ZhCn) => {
            include_str!("../../templates/human-review.zh-CN.txt")
        }
        (ScriptKind::HumanReview, Lang::ZhTw) => {
            include_str!("../../templates/human-review.zh-TW.txt")
        }
        (ScriptKind::HumanReview, Lang::En) => include_str!("../../templates/human-review.en.txt"),
        (ScriptKind::Complaint12300, Lang::ZhCn) => {
            include_str!("../../templates/complaint-12300.zh-CN.txt")
        }
        (ScriptKind::Complaint12300, Lang::ZhTw) => {
            include_str!("../../templates/complaint-12300.zh-TW.txt")
        }
        (ScriptKind::Complaint12300, Lang::En) => {
            include_str!("../../templates/complaint-12300.en.txt")
        }
        (ScriptKind::Complaint12378, Lang::ZhCn) => {
            include_str!("../../templates/complaint-12378.zh-CN.txt")
        }
        (ScriptKind::Complaint12378, Lang::ZhTw) => {
            include_str!("../../templates/complaint-12378.zh-TW.txt")
        }
        (ScriptKind::Complaint12378, Lang::En) => {
            include_str!("../../templates/complaint-12378.en.txt")
        }
        (ScriptKind::FollowUp, Lang::ZhCn) => include_str!("../../templates/follow-up.zh-CN.txt"),
        (ScriptKind::FollowUp, Lang::ZhTw) => include_str!("../../templates/follow-up.zh-TW.txt"),
        (ScriptKind::FollowUp, Lang::En) => include_str!("../../templates/follow-up.en.txt"),
    }
}

/// The shared pieces in a language.
pub fn common_file(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => include_str!("../../templates/common.zh-CN.txt"),
        Lang::ZhTw => include_str!("../../templates/common.zh-TW.txt"),
        Lang::En => include_str!("../../templates/common.en.txt"),
    }
}

/// What a script is written from.
#[derive(Debug, Clone, Copy)]
pub struct ScriptInput<'a> {
    pub case: &'a Case,
    /// The screening of the case ([`crate::verdict::check`]): the stays near the border and the
    /// probable cause.
    pub screening: &'a Screening,
    pub lang: Lang,
    /// The current China time (Asia/Shanghai), for "open now"; the domain reads no clock.
    pub now: Option<DateTime>,
    /// Phone numbers the user copied from their own notice or block screen.
    pub numbers: &'a [String],
}

/// A script could not be written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScriptError {
    #[error("{0}")]
    Number(ValidationError),
    #[error(
        "the case names none of wechat, qq, alipay; add the frozen platform to `platforms` to write a platform appeal"
    )]
    NoPlatform,
    #[error(
        "the data has a personal-information contact for Tencent (WeChat, QQ) only; for other platforms ask in their app's privacy settings or customer service"
    )]
    NoPiRecipient,
    #[error(
        "the case has no frozen QQ; the game-decoupling letter is for games bound to a frozen QQ, so add qq to `platforms` if it is frozen"
    )]
    NoQq,
    #[error(
        "the guidance data (channels, legal, holidays, linked) is not loaded; load the data with its guidance texts"
    )]
    NoGuidance,
    #[error(
        "the screening points at a ban under the platform's own rules; the police call script is only for the 2019 border-area freeze, so write a platform appeal (--kind platform-appeal) instead"
    )]
    NotABorderFreeze,
    #[error(
        "the screening points at one of today's freezes (police, bank, carrier or card-trading measures), not the 2019 border-area freeze; the Pu'er call script does not fit it, so write one of the documents the check lists instead"
    )]
    NotTheBorderPolice,
    #[error("the data has no {what} {id:?}; rebuild the data")]
    MissingData { what: &'static str, id: String },
    #[error("template: {0}")]
    Template(#[from] TemplateError),
}

impl ScriptError {
    /// The message for a person, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ScriptError::Number(e) => e.message(lang),
            ScriptError::NoPlatform
            | ScriptError::NoPiRecipient
            | ScriptError::NoQq
            | ScriptError::NotABorderFreeze
            | ScriptError::NotTheBorderPolice => {
                let key = match self {
                    ScriptError::NoPlatform => "err_no_platform",
                    ScriptError::NoPiRecipient => "err_no_pi_recipient",
                    ScriptError::NotABorderFreeze => "err_hotline_rules_ban",
                    ScriptError::NotTheBorderPolice => "err_hotline_today",
                    _ => "err_no_qq",
                };
                section(common_file(lang), key)
                    .map(str::to_owned)
                    .unwrap_or_else(|_| self.to_string())
            }
            other => other.to_string(),
        }
    }
}

/// The kinds that apply to a case: the call script always; a platform appeal when WeChat, QQ or
/// Alipay is frozen; a personal-information request when WeChat or QQ is (the data has no other
/// recipient); the game letter when QQ is. A case that names no platform gets every kind, with
/// placeholders.
pub fn kinds_for(case: &Case) -> Vec<ScriptKind> {
    let has = |p: Platform| case.platforms.is_empty() || case.platforms.contains(&p);
    let mut kinds = vec![ScriptKind::Hotline];
    if has(Platform::Wechat) || has(Platform::Qq) || has(Platform::Alipay) {
        kinds.push(ScriptKind::PlatformAppeal);
    }
    if has(Platform::Wechat) || has(Platform::Qq) {
        kinds.push(ScriptKind::PiAccess);
    }
    if has(Platform::Qq) {
        kinds.push(ScriptKind::GameDecouple);
    }
    kinds
}

/// Writes the documents of one kind for a case: one for the hotline, PI request and game letter;
/// one per frozen platform (WeChat, QQ, Alipay) for the platform appeal.
pub fn render(
    kind: ScriptKind,
    input: &ScriptInput<'_>,
    data: &Guidance,
) -> Result<Vec<Document>, ScriptError> {
    // The 2019 kinds need a platform to write to; today's kinds are written for any case (the
    // page says when the screening did not offer them).
    if ScriptKind::BORDER.contains(&kind) && !kinds_for(input.case).contains(&kind) {
        return Err(match kind {
            ScriptKind::PiAccess => ScriptError::NoPiRecipient,
            ScriptKind::GameDecouple => ScriptError::NoQq,
            _ => ScriptError::NoPlatform,
        });
    }
    // A ban under the platform's own rules is not the police's to lift: the call script would
    // argue the wrong case (review.md §3, case 2).
    if kind == ScriptKind::Hotline && input.screening.cause.kind == CauseKind::PlatformViolation {
        return Err(ScriptError::NotABorderFreeze);
    }
    // Nor is a police freeze of funds, a bank's or carrier's measure or a card-trading sanction:
    // the Pu'er station handled the 2019 freeze only. The screening still offers the call
    // script when a stay lies inside a frozen area, and then it is written.
    let todays = matches!(
        input.screening.cause.kind,
        CauseKind::FundsFrozenByAuthority
            | CauseKind::BankRiskControl
            | CauseKind::PhoneNumberFlagged
            | CauseKind::CardTradingSanction
    );
    if kind == ScriptKind::Hotline && todays && input.screening.offered(kind.id()).is_none() {
        return Err(ScriptError::NotTheBorderPolice);
    }
    let w = Writer::new(kind, input, data)?;
    match kind {
        ScriptKind::Hotline => hotline::write(&w).map(|d| vec![d]),
        ScriptKind::PlatformAppeal => platform_appeal::write(&w),
        ScriptKind::PiAccess => pi_access::write(&w).map(|d| vec![d]),
        ScriptKind::GameDecouple => game_decouple::write(&w).map(|d| vec![d]),
        ScriptKind::BankCounter => bank_counter::write(&w).map(|d| vec![d]),
        ScriptKind::CarrierCounter => carrier_counter::write(&w).map(|d| vec![d]),
        ScriptKind::Call96110 => call_96110::write(&w).map(|d| vec![d]),
        ScriptKind::PoliceInquiry => police_inquiry::write(&w).map(|d| vec![d]),
        ScriptKind::HumanReview => human_review::write(&w).map(|d| vec![d]),
        ScriptKind::Complaint12300 => complaint_12300::write(&w).map(|d| vec![d]),
        ScriptKind::Complaint12378 => complaint_12378::write(&w).map(|d| vec![d]),
        ScriptKind::FollowUp => follow_up::write(&w).map(|d| vec![d]),
    }
}

/// The evidence checklist in a language (one item a line, without the headings): the proofs of
/// where you were (border cases), then the material for a platform-rules ban.
pub fn evidence_checklist(lang: Lang) -> Vec<String> {
    ["evidence_border", "evidence_rules"]
        .iter()
        .filter_map(|key| section(common_file(lang), key).ok())
        .flat_map(|t| t.lines().filter_map(|l| l.strip_prefix("- ")))
        .map(str::to_owned)
        .collect()
}

/// Reads a China-time `YYYY-MM-DDTHH:MM` (seconds optional), as the CLI's `--now` or the UI
/// passes it.
///
/// ```
/// use prescreen_core::letters::parse_now;
/// assert_eq!(parse_now("2019-10-16T09:30").map(|t| t.to_string()), Some("2019-10-16T09:30:00".into()));
/// assert!(parse_now("16/10/2019 9:30").is_none());
/// ```
pub fn parse_now(text: &str) -> Option<DateTime> {
    text.trim().parse::<DateTime>().ok()
}
