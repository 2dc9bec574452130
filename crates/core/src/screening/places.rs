//! Stays against the places of later events (`Event::places`): a country, or a Chinese
//! division by its admin path.
//!
//! - A named stay is **inside** a country when the gazetteer puts it in that country, and inside
//!   a division when its admin path is the division's or lies under it (耿马县 is in
//!   `云南省/临沧市`). A named place that *contains* the division (云南省 for 临沧市) is only
//!   **near**: it may or may not have been there.
//! - Coordinates are inside a country when the country's simplified outline covers them
//!   (`regions.geojson`, `kind: "country"`). We have no polygons of Chinese divisions, so a
//!   coordinate takes the admin path of the nearest gazetteer place whose radius reaches it (the
//!   nearest county seat or township point, as the gazetteer's own radii were drawn) and the
//!   finding names that place; a point inside a shipped country outline is not in China.
//! - Anything else is no relation: later events give no distances, so they have no border
//!   zone, and a stay that is not in (or around) a place gets no finding from them.

use geo::{Distance, Haversine, Point};

use super::finding::Relation;
use crate::case::Location;
use crate::data::{DataSet, Place, is_country};
use crate::i18n::Lang;

/// How a stay relates to one of an event's places.
#[derive(Debug, Clone, Copy)]
pub struct PlaceMatch<'a> {
    /// The event's place (`KH`, `云南省/临沧市`).
    pub place: &'a str,
    pub relation: Relation,
    /// For coordinates matched to a division: the gazetteer place that decided, and its distance.
    pub via: Option<(&'a Place, f64)>,
}

/// The strongest relation of a stay (a named place, or a WGS-84 point) to any of `places`.
///
/// ```
/// # use prescreen_core::data::{Confidence, Place};
/// # use prescreen_core::screening::{Relation, relate_named};
/// # let area = |a: &str| a.to_string();
/// # let place = |admin: &str, country: &str| Place { id: "x".into(), zh: "x".into(), zh_tw: "x".into(), pinyin: "x".into(), en: "x".into(), aliases: vec![], lat: 0.0, lon: 0.0, radius_km: 1.0, admin: admin.into(), country: country.into(), kind: "town".into(), confidence: Confidence::Single, sources: vec![] };
/// let lincang = [area("云南省/临沧市")];
/// // a county of the prefecture, or the prefecture itself: inside
/// assert_eq!(relate_named(&place("云南省/临沧市/耿马傣族佤族自治县", "CN"), &lincang).unwrap().relation, Relation::Inside);
/// assert_eq!(relate_named(&place("云南省/临沧市", "CN"), &lincang).unwrap().relation, Relation::Inside);
/// // the province contains it: near (you may or may not have been there)
/// assert_eq!(relate_named(&place("云南省", "CN"), &lincang).unwrap().relation, Relation::Near);
/// // a prefecture whose name merely starts the same way: no relation
/// assert!(relate_named(&place("云南省/临沧市外", "CN"), &lincang).is_none());
/// assert!(relate_named(&place("云南省/普洱市/孟连县", "CN"), &lincang).is_none());
/// // countries go by the gazetteer's country
/// assert_eq!(relate_named(&place("柬埔寨/西哈努克省", "KH"), &[area("KH")]).unwrap().relation, Relation::Inside);
/// assert!(relate_named(&place("云南省/西双版纳傣族自治州/勐海县", "CN"), &[area("MM")]).is_none());
/// ```
pub fn relate_named<'a>(stay: &Place, places: &'a [String]) -> Option<PlaceMatch<'a>> {
    places
        .iter()
        .filter_map(|place| {
            let relation = if is_country(place) {
                (stay.country == *place).then_some(Relation::Inside)?
            } else if under(&stay.admin, place) {
                Relation::Inside
            } else if stay.country == "CN" && under(place, &stay.admin) {
                Relation::Near
            } else {
                return None;
            };
            Some(PlaceMatch {
                place,
                relation,
                via: None,
            })
        })
        .max_by_key(|m| m.relation)
}

/// The relation of a stay's location to any of `places` (see the module's rules).
pub fn relate<'a>(
    data: &'a DataSet,
    location: &Location,
    named: Option<&Place>,
    (lat, lon): (f64, f64),
    places: &'a [String],
) -> Option<PlaceMatch<'a>> {
    if let (Location::Named(_), Some(stay)) = (location, named) {
        return relate_named(stay, places);
    }
    let point = Point::new(lon, lat);
    if let Some(place) = places.iter().find(|p| {
        is_country(p)
            && data
                .regions
                .country(p)
                .is_some_and(|c| c.index.covers(lon, lat))
    }) {
        return Some(PlaceMatch {
            place,
            relation: Relation::Inside,
            via: None,
        });
    }
    if data
        .regions
        .countries
        .iter()
        .any(|c| c.index.covers(lon, lat))
    {
        return None;
    }
    let (nearest, km) = data
        .gazetteer
        .places()
        .iter()
        .map(|p| {
            (
                p,
                Haversine.distance(point, Point::new(p.lon, p.lat)) / 1000.0,
            )
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))?;
    if km > nearest.radius_km {
        return None;
    }
    let found = relate_named(nearest, places)?;
    (found.relation == Relation::Inside).then_some(PlaceMatch {
        via: Some((nearest, km)),
        ..found
    })
}

/// The name of an event's place in `lang`: the country outline's, or the gazetteer division's
/// whose admin path it is (临沧市, 西双版纳傣族自治州).
pub fn place_name<'a>(data: &'a DataSet, place: &'a str, lang: Lang) -> &'a str {
    let country = data.regions.country(place).map(|c| &c.properties);
    if let Some(c) = country {
        return lang.pick(&c.name_zh, &c.name_zh_tw, &c.name_en);
    }
    data.gazetteer
        .places()
        .iter()
        .find(|p| p.admin == place)
        .map_or(place, |p| lang.pick(&p.zh, &p.zh_tw, &p.en))
}

/// True when `admin` is `area` or lies under it (`云南省/临沧市/耿马县` under `云南省/临沧市`).
fn under(admin: &str, area: &str) -> bool {
    admin
        .strip_prefix(area)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}
