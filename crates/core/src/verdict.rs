//! The case verdict: the strongest finding, adjusted by what the freeze message says.
//!
//! | geography (strongest finding, in the window) | message says                         | verdict |
//! |---|---|---|
//! | inside a region                              | nothing / unrecognised               | likely |
//! | border zone                                  | nothing / unrecognised               | possible |
//! | near                                         | nothing / unrecognised               | unlikely |
//! | far, or out of the window                    | nothing / unrecognised               | none |
//! | any of the above                             | names the anti-fraud office's freeze | one step up (none → possible) |
//! | border zone or near (a weak finding)         | another cause (违规, 安全风险, 司法冻结 …) | that cause wins: unlikely |
//! | inside a region                              | another cause                        | possible, and both are said |
//!
//! Stays in a region that no source confirms as targeted count one step less (see
//! [`Finding::strength`]), and when the user names only platforms the event did not cover, the
//! verdict is at most `unlikely`. Every adjustment adds a sentence to `explanation`.

use serde::{Deserialize, Serialize};

use crate::advice::{DocumentRef, TriageText, documents, headline};
use crate::case::Case;
use crate::classify::{Classification, classify};
use crate::data::DataSet;
use crate::error::InputError;
use crate::glance::{Glance, glance};
use crate::i18n::Lang;
use crate::screening::{Finding, is_area_finding, screen_stays};

pub use crate::data::Cause as CauseKind;

/// How probable it is that a location-based freeze caused this case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Nothing points at a location-based freeze.
    None,
    Unlikely,
    Possible,
    Likely,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::None => "none",
            Verdict::Unlikely => "unlikely",
            Verdict::Possible => "possible",
            Verdict::Likely => "likely",
        }
    }

    /// The verdict a finding's strength (0–3, see [`Finding::strength`]) supports alone.
    fn from_strength(strength: u8) -> Verdict {
        match strength {
            3.. => Verdict::Likely,
            2 => Verdict::Possible,
            1 => Verdict::Unlikely,
            0 => Verdict::None,
        }
    }

    fn step_up(self) -> Verdict {
        match self {
            Verdict::None | Verdict::Unlikely => Verdict::Possible,
            Verdict::Possible | Verdict::Likely => Verdict::Likely,
        }
    }
}

/// The probable cause, with the event it points at and our confidence on a 0–1 scale.
///
/// The number orders our own estimates (0.9 = several independent signals agree, 0.2 = one weak
/// signal); it is not a measured probability.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cause {
    pub kind: CauseKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    pub confidence: f64,
}

/// A channel to contact, as the CLI prints it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelRef {
    pub id: String,
    pub name: String,
    pub how: String,
    pub decides: String,
    /// True for lines that advise or take reports but cannot lift a freeze.
    pub does_not_unfreeze: bool,
    /// The first source's URL.
    pub source: String,
}

/// The whole answer for a case: what `prescreen check --format json` prints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Screening {
    pub data_version: String,
    pub verdict: Verdict,
    pub cause: Cause,
    /// One sentence about the cause found, in the case's language ([`crate::advice::headline`]).
    pub headline: String,
    /// The border-area finding as a secondary line, when the cause is something else and the
    /// case has stays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub border_line: Option<String>,
    /// What to do about the cause found: who decides, what to bring, the next step, the limits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triage: Option<TriageText>,
    /// What the freeze message was classified as, when there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Classification>,
    pub findings: Vec<Finding>,
    /// Why the verdict is what it is, one sentence per step, in the requested language.
    pub explanation: Vec<String>,
    pub channels: Vec<ChannelRef>,
    /// The document kinds that fit this case, most useful first; the page offers exactly these.
    pub documents: Vec<DocumentRef>,
    /// What the first screen shows beside the headline: confidence and strongest clue.
    #[serde(default)]
    pub glance: Glance,
}

impl Screening {
    /// The document of `kind` this screening offers, if it offers one (`documents`).
    pub fn offered(&self, kind: &str) -> Option<&DocumentRef> {
        self.documents.iter().find(|d| d.kind == kind)
    }
}

