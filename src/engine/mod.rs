//! The page's link to the engine workers (`crates/engine`): it starts them and passes the
//! messages of [`protocol`] (`crates/protocol`), the only engine types the page knows.

pub mod client;

pub use prescreen_protocol as protocol;
