//! The case verdict: the strongest finding, adjusted by what the freeze message says.

use serde::Serialize;

use crate::case::Case;
use crate::dataset::DataSet;
use crate::error::InputError;
use crate::i18n::Lang;
use crate::screening::{Finding, screen_stays};

/// How probable it is that a location-based freeze caused this case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
}

/// The kinds of cause the app can name (DESIGN.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CauseKind {
    BorderAreaFreeze,
    PlatformViolation,
    AccountSecurity,
    FundsFrozenByAuthority,
    CardTradingSanction,
    PhoneNumberFlagged,
    NotAFreeze,
    Unknown,
}

/// The probable cause, with the event it points at and our confidence on a 0–1 scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cause {
    pub kind: CauseKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    pub confidence: f64,
}

/// The whole answer for a case: what `prescreen check --format json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Screening {
    pub data_version: String,
    pub verdict: Verdict,
    pub cause: Cause,
    pub findings: Vec<Finding>,
}

/// Screens a validated case and decides the verdict.
pub fn check(case: &Case, data: &DataSet, lang: Lang) -> Result<Screening, InputError> {
    let findings = screen_stays(case, data, lang)?;
    let strongest = findings.iter().max_by_key(|f| f.strength());
    let verdict = strongest.map_or(Verdict::None, |f| Verdict::from_strength(f.strength()));
    let cause = match (verdict, strongest) {
        (Verdict::Likely | Verdict::Possible, Some(finding)) => Cause {
            kind: CauseKind::BorderAreaFreeze,
            event: Some(finding.event.clone()),
            confidence: if verdict == Verdict::Likely { 0.8 } else { 0.5 },
        },
        _ => Cause {
            kind: CauseKind::Unknown,
            event: None,
            confidence: 0.0,
        },
    };
    Ok(Screening {
        data_version: data.version.clone(),
        verdict,
        cause,
        findings,
    })
}
