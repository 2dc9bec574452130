//! Points → stays: which place, on which days.
//!
//! Every parser hands its observations (a WGS-84 point seen at one instant, or over an interval
//! such as a Timeline visit) to a collector. The collector never keeps the points: it snaps
//! each one to a **place** (the first point seen there, and every later point within
//! [`JOIN_KM`] of it) and counts, per place, the points on each **day** (in China time). Memory
//! therefore grows with the number of distinct places × days, not with the size of the file, and
//! the order of the points does not matter (photos in a zip come in any order).
//!
//! At the end, each place's days are cut into runs of consecutive days: one run is one proposed
//! stay (`from` = first day, `to` = last day). A day without any point breaks the run, so a stay is
//! never claimed for days the file says nothing about. Stays within [`NEAR_KM`] of a region of any
//! event come first, the rest by date; at most `max_stays` are returned and the report says how
//! many were dropped.

use std::collections::BTreeMap;

use geo::BoundingRect;
use serde::Serialize;

use crate::case::StayInput;
use crate::data::DataSet;

/// Points within this distance of a place's first point belong to that place.
pub const JOIN_KM: f64 = 2.0;
/// A stay within this distance of a region of an event is proposed first.
pub const NEAR_KM: f64 = 50.0;

/// Seconds east of UTC of China Standard Time. A fixed offset, not a time-zone database: the
/// People's Republic has kept UTC+8 all year since it dropped daylight saving time in 1991, and
/// leaving the database out keeps the app small (jiff is built without one).
pub const CHINA_OFFSET_SECONDS: i64 = 8 * 3600;

/// 1990-01-01T00:00:00Z and 2100-01-01T00:00:00Z: a point outside is a clock error and is skipped.
const EARLIEST: i64 = 631_152_000;
const LATEST: i64 = 4_102_444_800;
/// An interval (a Timeline visit) longer than this is kept as its first and last day only.
const MAX_SPAN_DAYS: i64 = 62;
/// Size of a grid cell in degrees (about 2.2 km of latitude).
const CELL_DEG: f64 = 0.02;

/// The day number (days since 1970-01-01) of an instant, in China time (UTC+8).
pub fn china_day(unix_seconds: i64) -> i64 {
    (unix_seconds + CHINA_OFFSET_SECONDS).div_euclid(86_400)
}

/// The ISO date of a day number.
pub fn day_to_iso(day: i64) -> String {
    match jiff::Timestamp::from_second(day.saturating_mul(86_400)) {
        Ok(t) => jiff::tz::Offset::UTC.to_datetime(t).date().to_string(),
        // Unreachable for days made by `china_day` from checked instants.
        Err(_) => String::from("1970-01-01"),
    }
}

#[derive(Debug, Clone, Copy)]
struct DayMark {
    day: i32,
    source: u32,
    points: u32,
}

#[derive(Debug, Clone)]
struct Place {
    lat: f64,
    lon: f64,
    sum_lat: f64,
    sum_lon: f64,
    n: u64,
    days: Vec<DayMark>,
}

/// Days at a place that a name could not pin down: the candidates, for the person to choose.
#[derive(Debug, Clone)]
struct Unsure {
    candidates: Vec<String>,
    days: Vec<DayMark>,
    /// For a name that only *starts* with a place of several meanings ("勐拉超市"): where each
    /// candidate is. Such a question is kept only when one of them lies within [`NEAR_KM`] of a
    /// region of an event (see [`Collector::unsure_leading`]); `None` for a name that is wholly
    /// such a place, always asked.
    near_check: Option<Vec<(f64, f64)>>,
}

/// Most distinct ambiguous names kept from one import (each is a question for the person).
const MAX_UNSURE: usize = 200;

/// Gathers observations into places and days; see the module documentation.
#[derive(Debug, Clone)]
pub(crate) struct Collector {
    places: Vec<Place>,
    unsure: Vec<Unsure>,
    grid: BTreeMap<(i32, i32), Vec<u32>>,
    last: Option<u32>,
    source: u32,
    max_places: usize,
    /// Observations kept.
    pub points: u64,
    /// Observations with impossible coordinates or dates.
    pub skipped: u64,
    /// Observations dropped because there were already `max_places` places.
    pub dropped: u64,
}

