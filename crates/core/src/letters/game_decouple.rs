//! The request to decouple games bound to a frozen QQ, or to get their data (`game-decouple`).

use super::ScriptError;
use super::document::Document;
use super::writer::{Vars, Writer};

pub(super) fn write(w: &Writer<'_>) -> Result<Document, ScriptError> {
    let games = w.channel("tencent-games")?;
    let privacy = w.channel("tencent-privacy")?;
    let subject = w.own("subject", &vec![("qq", w.qq()?)])?;
    let (mut recipient, email) = w.recipient(privacy)?;
    recipient.insert(
        1,
        w.own(
            "recipient_games",
            &vec![("games_channel", w.pick(&games.name).to_owned())],
        )?,
    );
    let (deadline, deadline_text) = w.deadline(w.pick(&privacy.name), &subject, privacy)?;
    let mut cautions = vec![w.c("game_lock_unsourced", &[])?];
    let pipl_warning = w.in_force_warning("pipl")?;
    // Before the PIPL was in force the letter quotes none of it (the guidance says why).
    let basis = if pipl_warning.is_none() {
        w.own("basis", &vec![("quote", w.quote("pipl-45")?)])?
    } else {
        String::new()
    };
    cautions.extend(pipl_warning);
    let mut vars: Vars = vec![
        ("name", w.name()?),
        ("qq", w.qq()?),
        ("phone", w.phone()?),
        ("frozen_on", w.frozen_on()?),
        ("games", w.c("ph_games", &[])?),
        ("basis", basis),
        ("date", w.today_text()?),
        ("cautions", cautions.join("\n")),
        ("notes", w.notes(games)?),
        ("deadline", deadline_text),
    ];
    vars.extend(w.closing(&[games, privacy])?);
    w.document(None, &vars, recipient, Some(subject), email, deadline)
}
