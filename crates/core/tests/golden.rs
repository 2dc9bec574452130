//! Golden files (`tests/golden/`): the checked-in expected output of the letters and scripts.
//!
//! - `UPDATE_GOLDEN=1` (exactly `1`; any other value is refused, so `UPDATE_GOLDEN=0` cannot
//!   silently rewrite every file) writes the actual output instead of comparing, then read the
//!   diff with `git diff crates/core/tests/golden`.
//! - A mismatch fails with a line diff (`-` golden, `+` actual, with line numbers), not the whole
//!   text.
//! - A golden file that no test writes any more is a failure too ([`leftovers`]), so a renamed
//!   kind or case cannot leave a stale file that still looks checked.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The folder of golden files.
pub(crate) fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// True when `UPDATE_GOLDEN=1`; unset is false; any other value panics with how to set it.
pub(crate) fn updating() -> bool {
    match std::env::var("UPDATE_GOLDEN") {
        Err(std::env::VarError::NotPresent) => false,
        Ok(value) if value == "1" => true,
        other => panic!(
            "UPDATE_GOLDEN is {other:?}; set UPDATE_GOLDEN=1 to rewrite the golden files, or unset it to compare"
        ),
    }
}

/// Compares `actual` with the golden file `name` (or writes it when updating).
pub(crate) fn check(name: &str, actual: &str) {
    check_in(&dir(), name, actual);
}

pub(crate) fn check_in(dir: &Path, name: &str, actual: &str) {
    let path = dir.join(name);
    if updating() {
        std::fs::create_dir_all(dir)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
        std::fs::write(&path, actual)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; write it with UPDATE_GOLDEN=1 cargo test -p prescreen-core --test core -- scripts::, then read it",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{name} differs from its golden file (- golden, + actual); if the change is intended, regenerate with UPDATE_GOLDEN=1 and read `git diff`\n{}",
            diff(&expected, actual)
        );
    }
}

/// Golden files in `dir` that are not in `expected` (file names); removed when updating.
pub(crate) fn leftovers(dir: &Path, expected: &BTreeSet<String>) -> Vec<String> {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    let mut extra: Vec<String> = entries
        .map(|entry| {
            entry
                .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| !expected.contains(name))
        .collect();
    extra.sort();
    if updating() {
        for name in &extra {
            std::fs::remove_file(dir.join(name))
                .unwrap_or_else(|e| panic!("cannot remove {name}: {e}"));
        }
        return Vec::new();
    }
    extra
}

/// A line diff: the lines between the common head and tail, numbered, at most 60 of each side.
pub(crate) fn diff(expected: &str, actual: &str) -> String {
    let old: Vec<&str> = expected.split('\n').collect();
    let new: Vec<&str> = actual.split('\n').collect();
    let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let tail = old[head..]
        .iter()
        .rev()
        .zip(new[head..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = format!("@@ line {} @@\n", head + 1);
    let show = |out: &mut String, sign: char, lines: &[&str]| {
        for (i, line) in lines.iter().enumerate().take(60) {
            out.push_str(&format!("{sign}{:>5} | {line}\n", head + i + 1));
        }
        if lines.len() > 60 {
            out.push_str(&format!("{sign} … {} more lines\n", lines.len() - 60));
        }
    };
    show(&mut out, '-', &old[head..old.len() - tail]);
    show(&mut out, '+', &new[head..new.len() - tail]);
    out
}

#[test]
fn a_diff_shows_only_the_changed_lines_with_their_numbers() {
    let d = diff("a\nb\nc\nd\n", "a\nB\nc\nd\n");
    assert_eq!(d, "@@ line 2 @@\n-    2 | b\n+    2 | B\n");
    let d = diff("a\nb\n", "a\nb\nextra\n");
    assert_eq!(d, "@@ line 3 @@\n+    3 | extra\n");
}

#[test]
fn a_mismatch_fails_with_the_diff_and_a_missing_file_says_how_to_write_it() {
    // Only meaningful when comparing; when updating, the other tests write instead.
    if updating() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("golden-selftest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("x.txt"), "one\ntwo\n").unwrap();
    let failed = std::panic::catch_unwind(|| check_in(&dir, "x.txt", "one\nTWO\n"))
        .expect_err("a different text fails");
    let message = failed.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(message.contains("-    2 | two\n+    2 | TWO"), "{message}");
    check_in(&dir, "x.txt", "one\ntwo\n");
    let missing = std::panic::catch_unwind(|| check_in(&dir, "y.txt", "z"))
        .expect_err("a missing golden file fails");
    let message = missing
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    assert!(message.contains("UPDATE_GOLDEN=1"), "{message}");
    let expected: BTreeSet<String> = ["x.txt".to_owned()].into();
    std::fs::write(dir.join("stale.txt"), "").unwrap();
    assert_eq!(leftovers(&dir, &expected), vec!["stale.txt".to_owned()]);
    std::fs::remove_dir_all(&dir).unwrap();
}
