//! The whole app state and the one reducer that changes it.
//!
//! What the user typed lives in [`Draft`], kept verbatim (strings, not parsed values) so that a
//! mistake is shown, never lost. Screening and script writing happen in the engine worker: the
//! reducer only puts [`Request`]s in [`State::outbox`] (the app sends them) and takes the replies
//! as actions; an answer to an older request than the latest is dropped. Other effects (storage,
//! clipboard, files) live in `persist.rs`, `files.rs` and the components that own them.

use std::collections::BTreeMap;
use std::rc::Rc;

use prescreen_core::case::{CASE_FILE_VERSION, CaseFile, Person, Platform, StayInput};
use prescreen_core::error::{InputError, InputErrorKind};
use prescreen_core::i18n::Lang;
use prescreen_core::import::ProposedStay;
use prescreen_core::scripts::ScriptKind;
use prescreen_core::verdict::Screening;
use serde::{Deserialize, Serialize};
use yew::Reducible;

use crate::engine::protocol::{Imported, MapView, Overview, Page, Request, Screened, Suggestion};

use crate::numbers;
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
                    lat: numbers::shortest(lat),
                    lon: numbers::shortest(lon),
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
    numbers::parse(text).ok_or_else(|| {
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

/// A proposed stay from an import, as if typed: coordinates and dates.
fn stay_draft(proposed: &ProposedStay) -> StayDraft {
    let stay = &proposed.stay;
    StayDraft {
        mode: StayMode::Coordinates,
        lat: stay.lat.map(numbers::shortest).unwrap_or_default(),
        lon: stay.lon.map(numbers::shortest).unwrap_or_default(),
        datum: stay.datum.clone().unwrap_or_else(|| "wgs84".to_owned()),
        from: stay.from.clone(),
        to: stay.to.clone(),
        note: stay.note.clone().unwrap_or_default(),
        ..StayDraft::default()
    }
}

/// The shipped data, as the engine worker reports it: loading, ready, or failed with a message.
#[derive(Debug, Clone, Default)]
pub enum DataStatus {
    #[default]
    Loading,
    /// What the page draws from the data.
    Ready(Rc<Overview>),
    Failed(String),
}

/// A location-history import: reading (bytes done of total), or stays found for the user to
/// confirm.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum ImportStatus {
    #[default]
    Idle,
    Reading {
        done: u64,
        total: u64,
    },
    Proposed(Rc<Imported>),
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
    /// The map of the last screening.
    pub map: Option<Rc<MapView>>,
    pub script_kind: Option<ScriptKind>,
    /// The documents of `script_kind` for the case, or why there are none.
    pub documents: Option<Rc<Result<Vec<Page>, String>>>,
    /// "Now" in China time (`YYYY-MM-DDTHH:MM:SS`) for "open now", set by the app.
    pub now: Option<String>,
    pub import: ImportStatus,
    /// Place names suggested for what was typed, by typed text (empty while asked).
    pub suggestions: Rc<BTreeMap<String, Vec<Suggestion>>>,
    /// Requests for the engine, newest last, each with a larger id than the one before; the app
    /// sends those it has not sent yet.
    pub outbox: Vec<Request>,
    /// The screening asked for last: its id, and whether to show the result step when it comes.
    pub pending_screen: Option<(u32, bool)>,
    /// The case-file read asked for last.
    pending_case: Option<u32>,
    /// The documents request asked for last (its id), to drop older answers and repeat nothing.
    last_documents: Option<Request>,
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
            && self.map == other.map
            && self.script_kind == other.script_kind
            && self.documents == other.documents
            && self.import == other.import
            && self.suggestions == other.suggestions
            && self.outbox == other.outbox
            && self.pending_screen == other.pending_screen
            && self.now == other.now
            && self.error == other.error
            && self.notice == other.notice
            && self.update_ready == other.update_ready
            && match (&self.data, &other.data) {
                (DataStatus::Loading, DataStatus::Loading) => true,
                (DataStatus::Ready(a), DataStatus::Ready(b)) => Rc::ptr_eq(a, b),
                (DataStatus::Failed(a), DataStatus::Failed(b)) => a == b,
                _ => false,
            }
    }
}

