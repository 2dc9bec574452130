//! What screening finds: a [`Finding`] per stay and event, and its [`Relation`] to the region.

use serde::{Deserialize, Serialize};

use crate::data::Confidence;

/// How a stay relates to a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Far,
    Near,
    BorderZone,
    Inside,
}

impl Relation {
    /// Classifies the nearest distance from a point outside a region (0 means touching it).
    ///
    /// ```
    /// use prescreen_core::screening::Relation;
    /// // thresholds of 10 km (border zone) and 30 km (near): both limits are inclusive
    /// assert_eq!(Relation::from_distance(false, 10.0, 10.0, 30.0), Relation::BorderZone);
    /// assert_eq!(Relation::from_distance(false, 10.01, 10.0, 30.0), Relation::Near);
    /// assert_eq!(Relation::from_distance(false, 30.0, 10.0, 30.0), Relation::Near);
    /// assert_eq!(Relation::from_distance(false, 30.5, 10.0, 30.0), Relation::Far);
    /// assert_eq!(Relation::from_distance(true, 0.0, 10.0, 30.0), Relation::Inside);
    /// ```
    pub fn from_distance(covered: bool, km: f64, border_zone_km: f64, near_km: f64) -> Relation {
        if covered {
            Relation::Inside
        } else if km <= border_zone_km {
            Relation::BorderZone
        } else if km <= near_km {
            Relation::Near
        } else {
            Relation::Far
        }
    }
}

/// One stay against one event's nearest region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Index of the stay in the case.
    pub stay: usize,
    /// The gazetteer name, for a named place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Where the named place's point comes from and how sure it is, in the requested language
    /// (see `Gazetteer::place_note`), for the page to show under the finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place_note: Option<String>,
    /// WGS-84 point that was screened.
    pub lat: f64,
    pub lon: f64,
    /// Uncertainty of the point in km (0 for typed coordinates).
    pub radius_km: f64,
    pub event: String,
    pub region: String,
    /// How sure the sources are that this region was targeted.
    pub region_confidence: Confidence,
    pub relation: Relation,
    /// Nearest distance from anywhere in the stay's disc to the region, km.
    pub distance_km: f64,
    /// Farthest distance from the disc's centre side, km (nearest + diameter, or centre + radius).
    pub distance_max_km: f64,
    pub in_window: bool,
    /// The window the stay was checked against, inclusive.
    pub window_from: String,
    pub window_to: Option<String>,
    pub stay_from: String,
    pub stay_to: String,
    /// The nearest point of the region's edge (WGS-84), for drawing the distance on a map;
    /// only for stays that are not far.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nearest: Option<(f64, f64)>,
    /// The human-readable reason, in the requested language.
    pub why: String,
    /// The same in one short sentence for the result's first screen: place, region, distance
    /// range, dates ([`super::explain::clue`]).
    #[serde(default)]
    pub clue: String,
    /// For a later event's place (`region` is then its area, `KH` or `云南省/临沧市`): the
    /// event's source URLs. Empty, and left out, for a region of the 2019 freeze.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

impl Finding {
    /// How much this finding points at the event: 0 (not at all) to 3 (inside, in time).
    ///
    /// A region whose targeting no source confirms (`unverified`) counts one step less, so a
    /// stay in Ruili is never flagged as strongly as one in Mong La.
    pub fn strength(&self) -> u8 {
        if !self.in_window {
            return 0;
        }
        let by_relation: u8 = match self.relation {
            Relation::Inside => 3,
            Relation::BorderZone => 2,
            Relation::Near => 1,
            Relation::Far => 0,
        };
        match self.region_confidence {
            Confidence::Unverified | Confidence::User => by_relation.saturating_sub(1),
            _ => by_relation,
        }
    }
}
