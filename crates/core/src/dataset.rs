//! The loaded data set: what the screening reads, built once from the shipped files' text.

use crate::data::{Event, EventsFile, PlacesFile};
use crate::data_guidance::{ChannelsFile, MessagesFile};
use crate::gazetteer::Gazetteer;
use crate::regions::{RegionSet, RegionsError};

/// Everything the screening needs, parsed and indexed.
#[derive(Debug, Clone, Default)]
pub struct DataSet {
    /// The `data_version` of `events.json` (the file that decides verdicts).
    pub version: String,
    pub events: Vec<Event>,
    pub regions: RegionSet,
    pub gazetteer: Gazetteer,
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
        let places: PlacesFile = serde_json::from_str(places).map_err(|e| DataError::Json {
            file: "places.json",
            detail: e.to_string(),
        })?;
        let events: EventsFile = serde_json::from_str(events).map_err(|e| DataError::Json {
            file: "events.json",
            detail: e.to_string(),
        })?;
        Ok(DataSet {
            version: events.data_version,
            events: events.events,
            regions: RegionSet::from_geojson(regions)?,
            gazetteer: Gazetteer::new(places.places),
            messages: None,
            channels: None,
        })
    }

    /// Adds the texts of `messages.json` and `channels.json`, for the message classifier and the
    /// channels of a verdict.
    pub fn with_guidance(mut self, messages: &str, channels: &str) -> Result<DataSet, DataError> {
        self.messages = Some(serde_json::from_str(messages).map_err(|e| DataError::Json {
            file: "messages.json",
            detail: e.to_string(),
        })?);
        self.channels = Some(serde_json::from_str(channels).map_err(|e| DataError::Json {
            file: "channels.json",
            detail: e.to_string(),
        })?);
        Ok(self)
    }
}