/// Screens a validated case and decides the verdict.
pub fn check(case: &Case, data: &DataSet, lang: Lang) -> Result<Screening, InputError> {
    let findings = screen_stays(case, data, lang)?;
    // The verdict is about the border-area freeze: later events' places do not decide it.
    let area_findings: Vec<Finding> = findings
        .iter()
        .filter(|f| is_area_finding(f, data))
        .cloned()
        .collect();
    let strongest = area_findings.iter().max_by_key(|f| f.strength());
    let strength = strongest.map_or(0, Finding::strength);
    let geo_verdict = Verdict::from_strength(strength);
    let mut explanation = vec![geography_sentence(strongest, strength, lang)];

    let message = match (&case.freeze_message, data.messages()) {
        (Some(text), Some(messages)) => Some(classify(messages, text, lang)),
        _ => None,
    };
    let event = strongest
        .filter(|_| strength > 0)
        .map(|f| f.event.clone())
        .or_else(|| {
            data.events
                .iter()
                .find(|e| e.kind == "area_freeze")
                .map(|e| e.id.clone())
        });

    let (mut verdict, kind, confidence) = weigh_message(
        message.as_ref(),
        geo_verdict,
        strength,
        lang,
        &mut explanation,
    );
    // The event froze only some platforms: a case about others is not explained by it.
    if let Some(event) = event
        .as_deref()
        .and_then(|id| data.events.iter().find(|e| e.id == id))
    {
        let covered = case.platforms.is_empty()
            || case
                .platforms
                .iter()
                .any(|p| event.platforms.iter().any(|q| q == p.id()));
        if !covered && verdict > Verdict::Unlikely {
            verdict = Verdict::Unlikely;
            explanation.push(say(
                lang,
                "但你被冻结的账号类型不在这次封停的范围里（它针对QQ、微信、支付宝、POS机等），所以不太像是它造成的。",
                "但你被凍結的帳號類型不在這次封停的範圍裡（它針對QQ、微信、支付寶、POS機等），所以不太像是它造成的。",
                "But the accounts you named are not among those this freeze covered (QQ, WeChat, Alipay, POS and the like), so it is unlikely to be the cause.",
            ));
        }
    }

    let kind = if kind == CauseKind::BorderAreaFreeze && verdict < Verdict::Possible {
        CauseKind::Unknown
    } else {
        kind
    };
    let (kind, confidence, later) = weigh_later(
        case,
        data,
        &findings,
        message.as_ref(),
        (kind, confidence),
        lang,
        &mut explanation,
    );
    explanation.push(say(
        lang,
        "这只是根据公开资料的估计，不是结论，也不能保证解封。",
        "這只是根據公開資料的估計，不是結論，也不能保證解封。",
        "This is an estimate from public sources, not a finding, and no promise of unfreezing.",
    ));
    let channel_ids: Vec<String> = match (&message, kind) {
        (Some(m), _) if m.cause != CauseKind::Unknown => m.channels.clone(),
        (_, _) if later.is_some() => later.map(|(_, e)| e.channels.clone()).unwrap_or_default(),
        (_, CauseKind::BorderAreaFreeze) => event
            .as_deref()
            .and_then(|id| data.events.iter().find(|e| e.id == id))
            .map(|e| e.channels.clone())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let channels = channel_refs(data, &channel_ids, lang);
    let (headline, border_line) = headline(
        kind,
        verdict,
        case.freeze_message.is_some(),
        !findings.is_empty(),
        lang,
    );
    let triage = data
        .messages()
        .and_then(|m| m.triage(kind))
        .map(|t| TriageText::from_triage(t, lang));
    let documents = documents(case, data, kind, verdict, lang);
    let clues = match later {
        Some((f, _)) => std::slice::from_ref(f),
        None => &area_findings[..],
    };
    let glance = glance(kind, verdict, confidence, message.as_ref(), clues, lang);
    Ok(Screening {
        data_version: data.version.clone(),
        verdict,
        cause: Cause {
            kind,
            event: match later {
                Some((_, e)) => Some(e.id.clone()),
                None if kind == CauseKind::BorderAreaFreeze => event,
                None => None,
            },
            confidence,
        },
        headline,
        border_line,
        triage,
        message,
        findings,
        explanation,
        channels,
        documents,
        glance,
    })
}

/// What a stay in a later event's place adds (see [`crate::screening`]): the strongest such
/// finding whose event names a cause.
///
/// - When the message already names that cause, one sentence says the stay fits it too; the
///   confidence does not change (the later records are reports or our readings).
/// - When no message names a cause, the border-area freeze is not in view and the case names the
///   cause's platform (a phone number for `phone_number_flagged`), the finding becomes the cause,
///   at a low confidence: 0.25 (one dot) when its place rests on unverified reports or our own
///   inference, 0.4 otherwise. Returned with it, the finding and its event, whose channels and
///   clue the result then shows.
/// - Otherwise the finding is listed and nothing else changes.
fn weigh_later<'a>(
    case: &Case,
    data: &'a DataSet,
    findings: &'a [Finding],
    message: Option<&Classification>,
    (kind, confidence): (CauseKind, f64),
    lang: Lang,
    explanation: &mut Vec<String>,
) -> (
    CauseKind,
    f64,
    Option<(&'a Finding, &'a crate::data::Event)>,
) {
    // The first of equally strong findings (max_by_key keeps the last, so walk backwards).
    let best = findings
        .iter()
        .rev()
        .filter(|f| f.strength() > 0 && !is_area_finding(f, data))
        .filter_map(|f| {
            let event = data.events.iter().find(|e| e.id == f.event)?;
            Some((f, event, event.cause?))
        })
        .max_by_key(|(f, _, _)| f.strength());
    let Some((finding, event, cause)) = best else {
        return (kind, confidence, None);
    };
    let named = message.map_or(CauseKind::Unknown, |m| m.cause);
    if named == cause {
        explanation.push(format!(
            "{}{}",
            say(lang, "另有一条线索：", "另有一條線索：", "One more clue: "),
            finding.clue
        ));
        return (kind, confidence, None);
    }
    let platform = match cause {
        CauseKind::PhoneNumberFlagged => crate::case::Platform::Phone,
        CauseKind::BankRiskControl => crate::case::Platform::Bank,
        _ => return (kind, confidence, None),
    };
    if named != CauseKind::Unknown
        || kind == CauseKind::BorderAreaFreeze
        || !case.platforms.contains(&platform)
    {
        return (kind, confidence, None);
    }
    use crate::data::Confidence as C;
    let confidence = match finding.region_confidence {
        C::Unverified | C::User | C::Inferred => 0.25,
        _ => 0.4,
    };
    explanation.push(format!(
        "{}{}{}",
        say(
            lang,
            "没有能说明原因的提示文字，只有一条来自后来记录的线索：",
            "沒有能說明原因的提示文字，只有一條來自後來記錄的線索：",
            "No message names the cause; the only clue is a later record: "
        ),
        finding.clue,
        say(
            lang,
            "这只是一条线索，不是结论。",
            "這只是一條線索，不是結論。",
            " This is a lead, not a finding."
        )
    ));
    (cause, confidence, Some((finding, event)))
}

