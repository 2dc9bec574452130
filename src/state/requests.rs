//! What the state asks of the engine: the outbox of [`Request`]s with their ids, and the ids still
//! awaited, so that an answer to an older question than the latest is dropped.
//!
//! The reducer never talks to a worker: it puts a request in [`State::outbox`] under a new id, and
//! the engine hook (`hooks/use_engine.rs`) sends each one once. Files to import are asked for the
//! same way, in [`State::import_files`], which the import hook watches.

use std::rc::Rc;

use super::{DataStatus, State, Step};
use crate::engine::protocol::{Problem, Request};

/// Files the user picked or dropped for an import; a new id starts a new import.
#[derive(Debug, Clone)]
pub struct ImportFiles {
    pub id: u32,
    pub files: Rc<Vec<web_sys::File>>,
}

impl PartialEq for ImportFiles {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl State {
    /// Asks the engine to screen the draft; `show_result` moves to the result step when it
    /// answers. On any problem only `error` changes, so input and the last result stay.
    pub(super) fn run(&self, show_result: bool) -> State {
        let mut next = self.clone();
        next.notice = None;
        if let DataStatus::Failed(problem) = &self.data {
            next.error = Some(problem.clone());
            return next;
        }
        match self.draft.case_file() {
            Ok(case) => {
                let lang = self.lang;
                let id = next.send(Request::Screen { id: 0, case, lang });
                next.pending_screen = Some((id, show_result));
            }
            Err(error) => next.error = Some(Problem::typed(&error, self.lang)),
        }
        next
    }

    /// Puts a request in the outbox under a new id, and returns the id.
    pub(super) fn send(&mut self, request: Request) -> u32 {
        let id = self.outbox.last().map_or(1, |last| last.id() + 1);
        self.outbox.push(request.with_id(id));
        // Only the newest requests can still matter; the hook has sent the older ones (it sends
        // after every render, and no action makes more than a few).
        if self.outbox.len() > 64 {
            self.outbox.remove(0);
        }
        id
    }

    /// Asks for place suggestions for `query` unless asked before.
    pub(super) fn want_suggestions(&mut self, query: &str) {
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
    pub(super) fn want_documents(&mut self) {
        let (Step::WhatToDo, Some(screening), Some(kind)) =
            (self.step, &self.screening_json, self.script_kind)
        else {
            return;
        };
        let case = match self.draft.case_file() {
            Ok(case) => case,
            Err(error) => {
                self.documents = Some(Rc::new(Err(Problem::typed(&error, self.lang))));
                return;
            }
        };
        let request = Request::Documents {
            id: 0,
            case,
            kind: kind.id().to_owned(),
            lang: self.lang,
            now: self.now.clone(),
            numbers: self.draft.number_lines(),
            // The letters are written from the screening the page already shows: the engine
            // does not screen the same case again.
            screening: screening.to_string(),
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

    /// Asks the import hook to read `files` in a worker of their own.
    pub(super) fn import(&mut self, files: Vec<web_sys::File>) {
        let id = self.import_files.as_ref().map_or(1, |f| f.id + 1);
        self.import_files = Some(ImportFiles {
            id,
            files: Rc::new(files),
        });
    }
}
