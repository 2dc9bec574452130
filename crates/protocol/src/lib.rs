//! The messages between the page and the engine worker, as JSON strings: every type that
//! crosses the wire, and nothing else. The page depends on this crate only, never on the
//! engine's code.
//!
//! The page sends a [`Request`] and gets a [`Reply`]; every request carries an `id` that its reply
//! repeats, so a late answer to an old question (the user typed on) is recognised and dropped.
//! Every failure crosses as a [`Problem`]: the field at fault, if known, and the message already
//! in the user's language.

use std::collections::BTreeMap;

use prescreen_core::case::{CaseFile, Person, Platform, SentInput, StayInput};
use prescreen_core::error::InputError;
use prescreen_core::i18n::Lang;
use prescreen_core::import::ProposedStay;
use prescreen_core::verdict::Screening;
use serde::{Deserialize, Serialize};

/// A question for the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Validate and screen a case.
    Screen { id: u32, case: CaseFile, lang: Lang },
    /// Write a case's documents of one kind (`hotline`, `platform-appeal` …) from the screening
    /// the engine already answered for it (so the case is not screened twice).
    Documents {
        id: u32,
        case: CaseFile,
        kind: String,
        lang: Lang,
        /// "Now" in China time, `YYYY-MM-DDTHH:MM:SS`, for "open now" on the call script.
        now: Option<String>,
        /// Numbers the user copied from their own block screen.
        numbers: Vec<String>,
        /// The screening of this same case, as the engine answered it ([`Screened::json`]):
        /// passed on as text, so the page never needs the code to write a screening.
        screening: String,
    },
    /// Place names matching what the user is typing.
    Suggest { id: u32, query: String },
    /// Read coordinates pasted into stay `stay`'s paste box (pairs, DMS, map links).
    ReadPaste { id: u32, stay: usize, text: String },
    /// Read a case file the user picked (JSON text).
    ReadCase { id: u32, text: String, lang: Lang },
    /// The nearest region of an event to each imported place (`None`: a place with no stay),
    /// asked on behalf of an import worker, which holds no regions of its own.
    ///
    /// The points are JSON text (`[[lat, lon], null, …]`): the page only passes them on, so its
    /// wasm carries no code to read or write them.
    Nearest { id: u32, points: String },
}

impl Request {
    pub fn id(&self) -> u32 {
        match self {
            Request::Screen { id, .. }
            | Request::Documents { id, .. }
            | Request::Suggest { id, .. }
            | Request::ReadPaste { id, .. }
            | Request::ReadCase { id, .. }
            | Request::Nearest { id, .. } => *id,
        }
    }

    /// The same request under another id.
    pub fn with_id(mut self, new_id: u32) -> Request {
        match &mut self {
            Request::Screen { id, .. }
            | Request::Documents { id, .. }
            | Request::Suggest { id, .. }
            | Request::ReadPaste { id, .. }
            | Request::ReadCase { id, .. }
            | Request::Nearest { id, .. } => *id = new_id,
        }
        self
    }
}

/// An answer from the engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
// A reply lives only from the worker to the reducer; boxing its big variants would buy nothing.
#[allow(clippy::large_enum_variant)]
pub enum Reply {
    /// The data is loaded and indexed; what the page draws from it.
    Ready(Box<Overview>),
    /// The data could not be loaded (the detail names the file).
    LoadFailed(String),
    Screened {
        id: u32,
        result: Result<Screened, Problem>,
    },
    Documents {
        id: u32,
        result: Result<Vec<Page>, Problem>,
    },
    Suggestions {
        id: u32,
        query: String,
        places: Vec<Suggestion>,
    },
    /// What was read from a paste box: (latitude, longitude, datum the link implies), as text
    /// for the inputs; `None` when it does not read as a point (yet).
    PasteRead {
        stay: usize,
        text: String,
        point: Option<(String, String, Option<String>)>,
    },
    /// The case file as the page's form holds it (JSON of a [`FormCase`], the shape of the
    /// page's saved draft, which the page reads with the decoder it has for that), or why it
    /// cannot be read (naming the field).
    CaseRead {
        id: u32,
        result: Result<String, Problem>,
    },
    /// A worker listens: an import worker for its files, the letters for requests.
    Listening,
    /// An import worker has read its files and asks for the nearest region of each place found
    /// (the page asks the screening engine, which holds the index, and passes the answer on).
    /// `points` is JSON text, passed on untouched in [`Request::Nearest`].
    NeedNearest { points: String },
    /// The screening engine's answer to [`Request::Nearest`], in the same order: JSON text of
    /// `Vec<Option<NearRegion>>`, which the page passes on to the import worker untouched.
    Nearest { id: u32, near: String },
    /// Bytes of the current import read so far, of `total`.
    ImportProgress { done: u64, total: u64 },
    /// The stays found, or why the files gave none. The one failure still sent as a bare
    /// message (no field to name: it is about a file); the page makes it a [`Problem`].
    Imported(Result<Imported, Problem>),
}

