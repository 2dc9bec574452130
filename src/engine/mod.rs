//! The engine: screening, scripts and imports, run in a Web Worker so that the page's own wasm
//! stays small (it holds the forms, not the geometry) and its thread never stalls while the
//! data is indexed or a 100 MB location history is read.
//!
//! - [`protocol`]: the messages, as JSON.
//! - [`service`]: the engine itself, pure (testable in the page or on the host); [`map`]
//!   draws the result map.
//! - [`worker`]: the worker's glue (`src/bin/engine.rs` calls [`worker::start`]).
//! - [`client`]: the page's side.

pub mod client;
pub mod map;
pub mod protocol;
pub mod service;
pub mod worker;
