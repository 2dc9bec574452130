//! Reply periods in working days, and a calendar file for the day a reply is due.
//!
//! A working day in mainland China is a weekday that is not a public holiday, or a weekend day
//! the State Council has made a working day to make up for a bridge holiday (调休). Both come from
//! the State Council General Office's yearly notice, which `static/data/holidays.json` holds as
//! data, year by year, with the notice's address. A date in a year without a notice is an error
//! for [`Calendar::add_working_days`]: the next year's holidays are not known until its notice is
//! out. Late-December days also need the next year's notice, which sometimes moves them (New Year
//! bridges). [`Calendar::add_days_estimated`] counts such days Monday to Friday instead, and says
//! so, for texts that label the date an estimate.
//!
//! Reply periods come from the same file (`reply_periods`), each with its source; a request
//! whose recipient has no sourced period gets no computed deadline.
//!
//! ```
//! use jiff::civil::date;
//! use prescreen_core::data::Calendar;
//! let calendar = Calendar::from_json(include_str!("../../../../static/data/holidays.json")).unwrap();
//! // Monday 30 September 2019, then the National Day week off, then Saturday 12 October worked.
//! assert_eq!(calendar.add_working_days(date(2019, 9, 30), 5).unwrap(), date(2019, 10, 12));
//! ```

use std::collections::{BTreeMap, BTreeSet};

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::source::{Confidence, Localized, Source};

/// `holidays.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidaysFile {
    pub data_version: String,
    pub licence: String,
    /// One entry per year whose notice we hold.
    pub years: Vec<HolidayYear>,
    /// How long recipients take to answer, where a source says so.
    #[serde(default)]
    pub reply_periods: Vec<ReplyPeriod>,
}

/// The public holidays and make-up working days of one year, from its notice(s).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayYear {
    pub year: i16,
    /// The State Council General Office's notice, and any later change to it.
    pub notices: Vec<Source>,
    /// Every day the notice changes: `off` true for a day off, false for a weekend day worked.
    pub days: Vec<HolidayDay>,
}

/// One day a notice changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayDay {
    /// ISO date.
    pub date: String,
    /// True: a day off. False: a weekend day that is a working day (调休).
    pub off: bool,
    /// The holiday it belongs to, as the notice names it (`国庆节`).
    pub name: String,
}

/// How many working days a recipient takes to reply, and who says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyPeriod {
    pub id: String,
    /// The `channels.json` id of the recipient.
    pub channel: String,
    /// How many days, in `unit`s (working days unless the source counts calendar days).
    #[serde(alias = "days")]
    pub working_days: u32,
    /// What the days are: working days (the default) or calendar days (自然日, e.g. "三十日").
    #[serde(default, skip_serializing_if = "PeriodUnit::is_working")]
    pub unit: PeriodUnit,
    /// The script kinds (`pi-access`, `game-decouple` …) whose letters go to this recipient.
    pub applies_to: Vec<String>,
    /// What the period is, in three languages (whose promise it is, what it covers).
    pub text: Localized,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// What a reply period counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    /// Working days: weekdays that are not holidays, plus make-up working days (调休).
    #[default]
    Working,
    /// Calendar days (自然日): every day counts.
    Calendar,
}

impl PeriodUnit {
    pub fn is_working(&self) -> bool {
        *self == PeriodUnit::Working
    }
}

/// A due date, and whether it is an estimate: counted in part past the last year whose holiday
/// notice the data holds, where only Saturdays and Sundays are taken as days off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub due: Date,
    /// The first year without a notice that the count ran into; `None` when every day counted
    /// is covered by a notice.
    pub unknown_year: Option<i16>,
}

/// A date the calendar cannot answer for, or a data file that does not load.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DeadlineError {
    #[error(
        "no holiday notice for {year} in the data (covered: {covered}); count the working days by hand from the State Council General Office's notice for {year}"
    )]
    YearNotCovered { year: i16, covered: String },
    #[error("holidays.json: {0}; rebuild it with data/scripts-data/build_holidays.py")]
    Data(String),
    #[error("the deadline falls beyond the calendar's range; count it by hand")]
    Overflow,
}

/// What kind of day a date is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayKind {
    Working,
    Weekend,
    /// A public holiday, or a weekday given off to bridge one.
    Holiday(String),
    /// A weekend day worked to make up for a bridge holiday (调休).
    MakeUpWorkday(String),
}

impl DayKind {
    pub fn is_working(&self) -> bool {
        matches!(self, DayKind::Working | DayKind::MakeUpWorkday(_))
    }
}

/// The working-day calendar built from `holidays.json`.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    years: BTreeSet<i16>,
    days: BTreeMap<Date, (bool, String)>,
    reply_periods: Vec<ReplyPeriod>,
}

impl Calendar {
    /// Parses `holidays.json`.
    pub fn from_json(text: &str) -> Result<Calendar, DeadlineError> {
        let file: HolidaysFile =
            serde_json::from_str(text).map_err(|e| DeadlineError::Data(e.to_string()))?;
        Calendar::from_file(&file)
    }

    /// Builds the calendar, refusing a year without a notice source or a malformed date.
    pub fn from_file(file: &HolidaysFile) -> Result<Calendar, DeadlineError> {
        let mut calendar = Calendar::default();
        for year in &file.years {
            if year.notices.is_empty() {
                return Err(DeadlineError::Data(format!(
                    "year {} has no notice; add its source",
                    year.year
                )));
            }
            calendar.years.insert(year.year);
            for day in &year.days {
                let date: Date = day
                    .date
                    .parse()
                    .map_err(|_| DeadlineError::Data(format!("bad date {:?}", day.date)))?;
                calendar.days.insert(date, (day.off, day.name.clone()));
            }
        }
        calendar.reply_periods = file.reply_periods.clone();
        Ok(calendar)
    }