/// Why something could not be done: the input field at fault when one is (`stays[0].lat`,
/// `platforms` … as in the case file), and the message for the person, already in their language,
/// saying how to fix it. The page keeps it as its one error value and shows it in one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub field: Option<String>,
    pub message: String,
}

impl Problem {
    /// A problem with no particular field.
    pub fn new(message: impl Into<String>) -> Problem {
        Problem {
            field: None,
            message: message.into(),
        }
    }

    /// An input error of the core, with its field, said in `lang`.
    pub fn input(error: &InputError, lang: Lang) -> Problem {
        Problem {
            field: Some(error.field.clone()),
            message: error.message(lang),
        }
    }
}

impl Problem {
    /// An error in a coordinate the page read as typed ([`Problem::input`] of it), with the
    /// texts of those errors only ([`InputError::coordinate_message`]): the page links no other
    /// error's texts. Any other error (none is made from typed coordinates) names its field.
    pub fn typed(error: &InputError, lang: Lang) -> Problem {
        Problem {
            field: Some(error.field.clone()),
            message: error
                .coordinate_message(lang)
                .unwrap_or_else(|| error.field.clone()),
        }
    }
}

impl From<String> for Problem {
    fn from(message: String) -> Problem {
        Problem::new(message)
    }
}

/// A case file as the page's form holds it: the shape of the page's saved draft (`Draft` in
/// `src/state/draft.rs`: a stay with a point is typed coordinates, every value text), so that the
/// page reads a picked case file with the decoder it has anyway for its saved draft and links no
/// case-file decoder. Written by the engine only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormCase {
    pub platforms: Vec<Platform>,
    pub message: String,
    pub frozen_on: String,
    /// Left out when empty: the page's draft then has its one empty stay.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stays: Vec<FormStay>,
    pub person: Person,
    /// Each platform's own block text (the case file's `freeze_messages`), carried so that an
    /// export gives back what was imported.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub messages: BTreeMap<String, String>,
    /// The call log (the case file's `calls`), as the file has it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub calls: Vec<BTreeMap<String, String>>,
    /// What was sent or handed in (the case file's `sent`), as the file has it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sent: Vec<SentInput>,
}

/// A stay as typed: `mode` is `Place` or `Coordinates` (the page's `StayMode`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormStay {
    pub mode: &'static str,
    pub place: String,
    pub lat: String,
    pub lon: String,
    pub datum: String,
    pub from: String,
    pub to: String,
    pub note: String,
}

impl FormCase {
    /// The form for `file`, or why it cannot be one (an unknown platform, naming it).
    pub fn of(file: &CaseFile) -> Result<FormCase, InputError> {
        let stays = file
            .stays
            .iter()
            .map(|s| FormStay::of(s, s.lat.is_some() && s.lon.is_some()))
            .collect();
        Ok(FormCase {
            platforms: file.parsed_platforms()?,
            message: file.freeze_message.clone().unwrap_or_default(),
            frozen_on: file.frozen_on.clone().unwrap_or_default(),
            stays,
            person: file.person.clone().unwrap_or_default(),
            messages: file.freeze_messages.clone(),
            calls: file.calls.clone(),
            sent: file.sent.clone(),
        })
    }
}

