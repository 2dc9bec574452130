//! The engine of 解封预检 · Appeal Pre-Screener: everything heavy, run in a Web Worker so that
//! the page's own wasm stays small (it holds the forms, not the geometry) and its thread never
//! stalls while the data is indexed or a 100 MB location history is read.
//!
//! - [`service`]: the engine itself, pure (no DOM, no worker API): it answers the
//!   [`prescreen_protocol::Request`]s; component tests and host tests call it directly.
//! - [`map`]: draws the result map as SVG path strings.
//! - [`worker`]: the worker's glue (`src/main.rs` calls [`worker::start`]).
//!
//! The page talks to it only through the types of `prescreen-protocol`.

pub mod map;
pub mod service;
pub mod worker;
