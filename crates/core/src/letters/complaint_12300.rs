//! A complaint to 12300, MIIT's telecom user complaint centre (`complaint-12300`), about how the
//! carrier handled a restricted number. Telecommunications Regulations Art. 39: the user asks the
//! operator first; if it refuses or the user is unsatisfied, the complaint goes to MIIT or the
//! provincial authority, which must answer within 30 days. Art. 39's scope is service below
//! standard and disputed fees: a stop of a number flagged as a fraud risk is an anti-fraud measure
//! (ATFL Art. 11, or a police request), which 12300 does not decide. The letter says so, and
//! complains only of the operator's handling: no answer after the second verification, or no
//! reason, basis or remedy channel given (ATFL Art. 32 ¶3).

use super::ScriptError;
use super::document::Document;
use super::writer::{Vars, Writer};
use crate::verdict::CauseKind;

/// The kinds of an earlier step with the operator that the complaint can name.
const OPERATOR_STEPS: [&str; 3] = ["carrier-counter", "human-review", "follow-up"];

pub(super) fn write(w: &Writer<'_>) -> Result<Document, ScriptError> {
    let channel = w.channel("12300")?;
    let carrier = w.channel("carrier")?;
    let cause = w.cause_for(CauseKind::PhoneNumberFlagged);
    let operator_step = w.earlier_step(&OPERATOR_STEPS)?;
    let subject = w.own("subject", &vec![("phone", w.phone()?)])?;
    let name = w.pick(&channel.name).to_owned();
    let (deadline, deadline_text) = match (w.data.calendar.reply_period_for(w.kind.id()), w.today) {
        (None, _) => (None, w.c("deadline_none", &[])?),
        (Some(_), None) => (None, w.c("deadline_no_date", &[])?),
        (Some(period), Some(today)) => {
            w.filed_deadline(period, today, &name, &subject, Vec::new())?
        }
    };
    let recipient = vec![w.c("recipient_line", &[("name", &name)])?];
    let cautions = w.cautions(Some("atfl"))?;
    let mut vars: Vars = vec![
        ("cautions", cautions),
        ("channel", name),
        ("carrier", w.pick(&carrier.name).to_owned()),
        ("name", w.name()?),
        ("phone", w.phone()?),
        ("frozen_on", w.frozen_on()?),
        ("message", w.message()?),
        ("operator_step", operator_step),
        ("date", w.today_text()?),
        ("deadline", deadline_text),
        (
            "quotes",
            w.quotes(&["telecom-reg-39", "atfl-11", "atfl-32"])?,
        ),
        ("triage", w.triage_notes(cause)?),
        ("notes", w.notes(channel)?),
    ];
    vars.extend(w.closing(&[channel])?);
    w.document(None, &vars, recipient, Some(subject), None, deadline)
}
