//! Checking what a person types about themselves: ID-card number, QQ number, WeChat ID, mobile
//! number, phone numbers copied from a notice, and dates.
//!
//! Every personal field is optional (a script shows a placeholder for a blank one), but a field
//! that is filled in must be right: a mistyped ID number read out on the phone wastes the one call
//! that got through. Each check returns the cleaned value or a [`ValidationError`] whose
//! [message](ValidationError::message) says, in the user's language, what is wrong and how to fix
//! it. The messages live in `templates/validation.<lang>.txt`.
//!
//! The resident ID check follows GB 11643-1999: 6 digits of region code, 8 of date of birth, 3 of
//! sequence, and an ISO 7064 MOD 11-2 check character (a digit or `X`).
//!
//! ```
//! use jiff::civil::date;
//! use prescreen_core::validation::{Problem, validate_id_number};
//! let today = date(2019, 10, 16);
//! // The example printed in GB 11643-1999.
//! assert_eq!(validate_id_number("11010519491231002x", today).unwrap().as_str(), "11010519491231002X");
//! // One digit changed: the check character no longer matches.
//! let err = validate_id_number("11010519491231003X", today).unwrap_err();
//! assert!(matches!(err.problem, Problem::IdCheckDigit { .. }));
//! ```

use std::fmt;

use jiff::civil::Date;

use crate::case::Person;
use crate::i18n::Lang;
use crate::template::{fill, section};

const MESSAGES_ZH_CN: &str = include_str!("../templates/validation.zh-CN.txt");
const MESSAGES_ZH_TW: &str = include_str!("../templates/validation.zh-TW.txt");
const MESSAGES_EN: &str = include_str!("../templates/validation.en.txt");

/// The message file for a language.
pub fn messages_file(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => MESSAGES_ZH_CN,
        Lang::ZhTw => MESSAGES_ZH_TW,
        Lang::En => MESSAGES_EN,
    }
}

/// The field a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    IdNumber,
    WechatId,
    Qq,
    Phone,
    Date,
    /// A number the user copied from their notice, for the call script.
    DialNumber,
}

impl Field {
    /// The case-file name of the field (`person.id_number` …).
    pub fn path(self) -> &'static str {
        match self {
            Field::Name => "person.name",
            Field::IdNumber => "person.id_number",
            Field::WechatId => "person.wechat_id",
            Field::Qq => "person.qq",
            Field::Phone => "person.phone",
            Field::Date => "date",
            Field::DialNumber => "number",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Field::Name => "field_name",
            Field::IdNumber => "field_id_number",
            Field::WechatId => "field_wechat_id",
            Field::Qq => "field_qq",
            Field::Phone => "field_phone",
            Field::Date => "field_date",
            Field::DialNumber => "field_dial_number",
        }
    }
}

/// What is wrong with a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    IdLength { len: usize },
    IdCharacters,
    IdRegion { code: String },
    IdBirthDate { date: String },
    IdBirthFuture { date: String },
    IdBirthTooOld { date: String },
    IdCheckDigit { expected: char, found: char },
    QqNotDigits,
    QqLength { len: usize },
    QqLeadingZero,
    WechatLength { len: usize },
    WechatFirstChar,
    WechatChars { chars: String },
    PhoneChars,
    PhoneLength { len: usize },
    PhonePrefix { prefix: String },
    DialNumberBad { value: String },
    DateFormat { value: String },
    DateInvalid { value: String },
    DateFuture { value: String },
}

impl Problem {
    /// The message-file section and its values.
    fn key_and_vars(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            Problem::Empty => ("empty", vec![]),
            Problem::IdLength { len } => ("id_length", vec![("len", len.to_string())]),
            Problem::IdCharacters => ("id_characters", vec![]),
            Problem::IdRegion { code } => ("id_region", vec![("code", code.clone())]),
            Problem::IdBirthDate { date } => ("id_birth_date", vec![("date", date.clone())]),
            Problem::IdBirthFuture { date } => ("id_birth_future", vec![("date", date.clone())]),
            Problem::IdBirthTooOld { date } => ("id_birth_too_old", vec![("date", date.clone())]),
            Problem::IdCheckDigit { expected, found } => (
                "id_check_digit",
                vec![
                    ("expected", expected.to_string()),
                    ("found", found.to_string()),
                ],
            ),
            Problem::QqNotDigits => ("qq_not_digits", vec![]),
            Problem::QqLength { len } => ("qq_length", vec![("len", len.to_string())]),
            Problem::QqLeadingZero => ("qq_leading_zero", vec![]),
            Problem::WechatLength { len } => ("wechat_length", vec![("len", len.to_string())]),
            Problem::WechatFirstChar => ("wechat_first_char", vec![]),
            Problem::WechatChars { chars } => ("wechat_chars", vec![("chars", chars.clone())]),
            Problem::PhoneChars => ("phone_chars", vec![]),
            Problem::PhoneLength { len } => ("phone_length", vec![("len", len.to_string())]),
            Problem::PhonePrefix { prefix } => ("phone_prefix", vec![("prefix", prefix.clone())]),
            Problem::DialNumberBad { value } => ("dial_number_bad", vec![("value", value.clone())]),
            Problem::DateFormat { value } => ("date_format", vec![("value", value.clone())]),
            Problem::DateInvalid { value } => ("date_invalid", vec![("value", value.clone())]),
            Problem::DateFuture { value } => ("date_future", vec![("value", value.clone())]),
        }
    }

    /// Every message-file section a problem can use (for the completeness test).
    pub const KEYS: [&'static str; 21] = [
        "empty",
        "id_length",
        "id_characters",
        "id_region",
        "id_birth_date",
        "id_birth_future",
        "id_birth_too_old",
        "id_check_digit",
        "qq_not_digits",
        "qq_length",
        "qq_leading_zero",
        "wechat_length",
        "wechat_first_char",
        "wechat_chars",
        "phone_chars",
        "phone_length",
        "phone_prefix",
        "dial_number_bad",
        "date_format",
        "date_invalid",
        "date_future",
    ];
}

