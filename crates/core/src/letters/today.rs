//! What the documents for today's freezes share (`bank-counter`, `carrier-counter`,
//! `call-96110`, `police-inquiry`, …): the cause they are written for, that cause's triage from
//! `messages.json` (what to bring, how long, limits, each with its confidence), quoted articles,
//! and a caution when the screening did not offer this kind for the case.

use super::ScriptError;
use super::writer::Writer;
use crate::data::{Note, Triage};
use crate::verdict::CauseKind;

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
}
