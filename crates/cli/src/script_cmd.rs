//! `prescreen script CASE.json --kind … [--lang …] [--now …] [--number …]…`: the call script or
//! letter the user would read or send, as plain text.

use std::path::Path;

use prescreen_core::case::CaseFile;
use prescreen_core::data::DOCUMENT_KINDS;
use prescreen_core::i18n::Lang;
use prescreen_core::letters::{ScriptError, ScriptInput, ScriptKind, parse_now, render};
use prescreen_core::validation::validate_person;
use prescreen_core::verdict::check;

/// Runs the command; an `Err` is the one-line message for stderr (exit 2).
///
/// `now` is China time as `YYYY-MM-DDTHH:MM` (for "open now / opens at"); `numbers` are the
/// phone numbers the user copied from their own notice (they become `tel:` links).
pub fn run(
    case_path: &Path,
    kind: &str,
    lang: &str,
    now: Option<&str>,
    numbers: &[String],
) -> Result<String, String> {
    let kind = ScriptKind::from_id(kind).ok_or_else(|| {
        let known: Vec<&str> = ScriptKind::ALL.iter().map(|k| k.id()).collect();
        if DOCUMENT_KINDS.contains(&kind) {
            format!(
                "--kind: {kind:?} is not written in this version yet; use one of {}",
                known.join(", ")
            )
        } else {
            format!(
                "--kind: unknown kind {kind:?}; use one of {}",
                known.join(", ")
            )
        }
    })?;
    let lang = Lang::from_code(lang)
        .ok_or_else(|| format!("--lang: unknown language {lang:?}; use zh-CN, zh-TW or en"))?;
    let now = now
        .map(|text| {
            parse_now(text).ok_or_else(|| {
                format!("--now: {text:?} is not a date and time; write it as 2019-10-16T09:30 (China time)")
            })
        })
        .transpose()?;
    let text = std::fs::read_to_string(case_path).map_err(|e| {
        format!(
            "{}: cannot read the case file ({e}); check the path and that it is UTF-8 JSON",
            case_path.display()
        )
    })?;
    let case = CaseFile::from_json(&text)
        .and_then(|file| file.validate())
        .map_err(|e| e.to_string())?;
    // What the script reads to the police must be right: a wrong ID check digit (GB 11643), a
    // QQ number or phone number that cannot be one, is refused naming the field, never written.
    let today = case.today.unwrap_or(jiff::civil::Date::MAX);
    if let Some(problem) = validate_person(&case.person, today).first() {
        return Err(problem.to_string());
    }
    let data = crate::shipped_data()?;
    let screening = check(&case, &data, lang).map_err(|e| e.to_string())?;
    let guidance = data
        .guidance
        .as_ref()
        .ok_or("the guidance data is missing from this build")?;
    let input = ScriptInput {
        case: &case,
        screening: &screening,
        lang,
        now,
        numbers,
    };
    let documents = render(kind, &input, guidance).map_err(|e| {
        let field = match &e {
            ScriptError::Number(_) => "--number: ",
            _ => "",
        };
        format!("{field}{}", e.message(Lang::En))
    })?;
    let mut out = String::new();
    for (i, doc) in documents.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&doc.page_text());
        if let Some(url) = &doc.mailto {
            out.push_str(&format!("\nmailto: {url}\n"));
        }
        if let Some(deadline) = &doc.deadline {
            out.push_str(&format!("\n.ics ({}):\n{}", deadline.due, deadline.ics));
        }
    }
    Ok(out.trim_end().to_owned())
}
