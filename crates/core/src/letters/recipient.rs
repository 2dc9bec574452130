//! What the data says about the recipient, as the pages state it: its published hours against
//! `now`, its sourced notes, the address a letter goes to, the reply deadline in working days,
//! the scam warning and the linked services every page ends with.

use jiff::civil::{Date, DateTime};

use super::ScriptError;
use super::document::Deadline;
use super::hours::{self, HoursStatus, weekday_id};
use super::writer::{Vars, Writer};
use crate::data::{Channel, ContactKind, DayKind, DeadlineError};
use crate::verdict::CauseKind;

impl Writer<'_> {
    pub(super) fn weekday_name(&self, day: jiff::civil::Weekday) -> Result<String, ScriptError> {
        self.c(&format!("day_{}", weekday_id(day)), &[])
    }

    pub(super) fn datetime_text(&self, at: DateTime) -> Result<String, ScriptError> {
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
    pub(super) fn hours(&self, channel: &Channel) -> Result<String, ScriptError> {
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
        let source = h.sources.first().map_or("", |s| self.source_title(s));
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
        // Hours from a 2019 report say nothing about a line today: past the last day the sources
        // show them in use, no "open now" and no holiday check, only the hours as published.
        let valid_until = h
            .valid_until
            .as_deref()
            .and_then(|d| d.parse::<Date>().ok())
            .unwrap_or(HOURS_VALID_UNTIL);
        match self.input.now {
            None => lines.push(self.c("hours_no_now", &[])?),
            Some(now) if now.date() > valid_until => {
                lines.push(self.c("hours_stale", &[("until", &valid_until.year().to_string())])?)
            }
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
    pub(super) fn calendar_caveat(&self, date: Date) -> Result<Option<String>, ScriptError> {
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

    pub(super) fn notes(&self, channel: &Channel) -> Result<String, ScriptError> {
        self.note_lines(&channel.notes)
    }

    /// Who a letter goes to: name, then each contact with its confidence.
    pub(super) fn recipient(
        &self,
        channel: &Channel,
    ) -> Result<(Vec<String>, Option<String>), ScriptError> {
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
    ///
    /// An e-mail arrives the day it is sent, so the count starts on `today`; a letter sent by
    /// post counts from the day the recipient receives it, which the text says. Days past the
    /// last year with a holiday notice are counted Monday to Friday and the date is labelled as
    /// an estimate, in the text and in the `.ics`.
    pub(super) fn deadline(
        &self,
        recipient: &str,
        subject: &str,
        channel: &Channel,
    ) -> Result<(Option<Deadline>, String), ScriptError> {
        let Some(period) = self.data.calendar.reply_period_for(self.kind.id()) else {
            return Ok((None, self.c("deadline_none", &[])?));
        };
        let Some(sent_on) = self.today else {
            return Ok((None, self.c("deadline_no_date", &[])?));
        };
        let count = self.count_words(period)?;
        let text = self.pick(&period.text);
        let has = |kind: ContactKind| channel.contacts.iter().any(|c| c.kind == kind);
        let post_note = if has(ContactKind::Post) {
            self.c("deadline_post", &[])?
        } else {
            String::new()
        };
        if !has(ContactKind::Email) {
            // Only post or a web form: the day it arrives is not known, so no date.
            let line = self.c(
                "deadline_from_receipt",
                &[("count", &count), ("text", text)],
            )?;
            return Ok((None, line));
        }
        let counted = match self.count_from(period, sent_on)? {
            Ok(counted) => counted,
            Err(line) => return Ok((None, line)),
        };
        let (due, estimate) = (counted.due, &counted.estimate);
        let line = self.c(
            "deadline_line",
            &[
                ("count", &count),
                ("sent_on", &sent_on.to_string()),
                ("due", &due.to_string()),
                ("estimate", estimate),
                ("post", &post_note),
                ("text", text),
            ],
        )?;
        let deadline =
            self.reply_deadline(period, sent_on, &counted, (recipient, subject), vec![])?;
        Ok((Some(deadline), line))
    }

    /// The scam warning, with "free" only for a channel whose data says so with a source (under
    /// the scam heading), then the warning against buying or renting accounts as its own block.
    pub(super) fn scam(&self, channels: &[&Channel]) -> Result<String, ScriptError> {
        let mut out = self.c("scam", &[])?;
        for ch in channels {
            if let Some(cost) = &ch.cost
                && cost.value == "free"
                && let Some(source) = cost.sources.first()
            {
                out.push('\n');
                out.push_str(&self.c(
                    "scam_free",
                    &[
                        ("channel", self.pick(&ch.name)),
                        ("source", self.source_title(source)),
                    ],
                )?);
            }
        }
        out.push_str("\n\n");
        out.push_str(&self.c("no_buying", &[])?);
        Ok(out)
    }

    pub(super) fn linked(&self) -> Result<String, ScriptError> {
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

    /// The material to gather, for the cause: proofs of where you were for a border-area
    /// freeze, the ban's screenshots and login records for a platform-rules ban, both (each
    /// under a heading saying when it applies) when the cause is unclear.
    pub(super) fn evidence(&self) -> Result<String, ScriptError> {
        let keys: &[&str] = match self.input.screening.cause.kind {
            CauseKind::PlatformViolation => &["evidence_rules"],
            CauseKind::BorderAreaFreeze => &["evidence_border"],
            _ => &["evidence_border", "evidence_rules"],
        };
        let mut parts = keys
            .iter()
            .map(|k| self.c(k, &[]))
            .collect::<Result<Vec<_>, _>>()?;
        parts.push(self.c("evidence_tail", &[])?);
        Ok(parts.join("\n"))
    }

    /// The parts every page ends with.
    pub(super) fn closing(&self, channels: &[&Channel]) -> Result<Vars, ScriptError> {
        Ok(vec![
            ("scam", self.scam(channels)?),
            ("other_accounts", self.c("other_accounts", &[])?),
            ("evidence", self.evidence()?),
            ("linked", self.linked()?),
            ("no_promise", self.c("no_promise", &[])?),
        ])
    }
}

/// The last day hours without their own `valid_until` are taken as in use: the hours in the data
/// come from reports on the 2019 freeze.
const HOURS_VALID_UNTIL: Date = jiff::civil::date(2019, 12, 31);

/// `08:00` → `8:00` (a published hour as people write it); `00:30` stays as it is.
fn short_time(hhmm: &str) -> &str {
    match hhmm.strip_prefix('0') {
        Some(rest) if !rest.starts_with(['0', ':']) => rest,
        _ => hhmm,
    }
}