    /// The years whose notices the data holds.
    pub fn years(&self) -> impl Iterator<Item = i16> + '_ {
        self.years.iter().copied()
    }

    /// The sourced reply periods.
    pub fn reply_periods(&self) -> &[ReplyPeriod] {
        &self.reply_periods
    }

    /// The reply period for letters of this script kind, if a source gives one.
    pub fn reply_period_for(&self, kind: &str) -> Option<&ReplyPeriod> {
        self.reply_periods
            .iter()
            .find(|p| p.applies_to.iter().any(|k| k == kind))
    }

    fn check_covered(&self, date: Date) -> Result<(), DeadlineError> {
        let year = date.year();
        // A notice can move days at the end of the previous year (New Year bridges).
        let needs_next = date.month() == 12 && date.day() >= 20;
        for y in [Some(year), needs_next.then_some(year + 1)]
            .into_iter()
            .flatten()
        {
            if !self.years.contains(&y) {
                return Err(DeadlineError::YearNotCovered {
                    year: y,
                    covered: self.covered_text(),
                });
            }
        }
        Ok(())
    }

    fn covered_text(&self) -> String {
        match (self.years.first(), self.years.last()) {
            (Some(a), Some(b)) if self.years.len() as i64 == i64::from(b - a) + 1 => {
                format!("{a}–{b}")
            }
            _ => self
                .years
                .iter()
                .map(i16::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// What kind of day `date` is; an error for a year without a notice.
    pub fn day(&self, date: Date) -> Result<DayKind, DeadlineError> {
        self.check_covered(date)?;
        let weekend = matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday);
        Ok(match self.days.get(&date) {
            Some((true, name)) => DayKind::Holiday(name.clone()),
            Some((false, name)) if weekend => DayKind::MakeUpWorkday(name.clone()),
            _ if weekend => DayKind::Weekend,
            _ => DayKind::Working,
        })
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: Date) -> Result<bool, DeadlineError> {
        Ok(self.day(date)?.is_working())
    }

    /// The date `n` working days after `date` (the start day itself does not count; `n = 0`
    /// returns `date`). Every day passed must be in a covered year.
    ///
    /// ```
    /// use jiff::civil::date;
    /// use prescreen_core::data::Calendar;
    /// let calendar = Calendar::from_json(include_str!("../../../../static/data/holidays.json")).unwrap();
    /// // Friday → the next Monday.
    /// assert_eq!(calendar.add_working_days(date(2019, 10, 18), 1).unwrap(), date(2019, 10, 21));
    /// // 2027 has no notice yet: an error, not a guess.
    /// assert!(calendar.add_working_days(date(2027, 3, 1), 1).is_err());
    /// ```
    pub fn add_working_days(&self, date: Date, n: u32) -> Result<Date, DeadlineError> {
        let counted = self.count(date, n, PeriodUnit::Working, false)?;
        Ok(counted.due)
    }

    /// `n` days of `unit` after `date`, as [`Calendar::add_working_days`], except that days past
    /// the last year with a notice are counted as plain Monday-to-Friday working days and the
    /// result says so (`unknown_year`): an estimate the text must label, never invented holidays.
    /// Years before the first notice are still an error.
    ///
    /// ```
    /// use jiff::civil::date;
    /// use prescreen_core::data::{Calendar, PeriodUnit};
    /// let calendar = Calendar::from_json(include_str!("../../../../static/data/holidays.json")).unwrap();
    /// let c = calendar.add_days_estimated(date(2027, 3, 1), 1, PeriodUnit::Working).unwrap();
    /// assert_eq!((c.due, c.unknown_year), (date(2027, 3, 2), Some(2027)));
    /// ```
    pub fn add_days_estimated(
        &self,
        date: Date,
        n: u32,
        unit: PeriodUnit,
    ) -> Result<Counted, DeadlineError> {
        self.count(date, n, unit, true)
    }

    fn count(
        &self,
        date: Date,
        n: u32,
        unit: PeriodUnit,
        estimate: bool,
    ) -> Result<Counted, DeadlineError> {
        if unit == PeriodUnit::Calendar {
            let due = date
                .checked_add(i64::from(n).days())
                .map_err(|_| DeadlineError::Overflow)?;
            return Ok(Counted {
                due,
                unknown_year: None,
            });
        }
        let last = self.years.last().copied();
        let mut unknown_year = None;
        let mut day = date;
        let mut left = n;
        while left > 0 {
            day = day
                .checked_add(1.day())
                .map_err(|_| DeadlineError::Overflow)?;
            let working = match self.day(day) {
                Ok(kind) => kind.is_working(),
                Err(DeadlineError::YearNotCovered { year, .. })
                    if estimate && last.is_some_and(|l| year > l) =>
                {
                    unknown_year.get_or_insert(year);
                    // A covered day keeps its notice's kind; the rest is Monday to Friday.
                    match self.days.get(&day) {
                        Some((off, _)) if self.years.contains(&day.year()) => !off,
                        _ => !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday),
                    }
                }
                Err(e) => return Err(e),
            };
            if working {
                left -= 1;
            }
        }
        Ok(Counted {
            due: day,
            unknown_year,
        })
    }
}
