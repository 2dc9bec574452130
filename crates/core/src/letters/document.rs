//! What a letter or script is once written: a [`Document`], its text in the forms the page and
//! the CLI show, and the `mailto:` link that sends it.

use jiff::civil::Date;

use super::ScriptKind;
use crate::case::Platform;
use crate::data::ReplyPeriod;
use crate::i18n::Lang;
use crate::validation::DialNumber;

/// A deadline for a reply, with a calendar file for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Deadline {
    pub sent_on: Date,
    /// The period's length, in its unit (working days unless `period.unit` says calendar days).
    pub working_days: u32,
    pub due: Date,
    /// True when the count ran past the last year with a holiday notice (days there counted
    /// Monday to Friday); the texts and the `.ics` say so.
    pub estimated: bool,
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
    /// # use prescreen_core::letters::{Document, ScriptKind};
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

/// Percent-encodes a `mailto:` header value (RFC 6068): everything but unreserved ASCII is
/// encoded as UTF-8 octets, and line breaks become `%0D%0A`.
///
/// ```
/// use prescreen_core::letters::percent_encode;
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

/// A `mailto:` URL with subject and body.
pub fn mailto(address: &str, subject: &str, body: &str) -> String {
    format!(
        "mailto:{address}?subject={}&body={}",
        percent_encode(subject),
        percent_encode(body)
    )
}