/// A value that does not pass its check: which field, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub field: Field,
    pub problem: Problem,
}

impl ValidationError {
    fn new(field: Field, problem: Problem) -> Self {
        Self { field, problem }
    }

    /// The message for a person, in their language: the field, what is wrong, how to fix it.
    pub fn message(&self, lang: Lang) -> String {
        let file = messages_file(lang);
        let (key, vars) = self.problem.key_and_vars();
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let problem = section(file, key)
            .and_then(|t| fill(t, &vars))
            .unwrap_or_else(|e| e.to_string());
        let field = section(file, self.field.key()).unwrap_or(self.field.path());
        section(file, "format")
            .and_then(|t| fill(t, &[("field", field), ("problem", &problem)]))
            .unwrap_or_else(|_| format!("{field}: {problem}"))
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field.path(), self.message(Lang::En))
    }
}

impl std::error::Error for ValidationError {}

/// A resident ID number that passed every check, upper-case `X`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdNumber(String);

impl IdNumber {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The date of birth in digits 7–14.
    pub fn birth_date(&self) -> Option<Date> {
        birth_date_of(&self.0)
    }
}

/// Province-level codes (the first two digits) of GB/T 2260, plus 81 Hong Kong, 82 Macao and 83
/// Taiwan as used on residence permits.
const PROVINCES: [u8; 35] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

/// ISO 7064 MOD 11-2 weights for the first 17 digits (2^(17-i) mod 11).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// The check character GB 11643 gives for the first 17 digits, or `None` if they are not 17
/// ASCII digits.
///
/// ```
/// use prescreen_core::validation::id_check_char;
/// assert_eq!(id_check_char("11010519491231002"), Some('X'));
/// assert_eq!(id_check_char("1101051949123100"), None);
/// ```
pub fn id_check_char(first17: &str) -> Option<char> {
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17
        .bytes()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    Some(CHECK[(sum % 11) as usize])
}

/// Whether `text` is an 18-character ID number whose first 17 characters are digits but whose
/// check character is not the one they give (spaces and dashes ignored, `x` read as `X`): the
/// one mistake the page warns about at the field, and the scripts never write.
///
/// ```
/// use prescreen_core::validation::has_wrong_check_char;
/// assert!(has_wrong_check_char("430102199003150021"));
/// assert!(!has_wrong_check_char("430102 19900315 0020"));
/// assert!(!has_wrong_check_char("4301021990")); // not typed in full yet
/// ```
pub fn has_wrong_check_char(text: &str) -> bool {
    let id = squeeze(text).to_ascii_uppercase();
    if id.len() != 18 || !id.is_ascii() {
        return false;
    }
    let (first17, last) = id.split_at(17);
    id_check_char(first17).is_some_and(|expected| !last.starts_with(expected))
}

fn birth_date_of(id: &str) -> Option<Date> {
    let digits = id.get(6..14)?;
    let year: i16 = digits.get(0..4)?.parse().ok()?;
    let month: i8 = digits.get(4..6)?.parse().ok()?;
    let day: i8 = digits.get(6..8)?.parse().ok()?;
    Date::new(year, month, day).ok()
}

