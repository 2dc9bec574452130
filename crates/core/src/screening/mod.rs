//! Screening: each stay against each location-based freeze event, then one verdict for the case.
//!
//! A finding relates one stay to the nearest region of one event:
//! - `inside`: the region covers the point (its edge counts as inside);
//! - `border_zone`: outside, within the event's border-zone distance, where a phone may roam onto,
//!   or be located on, the other side's network;
//! - `near`: within the event's near distance, a weak signal;
//! - `far`: anything else.
//!
//! A named place is a disc, not a dot: the finding reports the nearest and farthest distance over
//! it and classifies by the nearest one. Dates count when the stay overlaps the event's
//! look-back window.
//!
//! Later events name places instead of regions (a prefecture, a country; see [`places`]): a
//! stay gets a finding from one only when it is inside (or may be in) one of its places *and*
//! overlaps its window, since those events give no distances and a far finding would only add
//! noise. Such findings never decide the verdict, which is about the border-area freeze;
//! `verdict::check` lets them point at their event's cause only as far as its sources allow.

use jiff::civil::Date;

use crate::case::{Case, Location};
use crate::data::{Confidence, DataSet, Event};
use crate::datum::to_wgs84;
use crate::error::InputError;
use crate::i18n::Lang;

mod explain;
mod finding;
mod places;

pub use explain::{clue, place_clue, place_why, why};
pub use finding::{Finding, Relation};
pub use places::{PlaceMatch, place_name, relate, relate_named};

/// Screens every stay of the case against every location-based event.
///
/// Fails on the first stay whose place cannot be resolved, naming `stays[i].place`.
pub fn screen_stays(case: &Case, data: &DataSet, lang: Lang) -> Result<Vec<Finding>, InputError> {
    let mut findings = Vec::new();
    for (index, stay) in case.stays.iter().enumerate() {
        let mut named = None;
        let (place, place_note, lat, lon, radius_km) = match &stay.location {
            Location::Named(name) => {
                let place = data
                    .gazetteer
                    .resolve(&format!("stays[{index}].place"), name)?;
                named = Some(place);
                (
                    Some(place.zh.clone()),
                    Some(crate::data::gazetteer::place_note(place, lang)),
                    place.lat,
                    place.lon,
                    place.radius_km,
                )
            }
            Location::Point { lat, lon, datum } => {
                let (lat, lon) = to_wgs84(*lat, *lon, *datum);
                (None, None, lat, lon, 0.0)
            }
        };
        let at = StayAt {
            index,
            stay,
            place,
            place_note,
            lat,
            lon,
            radius_km,
        };
        for event in data.events.iter().filter(|e| !e.regions.is_empty()) {
            let nearest = nearest_region(data, event, lat, lon);
            let Some((region, covered, centre_km)) = nearest else {
                continue;
            };
            let distance_km = (centre_km - radius_km).max(0.0);
            let distance_max_km = centre_km + radius_km;
            let relation =
                Relation::from_distance(covered, distance_km, event.border_zone_km, event.near_km);
            let (window_from, window_to) = window(event);
            let in_window = stay.to >= window_from && window_to.is_none_or(|end| stay.from <= end);
            let mut finding = Finding {
                region: region.properties.id.clone(),
                region_confidence: region.properties.confidence,
                relation,
                distance_km: round_km(distance_km),
                distance_max_km: round_km(distance_max_km),
                in_window,
                nearest: (relation != Relation::Far && relation != Relation::Inside)
                    .then(|| region.nearest_point(lat, lon))
                    .flatten(),
                ..at.finding(event, (window_from, window_to))
            };
            let region_name = lang.pick(
                &region.properties.name_zh,
                &region.properties.name_zh_tw,
                &region.properties.name_en,
            );
            finding.why = why(&finding, region_name, lang);
            finding.clue = clue(&finding, region_name, lang);
            findings.push(finding);
        }
        for event in data.events.iter().filter(|e| !e.places.is_empty()) {
            let (window_from, window_to) = window(event);
            if stay.to < window_from || window_to.is_some_and(|end| stay.from > end) {
                continue;
            }
            let Some(m) = relate(data, &stay.location, named, (lat, lon), &event.places) else {
                continue;
            };
            let mut finding = Finding {
                region: m.place.to_owned(),
                region_confidence: event.places_confidence.unwrap_or(Confidence::Unverified),
                relation: m.relation,
                sources: event.sources.iter().fold(Vec::new(), |mut urls, s| {
                    if !urls.contains(&s.url) {
                        urls.push(s.url.clone());
                    }
                    urls
                }),
                ..at.finding(event, (window_from, window_to))
            };
            let summary = event.summary.as_ref().map_or("", |s| s.get(lang.code()));
            let area = place_name(data, m.place, lang);
            finding.why = place_why(&finding, &m, area, summary, lang);
            finding.clue = place_clue(&finding, &m, area, lang);
            findings.push(finding);
        }
    }
    Ok(findings)
}

/// A stay where screening placed it: what every finding about it repeats.
struct StayAt<'a> {
    index: usize,
    stay: &'a crate::case::Stay,
    place: Option<String>,
    place_note: Option<String>,
    lat: f64,
    lon: f64,
    radius_km: f64,
}

