//! The whole app state and the one reducer that changes it.
//!
//! What the user typed lives in [`Draft`], kept verbatim (strings, not parsed values) so that a
//! mistake is shown, never lost. Screening and script writing are pure calls into the core, made
//! here; effects (storage, fetching data, clipboard, files) live in `persist.rs`, `load.rs` and the
//! components that own them.

use std::rc::Rc;

use prescreen_core::case::{CASE_FILE_VERSION, CaseFile, Person, Platform, StayInput};
use prescreen_core::coords::parse_pasted;
use prescreen_core::dataset::DataSet;
use prescreen_core::error::{InputError, InputErrorKind};
use prescreen_core::i18n::Lang;
use prescreen_core::scripts::{Document, ScriptData, ScriptInput, ScriptKind, render};
use prescreen_core::verdict::{Screening, check};
use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::text::{Text, t};

/// The steps of the flow, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Step {
    #[default]
    WhatHappened,
    WhereYouWere,
    Result,
    WhatToDo,
}

impl Step {
    pub const ALL: [Step; 4] = [
        Step::WhatHappened,
        Step::WhereYouWere,
        Step::Result,
        Step::WhatToDo,
    ];

    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    fn next(self) -> Step {
        Step::ALL.get(self.number()).copied().unwrap_or(self)
    }

    fn back(self) -> Step {
        Step::ALL
            .get(self.number().saturating_sub(2))
            .copied()
            .unwrap_or(self)
    }
}

/// How a stay's location is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum StayMode {
    #[default]
    Place,
    Coordinates,
}

/// A stay as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StayDraft {
    pub mode: StayMode,
    pub place: String,
    /// Coordinates as pasted: "21.698, 100.031", DMS, or a map link; fills `lat`/`lon`.
    pub coordinates: String,
    pub lat: String,
    pub lon: String,
    /// `wgs84`, `gcj02` or `bd09`.
    pub datum: String,
    pub from: String,
    pub to: String,
    pub note: String,
}

/// Which input of a stay changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StayField {
    Place,
    /// The paste box: when it reads as a point, it fills lat, lon and (if implied) the datum.
    Coordinates,
    Lat,
    Lon,
    Datum,
    From,
    To,
    Note,
}

/// Which personal field changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonField {
    Name,
    IdNumber,
    WechatId,
    Qq,
    Phone,
}

/// Everything the user entered: what export writes and storage keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub platforms: Vec<Platform>,
    pub message: String,
    pub frozen_on: String,
    pub stays: Vec<StayDraft>,
    pub person: Person,
    /// Numbers copied from the user's own block screen or notice (one per line).
    pub numbers: String,
    /// Stays the user said they were not at, after seeing a finding.
    pub not_there: Vec<usize>,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            platforms: Vec::new(),
            message: String::new(),
            frozen_on: String::new(),
            stays: vec![StayDraft::default()],
            person: Person::default(),
            numbers: String::new(),
            not_there: Vec::new(),
        }
    }
}

impl Draft {
    /// The case file this draft stands for, or the first input that cannot be read.
    pub fn case_file(&self) -> Result<CaseFile, InputError> {
        let mut stays = Vec::new();
        for (i, stay) in self.stays.iter().enumerate() {
            if self.not_there.contains(&i) {
                continue;
            }
            let mut input = StayInput {
                from: stay.from.clone(),
                to: stay.to.clone(),
                note: Some(stay.note.clone()).filter(|n| !n.trim().is_empty()),
                ..StayInput::default()
            };
            match stay.mode {
                StayMode::Place => input.place = Some(stay.place.clone()),
                StayMode::Coordinates => {
                    input.lat = Some(number(&format!("stays[{i}].lat"), &stay.lat)?);
                    input.lon = Some(number(&format!("stays[{i}].lon"), &stay.lon)?);
                    let chosen = stay.datum.trim();
                    input.datum = Some(if chosen.is_empty() { "wgs84" } else { chosen }.to_owned());
                }
            }
            stays.push(input);
        }
        let person = Person {
            name: non_blank(&self.person.name),
            id_number: non_blank(&self.person.id_number),
            wechat_id: non_blank(&self.person.wechat_id),
            qq: non_blank(&self.person.qq),
            phone: non_blank(&self.person.phone),
        };
        Ok(CaseFile {
            version: CASE_FILE_VERSION,
            today: None,
            frozen_on: Some(self.frozen_on.clone()).filter(|d| !d.trim().is_empty()),
            platforms: self.platforms.iter().map(|p| p.id().to_owned()).collect(),
            freeze_message: Some(self.message.clone()).filter(|m| !m.trim().is_empty()),
            stays,
            person: (person != Person::default()).then_some(person),
        })
    }