/// Full-width forms (typed with a Chinese input method: `１３８`, `Ｘ`, `＋`) as ASCII.
fn halfwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Removes the spaces and dashes people type into long numbers, after folding full-width forms.
fn squeeze(text: &str) -> String {
    text.chars()
        .map(halfwidth)
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// Checks an 18-character resident ID number: characters, region code shape, date of birth (a
/// real day, from 1900 to `today`) and the check character. Spaces are ignored and `x` is read
/// as `X`.
pub fn validate_id_number(text: &str, today: Date) -> Result<IdNumber, ValidationError> {
    let err = |problem| Err(ValidationError::new(Field::IdNumber, problem));
    let id = squeeze(text).to_ascii_uppercase();
    if id.is_empty() {
        return err(Problem::Empty);
    }
    let len = id.chars().count();
    if len != 18 {
        return err(Problem::IdLength { len });
    }
    if !id.is_ascii() {
        return err(Problem::IdCharacters);
    }
    let (first17, last) = id.split_at(17);
    let last = last.chars().next().unwrap_or(' ');
    if !first17.bytes().all(|b| b.is_ascii_digit()) || !(last.is_ascii_digit() || last == 'X') {
        return err(Problem::IdCharacters);
    }
    let province: u8 = first17[..2].parse().unwrap_or(0);
    if !PROVINCES.contains(&province) || &first17[2..6] == "0000" {
        return err(Problem::IdRegion {
            code: first17[..6].to_owned(),
        });
    }
    let digits = &first17[6..14];
    let Some(birth) = birth_date_of(&id) else {
        return err(Problem::IdBirthDate {
            date: digits.to_owned(),
        });
    };
    if birth > today {
        return err(Problem::IdBirthFuture {
            date: birth.to_string(),
        });
    }
    if birth.year() < 1900 {
        return err(Problem::IdBirthTooOld {
            date: birth.to_string(),
        });
    }
    let expected = id_check_char(first17).unwrap_or(' ');
    if expected != last {
        return err(Problem::IdCheckDigit {
            expected,
            found: last,
        });
    }
    Ok(IdNumber(id))
}

/// Checks a QQ number: 5 to 11 digits, not starting with 0. Spaces are ignored.
///
/// ```
/// use prescreen_core::validation::validate_qq;
/// assert_eq!(validate_qq(" 10001 ").unwrap(), "10001");
/// assert!(validate_qq("01234567").is_err());
/// assert!(validate_qq("1234").is_err());
/// ```
pub fn validate_qq(text: &str) -> Result<String, ValidationError> {
    let err = |problem| Err(ValidationError::new(Field::Qq, problem));
    let qq: String = text
        .chars()
        .map(halfwidth)
        .filter(|c| !c.is_whitespace())
        .collect();
    if qq.is_empty() {
        return err(Problem::Empty);
    }
    if !qq.bytes().all(|b| b.is_ascii_digit()) {
        return err(Problem::QqNotDigits);
    }
    if qq.starts_with('0') {
        return err(Problem::QqLeadingZero);
    }
    if !(5..=11).contains(&qq.len()) {
        return err(Problem::QqLength { len: qq.len() });
    }
    Ok(qq)
}

/// Checks a WeChat ID: 6 to 20 characters, starting with a letter, then letters, digits, `_` or
/// `-`.
///
/// ```
/// use prescreen_core::validation::validate_wechat_id;
/// assert!(validate_wechat_id("li_lei-1990").is_ok());
/// assert!(validate_wechat_id("1lilei").is_err()); // starts with a digit
/// assert!(validate_wechat_id("李雷").is_err());    // a nickname, not an ID
/// ```
pub fn validate_wechat_id(text: &str) -> Result<String, ValidationError> {
    let err = |problem| Err(ValidationError::new(Field::WechatId, problem));
    let id = text.trim();
    if id.is_empty() {
        return err(Problem::Empty);
    }
    let bad: String = id
        .chars()
        .filter(|c| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
        .collect();
    if !id.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && bad.is_empty() {
        return err(Problem::WechatFirstChar);
    }
    if !bad.is_empty() {
        let mut seen = String::new();
        for c in bad.chars() {
            if !seen.contains(c) {
                seen.push(c);
            }
        }
        return err(Problem::WechatChars { chars: seen });
    }
    let len = id.chars().count();
    if !(6..=20).contains(&len) {
        return err(Problem::WechatLength { len });
    }
    Ok(id.to_owned())
}

/// Checks a mainland mobile number: 11 digits starting 13–19, with an optional `+86` or `86`
/// prefix, spaces and dashes. Returns the 11 digits.
///
/// ```
/// use prescreen_core::validation::validate_mobile;
/// assert_eq!(validate_mobile("+86 138-0013-8000").unwrap(), "13800138000");
/// assert_eq!(validate_mobile("8613800138000").unwrap(), "13800138000");
/// assert!(validate_mobile("12800138000").is_err());
/// ```
pub fn validate_mobile(text: &str) -> Result<String, ValidationError> {
    let err = |problem| Err(ValidationError::new(Field::Phone, problem));
    let squeezed = squeeze(text);
    if squeezed.is_empty() {
        return err(Problem::Empty);
    }
    let digits = squeezed.strip_prefix('+').unwrap_or(&squeezed);
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return err(Problem::PhoneChars);
    }
    let plus = squeezed.starts_with('+');
    let number = match digits.strip_prefix("86") {
        Some(rest) if plus || rest.len() == 11 => rest,
        _ if plus => return err(Problem::PhoneChars),
        _ => digits,
    };
    if number.len() != 11 {
        return err(Problem::PhoneLength { len: number.len() });
    }
    let second = number.as_bytes()[1];
    if !number.starts_with('1') || !(b'3'..=b'9').contains(&second) {
        return err(Problem::PhonePrefix {
            prefix: number[..2].to_owned(),
        });
    }
    Ok(number.to_owned())
}

/// A number to dial, as the user copied it from their notice (a mobile or a landline with its
/// area code), and the `tel:` URL for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialNumber {
    /// As the user wrote it, trimmed.
    pub display: String,
    /// `tel:+8613800138000` or `tel:0879-1234567` style (RFC 3966 visual separators kept as `-`).
    pub tel: String,
}

