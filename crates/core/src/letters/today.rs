//! What the documents for today's freezes share (`bank-counter`, `carrier-counter`,
//! `call-96110`, `police-inquiry`, …): the cause they are written for, that cause's triage from
//! `messages.json` (what to bring, how long, limits, each with its confidence), quoted articles,
//! and a caution when the screening did not offer this kind for the case.

use jiff::civil::Date;

use super::ScriptError;
use super::document::Deadline;
use super::ics::{AllDayEvent, ics_events};
use super::writer::Writer;
use crate::case::Sent;
use crate::data::{DeadlineError, Note, PeriodUnit, ReplyPeriod, Triage};
use crate::verdict::CauseKind;

/// A due date counted from a day, and the line saying it.
pub(super) struct Counted {
    pub(super) due: Date,
    /// The count words ("30 日（自然日…）"), the estimate note (empty when every day counted has
    /// a holiday notice).
    pub(super) count: String,
    pub(super) estimate: String,
    pub(super) estimated: bool,
}

impl Writer<'_> {
    /// The cause a document is written for: the cause the screening found, when it found one of
    /// today's causes; else (border freeze, nothing recognised, not a freeze) `home`, the cause
    /// the kind is made for.
    pub(super) fn cause_for(&self, home: CauseKind) -> CauseKind {
        match self.input.screening.cause.kind {
            CauseKind::BorderAreaFreeze | CauseKind::Unknown | CauseKind::NotAFreeze => home,
            found => found,
        }
    }

    /// The cautions at the top of a document for today's freezes, one per line: that the
    /// screening did not offer this kind for the case, then `law`'s not-yet-in-force warning.
    pub(super) fn cautions(&self, law: Option<&str>) -> Result<String, ScriptError> {
        let mut lines: Vec<String> = self.not_suggested()?.into_iter().collect();
        if let Some(law) = law {
            lines.extend(self.in_force_warning(law)?);
        }
        Ok(lines.join("\n"))
    }

    pub(super) fn triage(&self, cause: CauseKind) -> Option<&Triage> {
        self.data.messages.triage(cause)
    }

    /// Notes as list lines, each with its confidence.
    pub(super) fn note_lines(&self, notes: &[Note]) -> Result<String, ScriptError> {
        let lines = notes
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

    /// What to bring for a cause, from its triage.
    pub(super) fn bring(&self, cause: CauseKind) -> Result<String, ScriptError> {
        let notes = self.triage(cause).map_or(&[][..], |t| &t.what_to_bring);
        self.note_lines(notes)
    }

    /// Who decides, how long (where a source says) and the limits of a cause, from its triage.
    pub(super) fn triage_notes(&self, cause: CauseKind) -> Result<String, ScriptError> {
        let Some(t) = self.triage(cause) else {
            return Ok(String::new());
        };
        let mut notes = vec![t.who_decides.clone()];
        notes.extend(t.usual_time.iter().cloned());
        notes.extend(t.limits.iter().cloned());
        self.note_lines(&notes)
    }

    /// The quoted articles, one block each.
    pub(super) fn quotes(&self, ids: &[&str]) -> Result<String, ScriptError> {
        Ok(ids
            .iter()
            .map(|id| self.quote(id))
            .collect::<Result<Vec<_>, _>>()?
            .join("\n\n"))
    }

    /// The kind's `not_suggested` caution when the screening did not offer this kind.
    pub(super) fn not_suggested(&self) -> Result<Option<String>, ScriptError> {
        if self.input.screening.offered(self.kind.id()).is_some() {
            return Ok(None);
        }
        // The headline in the letter's language (the screening may have been asked in another).
        let s = self.input.screening;
        let (headline, _) = crate::advice::headline(
            s.cause.kind,
            s.verdict,
            self.input.case.freeze_message.is_some(),
            !s.findings.is_empty(),
            self.lang,
        );
        Ok(Some(
            self.own("not_suggested", &vec![("headline", headline)])?,
        ))
    }

    /// The period in words ("30 日（自然日…）", "15 working days").
    pub(super) fn count_words(&self, period: &ReplyPeriod) -> Result<String, ScriptError> {
        let days = period.working_days.to_string();
        match period.unit {
            PeriodUnit::Working => self.c("unit_working_days", &[("days", &days)]),
            PeriodUnit::Calendar => self.c("unit_calendar_days", &[("days", &days)]),
        }
    }

    /// `period` counted from `from` as the deadline code counts it ([`crate::data::Calendar::add_days_estimated`]:
    /// days past the last year with a holiday notice are counted Monday to Friday and labelled);
    /// `Err` holds the sentence to print instead of a date (a year before the data).
    pub(super) fn count_from(
        &self,
        period: &ReplyPeriod,
        from: Date,
    ) -> Result<Result<Counted, String>, ScriptError> {
        let count = self.count_words(period)?;
        let counted =
            match self
                .data
                .calendar
                .add_days_estimated(from, period.working_days, period.unit)
            {
                Ok(counted) => counted,
                Err(DeadlineError::YearNotCovered { year, .. }) => {
                    return Ok(Err(
                        self.c("deadline_year_missing", &[("year", &year.to_string())])?
                    ));
                }
                Err(e) => return Ok(Err(e.to_string())),
            };
        let estimate = match counted.unknown_year {
            Some(year) => self.c("deadline_estimated", &[("year", &year.to_string())])?,
            None => String::new(),
        };
        Ok(Ok(Counted {
            due: counted.due,
            count,
            estimate,
            estimated: counted.unknown_year.is_some(),
        }))
    }

    /// The deadline of something filed on `sent_on` by phone, online or by hand (received the
    /// same day): the line `deadline_filed`, and a [`Deadline`] whose `.ics` holds `before`
    /// (earlier reminders), then the due date.
    pub(super) fn filed_deadline(
        &self,
        period: &ReplyPeriod,
        sent_on: Date,
        recipient: &str,
        subject: &str,
        before: Vec<AllDayEvent>,
    ) -> Result<(Option<Deadline>, String), ScriptError> {
        let text = self.pick(&period.text);
        let counted = match self.count_from(period, sent_on)? {
            Ok(counted) => counted,
            Err(line) => return Ok((None, line)),
        };
        let line = self.c(
            "deadline_filed",
            &[
                ("count", &counted.count),
                ("sent_on", &sent_on.to_string()),
                ("due", &counted.due.to_string()),
                ("estimate", &counted.estimate),
                ("text", text),
            ],
        )?;
        let deadline =
            self.reply_deadline(period, sent_on, &counted, (recipient, subject), before)?;
        Ok((Some(deadline), line))
    }

    /// The [`Deadline`] of a reply counted from `sent_on`: its `.ics` holds `before` (earlier
    /// reminders), then the due date, titled for `recipient` and described by `subject`.
    pub(super) fn reply_deadline(
        &self,
        period: &ReplyPeriod,
        sent_on: Date,
        counted: &Counted,
        (recipient, subject): (&str, &str),
        before: Vec<AllDayEvent>,
    ) -> Result<Deadline, ScriptError> {
        let summary = self.c(
            "ics_summary",
            &[("recipient", recipient), ("count", &counted.count)],
        )?;
        let description = self.c(
            "ics_description",
            &[
                ("subject", subject),
                ("sent_on", &sent_on.to_string()),
                ("estimate", &counted.estimate),
                ("text", self.pick(&period.text)),
            ],
        )?;
        let mut events = before;
        events.push(AllDayEvent {
            date: counted.due,
            summary,
            description,
            made_on: sent_on,
        });
        Ok(Deadline {
            sent_on,
            working_days: period.working_days,
            due: counted.due,
            estimated: counted.estimated,
            period: period.clone(),
            ics: ics_events(&events),
        })
    }

    /// The latest entry of the case's `sent` whose kind is one of `kinds` (by date; the later
    /// entry on a tie); any kind when `kinds` is empty.
    pub(super) fn latest_sent(&self, kinds: &[&str]) -> Option<&Sent> {
        self.input
            .case
            .sent
            .iter()
            .filter(|s| kinds.is_empty() || kinds.contains(&s.kind.as_str()))
            .max_by_key(|s| s.on)
    }

    /// The sentence naming the step already taken with the first recipient: `step_on` with the
    /// date and what was done (`did_<kind>`), else `step_blank` with fields to fill in.
    pub(super) fn earlier_step(&self, kinds: &[&str]) -> Result<String, ScriptError> {
        match self.latest_sent(kinds) {
            Some(sent) => {
                let what = self.did(&sent.kind)?;
                self.own(
                    "step_on",
                    &vec![("on", sent.on.to_string()), ("what", what)],
                )
            }
            None => self.own("step_blank", &Vec::new()),
        }
    }

    /// What a step of `kind` was, as a letter says it ("在柜台当面询问……"), from the common
    /// `did_<kind>` sections.
    pub(super) fn did(&self, kind: &str) -> Result<String, ScriptError> {
        self.c(&format!("did_{kind}"), &[])
    }
}
