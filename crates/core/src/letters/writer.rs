//! The small writer every kind shares: the templates of one kind in one language, the case's
//! personal fields (or their visible placeholders), and [`Writer::document`], which fills the
//! kind's `title`, `body` and `guidance` sections into a [`Document`].

use jiff::civil::Date;

use super::document::{Deadline, Document, mailto};
use super::{ScriptError, ScriptInput, ScriptKind, common_file, template_file};
use crate::case::{Person, Platform};
use crate::data::{Channel, Confidence, Guidance, Localized, Source};
use crate::i18n::Lang;
use crate::template::{fill, section};
use crate::validation::{DialNumber, has_wrong_check_char, validate_dial_number};

/// Fills the templates of one kind in one language.
pub(super) struct Writer<'a> {
    pub(super) kind: ScriptKind,
    pub(super) input: &'a ScriptInput<'a>,
    pub(super) data: &'a Guidance,
    pub(super) lang: Lang,
    common: &'static str,
    own: &'static str,
    /// The date letters are dated and deadlines counted from: the case's today, else now's date.
    pub(super) today: Option<Date>,
    pub(super) tel: Vec<DialNumber>,
}

/// A template's values, by placeholder name.
pub(super) type Vars = Vec<(&'static str, String)>;

fn as_refs(vars: &Vars) -> Vec<(&str, &str)> {
    vars.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

impl<'a> Writer<'a> {
    pub(super) fn new(
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
    pub(super) fn c(&self, key: &str, vars: &[(&str, &str)]) -> Result<String, ScriptError> {
        Ok(fill(section(self.common, key)?, vars)?)
    }

    /// A section of the kind's own template, filled.
    pub(super) fn own(&self, key: &str, vars: &Vars) -> Result<String, ScriptError> {
        Ok(fill(section(self.own, key)?, &as_refs(vars))?)
    }

    pub(super) fn pick<'l>(&self, text: &'l Localized) -> &'l str {
        self.lang.pick(&text.zh_cn, &text.zh_tw, &text.en)
    }

    /// A source's title as this language prints it: the English title in English texts when
    /// the data has one, the (Chinese) title otherwise.
    pub(super) fn source_title<'s>(&self, source: &'s Source) -> &'s str {
        match (self.lang, &source.title_en) {
            (Lang::En, Some(en)) if !en.trim().is_empty() => en,
            _ => &source.title,
        }
    }

    pub(super) fn channel(&self, id: &str) -> Result<&'a Channel, ScriptError> {
        self.data
            .channels
            .channel(id)
            .ok_or_else(|| ScriptError::MissingData {
                what: "channel",
                id: id.to_owned(),
            })
    }

    pub(super) fn confidence(&self, c: Confidence) -> Result<String, ScriptError> {
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

    pub(super) fn person(&self) -> &Person {
        &self.input.case.person
    }

    /// A person field, or its visible placeholder.
    pub(super) fn field(
        &self,
        value: &Option<String>,
        placeholder: &str,
    ) -> Result<String, ScriptError> {
        match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
            Some(v) => Ok(v.to_owned()),
            None => self.c(placeholder, &[]),
        }
    }

    pub(super) fn name(&self) -> Result<String, ScriptError> {
        self.field(&self.person().name, "ph_name")
    }

    /// The ID number, or its placeholder; a number whose GB 11643 check character is wrong is
    /// never written, only the placeholder with a note to check it.
    pub(super) fn id_number(&self) -> Result<String, ScriptError> {
        if let Some(v) = self.person().id_number.as_deref()
            && has_wrong_check_char(v)
        {
            return Ok(format!(
                "{}{}",
                self.c("ph_id_number", &[])?,
                self.c("id_check_wrong", &[])?
            ));
        }
        self.field(&self.person().id_number, "ph_id_number")
    }

    pub(super) fn wechat_id(&self) -> Result<String, ScriptError> {
        self.field(&self.person().wechat_id, "ph_wechat_id")
    }

    pub(super) fn qq(&self) -> Result<String, ScriptError> {
        self.field(&self.person().qq, "ph_qq")
    }

    pub(super) fn phone(&self) -> Result<String, ScriptError> {
        self.field(&self.person().phone, "ph_phone")
    }

    /// Whether dates are read aloud (the call script) rather than written (letters keep ISO).
    pub(super) fn spoken(&self) -> bool {
        self.kind == ScriptKind::Hotline
    }

    /// A date as this kind states it: 2019年9月3日 / 3 September 2019 in the call script, ISO
    /// in letters.
    pub(super) fn date_text(&self, d: Date) -> String {
        if !self.spoken() {
            return d.to_string();
        }
        match self.lang {
            Lang::En => format!("{} {} {}", d.day(), month_en(d), d.year()),
            _ => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        }
    }

    /// Two dates as a span read aloud, the shared parts said once (2019年9月3日至5日, 3 to 5
    /// September 2019); `None` outside the call script, where the template's ISO form is used.
    pub(super) fn spoken_range(&self, from: Date, to: Date) -> Option<String> {
        if !self.spoken() {
            return None;
        }
        let same_year = from.year() == to.year();
        let same_month = same_year && from.month() == to.month();
        Some(match self.lang {
            Lang::En => {
                let start = if same_month {
                    from.day().to_string()
                } else if same_year {
                    format!("{} {}", from.day(), month_en(from))
                } else {
                    self.date_text(from)
                };
                format!("{start} to {}", self.date_text(to))
            }
            _ => {
                let end = if same_month {
                    format!("{}日", to.day())
                } else if same_year {
                    format!("{}月{}日", to.month(), to.day())
                } else {
                    self.date_text(to)
                };
                format!("{}至{end}", self.date_text(from))
            }
        })
    }

    pub(super) fn frozen_on(&self) -> Result<String, ScriptError> {
        match self.input.case.frozen_on {
            Some(d) => Ok(self.date_text(d)),
            None => self.c("ph_frozen_on", &[]),
        }
    }

    /// The block text the call script quotes: the one the user gave, else the first
    /// platform's own text, else the placeholder.
    pub(super) fn message(&self) -> Result<String, ScriptError> {
        let case = self.input.case;
        let text = case
            .freeze_message
            .clone()
            .or_else(|| case.freeze_messages.values().next().cloned());
        self.field(&text, "ph_message")
    }

    /// The block text a letter to `platform` quotes: only that platform's own text, else a
    /// placeholder naming the platform (never another platform's notice).
    pub(super) fn message_for(&self, platform: Platform) -> Result<String, ScriptError> {
        match self.input.case.message_for(platform) {
            Some(text) if !text.trim().is_empty() => Ok(text.trim().to_owned()),
            _ => {
                let name = self.platform_name(platform)?;
                self.c("ph_message_of", &[("platform", &name)])
            }
        }
    }

    pub(super) fn today_text(&self) -> Result<String, ScriptError> {
        match self.today {
            Some(d) => Ok(d.to_string()),
            None => self.c("ph_date", &[]),
        }
    }

    /// How a letter to `channel` opens (review.md §7): from the `salute_<channel id>` table,
    /// never built from the channel's name; "尊敬的{name}：" for a channel not in it.
    pub(super) fn salutation(&self, channel: &Channel) -> Result<String, ScriptError> {
        match section(self.common, &format!("salute_{}", channel.id)) {
            Ok(text) => Ok(text.to_owned()),
            Err(_) => self.c("salute", &[("name", self.pick(&channel.name))]),
        }
    }

    pub(super) fn document(
        &self,
        platform: Option<Platform>,
        vars: &Vars,
        recipient: Vec<String>,
        subject: Option<String>,
        mailto_to: Option<String>,
        deadline: Option<Deadline>,
    ) -> Result<Document, ScriptError> {
        self.document_from(
            "body", platform, vars, recipient, subject, mailto_to, deadline,
        )
    }

    /// [`Writer::document`] with the body taken from section `body_key` (e.g. `body_pre_pipl`).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn document_from(
        &self,
        body_key: &str,
        platform: Option<Platform>,
        vars: &Vars,
        recipient: Vec<String>,
        subject: Option<String>,
        mailto_to: Option<String>,
        deadline: Option<Deadline>,
    ) -> Result<Document, ScriptError> {
        let title = self.own("title", vars)?;
        let body = tidy(&self.own(body_key, vars)?);
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
}

fn month_en(d: Date) -> &'static str {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS[usize::try_from(d.month() - 1).unwrap_or(0).min(11)]
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
