//! Builds the guidance half of the shipped data set.
//!
//! Reads the hand-written, sourced inputs `data/guidance/{messages,channels,legal}.json`, parses
//! them through the schema in `prescreen_core::data_guidance` (unknown fields are errors), runs
//! `validate` on the three together, and writes them pretty-printed to `static/data/`. The output
//! is a pure function of the inputs, so running it twice changes nothing.
//!
//! ```text
//! cargo run -p prescreen-core --example build_guidance            # build
//! cargo run -p prescreen-core --example build_guidance -- --check # fail if static/data is stale
//! ```

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use prescreen_core::data::{ChannelsFile, LegalFile, MessagesFile, validate};
use serde::Serialize;
use serde::de::DeserializeOwned;

fn root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

fn read<T: DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn pretty<T: Serialize>(value: &T) -> Result<String, String> {
    let mut s = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    s.push('\n');
    Ok(s)
}

fn run(check: bool) -> Result<(), String> {
    let root = root();
    let input = root.join("data/guidance");
    let output = root.join("static/data");
    let messages: MessagesFile = read(&input.join("messages.json"))?;
    let channels: ChannelsFile = read(&input.join("channels.json"))?;
    let legal: LegalFile = read(&input.join("legal.json"))?;

    let problems = validate(&messages, &channels, &legal);
    if !problems.is_empty() {
        return Err(format!(
            "{} problem(s) in data/guidance:\n  {}",
            problems.len(),
            problems.join("\n  ")
        ));
    }

    let files = [
        ("messages.json", pretty(&messages)?),
        ("channels.json", pretty(&channels)?),
        ("legal.json", pretty(&legal)?),
    ];
    let mut stale = Vec::new();
    for (name, text) in &files {
        let path = output.join(name);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == *text {
            continue;
        }
        if check {
            stale.push(path.display().to_string());
        } else {
            std::fs::create_dir_all(&output)
                .map_err(|e| format!("cannot create {}: {e}", output.display()))?;
            std::fs::write(&path, text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            eprintln!("wrote {} ({} bytes)", path.display(), text.len());
        }
    }
    if !stale.is_empty() {
        return Err(format!(
            "out of date (run `cargo run -p prescreen-core --example build_guidance`): {}",
            stale.join(", ")
        ));
    }
    eprintln!(
        "guidance data ok: {} patterns, {} channels, {} articles",
        messages.patterns.len(),
        channels.channels.len(),
        legal.articles.len()
    );
    Ok(())
}

fn main() -> ExitCode {
    let check = std::env::args().skip(1).any(|a| a == "--check");
    match run(check) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