    /// The draft index of the stay a screening calls `case_index` (stays marked "I was not
    /// there" are left out of the case).
    pub fn draft_index(&self, case_index: usize) -> Option<usize> {
        (0..self.stays.len())
            .filter(|i| !self.not_there.contains(i))
            .nth(case_index)
    }

    /// A draft from an imported case file (the inverse of [`Draft::case_file`]).
    pub fn from_case_file(file: &CaseFile) -> Result<Draft, InputError> {
        let platforms = file.parsed_platforms()?;
        let stays = file
            .stays
            .iter()
            .map(|s| match (&s.place, s.lat, s.lon) {
                (_, Some(lat), Some(lon)) => StayDraft {
                    mode: StayMode::Coordinates,
                    lat: lat.to_string(),
                    lon: lon.to_string(),
                    datum: s.datum.clone().unwrap_or_else(|| "wgs84".to_owned()),
                    from: s.from.clone(),
                    to: s.to.clone(),
                    note: s.note.clone().unwrap_or_default(),
                    ..StayDraft::default()
                },
                (place, _, _) => StayDraft {
                    place: place.clone().unwrap_or_default(),
                    from: s.from.clone(),
                    to: s.to.clone(),
                    note: s.note.clone().unwrap_or_default(),
                    ..StayDraft::default()
                },
            })
            .collect::<Vec<_>>();
        Ok(Draft {
            platforms,
            message: file.freeze_message.clone().unwrap_or_default(),
            frozen_on: file.frozen_on.clone().unwrap_or_default(),
            stays: if stays.is_empty() {
                vec![StayDraft::default()]
            } else {
                stays
            },
            person: file.person.clone().unwrap_or_default(),
            numbers: String::new(),
            not_there: Vec::new(),
        })
    }
}

/// A typed coordinate; an empty or unreadable one names its field.
fn number(field: &str, text: &str) -> Result<f64, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(InputError::new(field, InputErrorKind::Missing));
    }
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| {
            InputError::new(
                field,
                InputErrorKind::BadCoordinates {
                    value: text.to_owned(),
                },
            )
        })
}

fn non_blank(field: &Option<String>) -> Option<String> {
    field.as_ref().filter(|v| !v.trim().is_empty()).cloned()
}

fn datum_id(datum: prescreen_core::case::Datum) -> &'static str {
    use prescreen_core::case::Datum;
    match datum {
        Datum::Wgs84 => "wgs84",
        Datum::Gcj02 => "gcj02",
        Datum::Bd09 => "bd09",
    }
}

/// The shipped data: loading, ready, or failed with a message.
#[derive(Debug, Clone, Default)]
pub enum DataStatus {
    #[default]
    Loading,
    Ready(Rc<DataSet>, Rc<ScriptData>),
    Failed(String),
}

