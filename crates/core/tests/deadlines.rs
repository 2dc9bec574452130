//! Working days across Chinese public holidays and make-up working days (调休), the years the
//! data covers, and the calendar file.

use jiff::civil::date;
use prescreen_core::data::{Calendar, DayKind, DeadlineError, HolidaysFile};
use prescreen_core::letters::{AllDayEvent, ics};

const HOLIDAYS: &str = include_str!("../../../static/data/holidays.json");

fn calendar() -> Calendar {
    Calendar::from_json(HOLIDAYS).unwrap()
}

#[test]
fn national_day_2019_with_its_make_up_saturday() {
    let c = calendar();
    // Mon 30 Sep, then 1–7 Oct off; Tue 8 … Fri 11 are 4 working days; Sat 12 Oct was worked.
    assert_eq!(
        c.add_working_days(date(2019, 9, 30), 5).unwrap(),
        date(2019, 10, 12)
    );
    assert_eq!(
        c.add_working_days(date(2019, 9, 30), 4).unwrap(),
        date(2019, 10, 11)
    );
    assert_eq!(
        c.add_working_days(date(2019, 9, 30), 6).unwrap(),
        date(2019, 10, 14)
    );
    // Sun 29 Sep 2019 was a working day too.
    assert_eq!(
        c.add_working_days(date(2019, 9, 28), 1).unwrap(),
        date(2019, 9, 29)
    );
    assert_eq!(
        c.day(date(2019, 10, 12)).unwrap(),
        DayKind::MakeUpWorkday("国庆节".into())
    );
    assert_eq!(
        c.day(date(2019, 10, 3)).unwrap(),
        DayKind::Holiday("国庆节".into())
    );
    assert_eq!(c.day(date(2019, 10, 13)).unwrap(), DayKind::Weekend);
    assert_eq!(c.day(date(2019, 10, 16)).unwrap(), DayKind::Working);
}

#[test]
fn fifteen_working_days_from_the_2019_case() {
    // Letters written on Wed 2019-10-16: no holiday in between.
    assert_eq!(
        calendar().add_working_days(date(2019, 10, 16), 15).unwrap(),
        date(2019, 11, 6)
    );
}

#[test]
fn the_extended_2020_spring_festival_and_the_2025_one() {
    let c = calendar();
    // 2020: the holiday was extended to 2 Feb, so Sat 1 Feb was no longer worked.
    assert_eq!(
        c.day(date(2020, 2, 1)).unwrap(),
        DayKind::Holiday("春节".into())
    );
    assert_eq!(
        c.add_working_days(date(2020, 1, 23), 1).unwrap(),
        date(2020, 2, 3)
    );
    // 2025: Sun 26 Jan worked, 28 Jan–4 Feb off, Sat 8 Feb worked.
    assert_eq!(
        c.add_working_days(date(2025, 1, 24), 1).unwrap(),
        date(2025, 1, 26)
    );
    assert_eq!(
        c.add_working_days(date(2025, 1, 27), 1).unwrap(),
        date(2025, 2, 5)
    );
}

#[test]
fn new_year_bridges_reach_into_the_previous_december() {
    let c = calendar();
    // The 2019 notice made Mon 31 Dec 2018 a day off, but 2018 has no notice: an error.
    assert!(matches!(
        c.day(date(2018, 12, 31)),
        Err(DeadlineError::YearNotCovered { year: 2018, .. })
    ));
    // The 2023 notice made Sat 31 Dec 2022 part of the New Year holiday.
    assert_eq!(
        c.day(date(2022, 12, 31)).unwrap(),
        DayKind::Holiday("元旦".into())
    );
}