impl FormStay {
    /// `stay` as typed: as coordinates (`lat`, `lon`, the datum, WGS-84 when not said) when
    /// `coordinates`, else as a place name.
    pub fn of(stay: &StayInput, coordinates: bool) -> FormStay {
        let text = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        let (mode, place, lat, lon, datum) = if coordinates {
            (
                "Coordinates",
                String::new(),
                text(stay.lat),
                text(stay.lon),
                stay.datum.clone().unwrap_or_else(|| "wgs84".to_owned()),
            )
        } else {
            let place = stay.place.clone().unwrap_or_default();
            ("Place", place, String::new(), String::new(), String::new())
        };
        FormStay {
            mode,
            place,
            lat,
            lon,
            datum,
            from: stay.from.clone(),
            to: stay.to.clone(),
            note: stay.note.clone().unwrap_or_default(),
        }
    }
}

/// What the page shows from the data before any screening: its version and the sources. Kept
/// lean on purpose: every type here is decoded by the page's wasm, which the first screen
/// downloads.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Overview {
    pub data_version: String,
    /// The freeze events, for the sources page.
    pub events: Vec<SourceEntry>,
    /// The regions, for the sources page.
    pub region_sources: Vec<SourceEntry>,
}

/// One entry of the sources page: a name in three languages, a line of detail (dates, method,
/// confidence) and its sources as (URL, title).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceEntry {
    pub name: [String; 3],
    pub detail: String,
    pub sources: Vec<(String, String)>,
}

/// A screening and its map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Screened {
    /// What the page shows of the screening, every text ready.
    pub screening: ScreeningView,
    /// The same screening as JSON, which the page hands back with a request for letters.
    pub json: String,
    pub map: Option<MapView>,
}

/// What the page shows of a [`Screening`]: flat, every text already written by the engine in the
/// case's language, so that the page decodes strings and small numbers only (no floats, no enums
/// of the core, no nested schemas: each costs first-screen bytes, docs/perf.md §1).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ScreeningView {
    /// `none`, `unlikely`, `possible` or `likely` ([`prescreen_core::verdict::Verdict::id`]).
    pub verdict: String,
    /// The cause found, as its id (`border_area_freeze` …).
    pub cause: String,
    /// One sentence about the cause found.
    pub headline: String,
    /// The confidence: filled dots out of three, and in words.
    pub dots: u8,
    pub confidence: String,
    /// The strongest clue in one sentence.
    pub clue: Option<String>,
    /// The border-area finding as a secondary line, when the cause is something else.
    pub border_line: Option<String>,
    /// The cause in a few words: the message's kind when there was one, else the headline.
    pub cause_label: String,
    /// What the freeze message usually means, when there was one.
    pub message_explanation: Option<String>,
    /// Why the verdict is what it is, one sentence per step.
    pub explanation: Vec<String>,
    /// Who decides and the next step, for the cause found.
    pub triage: Option<(String, String)>,
    pub channels: Vec<ChannelView>,
    pub findings: Vec<FindingView>,
    /// The document kinds that fit this case, most useful first: (kind id, its name).
    pub documents: Vec<(String, String)>,
}

/// A channel to contact: its id, name, what it decides, and whether it cannot lift a freeze.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelView {
    pub id: String,
    pub name: String,
    pub decides: String,
    pub does_not_unfreeze: bool,
}

/// A stay's finding: the stay's index in the case, the place (its name, or its point as
/// "21.6980, 100.0310"), the reason, where the place's point comes from, and the relation
/// (`Inside`, `BorderZone`, `Near`, `Far`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingView {
    pub stay: usize,
    pub place: String,
    pub why: String,
    pub place_note: Option<String>,
    pub relation: String,
}

