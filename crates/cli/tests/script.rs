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

/// A flagged number after a visit to the carrier's shop, and a bank's own risk control after a
/// counter visit whose 15 days have run out: the complaints and the follow-up in every language,
/// with the scope sentence, the article and the deadline, and the `.ics` printed with CRLF.
#[test]
fn the_complaints_and_the_follow_up_in_every_language() {
    let phone = Temp::new(
        "flagged-after-shop",
        r#"{"version":1,"today":"2025-06-02","frozen_on":"2025-06-01","platforms":["phone"],
  "freeze_message":"您的号码存在涉诈风险，已被限制使用，请到营业厅进行二次实人认证。",
  "person":{"name":"李明","phone":"13800138000"},
  "sent":[{"kind":"carrier-counter","on":"2025-05-10"}]}"#
            .as_bytes(),
    );
    let bank = Temp::new(
        "bank-after-counter",
        r#"{"version":1,"today":"2025-06-20","frozen_on":"2025-05-30","platforms":["bank"],
  "freeze_message":"因银行卡交易可能存在风险，为保障您的资金安全，您在我行的非柜面业务暂时无法办理，请尽快携带身份证件、开户预留手机号与不能正常使用的银行卡以及交易证明材料前往任意建行网点进行核实或联系95533咨询。",
  "person":{"name":"王芳"},
  "sent":[{"kind":"bank-counter","on":"2025-06-01"}]}"#
            .as_bytes(),
    );
    let runs: [(&Temp, &str, Lang, &[&str]); 9] = [
        (
            &phone,
            "complaint-12300",
            Lang::ZhCn,
            &["是否解除不由12300决定", "第三十九条", ".ics (2025-07-02):"],
        ),
        (
            &phone,
            "complaint-12300",
            Lang::ZhTw,
            &["是否解除不由12300決定", "第三十九條", ".ics (2025-07-02):"],
        ),
        (
            &phone,
            "complaint-12300",
            Lang::En,
            &[
                "12300 does not decide whether it is lifted",
                "Article 39",
                ".ics (2025-07-02):",
            ],
        ),
        (
            &bank,
            "complaint-12378",
            Lang::ZhCn,
            &[
                "银行不能解除，贵单位也不能解除",
                "第十八条第三款",
                "没有来源给出12378",
            ],
        ),
        (
            &bank,
            "complaint-12378",
            Lang::ZhTw,
            &[
                "銀行不能解除，貴單位也不能解除",
                "第十八條第三款",
                "沒有來源給出12378",
            ],
        ),
        (
            &bank,
            "complaint-12378",
            Lang::En,
            &[
                "neither the bank nor your office can",
                "Article 18(3)",
                "No source gives a reply period for 12378",
            ],
        ),
        (
            &bank,
            "follow-up",
            Lang::ZhCn,
            &[
                "答复期限已于 2025-06-16 届满",
                "请在 2025-07-05 之前答复我",
                ".ics (2025-07-05):",
            ],
        ),
        (
            &bank,
            "follow-up",
            Lang::ZhTw,
            &[
                "答覆期限已於 2025-06-16 屆滿",
                "請在 2025-07-05 之前答覆我",
                ".ics (2025-07-05):",
            ],
        ),
        (
            &bank,
            "follow-up",
            Lang::En,
            &[
                "the reply period ended on 2025-06-16",
                "Please answer by 2025-07-05",
                ".ics (2025-07-05):",
            ],
        ),
    ];
    for (case, kind, lang, needles) in runs {
        let out = prescreen(&["script", case.path(), "--kind", kind, "--lang", lang.code()]);
        let what = format!("{kind} {}", lang.code());
        assert!(
            out.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        for n in needles {
            assert!(stdout.contains(n), "{what} lacks {n:?}:\n{stdout}");
        }
        if kind == "complaint-12378" {
            assert!(
                !stdout.contains("BEGIN:VCALENDAR"),
                "{what}: a date without a source"
            );
        } else {
            assert!(stdout.contains("BEGIN:VCALENDAR\r\n"), "{what}");
            assert!(stdout.contains("END:VCALENDAR"), "{what}");
        }
    }
    // A `sent` entry of an unknown kind is exit 2 naming the field.
    let bad = Temp::new(
        "bad-sent",
        br#"{"version":1,"sent":[{"kind":"letter","on":"2025-06-01"}]}"#,
    );
    let out = prescreen(&["script", bad.path(), "--kind", "follow-up"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sent[0].kind"));
}
