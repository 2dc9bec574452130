//! # prescreen-core: was it probably the border-area freeze, or something else?
//!
//! This crate is the whole domain of 解封预检 · Appeal Pre-Screener, and nothing else: it has no
//! UI, reads no clock, draws no random numbers and does no I/O. The Yew app and the `prescreen`
//! CLI are thin shells around it, so what a test proves here holds on the user's phone.
//!
//! ## The model in five minutes
//!
//! - A **case** ([`case::CaseFile`] → [`case::Case`]) is what the person tells us: the platforms
//!   frozen, the message they saw, and their **stays** (a place name or coordinates, with dates).
//! - The **data set** ([`data::DataSet`]) is what the sources tell us, loaded once by
//!   [`data::DataSet::load`] from the shipped files: freeze **events** (who froze what, from
//!   when, how far back, how near counts), **regions** (the areas, as polygons clipped to their
//!   country), a **gazetteer** of places ([`data::Gazetteer`]) and the **guidance**
//!   ([`data::Guidance`]: message patterns, channels, quoted law, working-day calendar, linked
//!   services). Every fact in it carries a source and a confidence.
//! - **Screening** ([`screening`]) relates each stay to the nearest region of each event —
//!   inside, border zone, near or far — and checks the dates against the event's look-back window.
//!   Each **finding** has a `why` sentence that never says more than the evidence.
//! - The **verdict** ([`verdict::check`]) is the strongest finding, adjusted by the message
//!   ([`classify`]).
//! - The **letters** ([`letters::render`]) are what to say and send, for each [`letters::ScriptKind`]
//!   that fits the case ([`letters::kinds_for`]).
//!
//! What the engine and the CLI call, in order:
//!
//! ```no_run
//! use prescreen_core::{case::CaseFile, data::{DataSet, SHIPPED}, i18n::Lang};
//! use prescreen_core::letters::{ScriptInput, ScriptKind, render};
//! use prescreen_core::verdict::check;
//! let data = DataSet::load(&SHIPPED).unwrap(); // the app passes the texts it fetched
//! let case = CaseFile::from_json("{\"version\":1}").unwrap().validate().unwrap();
//! let screening = check(&case, &data, Lang::En).unwrap();
//! let input = ScriptInput { case: &case, screening: &screening, lang: Lang::En, now: None, numbers: &[] };
//! let pages = render(ScriptKind::Hotline, &input, data.guidance.as_ref().unwrap()).unwrap();
//! ```
//!
//! ## Where each rule lives
//!
//! | question | file |
//! |----------|------|
//! | what a case file may hold, and how it is validated | `case.rs`, `error.rs` |
//! | personal fields (ID number check digit, QQ, WeChat id, phone) | `validation.rs` |
//! | pasted coordinates; GCJ-02 / BD-09 → WGS-84 | `coords.rs`, `datum.rs` |
//! | what each shipped file holds (schema) | `data/<concept>.rs`: `geo`, `messages`, `channels`, `legal`, `calendar`, `linked`, `meta`, `source` |
//! | loading the shipped files (once) | `data/mod.rs` |
//! | place names → points | `data/gazetteer/` (search, compact encoding) |
//! | regions, and an event's area | `data/regions.rs`, `data/area.rs` |
//! | the grid index (covers, distances, classes) | `index/` (`region_index`, `distance`, `classes`, `grid`, `lazy`) |
//! | the relation of a stay to a region, and the date window | `screening/mod.rs`, `screening/finding.rs` |
//! | the `why` sentence of a finding | `screening/explain.rs` |
//! | message → cause (normalising, matching) | `classify.rs`, `data/normalise.rs`, `data/messages.rs` |
//! | the verdict and its channels | `verdict.rs` |
//! | the result's first screen: confidence in words and dots, the strongest clue | `glance.rs` |
//! | which letters fit a case; each letter | `letters/mod.rs`; `letters/<kind>.rs` |
//! | hours, reply deadlines (working days), calendar file | `letters/hours.rs`, `data/calendar.rs`, `letters/ics.rs` |
//! | the template language of every text | `template.rs` (texts in `templates/*.txt`) |
//! | location-history import | `import/` |
//! | UI languages | `i18n.rs` |
//!
//! Build-time checks of the data (sources, references, normalised phrases) are not here: they
//! are the data pipeline's (`data/pipeline`), which writes `static/data`.
//!
//! Errors are values ([`error::InputError`]): each names the field (`stays[0].to`) and says how
//! to fix it. Nothing here panics on user input.
//!
//! ```
//! use prescreen_core::case::CaseFile;
//! let file = CaseFile::from_json(r#"{"version":1,"stays":[{"place":"打洛镇","from":"2019-09-05","to":"2019-09-03"}]}"#).unwrap();
//! let err = file.validate().unwrap_err();
//! assert_eq!(err.field, "stays[0].to");
//! assert!(err.to_string().contains("before the start date"));
//! ```

pub mod advice;
pub mod case;
pub mod classify;
pub mod coords;
pub mod data;
pub mod datum;
pub mod error;
pub mod glance;
pub mod i18n;
pub mod import;
pub mod index;
pub mod letters;
pub mod screening;
pub mod template;
pub mod validation;
pub mod verdict;