#[derive(Debug, Clone, Default)]
pub struct State {
    pub lang: Lang,
    pub step: Step,
    pub draft: Draft,
    /// Keep the case in localStorage across browser sessions (off: sessionStorage only).
    pub remember: bool,
    pub data: DataStatus,
    pub screening: Option<Rc<Screening>>,
    pub script_kind: Option<ScriptKind>,
    /// "Now" in China time for "open now", set by the component that reads the clock.
    pub now: Option<jiff::civil::DateTime>,
    /// The one error shown, in the one error area.
    pub error: Option<String>,
    /// A short confirmation ("copied", "saved"), shown beside the error area.
    pub notice: Option<String>,
    /// A newer version of the app and data has taken over: offer a reload.
    pub update_ready: bool,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.step == other.step
            && self.draft == other.draft
            && self.remember == other.remember
            && self.screening == other.screening
            && self.script_kind == other.script_kind
            && self.now == other.now
            && self.error == other.error
            && self.notice == other.notice
            && self.update_ready == other.update_ready
            && match (&self.data, &other.data) {
                (DataStatus::Loading, DataStatus::Loading) => true,
                (DataStatus::Ready(a, _), DataStatus::Ready(b, _)) => Rc::ptr_eq(a, b),
                (DataStatus::Failed(a), DataStatus::Failed(b)) => a == b,
                _ => false,
            }
    }
}

pub enum Action {
    SetLang(Lang),
    Next,
    Back,
    TogglePlatform(Platform),
    EditMessage(String),
    EditFrozenOn(String),
    EditStay(usize, StayField, String),
    SetStayMode(usize, StayMode),
    AddStay,
    RemoveStay(usize),
    EditPerson(PersonField, String),
    EditNumbers(String),
    /// "I was not there" (true) or "I was there" (false) for stay `n`.
    SetNotThere(usize, bool),
    SetRemember(bool),
    DataLoaded(Rc<DataSet>, Rc<ScriptData>),
    DataFailed(String),
    /// Screen the stays and, when that works, show the result.
    Run,
    ChooseScript(ScriptKind),
    SetNow(jiff::civil::DateTime),
    /// Replace everything entered with an imported case.
    Restore(Box<Draft>),
    /// Forget everything entered (storage is wiped by the caller).
    EraseAll,
    ShowError(String),
    ShowNotice(String),
    UpdateReady,
}

impl State {
    /// A state restored from storage.
    pub fn restored(lang: Lang, draft: Option<Draft>, remember: bool) -> State {
        State {
            lang,
            draft: draft.unwrap_or_default(),
            remember,
            ..State::default()
        }
    }

    /// Screens the draft; on any problem only `error` changes, so input and the last result stay.
    fn run(&self) -> State {
        let mut next = self.clone();
        next.notice = None;
        let DataStatus::Ready(data, _) = &self.data else {
            next.error = Some(t(self.lang, Text::DataNotReady).to_owned());
            return next;
        };
        let result = self
            .draft
            .case_file()
            .and_then(|file| file.validate())
            .and_then(|case| check(&case, data, self.lang));
        match result {
            Ok(screening) => {
                next.screening = Some(Rc::new(screening));
                next.error = None;
                next.step = Step::Result;
            }
            Err(error) => next.error = Some(error.message(self.lang)),
        }
        next
    }

