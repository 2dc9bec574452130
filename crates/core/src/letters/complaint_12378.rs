//! A complaint to 12378, the banking and insurance consumer complaint line of the National
//! Financial Regulatory Administration (formerly the CBIRC) (`complaint-12378`), about the bank's
//! own handling. The bank is asked first (it must settle a simple complaint within 15 days, 30
//! if complex: Xinhua on the 2020 complaint rules). A freeze the police (or a court) asked for
//! can be lifted by neither the bank nor 12378, only by the authority that froze; the letter says
//! so and complains only of what is the bank's: its own risk-control measure (ATFL Art. 18, with
//! Art. 32 ¶3's reason, remedy channel and documents) or its refusal to say who asked for a
//! freeze. No source gives 12378's reply period, so no date is computed.

use super::ScriptError;
use super::document::Document;
use super::writer::{Vars, Writer};
use crate::verdict::CauseKind;

/// The kinds of an earlier step with the bank that the complaint can name.
const BANK_STEPS: [&str; 3] = ["bank-counter", "human-review", "follow-up"];

pub(super) fn write(w: &Writer<'_>) -> Result<Document, ScriptError> {
    let channel = w.channel("12378")?;
    let bank = w.channel("bank")?;
    let cause = w.cause_for(CauseKind::BankRiskControl);
    let bank_step = w.earlier_step(&BANK_STEPS)?;
    let subject = w.own("subject", &vec![("name", w.name()?)])?;
    let name = w.pick(&channel.name).to_owned();
    let deadline = match w.data.calendar.reply_period_for(w.kind.id()) {
        None => w.own("deadline_none", &Vec::new())?,
        Some(_) => String::new(),
    };
    let recipient = vec![w.c("recipient_line", &[("name", &name)])?];
    let cautions = w.cautions(Some("atfl"))?;
    let mut vars: Vars = vec![
        ("cautions", cautions),
        ("channel", name),
        ("name", w.name()?),
        ("phone", w.phone()?),
        ("frozen_on", w.frozen_on()?),
        ("message", w.message()?),
        ("bank_step", bank_step),
        ("date", w.today_text()?),
        ("deadline", deadline),
        ("quotes", w.quotes(&["atfl-18", "atfl-32"])?),
        ("triage", w.triage_notes(cause)?),
        ("bank_notes", w.notes(bank)?),
        ("notes", w.notes(channel)?),
    ];
    vars.extend(w.closing(&[channel])?);
    w.document(None, &vars, recipient, Some(subject), None, None)
}
