//! The case file (v1): the one input format shared by the app's export, the CLI and the tests.
//!
//! Parsing is two stages, as in ripgrep and jiff: [`CaseFile`] is the raw, serde-shaped file
//! (unknown fields are refused), and [`CaseFile::validate`] turns it into a typed [`Case`] or the
//! first [`InputError`], which names the stay and the field.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::{InputError, InputErrorKind};
use crate::letters::call_log::{CallAttempt, CallResult};

/// The case file as written on disk or exported by the app.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    pub version: u32,
    /// The user's today (the domain never reads a clock); the UI passes the device's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frozen_on: Option<String>,
    #[serde(default)]
    pub platforms: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freeze_message: Option<String>,
    /// The block text of each frozen platform, by platform id (`{"qq": "…"}`): a letter to a
    /// platform quotes only that platform's text. `freeze_message` stays the text of the platform
    /// it names.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub freeze_messages: BTreeMap<String, String>,
    /// The calls already made about the case, as the page's call log keeps them: each an object
    /// of `at` (China time, `2019-10-16T09:30`), `number`, `result` (`busy`, `no_answer`,
    /// `closed`, `got_through`, `wrong_number`) and an optional `note`. Read as plain strings
    /// (the page carries them without parsing); [`CaseFile::validate`] checks them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<BTreeMap<String, String>>,
    #[serde(default)]
    pub stays: Vec<StayInput>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<Person>,
    /// What the user already sent or asked, and when (`[{"kind": "complaint-12300", "on":
    /// "2026-10-12"}]`): the follow-up letter refers to the latest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sent: Vec<SentInput>,
}

/// A letter sent or a visit made, as the user entered it: a document kind and the day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentInput {
    pub kind: String,
    pub on: String,
}

/// A letter sent or a visit made: a document kind (`prescreen script --kind`) and the day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sent {
    pub kind: String,
    pub on: Date,
}

/// One stay as the user entered it: a place name, or coordinates with their datum.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StayInput {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datum: Option<String>,
    pub from: String,
    pub to: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Who the scripts speak for. Every field is optional: a blank shows as a placeholder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wechat_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qq: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// The accounts a case can concern, and the services a freeze-message pattern is seen on: one
/// list, the ids of the case file's `platforms` and of `messages.json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Wechat,
    Qq,
    Alipay,
    Bank,
    Phone,
    Game,
    Other,
}

impl Platform {
    pub const ALL: [Platform; 7] = [
        Platform::Wechat,
        Platform::Qq,
        Platform::Alipay,
        Platform::Bank,
        Platform::Phone,
        Platform::Game,
        Platform::Other,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Platform::Wechat => "wechat",
            Platform::Qq => "qq",
            Platform::Alipay => "alipay",
            Platform::Bank => "bank",
            Platform::Phone => "phone",
            Platform::Game => "game",
            Platform::Other => "other",
        }
    }

    pub fn from_id(id: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// The coordinate system a pasted point is in. Chinese map apps do not use WGS-84.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Datum {
    /// GPS, OpenStreetMap, Google Earth.
    Wgs84,
    /// AMap (高德), Tencent maps: WGS-84 shifted by a few hundred metres.
    Gcj02,
    /// Baidu maps: GCJ-02 shifted again.
    Bd09,
}

impl Datum {
    /// The id a case file uses: `wgs84`, `gcj02` or `bd09`.
    ///
    /// ```
    /// use prescreen_core::case::Datum;
    /// for datum in [Datum::Wgs84, Datum::Gcj02, Datum::Bd09] {
    ///     assert_eq!(Datum::from_id(datum.id()), Some(datum));
    /// }
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Datum::Wgs84 => "wgs84",
            Datum::Gcj02 => "gcj02",
            Datum::Bd09 => "bd09",
        }
    }

    pub fn from_id(id: &str) -> Option<Datum> {
        match id {
            "wgs84" => Some(Datum::Wgs84),
            "gcj02" => Some(Datum::Gcj02),
            "bd09" => Some(Datum::Bd09),
            _ => None,
        }
    }
}

/// Where a stay was.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    /// A name to look up in the gazetteer.
    Named(String),
    /// A point as typed or pasted, in its datum.
    Point { lat: f64, lon: f64, datum: Datum },
}

