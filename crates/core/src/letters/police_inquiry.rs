//! A written inquiry to the police (`police-inquiry`): which authority decided, why, the amount
//! and term, the remedy channel and the documents required. The legal basis follows the cause:
//! for a freeze of funds in a criminal case, release when unrelated (police procedure rules
//! Art. 247); for a card-trading sanction, the right to appeal (ATFL Art. 31 ¶2); for other
//! fraud-related measures, ATFL Art. 32 ¶3, and only for measures taken once it was in force
//! (2022-12-01): before that, the letter asks under the rules then in force.

use jiff::civil::Date;

use super::ScriptError;
use super::document::Document;
use super::writer::{Vars, Writer};
use crate::verdict::CauseKind;

/// The day the Anti-Telecom and Online Fraud Law took effect.
const ATFL_IN_FORCE: Date = jiff::civil::date(2022, 12, 1);

pub(super) fn write(w: &Writer<'_>) -> Result<Document, ScriptError> {
    let channel = w.channel("police-local")?;
    let cause = w.cause_for(CauseKind::FundsFrozenByAuthority);
    let (basis, quotes): (String, &[&str]) = match cause {
        CauseKind::FundsFrozenByAuthority => (
            w.own("basis_freeze", &Vec::new())?,
            &[
                "police-procedure-239",
                "police-procedure-241",
                "police-procedure-243",
                "police-procedure-247",
            ],
        ),
        CauseKind::CardTradingSanction => (
            w.own("basis_sanction", &Vec::new())?,
            &[
                "atfl-31",
                "joint-sanctions-12",
                "joint-sanctions-14",
                "atfl-48",
            ],
        ),
        _ => {
            let before = w.input.case.frozen_on.is_some_and(|d| d < ATFL_IN_FORCE);
            let key = if before {
                "basis_atfl_before"
            } else {
                "basis_atfl"
            };
            (w.own(key, &Vec::new())?, &["atfl-32", "atfl-48"])
        }
    };
    let subject = w.own("subject", &vec![("platforms", w.platforms()?)])?;
    // No address is shipped for "the police who decided": the name is the user's to fill in.
    let recipient = vec![w.c("recipient_line", &[("name", w.pick(&channel.name))])?];
    let cautions = w.cautions(None)?;
    let mut vars: Vars = vec![
        ("cautions", cautions),
        ("channel", w.pick(&channel.name).to_owned()),
        ("name", w.name()?),
        ("id_number", w.id_number()?),
        ("phone", w.phone()?),
        ("platforms", w.platforms()?),
        ("frozen_on", w.frozen_on()?),
        ("accounts", w.accounts()?),
        ("message", w.message()?),
        ("basis", basis),
        ("date", w.today_text()?),
        ("quotes", w.quotes(quotes)?),
        ("triage", w.triage_notes(cause)?),
        ("notes", w.notes(channel)?),
    ];
    vars.extend(w.closing(&[channel])?);
    w.document(None, &vars, recipient, Some(subject), None, None)
}
