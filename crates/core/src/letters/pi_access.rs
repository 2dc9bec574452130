//! The personal-information request under the PIPL (`pi-access`) to Tencent's privacy contact.

use super::ScriptError;
use super::document::Document;
use super::writer::{Vars, Writer};
use crate::case::Platform;

pub(super) fn write(w: &Writer<'_>) -> Result<Document, ScriptError> {
    let channel = w.channel("tencent-privacy")?;
    let platforms = &w.input.case.platforms;
    let mut items = Vec::new();
    if platforms.contains(&Platform::Qq) || platforms.is_empty() {
        items.push(w.own("items_qq", &Vec::new())?);
    }
    if platforms.contains(&Platform::Wechat) {
        items.push(w.own("items_wechat", &Vec::new())?);
    }
    items.push(w.own("items_any", &Vec::new())?);
    let quotes = ["pipl-45", "pipl-24", "pipl-50"]
        .iter()
        .map(|id| w.quote(id))
        .collect::<Result<Vec<_>, _>>()?
        .join("\n\n");
    let accounts = w.accounts()?;
    let subject = w.own("subject", &vec![("ids", w.account_ids()?)])?;
    let (recipient, email) = w.recipient(channel)?;
    let (deadline, deadline_text) = w.deadline(w.pick(&channel.name), &subject, channel)?;
    let cautions: Vec<String> = w.in_force_warning("pipl")?.into_iter().collect();
    // Before the PIPL was in force the letter asks without citing it (the guidance says why).
    let body = if cautions.is_empty() {
        "body"
    } else {
        "body_pre_pipl"
    };
    let mut vars: Vars = vec![
        ("channel", w.pick(&channel.name).to_owned()),
        ("salutation", w.salutation(channel)?),
        ("name", w.name()?),
        ("phone", w.phone()?),
        ("accounts", accounts),
        ("items", items.join("\n")),
        ("quotes", quotes),
        ("date", w.today_text()?),
        ("cautions", cautions.join("\n")),
        ("notes", w.notes(channel)?),
        ("deadline", deadline_text),
    ];
    vars.extend(w.closing(&[channel])?);
    w.document_from(body, None, &vars, recipient, Some(subject), email, deadline)
}
