//! The letters' Web Worker (Trunk builds `letters.js` + `letters_bg.wasm`), loaded when a
//! document is first asked for: see `prescreen_engine::worker`.

fn main() {
    prescreen_engine::worker::start_letters();
}
