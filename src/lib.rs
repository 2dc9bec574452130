//! 解封预检 · Appeal Pre-Screener, the Yew app: a thin UI over `prescreen-core`.
//!
//! One reducer ([`state`]) holds the whole state; components (one per file under
//! [`components`]) render it and send [`state::Action`]s; loading the data ([`load`]) is the only
//! effect. The domain never sees the DOM.

pub mod app;
pub mod components;
pub mod files;
pub mod load;
pub mod offline;
pub mod persist;
pub mod recovery;
pub mod state;
pub mod text;