/// The verdict, cause and confidence once the message is weighed against the geography: a
/// message naming the anti-fraud office raises the verdict a step; one of another kind points
/// away from the border-area freeze unless a stay lies inside a frozen area.
fn weigh_message(
    message: Option<&Classification>,
    geo_verdict: Verdict,
    strength: u8,
    lang: Lang,
    explanation: &mut Vec<String>,
) -> (Verdict, CauseKind, f64) {
    let message_cause = message.map_or(CauseKind::Unknown, |m| m.cause);
    match message_cause {
        CauseKind::BorderAreaFreeze => {
            explanation.push(say(
                lang,
                "你看到的提示点名了打击治理电信网络新型违法犯罪工作部际联席会议办公室，这正是边境地区封停时用的说法，所以把判断提高了一级。",
                "你看到的提示點名了打擊治理電信網絡新型違法犯罪工作部際聯席會議辦公室，這正是邊境地區封停時用的說法，所以把判斷提高了一級。",
                "The message you saw names the State Council's anti-fraud joint-conference office, the wording of the border-area freeze, so the verdict goes up one step.",
            ));
            if strength == 0 {
                explanation.push(say(
                    lang,
                    "但你填写的行程都不在已知区域附近或回溯期内：请想想是否漏填了去过的边境地方。",
                    "但你填寫的行程都不在已知區域附近或回溯期內：請想想是否漏填了去過的邊境地方。",
                    "But none of your stays is near a known area within the window: check whether you left out a stay near the border.",
                ));
            }
            let verdict = geo_verdict.step_up();
            let confidence = if verdict == Verdict::Likely { 0.9 } else { 0.6 };
            (verdict, CauseKind::BorderAreaFreeze, confidence)
        }
        CauseKind::Unknown => {
            let kind = if geo_verdict >= Verdict::Possible {
                CauseKind::BorderAreaFreeze
            } else {
                CauseKind::Unknown
            };
            let confidence = match geo_verdict {
                Verdict::Likely => 0.75,
                Verdict::Possible => 0.5,
                Verdict::Unlikely => 0.2,
                Verdict::None => 0.0,
            };
            (geo_verdict, kind, confidence)
        }
        other => {
            let label = message.map_or("", |m| m.label.as_str());
            let verdict = if strength >= 3 {
                explanation.push(format!(
                    "{}{label}{}",
                    say(lang, "你看到的提示属于“", "你看到的提示屬於「", "The message you saw is of the kind \u{201c}"),
                    say(
                        lang,
                        "”，指向别的原因；但你的行程在封停区域内，两种可能都在。",
                        "」，指向別的原因；但你的行程在封停區域內，兩種可能都在。",
                        "\u{201d}, which points to another cause; but a stay lies inside a frozen area, so both remain possible.",
                    )
                ));
                Verdict::Possible
            } else {
                if strength > 0 {
                    explanation.push(format!(
                        "{}{label}{}",
                        say(lang, "你看到的提示属于“", "你看到的提示屬於「", "The message you saw is of the kind \u{201c}"),
                        say(
                            lang,
                            "”，指向别的原因；它比“离边境较近”这种弱的地理线索更说明问题。",
                            "」，指向別的原因；它比「離邊境較近」這種弱的地理線索更說明問題。",
                            "\u{201d}, which points to another cause; it says more than a weak geographic hint such as being near the border.",
                        )
                    ));
                }
                geo_verdict.min(Verdict::Unlikely)
            };
            let confidence = if other == CauseKind::NotAFreeze {
                0.7
            } else {
                0.6
            };
            (verdict, other, confidence)
        }
    }
}