/// A validated stay: a location and an inclusive date range.
#[derive(Debug, Clone, PartialEq)]
pub struct Stay {
    pub location: Location,
    pub from: Date,
    pub to: Date,
    pub note: Option<String>,
}

/// A validated case.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub today: Option<Date>,
    pub frozen_on: Option<Date>,
    pub platforms: Vec<Platform>,
    pub freeze_message: Option<String>,
    /// Each platform's own block text (non-blank), from `freeze_messages`.
    pub freeze_messages: BTreeMap<Platform, String>,
    /// The calls already made, as the case file has them; [`Case::call_log`] reads them (only
    /// the letters do: the screening worker carries no code for it).
    pub calls: Vec<BTreeMap<String, String>>,
    pub stays: Vec<Stay>,
    pub person: Person,
    /// What was already sent or asked, in the order given.
    pub sent: Vec<Sent>,
}

impl Case {
    /// The block text a letter to `platform` may quote: that platform's own text, else
    /// `freeze_message` when it names this platform (or names none and the case has only this
    /// platform). `None` when the case holds no text of this platform's: a WeChat notice is
    /// never quoted in a QQ letter.
    pub fn message_for(&self, platform: Platform) -> Option<&str> {
        if let Some(text) = self.freeze_messages.get(&platform) {
            return Some(text);
        }
        let text = self.freeze_message.as_deref()?;
        let named = message_platforms(text);
        let fits = if named.is_empty() {
            self.platforms.len() <= 1 && self.platforms.first().is_none_or(|p| *p == platform)
        } else {
            named.contains(&platform)
        };
        fits.then_some(text)
    }
}

/// The platforms a block text names by name (微信, QQ, 支付宝, in any of the three languages).
pub fn message_platforms(text: &str) -> Vec<Platform> {
    let lower = text.to_lowercase();
    let mut out = Vec::new();
    if lower.contains("微信") || lower.contains("wechat") || lower.contains("weixin") {
        out.push(Platform::Wechat);
    }
    if lower.contains("qq") {
        out.push(Platform::Qq);
    }
    if ["支付宝", "支付寶", "alipay"]
        .iter()
        .any(|k| lower.contains(k))
    {
        out.push(Platform::Alipay);
    }
    out
}

/// The case-file versions this build reads.
pub const CASE_FILE_VERSION: u32 = 1;

/// The largest case file the app and the CLI read. 10,000 stays fit in under 1 MiB; anything
/// larger is the wrong file, refused by its size before it is read into memory.
pub const MAX_CASE_FILE_BYTES: u64 = 16 * 1024 * 1024;

impl CaseFile {
    /// Reads a case file from JSON text. Unknown fields and wrong types are errors that name the
    /// field, e.g. `stays[0].form: unknown field …`.
    pub fn from_json(text: &str) -> Result<CaseFile, InputError> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
            let path = err.path().to_string();
            let err = err.into_inner();
            // A file that ends early is wrong as a whole, wherever it stops.
            let whole = path == "."
                || path.is_empty()
                || err.classify() == serde_json::error::Category::Eof;
            let field = if whole { "case".to_owned() } else { path };
            // The parser's own words ("EOF while parsing …") mean nothing to a person, and
            // are English inside a Chinese message: say what happened instead.
            let kind = match err.classify() {
                serde_json::error::Category::Eof => InputErrorKind::Truncated,
                serde_json::error::Category::Syntax => InputErrorKind::NotJson {
                    line: err.line(),
                    column: err.column(),
                },
                _ => InputErrorKind::Malformed {
                    detail: err.to_string(),
                },
            };
            InputError::new(field, kind)
        })
    }

    /// The `platforms` ids as [`Platform`]s; an unknown id names `platforms[i]`.
    pub fn parsed_platforms(&self) -> Result<Vec<Platform>, InputError> {
        self.platforms
            .iter()
            .enumerate()
            .map(|(i, id)| {
                Platform::from_id(id).ok_or_else(|| {
                    InputError::new(
                        format!("platforms[{i}]"),
                        InputErrorKind::UnknownValue {
                            what: "platform",
                            value: id.clone(),
                            allowed: "wechat, qq, alipay, bank, phone, game, other",
                        },
                    )
                })
            })
            .collect()
    }

    /// Checks every field and returns the typed case, or the first problem found.
    pub fn validate(&self) -> Result<Case, InputError> {
        if self.version != CASE_FILE_VERSION {
            return Err(InputError::new(
                "version",
                InputErrorKind::OutOfRange {
                    value: self.version.to_string(),
                    range: "this build reads case files of version 1",
                },
            ));
        }
        let today = self
            .today
            .as_deref()
            .map(|t| parse_date("today", t))
            .transpose()?;
        let frozen_on = self
            .frozen_on
            .as_deref()
            .map(|t| parse_date("frozen_on", t))
            .transpose()?;
        let platforms = self.parsed_platforms()?;
        let stays = self
            .stays
            .iter()
            .enumerate()
            .map(|(i, stay)| stay.validate(i))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Case {
            today,
            frozen_on,
            platforms,
            freeze_message: self
                .freeze_message
                .as_ref()
                .filter(|m| !m.trim().is_empty())
                .cloned(),
            freeze_messages: self
                .freeze_messages
                .iter()
                .filter(|(_, text)| !text.trim().is_empty())
                .map(|(id, text)| {
                    Platform::from_id(id)
                        .map(|p| (p, text.clone()))
                        .ok_or_else(|| {
                            InputError::new(
                                format!("freeze_messages.{id}"),
                                InputErrorKind::UnknownValue {
                                    what: "platform",
                                    value: id.clone(),
                                    allowed: "wechat, qq, alipay, bank, phone, game, other",
                                },
                            )
                        })
                })
                .collect::<Result<_, _>>()?,
            calls: self.calls.clone(),
            stays,
            person: self.person.clone().unwrap_or_default(),
            sent: self
                .sent
                .iter()
                .enumerate()
                .map(|(i, sent)| sent.validate(i))
                .collect::<Result<_, _>>()?,
        })
    }
}