// An action lives only until the reducer takes it; boxing its big variants would buy nothing.
#[allow(clippy::large_enum_variant)]
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
    DataLoaded(Rc<Overview>),
    /// The engine could not load the data; the detail names the file and why.
    DataFailed(String),
    /// Screen the stays and, when that works, show the result.
    Run,
    /// The engine's answer to screening request `id`.
    Screened(u32, Result<Screened, String>),
    /// What the engine read from stay `n`'s paste box: (text, (lat, lon, datum) if a point).
    PasteRead(usize, String, Option<(String, String, Option<String>)>),
    /// A picked case file's text, to be read by the engine.
    ReadCase(String),
    /// The engine read the case file, or says why it cannot.
    CaseRead(u32, Result<prescreen_core::case::CaseFile, String>),
    ChooseScript(ScriptKind),
    /// The engine's answer to documents request `id`.
    DocumentsReady(u32, Result<Vec<Page>, String>),
    SetNow(String),
    /// The engine's place suggestions for a typed text.
    Suggested(String, Vec<Suggestion>),
    /// An import started, or read this many bytes of this many.
    ImportProgress(u64, u64),
    /// The import finished: stays to confirm, or why the files gave none.
    Imported(Result<Imported, String>),
    /// Add the chosen proposed stays (indexes into the proposal) to the draft.
    AcceptImported(Vec<usize>),
    /// Stop or dismiss the import; the case is left as it was.
    CancelImport,
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

    /// Asks the engine to screen the draft; `show_result` moves to the result step when it
    /// answers. On any problem only `error` changes, so input and the last result stay.
    fn run(&self, show_result: bool) -> State {
        let mut next = self.clone();
        next.notice = None;
        if let DataStatus::Failed(message) = &self.data {
            next.error = Some(message.clone());
            return next;
        }
        match self.draft.case_file() {
            Ok(case) => {
                let lang = self.lang;
                let id = next.send(Request::Screen { id: 0, case, lang });
                next.pending_screen = Some((id, show_result));
            }
            Err(error) => next.error = Some(error.message(self.lang)),
        }
        next
    }

    /// Puts a request in the outbox under a new id, and returns the id.
    fn send(&mut self, request: Request) -> u32 {
        let id = self.outbox.last().map_or(1, |last| last.id() + 1);
        self.outbox.push(request.with_id(id));
        // Only the newest requests can still matter; the app has sent the older ones (it sends
        // after every render, and no action makes more than a few).
        if self.outbox.len() > 64 {
            self.outbox.remove(0);
        }
        id
    }

    /// Asks for place suggestions for `query` unless asked before.
    fn want_suggestions(&mut self, query: &str) {
        let query = query.trim();
        if self.suggestions.contains_key(query) {
            return;
        }
        // Typing asks once per keystroke: keep only recent answers.
        let suggestions = Rc::make_mut(&mut self.suggestions);
        if suggestions.len() > 200 {
            suggestions.clear();
        }
        suggestions.insert(query.to_owned(), Vec::new());
        self.send(Request::Suggest {
            id: 0,
            query: query.to_owned(),
        });
    }

    /// On the last step, with a script kind chosen, asks for the documents when anything they
    /// are written from changed since the last request.
    fn want_documents(&mut self) {
        let (Step::WhatToDo, Some(screening), Some(kind)) =
            (self.step, &self.screening, self.script_kind)
        else {
            return;
        };
        let case = match self.draft.case_file() {
            Ok(case) => case,
            Err(error) => {
                self.documents = Some(Rc::new(Err(error.message(self.lang))));
                return;
            }
        };
        let numbers = self
            .draft
            .numbers
            .lines()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
        let request = Request::Documents {
            id: 0,
            case,
            kind: kind.id().to_owned(),
            lang: self.lang,
            now: self.now.clone(),
            numbers,
            // The letters are written from the screening the page already shows: the engine
            // does not screen the same case again.
            screening: Screening::clone(screening),
        };
        let unchanged = self
            .last_documents
            .as_ref()
            .is_some_and(|last| last.clone().with_id(0) == request);
        if !unchanged {
            let id = self.send(request.clone());
            self.last_documents = Some(request.with_id(id));
        }
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
                    next = next.run(false);
                }
            }
            Action::Next => {
                if self.step == Step::WhereYouWere {
                    return Rc::new(self.run(true));
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
                        StayField::Place => {
                            stay.place = value.clone();
                            next.want_suggestions(&value);
                        }
                        StayField::Coordinates => {
                            // The engine reads it; lat/lon fill when it reads as a point.
                            stay.coordinates = value.clone();
                            next.send(Request::ReadPaste {
                                id: 0,
                                stay: i,
                                text: value,
                            });
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
                next = next.run(false);
            }
            Action::SetRemember(remember) => next.remember = remember,
            Action::DataLoaded(overview) => next.data = DataStatus::Ready(overview),
            Action::Suggested(query, places) => {
                Rc::make_mut(&mut next.suggestions).insert(query, places);
            }
            Action::DataFailed(detail) => {
                // "The data failed to load; reload the page. What you entered is kept. (file: why)"
                let message = format!("{} ({detail})", t(self.lang, Text::DataFailed));
                next.data = DataStatus::Failed(message.clone());
                next.error = Some(message);
            }
            Action::Run => next = self.run(true),
            Action::Screened(id, result) => {
                let Some((pending, show_result)) = self.pending_screen else {
                    return self;
                };
                if id != pending {
                    return self; // an answer to an older question
                }
                next.pending_screen = None;
                match result {
                    Ok(Screened { screening, map }) => {
                        next.screening = Some(Rc::new(screening));
                        next.map = map.map(Rc::new);
                        next.error = None;
                        if show_result {
                            next.step = Step::Result;
                        }
                    }
                    Err(message) => next.error = Some(message),
                }
            }
            Action::PasteRead(i, text, point) => {
                // Only if the box still holds what was read: the user may have typed on.
                if let (Some(stay), Some((lat, lon, datum))) = (next.draft.stays.get_mut(i), point)
                    && stay.coordinates == text
                {
                    stay.lat = lat;
                    stay.lon = lon;
                    if let Some(datum) = datum {
                        stay.datum = datum;
                    }
                }
            }
            Action::ReadCase(text) => {
                let lang = self.lang;
                let id = next.send(Request::ReadCase { id: 0, text, lang });
                next.pending_case = Some(id);
            }
            Action::CaseRead(id, result) => {
                if self.pending_case != Some(id) {
                    return self;
                }
                next.pending_case = None;
                match result
                    .and_then(|file| Draft::from_case_file(&file).map_err(|e| e.message(self.lang)))
                {
                    Ok(draft) => return Rc::new(next).reduce(Action::Restore(Box::new(draft))),
                    Err(problem) => {
                        next.error =
                            Some(format!("{}: {problem}", t(self.lang, Text::ImportFailed)))
                    }
                }
            }
            Action::ChooseScript(kind) => next.script_kind = Some(kind),
            Action::DocumentsReady(id, result) => {
                if self.last_documents.as_ref().map(Request::id) != Some(id) {
                    return self;
                }
                next.documents = Some(Rc::new(result));
            }
            Action::SetNow(now) => next.now = Some(now),
            Action::ImportProgress(done, total) => {
                next.import = ImportStatus::Reading { done, total };
                next.error = None;
            }
            Action::Imported(Ok(imported)) => {
                next.import = ImportStatus::Proposed(Rc::new(imported))
            }
            Action::Imported(Err(message)) => {
                next.import = ImportStatus::Idle;
                next.error = Some(message);
            }
            Action::AcceptImported(chosen) => {
                if let ImportStatus::Proposed(imported) = &self.import {
                    let stays: Vec<StayDraft> = chosen
                        .iter()
                        .filter_map(|&i| imported.stays.get(i))
                        .map(stay_draft)
                        .collect();
                    let added = stays.len();
                    // Replace a lone empty stay rather than keep a blank form above the import.
                    if next.draft.stays.len() == 1 && next.draft.stays[0] == StayDraft::default() {
                        next.draft.stays.clear();
                    }
                    next.draft.stays.extend(stays);
                    if next.draft.stays.is_empty() {
                        next.draft.stays.push(StayDraft::default());
                    }
                    next.import = ImportStatus::Idle;
                    next.notice = Some(format!("{}{added}", t(self.lang, Text::ImportAdded)));
                }
            }
            Action::CancelImport => next.import = ImportStatus::Idle,
            Action::Restore(draft) => {
                next.draft = *draft;
                next.screening = None;
                next.map = None;
                next.documents = None;
                next.pending_screen = None;
                next.import = ImportStatus::Idle;
                next.step = Step::WhatHappened;
                next.error = None;
                next.notice = Some(t(self.lang, Text::Restored).to_owned());
            }
            Action::EraseAll => {
                next = State {
                    lang: self.lang,
                    data: self.data.clone(),
                    now: self.now.clone(),
                    outbox: self.outbox.clone(),
                    notice: Some(t(self.lang, Text::Erased).to_owned()),
                    ..State::default()
                };
            }
            Action::ShowError(message) => next.error = Some(message),
            Action::ShowNotice(message) => next.notice = Some(message),
            Action::UpdateReady => next.update_ready = true,
        }
        next.want_documents();
        if next.step == Step::WhereYouWere {
            // The first suggestions, for an empty place box.
            next.want_suggestions("");
        }
        Rc::new(next)
    }
}
