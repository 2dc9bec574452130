//! The shipped data: what `static/data/*` contain, and the one loader that reads them.
//!
//! The data pipeline (`data/`) writes these files; the app, the CLI, the tests and the benches read
//! them through [`DataSet::load`], which parses each file exactly once and hands out typed views.
//! A file that does not fit its schema is caught by a test, not by a user. Every record that
//! states a fact carries at least one [`Source`] and a [`Confidence`].
//!
//! | file | schema | view in [`DataSet`] |
//! |------|--------|---------------------|
//! | `places.json` | [`PlacesFile`] (geo.rs) | [`DataSet::gazetteer`] ([`Gazetteer`], gazetteer.rs) |
//! | `events.json` | [`EventsFile`] (geo.rs) | [`DataSet::events`], [`DataSet::areas`] ([`EventArea`], area.rs) |
//! | `regions.geojson` | [`RegionProperties`] (geo.rs) | [`DataSet::regions`] ([`RegionSet`], regions.rs) |
//! | `messages.json` | [`MessagesFile`] (messages.rs) | [`Guidance::messages`] |
//! | `channels.json` | [`ChannelsFile`] (channels.rs) | [`Guidance::channels`] |
//! | `legal.json` | [`LegalFile`] (legal.rs) | [`Guidance::legal`] |
//! | `holidays.json` | [`HolidaysFile`] (calendar.rs) | [`Guidance::calendar`] ([`Calendar`]) |
//! | `linked.json` | [`LinkedFile`] (linked.rs) | [`Guidance::linked`] |
//! | `meta.json` | [`MetaFile`] (meta.rs) | not loaded: the pipeline's report |
//!
//! The geography is always loaded; the guidance (message patterns, channels, quoted law,
//! working-day calendar, linked services) only when its texts are given, so an import that
//! only ranks stays by nearness fetches three files, not eight.
//!
//! ```no_run
//! use prescreen_core::data::{DataSet, SHIPPED};
//! let data = DataSet::load(&SHIPPED).unwrap();
//! assert!(data.guidance.is_some());
//! let geo_only = DataSet::load(&SHIPPED.without_guidance()).unwrap();
//! assert_eq!(geo_only.version, data.version);
//! assert!(geo_only.guidance.is_none());
//! ```

mod area;
mod calendar;
mod channels;
pub mod gazetteer;
mod geo;
mod legal;
mod linked;
mod messages;
mod meta;
mod normalise;
mod regions;
mod shipped;
mod source;

pub use area::EventArea;
pub use calendar::{
    Calendar, Counted, DayKind, DeadlineError, HolidayDay, HolidayYear, HolidaysFile, PeriodUnit,
    ReplyPeriod,
};
pub use channels::{
    AsksFor, Channel, ChannelsFile, Contact, ContactKind, Cost, Hours, How, Note, TimeRange,
};
pub use gazetteer::{Gazetteer, normalise_name};
pub use geo::{Event, EventsFile, Place, PlacesFile, RegionProperties, is_country};
pub use legal::{Article, Law, LegalFile, Paragraph};
pub use linked::{Claim, LinkedFile, LinkedPlatform, LinkedService};
pub use messages::{
    Cause, DOCUMENT_KINDS, MatchRule, MessageExample, MessagePattern, MessagesFile, Triage,
};
pub use meta::{BorderInfo, FileInfo, MetaFile, RegionInfo};
pub use normalise::{is_normalised, normalise};
pub use regions::{BorderLine, Region, RegionSet, RegionsError};
pub use shipped::SHIPPED;
pub use source::{Confidence, Localized, Source};

/// The texts of the shipped files, as read from disk, compiled in ([`SHIPPED`]) or fetched.
#[derive(Debug, Clone, Copy)]
pub struct ShippedTexts<'a> {
    pub places: &'a str,
    pub events: &'a str,
    pub regions: &'a str,
    /// `None` loads the geography only.
    pub guidance: Option<GuidanceTexts<'a>>,
}

impl<'a> ShippedTexts<'a> {
    /// The same texts without the guidance: [`DataSet::load`] then reads the geography only.
    pub fn without_guidance(self) -> ShippedTexts<'a> {
        ShippedTexts {
            guidance: None,
            ..self
        }
    }
}

/// The texts of the guidance files.
#[derive(Debug, Clone, Copy)]
pub struct GuidanceTexts<'a> {
    pub messages: &'a str,
    pub channels: &'a str,
    pub legal: &'a str,
    pub holidays: &'a str,
    pub linked: &'a str,
}

