//! 解封预检 · Appeal Pre-Screener, the Yew app: a thin UI over `prescreen-core`.
//!
//! One reducer ([`state`]) holds the whole state; components (one per file under
//! [`components`]) render it and send [`state::Action`]s. The data, the screening, the scripts and
//! imports live in the [`engine`], a Web Worker with a wasm of its own, so that this page's wasm
//! stays small and its thread free. The domain never sees the DOM.

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
