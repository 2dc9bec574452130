//! The screening engine: the geographic data and the guidance the verdict needs, indexed once,
//! answering the page's [`Request`]s (the letters are [`crate::letters`], in a worker of their
//! own).
//!
//! Pure: no DOM, no worker API. The worker (`worker.rs`) feeds it messages; component tests call
//! [`Engine::handle`] directly, in the page.

use prescreen_core::case::CaseFile;
use prescreen_core::coords::parse_pasted;
use prescreen_core::data::{DataSet, Guidance, GuidanceTexts, ShippedTexts};
use prescreen_core::i18n::Lang;
use prescreen_core::import::nearest_regions;
use prescreen_core::verdict::{Screening, check};

use crate::map::map_view;
use prescreen_protocol::{
    FormCase, Overview, Problem, Reply, Request, Screened, ScreeningView, SourceEntry, Suggestion,
};

/// The texts of the shipped data files, as fetched.
#[derive(Debug, Clone, Default)]
pub struct DataTexts {
    pub places: String,
    pub events: String,
    pub regions: String,
    pub messages: String,
    pub channels: String,
    pub legal: String,
    pub holidays: String,
    pub linked: String,
}

impl DataTexts {
    /// The files the screening engine needs, in the order they are fetched: (file name, where
    /// its text goes). Of the guidance, only the message patterns and the channels: the law,
    /// the calendar and the linked accounts are the letters' ([`Guidance::load_screening`]).
    pub fn screening_files(&mut self) -> [(&'static str, &mut String); 5] {
        [
            ("places.json", &mut self.places),
            ("events.json", &mut self.events),
            ("regions.geojson", &mut self.regions),
            ("messages.json", &mut self.messages),
            ("channels.json", &mut self.channels),
        ]
    }

    /// The files the letters need: the whole guidance ([`Guidance::load_letters`]); the
    /// documents for today's freezes quote their cause's triage from messages.json.
    pub fn letters_files(&mut self) -> [(&'static str, &mut String); 5] {
        [
            ("messages.json", &mut self.messages),
            ("channels.json", &mut self.channels),
            ("legal.json", &mut self.legal),
            ("holidays.json", &mut self.holidays),
            ("linked.json", &mut self.linked),
        ]
    }

    /// The guidance texts as the core's loader takes them.
    pub fn guidance(&self) -> GuidanceTexts<'_> {
        GuidanceTexts {
            messages: &self.messages,
            channels: &self.channels,
            legal: &self.legal,
            holidays: &self.holidays,
            linked: &self.linked,
        }
    }

    /// All the texts as the core's loader takes them.
    pub fn shipped(&self) -> ShippedTexts<'_> {
        ShippedTexts {
            places: &self.places,
            events: &self.events,
            regions: &self.regions,
            guidance: Some(self.guidance()),
        }
    }
}

/// The indexed data: events, regions, gazetteer, freeze messages and channels.
pub struct Engine {
    pub data: DataSet,
}

impl Engine {
    /// Parses and indexes the data the screening reads (the geography, the message patterns
    /// and the channels); the error names the file at fault.
    pub fn from_texts(texts: &DataTexts) -> Result<Engine, String> {
        let mut data = DataSet::load_geography(&texts.shipped()).map_err(|e| e.to_string())?;
        let guidance = Guidance::load_screening(&texts.messages, &texts.channels)
            .map_err(|e| e.to_string())?;
        data.guidance = Some(guidance);
        Ok(Engine { data })
    }

    /// What the page shows before any screening: the data version and the sources.
    pub fn overview(&self) -> Overview {
        let links = |sources: &[prescreen_core::data::Source]| {
            sources
                .iter()
                .map(|s| (s.url.clone(), s.title.clone()))
                .collect()
        };
        let regions = &self.data.regions.regions;
        Overview {
            data_version: self.data.version.clone(),
            events: self
                .data
                .events
                .iter()
                .map(|event| SourceEntry {
                    name: [
                        event.title_zh.clone(),
                        event.title_zh.clone(),
                        event.title_en.clone(),
                    ],
                    detail: format!("{}, {}", event.effective, id_of(event.confidence)),
                    sources: links(&event.sources),
                })
                .collect(),
            region_sources: self
                .places_licence()
                .into_iter()
                .chain(regions.iter().map(|region| {
                    let p = &region.properties;
                    SourceEntry {
                        name: [p.name_zh.clone(), p.name_zh_tw.clone(), p.name_en.clone()],
                        detail: format!("({}) {}", id_of(p.confidence), p.method),
                        sources: links(&p.sources),
                    }
                }))
                .collect(),
        }
    }

    /// The place data's licences (NBS divisions, GeoNames, MIMU, OpenStreetMap), as the first
    /// entry of the Sources panel's list; each finding names its own place's source.
    fn places_licence(&self) -> Option<SourceEntry> {
        let licence = self.data.gazetteer.licence();
        (!licence.is_empty()).then(|| SourceEntry {
            name: [
                "地名与坐标（全部地点）".into(),
                "地名與座標（全部地點）".into(),
                "Place names and points (all places)".into(),
            ],
            detail: licence.to_owned(),
            sources: Vec::new(),
        })
    }

    /// Answers one request.
    pub fn handle(&self, request: Request) -> Reply {
        match request {
            Request::Screen { id, case, lang } => Reply::Screened {
                id,
                result: self.screen(&case, lang).map(|screening| Screened {
                    json: serde_json::to_string(&screening).unwrap_or_default(),
                    map: map_view(&self.data, &screening, lang),
                    screening: ScreeningView::of(&screening),
                }),
            },
            Request::ReadPaste { stay, text, .. } => Reply::PasteRead {
                stay,
                point: parse_pasted("paste", &text).ok().map(|point| {
                    (
                        point.lat.to_string(),
                        point.lon.to_string(),
                        point.datum.map(|d| d.id().to_owned()),
                    )
                }),
                text,
            },
            Request::ReadCase { id, text, lang } => Reply::CaseRead {
                id,
                result: CaseFile::from_json(&text)
                    .and_then(|file| FormCase::of(&file))
                    .map(|form| serde_json::to_string(&form).unwrap_or_default())
                    .map_err(|e| Problem::input(&e, lang)),
            },
            Request::Suggest { id, query } => Reply::Suggestions {
                id,
                places: self
                    .data
                    .gazetteer
                    .search(&query, 8)
                    .into_iter()
                    .map(|p| Suggestion {
                        name: p.zh.clone(),
                        detail: format!("{} · {} · {}", p.en, p.admin, p.country),
                    })
                    .collect(),
                query,
            },
            Request::Nearest { id, points } => {
                // Written by our own import worker; unreadable points rank nothing.
                let points: Vec<Option<(f64, f64)>> =
                    serde_json::from_str(&points).unwrap_or_default();
                let near = nearest_regions(&self.data, &points);
                Reply::Nearest {
                    id,
                    near: serde_json::to_string(&near).unwrap_or_default(),
                }
            }
            // Written by the letters worker; the page never sends them here.
            Request::Documents { id, .. } => Reply::Documents {
                id,
                result: Err(Problem::new("letters are written by the letters worker")),
            },
        }
    }

    fn screen(&self, case: &CaseFile, lang: Lang) -> Result<Screening, Problem> {
        case.validate()
            .and_then(|case| check(&case, &self.data, lang))
            .map_err(|e| Problem::input(&e, lang))
    }
}

/// A serde enum's id (`high`, `inferred` …), as the data files spell it.
fn id_of(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
