//! What to ask at the bank counter (`bank-counter`): who asked for the freeze or restriction, on
//! what basis, for how long, and what to submit. Written for a police (or court) freeze of funds
//! or for the bank's own risk control (ATFL Art. 18), whichever the screening found.

use super::ScriptError;
use super::document::Document;
use super::writer::{Vars, Writer};
use crate::verdict::CauseKind;

pub(super) fn write(w: &Writer<'_>) -> Result<Document, ScriptError> {
    let channel = w.channel("bank")?;
    let cause = w.cause_for(CauseKind::BankRiskControl);
    let quotes: &[&str] = match cause {
        CauseKind::FundsFrozenByAuthority => &[
            "police-procedure-239",
            "police-procedure-243",
            "police-procedure-240",
            "police-procedure-247",
        ],
        CauseKind::CardTradingSanction => &["atfl-31", "joint-sanctions-12"],
        _ => &["atfl-18", "atfl-32"],
    };
    // A police freeze rests on the criminal-procedure rules, not on the ATFL.
    let law = (cause != CauseKind::FundsFrozenByAuthority).then_some("atfl");
    let cautions = w.cautions(law)?;
    let mut vars: Vars = vec![
        ("cautions", cautions),
        ("channel", w.pick(&channel.name).to_owned()),
        ("name", w.name()?),
        ("platforms", w.platforms()?),
        ("frozen_on", w.frozen_on()?),
        ("message", w.message()?),
        ("bring", w.bring(cause)?),
        ("quotes", w.quotes(quotes)?),
        ("triage", w.triage_notes(cause)?),
        ("notes", w.notes(channel)?),
    ];
    vars.extend(w.closing(&[channel])?);
    w.document(None, &vars, Vec::new(), None, None, None)
}
