//! What to say at the carrier's shop (`carrier-counter`): the second real-person verification of
//! a number flagged as a fraud risk (ATFL Art. 11; the 2021 notice's 24 hours), and what to ask
//! when the shop cannot restore it.

use super::ScriptError;
use super::document::Document;
use super::writer::{Vars, Writer};
use crate::verdict::CauseKind;

pub(super) fn write(w: &Writer<'_>) -> Result<Document, ScriptError> {
    let channel = w.channel("carrier")?;
    let cause = w.cause_for(CauseKind::PhoneNumberFlagged);
    let cautions = w.cautions(Some("atfl"))?;
    let mut vars: Vars = vec![
        ("cautions", cautions),
        ("channel", w.pick(&channel.name).to_owned()),
        ("name", w.name()?),
        ("phone", w.phone()?),
        ("frozen_on", w.frozen_on()?),
        ("message", w.message()?),
        ("bring", w.bring(cause)?),
        ("quotes", w.quotes(&["atfl-11", "atfl-32"])?),
        ("triage", w.triage_notes(cause)?),
        ("notes", w.notes(channel)?),
    ];
    vars.extend(w.closing(&[channel])?);
    w.document(None, &vars, Vec::new(), None, None, None)
}
