//! The geography: `places.json` (the gazetteer's points), `events.json` (the freeze actions) and
//! the properties of each feature of `regions.geojson`.

use serde::{Deserialize, Serialize};

use super::messages::Cause;
use super::source::{Confidence, Localized, Source};

/// A point in the gazetteer: a named place with an uncertainty radius (a township is not a dot).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    /// Simplified Chinese name, e.g. `打洛镇`.
    pub zh: String,
    /// Traditional Chinese name, e.g. `打洛鎮`.
    pub zh_tw: String,
    /// Pinyin with tone marks, e.g. `Dǎluò Zhèn`.
    pub pinyin: String,
    pub en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// WGS-84 latitude in degrees.
    pub lat: f64,
    /// WGS-84 longitude in degrees.
    pub lon: f64,
    /// How far from the point the place may reach, in km (0 for an exact point).
    pub radius_km: f64,
    /// Administrative path, e.g. `云南省/西双版纳州/勐海县`.
    pub admin: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// town, township, county, city, port, village, special_region …
    pub kind: String,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// `places.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    pub data_version: String,
    pub licence: String,
    pub places: Vec<Place>,
}

/// A freeze action: who froze what, where, from when, and how near counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    /// `area_freeze` (accounts used in an area), or a later action of its own kind
    /// (`card_trading_sanction`, `law`, …).
    pub kind: String,
    pub title_zh: String,
    pub title_en: String,
    pub authority_zh: String,
    /// ISO date the notice was issued.
    pub issued: String,
    /// ISO date the measure took effect.
    pub effective: String,
    /// True when the action has no end: stays after `effective` count too.
    #[serde(default)]
    pub ongoing: bool,
    pub platforms: Vec<String>,
    /// Ids of features in `regions.geojson`.
    pub regions: Vec<String>,
    /// How many days before `effective` a stay still counts.
    pub lookback_days: u32,
    pub lookback_reason: String,
    /// Outside a region but within this many km: phones may roam onto, or be located on, its network.
    pub border_zone_km: f64,
    pub border_zone_reason: String,
    /// Within this many km: near, a weak signal.
    pub near_km: f64,
    pub near_reason: String,
    /// Ids in `channels.json` of who decides.
    #[serde(default)]
    pub channels: Vec<String>,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
    /// The places the sources name, for an event not drawn as `regions` (a later measure tied to
    /// a Chinese prefecture or a country); screening relates a stay to them
    /// ([`crate::screening::relate_named`]). Each is an ISO 3166-1 alpha-2 code (`KH`: a named
    /// stay by the gazetteer's country, coordinates by the country's outline `country-KH` in
    /// `regions.geojson`) or an administrative path the gazetteer holds (`云南省/临沧市`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// How sure the sources are that `places` belong to the event (`inferred` when it is our
    /// reading of them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places_confidence: Option<Confidence>,
    /// Which source names the places, or why we read them so.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub places_reason: String,
    /// The cause a stay in one of `places` points at, when the case names that cause's platform
    /// (a phone number for `phone_number_flagged`); never stronger than the event's confidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
    /// The finding of a stay in one of `places`, worded as strongly as the event's sources allow
    /// (a report stays a report), after the sentence on where the stay was: `{from}`, `{to}` (the
    /// stay), `{wf}`, `{wt}` (the window) are filled in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Localized>,
}

/// True when an event's place is a country code (`KH`) rather than an administrative path.
///
/// ```
/// use prescreen_core::data::is_country;
/// assert!(is_country("KH"));
/// assert!(!is_country("云南省/临沧市"));
/// assert!(!is_country("kh"));
/// ```
pub fn is_country(area: &str) -> bool {
    area.len() == 2 && area.bytes().all(|b| b.is_ascii_uppercase())
}

/// `events.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventsFile {
    pub data_version: String,
    pub licence: String,
    pub events: Vec<Event>,
}

/// The `properties` of each feature in `regions.geojson`.
///
/// `kind` is `region` (a screened area, Polygon or MultiPolygon, clipped to its country) or
/// `border` (a country border line, LineString or MultiLineString, for the map).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionProperties {
    pub id: String,
    pub kind: String,
    pub name_zh: String,
    pub name_zh_tw: String,
    pub name_en: String,
    /// ISO 3166-1 alpha-2 country code(s) the feature belongs to (`CN-MM` for a border).
    pub country: String,
    /// True when the outline is an approximation; `method` then says how it was made.
    pub approximate: bool,
    pub method: String,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}
