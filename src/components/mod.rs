//! One component per file.

pub mod case_tools;
pub mod error_banner;
pub mod findings;
pub mod import_panel;
pub mod lang_switch;
pub mod region_map;
pub mod sources;
pub mod stay_editor;
pub mod stay_list;
pub mod step_nav;
pub mod verdict_card;
pub mod what_happened;
pub mod what_to_do;
