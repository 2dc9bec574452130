//! What every fact in the data carries: its [`Source`] and a [`Confidence`], and texts in the three
//! UI languages ([`Localized`]).

use serde::{Deserialize, Serialize};

/// Where a fact comes from. `url` is the page that says it; `title` names it for people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub url: String,
    pub title: String,
    /// The title in English, for English texts, when `title` is Chinese (a Chinese title stays
    /// in Chinese texts; English ones never print a Chinese sentence as a title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// The words the fact rests on, when short enough to quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// ISO date the source was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
}

/// How sure we are of a fact; each label is described on its variant below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// The authority's own text (possibly through a faithful repost).
    Official,
    /// Two or more independent news reports.
    Media,
    /// One report.
    Single,
    /// Forum or user accounts.
    User,
    /// Our own inference from sourced facts; the method says how.
    Inferred,
    /// Believed, not confirmed.
    Unverified,
}

/// One text in the three UI languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    #[serde(rename = "zh-CN")]
    pub zh_cn: String,
    #[serde(rename = "zh-TW")]
    pub zh_tw: String,
    pub en: String,
}

impl Localized {
    /// The text for a UI language code (`zh-CN`, `zh-TW`, anything else → English).
    pub fn get(&self, lang: &str) -> &str {
        match lang {
            "zh-CN" | "zh" | "zh-Hans" => &self.zh_cn,
            "zh-TW" | "zh-HK" | "zh-Hant" => &self.zh_tw,
            _ => &self.en,
        }
    }
}
