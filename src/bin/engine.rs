//! The engine's Web Worker (built by Trunk as `engine.js` + `engine_bg.wasm`): see
//! `unfreeze_app::engine`.

fn main() {
    unfreeze_app::engine::worker::start();
}
