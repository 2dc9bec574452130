//! The call script for the police channel (`hotline`): the facts the channel asks for, filled
//! from the case, the numbers the user copied, and the channel's hours and notes.

use super::ScriptError;
use super::document::Document;
use super::writer::{Vars, Writer};
use crate::data::Confidence;
use crate::verdict::CauseKind;

pub(super) fn write(w: &Writer<'_>) -> Result<Document, ScriptError> {
    let channel = w.channel("puer-police-station")?;
    let default_fields = ["name", "id_number", "wechat_id", "qq", "border_visit"];
    let fields: Vec<&str> = channel.asks_for.as_ref().map_or_else(
        || default_fields.to_vec(),
        |a| a.fields.iter().map(String::as_str).collect(),
    );
    let mut facts = Vec::new();
    for field in fields {
        let value = match field {
            "name" => w.name()?,
            "id_number" => w.id_number()?,
            "wechat_id" => w.wechat_id()?,
            "qq" => w.qq()?,
            "phone" => w.phone()?,
            "border_visit" => w.visits()?,
            _ => continue,
        };
        facts.push(w.c(&format!("fact_{field}"), &[("value", &value)])?);
    }
    let numbers = if w.tel.is_empty() {
        let why = channel
            .numbers_from_user_why
            .as_ref()
            .map_or("", |why| w.pick(why));
        w.c("numbers_none", &[("why", why)])?
    } else {
        let mut lines = vec![w.c("numbers_copied", &[])?];
        for n in &w.tel {
            lines.push(w.c("number_line", &[("display", &n.display), ("tel", &n.tel)])?);
        }
        lines.join("\n")
    };
    let (asks_source, asks_confidence) = match &channel.asks_for {
        Some(a) => (
            a.sources
                .first()
                .map_or(String::new(), |s| w.source_title(s).to_owned()),
            w.confidence(a.confidence)?,
        ),
        None => (String::new(), w.confidence(Confidence::Unverified)?),
    };
    let mut cautions = Vec::new();
    if w.input.screening.cause.kind != CauseKind::BorderAreaFreeze {
        cautions.push(w.c("hotline_not_border", &[])?);
    }
    let mut vars: Vars = vec![
        ("cautions", cautions.join("\n")),
        ("channel", w.pick(&channel.name).to_owned()),
        ("name", w.name()?),
        ("platforms", w.platforms()?),
        ("frozen_on", w.frozen_on()?),
        ("message", w.message()?),
        ("facts", facts.join("\n")),
        ("accounts", w.accounts()?),
        ("numbers", numbers),
        ("hours", w.hours(channel)?),
        ("notes", w.notes(channel)?),
        ("asks_source", asks_source),
        ("asks_confidence", asks_confidence),
    ];
    vars.extend(w.closing(&[channel])?);
    w.document(None, &vars, Vec::new(), None, None, None)
}
