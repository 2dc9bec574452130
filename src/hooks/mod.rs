//! The app's effects, one hook per file; each takes the [`Store`](crate::context::Store) and
//! turns state into effects (or effects into actions). The reducer itself never does I/O.

pub mod use_clock;
pub mod use_engine;
pub mod use_import;
pub mod use_offline;
pub mod use_saved_state;
pub mod use_step_focus;

pub use use_clock::use_clock;
pub use use_engine::use_engine;
pub use use_import::use_import;
pub use use_offline::use_offline;
pub use use_saved_state::use_saved_state;
pub use use_step_focus::use_step_focus;
