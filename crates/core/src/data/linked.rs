//! `linked.json`: for each frozen platform, what else may stop working, and the route for each.
//! Almost nothing here has a source; an entry without one is `unverified` and the scripts say
//! "we found no source" rather than state it.

use serde::{Deserialize, Serialize};

use super::source::{Confidence, Localized, Source};
use crate::case::Platform;

/// `linked.json`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkedFile {
    pub data_version: String,
    pub licence: String,
    pub note: String,
    pub platforms: Vec<LinkedPlatform>,
}

impl LinkedFile {
    /// The services linked to a platform (empty when the data has none).
    pub fn services(&self, platform: Platform) -> &[LinkedService] {
        self.platforms
            .iter()
            .find(|p| p.platform == platform)
            .map_or(&[], |p| p.services.as_slice())
    }

    /// Problems with the file: a sourced confidence without a source, an unknown channel.
    pub fn problems(&self, channel_ids: &[&str]) -> Vec<String> {
        let mut out = Vec::new();
        for p in &self.platforms {
            for s in &p.services {
                for (what, claim) in [("effect", &s.effect), ("route", &s.route)] {
                    if claim.confidence != Confidence::Unverified && claim.sources.is_empty() {
                        out.push(format!(
                            "linked.json {}.{what}: confidence {:?} without a source; add one or mark it unverified",
                            s.id, claim.confidence
                        ));
                    }
                    if let Some(c) = &claim.channel
                        && !channel_ids.contains(&c.as_str())
                    {
                        out.push(format!(
                            "linked.json {}.{what}: unknown channel {c:?}",
                            s.id
                        ));
                    }
                }
            }
        }
        out
    }
}

/// The services linked to one platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkedPlatform {
    pub platform: Platform,
    pub services: Vec<LinkedService>,
}

/// A service that may stop working with the platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkedService {
    pub id: String,
    pub name: Localized,
    /// What happens to it, or that no source says.
    pub effect: Claim,
    /// What to do about it.
    pub route: Claim,
}

/// A sourced (or explicitly unverified) statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub text: Localized,
    /// The `channels.json` id that handles it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// The script kind that helps with it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<String>,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}
