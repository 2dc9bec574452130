//! 解封预检 · Appeal Pre-Screener, the Yew app: a thin UI over the engine workers.
//!
//! The page only holds the forms. The data, the screening, the letters and the imports live in
//! the engine (`crates/engine`), Web Workers with a wasm of their own, so that this page's wasm
//! stays small and its thread free; the page knows only the wire types of `crates/protocol`
//! (re-exported as [`engine::protocol`]).
//!
//! Where each rule lives:
//!
//! - [`state`]: the whole state and the one reducer (yew `examples/function_todomvc`).
//!   `state/draft.rs` — what the user typed and its conversion to and from the case file;
//!   `state/requests.rs` — what is asked of the engine (the outbox, request ids, which answers are
//!   still awaited, files to import); `state/edit.rs` — what each user action does;
//!   `state/reply.rs` — what each engine answer does (a stale answer is dropped there).
//! - [`context`]: the reducer handle, handed to every component (yew `examples/contexts`).
//! - [`hooks`]: the effects, one per file — `use_engine` (start the worker, send the outbox,
//!   replies become actions), `use_import` (a worker per import; dropping it cancels),
//!   `use_saved_state` (restore and save, through [`persist`]), `use_step_focus`, `use_clock`,
//!   `use_offline`.
//! - [`components`]: one component per file; each reads the store and dispatches its own
//!   actions. [`app`] only lays them out.
//! - Errors: one value, [`engine::protocol::Problem`] (the field at fault, if known, and the
//!   message in the user's language), in `State::error`, shown only by
//!   `components/error_banner.rs`.
//! - [`text`]: every UI string in three languages.

pub mod app;
pub mod components;
pub mod context;
pub mod engine;
pub mod files;
pub mod hooks;
pub mod numbers;
pub mod offline;
pub mod persist;
pub mod recovery;
pub mod state;
pub mod text;
