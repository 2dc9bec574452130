//! The CLI's integration tests, linked as one binary: `cli` (the contract) and `hostile`
//! (inputs that must fail cleanly), `script` (every kind × language, bad input). Run one with
//! `cargo test -p prescreen --test cli -- hostile::`.

mod cli;
mod hostile;
mod script;
