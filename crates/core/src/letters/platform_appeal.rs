//! The appeal to WeChat, QQ or Alipay (`platform-appeal`): one letter per frozen platform.

use super::ScriptError;
use super::document::Document;
use super::writer::{Vars, Writer};
use crate::case::Platform;
use crate::verdict::CauseKind;

pub(super) fn write(w: &Writer<'_>) -> Result<Vec<Document>, ScriptError> {
    let platforms: Vec<Platform> = w
        .input
        .case
        .platforms
        .iter()
        .copied()
        .filter(|p| matches!(p, Platform::Wechat | Platform::Qq | Platform::Alipay))
        .collect();
    if platforms.is_empty() {
        return Err(ScriptError::NoPlatform);
    }
    platforms.into_iter().map(|p| write_one(w, p)).collect()
}

pub(super) fn write_one(w: &Writer<'_>, platform: Platform) -> Result<Document, ScriptError> {
    let channel = w.channel(match platform {
        Platform::Wechat => "wechat-support",
        Platform::Qq => "tencent-support",
        _ => "alipay-support",
    })?;
    let (label, value) = w
        .account_id(platform)?
        .unwrap_or_else(|| (String::new(), String::new()));
    let platform_name = w.platform_name(platform)?;
    // The arguments fit the cause: a rules ban gets no border story (it would raise fraud
    // unprompted); a border-area freeze without a stay near the border asserts none.
    let reason = match w.input.screening.cause.kind {
        CauseKind::PlatformViolation => w.own("reason_rules", &Vec::new())?,
        CauseKind::BorderAreaFreeze if !w.has_border_visit() => {
            w.own("reason_border_no_stay", &Vec::new())?
        }
        _ if w.has_border_visit() => w.own("reason_border", &vec![("visits", w.visits()?)])?,
        _ => w.own("reason_rules", &Vec::new())?,
    };
    // Art. 32 para. 3 covers fraud-related measures (Arts 11, 12, 18, 22); a ban under the
    // platform's own rules is not one, so the letter does not cite it there.
    let fraud_related = !matches!(
        w.input.screening.cause.kind,
        CauseKind::PlatformViolation | CauseKind::NotAFreeze
    );
    let legal_warning = if fraud_related {
        w.in_force_warning("atfl")?
    } else {
        None
    };
    let legal = if legal_warning.is_some() || !fraud_related {
        String::new()
    } else {
        w.own("legal", &vec![("quote", w.quote("atfl-32")?)])?
    };
    let mut cautions = Vec::new();
    if w.input.screening.cause.kind == CauseKind::BorderAreaFreeze {
        cautions.push(w.c("not_right_channel", &[("channel", w.pick(&channel.name))])?);
    }
    cautions.extend(legal_warning);
    let subject_vars: Vars = vec![
        ("platform", platform_name.clone()),
        ("label", label.clone()),
        ("value", value.clone()),
    ];
    let subject = w.own("subject", &subject_vars)?;
    let (recipient, email) = w.recipient(channel)?;
    let (deadline, deadline_text) = w.deadline(w.pick(&channel.name), &subject, channel)?;
    let mut vars: Vars = vec![
        ("channel", w.pick(&channel.name).to_owned()),
        ("salutation", w.salutation(channel)?),
        ("platform", platform_name),
        ("label", label),
        ("value", value),
        ("name", w.name()?),
        ("phone", w.phone()?),
        ("frozen_on", w.frozen_on()?),
        ("message", w.message_for(platform)?),
        ("reason", reason),
        ("legal", legal),
        ("date", w.today_text()?),
        ("cautions", cautions.join("\n")),
        ("notes", w.notes(channel)?),
        ("deadline", deadline_text),
    ];
    vars.extend(w.closing(&[channel])?);
    w.document(
        Some(platform),
        &vars,
        recipient,
        Some(subject),
        email,
        deadline,
    )
}