impl Collector {
    pub fn new(max_places: usize) -> Collector {
        Collector {
            places: Vec::new(),
            unsure: Vec::new(),
            grid: BTreeMap::new(),
            last: None,
            source: 0,
            max_places,
            points: 0,
            skipped: 0,
            dropped: 0,
        }
    }

    /// The source (file, or entry of a zip) the next observations come from.
    pub fn set_source(&mut self, source: u32) {
        self.source = source;
    }

    /// Records one point seen at one instant (seconds since the Unix epoch).
    pub fn point(&mut self, lat: f64, lon: f64, at: i64) {
        self.interval(lat, lon, at, at);
    }

    /// Records one point seen from `start` to `end`.
    pub fn interval(&mut self, lat: f64, lon: f64, start: i64, end: i64) {
        if !valid_coordinates(lat, lon) || !(EARLIEST..LATEST).contains(&start) {
            self.skipped += 1;
            return;
        }
        let end = if (start..LATEST).contains(&end) {
            end
        } else {
            start
        };
        let Some(place) = self.place_for(lat, lon) else {
            self.dropped += 1;
            return;
        };
        self.points += 1;
        let (first, last) = (china_day(start), china_day(end));
        let days: Vec<i64> = if last - first > MAX_SPAN_DAYS {
            vec![first, last]
        } else {
            (first..=last).collect()
        };
        let source = self.source;
        let p = &mut self.places[place as usize];
        p.sum_lat += lat;
        p.sum_lon += lon;
        p.n += 1;
        for (i, day) in days.into_iter().enumerate() {
            // `EARLIEST..LATEST` keeps every day well inside `i32`.
            let day = day as i32;
            let points = u32::from(i == 0);
            match p.days.last_mut() {
                Some(m) if m.day == day && m.source == source => {
                    m.points = m.points.saturating_add(points)
                }
                _ => p.days.push(DayMark {
                    day,
                    source,
                    points,
                }),
            }
        }
    }

    /// Records a day at a place that a name could not pin down (`candidates`: the places it may
    /// be, as the person reads them). Becomes a stay with no place for the person to fill in.
    pub fn unsure(&mut self, candidates: Vec<String>, at: i64) {
        self.question(candidates, None, at);
    }

    /// Records a day at a shop whose name only starts with a place name of several meanings
    /// (`candidates`, at `points`): "勐拉超市" may be in 勐拉镇 (Jinping) or in Mong La. A leading
    /// word is weaker evidence than a whole name (永和豆浆 is a chain, not a place), so this
    /// becomes a question only when one of the candidates lies near a region of an event — the
    /// only case where it could change the screening — and is dropped otherwise. It is never a
    /// stay with a place: the person confirms or drops it.
    pub fn unsure_leading(&mut self, candidates: Vec<String>, points: Vec<(f64, f64)>, at: i64) {
        self.question(candidates, Some(points), at);
    }

    fn question(&mut self, candidates: Vec<String>, near_check: Option<Vec<(f64, f64)>>, at: i64) {
        if !(EARLIEST..LATEST).contains(&at) || candidates.is_empty() {
            self.skipped += 1;
            return;
        }
        let day = china_day(at) as i32;
        let source = self.source;
        let index = match self.unsure.iter().position(|u| u.candidates == candidates) {
            Some(i) => {
                // A whole name asks always; so does the same question met as a leading word.
                if near_check.is_none() {
                    self.unsure[i].near_check = None;
                }
                i
            }
            None if self.unsure.len() >= MAX_UNSURE => {
                self.dropped += 1;
                return;
            }
            None => {
                self.unsure.push(Unsure {
                    candidates,
                    days: Vec::new(),
                    near_check,
                });
                self.unsure.len() - 1
            }
        };
        self.points += 1;
        let days = &mut self.unsure[index].days;
        match days.iter_mut().find(|m| m.day == day && m.source == source) {
            Some(m) => m.points = m.points.saturating_add(1),
            None => days.push(DayMark {
                day,
                source,
                points: 1,
            }),
        }
    }

