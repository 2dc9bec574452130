//! The loaded data set: what the screening reads, built once from the shipped files' text.

use crate::data::{Event, EventsFile, PlacesFile};
use crate::data_guidance::{ChannelsFile, MessagesFile};
use crate::gazetteer::Gazetteer;
use crate::index::RegionIndex;
use crate::regions::{RegionSet, RegionsError};

/// Everything the screening needs, parsed and indexed.
#[derive(Debug, Clone, Default)]
pub struct DataSet {
    /// The `data_version` of `events.json` (the file that decides verdicts).
    pub version: String,
    pub events: Vec<Event>,
    pub regions: RegionSet,
    pub gazetteer: Gazetteer,
    /// One index over all the regions of each location-based event, for screening many points
    /// (imports, benchmarks) with one lookup per point.
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
        let places: PlacesFile = parse_json("places.json", places)?;
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

    /// Adds the texts of `messages.json` and `channels.json`, for the message classifier and the
    /// channels of a verdict.
    pub fn with_guidance(mut self, messages: &str, channels: &str) -> Result<DataSet, DataError> {
        self.messages = Some(parse_json("messages.json", messages)?);
        self.channels = Some(parse_json("channels.json", channels)?);
        Ok(self)
    }
}

/// The union of one event's regions, indexed as one area.
#[derive(Debug, Clone)]
pub struct EventArea {
    pub event: String,
    pub border_zone_km: f64,
    pub near_km: f64,
    pub index: RegionIndex,
}

impl EventArea {
    fn new(event: &Event, regions: &RegionSet) -> EventArea {
        // The regions do not overlap, so their polygons together are one valid multipolygon.
        let union = geo::MultiPolygon(
            event
                .regions
                .iter()
                .filter_map(|id| regions.region(id))
                .flat_map(|r| r.shape.0.iter().cloned())
                .collect(),
        );
        EventArea {
            event: event.id.clone(),
            border_zone_km: event.border_zone_km,
            near_km: event.near_km,
            index: RegionIndex::new(&union, crate::regions::INDEX_MARGIN_KM),
        }
    }

    /// The relation class of a point to the nearest of the event's regions: 3 inside, 2 border
    /// zone, 1 near, 0 far.
    #[inline]
    pub fn class(&self, lon: f64, lat: f64) -> u8 {
        self.index
            .class(lon, lat, self.border_zone_km, self.near_km)
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
