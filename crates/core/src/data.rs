//! The shipped data set's schema: what `static/data/*.json` contain.
//!
//! The data pipeline (`data/`) writes these files and the app and the CLI read them through the
//! same types, so a file that does not fit is caught by a test, not by a user. Every record that
//! states a fact carries at least one [`Source`] and a [`Confidence`].

use serde::{Deserialize, Serialize};

/// Where a fact comes from. `url` is the page that says it; `title` names it for people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub url: String,
    pub title: String,
    /// The words the fact rests on, when short enough to quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// ISO date the source was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
}

/// How sure we are of a fact (see ../shared/FACTS.md for the labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// The authority's own text (possibly through a faithful repost).
    Official,
    /// Two or more independent news reports.
    Media,
    /// One report.
    Single,
    /// Forum or user accounts.
    User,
    /// Our own inference from sourced facts; the method says how.
    Inferred,
    /// Believed, not confirmed.
    Unverified,
}

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

/// `meta.json`: what the data pipeline built, from what, and how accurate it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaFile {
    pub data_version: String,
    /// ISO date of the build inputs (the pipeline is reproducible: no clock is read).
    pub built_from: String,
    pub licence: String,
    /// Attribution text the app must show (OpenStreetMap contributors, GeoNames, MIMU).
    pub attribution: Vec<String>,
    /// The pinned registry packages the files were built from, as `name version (licence)`.
    pub inputs: Vec<String>,
    pub files: Vec<FileInfo>,
    pub places: usize,
    pub regions: Vec<RegionInfo>,
    pub borders: Vec<BorderInfo>,
}

/// Size of one built file (`meta.json` itself is not listed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileInfo {
    pub name: String,
    pub bytes: u64,
    pub gzip_bytes: u64,
}

/// Size and vertex count of one region outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionInfo {
    pub id: String,
    pub area_km2: f64,
    pub vertices: usize,
}

/// One simplified border line and its measured error against the full-resolution line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BorderInfo {
    pub id: String,
    /// Douglas–Peucker tolerance, in degrees (absolute, not a percentage of points).
    pub tolerance_deg: f64,
    pub vertices_full: usize,
    pub vertices_kept: usize,
    /// Largest distance of a full-resolution vertex from the simplified line, km.
    pub max_error_km: f64,
    /// Median distance of the full-resolution vertices from the simplified line, km.
    pub median_error_km: f64,
}
