//! The whole app state and the one reducer that changes it (yew `examples/function_todomvc`).
//!
//! - [`draft`]: what the user typed ([`Draft`]), verbatim, its conversions to and from the case
//!   file, and the edits that change it;
//! - [`requests`]: what is asked of the engine — the outbox of requests with their ids, the ids
//!   still awaited (an answer to an older request than the latest is dropped), files to import;
//! - the reducer, in two parts: [`edit`] takes what the user did (form edits, navigation, import
//!   choices), [`reply`] takes what the engine answered.
//!
//! Effects live outside the reducer, in `hooks/`: sending the outbox, running imports, storage,
//! focus. Every error is a [`Problem`] (the field at fault, if known, and the message in the
//! user's language) in [`State::error`], shown only by the error banner.

mod draft;
mod edit;
mod reply;
mod requests;
mod step;

use std::collections::BTreeMap;
use std::rc::Rc;

use prescreen_core::i18n::Lang;
use prescreen_core::letters::ScriptKind;
use yew::Reducible;

pub use self::draft::{Draft, PersonField, StayDraft, StayField, StayMode};
pub use self::requests::ImportFiles;
pub use self::step::Step;
use crate::engine::protocol::Suggestion;
use crate::engine::protocol::{
    Imported, MapView, Overview, Page, Problem, Reply, Request, ScreeningView,
};

/// The shipped data, as the engine worker reports it: loading, ready, or failed with a message.
#[derive(Debug, Clone, Default)]
pub enum DataStatus {
    #[default]
    Loading,
    /// What the page draws from the data.
    Ready(Rc<Overview>),
    Failed(Problem),
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
    pub screening: Option<Rc<ScreeningView>>,
    /// The same screening as the engine's JSON, handed back with requests for letters.
    pub screening_json: Option<Rc<str>>,
    /// The map of the last screening.
    pub map: Option<Rc<MapView>>,
    pub script_kind: Option<ScriptKind>,
    /// The documents of `script_kind` for the case, or why there are none.
    pub documents: Option<Rc<Result<Vec<Page>, Problem>>>,
    /// "Now" in China time (`YYYY-MM-DDTHH:MM:SS`) for "open now", set by the clock hook.
    pub now: Option<String>,
    pub import: ImportStatus,
    /// The files of the import asked for last (the import hook reads them); `None` stops it.
    pub import_files: Option<ImportFiles>,
    /// Place names suggested for what was typed, by typed text (empty while asked).
    pub suggestions: Rc<BTreeMap<String, Vec<Suggestion>>>,
    /// Requests for the engine, newest last, each with a larger id than the one before; the
    /// engine hook sends those it has not sent yet.
    pub outbox: Vec<Request>,
    /// The screening asked for last: its id, and whether to show the result step when it comes.
    pub pending_screen: Option<(u32, bool)>,
    /// The case-file read asked for last.
    pending_case: Option<u32>,
    /// The documents request asked for last (its id), to drop older answers and repeat nothing.
    last_documents: Option<Request>,
    /// The one error, shown in the one error area (see [`State::shown_error`]).
    pub error: Option<Problem>,
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
            && self.import_files == other.import_files
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
    /// The call log, as edited (an entry added or removed).
    SetCalls(Vec<BTreeMap<String, String>>),
    /// The documents sent or handed in, as edited (an entry added or removed).
    SetSent(Vec<BTreeMap<String, String>>),
    /// "I was not there" (true) or "I was there" (false) for stay `n`.
    SetNotThere(usize, bool),
    SetRemember(bool),
    /// Screen the stays and, when that works, show the result.
    Run,
    /// A picked case file's text, to be read by the engine.
    ReadCase(String),
    ChooseScript(ScriptKind),
    SetNow(String),
    /// Read these location-history files (in a worker of their own).
    ImportFiles(Vec<web_sys::File>),
    /// The import could not even start (the message says why).
    ImportFailed(String),
    /// Add the chosen proposed stays (indexes into the proposal) to the draft.
    AcceptImported(Vec<usize>),
    /// Stop or dismiss the import; the case is left as it was.
    CancelImport,
    /// Replace everything entered with an imported case.
    Restore(Box<Draft>),
    /// Forget everything entered (storage is wiped by the caller).
    EraseAll,
    ShowError(Problem),
    ShowNotice(String),
    UpdateReady,
    /// An answer from the engine or an import worker (see [`reply`]).
    Reply(Reply),
}

use prescreen_core::case::Platform;

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

    /// The error to show: the state's, else (on the last step) why the documents could not be
    /// written.
    pub fn shown_error(&self) -> Option<&Problem> {
        let documents = match (self.step, self.documents.as_deref()) {
            (Step::WhatToDo, Some(Err(problem))) => Some(problem),
            _ => None,
        };
        self.error.as_ref().or(documents)
    }
}

/// The most useful document of the case that the page can write: the first of `documents`.
pub fn first_document(screening: &ScreeningView) -> Option<ScriptKind> {
    screening
        .documents
        .iter()
        .find_map(|(kind, _)| ScriptKind::from_id(kind))
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // Any edit clears the last confirmation; errors stay until the next run or step.
        next.notice = None;
        let changed = match action {
            Action::Reply(reply) => reply::apply(&self, next, reply),
            action => edit::apply(&self, next, action),
        };
        // `None`: nothing changed (an answer to an older question).
        let Some(mut next) = changed else {
            return self;
        };
        // Step 4 opens on the most useful document of the case.
        if next.step == Step::WhatToDo && next.script_kind.is_none() {
            next.script_kind = next.screening.as_deref().and_then(first_document);
        }
        next.want_documents();
        if next.step == Step::WhereYouWere {
            // The first suggestions, for an empty place box.
            next.want_suggestions("");
        }
        Rc::new(next)
    }
}
