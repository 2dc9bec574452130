//! The loaded data set: what the screening reads, built once from the shipped files' text.

use crate::data::{Event, EventsFile, PlacesFile};
use crate::data_guidance::{ChannelsFile, MessagesFile};
use crate::gazetteer::Gazetteer;
use crate::index::RegionIndex;
use crate::regions::{Region, RegionSet, RegionsError};

/// Everything the screening needs, parsed and indexed.
#[derive(Debug, Clone, Default)]
pub struct DataSet {
    /// The `data_version` of `events.json` (the file that decides verdicts).
    pub version: String,
    pub events: Vec<Event>,
    pub regions: RegionSet,
    pub gazetteer: Gazetteer,
    /// One index over all the regions of each location-based event: screening asks it which
    /// region is nearest, and classifies many points (imports, benchmarks) with one lookup each.
    pub areas: Vec<EventArea>,
    /// Freeze-message patterns; `None` until [`DataSet::with_guidance`] adds them.
    pub messages: Option<MessagesFile>,
    /// Who decides and how to reach them; `None` until [`DataSet::with_guidance`] adds them.
    pub channels: Option<ChannelsFile>,
}

/// A shipped data file that does not load: a build problem, not a user error.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{file}: {detail}; rebuild the data with data/build.sh")]
    Json { file: &'static str, detail: String },
    #[error("regions.geojson: {0}")]
    Regions(#[from] RegionsError),
}

impl DataSet {
    /// Parses the texts of `places.json`, `events.json` and `regions.geojson`.
    pub fn from_texts(places: &str, events: &str, regions: &str) -> Result<DataSet, DataError> {
        let places: PlacesFile =
            crate::gazetteer::compact::decode(places).map_err(|detail| DataError::Json {
                file: "places.json",
                detail,
            })?;
        let events: EventsFile = parse_json("events.json", events)?;
        let regions = RegionSet::from_geojson(regions)?;
        let areas = events
            .events
            .iter()
            .filter(|e| !e.regions.is_empty())
            .map(|event| EventArea::new(event, &regions))
            .collect();
        Ok(DataSet {
            version: events.data_version,
            events: events.events,
            regions,
            areas,
            gazetteer: Gazetteer::new(places.places),
            messages: None,
            channels: None,
        })
    }

    /// Which event index holds `region`, and as which part: `(area, part)`, so that
    /// `areas[area].index` answers for it what the region's own index would.
    pub fn area_part(&self, region: &Region) -> Option<(usize, usize)> {
        self.areas.iter().enumerate().find_map(|(a, area)| {
            let part = area.regions.iter().position(|id| {
                *id == region.properties.id
                    && self
                        .regions
                        .region(id)
                        .is_some_and(|r| std::ptr::eq(r, region))
            })?;
            Some((a, part))
        })
    }

    /// Adds the texts of `messages.json` and `channels.json`, for the message classifier and the
    /// channels of a verdict.
    pub fn with_guidance(mut self, messages: &str, channels: &str) -> Result<DataSet, DataError> {
        self.messages = Some(parse_json("messages.json", messages)?);
        self.channels = Some(parse_json("channels.json", channels)?);
        Ok(self)
    }
}

/// The union of one event's regions, indexed as one area: the only index loading the data builds
/// for the event. It answers `covers`, the relation class of a point (from a grid precomputed
/// for the event's two thresholds) and which region is nearest, for the findings.
#[derive(Debug, Clone)]
pub struct EventArea {
    pub event: String,
    pub border_zone_km: f64,
    pub near_km: f64,
    /// The ids of the regions in the index, in the event's order, each once (those missing
    /// from `regions.geojson` left out): part `i` of the index is `regions[i]`.
    pub regions: Vec<String>,
    pub index: RegionIndex,
}

impl EventArea {
    /// The area of `event`'s regions, as found in `regions`.
    pub fn new(event: &Event, regions: &RegionSet) -> EventArea {
        let parts = EventArea::parts(event, regions);
        // The regions do not overlap, so their polygons together are one valid multipolygon.
        let shapes: Vec<&geo::MultiPolygon<f64>> = parts.iter().map(|r| &r.shape).collect();
        EventArea {
            event: event.id.clone(),
            border_zone_km: event.border_zone_km,
            near_km: event.near_km,
            regions: parts.iter().map(|r| r.properties.id.clone()).collect(),
            index: RegionIndex::of_parts(&shapes, Some((event.border_zone_km, event.near_km))),
        }
    }

    /// The event's regions found in `regions`, in the event's order, each once.
    fn parts<'a>(event: &Event, regions: &'a RegionSet) -> Vec<&'a Region> {
        let mut parts: Vec<&Region> = Vec::new();
        for region in event.regions.iter().filter_map(|id| regions.region(id)) {
            if !parts.iter().any(|p| std::ptr::eq(*p, region)) {
                parts.push(region);
            }
        }
        parts
    }

    /// Whether this area indexes exactly `event`'s regions as found in `regions` (so its answers
    /// are the event's).
    pub fn is_of(&self, event: &Event, regions: &RegionSet) -> bool {
        self.event == event.id
            && EventArea::parts(event, regions)
                .iter()
                .map(|r| r.properties.id.as_str())
                .eq(self.regions.iter().map(String::as_str))
    }

    /// The relation class of a point to the nearest of the event's regions: 3 inside, 2 border
    /// zone, 1 near, 0 far.
    #[inline]
    pub fn class(&self, lon: f64, lat: f64) -> u8 {
        self.index
            .class(lon, lat, self.border_zone_km, self.near_km)
    }

    /// The event's region nearest to a point (the first in the event's order of equally near
    /// ones), whether it covers the point, and the distance to it in km (0 when covered):
    /// what asking each region's own index would give.
    pub fn nearest(&self, lon: f64, lat: f64) -> Option<(&str, bool, f64)> {
        let nearest = self.index.nearest_part(lon, lat)?;
        let id = self.regions.get(nearest.part)?;
        Some((id.as_str(), nearest.covered, nearest.km))
    }
}

/// Parses one shipped JSON file, naming it in the error.
fn parse_json<T: serde::de::DeserializeOwned>(
    file: &'static str,
    text: &str,
) -> Result<T, DataError> {
    serde_json::from_str(text).map_err(|e| DataError::Json {
        file,
        detail: e.to_string(),
    })
}
