//! The reducer's edit part: what the user did — form edits, navigation, import choices, case
//! files, erasing. Answers from the engine are in `reply.rs`.

use super::{Action, ImportStatus, State, StayField, Step};
use crate::engine::protocol::{Problem, Request};
use crate::text::{Text, t};

/// `next` (a copy of `state`, notice cleared) after `action`; `None` leaves the state as it was.
pub(super) fn apply(state: &State, mut next: State, action: Action) -> Option<State> {
    let lang = state.lang;
    match action {
        Action::SetLang(lang) => {
            next.lang = lang;
            // The result's sentences are in the old language: screen again.
            if next.screening.is_some() {
                next = next.run(false);
            }
        }
        Action::Next => navigate_next(state, &mut next),
        Action::Back => {
            next.step = state.step.back();
            next.error = None;
        }
        Action::TogglePlatform(platform) => next.draft.toggle_platform(platform),
        Action::EditMessage(message) => next.draft.message = message,
        Action::EditFrozenOn(date) => next.draft.frozen_on = date,
        Action::EditStay(i, field, value) => {
            if i < next.draft.stays.len() {
                match field {
                    StayField::Place => next.want_suggestions(&value),
                    // The engine reads it; lat/lon fill when it reads as a point.
                    StayField::Coordinates => {
                        let text = value.clone();
                        next.send(Request::ReadPaste {
                            id: 0,
                            stay: i,
                            text,
                        });
                    }
                    _ => {}
                }
            }
            next.draft.edit_stay(i, field, value);
        }
        Action::SetStayMode(i, mode) => {
            if let Some(stay) = next.draft.stays.get_mut(i) {
                stay.mode = mode;
            }
        }
        Action::AddStay => next.draft.add_stay(),
        Action::RemoveStay(i) => next.draft.remove_stay(i),
        Action::EditPerson(field, value) => next.draft.edit_person(field, value),
        Action::EditNumbers(numbers) => next.draft.numbers = numbers,
        Action::SetCalls(calls) => next.draft.calls = calls,
        Action::SetSent(sent) => next.draft.sent = sent,
        Action::SetNotThere(stay, not_there) => {
            next.draft.set_not_there(stay, not_there);
            next = next.run(false);
        }
        Action::SetRemember(remember) => next.remember = remember,
        Action::Run => next = state.run(true),
        Action::ReadCase(text) => {
            let id = next.send(Request::ReadCase { id: 0, text, lang });
            next.pending_case = Some(id);
        }
        Action::ChooseScript(kind) => next.script_kind = Some(kind),
        Action::SetNow(now) => next.now = Some(now),
        Action::ImportFiles(files) => {
            let total = files.iter().map(|f| f.size() as u64).sum();
            next.import = ImportStatus::Reading { done: 0, total };
            next.error = None;
            next.import(files);
        }
        Action::ImportFailed(message) => {
            next.import = ImportStatus::Idle;
            next.error = Some(Problem::new(message));
        }
        Action::AcceptImported(chosen) => {
            if let ImportStatus::Proposed(imported) = &state.import {
                let added = next.draft.add_imported(&imported.stays, &chosen);
                next.import = ImportStatus::Idle;
                next.notice = Some(format!("{}{added}", t(lang, Text::ImportAdded)));
            }
        }
        Action::CancelImport => {
            next.import = ImportStatus::Idle;
            next.import_files = None;
        }
        Action::Restore(draft) => {
            next.draft = *draft;
            next.screening = None;
            next.screening_json = None;
            next.map = None;
            next.documents = None;
            next.pending_screen = None;
            next.import = ImportStatus::Idle;
            next.step = Step::WhatHappened;
            next.error = None;
            next.notice = Some(t(lang, Text::Restored).to_owned());
        }
        Action::EraseAll => next = erased(state),
        Action::ShowError(problem) => next.error = Some(problem),
        Action::ShowNotice(message) => next.notice = Some(message),
        Action::UpdateReady => next.update_ready = true,
        Action::Reply(reply) => return super::reply::apply(state, next, reply),
    }
    Some(next)
}

/// "Next": step 2 screens first (and moves on when the answer comes); step 3 needs a result.
fn navigate_next(state: &State, next: &mut State) {
    if state.step == Step::WhereYouWere {
        *next = state.run(true);
    } else if state.step == Step::Result && state.screening.is_none() {
        next.error = Some(Problem::new(t(state.lang, Text::RunFirst)));
    } else {
        next.step = state.step.next();
        next.error = None;
    }
}

/// Everything entered forgotten; what the page knows of the engine and the clock is kept.
fn erased(state: &State) -> State {
    State {
        lang: state.lang,
        data: state.data.clone(),
        now: state.now.clone(),
        outbox: state.outbox.clone(),
        import_files: state.import_files.clone(),
        notice: Some(t(state.lang, Text::Erased).to_owned()),
        ..State::default()
    }
}