impl ScreeningView {
    /// What the page shows of `screening` (run by the engine).
    pub fn of(screening: &Screening) -> ScreeningView {
        ScreeningView {
            verdict: screening.verdict.id().to_owned(),
            cause: screening.cause.kind.as_str().to_owned(),
            headline: screening.headline.clone(),
            dots: screening.glance.dots,
            confidence: screening.glance.confidence.clone(),
            clue: screening.glance.clue.clone(),
            border_line: screening.border_line.clone(),
            cause_label: screening
                .message
                .as_ref()
                .map_or(&screening.headline, |m| &m.label)
                .clone(),
            message_explanation: screening.message.as_ref().map(|m| m.explanation.clone()),
            explanation: screening.explanation.clone(),
            triage: screening
                .triage
                .as_ref()
                .map(|t| (t.who_decides.clone(), t.next_step.clone())),
            channels: screening
                .channels
                .iter()
                .map(|c| ChannelView {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    decides: c.decides.clone(),
                    does_not_unfreeze: c.does_not_unfreeze,
                })
                .collect(),
            findings: screening
                .findings
                .iter()
                .map(|f| FindingView {
                    stay: f.stay,
                    place: f
                        .place
                        .clone()
                        .unwrap_or_else(|| format!("{:.4}, {:.4}", f.lat, f.lon)),
                    why: f.why.clone(),
                    place_note: f.place_note.clone(),
                    relation: format!("{:?}", f.relation),
                })
                .collect(),
            documents: screening
                .documents
                .iter()
                .map(|d| (d.kind.clone(), d.label.clone()))
                .collect(),
        }
    }
}

/// A place name to suggest: the name to fill in, and a line that tells homonyms apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub name: String,
    pub detail: String,
}

/// One script or letter, ready to show, copy, download or send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// `hotline`, `platform-appeal` …
    pub kind: String,
    pub title: String,
    pub recipient: Vec<String>,
    /// Subject and body: what "copy" copies.
    pub letter_text: String,
    /// The whole page: what "download" saves.
    pub page_text: String,
    /// The body in short lines, for the large-type read-aloud view.
    pub lines: Vec<String>,
    pub guidance: String,
    pub mailto: Option<String>,
    /// (`tel:` URL, number as shown).
    pub tel: Vec<(String, String)>,
    pub deadline: Option<PageDeadline>,
}

/// When a reply is due, with a calendar file for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageDeadline {
    pub sent_on: String,
    pub due: String,
    pub ics: String,
}

/// The stays an import proposes, for the user to confirm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Imported {
    pub stays: Vec<Proposal>,
    /// One line: files, points, stays, what was left out.
    pub summary: String,
    /// Size of the worker's memory when it finished (wasm memory never shrinks, so this is its
    /// peak), in bytes.
    pub peak_memory_bytes: u64,
}

/// A stay an import proposes, ready to show: flat text, so that the page links no decoder of the
/// core's stays or of floats.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    /// Its dates and point: "2019-09-03 – 2019-09-05 · 21.7000, 100.0300" ("?" for a place
    /// with no point: a bill's name that fits several places, which its note lists).
    pub label: String,
    /// The nearest region of an event within reach, and the distance to it in km ("3.2").
    pub near: Option<(String, String)>,
    pub note: String,
    /// The stay as the page's form holds it, as typed coordinates: JSON of a [`FormStay`] (the
    /// page's stay draft), which the page adds to its draft as it is.
    pub stay: String,
}

impl Proposal {
    /// What the page shows of `proposed` (run by the import worker).
    pub fn of(proposed: &ProposedStay) -> Proposal {
        let stay = &proposed.stay;
        let point = match (stay.lat, stay.lon) {
            (Some(lat), Some(lon)) => format!("{lat:.4}, {lon:.4}"),
            _ => "?".to_owned(),
        };
        Proposal {
            label: format!("{} – {} · {point}", stay.from, stay.to),
            near: proposed
                .near
                .as_ref()
                .map(|near| (near.region.clone(), format!("{:.1}", near.distance_km))),
            note: stay.note.clone().unwrap_or_default(),
            stay: serde_json::to_string(&FormStay::of(stay, true)).unwrap_or_default(),
        }
    }
}

