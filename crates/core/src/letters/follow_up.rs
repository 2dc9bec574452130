//! A follow-up when nobody answered (`follow-up`): it names the earlier letter or visit (the
//! latest entry of the case's `sent`, else the first document the screening offers, with a blank
//! for its date), says when its reply period ran out where a source gives one, asks again, and
//! names the next step where a source gives one (12300 after the carrier, 12378 after the bank,
//! the provincial authority after 12300 (Telecommunications Regulations Art. 39), the
//! procuratorate after the police for a freeze in a criminal case (Criminal Procedure Law
//! Art. 117)).
//!
//! The deadline is counted as every deadline is ([`crate::data::Calendar::add_days_estimated`]),
//! with the earlier step's reply period: from today, or, when the earlier period has not run out,
//! from the day after it does (the letter is not to be sent before). The `.ics` holds that earlier
//! due date when it is still ahead, then the follow-up's own.

use jiff::ToSpan;

use super::ScriptError;
use super::document::Document;
use super::ics::AllDayEvent;
use super::writer::{Vars, Writer};
use crate::advice::recipient as recipient_of;
use crate::verdict::CauseKind;

pub(super) fn write(w: &Writer<'_>) -> Result<Document, ScriptError> {
    let case = w.input.case;
    let screening = w.input.screening;
    let cause = w.cause_for(CauseKind::Unknown);
    let earlier = w.latest_sent(&[]);
    // What was done before: the user's own record, else the first document the screening
    // offers (the one the follow-up's recipient comes from).
    let earlier_kind: Option<String> = earlier.map(|s| s.kind.clone()).or_else(|| {
        screening
            .documents
            .iter()
            .find(|d| d.kind != w.kind.id())
            .map(|d| d.kind.clone())
    });
    let to = match (earlier, screening.offered(w.kind.id())) {
        (Some(s), _) if s.kind != w.kind.id() => recipient_of(&s.kind, cause, case).to_owned(),
        (_, Some(offered)) => offered.to.clone(),
        _ => recipient_of(earlier_kind.as_deref().unwrap_or(w.kind.id()), cause, case).to_owned(),
    };
    let channel = w.channel(&to)?;
    let name = w.pick(&channel.name).to_owned();
    let period = earlier_kind
        .as_deref()
        .and_then(|k| w.data.calendar.reply_period_for(k))
        .or_else(|| {
            w.data
                .calendar
                .reply_periods()
                .iter()
                .find(|p| p.channel == to)
        });

    let what = match &earlier_kind {
        Some(kind) => w.did(kind)?,
        None => w.own("what_blank", &Vec::new())?,
    };
    let earlier_text = match earlier {
        Some(s) => w.own(
            "earlier_on",
            &vec![("on", s.on.to_string()), ("what", what)],
        )?,
        None => w.own("earlier_blank", &vec![("what", what)])?,
    };

    // The earlier step's due date, when its date and a sourced period are known.
    let earlier_due = match (earlier, period) {
        (Some(s), Some(p)) => w.count_from(p, s.on)?.ok(),
        _ => None,
    };
    let mut overdue = String::new();
    let mut not_yet = String::new();
    let mut before = Vec::new();
    let mut start = w.today;
    if let (Some(counted), Some(today), Some(s), Some(p)) = (&earlier_due, w.today, earlier, period)
    {
        let vars: Vars = vec![
            ("due", counted.due.to_string()),
            ("count", counted.count.clone()),
            ("estimate", counted.estimate.clone()),
            ("on", s.on.to_string()),
            ("text", w.pick(&p.text).to_owned()),
        ];
        if counted.due < today {
            overdue = w.own("overdue", &vars)?;
        } else {
            not_yet = w.own("not_yet_due", &vars)?;
            start = counted.due.checked_add(1.day()).ok();
            before.push(AllDayEvent {
                date: counted.due,
                summary: w.own("ics_earlier_summary", &vec![("recipient", name.clone())])?,
                description: w.own("ics_earlier_description", &vars)?,
                made_on: today,
            });
        }
    }

    let on = match earlier {
        Some(s) => s.on.to_string(),
        None => w.own("date_blank", &Vec::new())?,
    };
    let subject = w.own("subject", &vec![("on", on)])?;
    let (deadline, deadline_text) = match (period, start) {
        (None, _) => (None, w.own("deadline_none", &Vec::new())?),
        (Some(_), None) => (None, w.c("deadline_no_date", &[])?),
        (Some(p), Some(start)) => w.filed_deadline(p, start, &name, &subject, before)?,
    };
    let reply_by = match &deadline {
        Some(d) => w.own("reply_by", &vec![("due", d.due.to_string())])?,
        None => w.own("reply_soon", &Vec::new())?,
    };
    let next_key = match to.as_str() {
        "carrier" => Some("next_carrier"),
        "bank" => Some("next_bank"),
        "12300" => Some("next_12300"),
        "police-local" if cause == CauseKind::FundsFrozenByAuthority => Some("next_police_freeze"),
        _ => None,
    };
    let (escalate, next_step) = match next_key {
        Some(key) => {
            let next = w.own(key, &Vec::new())?;
            (
                w.own(
                    if deadline.is_some() {
                        "escalate"
                    } else {
                        "escalate_later"
                    },
                    &vec![("next", next.clone())],
                )?,
                w.own("next_known", &vec![("next", next)])?,
            )
        }
        None => (String::new(), w.own("next_unknown", &Vec::new())?),
    };
    let (recipient, email) = w.recipient(channel)?;
    let cautions = w.cautions(None)?;
    let mut vars: Vars = vec![
        ("cautions", cautions),
        ("not_yet", not_yet),
        ("channel", name),
        ("salutation", w.salutation(channel)?),
        ("name", w.name()?),
        ("phone", w.phone()?),
        ("platforms", w.platforms()?),
        ("frozen_on", w.frozen_on()?),
        ("message", w.message()?),
        ("earlier", earlier_text),
        ("overdue", overdue),
        ("reply_by", reply_by),
        ("escalate", escalate),
        ("next_step", next_step),
        ("date", w.today_text()?),
        ("recipient_how", recipient.join("\n")),
        ("deadline", deadline_text),
        // The triage of the cause the screening found, the border freeze included.
        ("triage", w.triage_notes(screening.cause.kind)?),
    ];
    vars.extend(w.closing(&[channel])?);
    w.document(None, &vars, recipient, Some(subject), email, deadline)
}
