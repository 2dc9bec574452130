//! The whole app state and the one reducer that changes it.

use std::rc::Rc;

use prescreen_core::case::{CASE_FILE_VERSION, CaseFile, Platform, StayInput};
use prescreen_core::dataset::DataSet;
use prescreen_core::i18n::Lang;
use prescreen_core::verdict::{Screening, check};
use yew::Reducible;

use crate::text::{Text, t};

/// A stay as typed, kept verbatim so nothing the user entered is ever lost.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StayDraft {
    pub place: String,
    pub from: String,
    pub to: String,
}

/// Which input of a stay changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StayField {
    Place,
    From,
    To,
}

/// The shipped data: loading, ready, or failed with a message.
#[derive(Debug, Clone, Default)]
pub enum DataStatus {
    #[default]
    Loading,
    Ready(Rc<DataSet>),
    Failed(String),
}

#[derive(Debug, Clone, Default)]
pub struct State {
    pub lang: Lang,
    /// The accounts that were frozen.
    pub platforms: Vec<Platform>,
    /// The block-screen text as pasted.
    pub message: String,
    pub stay: StayDraft,
    pub data: DataStatus,
    pub screening: Option<Rc<Screening>>,
    /// The one error shown, in the one error area.
    pub error: Option<String>,
}

impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.platforms == other.platforms
            && self.message == other.message
            && self.stay == other.stay
            && self.screening == other.screening
            && self.error == other.error
            && match (&self.data, &other.data) {
                (DataStatus::Loading, DataStatus::Loading) => true,
                (DataStatus::Ready(a), DataStatus::Ready(b)) => Rc::ptr_eq(a, b),
                (DataStatus::Failed(a), DataStatus::Failed(b)) => a == b,
                _ => false,
            }
    }
}

pub enum Action {
    TogglePlatform(Platform),
    EditMessage(String),
    EditStay(StayField, String),
    DataLoaded(Rc<DataSet>),
    DataFailed(String),
    /// Screen the stay against the data.
    Run,
}

impl State {
    /// The case file the draft stands for (what "export" will write).
    pub fn case_file(&self) -> CaseFile {
        CaseFile {
            version: CASE_FILE_VERSION,
            platforms: self.platforms.iter().map(|p| p.id().to_owned()).collect(),
            freeze_message: Some(self.message.clone()).filter(|m| !m.trim().is_empty()),
            stays: vec![StayInput {
                place: Some(self.stay.place.clone()),
                from: self.stay.from.clone(),
                to: self.stay.to.clone(),
                ..StayInput::default()
            }],
            ..CaseFile::default()
        }
    }

    /// Screens the draft; on any problem only `error` changes, so input and the last result stay.
    fn run(&self) -> State {
        let mut next = self.clone();
        let DataStatus::Ready(data) = &self.data else {
            next.error = Some(t(self.lang, Text::DataNotReady).to_owned());
            return next;
        };
        let result = self
            .case_file()
            .validate()
            .and_then(|case| check(&case, data, self.lang));
        match result {
            Ok(screening) => {
                next.screening = Some(Rc::new(screening));
                next.error = None;
            }
            Err(error) => next.error = Some(error.message(self.lang)),
        }
        next
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::TogglePlatform(platform) => {
                let mut next = (*self).clone();
                if let Some(at) = next.platforms.iter().position(|p| *p == platform) {
                    next.platforms.remove(at);
                } else {
                    next.platforms.push(platform);
                }
                next
            }
            Action::EditMessage(message) => State {
                message,
                ..(*self).clone()
            },
            Action::EditStay(field, value) => {
                let mut next = (*self).clone();
                match field {
                    StayField::Place => next.stay.place = value,
                    StayField::From => next.stay.from = value,
                    StayField::To => next.stay.to = value,
                }
                next
            }
            Action::DataLoaded(data) => State {
                data: DataStatus::Ready(data),
                ..(*self).clone()
            },
            Action::DataFailed(message) => State {
                data: DataStatus::Failed(message.clone()),
                error: Some(message),
                ..(*self).clone()
            },
            Action::Run => self.run(),
        };
        Rc::new(next)
    }
}