fn say<'a>(lang: Lang, zh_cn: &'a str, zh_tw: &'a str, en: &'a str) -> String {
    lang.pick(zh_cn, zh_tw, en).to_owned()
}

/// The first sentence of the explanation: what the geography alone says.
fn geography_sentence(strongest: Option<&Finding>, strength: u8, lang: Lang) -> String {
    match (strongest, strength) {
        (None, _) => say(
            lang,
            "还没有可以比对的行程。",
            "還沒有可以比對的行程。",
            "There are no stays to compare yet.",
        ),
        (Some(_), 0) => say(
            lang,
            "你的行程都不在已知封停区域附近，或不在回溯期内。",
            "你的行程都不在已知封停區域附近，或不在回溯期內。",
            "None of your stays is near a known freeze area within its look-back window.",
        ),
        (Some(finding), _) => {
            let lead = say(
                lang,
                "最强的一条线索：",
                "最強的一條線索：",
                "The strongest clue: ",
            );
            format!("{lead}{}", finding.why)
        }
    }
}

fn channel_refs(data: &DataSet, ids: &[String], lang: Lang) -> Vec<ChannelRef> {
    let Some(channels) = data.channels() else {
        return Vec::new();
    };
    ids.iter()
        .filter_map(|id| channels.channel(id))
        .map(|c| ChannelRef {
            id: c.id.clone(),
            name: c.name.get(lang.code()).to_owned(),
            how: serde_json::to_value(c.how)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            decides: c.decides.get(lang.code()).to_owned(),
            does_not_unfreeze: c.does_not_unfreeze,
            source: c.sources.first().map(|s| s.url.clone()).unwrap_or_default(),
        })
        .collect()
}
