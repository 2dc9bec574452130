//! `messages.json`: block-screen and SMS texts → their probable [`Cause`], and who can lift it.
//!
//! # Matching a freeze message
//!
//! A [`MessagePattern`] matches a text when **any** of its [`MatchRule`]s matches; a rule matches
//! when the [normalised](normalise) text contains **every** phrase of `all_of` and **none** of
//! `none_of`. Phrases are stored already normalised (simplified characters, no spaces, no
//! punctuation, ASCII lower-case), so the engine normalises the user's text once and tests
//! substrings. When several patterns match, the one with the highest `weight` is the best guess;
//! `also_possible` lists the other causes the same words were seen with.
//!
//! ```
//! use prescreen_core::data::normalise;
//! assert_eq!(normalise("該帳號因使用非官方QQ客戶端被暫時 凍結！"), "该账号因使用非官方qq客户端被暂时冻结");
//! assert_eq!(normalise("(错误码：45)"), "错误码45");
//! ```
//!

use serde::{Deserialize, Serialize};

use super::channels::Note;

use super::normalise::normalise;
use super::source::{Confidence, Localized, Source};
use crate::case::Platform;

/// What probably caused the block the user saw. The same list as the CLI's `cause.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// An area-based anti-fraud freeze ordered by the authorities (2019-10-14 China–Myanmar border).
    BorderAreaFreeze,
    /// The platform's own rules: bots, unofficial clients, reports, content.
    PlatformViolation,
    /// The platform's risk control or theft protection: unusual device, network or login.
    AccountSecurity,
    /// Money frozen or stopped on an authority's order (police, court), not by the platform alone.
    FundsFrozenByAuthority,
    /// 断卡 / joint sanctions: cards or accounts suspected of being sold, rented or lent.
    CardTradingSanction,
    /// A phone number restricted or suspended by the carrier's anti-fraud check.
    PhoneNumberFlagged,
    /// The bank's or payment institution's own risk control (ATFL Art. 18): non-counter
    /// transactions limited, the account held until the owner verifies at a branch.
    BankRiskControl,
    /// Looks like a penalty but is not one on the user's account (policy block, limit, payee warning).
    NotAFreeze,
    /// Nothing recognisable.
    Unknown,
}

impl Cause {
    /// Every cause, in declaration order.
    pub const ALL: [Cause; 9] = [
        Cause::BorderAreaFreeze,
        Cause::PlatformViolation,
        Cause::AccountSecurity,
        Cause::FundsFrozenByAuthority,
        Cause::CardTradingSanction,
        Cause::PhoneNumberFlagged,
        Cause::BankRiskControl,
        Cause::NotAFreeze,
        Cause::Unknown,
    ];

    /// The snake_case id used in the data files and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Cause::BorderAreaFreeze => "border_area_freeze",
            Cause::PlatformViolation => "platform_violation",
            Cause::AccountSecurity => "account_security",
            Cause::FundsFrozenByAuthority => "funds_frozen_by_authority",
            Cause::CardTradingSanction => "card_trading_sanction",
            Cause::PhoneNumberFlagged => "phone_number_flagged",
            Cause::BankRiskControl => "bank_risk_control",
            Cause::NotAFreeze => "not_a_freeze",
            Cause::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `messages.json`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessagesFile {
    pub data_version: String,
    pub licence: String,
    pub patterns: Vec<MessagePattern>,
    /// Per cause: who decides, what to bring, how long, the next step, the law and its limits.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub triage: Vec<Triage>,
}

/// What to do about one cause of freeze, each statement sourced ([`Note`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Triage {
    pub cause: Cause,
    pub who_decides: Note,
    #[serde(default)]
    pub what_to_bring: Vec<Note>,
    /// Only where a source gives a time.
    #[serde(default)]
    pub usual_time: Vec<Note>,
    pub next_step: Note,
    /// Article ids of `legal.json`.
    pub legal_basis: Vec<String>,
    /// Channel ids of `channels.json`.
    pub channels: Vec<String>,
    /// Document kinds that fit this cause, most useful first ([`DOCUMENT_KINDS`]).
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub limits: Vec<Note>,
}

impl MessagesFile {
    /// The triage of `cause`, if the data has one.
    pub fn triage(&self, cause: Cause) -> Option<&Triage> {
        self.triage.iter().find(|t| t.cause == cause)
    }
}

