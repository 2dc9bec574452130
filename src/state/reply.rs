//! The reducer's engine-reply part: what the engine and the import workers answered. An answer
//! to an older request than the one awaited is dropped (`None`: the state stays as it was).

use std::rc::Rc;

use super::{Action, DataStatus, Draft, ImportStatus, State, Step};
use crate::engine::protocol::{Problem, Reply, Screened};
use crate::text::{Text, t};

/// `next` (a copy of `state`, notice cleared) after `reply`; `None` leaves the state as it was.
pub(super) fn apply(state: &State, mut next: State, reply: Reply) -> Option<State> {
    let lang = state.lang;
    match reply {
        Reply::Ready(overview) => next.data = DataStatus::Ready(Rc::new(*overview)),
        Reply::LoadFailed(detail) => {
            // "The data failed to load; reload the page. What you entered is kept. (file: why)"
            let problem = Problem::new(format!("{} ({detail})", t(lang, Text::DataFailed)));
            next.data = DataStatus::Failed(problem.clone());
            next.error = Some(problem);
        }
        Reply::Screened { id, result } => {
            let (pending, show_result) = state.pending_screen?;
            if id != pending {
                return None; // an answer to an older question
            }
            next.pending_screen = None;
            match result {
                Ok(Screened {
                    screening,
                    json,
                    map,
                }) => {
                    next.screening = Some(Rc::new(screening));
                    next.screening_json = Some(Rc::from(json));
                    next.map = map.map(Rc::new);
                    next.error = None;
                    if show_result {
                        next.step = Step::Result;
                    }
                }
                Err(problem) => next.error = Some(problem),
            }
        }
        Reply::Documents { id, result } => {
            if state.last_documents.as_ref().map(|r| r.id()) != Some(id) {
                return None;
            }
            next.documents = Some(Rc::new(result));
        }
        Reply::Suggestions { query, places, .. } => {
            Rc::make_mut(&mut next.suggestions).insert(query, places);
        }
        Reply::PasteRead { stay, text, point } => next.draft.paste_read(stay, &text, point),
        Reply::CaseRead { id, result } => {
            if state.pending_case != Some(id) {
                return None;
            }
            next.pending_case = None;
            // The engine wrote the case file in the shape of the saved draft.
            let draft = result.and_then(|json| {
                serde_json::from_str::<Draft>(&json).map_err(|e| Problem::new(e.to_string()))
            });
            match draft {
                Ok(draft) => {
                    return super::edit::apply(state, next, Action::Restore(Box::new(draft)));
                }
                Err(Problem { field, message }) => {
                    let message = format!("{}: {message}", t(lang, Text::ImportFailed));
                    next.error = Some(Problem { field, message });
                }
            }
        }
        Reply::ImportProgress { done, total } => {
            next.import = ImportStatus::Reading { done, total };
            next.error = None;
        }
        Reply::Imported(Ok(imported)) => next.import = ImportStatus::Proposed(Rc::new(imported)),
        Reply::Imported(Err(Problem { field, message })) => {
            next.import = ImportStatus::Idle;
            let message = format!("{}{message}", t(lang, Text::ImportFileFailed));
            next.error = Some(Problem { field, message });
        }
        // Said by an import worker to its link, which hands it the files.
        Reply::Listening | Reply::NeedNearest { .. } | Reply::Nearest { .. } => return None,
    }
    Some(next)
}
