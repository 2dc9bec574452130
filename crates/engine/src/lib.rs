//! The engine of 解封预检 · Appeal Pre-Screener: everything heavy, run in Web Workers so that
//! the page's own wasm stays small (it holds the forms, not the geometry) and its thread never
//! stalls while the data is indexed or a 100 MB location history is read.
//!
//! Three workers, each its own binary in `src/bin/` and so its own wasm, each loaded only when
//! needed (sizes in docs/perf.md):
//! - `engine`: the screening ([`service::Engine`]): data, index, verdict, place suggestions,
//!   pasted coordinates, case files, and the nearest regions an import asks for;
//! - `letters`: the call scripts and letters ([`letters::Letters`]), written from the screening
//!   the page already has;
//! - `import`: reading location histories and photos ([`import`]).
//!
//! [`service`] and [`letters`] are pure (no DOM, no worker API): host and component tests call
//! them directly ([`local::Engines`] answers like both workers together). [`worker`] and
//! [`import`] are the glue. [`map`] draws the result map as SVG path strings. The page talks to
//! the workers only through the types of `prescreen-protocol`.

pub mod import;
pub mod letters;
pub mod local;
pub mod map;
pub mod service;
pub mod worker;
