//! One component per file.

pub mod error_banner;
pub mod stay_form;
pub mod verdict_card;
pub mod what_happened;
