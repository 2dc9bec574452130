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

use jiff::civil::Date;

use crate::case::{Case, Location};
use crate::data::DataSet;
use crate::data::Event;
use crate::datum::to_wgs84;
use crate::error::InputError;
use crate::i18n::Lang;

mod explain;
mod finding;

pub use explain::{clue, why};
pub use finding::{Finding, Relation};

/// Screens every stay of the case against every location-based event.
///
/// Fails on the first stay whose place cannot be resolved, naming `stays[i].place`.
pub fn screen_stays(case: &Case, data: &DataSet, lang: Lang) -> Result<Vec<Finding>, InputError> {
    let mut findings = Vec::new();
    for (index, stay) in case.stays.iter().enumerate() {
        let (place, place_note, lat, lon, radius_km) = match &stay.location {
            Location::Named(name) => {
                let place = data
                    .gazetteer
                    .resolve(&format!("stays[{index}].place"), name)?;
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
                stay: index,
                place: place.clone(),
                place_note: place_note.clone(),
                lat,
                lon,
                radius_km,
                event: event.id.clone(),
                region: region.properties.id.clone(),
                region_confidence: region.properties.confidence,
                relation,
                distance_km: round_km(distance_km),
                distance_max_km: round_km(distance_max_km),
                in_window,
                window_from: window_from.to_string(),
                window_to: window_to.map(|d| d.to_string()),
                stay_from: stay.from.to_string(),
                stay_to: stay.to.to_string(),
                nearest: (relation != Relation::Far && relation != Relation::Inside)
                    .then(|| region.nearest_point(lat, lon))
                    .flatten(),
                why: String::new(),
                clue: String::new(),
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
    }
    Ok(findings)
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
/// the action is ongoing.
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
    let effective: Date = event.effective.parse().unwrap_or(Date::MIN);
    // `try_days`, not `.days()`: that one panics out of range, and its panic message links jiff's
    // whole error formatting into the screening worker (~10 KiB gzip, docs/perf.md §1d).
    let from = jiff::Span::new()
        .try_days(event.lookback_days as i64)
        .and_then(|span| effective.checked_sub(span))
        .unwrap_or(Date::MIN);
    (from, (!event.ongoing).then_some(effective))
}

fn round_km(km: f64) -> f64 {
    if km.is_finite() {
        (km * 10.0).round() / 10.0
    } else {
        km
    }
}
