//! An import's Web Worker (Trunk builds `import.js` + `import_bg.wasm`), one per import: see
//! `prescreen_engine::import`.

fn main() {
    prescreen_engine::import::start();
}