impl SentInput {
    /// Validates entry number `index` (0-based), naming `sent[index].<field>` in any error.
    pub fn validate(&self, index: usize) -> Result<Sent, InputError> {
        let kind = self.kind.trim();
        if !crate::data::DOCUMENT_KINDS.contains(&kind) {
            return Err(InputError::new(
                format!("sent[{index}].kind"),
                InputErrorKind::UnknownValue {
                    what: "document kind",
                    value: self.kind.clone(),
                    allowed: "hotline, platform-appeal, pi-access, game-decouple, bank-counter, carrier-counter, call-96110, police-inquiry, human-review, complaint-12300, complaint-12378, follow-up",
                },
            ));
        }
        Ok(Sent {
            kind: kind.to_owned(),
            on: parse_date(&format!("sent[{index}].on"), &self.on)?,
        })
    }
}

impl Case {
    /// The call log in time order (each `at` a China time, `YYYY-MM-DDTHH:MM`), each field
    /// checked; an error names `calls[i].<field>`.
    pub fn call_log(&self) -> Result<Vec<CallAttempt>, InputError> {
        let mut calls = Vec::new();
        for (i, call) in self.calls.iter().enumerate() {
            let field = |name: &str| format!("calls[{i}].{name}");
            if let Some(other) = call
                .keys()
                .find(|k| !["at", "number", "result", "note"].contains(&k.as_str()))
            {
                return Err(InputError::new(
                    field(other),
                    InputErrorKind::UnknownValue {
                        what: "call field",
                        value: other.clone(),
                        allowed: "at, number, result, note",
                    },
                ));
            }
            let text = |name: &str| {
                call.get(name)
                    .map(|v| v.trim())
                    .filter(|v| !v.is_empty())
                    .ok_or_else(|| InputError::new(field(name), InputErrorKind::Missing))
            };
            let at = text("at")?;
            // `YYYY-MM-DDTHH:MM` (seconds allowed), read without a date-time parser: the screening
            // worker carries no other use for one.
            let bad = || {
                InputError::new(
                    field("at"),
                    InputErrorKind::BadTime {
                        value: at.to_owned(),
                    },
                )
            };
            let (day, clock) = at.split_once('T').ok_or_else(bad)?;
            let day = parse_date(&field("at"), day).map_err(|_| bad())?;
            let parts: Option<Vec<u8>> = clock
                .split(':')
                .map(|p| p.parse().ok().filter(|_| p.len() == 2))
                .collect();
            let (hour, minute) = match parts.as_deref() {
                Some([h, m] | [h, m, _]) if *h < 24 && *m < 60 => (*h, *m),
                _ => return Err(bad()),
            };
            let result = text("result")?;
            let result = CallResult::ALL
                .into_iter()
                .find(|r| r.id() == result)
                .ok_or_else(|| {
                    InputError::new(
                        field("result"),
                        InputErrorKind::UnknownValue {
                            what: "call result",
                            value: result.to_owned(),
                            allowed: "busy, no_answer, closed, got_through, wrong_number",
                        },
                    )
                })?;
            calls.push(CallAttempt {
                at: format!("{day}T{hour:02}:{minute:02}"),
                number: text("number")?.to_owned(),
                result,
                note: text("note").ok().map(str::to_owned),
            });
        }
        calls.sort_by(|a, b| a.at.cmp(&b.at));
        Ok(calls)
    }
}