impl StayAt<'_> {
    /// A finding about this stay and `event` with its window filled in; the relation, region,
    /// distances and texts are the caller's to set (here: far, none, 0 and empty).
    fn finding(&self, event: &Event, (from, to): (Date, Option<Date>)) -> Finding {
        Finding {
            stay: self.index,
            place: self.place.clone(),
            place_note: self.place_note.clone(),
            lat: self.lat,
            lon: self.lon,
            radius_km: self.radius_km,
            event: event.id.clone(),
            region: String::new(),
            region_confidence: Confidence::Unverified,
            relation: Relation::Far,
            distance_km: 0.0,
            distance_max_km: 0.0,
            in_window: true,
            window_from: from.to_string(),
            window_to: to.map(|d| d.to_string()),
            stay_from: self.stay.from.to_string(),
            stay_to: self.stay.to.to_string(),
            nearest: None,
            why: String::new(),
            clue: String::new(),
            sources: Vec::new(),
        }
    }
}

/// True when the finding is about a region of the border-area freeze (it has a distance and a
/// look-back), not about a later event's place.
pub fn is_area_finding(finding: &Finding, data: &DataSet) -> bool {
    data.events
        .iter()
        .any(|e| e.id == finding.event && !e.regions.is_empty())
}

/// The event's region nearest to the point, whether it covers the point and the distance to it
/// (0 when covered): from the event's area index, which loading the data built; else (a data
/// set put together by hand) from each region's own index.
fn nearest_region<'a>(
    data: &'a DataSet,
    event: &Event,
    lat: f64,
    lon: f64,
) -> Option<(&'a crate::data::Region, bool, f64)> {
    if let Some(area) = data.areas.iter().find(|a| a.is_of(event, &data.regions)) {
        let (id, covered, km) = area.nearest(lon, lat)?;
        return data.regions.region(id).map(|r| (r, covered, km));
    }
    event
        .regions
        .iter()
        .filter_map(|id| data.regions.region(id))
        .map(|region| {
            let covered = region.index.covers(lon, lat);
            let km = if covered {
                0.0
            } else {
                region.index.edge_distance_km(lon, lat)
            };
            (region, covered, km)
        })
        .min_by(|a, b| a.2.total_cmp(&b.2))
}

/// The inclusive date window of an event: [effective − look-back, effective], open-ended when
/// the action is ongoing. Both ends count. An effective date given as a month only
/// (`2021-11`, as the reports give it) stands for the whole month.
///
/// ```
/// # let mut event: prescreen_core::data::Event = serde_json::from_str(r#"{"id":"e","kind":"phone_stop_by_police","title_zh":"","title_en":"","authority_zh":"","issued":"2021-12-07","effective":"2021-11","platforms":[],"regions":[],"lookback_days":7,"lookback_reason":"","border_zone_km":0,"border_zone_reason":"","near_km":0,"near_reason":"","confidence":"unverified","sources":[]}"#).unwrap();
/// use prescreen_core::screening::window;
/// // a month: its first day less the look-back, to its last day, both included
/// let (from, to) = window(&event);
/// assert_eq!(from.to_string(), "2021-10-25");
/// assert_eq!(to.map(|d| d.to_string()), Some("2021-11-30".to_string()));
/// ```
///
/// ```
/// # let mut event: prescreen_core::data::Event = serde_json::from_str(r#"{"id":"e","kind":"area_freeze","title_zh":"","title_en":"","authority_zh":"","issued":"2019-10-15","effective":"2019-10-14","platforms":[],"regions":[],"lookback_days":60,"lookback_reason":"","border_zone_km":10,"border_zone_reason":"","near_km":30,"near_reason":"","confidence":"official","sources":[]}"#).unwrap();
/// use prescreen_core::screening::window;
/// let (from, to) = window(&event);
/// assert_eq!(from.to_string(), "2019-08-15");
/// assert_eq!(to.map(|d| d.to_string()), Some("2019-10-14".to_string()));
/// event.ongoing = true;
/// assert_eq!(window(&event).1, None);
/// ```
pub fn window(event: &Event) -> (Date, Option<Date>) {
    let (first, last) = match event.effective.parse::<Date>() {
        Ok(day) => (day, day),
        // "YYYY-MM": the month's first and last days.
        Err(_) => event
            .effective
            .split_once('-')
            .and_then(|(y, m)| Date::new(y.parse().ok()?, m.parse().ok()?, 1).ok())
            .and_then(|d| Some((d, Date::new(d.year(), d.month(), d.days_in_month()).ok()?)))
            .unwrap_or((Date::MIN, Date::MIN)),
    };
    // `try_days`, not `.days()`: that one panics out of range, and its panic message links jiff's
    // whole error formatting into the screening worker (~10 KiB gzip, docs/perf.md §1d).
    let from = jiff::Span::new()
        .try_days(event.lookback_days as i64)
        .and_then(|span| first.checked_sub(span))
        .unwrap_or(Date::MIN);
    (from, (!event.ongoing).then_some(last))
}

fn round_km(km: f64) -> f64 {
    if km.is_finite() {
        (km * 10.0).round() / 10.0
    } else {
        km
    }
}
