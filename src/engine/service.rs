//! The engine itself: the shipped data, indexed once, answering [`Request`]s.
//!
//! Pure: no DOM, no worker API. The worker (`worker.rs`) feeds it messages; component tests call
//! [`Engine::handle`] directly, in the page.

use prescreen_core::case::CaseFile;
use prescreen_core::coords::parse_pasted;
use prescreen_core::data::{DataSet, GuidanceTexts, ShippedTexts};
use prescreen_core::i18n::Lang;
use prescreen_core::letters::{Document, ScriptError, ScriptInput, ScriptKind, render};
use prescreen_core::verdict::{Screening, check};

use super::map::map_view;
use super::protocol::{
    Overview, Page, PageDeadline, Reply, Request, Screened, SourceEntry, Suggestion,
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
    /// The files, in the order they are fetched: (file name, where its text goes).
    pub fn files(&mut self) -> [(&'static str, &mut String); 8] {
        [
            ("places.json", &mut self.places),
            ("events.json", &mut self.events),
            ("regions.geojson", &mut self.regions),
            ("messages.json", &mut self.messages),
            ("channels.json", &mut self.channels),
            ("legal.json", &mut self.legal),
            ("holidays.json", &mut self.holidays),
            ("linked.json", &mut self.linked),
        ]
    }

    /// The texts as the core's loader takes them.
    pub fn shipped(&self) -> ShippedTexts<'_> {
        ShippedTexts {
            places: &self.places,
            events: &self.events,
            regions: &self.regions,
            guidance: Some(GuidanceTexts {
                messages: &self.messages,
                channels: &self.channels,
                legal: &self.legal,
                holidays: &self.holidays,
                linked: &self.linked,
            }),
        }
    }
}

/// The indexed data, with its guidance (message patterns, channels, letters' data).
pub struct Engine {
    pub data: DataSet,
}

impl Engine {
    /// Parses and indexes the data; the error names the file at fault.
    pub fn from_texts(texts: &DataTexts) -> Result<Engine, String> {
        let data = DataSet::load(&texts.shipped()).map_err(|e| e.to_string())?;
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
            region_sources: regions
                .iter()
                .map(|region| {
                    let p = &region.properties;
                    SourceEntry {
                        name: [p.name_zh.clone(), p.name_zh_tw.clone(), p.name_en.clone()],
                        detail: format!("({}) {}", id_of(p.confidence), p.method),
                        sources: links(&p.sources),
                    }
                })
                .collect(),
        }
    }

    /// Answers one request.
    pub fn handle(&self, request: Request) -> Reply {
        match request {
            Request::Screen { id, case, lang } => Reply::Screened {
                id,
                result: self.screen(&case, lang).map(|screening| Screened {
                    map: map_view(&self.data, &screening),
                    screening,
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
                    .and_then(|file| file.parsed_platforms().map(|_| file))
                    .map_err(|e| e.message(lang)),
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
            Request::Documents {
                id,
                case,
                kind,
                lang,
                now,
                numbers,
            } => Reply::Documents {
                id,
                result: self.documents(&case, &kind, lang, now.as_deref(), &numbers),
            },
        }
    }

    fn screen(&self, case: &CaseFile, lang: Lang) -> Result<Screening, String> {
        case.validate()
            .and_then(|case| check(&case, &self.data, lang))
            .map_err(|e| e.message(lang))
    }

    fn documents(
        &self,
        file: &CaseFile,
        kind: &str,
        lang: Lang,
        now: Option<&str>,
        numbers: &[String],
    ) -> Result<Vec<Page>, String> {
        let kind =
            ScriptKind::from_id(kind).ok_or_else(|| format!("unknown script kind {kind}"))?;
        let case = file.validate().map_err(|e| e.message(lang))?;
        let screening = check(&case, &self.data, lang).map_err(|e| e.message(lang))?;
        let input = ScriptInput {
            case: &case,
            screening: &screening,
            lang,
            now: now.and_then(|n| n.parse().ok()),
            numbers,
        };
        let guidance = self.data.guidance.as_ref().ok_or(ScriptError::NoGuidance);
        let documents = guidance
            .and_then(|guidance| render(kind, &input, guidance))
            .map_err(|e| e.message(lang))?;
        Ok(documents.iter().map(page).collect())
    }
}

/// A serde enum's id (`high`, `inferred` …), as the data files spell it.
fn id_of(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A document as the page shows it.
fn page(doc: &Document) -> Page {
    Page {
        kind: doc.kind.id().to_owned(),
        title: doc.title.clone(),
        recipient: doc.recipient.clone(),
        letter_text: doc.letter_text(),
        page_text: doc.page_text(),
        lines: doc.lines(),
        guidance: doc.guidance.clone(),
        mailto: doc.mailto.clone(),
        tel: doc
            .tel
            .iter()
            .map(|n| (n.tel.clone(), n.display.clone()))
            .collect(),
        deadline: doc.deadline.as_ref().map(|d| PageDeadline {
            sent_on: d.sent_on.to_string(),
            due: d.due.to_string(),
            ics: d.ics.clone(),
        }),
    }
}