/// Everything the domain reads, each file parsed once.
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
    /// The guidance files; `None` when only the geography was loaded.
    pub guidance: Option<Guidance>,
}

/// What the message classifier, the verdict's channels and the letters read.
#[derive(Debug, Clone)]
pub struct Guidance {
    pub messages: MessagesFile,
    pub channels: ChannelsFile,
    pub legal: LegalFile,
    /// The working-day calendar and reply periods of `holidays.json`.
    pub calendar: Calendar,
    pub linked: LinkedFile,
}

/// A shipped data file that does not load: a build problem, not a user error.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{file}: {detail}; rebuild the data with data/build.sh")]
    Json { file: &'static str, detail: String },
    #[error("regions.geojson: {0}")]
    Regions(#[from] RegionsError),
    #[error("{0}")]
    Calendar(#[from] DeadlineError),
}

impl DataSet {
    /// Parses and indexes the shipped texts: the one loader.
    pub fn load(texts: &ShippedTexts<'_>) -> Result<DataSet, DataError> {
        let mut data = DataSet::load_geography(texts)?;
        data.guidance = texts.guidance.as_ref().map(Guidance::load).transpose()?;
        Ok(data)
    }

    /// The geography of `texts` alone (places, events, regions; `guidance` is `None`, whatever
    /// `texts` holds). For a worker that loads only its part of the guidance
    /// ([`Guidance::load_screening`]), so that its wasm links no parser of the other files.
    pub fn load_geography(texts: &ShippedTexts<'_>) -> Result<DataSet, DataError> {
        // Compact rows (see gazetteer::compact): 4,000 places, every spelling.
        let places: PlacesFile =
            gazetteer::compact::decode(texts.places).map_err(|detail| DataError::Json {
                file: "places.json",
                detail,
            })?;
        let events: EventsFile = parse_json("events.json", texts.events)?;
        let regions = RegionSet::from_geojson(texts.regions)?;
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
            gazetteer: Gazetteer::new(places.places).with_licence(places.licence),
            guidance: None,
        })
    }

    /// The message patterns, when the guidance is loaded.
    pub fn messages(&self) -> Option<&MessagesFile> {
        self.guidance.as_ref().map(|g| &g.messages)
    }

    /// The channels, when the guidance is loaded.
    pub fn channels(&self) -> Option<&ChannelsFile> {
        self.guidance.as_ref().map(|g| &g.channels)
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
}

impl Guidance {
    /// Parses the guidance files alone (the letters' worker, which needs no geography).
    pub fn load(texts: &GuidanceTexts<'_>) -> Result<Guidance, DataError> {
        Ok(Guidance {
            messages: parse_json("messages.json", texts.messages)?,
            channels: parse_json("channels.json", texts.channels)?,
            legal: parse_json("legal.json", texts.legal)?,
            calendar: Calendar::from_file(&parse_json("holidays.json", texts.holidays)?)?,
            linked: parse_json("linked.json", texts.linked)?,
        })
    }

    /// The part of the guidance a screening reads: the message patterns (with their triage) and
    /// the channels. The law, the calendar and the linked accounts stay empty: only the letters
    /// read them. The screening worker loads this, so it neither fetches those three files nor
    /// links their parsers; `prescreen-engine`'s tests prove that every screening is the same
    /// as with the whole guidance.
    pub fn load_screening(messages: &str, channels: &str) -> Result<Guidance, DataError> {
        Ok(Guidance {
            messages: parse_json("messages.json", messages)?,
            channels: parse_json("channels.json", channels)?,
            legal: LegalFile::default(),
            calendar: Calendar::default(),
            linked: LinkedFile::default(),
        })
    }

    /// The guidance the letters read: all of it, since the documents for today's freezes quote
    /// their cause's triage from `messages.json` (an earlier split that left it out wrote those
    /// documents without it). `prescreen-engine`'s tests prove that every document is the same
    /// as with [`Guidance::load`].
    pub fn load_letters(texts: &GuidanceTexts<'_>) -> Result<Guidance, DataError> {
        Ok(Guidance {
            // The documents for today's freezes quote their cause's triage.
            messages: parse_json("messages.json", texts.messages)?,
            channels: parse_json("channels.json", texts.channels)?,
            legal: parse_json("legal.json", texts.legal)?,
            calendar: Calendar::from_file(&parse_json("holidays.json", texts.holidays)?)?,
            linked: parse_json("linked.json", texts.linked)?,
        })
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