impl StayInput {
    /// Validates stay number `index` (0-based), naming `stays[index].<field>` in any error.
    pub fn validate(&self, index: usize) -> Result<Stay, InputError> {
        let field = |name: &str| format!("stays[{index}].{name}");
        let place = self
            .place
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        let location = match (place, self.lat, self.lon) {
            (Some(name), None, None) => Location::Named(name.to_owned()),
            (None, Some(lat), Some(lon)) => {
                if !(-90.0..=90.0).contains(&lat) {
                    return Err(InputError::new(
                        field("lat"),
                        InputErrorKind::OutOfRange {
                            value: lat.to_string(),
                            range: "latitude is between -90 and 90 degrees",
                        },
                    ));
                }
                if !(-180.0..=180.0).contains(&lon) {
                    return Err(InputError::new(
                        field("lon"),
                        InputErrorKind::OutOfRange {
                            value: lon.to_string(),
                            range: "longitude is between -180 and 180 degrees",
                        },
                    ));
                }
                let datum = match self.datum.as_deref() {
                    None => Datum::Wgs84,
                    Some(id) => Datum::from_id(id).ok_or_else(|| {
                        InputError::new(
                            field("datum"),
                            InputErrorKind::UnknownValue {
                                what: "datum",
                                value: id.to_owned(),
                                allowed: "wgs84, gcj02 (AMap, Tencent), bd09 (Baidu)",
                            },
                        )
                    })?,
                };
                Location::Point { lat, lon, datum }
            }
            (None, None, None) => {
                return Err(InputError::new(field("place"), InputErrorKind::Missing));
            }
            (None, Some(_), None) => {
                return Err(InputError::new(field("lon"), InputErrorKind::Missing));
            }
            (None, None, Some(_)) => {
                return Err(InputError::new(field("lat"), InputErrorKind::Missing));
            }
            (Some(_), _, _) => {
                return Err(InputError::new(
                    field("place"),
                    InputErrorKind::PlaceOrCoordinates { what: "both" },
                ));
            }
        };
        let from = parse_date(&field("from"), &self.from)?;
        let to = parse_date(&field("to"), &self.to)?;
        if to < from {
            return Err(InputError::new(
                field("to"),
                InputErrorKind::EndBeforeStart {
                    from: from.to_string(),
                    to: to.to_string(),
                },
            ));
        }
        Ok(Stay {
            location,
            from,
            to,
            note: self.note.clone(),
        })
    }
}

/// Parses an ISO `YYYY-MM-DD` date; anything else is an error naming `field`.
///
/// ```
/// use prescreen_core::case::parse_date;
/// assert!(parse_date("from", "2019-09-03").is_ok());
/// assert!(parse_date("from", "2019-02-30").is_err()); // no such day
/// assert!(parse_date("from", "").is_err());
/// assert!(parse_date("from", "3/9/2019").is_err());
/// ```
pub fn parse_date(field: &str, text: &str) -> Result<Date, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(InputError::new(field, InputErrorKind::Missing));
    }
    let well_formed = text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    let bad = || {
        InputError::new(
            field,
            InputErrorKind::BadDate {
                value: text.to_owned(),
            },
        )
    };
    if !well_formed {
        return Err(bad());
    }
    // Well formed, yet no such day (2019-02-30): say so, not "not a date".
    text.parse::<Date>().map_err(|_| {
        InputError::new(
            field,
            InputErrorKind::NoSuchDay {
                value: text.to_owned(),
            },
        )
    })
}