    /// The documents of the chosen kind for the current case, or a message saying what is missing.
    pub fn documents(&self) -> Result<Vec<Document>, String> {
        let (DataStatus::Ready(_, script_data), Some(screening), Some(kind)) =
            (&self.data, &self.screening, self.script_kind)
        else {
            return Ok(Vec::new());
        };
        let case = self
            .draft
            .case_file()
            .and_then(|f| f.validate())
            .map_err(|e| e.message(self.lang))?;
        let numbers: Vec<String> = self
            .draft
            .numbers
            .lines()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
        let input = ScriptInput {
            case: &case,
            screening,
            lang: self.lang,
            now: self.now,
            numbers: &numbers,
        };
        render(kind, &input, script_data).map_err(|e| e.message(self.lang))
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // Any edit clears the last confirmation; errors stay until the next run or step.
        next.notice = None;
        match action {
            Action::SetLang(lang) => {
                next.lang = lang;
                // The result's sentences are in the old language: screen again.
                if next.screening.is_some() {
                    let step = next.step;
                    next = next.run();
                    next.step = step;
                }
            }
            Action::Next => {
                if self.step == Step::WhereYouWere {
                    return Rc::new(self.run());
                }
                if self.step == Step::Result && self.screening.is_none() {
                    next.error = Some(t(self.lang, Text::RunFirst).to_owned());
                } else {
                    next.step = self.step.next();
                    next.error = None;
                }
            }
            Action::Back => {
                next.step = self.step.back();
                next.error = None;
            }
            Action::TogglePlatform(platform) => {
                if let Some(at) = next.draft.platforms.iter().position(|p| *p == platform) {
                    next.draft.platforms.remove(at);
                } else {
                    next.draft.platforms.push(platform);
                }
            }
            Action::EditMessage(message) => next.draft.message = message,
            Action::EditFrozenOn(date) => next.draft.frozen_on = date,
            Action::EditStay(i, field, value) => {
                if let Some(stay) = next.draft.stays.get_mut(i) {
                    match field {
                        StayField::Place => stay.place = value,
                        StayField::Coordinates => {
                            // Fill lat/lon only when the paste reads as a point; else keep typing.
                            if let Ok(point) = parse_pasted("paste", &value) {
                                stay.lat = point.lat.to_string();
                                stay.lon = point.lon.to_string();
                                if let Some(datum) = point.datum {
                                    stay.datum = datum_id(datum).to_owned();
                                }
                            }
                            stay.coordinates = value;
                        }
                        StayField::Lat => stay.lat = value,
                        StayField::Lon => stay.lon = value,
                        StayField::Datum => stay.datum = value,
                        StayField::From => stay.from = value,
                        StayField::To => stay.to = value,
                        StayField::Note => stay.note = value,
                    }
                }
            }
            Action::SetStayMode(i, mode) => {
                if let Some(stay) = next.draft.stays.get_mut(i) {
                    stay.mode = mode;
                }
            }
            Action::AddStay => {
                // A new stay starts with the previous one's dates: trips are usually consecutive.
                let last = next.draft.stays.last().cloned().unwrap_or_default();
                next.draft.stays.push(StayDraft {
                    from: last.to.clone(),
                    to: last.to,
                    ..StayDraft::default()
                });
            }
            Action::RemoveStay(i) => {
                if next.draft.stays.len() > 1 && i < next.draft.stays.len() {
                    next.draft.stays.remove(i);
                    next.draft.not_there = next
                        .draft
                        .not_there
                        .iter()
                        .filter(|&&n| n != i)
                        .map(|&n| if n > i { n - 1 } else { n })
                        .collect();
                }
            }
            Action::EditPerson(field, value) => {
                let value = Some(value);
                let person = &mut next.draft.person;
                match field {
                    PersonField::Name => person.name = value,
                    PersonField::IdNumber => person.id_number = value,
                    PersonField::WechatId => person.wechat_id = value,
                    PersonField::Qq => person.qq = value,
                    PersonField::Phone => person.phone = value,
                }
            }
            Action::EditNumbers(numbers) => next.draft.numbers = numbers,
            Action::SetNotThere(stay, not_there) => {
                next.draft.not_there.retain(|&n| n != stay);
                if not_there {
                    next.draft.not_there.push(stay);
                }
                let step = next.step;
                next = next.run();
                next.step = step;
            }
            Action::SetRemember(remember) => next.remember = remember,
            Action::DataLoaded(data, scripts) => next.data = DataStatus::Ready(data, scripts),
            Action::DataFailed(message) => {
                next.data = DataStatus::Failed(message.clone());
                next.error = Some(message);
            }
            Action::Run => next = self.run(),
            Action::ChooseScript(kind) => next.script_kind = Some(kind),
            Action::SetNow(now) => next.now = Some(now),
            Action::Restore(draft) => {
                next.draft = *draft;
                next.screening = None;
                next.step = Step::WhatHappened;
                next.error = None;
                next.notice = Some(t(self.lang, Text::Restored).to_owned());
            }
            Action::EraseAll => {
                next = State {
                    lang: self.lang,
                    data: self.data.clone(),
                    now: self.now,
                    notice: Some(t(self.lang, Text::Erased).to_owned()),
                    ..State::default()
                };
            }
            Action::ShowError(message) => next.error = Some(message),
            Action::ShowNotice(message) => next.notice = Some(message),
            Action::UpdateReady => next.update_ready = true,
        }
        Rc::new(next)
    }
}
