//! The screening engine's Web Worker (Trunk builds `engine.js` + `engine_bg.wasm`): see
//! `prescreen_engine::worker`.

fn main() {
    prescreen_engine::worker::start_screening();
}