// The result map, drawn by the engine as the markup of one `<svg>` element (regions, country
// borders and names, the stays, a scale bar, every text in the case's language), in whole units
// of a 10 000-unit-wide box: the page places it as it is and zooms by substituting a few tokens
// ([`MapView::at_zoom`]), so it links no code to draw or decode shapes (docs/perf.md §1d).

/// Width of the drawing in SVG user units.
pub const WIDTH: i32 = 10_000;

/// The zoom steps: 2^step, from ¼× to 16×.
pub const ZOOM_STEPS: std::ops::RangeInclusive<i32> = -2..=4;

/// A map ready to draw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapView {
    /// The `<svg>` element. Sizes that must look the same on screen at every zoom are tokens:
    /// `{n}` is n units at zoom 1, `{a:n}` is a plus those n units (n may be negative); `{V}` is
    /// the viewBox and `{S}` the scale bar, one of each per zoom step in `views` and `scales`.
    /// Texts are escaped (`&`, `<`, `>`, `{`), so a brace is always a token.
    pub svg: String,
    /// Per zoom step, from the first of [`ZOOM_STEPS`]: the viewBox (the middle of the drawing).
    pub views: Vec<String>,
    /// Per zoom step: the scale bar (a round number of km, about a quarter of what is in view).
    pub scales: Vec<String>,
}

/// `units` at zoom 1 divided by the zoom 2^`step` (whole units, rounded toward zero).
pub fn unzoom(units: i32, step: i32) -> i32 {
    let n = units.abs();
    let n = if step >= 0 { n >> step } else { n << -step };
    if units < 0 { -n } else { n }
}

impl MapView {
    /// The `<svg>` markup at zoom step `step` (one of [`ZOOM_STEPS`]): the tokens replaced.
    pub fn at_zoom(&self, step: i32) -> String {
        let at = (step - ZOOM_STEPS.start()).max(0) as usize;
        let per_step = |list: &[String]| list.get(at).cloned().unwrap_or_default();
        let svg = self
            .svg
            .replacen("{V}", &per_step(&self.views), 1)
            .replacen("{S}", &per_step(&self.scales), 1);
        let mut out = String::with_capacity(svg.len());
        let mut rest = svg.as_str();
        while let Some((before, after)) = rest.split_once('{') {
            out.push_str(before);
            let (token, after) = after.split_once('}').unwrap_or((after, ""));
            rest = after;
            let (base, units) = token.split_once(':').unwrap_or(("0", token));
            let number = |t: &str| t.parse::<i32>().unwrap_or(0);
            out.push_str(&(number(base) + unzoom(number(units), step)).to_string());
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page zooms the engine's markup by substituting its tokens: sizes divided by the zoom,
    /// positions plus or minus such sizes, and the viewBox and scale bar of the step.
    #[test]
    fn a_map_is_zoomed_by_its_tokens() {
        let map = MapView {
            svg: r#"<svg viewBox="{V}"><text x="{5000:160}" y="{5381:-120}" font-size="{380}">a &#123;b}</text>{S}</svg>"#.to_owned(),
            views: ZOOM_STEPS.map(|s| format!("view{s}")).collect(),
            scales: ZOOM_STEPS.map(|s| format!(r#"<g stroke-width="{{40}}">{s}</g>"#)).collect(),
        };
        assert_eq!(
            map.at_zoom(0),
            r#"<svg viewBox="view0"><text x="5160" y="5261" font-size="380">a &#123;b}</text><g stroke-width="40">0</g></svg>"#
        );
        assert_eq!(
            map.at_zoom(2),
            r#"<svg viewBox="view2"><text x="5040" y="5351" font-size="95">a &#123;b}</text><g stroke-width="10">2</g></svg>"#
        );
        assert_eq!(
            map.at_zoom(-2),
            r#"<svg viewBox="view-2"><text x="5640" y="4901" font-size="1520">a &#123;b}</text><g stroke-width="160">-2</g></svg>"#
        );
        // The sizes the page drew before the engine wrote the markup: n >> step, n << -step.
        assert_eq!((unzoom(120, 4), unzoom(-120, 4), unzoom(20, 4)), (7, -7, 1));
    }
}
