//! A calendar file (iCalendar) for the day a reply is due; the working-day calendar itself is
//! [`crate::data::Calendar`], built from `holidays.json`.

use jiff::ToSpan;
use jiff::civil::Date;

/// One all-day event for a calendar app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllDayEvent {
    pub date: Date,
    pub summary: String,
    pub description: String,
    /// The day the event was made (the letter's date), used for DTSTAMP: no clock is read.
    pub made_on: Date,
}

/// An iCalendar file (RFC 5545) with one all-day event: CRLF line endings, lines folded at 75
/// octets without splitting a character, text escaped, and a UID derived from the content so the
/// same deadline always gets the same UID (no clock, no random numbers).
///
/// ```
/// use jiff::civil::date;
/// use prescreen_core::letters::{AllDayEvent, ics};
/// let text = ics(&AllDayEvent {
///     date: date(2019, 11, 6),
///     summary: "Reply due".into(),
///     description: "a; b, c".into(),
///     made_on: date(2019, 10, 16),
/// });
/// assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
/// assert!(text.contains("DTSTART;VALUE=DATE:20191106\r\n"));
/// assert!(text.contains("DESCRIPTION:a\\; b\\, c\r\n"));
/// assert!(text.ends_with("END:VCALENDAR\r\n"));
/// ```
pub fn ics(event: &AllDayEvent) -> String {
    ics_events(std::slice::from_ref(event))
}

/// An iCalendar file with one all-day event per entry, in the order given (the follow-up
/// letter's reminders); [`ics`] is the one-event case.
///
/// ```
/// use jiff::civil::date;
/// use prescreen_core::letters::{AllDayEvent, ics_events};
/// let event = |d, s: &str| AllDayEvent { date: d, summary: s.into(), description: String::new(), made_on: date(2026, 11, 2) };
/// let text = ics_events(&[event(date(2026, 11, 17), "a"), event(date(2026, 12, 2), "b")]);
/// assert_eq!(text.matches("BEGIN:VEVENT\r\n").count(), 2);
/// assert_eq!(text.matches("BEGIN:VCALENDAR\r\n").count(), 1);
/// ```
pub fn ics_events(events: &[AllDayEvent]) -> String {
    let compact = |d: Date| format!("{:04}{:02}{:02}", d.year(), d.month(), d.day());
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Appeal Pre-Screener//prescreen-core//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    for event in events {
        let end = event.date.checked_add(1.day()).unwrap_or(event.date);
        let body = [
            format!("DTSTART;VALUE=DATE:{}", compact(event.date)),
            format!("DTEND;VALUE=DATE:{}", compact(end)),
            format!("SUMMARY:{}", escape_text(&event.summary)),
            format!("DESCRIPTION:{}", escape_text(&event.description)),
            "TRANSP:TRANSPARENT".to_owned(),
        ];
        let uid = format!(
            "{:016x}-{}@prescreen.invalid",
            fnv1a(body.join("\n").as_bytes()),
            compact(event.date)
        );
        lines.push("BEGIN:VEVENT".to_owned());
        lines.push(format!("UID:{uid}"));
        lines.push(format!("DTSTAMP:{}T000000Z", compact(event.made_on)));
        lines.extend(body);
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    let mut out = String::new();
    for line in lines {
        fold_into(&line, &mut out);
    }
    out
}

/// RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// RFC 5545 §3.1: lines longer than 75 octets are split, each continuation starting with a space;
/// a multi-byte character is never split.
fn fold_into(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// 64-bit FNV-1a: a stable, dependency-free hash for the UID.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
