//! One component per file. Each reads the state from the context
//! ([`use_store`](crate::context::use_store)) and dispatches its own actions; the few that only
//! draw what they are given (verdict card, map, sources) take it as props. A few parts are view
//! functions taking the store (`step_body`, `update_notice`, `document`, `proposals`): a
//! component costs first-screen bytes, a function does not.

pub mod call_log;
pub mod case_tools;
pub mod document;
pub mod error_banner;
pub mod findings;
pub mod glance;
pub mod import_panel;
pub mod lang_switch;
pub mod proposals;
pub mod region_map;
pub mod share;
pub mod sources;
pub mod stay_editor;
pub mod stay_list;
pub mod step_body;
pub mod step_nav;
pub mod update_notice;
pub mod verdict_card;
pub mod what_happened;
pub mod what_to_do;
