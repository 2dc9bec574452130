//! A request to explain an automated decision and have a person review it (`human-review`),
//! under PIPL Art. 24 ¶3, to whoever made the decision: the platform, the bank or the carrier
//! (the same recipient the screening's documents name). ATFL Art. 32 ¶3 is added only for
//! fraud-related measures (carrier Art. 11, bank Art. 18, platform Art. 22) once it was in force.

use jiff::civil::Date;

use super::ScriptError;
use super::document::Document;
use super::writer::{Vars, Writer};
use crate::advice::recipient as recipient_of;
use crate::verdict::CauseKind;

/// The day the Anti-Telecom and Online Fraud Law took effect.
const ATFL_IN_FORCE: Date = jiff::civil::date(2022, 12, 1);

pub(super) fn write(w: &Writer<'_>) -> Result<Document, ScriptError> {
    let cause = w.cause_for(CauseKind::Unknown);
    let to = w
        .input
        .screening
        .offered(w.kind.id())
        .map(|d| d.to.clone())
        .unwrap_or_else(|| recipient_of(w.kind.id(), cause, w.input.case).to_owned());
    let channel = w.channel(&to)?;
    let fraud_measure = matches!(
        cause,
        CauseKind::PhoneNumberFlagged
            | CauseKind::BankRiskControl
            | CauseKind::PlatformViolation
            | CauseKind::AccountSecurity
    );
    let in_force = w.input.case.frozen_on.is_none_or(|d| d >= ATFL_IN_FORCE);
    let atfl = if fraud_measure && in_force {
        w.own("atfl", &Vec::new())?
    } else {
        String::new()
    };
    let mut quotes = vec!["pipl-24", "pipl-50"];
    if !atfl.is_empty() {
        quotes.push("atfl-32");
    }
    let subject = w.own("subject", &vec![("ids", w.account_ids()?)])?;
    let (recipient, email) = w.recipient(channel)?;
    let cautions = w.cautions(Some("pipl"))?;
    let mut vars: Vars = vec![
        ("cautions", cautions),
        ("channel", w.pick(&channel.name).to_owned()),
        ("name", w.name()?),
        ("phone", w.phone()?),
        ("frozen_on", w.frozen_on()?),
        ("accounts", w.accounts()?),
        ("message", w.message()?),
        ("atfl", atfl),
        ("date", w.today_text()?),
        ("recipient_how", recipient.join("\n")),
        ("quotes", w.quotes(&quotes)?),
        ("triage", w.triage_notes(cause)?),
    ];
    vars.extend(w.closing(&[channel])?);
    w.document(None, &vars, recipient, Some(subject), email, None)
}