    /// Distinct days with any observation, and the first and last of them.
    pub fn coverage(&self) -> Coverage {
        let mut days: Vec<i32> = self
            .places
            .iter()
            .flat_map(|p| p.days.iter().map(|m| m.day))
            .chain(
                self.unsure
                    .iter()
                    .flat_map(|u| u.days.iter().map(|m| m.day)),
            )
            .collect();
        days.sort_unstable();
        days.dedup();
        let longest_gap = days
            .windows(2)
            .map(|w| i64::from(w[1]) - i64::from(w[0]) - 1)
            .max()
            .unwrap_or(0);
        Coverage {
            days_with_data: days.len() as u64,
            first: days.first().map(|&d| day_to_iso(i64::from(d))),
            last: days.last().map(|&d| day_to_iso(i64::from(d))),
            span_days: match (days.first(), days.last()) {
                (Some(&a), Some(&b)) => (i64::from(b) - i64::from(a) + 1) as u64,
                _ => 0,
            },
            longest_gap_days: longest_gap as u64,
        }
    }

    /// The place a point belongs to, made if there is none within [`JOIN_KM`].
    fn place_for(&mut self, lat: f64, lon: f64) -> Option<u32> {
        if let Some(last) = self.last {
            let p = &self.places[last as usize];
            if distance_km(p.lat, p.lon, lat, lon) <= JOIN_KM {
                return Some(last);
            }
        }
        let (row, col) = cell(lat, lon);
        let reach = lon_reach(lat);
        let mut best: Option<(f64, u32)> = None;
        for r in row - 1..=row + 1 {
            for c in col - reach..=col + reach {
                for &id in self.grid.get(&(r, c)).map(Vec::as_slice).unwrap_or(&[]) {
                    let p = &self.places[id as usize];
                    let d = distance_km(p.lat, p.lon, lat, lon);
                    if d <= JOIN_KM && best.is_none_or(|(b, _)| d < b) {
                        best = Some((d, id));
                    }
                }
            }
        }
        let id = match best {
            Some((_, id)) => id,
            None => {
                if self.places.len() >= self.max_places {
                    return None;
                }
                let id = self.places.len() as u32;
                self.places.push(Place {
                    lat,
                    lon,
                    sum_lat: 0.0,
                    sum_lon: 0.0,
                    n: 0,
                    days: Vec::new(),
                });
                self.grid.entry((row, col)).or_default().push(id);
                id
            }
        };
        self.last = Some(id);
        Some(id)
    }

    /// Moves everything `other` gathered into `self` (a file that imported without error).
    pub fn absorb(&mut self, other: Collector) {
        self.points += other.points;
        self.skipped += other.skipped;
        self.dropped += other.dropped;
        for u in other.unsure {
            match self
                .unsure
                .iter()
                .position(|m| m.candidates == u.candidates)
            {
                Some(i) => {
                    if u.near_check.is_none() {
                        self.unsure[i].near_check = None;
                    }
                    self.unsure[i].days.extend(u.days)
                }
                None if self.unsure.len() >= MAX_UNSURE => {
                    self.dropped += u.days.iter().map(|m| u64::from(m.points)).sum::<u64>()
                }
                None => self.unsure.push(u),
            }
        }
        for place in other.places {
            if place.n == 0 {
                continue;
            }
            let (lat, lon) = (
                place.sum_lat / place.n as f64,
                place.sum_lon / place.n as f64,
            );
            let Some(id) = self.place_for(lat, lon) else {
                self.dropped += place.n;
                continue;
            };
            let p = &mut self.places[id as usize];
            p.sum_lat += place.sum_lat;
            p.sum_lon += place.sum_lon;
            p.n += place.n;
            p.days.extend(place.days);
        }
    }

    /// Where each place is (the mean of its points), in the order [`Collector::into_stays`]
    /// expects their nearest regions; `None` for a place that will give no stay.
    pub fn place_points(&self) -> Vec<Option<(f64, f64)>> {
        self.places
            .iter()
            .map(|place| {
                (place.n > 0 && !place.days.is_empty()).then(|| {
                    (
                        place.sum_lat / place.n as f64,
                        place.sum_lon / place.n as f64,
                    )
                })
            })
            // Then the candidates of the questions that depend on a region being near.
            .chain(
                self.unsure
                    .iter()
                    .filter_map(|u| u.near_check.as_ref())
                    .flatten()
                    .map(|&p| Some(p)),
            )
            .collect()
    }

