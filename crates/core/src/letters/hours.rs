//! "Open now, until 12:00" or "opens at Monday 08:00": a channel's published hours against a
//! `now` the caller passes in (China time; the domain reads no clock).

use jiff::ToSpan;
use jiff::civil::{DateTime, Time, Weekday};

use crate::data::Hours;

/// Where `now` falls in a channel's hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoursStatus {
    /// Inside a range that ends at `until` today.
    OpenNow { until: DateTime },
    /// Outside the hours; the next range starts at `at`.
    OpensAt { at: DateTime },
}

/// The weekday of a data id (`mon` … `sun`).
pub fn weekday_of(id: &str) -> Option<Weekday> {
    Some(match id {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// The data id of a weekday.
pub fn weekday_id(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "mon",
        Weekday::Tuesday => "tue",
        Weekday::Wednesday => "wed",
        Weekday::Thursday => "thu",
        Weekday::Friday => "fri",
        Weekday::Saturday => "sat",
        Weekday::Sunday => "sun",
    }
}

/// `HH:MM` as a time; `24:00` is the last instant of the day.
pub fn parse_hhmm(text: &str) -> Option<Time> {
    let (h, m) = text.split_once(':')?;
    let h: i8 = h.parse().ok()?;
    let m: i8 = m.parse().ok()?;
    if h == 24 && m == 0 {
        return Some(Time::MAX);
    }
    Time::new(h, m, 0, 0).ok()
}

/// Where `now` (China time) falls in `hours`; `None` when the hours name no usable day or range.
///
/// ```
/// use jiff::civil::date;
/// use prescreen_core::data::Hours;
/// use prescreen_core::letters::hours::{HoursStatus, status};
/// let hours: Hours = serde_json::from_str(r#"{"days":["mon","tue","wed","thu","fri"],
///   "ranges":[{"from":"08:00","to":"12:00"},{"from":"14:00","to":"18:00"}],
///   "tz":"Asia/Shanghai","confidence":"single","sources":[]}"#).unwrap();
/// // Wednesday 09:30: open until 12:00.
/// let now = date(2019, 10, 16).at(9, 30, 0, 0);
/// assert_eq!(status(&hours, now), Some(HoursStatus::OpenNow { until: date(2019, 10, 16).at(12, 0, 0, 0) }));
/// // Friday 18:00 (the end is exclusive): opens Monday 08:00.
/// let now = date(2019, 10, 18).at(18, 0, 0, 0);
/// assert_eq!(status(&hours, now), Some(HoursStatus::OpensAt { at: date(2019, 10, 21).at(8, 0, 0, 0) }));
/// ```
pub fn status(hours: &Hours, now: DateTime) -> Option<HoursStatus> {
    let days: Vec<Weekday> = hours.days.iter().filter_map(|d| weekday_of(d)).collect();
    let mut ranges: Vec<(Time, Time)> = hours
        .ranges
        .iter()
        .filter_map(|r| Some((parse_hhmm(&r.from)?, parse_hhmm(&r.to)?)))
        .filter(|(a, b)| a < b)
        .collect();
    ranges.sort();
    if days.is_empty() || ranges.is_empty() {
        return None;
    }
    for offset in 0..8 {
        let date = now.date().checked_add(offset.days()).ok()?;
        if !days.contains(&date.weekday()) {
            continue;
        }
        for (from, to) in &ranges {
            let start = date.to_datetime(*from);
            let end = date.to_datetime(*to);
            if start <= now && now < end {
                return Some(HoursStatus::OpenNow { until: end });
            }
            if start > now {
                return Some(HoursStatus::OpensAt { at: start });
            }
        }
    }
    None
}
