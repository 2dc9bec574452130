//! The result at a glance: what the first screen of the result shows beside the headline — how
//! sure we are (in words and as 0–3 dots) and the strongest clue in one sentence — computed here
//! so that the page only prints it.
//!
//! The strongest clue is the message when it names a cause of its own (a police freeze, a flagged
//! number …); otherwise the strongest stay's [`Finding::clue`] (place, distance range, dates).

use serde::{Deserialize, Serialize};

use crate::classify::Classification;
use crate::i18n::Lang;
use crate::screening::Finding;
use crate::verdict::{CauseKind, Verdict};

/// The confidence and the clue of a result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glance {
    /// Filled dots out of three.
    pub dots: u8,
    /// How sure we are, in words ("判断的把握：较大").
    pub confidence: String,
    /// The strongest clue in one sentence; `None` when there is nothing to go on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clue: Option<String>,
}

/// Dots for a confidence on the 0–1 scale of [`crate::verdict::Cause::confidence`].
pub fn dots(confidence: f64) -> u8 {
    match confidence {
        c if c >= 0.75 => 3,
        c if c >= 0.5 => 2,
        c if c > 0.0 => 1,
        _ => 0,
    }
}

/// The glance of a result with this cause, verdict, confidence, message and findings. For the
/// border-area freeze (and an unknown cause) the headline is the verdict's, so the dots are the
/// verdict's too (likely ●●●, possible ●●○, unlikely ●○○, none ○○○); for another cause they
/// come from the confidence in that cause.
pub fn glance(
    kind: CauseKind,
    verdict: Verdict,
    confidence: f64,
    message: Option<&Classification>,
    findings: &[Finding],
    lang: Lang,
) -> Glance {
    let from_message = !matches!(kind, CauseKind::BorderAreaFreeze | CauseKind::Unknown);
    let dots = if from_message {
        dots(confidence)
    } else {
        match verdict {
            Verdict::Likely => 3,
            Verdict::Possible => 2,
            Verdict::Unlikely => 1,
            Verdict::None => 0,
        }
    };
    let word = match dots {
        3 => lang.pick("较大", "較大", "fairly high"),
        2 => lang.pick("中等", "中等", "medium"),
        1 => lang.pick("小", "小", "low"),
        _ => lang.pick("还没有线索", "還沒有線索", "no clue yet"),
    };
    let confidence = format!(
        "{}{word}",
        lang.pick("判断的把握：", "判斷的把握：", "How sure we are: ")
    );
    let clue = match message {
        Some(m) if from_message && m.cause == kind => Some(format!(
            "{}{}{}",
            lang.pick(
                "你收到的提示属于：",
                "你收到的提示屬於：",
                "The message you got: "
            ),
            m.label,
            lang.pick("。", "。", ".")
        )),
        _ => findings
            .iter()
            .max_by(|a, b| {
                a.strength()
                    .cmp(&b.strength())
                    .then(b.distance_km.total_cmp(&a.distance_km))
            })
            .map(|f| f.clue.clone()),
    };
    Glance {
        dots,
        confidence,
        clue,
    }
}
