//! The core's integration tests, linked as one binary (linking dominates test time on a small
//! machine). Each module is one file beside this one, named after what it pins; run one with
//! `cargo test -p prescreen-core --test core -- scripts::`.

mod bills;
mod case_file;
mod class_grid;
mod classifier_corpus;
mod coords;
mod deadlines;
mod fuzz_seeds;
mod gazetteer_names;
mod gazetteer_props;
mod geography;
mod glance;
mod golden;
mod guidance_data;
mod import;
mod index;
mod later_stories;
mod letters_after_2026;
mod no_panic;
mod purity;
mod real_stories;
mod screening_rules;
mod scripts;
mod scripts_text;
mod shipped_data;
mod today_cases;
mod today_letters;
mod today_results;
mod today_stories;
mod triage_data;
mod validation;
mod zh_tw_terms;
