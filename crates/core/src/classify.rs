//! The freeze-message classifier: what the user saw on the block screen → the probable cause.
//!
//! The patterns are data (`messages.json`); this module only applies them. Texts are normalised
//! first ([`normalise`]: traditional → simplified, full-width → half-width, spaces and punctuation
//! dropped), so a pasted screenshot transcription with OCR spaces, a zh-TW text or a fragment still
//! matches. The stated reason on a block screen does not always match the trigger, so a match
//! carries the pattern's `also_possible` causes and its confidence, never certainty.

use serde::{Deserialize, Serialize};

use crate::data::{Cause, MessagePattern, MessagesFile, normalise};
use crate::i18n::Lang;

/// What a freeze message probably means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    pub cause: Cause,
    /// The best-matching pattern's id; `None` when nothing matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// Other causes the same words have been seen with.
    pub also_possible: Vec<Cause>,
    /// A short name for the kind of message, in the requested language.
    pub label: String,
    /// What it usually means, honestly.
    pub explanation: String,
    /// What to do first.
    pub next_step: String,
    /// Channel ids, most useful first.
    pub channels: Vec<String>,
    /// The other patterns that also matched, best first.
    pub other_matches: Vec<String>,
}

impl Classification {
    /// The answer when there is no message, or it matches no pattern.
    pub fn unknown(lang: Lang) -> Classification {
        Classification {
            cause: Cause::Unknown,
            pattern: None,
            also_possible: Vec::new(),
            label: lang
                .pick("未识别的提示", "未識別的提示", "Unrecognised message")
                .to_owned(),
            explanation: lang
                .pick(
                    "这段提示和我们收集到的真实封号提示都对不上，无法据此判断原因。",
                    "這段提示和我們收集到的真實封號提示都對不上，無法據此判斷原因。",
                    "This text matches none of the real block messages we collected, so it says nothing about the cause.",
                )
                .to_owned(),
            next_step: String::new(),
            channels: Vec::new(),
            other_matches: Vec::new(),
        }
    }
}

/// Classifies a freeze message.
///
/// ```
/// # let messages: prescreen_core::data::MessagesFile =
/// #     serde_json::from_str(include_str!("../../../static/data/messages.json")).unwrap();
/// use prescreen_core::{classify::classify, data::Cause, i18n::Lang};
/// let text = "该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。";
/// assert_eq!(classify(&messages, text, Lang::ZhCn).cause, Cause::BorderAreaFreeze);
/// // Traditional characters, extra spaces and half of the sentence still match.
/// let noisy = "國務院打擊治理電信網絡新型違法犯罪工作 部際聯席會議 辦公室通報封停";
/// assert_eq!(classify(&messages, noisy, Lang::ZhTw).cause, Cause::BorderAreaFreeze);
/// assert_eq!(classify(&messages, "", Lang::En).cause, Cause::Unknown);
/// ```
pub fn classify(messages: &MessagesFile, text: &str, lang: Lang) -> Classification {
    if normalise(text).is_empty() {
        return Classification::unknown(lang);
    }
    let matches = messages.matching(text);
    let Some(best) = matches.first() else {
        return Classification::unknown(lang);
    };
    from_pattern(best, &matches[1..], lang)
}

fn from_pattern(best: &MessagePattern, others: &[&MessagePattern], lang: Lang) -> Classification {
    Classification {
        cause: best.cause,
        pattern: Some(best.id.clone()),
        also_possible: best.also_possible.clone(),
        label: best.label.get(lang.code()).to_owned(),
        explanation: best.explanation.get(lang.code()).to_owned(),
        next_step: best.next_step.get(lang.code()).to_owned(),
        channels: best.channels.clone(),
        other_matches: others.iter().map(|p| p.id.clone()).collect(),
    }
}
