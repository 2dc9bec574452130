//! The guidance half of the shipped data set.
//!
//! Reads the hand-written, sourced inputs `data/guidance/{messages,channels,legal}.json`, parses
//! them through the core's schema (`prescreen_core::data`; unknown fields are errors), runs
//! [`validate`] on the three together, and writes them pretty-printed to `static/data/`. The output
//! is a pure function of the inputs, so running it twice changes nothing.
//!
//! ```text
//! cargo run -p data-pipeline -- guidance            # build
//! cargo run -p data-pipeline -- guidance --check    # fail if static/data is stale
//! ```

use std::path::{Path, PathBuf};

use prescreen_core::data::{ChannelsFile, LegalFile, MessagesFile};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::validate::validate;

/// The repository root (this crate is `data/pipeline`).
pub fn root() -> PathBuf {
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

/// Validates `data/guidance/*` and writes them to `static/data/`; with `check`, writes nothing
/// and fails when `static/data/` differs.
pub fn run(check: bool) -> Result<(), String> {
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
            "out of date (run `cargo run -p data-pipeline -- guidance`): {}",
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

#[cfg(test)]
mod tests {
    use super::*;

    fn load<T: DeserializeOwned>(rel: &str) -> T {
        read(&root().join(rel)).unwrap_or_else(|e| panic!("{e}"))
    }

    fn shipped() -> (MessagesFile, ChannelsFile, LegalFile) {
        (
            load("static/data/messages.json"),
            load("static/data/channels.json"),
            load("static/data/legal.json"),
        )
    }

    #[test]
    fn shipped_files_parse_and_validate() {
        let (m, c, l) = shipped();
        let problems = validate(&m, &c, &l);
        assert!(problems.is_empty(), "problems:\n{}", problems.join("\n"));
    }

    #[test]
    fn shipped_files_are_built_from_the_inputs() {
        let (m, c, l) = shipped();
        assert_eq!(
            m,
            load::<MessagesFile>("data/guidance/messages.json"),
            "static/data/messages.json is stale: run `cargo run -p data-pipeline -- guidance`"
        );
        assert_eq!(
            c,
            load::<ChannelsFile>("data/guidance/channels.json"),
            "static/data/channels.json is stale: run `cargo run -p data-pipeline -- guidance`"
        );
        assert_eq!(
            l,
            load::<LegalFile>("data/guidance/legal.json"),
            "static/data/legal.json is stale: run `cargo run -p data-pipeline -- guidance`"
        );
    }
}
