//! The tiny template language every script, letter and message is written in.
//!
//! A template file holds **sections**: a line `@key` starts the section `key`, and everything up
//! to the next `@` line is its text (leading and trailing blank lines dropped). Lines before the
//! first section starting with `#` are comments. Inside a text, `{name}` is a placeholder that
//! [`fill`] replaces with a value; a placeholder without a value is an error, never an empty
//! string, so a template can never print "undefined".
//!
//! ```
//! use prescreen_core::template::{fill, section};
//! let file = "# a comment\n@greeting\nHello, {name}!\n@bye\nBye.\n";
//! let greeting = section(file, "greeting").unwrap();
//! assert_eq!(fill(greeting, &[("name", "Li Lei")]).unwrap(), "Hello, Li Lei!");
//! assert!(fill(greeting, &[]).is_err());
//! ```

use thiserror::Error;

/// A template that cannot be filled: a bug in the shipped templates, caught by the tests.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TemplateError {
    #[error("template section {0:?} is missing; add it to every language's file")]
    MissingSection(String),
    #[error("placeholder {{{0}}} has no value; pass it to fill()")]
    Unfilled(String),
    #[error("an unclosed {{ in {0:?}; close the placeholder with }}")]
    Unclosed(String),
}

/// The sections of a template file, in file order.
pub fn sections(file: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut current: Option<(&str, usize)> = None;
    let mut offset = 0;
    for line in file.split_inclusive('\n') {
        let trimmed = line.trim_end_matches(['\n', '\r']);
        if let Some(key) = trimmed.strip_prefix('@') {
            if let Some((k, start)) = current.take() {
                out.push((k, trim_blank_lines(&file[start..offset])));
            }
            current = Some((key.trim(), offset + line.len()));
        }
        offset += line.len();
    }
    if let Some((k, start)) = current {
        out.push((k, trim_blank_lines(&file[start..])));
    }
    out
}

/// The text of one section.
pub fn section<'a>(file: &'a str, key: &str) -> Result<&'a str, TemplateError> {
    sections(file)
        .into_iter()
        .find(|(k, _)| *k == key)
        .map(|(_, text)| text)
        .ok_or_else(|| TemplateError::MissingSection(key.to_owned()))
}

fn trim_blank_lines(text: &str) -> &str {
    let text = text.trim_end_matches(['\n', '\r']);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            start += line.len();
        } else {
            break;
        }
    }
    &text[start..]
}

/// The placeholder names a text uses, in order of appearance (with repeats).
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Replaces every `{name}` in `text` with its value from `vars`.
///
/// A `{` that does not start a placeholder (`{ 1 }`, `{}`) is kept as it is; a placeholder whose
/// name is not in `vars` is an error.
pub fn fill(text: &str, vars: &[(&str, &str)]) -> Result<String, TemplateError> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if is_name(&after[..close]) => {
                let name = &after[..close];
                let value = vars
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| *v)
                    .ok_or_else(|| TemplateError::Unfilled(name.to_owned()))?;
                out.push_str(value);
                rest = &after[close + 1..];
            }
            Some(_) => {
                out.push('{');
                rest = after;
            }
            None if after
                .chars()
                .take(40)
                .all(|c| c.is_ascii_lowercase() || c == '_') =>
            {
                return Err(TemplateError::Unclosed(text.chars().take(40).collect()));
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_keep_inner_blank_lines_and_drop_outer_ones() {
        let file = "# comment\n@a\n\nline 1\n\nline 2\n\n@b\nx\n";
        let s = sections(file);
        assert_eq!(s, vec![("a", "line 1\n\nline 2"), ("b", "x")]);
    }

    #[test]
    fn fill_keeps_braces_that_are_not_placeholders() {
        assert_eq!(fill("{} { x } {a}", &[("a", "1")]).unwrap(), "{} { x } 1");
        assert_eq!(
            fill("{missing}", &[]),
            Err(TemplateError::Unfilled("missing".into()))
        );
        assert_eq!(placeholders("{a} and {b_2} {}"), vec!["a", "b_2"]);
    }
}
