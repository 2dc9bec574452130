//! A call log: when each number was tried and what happened, so a busy line (the 2019 lines were
//! busy for days) is retried without losing track. The UI keeps it with the case; times are the
//! user's China time as `YYYY-MM-DDTHH:MM`, passed in (no clock here).
//!
//! ```
//! use prescreen_core::i18n::Lang;
//! use prescreen_core::letters::call_log::{CallLog, CallResult};
//! let mut log = CallLog::default();
//! log.record("2019-10-16T09:31", "138 0013 8000", CallResult::Busy, None).unwrap();
//! log.record("2019-10-16T09:45", "138 0013 8000", CallResult::GotThrough, Some("说今晚解封")).unwrap();
//! assert_eq!(log.tries("13800138000"), 2);
//! assert_eq!(log.lines(Lang::ZhCn)[0], "2019-10-16 09:31  138 0013 8000：占线");
//! assert!(log.record("9:31", "110", CallResult::Busy, None).is_err());
//! ```

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::letters::parse_now;
use crate::template::{fill, section};
use crate::validation::{ValidationError, validate_dial_number};

/// What happened on a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallResult {
    Busy,
    NoAnswer,
    /// Outside the hours, or a recorded message said so.
    Closed,
    GotThrough,
    WrongNumber,
}

impl CallResult {
    pub const ALL: [CallResult; 5] = [
        CallResult::Busy,
        CallResult::NoAnswer,
        CallResult::Closed,
        CallResult::GotThrough,
        CallResult::WrongNumber,
    ];

    pub fn id(self) -> &'static str {
        match self {
            CallResult::Busy => "busy",
            CallResult::NoAnswer => "no_answer",
            CallResult::Closed => "closed",
            CallResult::GotThrough => "got_through",
            CallResult::WrongNumber => "wrong_number",
        }
    }

    /// The label in a language (`占线`, `busy` …).
    pub fn label(self, lang: Lang) -> String {
        section(
            super::common_file(lang),
            &format!("call_result_{}", self.id()),
        )
        .map(str::to_owned)
        .unwrap_or_else(|_| self.id().to_owned())
    }
}

/// One try.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallAttempt {
    /// China time, `YYYY-MM-DDTHH:MM`.
    pub at: String,
    /// The number as the user copied it.
    pub number: String,
    pub result: CallResult,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Every try, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallLog {
    pub attempts: Vec<CallAttempt>,
}

/// A try that cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallLogError {
    #[error("{0:?} is not a date and time; write it as 2019-10-16T09:30 (China time)")]
    BadTime(String),
    #[error("{0}")]
    BadNumber(ValidationError),
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

impl CallLog {
    /// Adds a try, keeping the log in time order.
    pub fn record(
        &mut self,
        at: &str,
        number: &str,
        result: CallResult,
        note: Option<&str>,
    ) -> Result<(), CallLogError> {
        let time = parse_now(at).ok_or_else(|| CallLogError::BadTime(at.to_owned()))?;
        let number = validate_dial_number(number).map_err(CallLogError::BadNumber)?;
        let attempt = CallAttempt {
            at: format!("{}T{:02}:{:02}", time.date(), time.hour(), time.minute()),
            number: number.display,
            result,
            note: note
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned),
        };
        let position = self
            .attempts
            .iter()
            .position(|a| a.at > attempt.at)
            .unwrap_or(self.attempts.len());
        self.attempts.insert(position, attempt);
        Ok(())
    }

    /// How often a number was tried (spaces and dashes ignored).
    pub fn tries(&self, number: &str) -> usize {
        let wanted = digits(number);
        self.attempts
            .iter()
            .filter(|a| digits(&a.number) == wanted)
            .count()
    }

    /// Whether any try got through.
    pub fn got_through(&self) -> bool {
        self.attempts
            .iter()
            .any(|a| a.result == CallResult::GotThrough)
    }

    /// One line per try, for the log view and the case export.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let common = super::common_file(lang);
        self.attempts
            .iter()
            .map(|a| {
                let result = a.result.label(lang);
                let at = a.at.replacen('T', " ", 1);
                let key = if a.note.is_some() {
                    "call_log_line_note"
                } else {
                    "call_log_line"
                };
                section(common, key)
                    .and_then(|t| {
                        fill(
                            t,
                            &[
                                ("at", &at),
                                ("number", &a.number),
                                ("result", &result),
                                ("note", a.note.as_deref().unwrap_or("")),
                            ],
                        )
                    })
                    .unwrap_or_else(|_| format!("{at} {} {result}", a.number))
            })
            .collect()
    }
}
