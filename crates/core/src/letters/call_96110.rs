//! The call script for 96110, the anti-fraud warning line (`call-96110`): to learn whether the
//! anti-fraud centre or the police asked for the restriction and whom to turn to. 96110 warns,
//! advises and takes reports; no source says it lifts anything, and the script says so.

use super::ScriptError;
use super::document::Document;
use super::writer::{Vars, Writer};
use crate::case::Platform;
use crate::verdict::CauseKind;

pub(super) fn write(w: &Writer<'_>) -> Result<Document, ScriptError> {
    let channel = w.channel("96110")?;
    let cause = w.cause_for(CauseKind::PhoneNumberFlagged);
    let mut facts = vec![w.c("fact_name", &[("value", &w.name()?)])?];
    facts.push(w.c("fact_phone", &[("value", &w.phone()?)])?);
    let platforms = &w.input.case.platforms;
    if platforms.contains(&Platform::Wechat) {
        facts.push(w.c("fact_wechat_id", &[("value", &w.wechat_id()?)])?);
    }
    if platforms.contains(&Platform::Qq) {
        facts.push(w.c("fact_qq", &[("value", &w.qq()?)])?);
    }
    let numbers = if w.tel.is_empty() {
        w.own("numbers_none", &Vec::new())?
    } else {
        let mut lines = vec![w.c("numbers_copied", &[])?];
        for n in &w.tel {
            lines.push(w.c("number_line", &[("display", &n.display), ("tel", &n.tel)])?);
        }
        lines.join("\n")
    };
    let cautions = w.cautions(None)?;
    let mut vars: Vars = vec![
        ("cautions", cautions),
        ("channel", w.pick(&channel.name).to_owned()),
        ("name", w.name()?),
        ("platforms", w.platforms()?),
        ("frozen_on", w.frozen_on()?),
        ("message", w.message()?),
        ("facts", facts.join("\n")),
        ("numbers", numbers),
        ("notes", w.notes(channel)?),
        ("triage", w.triage_notes(cause)?),
    ];
    vars.extend(w.closing(&[channel])?);
    w.document(None, &vars, Vec::new(), None, None, None)
}
