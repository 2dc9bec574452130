//! What the user typed, kept verbatim (strings, not parsed values) so that a mistake is shown,
//! never lost; the conversions to and from the case file; and the edits that change it.

use std::collections::BTreeMap;

use prescreen_core::case::{CASE_FILE_VERSION, CaseFile, Person, Platform, SentInput, StayInput};
use prescreen_core::coords::parse_degrees_with;
use prescreen_core::error::InputError;
use serde::{Deserialize, Serialize};

use crate::engine::protocol::Proposal;

use crate::numbers;

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
    /// Each platform's own block text from an imported case file (`freeze_messages`), kept as
    /// it came so that export writes it again: the page edits only `message`.
    pub messages: BTreeMap<String, String>,
    /// The call log of step 4, oldest first, as the case file writes it (`at`, `number`,
    /// `result`, `note`): plain strings, so the page adds no parsing code of its own.
    pub calls: Vec<BTreeMap<String, String>>,
    /// The documents sent or handed in (step 4), oldest first, as the case file's `sent` writes
    /// them (`kind`, `on`): the follow-up letter names the latest and counts from its day.
    pub sent: Vec<BTreeMap<String, String>>,
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
            messages: BTreeMap::new(),
            calls: Vec::new(),
            sent: Vec::new(),
        }
    }
}

// ---- conversions -----------------------------------------------------------------------------

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
            // The page has one message field; per-platform texts come from imported case files
            // and go out again unchanged.
            freeze_messages: self.messages.clone(),
            calls: self.calls.clone(),
            stays,
            person: (person != Person::default()).then_some(person),
            sent: self
                .sent
                .iter()
                .map(|s| {
                    let get = |key| s.get(key).cloned().unwrap_or_default();
                    SentInput {
                        kind: get("kind"),
                        on: get("on"),
                    }
                })
                .collect(),
        })
    }

    /// The draft index of the stay a screening calls `case_index` (stays marked "I was not
    /// there" are left out of the case).
    pub fn draft_index(&self, case_index: usize) -> Option<usize> {
        (0..self.stays.len())
            .filter(|i| !self.not_there.contains(i))
            .nth(case_index)
    }

    /// The numbers box, one number a line, blank lines left out.
    pub fn number_lines(&self) -> Vec<String> {
        self.numbers
            .lines()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// A typed coordinate, read by the core's reader (the same syntax as everywhere else); an empty
/// or unreadable one names its field.
fn number(field: &str, text: &str) -> Result<f64, InputError> {
    parse_degrees_with(field, text, numbers::decimal)
}

fn non_blank(field: &Option<String>) -> Option<String> {
    field.as_ref().filter(|v| !v.trim().is_empty()).cloned()
}

// ---- edits (the reducer's edit part calls these; none asks the engine anything) --------------

impl Draft {
    pub(super) fn toggle_platform(&mut self, platform: Platform) {
        if let Some(at) = self.platforms.iter().position(|p| *p == platform) {
            self.platforms.remove(at);
        } else {
            self.platforms.push(platform);
        }
    }

    /// Sets one input of stay `i` (the paste box only; the engine reads it and fills lat/lon).
    pub(super) fn edit_stay(&mut self, i: usize, field: StayField, value: String) {
        let Some(stay) = self.stays.get_mut(i) else {
            return;
        };
        match field {
            StayField::Place => stay.place = value,
            StayField::Coordinates => stay.coordinates = value,
            StayField::Lat => stay.lat = value,
            StayField::Lon => stay.lon = value,
            StayField::Datum => stay.datum = value,
            StayField::From => stay.from = value,
            StayField::To => stay.to = value,
            StayField::Note => stay.note = value,
        }
    }

    /// A new stay starts with the previous one's dates: trips are usually consecutive.
    pub(super) fn add_stay(&mut self) {
        let last = self.stays.last().cloned().unwrap_or_default();
        self.stays.push(StayDraft {
            from: last.to.clone(),
            to: last.to,
            ..StayDraft::default()
        });
    }

    /// Removes stay `i` (never the last one left), keeping "not there" marks on their stays.
    pub(super) fn remove_stay(&mut self, i: usize) {
        if self.stays.len() > 1 && i < self.stays.len() {
            self.stays.remove(i);
            self.not_there = self
                .not_there
                .iter()
                .filter(|&&n| n != i)
                .map(|&n| if n > i { n - 1 } else { n })
                .collect();
        }
    }

    pub(super) fn edit_person(&mut self, field: PersonField, value: String) {
        let value = Some(value);
        let person = &mut self.person;
        match field {
            PersonField::Name => person.name = value,
            PersonField::IdNumber => person.id_number = value,
            PersonField::WechatId => person.wechat_id = value,
            PersonField::Qq => person.qq = value,
            PersonField::Phone => person.phone = value,
        }
    }

    pub(super) fn set_not_there(&mut self, stay: usize, not_there: bool) {
        self.not_there.retain(|&n| n != stay);
        if not_there {
            self.not_there.push(stay);
        }
    }

    /// Fills lat/lon (and the datum, if the text implies one) from what the engine read in stay
    /// `i`'s paste box, only if the box still holds that text: the user may have typed on.
    pub(super) fn paste_read(
        &mut self,
        i: usize,
        text: &str,
        point: Option<(String, String, Option<String>)>,
    ) {
        if let (Some(stay), Some((lat, lon, datum))) = (self.stays.get_mut(i), point)
            && stay.coordinates == text
        {
            stay.lat = lat;
            stay.lon = lon;
            if let Some(datum) = datum {
                stay.datum = datum;
            }
        }
    }

    /// Adds the chosen proposals of an import; returns how many were added.
    pub(super) fn add_imported(&mut self, proposed: &[Proposal], chosen: &[usize]) -> usize {
        // Each proposal carries its stay in the shape of a stay draft.
        let stays: Vec<StayDraft> = chosen
            .iter()
            .filter_map(|&i| proposed.get(i))
            .filter_map(|p| serde_json::from_str(&p.stay).ok())
            .collect();
        let added = stays.len();
        // Replace a lone empty stay rather than keep a blank form above the import.
        if self.stays.len() == 1 && self.stays[0] == StayDraft::default() {
            self.stays.clear();
        }
        self.stays.extend(stays);
        if self.stays.is_empty() {
            self.stays.push(StayDraft::default());
        }
        added
    }
}