#[test]
fn a_year_without_a_notice_is_an_error_not_a_guess() {
    let c = calendar();
    let years: Vec<i16> = c.years().collect();
    assert_eq!(years, (2019..=2026).collect::<Vec<_>>());
    let err = c.add_working_days(date(2026, 12, 18), 15).unwrap_err();
    // Late December needs the next year's notice (New Year bridges).
    assert!(
        matches!(err, DeadlineError::YearNotCovered { year: 2027, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("count the working days by hand"));
    assert!(c.add_working_days(date(2026, 12, 1), 5).is_ok());
}

#[test]
fn every_year_names_its_notice_and_every_day_is_on_the_right_side_of_the_week() {
    let file: HolidaysFile = serde_json::from_str(HOLIDAYS).unwrap();
    for y in &file.years {
        assert!(!y.notices.is_empty(), "{}", y.year);
        for n in &y.notices {
            assert!(
                n.url.starts_with("http://www.gov.cn/") || n.url.starts_with("https://www.gov.cn/"),
                "{}",
                n.url
            );
        }
        for d in &y.days {
            let day: jiff::civil::Date = d.date.parse().unwrap();
            let weekend = matches!(
                day.weekday(),
                jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
            );
            // A make-up working day is a weekend day (one transcription lists a Monday as worked,
            // which is harmless: it is a working day anyway).
            if !d.off && !weekend {
                assert_eq!(d.date, "2020-02-03", "unexpected weekday marked as worked");
            }
        }
    }
    for p in &file.reply_periods {
        assert!(
            !p.sources.is_empty(),
            "{}: a reply period needs a source",
            p.id
        );
        assert!(p.working_days > 0);
    }
}

#[test]
fn the_ics_file_follows_rfc_5545() {
    let event = AllDayEvent {
        date: date(2019, 11, 6),
        summary: "腾讯数据隐私保护部（个人信息请求）答复期限（15个工作日）".into(),
        description: "个人信息查阅、复制及自动化决策说明请求（QQ号：123456789；微信号：liu_xm-1990）。发出日期：2019-10-16。腾讯隐私指引承诺：“在15个工作日或法律法规规定的期限内予以反馈”, a; b\\c".into(),
        made_on: date(2019, 10, 16),
    };
    let text = ics(&event);
    // CRLF everywhere, no bare LF.
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    let physical: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    for line in &physical {
        assert!(line.len() <= 75, "line over 75 octets: {line:?}");
    }
    // Unfold and check the structure.
    let unfolded = text.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.first(), Some(&"BEGIN:VCALENDAR"));
    assert_eq!(lines.last(), Some(&"END:VCALENDAR"));
    for required in [
        "VERSION:2.0",
        "BEGIN:VEVENT",
        "END:VEVENT",
        "DTSTART;VALUE=DATE:20191106",
        "DTEND;VALUE=DATE:20191107",
        "DTSTAMP:20191016T000000Z",
    ] {
        assert!(lines.contains(&required), "missing {required}");
    }
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    let uid = lines.iter().find(|l| l.starts_with("UID:")).unwrap();
    assert!(uid.ends_with("-20191106@prescreen.invalid"));
    let description = lines
        .iter()
        .find(|l| l.starts_with("DESCRIPTION:"))
        .unwrap();
    assert!(description.ends_with("\\, a\\; b\\\\c"), "{description}");
    // Deterministic: the same content gives the same file; other content another UID.
    assert_eq!(ics(&event), text);
    let other = ics(&AllDayEvent {
        date: date(2019, 11, 7),
        ..event.clone()
    });
    let other_uid = other.replace("\r\n ", "");
    assert!(!other_uid.contains(uid));
}

#[test]
fn folding_never_splits_a_character() {
    let event = AllDayEvent {
        date: date(2024, 3, 29),
        summary: "答".repeat(100),
        description: String::new(),
        made_on: date(2024, 3, 8),
    };
    let text = ics(&event);
    // RFC 5545 §3.1: at most 75 octets a line, continuation lines start with one space. A fold
    // inside a character would leave a broken byte sequence (U+FFFD once decoded) or cut the
    // summary short: every summary line must hold whole 答 only and be as full as 75 octets allow.
    let summary: Vec<&str> = text
        .split("\r\n")
        .skip_while(|l| !l.starts_with("SUMMARY:"))
        .take_while(|l| l.starts_with("SUMMARY:") || l.starts_with(' '))
        .collect();
    assert!(!text.contains('\u{FFFD}'), "{text}");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let body = |l: &str| {
        l.strip_prefix("SUMMARY:")
            .or_else(|| l.strip_prefix(' '))
            .map(str::to_owned)
    };
    for (i, line) in summary.iter().enumerate() {
        let rest = body(line).unwrap_or_default();
        assert!(rest.chars().all(|c| c == '答'), "line {i}: {line:?}");
        if i + 1 < summary.len() {
            // A 3-octet character that did not fit is the only reason to fold early.
            assert!(
                line.len() > 72,
                "line {i} folded early at {} octets",
                line.len()
            );
        }
    }
    let unfolded: String = summary.iter().filter_map(|l| body(l)).collect();
    assert_eq!(unfolded, "答".repeat(100));
}

#[test]
fn past_the_last_notice_working_days_are_an_estimate_said_as_such() {
    use prescreen_core::data::PeriodUnit;
    let c = calendar();
    // Mon 2026-12-28 + 15: Tue 29 … Thu 31 (3), then 2027 counted Monday to Friday (no notice
    // yet, so 1 January is not known as a holiday): Fri 1 (4), 4–8 (9), 11–15 (14), Mon 18 (15).
    let counted = c
        .add_days_estimated(date(2026, 12, 28), 15, PeriodUnit::Working)
        .unwrap();
    assert_eq!(counted.due, date(2027, 1, 18));
    assert_eq!(counted.unknown_year, Some(2027));
    // The strict count still refuses: nothing silently becomes a fact.
    assert!(c.add_working_days(date(2026, 12, 28), 15).is_err());
    // A June 2026 count is covered by the 2026 notice: no estimate, and the same date as before.
    let june = c
        .add_days_estimated(date(2026, 6, 1), 15, PeriodUnit::Working)
        .unwrap();
    assert_eq!(june.unknown_year, None);
    assert_eq!(june.due, c.add_working_days(date(2026, 6, 1), 15).unwrap());
    // Before the first notice there is nothing to estimate from.
    assert!(
        c.add_days_estimated(date(2018, 6, 1), 5, PeriodUnit::Working)
            .is_err()
    );
}

#[test]
fn a_calendar_day_period_counts_holidays_too() {
    use prescreen_core::data::PeriodUnit;
    let c = calendar();
    // 30 calendar days from Mon 2019-09-30 run through the National Day week: 2019-10-30, where
    // 30 working days would end in mid-November.
    let counted = c
        .add_days_estimated(date(2019, 9, 30), 30, PeriodUnit::Calendar)
        .unwrap();
    assert_eq!(counted.due, date(2019, 10, 30));
    assert_eq!(counted.unknown_year, None);
    assert!(c.add_working_days(date(2019, 9, 30), 30).unwrap() > date(2019, 11, 8));
    // `unit` is optional in the data and defaults to working days.
    let period: prescreen_core::data::ReplyPeriod = serde_json::from_str(
        r#"{"id":"x","channel":"tencent-privacy","working_days":15,"applies_to":[],
            "text":{"zh-CN":"a","zh-TW":"a","en":"a"},"confidence":"single","sources":[]}"#,
    )
    .unwrap();
    assert_eq!(period.unit, PeriodUnit::Working);
    let period: prescreen_core::data::ReplyPeriod = serde_json::from_str(
        r#"{"id":"x","channel":"police-local","days":30,"unit":"calendar","applies_to":[],
            "text":{"zh-CN":"a","zh-TW":"a","en":"a"},"confidence":"official","sources":[]}"#,
    )
    .unwrap();
    assert_eq!(
        (period.working_days, period.unit),
        (30, PeriodUnit::Calendar)
    );
}
