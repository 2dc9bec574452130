//! What to say and send: the call script for the police channel, and the letters (platform
//! appeal, personal-information request, game-account decoupling), filled from the case.
//!
//! Every text lives in `crates/core/templates/<kind>.<lang>.txt` and `common.<lang>.txt` (see
//! [`template`] for the syntax); this module only chooses sections and fills them with typed data.
//! Facts come from the data: the channel (name, hours, what it asks for, its notes) from
//! `channels.json`, the quoted articles from `legal.json`, the reply period and the working-day
//! calendar from `holidays.json`, the linked services from `linked.json`. Phone numbers are never
//! shipped: the user copies them from their own notice, and they become `tel:` links.
//!
//! A blank personal field shows as a visible placeholder (`【姓名】`, `[name]`), never as an empty
//! string. Every page says that paid "代解封" services are scams, answers "will appealing harm my
//! other accounts?" with only what a source supports, and promises nothing.
//!
//! ```no_run
//! # fn demo(case: &prescreen_core::case::Case, screening: &prescreen_core::verdict::Screening,
//! #         data: &prescreen_core::data::Guidance) {
//! use prescreen_core::i18n::Lang;
//! use prescreen_core::scripts::{ScriptInput, ScriptKind, render};
//! let input = ScriptInput { case, screening, lang: Lang::ZhCn, now: None, numbers: &[] };
//! for doc in render(ScriptKind::Hotline, &input, data).unwrap() {
//!     println!("{}", doc.page_text());
//! }
//! # }
//! ```

pub mod call_log;
pub mod hours;
pub mod template;

use jiff::civil::{Date, DateTime};
use thiserror::Error;

use crate::case::{Case, Location, Person, Platform};
use crate::data::{
    Channel, Confidence, ContactKind, DayKind, DeadlineError, Guidance, Localized, ReplyPeriod,
};
use crate::deadlines::{AllDayEvent, ics};
use crate::i18n::Lang;
use crate::screening::Relation;
use crate::validation::{DialNumber, ValidationError, validate_dial_number};
use crate::verdict::{CauseKind, Screening};

use self::hours::{HoursStatus, weekday_id};
use self::template::{TemplateError, fill, section};

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
}

