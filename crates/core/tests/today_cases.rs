//! The case set-up that `today_stories.rs` and `today_results.rs` share: a case file for one of
//! today's freezes, built from its parts, validated and screened against the shipped data.

use prescreen_core::case::CaseFile;
use prescreen_core::i18n::Lang;
use prescreen_core::verdict::{Screening, check};

use crate::scripts::shipped;

/// Screens, in `lang`, a case frozen on `frozen_on` with `message` (none if empty) on `platforms`
/// (comma-separated ids), after `stays` (a JSON array); `today` is 2026-12-03. A case that does not
/// validate or screen fails the test with the core's message.
pub(crate) fn screen_in(
    lang: Lang,
    frozen_on: &str,
    platforms: &str,
    message: &str,
    stays: &str,
) -> Screening {
    let mut json = serde_json::json!({
        "version": 1,
        "today": "2026-12-03",
        "frozen_on": frozen_on,
        "platforms": platforms.split(',').filter(|p| !p.is_empty()).collect::<Vec<_>>(),
        "freeze_message": message,
        "stays": serde_json::from_str::<serde_json::Value>(stays)
            .unwrap_or_else(|e| panic!("stays are not JSON ({e}): {stays}")),
    });
    if message.is_empty()
        && let Some(fields) = json.as_object_mut()
    {
        fields.remove("freeze_message");
    }
    let case = CaseFile::from_json(&json.to_string())
        .and_then(|f| f.validate())
        .unwrap_or_else(|e| panic!("{e}"));
    check(&case, shipped(), lang).unwrap_or_else(|e| panic!("{e}"))
}