    /// Cuts the places into stays and ranks them; see the module documentation. `near[i]` is
    /// the nearest region of place `i` of [`Collector::place_points`] (missing entries: none).
    pub fn into_stays(
        self,
        near: &[Option<NearRegion>],
        sources: &[String],
        max_stays: usize,
    ) -> (Vec<ProposedStay>, usize) {
        // Rank cheap run descriptors first; notes and dates are written only for the kept ones.
        let mut runs: Vec<Run> = Vec::new();
        // Where the candidates of the conditional questions are in `near` (after the places).
        let mut candidate_at = self.places.len();
        for (index, mut place) in self.places.into_iter().enumerate() {
            if place.n == 0 || place.days.is_empty() {
                continue;
            }
            let (lat, lon) = (
                place.sum_lat / place.n as f64,
                place.sum_lon / place.n as f64,
            );
            let near = near.get(index).cloned().flatten();
            place
                .days
                .sort_unstable_by_key(|m| (m.day, m.source, std::cmp::Reverse(m.points)));
            let mut start = 0;
            for i in 1..=place.days.len() {
                let breaks = i == place.days.len()
                    || i64::from(place.days[i].day) > i64::from(place.days[i - 1].day) + 1;
                if breaks {
                    runs.push(Run {
                        lat,
                        lon,
                        near: near.clone(),
                        marks: place.days[start..i].to_vec(),
                        candidates: Vec::new(),
                        leading: false,
                    });
                    start = i;
                }
            }
        }
        for mut unsure in self.unsure {
            if let Some(points) = &unsure.near_check {
                let near_one = (candidate_at..candidate_at + points.len())
                    .any(|i| near.get(i).is_some_and(Option::is_some));
                candidate_at += points.len();
                if !near_one {
                    continue;
                }
            }
            unsure.days.sort_unstable_by_key(|m| (m.day, m.source));
            let mut start = 0;
            for i in 1..=unsure.days.len() {
                let breaks = i == unsure.days.len()
                    || i64::from(unsure.days[i].day) > i64::from(unsure.days[i - 1].day) + 1;
                if breaks {
                    runs.push(Run {
                        lat: f64::NAN,
                        lon: f64::NAN,
                        near: None,
                        marks: unsure.days[start..i].to_vec(),
                        candidates: unsure.candidates.clone(),
                        leading: unsure.near_check.is_some(),
                    });
                    start = i;
                }
            }
        }
        runs.sort_by(|a, b| {
            a.key()
                .cmp(&b.key())
                .then(a.distance().total_cmp(&b.distance()))
        });
        let found = runs.len();
        runs.truncate(max_stays);
        let stays = runs.into_iter().map(|r| make_stay(&r, sources)).collect();
        (stays, found)
    }
}

/// One run of consecutive days at one place, before it is written out.
struct Run {
    lat: f64,
    lon: f64,
    near: Option<NearRegion>,
    marks: Vec<DayMark>,
    /// For days a name could not pin down: the places it may be (then `lat`, `lon` are NaN).
    candidates: Vec<String>,
    /// The name only starts with the place (a shop's name), and one candidate is near a region.
    leading: bool,
}

impl Run {
    /// Near ones first, then the questions (days a name could not pin down), then the rest; each
    /// by first and last day.
    fn key(&self) -> (u8, i32, i32) {
        let first = self.marks.first().map_or(0, |m| m.day);
        let last = self.marks.last().map_or(0, |m| m.day);
        let rank = if self.near.is_some() {
            0
        } else if !self.candidates.is_empty() {
            1
        } else {
            2
        };
        (rank, first, last)
    }

    fn distance(&self) -> f64 {
        self.near.as_ref().map_or(f64::INFINITY, |n| n.distance_km)
    }
}

