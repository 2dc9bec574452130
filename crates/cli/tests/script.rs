//! `prescreen script`: every kind in every language prints exactly the pages the core writes for
//! the same case (so the CLI cannot print the wrong kind, language or an empty page), and every
//! bad input is exit 2 with one line naming what to fix.

use std::process::{Command, Output};

use prescreen_core::case::CaseFile;
use prescreen_core::data::{DataSet, SHIPPED};
use prescreen_core::i18n::Lang;
use prescreen_core::letters::{ScriptInput, ScriptKind, parse_now, render};
use prescreen_core::verdict::check;

/// The 长沙晚报 story (打洛镇, WeChat and QQ frozen 2019-10-14), with every personal field.
const CASE: &str = r#"{"version":1,"today":"2019-10-16","frozen_on":"2019-10-14",
  "platforms":["wechat","qq"],
  "freeze_message":"该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。",
  "stays":[{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"}],
  "person":{"name":"刘晓梅","id_number":"430102199003150020","wechat_id":"liu_xm-1990","qq":"123456789","phone":"13800138000"}}"#;

const NOW: &str = "2019-10-16T09:30";

fn prescreen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prescreen"))
        .args(args)
        .output()
        .expect("prescreen runs")
}

/// A case file in the temp folder, removed when dropped.
struct Temp(std::path::PathBuf);

impl Temp {
    fn new(tag: &str, contents: &[u8]) -> Temp {
        let path = std::env::temp_dir().join(format!(
            "prescreen-script-{}-{tag}.json",
            std::process::id()
        ));
        std::fs::write(&path, contents).expect("write temp case");
        Temp(path)
    }
    fn path(&self) -> &str {
        self.0.to_str().expect("utf-8 temp path")
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The pages the core writes for `CASE`, as `page_text()`.
fn core_pages(kind: ScriptKind, lang: Lang) -> Vec<String> {
    let data = DataSet::load(&SHIPPED).expect("shipped data loads");
    let case = CaseFile::from_json(CASE)
        .and_then(|f| f.validate())
        .expect("valid case");
    let screening = check(&case, &data, lang).expect("screens");
    let input = ScriptInput {
        case: &case,
        screening: &screening,
        lang,
        now: parse_now(NOW),
        numbers: &[],
    };
    render(kind, &input, data.guidance.as_ref().expect("guidance"))
        .unwrap_or_else(|e| panic!("{} {}: {e}", kind.id(), lang.code()))
        .iter()
        .map(|d| d.page_text())
        .collect()
}

#[test]
fn every_kind_in_every_language_prints_the_cores_pages() {
    let case = Temp::new("every-kind", CASE.as_bytes());
    for kind in ScriptKind::ALL {
        for lang in Lang::ALL {
            let out = prescreen(&[
                "script",
                case.path(),
                "--kind",
                kind.id(),
                "--lang",
                lang.code(),
                "--now",
                NOW,
            ]);
            let what = format!("{} {}", kind.id(), lang.code());
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "{what}: {stderr}");
            assert!(stderr.is_empty(), "{what}: {stderr}");
            let stdout = String::from_utf8(out.stdout).expect("UTF-8 on stdout");
            let pages = core_pages(kind, lang);
            assert!(!pages.is_empty(), "{what}: no page");
            for page in &pages {
                assert!(
                    stdout.contains(page.trim_end()),
                    "{what}: a page of the core is missing from stdout:\n{page}\n--- stdout ---\n{stdout}"
                );
            }
            // The language is the one asked for: the other languages' pages are not printed.
            for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
                for page in core_pages(kind, other) {
                    assert!(
                        !stdout.contains(page.trim_end()),
                        "{what}: prints the {} page too",
                        other.code()
                    );
                }
            }
        }
    }
}

#[test]
fn bad_input_is_exit_2_with_one_line_naming_what_to_fix() {
    let good = Temp::new("good", CASE.as_bytes());
    let empty = Temp::new("empty", b"");
    let not_json = Temp::new("not-json", b"hello, I am not JSON <html>");
    let huge = Temp::new("huge", b"");
    std::fs::File::options()
        .write(true)
        .open(&huge.0)
        .and_then(|f| f.set_len(1 << 30))
        .expect("sparse 1 GiB");
    let bad_date = Temp::new(
        "bad-date",
        r#"{"version":1,"stays":[{"place":"打洛镇","from":"2019-9-3","to":"2019-09-05"}]}"#
            .as_bytes(),
    );
    let unknown_place = Temp::new(
        "unknown-place",
        r#"{"version":1,"stays":[{"place":"不存在的地方","from":"2019-09-03","to":"2019-09-05"}]}"#
            .as_bytes(),
    );
    let missing = format!("{}.missing", good.path());
    let cases: [(&[&str], &str); 11] = [
        (&["script", good.path(), "--kind", "appeal"], "--kind"),
        (&["script", good.path(), "--kind", ""], "--kind"),
        (
            &["script", good.path(), "--kind", "hotline", "--lang", "fr"],
            "--lang",
        ),
        (
            &[
                "script",
                good.path(),
                "--kind",
                "hotline",
                "--now",
                "tomorrow",
            ],
            "--now",
        ),
        (
            &[
                "script",
                good.path(),
                "--kind",
                "hotline",
                "--number",
                "call me",
            ],
            "--number",
        ),
        (&["script", &missing, "--kind", "hotline"], "cannot read"),
        (
            &["script", empty.path(), "--kind", "hotline"],
            "empty or ends too early",
        ),
        (
            &["script", not_json.path(), "--kind", "hotline"],
            "not a case file",
        ),
        (
            &["script", huge.path(), "--kind", "hotline"],
            "larger than 16 MiB",
        ),
        (
            &["script", bad_date.path(), "--kind", "hotline"],
            "stays[0].from",
        ),
        (
            &["script", unknown_place.path(), "--kind", "pi-access"],
            "stays[0].place",
        ),
    ];
    for (args, names) in cases {
        let out = prescreen(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?} printed a page");
        assert_eq!(stderr.trim().lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains(names),
            "{args:?} should name {names}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
