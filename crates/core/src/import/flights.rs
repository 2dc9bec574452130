//! A flight list (航旅纵横 and the like) → a stay in each arrival city, from the landing until the
//! next flight out of it.
//!
//! ## The layout read
//!
//! 航旅纵横 shows past trips in the app (我的 → 行程 / 飞行足迹) and has no documented export;
//! the columns below are those a public importer reads from a 航旅纵横 spreadsheet saved as CSV
//! (`日期, 航空公司, 航班号, 出发城市, 出发时间, 到达城市, 到达时间, 里程数, 客票号, 客票状态`;
//! confidence **weak**, see /work/shared/facts/today.md and data/research/chinese-exports.md).
//! So this importer reads a **documented CSV layout** rather than one app's file, and says so in
//! the app and in `prescreen import --help`:
//!
//! - a header row with `航班号` (or `flight`), `到达城市` (or `arrival city`), and a date: `日期` /
//!   `date` (with `出发时间` / `到达时间` as `HH:MM`), or full `出发时间` / `到达时间`
//!   (`2019-09-03 14:05`);
//! - optionally `出发城市` (`departure city`) and `客票状态` (`status`: rows saying 退票 / 已退 /
//!   refunded / cancelled are skipped);
//! - an arrival earlier than the departure on the same date is read as the next day ("+1").
//!
//! ## What is derived
//!
//! Each flight gives a day at the departure city (the departure) and a stay at the arrival city
//! from the landing until the next flight's departure **when that flight leaves from the same
//! city**; otherwise only the day of landing (the list does not say how the person left). All
//! flights are held until the end (they must be sorted; a person flies hundreds of times at
//! most, and at most [`MAX_FLIGHTS`] are read). Flight numbers and ticket numbers are not kept.

use super::ImportError;
use super::csv::{RowSource, china_time};
use super::names::{Match, Matcher};
use super::stays::Collector;

/// Most flights read from one list.
pub const MAX_FLIGHTS: usize = 20_000;

const FORMAT: &str = "flight list";

/// Where the columns are.
pub(crate) struct Columns {
    date: Option<usize>,
    flight: usize,
    from_city: Option<usize>,
    departs: Option<usize>,
    to_city: usize,
    arrives: Option<usize>,
    status: Option<usize>,
}

/// The flight list a header row starts, if it is one.
pub(crate) fn header(cells: &[String]) -> Option<Columns> {
    let at = |names: &[&str]| {
        cells
            .iter()
            .position(|c| names.iter().any(|n| c.eq_ignore_ascii_case(n)))
    };
    let flight = at(&["航班号", "航班", "flight", "flight number"])?;
    let to_city = at(&["到达城市", "到达", "arrival city", "to"])?;
    let cols = Columns {
        date: at(&["日期", "出发日期", "乘机日期", "date"]),
        flight,
        from_city: at(&["出发城市", "出发", "departure city", "from"]),
        departs: at(&["出发时间", "起飞时间", "departure time", "departs"]),
        to_city,
        arrives: at(&["到达时间", "降落时间", "arrival time", "arrives"]),
        status: at(&["客票状态", "状态", "status"]),
    };
    (cols.date.is_some() || cols.departs.is_some()).then_some(cols)
}

struct Flight {
    departs: i64,
    arrives: i64,
    from: Option<Match>,
    to: Match,
}

/// Reads the flights after the header into `sink`; returns how many flights were read.
pub(crate) fn rows(
    rows: &mut dyn RowSource,
    cols: &Columns,
    matcher: &mut Matcher<'_>,
    sink: &mut Collector,
) -> Result<u64, ImportError> {
    let needed = [
        cols.date,
        Some(cols.flight),
        cols.from_city,
        cols.departs,
        Some(cols.to_city),
        cols.arrives,
        cols.status,
    ]
    .into_iter()
    .flatten()
    .max()
    .unwrap_or(0)
        + 1;
    let mut flights: Vec<Flight> = Vec::new();
    while let Some(cells) = rows.next_row()? {
        if cells.iter().filter(|c| !c.is_empty()).count() <= 1 {
            continue;
        }
        let row = rows.line_no();
        if cells.len() < needed {
            return Err(bad(format!(
                "row {row} has {} cells, the header has at least {needed}",
                cells.len()
            )));
        }
        let status = cols.status.map_or("", |s| cells[s].as_str()).to_lowercase();
        if ["退票", "已退", "取消", "refund", "cancel"]
            .iter()
            .any(|w| status.contains(w))
        {
            continue;
        }
        let cell = |i: Option<usize>| i.map_or("", |i| cells[i].as_str());
        let departs = when(cell(cols.date), cell(cols.departs)).ok_or_else(|| {
            bad(format!(
                "row {row}: no date and departure time can be read from {:?} {:?}; write dates like 2019-09-03 and times like 14:05",
                cell(cols.date),
                cell(cols.departs)
            ))
        })?;
        let mut arrives = match cols.arrives {
            Some(_) => when(cell(cols.date), cell(cols.arrives)).ok_or_else(|| {
                bad(format!(
                    "row {row}: the arrival time {:?} cannot be read; write it like 16:40 or 2019-09-03 16:40",
                    cell(cols.arrives)
                ))
            })?,
            None => departs,
        };
        // "+1", or a landing before the take-off: the next day.
        if cell(cols.arrives).contains("+1") || arrives < departs {
            arrives += 86_400;
        }
        if flights.len() >= MAX_FLIGHTS {
            return Err(bad(format!(
                "it lists more than {MAX_FLIGHTS} flights; split it into several files"
            )));
        }
        flights.push(Flight {
            departs,
            arrives,
            from: cols.from_city.map(|i| matcher.city(&cells[i])),
            to: matcher.city(&cells[cols.to_city]),
        });
    }
    flights.sort_by_key(|f| f.departs);
    for (i, flight) in flights.iter().enumerate() {
        if let Some(from) = &flight.from {
            put(sink, from, flight.departs, flight.departs);
        }
        let next = flights.get(i + 1);
        let until = match next {
            Some(next)
                if next.from.as_ref() == Some(&flight.to) && next.departs > flight.arrives =>
            {
                next.departs
            }
            _ => flight.arrives,
        };
        put(sink, &flight.to, flight.arrives, until);
    }
    Ok(flights.len() as u64)
}

fn put(sink: &mut Collector, place: &Match, start: i64, end: i64) {
    match place {
        Match::One(lat, lon, _) => sink.interval(*lat, *lon, start, end),
        // One question per day of the stay would be too many: the landing day and the last day.
        Match::Ambiguous(candidates) => {
            sink.unsure(candidates.clone(), start);
            if end > start {
                sink.unsure(candidates.clone(), end);
            }
        }
        // A city cell is the whole name of a city (`Matcher::city` never gives a leading word).
        Match::None | Match::Leading(..) => sink.skipped += 1,
    }
}

/// A date and a time (`2019-09-03`, `14:05`), or a full date-time in the time cell.
fn when(date: &str, time: &str) -> Option<i64> {
    let time = time.replace("+1", "");
    let time = time.trim();
    if time.contains(['-', '/']) {
        return china_time(time);
    }
    if time.is_empty() {
        return china_time(date);
    }
    china_time(&format!("{} {time}", date.trim()))
}

fn bad(detail: String) -> ImportError {
    ImportError::Malformed {
        format: FORMAT,
        detail,
    }
}