/// Checks a number copied from a notice: digits with an optional leading `+`, spaces, dashes and
/// brackets, at least 5 digits and at most 15. It is not looked up anywhere: the app never
/// invents or corrects a number.
///
/// ```
/// use prescreen_core::validation::validate_dial_number;
/// assert_eq!(validate_dial_number("0879 123 4567").unwrap().tel, "tel:0879-123-4567");
/// assert_eq!(validate_dial_number("+86 138 0013 8000").unwrap().tel, "tel:+86-138-0013-8000");
/// assert!(validate_dial_number("call 110").is_err());
/// ```
pub fn validate_dial_number(text: &str) -> Result<DialNumber, ValidationError> {
    let display = text.trim().to_owned();
    let folded: String = display.chars().map(halfwidth).collect();
    let bad = || {
        Err(ValidationError::new(
            Field::DialNumber,
            Problem::DialNumberBad {
                value: display.clone(),
            },
        ))
    };
    if display.is_empty() {
        return Err(ValidationError::new(Field::DialNumber, Problem::Empty));
    }
    let allowed = |c: char| c.is_ascii_digit() || " -()+".contains(c);
    let plus_ok = folded.find('+').is_none_or(|i| i == 0) && folded.matches('+').count() <= 1;
    let digit_count = folded.chars().filter(char::is_ascii_digit).count();
    if !folded.chars().all(allowed) || !plus_ok || !(5..=15).contains(&digit_count) {
        return bad();
    }
    let mut tel = String::from("tel:");
    if folded.starts_with('+') {
        tel.push('+');
    }
    let groups: Vec<String> = folded
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(str::to_owned)
        .collect();
    tel.push_str(&groups.join("-"));
    Ok(DialNumber { display, tel })
}

/// Checks a date written `YYYY-MM-DD` that must not be after `today` (when given).
///
/// ```
/// use jiff::civil::date;
/// use prescreen_core::validation::validate_date;
/// assert_eq!(validate_date("2019-09-03", None).unwrap(), date(2019, 9, 3));
/// assert!(validate_date("2019-02-30", None).is_err());
/// assert!(validate_date("2019-10-17", Some(date(2019, 10, 16))).is_err());
/// ```
pub fn validate_date(text: &str, today: Option<Date>) -> Result<Date, ValidationError> {
    let err = |problem| Err(ValidationError::new(Field::Date, problem));
    let text = text.trim();
    if text.is_empty() {
        return err(Problem::Empty);
    }
    let shaped = text.len() == 10
        && text.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shaped {
        return err(Problem::DateFormat {
            value: text.to_owned(),
        });
    }
    let Ok(date) = text.parse::<Date>() else {
        return err(Problem::DateInvalid {
            value: text.to_owned(),
        });
    };
    if today.is_some_and(|t| date > t) {
        return err(Problem::DateFuture {
            value: text.to_owned(),
        });
    }
    Ok(date)
}

/// Checks every filled-in field of a person; blank fields are fine. Returns all problems.
pub fn validate_person(person: &Person, today: Date) -> Vec<ValidationError> {
    fn filled(v: &Option<String>) -> Option<&str> {
        v.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
    let mut problems = Vec::new();
    if let Some(id) = filled(&person.id_number)
        && let Err(e) = validate_id_number(id, today)
    {
        problems.push(e);
    }
    if let Some(qq) = filled(&person.qq)
        && let Err(e) = validate_qq(qq)
    {
        problems.push(e);
    }
    if let Some(w) = filled(&person.wechat_id)
        && let Err(e) = validate_wechat_id(w)
    {
        problems.push(e);
    }
    if let Some(p) = filled(&person.phone)
        && let Err(e) = validate_mobile(p)
    {
        problems.push(e);
    }
    problems
}
