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
//! - The **data set** ([`data::DataSet`]) is what the sources tell us: freeze **events**
//!   (who froze what, from when, how far back, how near counts), **regions** (the areas, as
//!   polygons clipped to their country) and a **gazetteer** of places ([`data::Gazetteer`]).
//!   Every fact in it carries a source and a confidence ([`data`]).
//! - **Screening** ([`screening`]) relates each stay to the nearest region of each event —
//!   inside, border zone, near or far — and checks the dates against the event's look-back window.
//!   Each **finding** has a `why` sentence that never says more than the evidence.
//! - The **verdict** ([`verdict::check`]) is the strongest finding, adjusted by the message.
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

pub mod case;
pub mod classify;
pub mod coords;
pub mod data;
pub mod datum;
pub mod error;
pub mod i18n;
pub mod import;
pub mod index;
pub mod letters;
pub mod screening;
pub mod template;
pub mod validation;
pub mod verdict;

/// The former name of [`letters`], kept while the page still imports `scripts::ScriptKind`.
#[doc(hidden)]
pub use letters as scripts;