fn make_stay(r: &Run, sources: &[String]) -> ProposedStay {
    let (lat, lon, run, near) = (r.lat, r.lon, r.marks.as_slice(), &r.near);
    let (first, last) = (run[0].day, run[run.len() - 1].day);
    let mut per_source: BTreeMap<u32, u64> = BTreeMap::new();
    for m in run {
        *per_source.entry(m.source).or_default() += u64::from(m.points);
    }
    let points: u64 = per_source.values().sum();
    let mut named: Vec<String> = per_source
        .iter()
        .take(3)
        .map(|(s, n)| {
            let name = sources.get(*s as usize).map_or("?", String::as_str);
            format!("{name}, {n} {}", if *n == 1 { "point" } else { "points" })
        })
        .collect();
    if per_source.len() > 3 {
        named.push(format!("and {} more files", per_source.len() - 3));
    }
    if !r.candidates.is_empty() {
        return ProposedStay {
            stay: StayInput {
                place: None,
                lat: None,
                lon: None,
                datum: None,
                from: day_to_iso(i64::from(first)),
                to: day_to_iso(i64::from(last)),
                note: Some(if r.leading {
                    format!(
                        "imported from {}; a shop whose name starts with a place that could be {} (one is near a screened area): type the one you mean if you paid there, else leave it out",
                        named.join("; "),
                        r.candidates.join(" or ")
                    )
                } else {
                    format!(
                        "imported from {}; the name could be {}: type the one you mean",
                        named.join("; "),
                        r.candidates.join(" or ")
                    )
                }),
            },
            near: None,
            points,
        };
    }
    ProposedStay {
        stay: StayInput {
            place: None,
            lat: Some(round4(lat)),
            lon: Some(round4(lon)),
            datum: Some("wgs84".to_owned()),
            from: day_to_iso(i64::from(first)),
            to: day_to_iso(i64::from(last)),
            note: Some(format!("imported from {}", named.join("; "))),
        },
        near: near.clone(),
        points,
    }
}

/// How much of the time a file covers it has data for: few days with data, or long gaps, mean
/// that "nothing near a region" proves little.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    pub days_with_data: u64,
    pub first: Option<String>,
    pub last: Option<String>,
    /// Days from the first to the last, both counted.
    pub span_days: u64,
    /// The most days in a row without any data between the first and the last.
    pub longest_gap_days: u64,
}

/// A stay found in the files, for the person to confirm or drop.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ProposedStay {
    /// Coordinates (WGS-84, rounded to about 10 m), dates in China time, and a note naming the
    /// source files and their point counts.
    pub stay: StayInput,
    /// The nearest region of an event within [`NEAR_KM`], if any.
    pub near: Option<NearRegion>,
    /// How many points (or visits) the stay is made of.
    pub points: u64,
}

/// The region of an event nearest to a stay.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct NearRegion {
    /// The region's id in `regions.geojson`.
    pub region: String,
    /// Great-circle distance to its edge, 0 inside.
    pub distance_km: f64,
}

/// The nearest region of an event within [`NEAR_KM`] of each point (`None` entries stay
/// `None`): how imported places are ranked. The engine answers this for an import worker, so
/// the worker never loads or indexes the regions itself.
pub fn nearest_regions(data: &DataSet, points: &[Option<(f64, f64)>]) -> Vec<Option<NearRegion>> {
    let targets = Targets::new(Some(data));
    points
        .iter()
        .map(|point| point.and_then(|(lat, lon)| targets.nearest(lat, lon)))
        .collect()
}

/// The regions of the events, with boxes that rule most places out without any geometry.
/// Each region comes with the event index that holds it (`(area, part)`), which measures it as
/// its own index would without building one.
struct Targets<'a> {
    data: Option<&'a DataSet>,
    regions: Vec<Target<'a>>,
}

/// A region, its box, and where an event index holds it.
type Target<'a> = (
    &'a crate::data::Region,
    geo::Rect<f64>,
    Option<(usize, usize)>,
);

