//! `channels.json`: who decides, what they can decide, and how to reach them. A contact detail
//! (number, e-mail, address, URL) carries its own source, and is absent when no source gives it.

use serde::{Deserialize, Serialize};

use super::source::{Confidence, Localized, Source};

/// `channels.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelsFile {
    pub data_version: String,
    pub licence: String,
    pub channels: Vec<Channel>,
}

impl ChannelsFile {
    /// The channel with this id.
    pub fn channel(&self, id: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.id == id)
    }
}

/// How a channel is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    Phone,
    Web,
    App,
    Email,
    Post,
    InPerson,
}

/// Who to contact, what they can decide, and how to reach them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub id: String,
    pub name: Localized,
    /// The main way in; `contacts` may offer others.
    pub how: How,
    /// What this channel can decide.
    pub decides: Localized,
    #[serde(default)]
    pub handles: Vec<Localized>,
    #[serde(default)]
    pub does_not_handle: Vec<Localized>,
    /// True for lines that warn, advise or take reports but cannot lift a freeze.
    #[serde(default)]
    pub does_not_unfreeze: bool,
    /// True when the numbers are not shipped: the user copies them from their own block screen or
    /// notice; `numbers_from_user_why` says why.
    #[serde(default)]
    pub numbers_from_user: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbers_from_user_why: Option<Localized>,
    /// Phone numbers, e-mail, postal address, web pages: each with its own source.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Cost>,
    /// What the channel asks the caller for (case-file fields), when a source says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asks_for: Option<AsksFor>,
    /// Further sourced facts: time limits, caveats, what happened to others.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// ISO date the sources were last read.
    pub checked_on: String,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// The kind of a contact detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    Phone,
    Web,
    Email,
    Post,
    App,
}

/// One contact detail, exactly as its source gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub kind: ContactKind,
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Localized>,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// Opening hours: on `days`, during each of `ranges`, in time zone `tz`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    /// `mon` … `sun`.
    pub days: Vec<String>,
    pub ranges: Vec<TimeRange>,
    /// IANA zone, `Asia/Shanghai`.
    pub tz: String,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
    /// The last day (`YYYY-MM-DD`) the sources show these hours in use. After it the pages give
    /// the hours only as published, never "open now"; without it, the end of 2019 (every hours
    /// source in the data is from the 2019 freeze).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
}

/// `HH:MM`–`HH:MM`, local time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeRange {
    pub from: String,
    pub to: String,
}

/// What using the channel costs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cost {
    /// `free`, or a short code for what is charged.
    pub value: String,
    pub text: Localized,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// The facts a channel asks for: case-file fields (`name`, `id_number`, `wechat_id`, `qq`,
/// `phone`) and `border_visit` (when the person was near the border, and why).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AsksFor {
    pub fields: Vec<String>,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// A sourced statement about a channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub text: Localized,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}