impl ScriptKind {
    pub const ALL: [ScriptKind; 4] = [
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
            ScriptError::NoPlatform | ScriptError::NoPiRecipient | ScriptError::NoQq => {
                let key = match self {
                    ScriptError::NoPlatform => "err_no_platform",
                    ScriptError::NoPiRecipient => "err_no_pi_recipient",
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

/// A deadline for a reply, with a calendar file for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    pub sent_on: Date,
    pub working_days: u32,
    pub due: Date,
    /// The reply period and its source.
    pub period: ReplyPeriod,
    /// An iCalendar file with one all-day event on `due`.
    pub ics: String,
}

/// One page: a call script or a letter, and what the user should know before using it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub kind: ScriptKind,
    pub lang: Lang,
    /// The platform a platform appeal is about (one document per frozen platform).
    pub platform: Option<Platform>,
    /// The page heading.
    pub title: String,
    /// Who it goes to and how (name, e-mail, address, web, with confidence), one per line.
    pub recipient: Vec<String>,
    /// The letter's subject (letters only).
    pub subject: Option<String>,
    /// The text to read aloud or send.
    pub body: String,
    /// For the user only: numbers, hours, deadline, scam warning, other accounts, evidence.
    pub guidance: String,
    /// `mailto:` URL when the recipient has an e-mail address in the data.
    pub mailto: Option<String>,
    /// The numbers the user copied, as `tel:` links.
    pub tel: Vec<DialNumber>,
    pub deadline: Option<Deadline>,
}

impl Document {
    /// The text to copy or download: subject and body.
    pub fn letter_text(&self) -> String {
        match &self.subject {
            Some(subject) => format!("{subject}\n\n{}\n", self.body),
            None => format!("{}\n", self.body),
        }
    }

    /// A file name for the download: `hotline.zh-CN.txt`, `platform-appeal-qq.en.txt` …
    pub fn file_name(&self) -> String {
        match self.platform {
            Some(p) => format!("{}-{}.{}.txt", self.kind.id(), p.id(), self.lang.code()),
            None => format!("{}.{}.txt", self.kind.id(), self.lang.code()),
        }
    }

    /// The whole page as plain text: title, recipient, subject, body, guidance.
    pub fn page_text(&self) -> String {
        let rule = "----------------------------------------";
        let mut out = format!("{}\n{rule}\n", self.title);
        for line in &self.recipient {
            out.push_str(line);
            out.push('\n');
        }
        if !self.recipient.is_empty() {
            out.push_str(rule);
            out.push('\n');
        }
        out.push_str(&self.letter_text());
        out.push_str(rule);
        out.push('\n');
        out.push_str(&self.guidance);
        out.push('\n');
        out
    }

    /// The body as short lines for the large-type read-aloud view: one sentence or list item a
    /// line, long sentences broken after a comma, no blank lines. Numbers and words are never
    /// split.
    ///
    /// ```
    /// # use prescreen_core::scripts::{Document, ScriptKind};
    /// # use prescreen_core::i18n::Lang;
    /// let doc = Document {
    ///     kind: ScriptKind::Hotline, lang: Lang::ZhCn, platform: None, title: String::new(), recipient: vec![],
    ///     subject: None, guidance: String::new(), mailto: None, tel: vec![], deadline: None,
    ///     body: "如果不能解封，请告诉我原因，以及还需要提交什么材料、向哪里提交。\n\n谢谢您。".into(),
    /// };
    /// assert_eq!(doc.lines(), ["如果不能解封，请告诉我原因，", "以及还需要提交什么材料、向哪里提交。", "谢谢您。"]);
    /// ```
    pub fn lines(&self) -> Vec<String> {
        /// Display width: a CJK character is about two Latin letters wide.
        fn width(s: &str) -> usize {
            s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
        }
        let mut out = Vec::new();
        for line in self.body.lines() {
            let mut current = String::new();
            let chars: Vec<char> = line.trim().chars().collect();
            for (i, c) in chars.iter().enumerate() {
                current.push(*c);
                let next_is_space = chars.get(i + 1).is_none_or(|n| *n == ' ');
                let ends = matches!(c, '。' | '；' | '！' | '？')
                    || (matches!(c, '.' | ';' | '?' | '!') && next_is_space);
                let soft = (*c == '，' || (*c == ',' && next_is_space))
                    && width(current.trim()) >= 24
                    && width(&chars[i + 1..].iter().collect::<String>()) >= 12;
                if (ends || soft) && current.trim().chars().count() > 1 {
                    out.push(current.trim().to_owned());
                    current.clear();
                }
            }
            if !current.trim().is_empty() {
                out.push(current.trim().to_owned());
            }
        }
        out
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
    if !kinds_for(input.case).contains(&kind) {
        return Err(match kind {
            ScriptKind::PiAccess => ScriptError::NoPiRecipient,
            ScriptKind::GameDecouple => ScriptError::NoQq,
            _ => ScriptError::NoPlatform,
        });
    }
    let w = Writer::new(kind, input, data)?;
    match kind {
        ScriptKind::Hotline => w.hotline().map(|d| vec![d]),
        ScriptKind::PlatformAppeal => w.platform_appeals(),
        ScriptKind::PiAccess => w.pi_access().map(|d| vec![d]),
        ScriptKind::GameDecouple => w.game_decouple().map(|d| vec![d]),
    }
}

/// The evidence checklist in a language (one item a line, without the heading).
pub fn evidence_checklist(lang: Lang) -> Vec<String> {
    section(common_file(lang), "evidence")
        .map(|t| {
            t.lines()
                .filter_map(|l| l.strip_prefix("- "))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// Percent-encodes a `mailto:` header value (RFC 6068): everything but unreserved ASCII is
/// encoded as UTF-8 octets, and line breaks become `%0D%0A`.
///
/// ```
/// use prescreen_core::scripts::percent_encode;
/// assert_eq!(percent_encode("a b&c\n"), "a%20b%26c%0D%0A");
/// assert_eq!(percent_encode("申诉"), "%E7%94%B3%E8%AF%89");
/// ```
pub fn percent_encode(text: &str) -> String {
    let normalised = text.replace("\r\n", "\n").replace('\n', "\r\n");
    let mut out = String::with_capacity(normalised.len() * 3);
    for b in normalised.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reads a China-time `YYYY-MM-DDTHH:MM` (seconds optional), as the CLI's `--now` or the UI
/// passes it.
///
/// ```
/// use prescreen_core::scripts::parse_now;
/// assert_eq!(parse_now("2019-10-16T09:30").map(|t| t.to_string()), Some("2019-10-16T09:30:00".into()));
/// assert!(parse_now("16/10/2019 9:30").is_none());
/// ```
pub fn parse_now(text: &str) -> Option<DateTime> {
    text.trim().parse::<DateTime>().ok()
}

/// A `mailto:` URL with subject and body.
pub fn mailto(address: &str, subject: &str, body: &str) -> String {
    format!(
        "mailto:{address}?subject={}&body={}",
        percent_encode(subject),
        percent_encode(body)
    )
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/// Fills the templates of one kind in one language.
struct Writer<'a> {
    kind: ScriptKind,
    input: &'a ScriptInput<'a>,
    data: &'a Guidance,
    lang: Lang,
    common: &'static str,
    own: &'static str,
    /// The date letters are dated and deadlines counted from: the case's today, else now's date.
    today: Option<Date>,
    tel: Vec<DialNumber>,
}

type Vars = Vec<(&'static str, String)>;

fn as_refs(vars: &Vars) -> Vec<(&str, &str)> {
    vars.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

impl<'a> Writer<'a> {
    fn new(
        kind: ScriptKind,
        input: &'a ScriptInput<'a>,
        data: &'a Guidance,
    ) -> Result<Self, ScriptError> {
        let tel = input
            .numbers
            .iter()
            .filter(|n| !n.trim().is_empty())
            .map(|n| validate_dial_number(n))
            .collect::<Result<Vec<_>, _>>()
            .map_err(ScriptError::Number)?;
        Ok(Writer {
            kind,
            input,
            data,
            lang: input.lang,
            common: common_file(input.lang),
            own: template_file(kind, input.lang),
            today: input.case.today.or(input.now.map(|n| n.date())),
            tel,
        })
    }

    /// A common section, filled.
    fn c(&self, key: &str, vars: &[(&str, &str)]) -> Result<String, ScriptError> {
        Ok(fill(section(self.common, key)?, vars)?)
    }

    /// A section of the kind's own template, filled.
    fn own(&self, key: &str, vars: &Vars) -> Result<String, ScriptError> {
        Ok(fill(section(self.own, key)?, &as_refs(vars))?)
    }

    fn pick<'l>(&self, text: &'l Localized) -> &'l str {
        self.lang.pick(&text.zh_cn, &text.zh_tw, &text.en)
    }

    fn channel(&self, id: &str) -> Result<&'a Channel, ScriptError> {
        self.data
            .channels
            .channel(id)
            .ok_or_else(|| ScriptError::MissingData {
                what: "channel",
                id: id.to_owned(),
            })
    }

    fn confidence(&self, c: Confidence) -> Result<String, ScriptError> {
        let key = match c {
            Confidence::Official => "conf_official",
            Confidence::Media => "conf_media",
            Confidence::Single => "conf_single",
            Confidence::User => "conf_user",
            Confidence::Inferred => "conf_inferred",
            Confidence::Unverified => "conf_unverified",
        };
        self.c(key, &[])
    }

    fn person(&self) -> &Person {
        &self.input.case.person
    }

    /// A person field, or its visible placeholder.
    fn field(&self, value: &Option<String>, placeholder: &str) -> Result<String, ScriptError> {
        match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            Some(v) => Ok(v.to_owned()),
            None => self.c(placeholder, &[]),
        }
    }

    fn name(&self) -> Result<String, ScriptError> {
        self.field(&self.person().name, "ph_name")
    }

    fn id_number(&self) -> Result<String, ScriptError> {
        self.field(&self.person().id_number, "ph_id_number")
    }

    fn wechat_id(&self) -> Result<String, ScriptError> {
        self.field(&self.person().wechat_id, "ph_wechat_id")
    }

    fn qq(&self) -> Result<String, ScriptError> {
        self.field(&self.person().qq, "ph_qq")
    }

    fn phone(&self) -> Result<String, ScriptError> {
        self.field(&self.person().phone, "ph_phone")
    }

    fn frozen_on(&self) -> Result<String, ScriptError> {
        match self.input.case.frozen_on {
            Some(d) => Ok(d.to_string()),
            None => self.c("ph_frozen_on", &[]),
        }
    }

    fn message(&self) -> Result<String, ScriptError> {
        self.field(&self.input.case.freeze_message, "ph_message")
    }

    fn today_text(&self) -> Result<String, ScriptError> {
        match self.today {
            Some(d) => Ok(d.to_string()),
            None => self.c("ph_date", &[]),
        }
    }

    fn platform_name(&self, p: Platform) -> Result<String, ScriptError> {
        self.c(&format!("platform_{}", p.id()), &[])
    }

    /// "微信、QQ", or the placeholder when the case names none.
    fn platforms(&self) -> Result<String, ScriptError> {
        let names = self
            .input
            .case
            .platforms
            .iter()
            .map(|p| self.platform_name(*p))
            .collect::<Result<Vec<_>, _>>()?;
        if names.is_empty() {
            return self.c("ph_platforms", &[]);
        }
        Ok(names.join(&self.c("list_sep", &[])?))
    }

    /// The account label and id a platform is known by, if any.
    fn account_id(&self, p: Platform) -> Result<Option<(String, String)>, ScriptError> {
        Ok(match p {
            Platform::Wechat => Some((self.c("label_wechat_id", &[])?, self.wechat_id()?)),
            Platform::Qq => Some((self.c("label_qq", &[])?, self.qq()?)),
            Platform::Alipay | Platform::Phone => {
                Some((self.c("label_phone", &[])?, self.phone()?))
            }
            _ => None,
        })
    }

    /// "QQ号：123；微信号：abc" for the case's WeChat and QQ accounts (placeholders when blank).
    fn account_ids(&self) -> Result<String, ScriptError> {
        let mut parts = Vec::new();
        for p in &self.input.case.platforms {
            if matches!(p, Platform::Wechat | Platform::Qq)
                && let Some((label, value)) = self.account_id(*p)?
            {
                parts.push(self.c("account_id", &[("label", &label), ("value", &value)])?);
            }
        }
        if parts.is_empty() {
            let label = self.c("label_qq", &[])?;
            parts.push(self.c("account_id", &[("label", &label), ("value", &self.qq()?)])?);
        }
        Ok(parts.join(&self.c("account_id_sep", &[])?))
    }

    fn account_line(&self, p: Platform) -> Result<String, ScriptError> {
        let platform = self.platform_name(p)?;
        let frozen_on = self.frozen_on()?;
        match self.account_id(p)? {
            Some((label, value)) => self.c(
                "account_line",
                &[
                    ("platform", &platform),
                    ("label", &label),
                    ("value", &value),
                    ("frozen_on", &frozen_on),
                ],
            ),
            None => self.c(
                "account_line_plain",
                &[("platform", &platform), ("frozen_on", &frozen_on)],
            ),
        }
    }

    fn accounts(&self) -> Result<String, ScriptError> {
        let platforms = &self.input.case.platforms;
        if platforms.is_empty() {
            let platform = self.c("ph_platforms", &[])?;
            let frozen_on = self.frozen_on()?;
            return self.c(
                "account_line_plain",
                &[("platform", &platform), ("frozen_on", &frozen_on)],
            );
        }
        let lines = platforms
            .iter()
            .map(|p| self.account_line(*p))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(lines.join("\n"))
    }

    /// The stays the screening put near a border region (any relation but `far`), one line each
    /// with dates, place and reason; or a line saying there is none.
    fn visits(&self) -> Result<String, ScriptError> {
        let mut stays: Vec<usize> = self
            .input
            .screening
            .findings
            .iter()
            .filter(|f| f.relation != Relation::Far)
            .map(|f| f.stay)
            .collect();
        stays.sort_unstable();
        stays.dedup();
        let mut lines = Vec::new();
        for index in stays {
            let Some(stay) = self.input.case.stays.get(index) else {
                continue;
            };
            let place = match &stay.location {
                Location::Named(name) => name.clone(),
                Location::Point { lat, lon, .. } => self.c(
                    "stay_point",
                    &[("lat", &format!("{lat:.2}")), ("lon", &format!("{lon:.2}"))],
                )?,
            };
            let reason = self.field(&stay.note, "ph_reason")?;
            let line = if stay.from == stay.to {
                self.c(
                    "visit_line_day",
                    &[
                        ("date", &stay.from.to_string()),
                        ("place", &place),
                        ("reason", &reason),
                    ],
                )?
            } else {
                self.c(
                    "visit_line",
                    &[
                        ("from", &stay.from.to_string()),
                        ("to", &stay.to.to_string()),
                        ("place", &place),
                        ("reason", &reason),
                    ],
                )?
            };
            lines.push(line);
        }
        if lines.is_empty() {
            return self.c("visits_none", &[]);
        }
        Ok(lines.join("\n"))
    }

    fn has_border_visit(&self) -> bool {
        self.input
            .screening
            .findings
            .iter()
            .any(|f| f.relation != Relation::Far)
    }

    fn weekday_name(&self, day: jiff::civil::Weekday) -> Result<String, ScriptError> {
        self.c(&format!("day_{}", weekday_id(day)), &[])
    }

    fn datetime_text(&self, at: DateTime) -> Result<String, ScriptError> {
        let weekday = self.weekday_name(at.date().weekday())?;
        self.c(
            "weekday_time",
            &[
                ("weekday", &weekday),
                ("date", &at.date().to_string()),
                ("time", &format!("{:02}:{:02}", at.hour(), at.minute())),
            ],
        )
    }

    /// "周一至周五 8:00–12:00、14:00–18:00 …", and where `now` falls.
    fn hours(&self, channel: &Channel) -> Result<String, ScriptError> {
        let Some(h) = &channel.hours else {
            return self.c("hours_none", &[]);
        };
        let ids: Vec<&str> = h.days.iter().map(String::as_str).collect();
        let order = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let positions: Vec<usize> = ids
            .iter()
            .filter_map(|d| order.iter().position(|o| o == d))
            .collect();
        let contiguous = positions.windows(2).all(|w| w[1] == w[0] + 1);
        let day_name = |id: &str| self.c(&format!("day_{id}"), &[]);
        let sep = self.c("list_sep", &[])?;
        let days = if contiguous && positions.len() > 2 {
            let first = day_name(ids[0])?;
            let last = day_name(ids[ids.len() - 1])?;
            self.c("days_span", &[("first", &first), ("last", &last)])?
        } else {
            ids.iter()
                .map(|d| day_name(d))
                .collect::<Result<Vec<_>, _>>()?
                .join(&sep)
        };
        let ranges = h
            .ranges
            .iter()
            .map(|r| format!("{}–{}", short_time(&r.from), short_time(&r.to)))
            .collect::<Vec<_>>()
            .join(&sep);
        let source = h.sources.first().map_or("", |s| s.title.as_str());
        let confidence = self.confidence(h.confidence)?;
        let mut lines = vec![self.c(
            "hours_line",
            &[
                ("days", &days),
                ("ranges", &ranges),
                ("source", source),
                ("confidence", &confidence),
            ],
        )?];
        match self.input.now {
            None => lines.push(self.c("hours_no_now", &[])?),
            Some(now) => {
                let now_text = self.datetime_text(now)?;
                let day_of_interest = match hours::status(h, now) {
                    Some(HoursStatus::OpenNow { until }) => {
                        let until = format!("{:02}:{:02}", until.hour(), until.minute());
                        lines.push(
                            self.c("hours_open_now", &[("now", &now_text), ("until", &until)])?,
                        );
                        now.date()
                    }
                    Some(HoursStatus::OpensAt { at }) => {
                        let at_text = self.datetime_text(at)?;
                        lines.push(
                            self.c("hours_opens_at", &[("now", &now_text), ("at", &at_text)])?,
                        );
                        at.date()
                    }
                    None => now.date(),
                };
                let mut dates = vec![now.date()];
                if day_of_interest != now.date() {
                    dates.push(day_of_interest);
                }
                for date in dates {
                    if let Some(caveat) = self.calendar_caveat(date)? {
                        lines.push(caveat);
                    }
                }
            }
        }
        Ok(lines.join("\n"))
    }

    /// A warning when `date` is a holiday or a make-up working day (the hours' source says
    /// nothing about either), or when its year has no holiday data.
    fn calendar_caveat(&self, date: Date) -> Result<Option<String>, ScriptError> {
        let d = date.to_string();
        Ok(match self.data.calendar.day(date) {
            Ok(DayKind::Holiday(name)) => {
                Some(self.c("hours_holiday_caveat", &[("date", &d), ("name", &name)])?)
            }
            Ok(DayKind::MakeUpWorkday(name)) => {
                Some(self.c("hours_makeup_caveat", &[("date", &d), ("name", &name)])?)
            }
            Ok(_) => None,
            Err(DeadlineError::YearNotCovered { year, .. }) => Some(self.c(
                "hours_calendar_unknown",
                &[("year", &year.to_string()), ("date", &d)],
            )?),
            Err(_) => None,
        })
    }

    fn notes(&self, channel: &Channel) -> Result<String, ScriptError> {
        let lines = channel
            .notes
            .iter()
            .map(|n| {
                let confidence = self.confidence(n.confidence)?;
                self.c(
                    "note_line",
                    &[("text", self.pick(&n.text)), ("confidence", &confidence)],
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(lines.join("\n"))
    }

    /// The scam warning; "free" only for a channel whose data says so with a source.
    fn scam(&self, channels: &[&Channel]) -> Result<String, ScriptError> {
        let mut out = self.c("scam", &[])?;
        for ch in channels {
            if let Some(cost) = &ch.cost
                && cost.value == "free"
                && let Some(source) = cost.sources.first()
            {
                out.push('\n');
                out.push_str(&self.c(
                    "scam_free",
                    &[("channel", self.pick(&ch.name)), ("source", &source.title)],
                )?);
            }
        }
        Ok(out)
    }

    fn linked(&self) -> Result<String, ScriptError> {
        let mut lines = Vec::new();
        for p in &self.input.case.platforms {
            for s in self.data.linked.services(*p) {
                let confidence = self.confidence(s.effect.confidence)?;
                let route_confidence = self.confidence(s.route.confidence)?;
                lines.push(self.c(
                    "linked_line",
                    &[
                        ("service", self.pick(&s.name)),
                        ("effect", self.pick(&s.effect.text)),
                        ("confidence", &confidence),
                        ("route", self.pick(&s.route.text)),
                        ("route_confidence", &route_confidence),
                    ],
                )?);
            }
        }
        if lines.is_empty() {
            return Ok(String::new());
        }
        Ok(format!(
            "{}\n{}",
            self.c("linked_heading", &[])?,
            lines.join("\n")
        ))
    }

    /// The parts every page ends with.
    fn closing(&self, channels: &[&Channel]) -> Result<Vars, ScriptError> {
        Ok(vec![
            ("scam", self.scam(channels)?),
            ("other_accounts", self.c("other_accounts", &[])?),
            ("evidence", self.c("evidence", &[])?),
            ("linked", self.linked()?),
            ("no_promise", self.c("no_promise", &[])?),
        ])
    }

    /// Who a letter goes to: name, then each contact with its confidence.
    fn recipient(&self, channel: &Channel) -> Result<(Vec<String>, Option<String>), ScriptError> {
        let mut lines = vec![self.c("recipient_line", &[("name", self.pick(&channel.name))])?];
        let mut email = None;
        for contact in &channel.contacts {
            let confidence = self.confidence(contact.confidence)?;
            let (key, var) = match contact.kind {
                ContactKind::Email => {
                    email.get_or_insert_with(|| contact.value.clone());
                    ("recipient_email", "email")
                }
                ContactKind::Post => ("recipient_post", "address"),
                ContactKind::Web => ("recipient_web", "url"),
                ContactKind::Phone | ContactKind::App => continue,
            };
            lines.push(self.c(
                key,
                &[(var, contact.value.as_str()), ("confidence", &confidence)],
            )?);
        }
        if email.is_none() {
            lines.push(self.c("recipient_none", &[])?);
        }
        Ok((lines, email))
    }

    /// The reply deadline for this kind's letters, and the sentence about it.
    fn deadline(
        &self,
        recipient: &str,
        subject: &str,
    ) -> Result<(Option<Deadline>, String), ScriptError> {
        let Some(period) = self.data.calendar.reply_period_for(self.kind.id()) else {
            return Ok((None, self.c("deadline_none", &[])?));
        };
        let Some(sent_on) = self.today else {
            return Ok((None, self.c("deadline_no_date", &[])?));
        };
        let due = match self
            .data
            .calendar
            .add_working_days(sent_on, period.working_days)
        {
            Ok(due) => due,
            Err(DeadlineError::YearNotCovered { year, .. }) => {
                return Ok((
                    None,
                    self.c("deadline_year_missing", &[("year", &year.to_string())])?,
                ));
            }
            Err(e) => return Ok((None, e.to_string())),
        };
        let days = period.working_days.to_string();
        let text = self.pick(&period.text);
        let line = self.c(
            "deadline_line",
            &[
                ("days", &days),
                ("sent_on", &sent_on.to_string()),
                ("due", &due.to_string()),
                ("text", text),
            ],
        )?;
        let summary = self.c("ics_summary", &[("recipient", recipient), ("days", &days)])?;
        let description = self.c(
            "ics_description",
            &[
                ("subject", subject),
                ("sent_on", &sent_on.to_string()),
                ("text", text),
            ],
        )?;
        let ics = ics(&AllDayEvent {
            date: due,
            summary,
            description,
            made_on: sent_on,
        });
        Ok((
            Some(Deadline {
                sent_on,
                working_days: period.working_days,
                due,
                period: period.clone(),
                ics,
            }),
            line,
        ))
    }

    /// The cited paragraphs of an article, quoted verbatim from `legal.json`.
    fn quote(&self, id: &str) -> Result<String, ScriptError> {
        let article = self
            .data
            .legal
            .article(id)
            .ok_or_else(|| ScriptError::MissingData {
                what: "article",
                id: id.to_owned(),
            })?;
        let law = self
            .data
            .legal
            .law(&article.law)
            .ok_or_else(|| ScriptError::MissingData {
                what: "law",
                id: article.law.clone(),
            })?;
        let text = article
            .cited_paragraphs()
            .map(|p| p.text_zh.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let law_name = law.name.zh_cn.trim_matches(['《', '》']);
        let mut label = article.article_zh.clone();
        if !article.cited.is_empty() && article.cited.len() < article.paragraphs.len() {
            let paragraphs: Vec<String> = article
                .cited
                .iter()
                .map(|n| format!("第{}款", chinese_number(*n)))
                .collect();
            label.push_str(&paragraphs.join("、"));
        }
        self.c(
            "article_quote",
            &[("law", law_name), ("article", &label), ("text", &text)],
        )
    }

    /// A warning when the law is not yet in force on the letter's date.
    fn in_force_warning(&self, law_id: &str) -> Result<Option<String>, ScriptError> {
        let Some(law) = self.data.legal.law(law_id) else {
            return Err(ScriptError::MissingData {
                what: "law",
                id: law_id.to_owned(),
            });
        };
        let Ok(in_force) = law.in_force.parse::<Date>() else {
            return Ok(None);
        };
        match self.today {
            Some(today) if today < in_force => Ok(Some(self.c(
                "law_not_in_force",
                &[
                    ("law", self.pick(&law.name)),
                    ("in_force", &law.in_force),
                    ("today", &today.to_string()),
                ],
            )?)),
            _ => Ok(None),
        }
    }

    fn document(
        &self,
        platform: Option<Platform>,
        vars: &Vars,
        recipient: Vec<String>,
        subject: Option<String>,
        mailto_to: Option<String>,
        deadline: Option<Deadline>,
    ) -> Result<Document, ScriptError> {
        let title = self.own("title", vars)?;
        let body = tidy(&self.own("body", vars)?);
        let guidance = tidy(&self.own("guidance", vars)?);
        let mailto = mailto_to.map(|to| mailto(&to, subject.as_deref().unwrap_or(""), &body));
        Ok(Document {
            kind: self.kind,
            lang: self.lang,
            platform,
            title,
            recipient,
            subject,
            body,
            guidance,
            mailto,
            tel: self.tel.clone(),
            deadline,
        })
    }

    // -----------------------------------------------------------------------------------------

    fn hotline(&self) -> Result<Document, ScriptError> {
        let channel = self.channel("puer-police-station")?;
        let default_fields = ["name", "id_number", "wechat_id", "qq", "border_visit"];
        let fields: Vec<&str> = channel.asks_for.as_ref().map_or_else(
            || default_fields.to_vec(),
            |a| a.fields.iter().map(String::as_str).collect(),
        );
        let mut facts = Vec::new();
        for field in fields {
            let value = match field {
                "name" => self.name()?,
                "id_number" => self.id_number()?,
                "wechat_id" => self.wechat_id()?,
                "qq" => self.qq()?,
                "phone" => self.phone()?,
                "border_visit" => self.visits()?,
                _ => continue,
            };
            facts.push(self.c(&format!("fact_{field}"), &[("value", &value)])?);
        }
        let numbers = if self.tel.is_empty() {
            let why = channel
                .numbers_from_user_why
                .as_ref()
                .map_or("", |w| self.pick(w));
            self.c("numbers_none", &[("why", why)])?
        } else {
            let mut lines = vec![self.c("numbers_copied", &[])?];
            for n in &self.tel {
                lines.push(self.c("number_line", &[("display", &n.display), ("tel", &n.tel)])?);
            }
            lines.join("\n")
        };
        let (asks_source, asks_confidence) = match &channel.asks_for {
            Some(a) => (
                a.sources.first().map_or(String::new(), |s| s.title.clone()),
                self.confidence(a.confidence)?,
            ),
            None => (String::new(), self.confidence(Confidence::Unverified)?),
        };
        let mut cautions = Vec::new();
        if self.input.screening.cause.kind != CauseKind::BorderAreaFreeze {
            cautions.push(self.c("hotline_not_border", &[])?);
        }
        let mut vars: Vars = vec![
            ("cautions", cautions.join("\n")),
            ("channel", self.pick(&channel.name).to_owned()),
            ("name", self.name()?),
            ("platforms", self.platforms()?),
            ("frozen_on", self.frozen_on()?),
            ("message", self.message()?),
            ("facts", facts.join("\n")),
            ("accounts", self.accounts()?),
            ("numbers", numbers),
            ("hours", self.hours(channel)?),
            ("notes", self.notes(channel)?),
            ("asks_source", asks_source),
            ("asks_confidence", asks_confidence),
        ];
        vars.extend(self.closing(&[channel])?);
        self.document(None, &vars, Vec::new(), None, None, None)
    }

    fn platform_appeals(&self) -> Result<Vec<Document>, ScriptError> {
        let platforms: Vec<Platform> = self
            .input
            .case
            .platforms
            .iter()
            .copied()
            .filter(|p| matches!(p, Platform::Wechat | Platform::Qq | Platform::Alipay))
            .collect();
        if platforms.is_empty() {
            return Err(ScriptError::NoPlatform);
        }
        platforms
            .into_iter()
            .map(|p| self.platform_appeal(p))
            .collect()
    }

    fn platform_appeal(&self, platform: Platform) -> Result<Document, ScriptError> {
        let channel = self.channel(match platform {
            Platform::Wechat => "wechat-support",
            Platform::Qq => "tencent-support",
            _ => "alipay-support",
        })?;
        let (label, value) = self
            .account_id(platform)?
            .unwrap_or_else(|| (String::new(), String::new()));
        let platform_name = self.platform_name(platform)?;
        let reason = if self.has_border_visit() {
            self.own("reason_border", &vec![("visits", self.visits()?)])?
        } else {
            self.own("reason_no_border", &Vec::new())?
        };
        // Art. 32 para. 3 covers fraud-related measures (Arts 11, 12, 18, 22); a ban under the
        // platform's own rules is not one, so the letter does not cite it there.
        let fraud_related = !matches!(
            self.input.screening.cause.kind,
            CauseKind::PlatformViolation | CauseKind::NotAFreeze
        );
        let legal_warning = if fraud_related {
            self.in_force_warning("atfl")?
        } else {
            None
        };
        let legal = if legal_warning.is_some() || !fraud_related {
            String::new()
        } else {
            self.own("legal", &vec![("quote", self.quote("atfl-32")?)])?
        };
        let mut cautions = Vec::new();
        if self.input.screening.cause.kind == CauseKind::BorderAreaFreeze {
            cautions.push(self.c(
                "not_right_channel",
                &[("channel", self.pick(&channel.name))],
            )?);
        }
        cautions.extend(legal_warning);
        let subject_vars: Vars = vec![
            ("platform", platform_name.clone()),
            ("label", label.clone()),
            ("value", value.clone()),
        ];
        let subject = self.own("subject", &subject_vars)?;
        let (recipient, email) = self.recipient(channel)?;
        let (deadline, deadline_text) = self.deadline(self.pick(&channel.name), &subject)?;
        let mut vars: Vars = vec![
            ("channel", self.pick(&channel.name).to_owned()),
            ("platform", platform_name),
            ("label", label),
            ("value", value),
            ("name", self.name()?),
            ("phone", self.phone()?),
            ("frozen_on", self.frozen_on()?),
            ("message", self.message()?),
            ("reason", reason),
            ("legal", legal),
            ("date", self.today_text()?),
            ("cautions", cautions.join("\n")),
            ("notes", self.notes(channel)?),
            ("deadline", deadline_text),
        ];
        vars.extend(self.closing(&[channel])?);
        self.document(
            Some(platform),
            &vars,
            recipient,
            Some(subject),
            email,
            deadline,
        )
    }

    fn pi_access(&self) -> Result<Document, ScriptError> {
        let channel = self.channel("tencent-privacy")?;
        let platforms = &self.input.case.platforms;
        let mut items = Vec::new();
        if platforms.contains(&Platform::Qq) || platforms.is_empty() {
            items.push(self.own("items_qq", &Vec::new())?);
        }
        if platforms.contains(&Platform::Wechat) {
            items.push(self.own("items_wechat", &Vec::new())?);
        }
        items.push(self.own("items_any", &Vec::new())?);
        let quotes = ["pipl-45", "pipl-24", "pipl-50"]
            .iter()
            .map(|id| self.quote(id))
            .collect::<Result<Vec<_>, _>>()?
            .join("\n\n");
        let accounts = self.accounts()?;
        let subject = self.own("subject", &vec![("ids", self.account_ids()?)])?;
        let (recipient, email) = self.recipient(channel)?;
        let (deadline, deadline_text) = self.deadline(self.pick(&channel.name), &subject)?;
        let cautions: Vec<String> = self.in_force_warning("pipl")?.into_iter().collect();
        let mut vars: Vars = vec![
            ("channel", self.pick(&channel.name).to_owned()),
            ("name", self.name()?),
            ("id_number", self.id_number()?),
            ("phone", self.phone()?),
            ("accounts", accounts),
            ("items", items.join("\n")),
            ("quotes", quotes),
            ("date", self.today_text()?),
            ("cautions", cautions.join("\n")),
            ("notes", self.notes(channel)?),
            ("deadline", deadline_text),
        ];
        vars.extend(self.closing(&[channel])?);
        self.document(None, &vars, recipient, Some(subject), email, deadline)
    }

    fn game_decouple(&self) -> Result<Document, ScriptError> {
        let games = self.channel("tencent-games")?;
        let privacy = self.channel("tencent-privacy")?;
        let subject = self.own("subject", &vec![("qq", self.qq()?)])?;
        let (mut recipient, email) = self.recipient(privacy)?;
        recipient.insert(
            1,
            self.own(
                "recipient_games",
                &vec![("games_channel", self.pick(&games.name).to_owned())],
            )?,
        );
        let (deadline, deadline_text) = self.deadline(self.pick(&privacy.name), &subject)?;
        let mut cautions = vec![self.c("game_lock_unsourced", &[])?];
        cautions.extend(self.in_force_warning("pipl")?);
        let mut vars: Vars = vec![
            ("name", self.name()?),
            ("qq", self.qq()?),
            ("phone", self.phone()?),
            ("frozen_on", self.frozen_on()?),
            ("games", self.c("ph_games", &[])?),
            ("quote", self.quote("pipl-45")?),
            ("date", self.today_text()?),
            ("cautions", cautions.join("\n")),
            ("notes", self.notes(games)?),
            ("deadline", deadline_text),
        ];
        vars.extend(self.closing(&[games, privacy])?);
        self.document(None, &vars, recipient, Some(subject), email, deadline)
    }
}

/// `08:00` → `8:00` (a published hour as people write it); `00:30` stays as it is.
fn short_time(hhmm: &str) -> &str {
    match hhmm.strip_prefix('0') {
        Some(rest) if !rest.starts_with(['0', ':']) => rest,
        _ => hhmm,
    }
}

/// 1 → 一, 12 → 十二, 32 → 三十二 (paragraph and article numbers, below 100).
///
/// ```
/// # use prescreen_core::scripts::chinese_number;
/// assert_eq!(chinese_number(3), "三");
/// assert_eq!(chinese_number(10), "十");
/// assert_eq!(chinese_number(24), "二十四");
/// ```
pub fn chinese_number(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_owned(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

/// Collapses runs of blank lines left by empty blocks into one, and trims the ends.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if blank > 0 && !out.is_empty() {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.trim_end().to_owned()
}
