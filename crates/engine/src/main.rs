//! The engine's Web Worker (built by Trunk as `engine.js` + `engine_bg.wasm`): see
//! `prescreen_engine`.

fn main() {
    prescreen_engine::worker::start();
}