impl<'a> Targets<'a> {
    fn new(data: Option<&'a DataSet>) -> Targets<'a> {
        let Some(data) = data else {
            return Targets {
                data: None,
                regions: Vec::new(),
            };
        };
        let wanted: Vec<&str> = data
            .events
            .iter()
            .flat_map(|e| e.regions.iter().map(String::as_str))
            .collect();
        let regions = data
            .regions
            .regions
            .iter()
            .filter(|r| wanted.is_empty() || wanted.contains(&r.properties.id.as_str()))
            .filter_map(|r| r.shape.bounding_rect().map(|b| (r, b, data.area_part(r))))
            .collect();
        Targets {
            data: Some(data),
            regions,
        }
    }

    fn nearest(&self, lat: f64, lon: f64) -> Option<NearRegion> {
        let dlat = NEAR_KM / 110.57;
        let dlon = NEAR_KM / (111.32 * lat.to_radians().cos().max(0.01));
        let mut best: Option<NearRegion> = None;
        // Per event index, its regions' distances (one search for all of them), when first needed.
        let mut measured: Vec<Option<Vec<f64>>> = Vec::new();
        for (region, rect, area_part) in &self.regions {
            let (min, max) = (rect.min(), rect.max());
            if lat < min.y - dlat || lat > max.y + dlat || lon < min.x - dlon || lon > max.x + dlon
            {
                continue;
            }
            // The grid index: exact to well under 0.1 % of the great-circle distance here. Beyond
            // NEAR_KM the event index says infinity, which is never nearer either.
            let d = match (self.data, area_part) {
                (Some(data), Some((area, part))) => {
                    if measured.len() <= *area {
                        measured.resize(area + 1, None);
                    }
                    measured[*area]
                        .get_or_insert_with(|| {
                            data.areas[*area].index.part_distances_km(lon, lat, NEAR_KM)
                        })
                        .get(*part)
                        .copied()
                        .unwrap_or(f64::INFINITY)
                }
                _ => region.index.distance_km(lon, lat),
            };
            if d <= NEAR_KM && best.as_ref().is_none_or(|b| d < b.distance_km) {
                best = Some(NearRegion {
                    region: region.properties.id.clone(),
                    distance_km: (d * 10.0).round() / 10.0,
                });
            }
        }
        best
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn valid_coordinates(lat: f64, lon: f64) -> bool {
    lat.is_finite()
        && lon.is_finite()
        && (-90.0..=90.0).contains(&lat)
        && (-180.0..=180.0).contains(&lon)
        // (0, 0) is the placeholder of a missing fix, not a place anyone stayed.
        && !(lat == 0.0 && lon == 0.0)
}

fn cell(lat: f64, lon: f64) -> (i32, i32) {
    (
        (lat / CELL_DEG).floor() as i32,
        (lon / CELL_DEG).floor() as i32,
    )
}

/// How many grid columns either side can hold a point within [`JOIN_KM`] (more near the poles).
fn lon_reach(lat: f64) -> i32 {
    let km_per_cell = 111.32 * CELL_DEG * lat.to_radians().cos();
    if km_per_cell <= 0.0 {
        return 50;
    }
    ((JOIN_KM / km_per_cell).ceil() as i32).clamp(1, 50)
}

/// Equirectangular distance: exact enough at a few km, and cheap.
fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let mean = ((lat1 + lat2) / 2.0).to_radians();
    let mut dlon = (lon2 - lon1).abs();
    if dlon > 180.0 {
        dlon = 360.0 - dlon;
    }
    let x = dlon * 111.32 * mean.cos();
    let y = (lat2 - lat1) * 110.57;
    (x * x + y * y).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_day_turns_at_16_00_utc() {
        // 2019-09-03T15:59:59Z is 23:59:59 in China; one second later it is the 4th.
        let t = 1_567_526_399;
        assert_eq!(day_to_iso(china_day(t)), "2019-09-03");
        assert_eq!(day_to_iso(china_day(t + 1)), "2019-09-04");
    }

    #[test]
    fn a_day_without_points_breaks_the_stay() {
        let mut c = Collector::new(100);
        c.point(21.698, 100.031, 1_567_526_400); // 4 Sep
        c.point(21.699, 100.032, 1_567_526_400 + 86_400); // 5 Sep
        c.point(21.698, 100.031, 1_567_526_400 + 3 * 86_400); // 7 Sep
        let (stays, found) = c.into_stays(&[], &["a".into()], 10);
        assert_eq!(found, 2);
        assert_eq!(
            (stays[0].stay.from.as_str(), stays[0].stay.to.as_str()),
            ("2019-09-04", "2019-09-05")
        );
        assert_eq!(stays[1].stay.from, "2019-09-07");
    }
}
