//! The domain never imports the UI stack: if it did, it could not be tested on the host alone and
//! the CLI would drag a browser binding around.

use std::process::Command;

#[test]
fn the_core_depends_on_no_ui_or_browser_crate() {
    let output = Command::new(env!("CARGO"))
        .args([
            "tree",
            "-p",
            "prescreen-core",
            "--edges",
            "normal,build",
            "--prefix",
            "none",
            "--format",
            "{p}",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(
        tree.contains("prescreen-core"),
        "unexpected cargo tree output: {tree}"
    );
    for forbidden in ["yew", "web-sys", "gloo", "js-sys", "wasm-bindgen"] {
        let hit = tree
            .lines()
            .find(|line| line.split_whitespace().next() == Some(forbidden));
        assert!(
            hit.is_none(),
            "prescreen-core depends on {forbidden}: {hit:?}"
        );
    }
}