/// Every document kind of the CLI contract (`prescreen script --kind`).
pub const DOCUMENT_KINDS: [&str; 12] = [
    "hotline",
    "platform-appeal",
    "pi-access",
    "game-decouple",
    "bank-counter",
    "carrier-counter",
    "call-96110",
    "police-inquiry",
    "human-review",
    "complaint-12300",
    "complaint-12378",
    "follow-up",
];

/// A kind of block-screen / SMS text, what it usually means and who can lift it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessagePattern {
    pub id: String,
    /// The usual cause when this pattern is the best match.
    pub cause: Cause,
    /// Other causes the same words have been seen with (the stated reason does not always match
    /// the trigger).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_possible: Vec<Cause>,
    /// Where the text is shown. A hint for ranking, not a condition of the match.
    pub platforms: Vec<Platform>,
    /// The pattern matches when any rule matches.
    pub rules: Vec<MatchRule>,
    /// Higher wins when several patterns match (0–100).
    pub weight: u32,
    /// A short name for the kind of message.
    pub label: Localized,
    /// What the message usually means, honestly, with its uncertainty.
    pub explanation: Localized,
    /// What to do first.
    pub next_step: Localized,
    /// Real texts (from the labelled corpus data/guidance/corpus.tsv and the 2019 reports).
    #[serde(default)]
    pub examples: Vec<MessageExample>,
    /// Ids in `channels.json`, most useful first.
    pub channels: Vec<String>,
    /// Ids in `legal.json` a letter about this kind of block may cite.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal: Vec<String>,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// Matches when the normalised text contains every `all_of` phrase and no `none_of` phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchRule {
    pub all_of: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub none_of: Vec<String>,
}

impl MatchRule {
    /// Whether the rule matches an already [normalised](normalise) text.
    pub fn matches(&self, normalised: &str) -> bool {
        !self.all_of.is_empty()
            && self.all_of.iter().all(|p| normalised.contains(p.as_str()))
            && !self.none_of.iter().any(|p| normalised.contains(p.as_str()))
    }
}

impl MessagePattern {
    /// Whether any rule matches an already [normalised](normalise) text.
    pub fn matches(&self, normalised: &str) -> bool {
        self.rules.iter().any(|r| r.matches(normalised))
    }
}

impl MessagesFile {
    /// The patterns that match `text` (normalised here), best first: highest weight, then file
    /// order.
    pub fn matching(&self, text: &str) -> Vec<&MessagePattern> {
        let n = normalise(text);
        let mut hits: Vec<(usize, &MessagePattern)> = self
            .patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| p.matches(&n))
            .collect();
        hits.sort_by(|(ia, a), (ib, b)| b.weight.cmp(&a.weight).then(ia.cmp(ib)));
        hits.into_iter().map(|(_, p)| p).collect()
    }
}

/// A real text of this kind, as published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageExample {
    /// The text exactly as in the source (or its paraphrase when `verbatim` is false).
    pub text: String,
    /// The service as the source names it (`WeChat`, `QQ`, `WeChat Pay` …).
    pub platform: String,
    pub verbatim: bool,
    /// The row id (`r<id>`) in data/guidance/corpus.tsv, when it comes from there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corpus_id: Option<u32>,
    /// When it was seen (ISO date, or as precise as the source).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The page that shows it; absent only when the corpus did not record one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What actually caused it, as the source reports.
    pub reported_cause: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_needs_all_phrases_and_no_excluded_one() {
        let r = MatchRule {
            all_of: vec!["涉及欺诈".into(), "联席会议".into()],
            none_of: vec!["违规行为".into()],
        };
        assert!(r.matches("因涉及欺诈部际联席会议办公室通报封停"));
        assert!(!r.matches("因涉及欺诈通报封停"));
        assert!(!r.matches("涉及欺诈联席会议违规行为"));
        let empty = MatchRule {
            all_of: vec![],
            none_of: vec![],
        };
        assert!(!empty.matches("anything"));
    }

    #[test]
    fn every_cause_has_its_snake_case_id() {
        for c in Cause::ALL {
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(json, format!("\"{}\"", c.as_str()));
        }
    }
}
