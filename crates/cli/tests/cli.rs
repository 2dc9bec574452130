//! The `prescreen` command as people and scripts call it: JSON out, exit 2 with a one-line
//! message naming the field, never a panic.

use std::io::Write;
use std::process::{Command, Output};

fn prescreen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prescreen"))
        .args(args)
        .output()
        .expect("prescreen runs")
}

fn case_file(json: &str) -> tempfile_path::TempFile {
    tempfile_path::TempFile::new(json)
}

/// A tiny temp-file helper (no extra crate): the file is removed when dropped.
mod tempfile_path {
    pub struct TempFile(pub std::path::PathBuf);
    impl TempFile {
        pub fn new(contents: &str) -> TempFile {
            use std::sync::atomic::{AtomicUsize, Ordering};
            static COUNTER: AtomicUsize = AtomicUsize::new(0);
            let n = COUNTER.fetch_add(1, Ordering::SeqCst);
            let path = std::env::temp_dir()
                .join(format!("prescreen-test-{}-{n}.json", std::process::id()));
            std::fs::write(&path, contents).expect("write temp case");
            TempFile(path)
        }
        pub fn path(&self) -> &str {
            self.0.to_str().expect("utf-8 temp path")
        }
    }
    impl Drop for TempFile {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }
}

#[test]
fn check_prints_the_design_json_shape() {
    let case = case_file(
        r#"{"version":1,"frozen_on":"2019-10-14","platforms":["wechat","qq"],
            "freeze_message":"该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。",
            "stays":[{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"},
                     {"lat":21.698,"lon":100.031,"datum":"gcj02","from":"2019-09-04","to":"2019-09-04"}]}"#,
    );
    let out = prescreen(&["check", case.path(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert!(json["data_version"].as_str().is_some_and(|v| !v.is_empty()));
    assert_eq!(json["verdict"], "likely");
    assert_eq!(json["cause"]["kind"], "border_area_freeze");
    assert_eq!(json["cause"]["event"], "2019-10-14-mm-border");
    assert!(
        json["cause"]["confidence"]
            .as_f64()
            .is_some_and(|c| c > 0.0 && c <= 1.0)
    );
    let findings = json["findings"].as_array().expect("findings");
    assert!(findings.len() >= 2);
    for key in [
        "stay",
        "lat",
        "lon",
        "region",
        "relation",
        "distance_km",
        "in_window",
        "why",
    ] {
        assert!(findings[0].get(key).is_some(), "finding lacks {key}");
    }
    assert_eq!(findings[0]["place"], "打洛镇");
    let channels = json["channels"].as_array().expect("channels");
    for key in ["id", "name", "how", "decides", "source"] {
        assert!(channels[0].get(key).is_some(), "channel lacks {key}");
    }
}

#[test]
fn text_format_and_languages() {
    let case = case_file(
        r#"{"version":1,"stays":[{"place":"昆明","from":"2019-09-03","to":"2019-09-05"}]}"#,
    );
    let out = prescreen(&["check", case.path(), "--format", "text", "--lang", "en"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("verdict: none"), "{text}");
    assert!(text.contains("far away"), "{text}");
}

#[test]
fn invalid_input_exits_2_with_one_line_naming_the_field() {
    let cases = [
        (
            r#"{"version":1,"stays":[{"place":"打洛镇","from":"2019-09-05","to":"2019-09-03"}]}"#,
            "stays[0].to",
        ),
        (
            r#"{"version":1,"stays":[{"place":"打洛镇","from":"2019/09/05","to":"2019-09-06"}]}"#,
            "stays[0].from",
        ),
        (
            r#"{"version":1,"stays":[{"place":"","from":"2019-09-05","to":"2019-09-06"}]}"#,
            "stays[0].place",
        ),
        (
            r#"{"version":1,"stays":[{"place":"火星","from":"2019-09-05","to":"2019-09-06"}]}"#,
            "stays[0].place",
        ),
        (
            r#"{"version":1,"stays":[{"place":"老街","from":"2019-09-05","to":"2019-09-06"}]}"#,
            "stays[0].place",
        ),
        (
            r#"{"version":1,"stays":[{"lat":100,"lon":100,"from":"2019-09-05","to":"2019-09-06"}]}"#,
            "stays[0].lat",
        ),
        (r#"{"version":1,"colour":"blue"}"#, "colour"),
        (r#"not json"#, "case"),
        ("", "case"),
    ];
    for (json, field) in cases {
        let case = case_file(json);
        let out = prescreen(&["check", case.path()]);
        assert_eq!(out.status.code(), Some(2), "{json}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
        assert!(stderr.contains(field), "{json}: {stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_missing_file_and_a_bad_language_are_clear_errors() {
    let out = prescreen(&["check", "/no/such/case.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the case file"));
    let case = case_file(r#"{"version":1}"#);
    let out = prescreen(&["check", case.path(), "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--lang"));
}

#[test]
fn classify_names_the_cause() {
    let out = prescreen(&[
        "classify",
        "--message",
        "你的QQ号码因违反《QQ号码规则》已被永久冻结",
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["cause"], "platform_violation");
    let out = prescreen(&[
        "classify",
        "--message",
        "國務院打擊治理電信網絡新型違法犯罪工作部際聯席會議辦公室通報封停",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["cause"], "border_area_freeze");
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    let case = case_file(
        r#"{"version":1,"stays":[{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"}]}"#,
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_prescreen"))
        .args(["check", case.path()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // Close our end of the pipe before the child writes.
    child.stdout = None;
    let out = child.wait_with_output().expect("wait");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    let _ = std::io::stderr().flush();
}

/// The hotline script is read to the police: an ID number whose GB 11643 check digit is wrong
/// is refused (exit 2, naming the field), not written into it.
#[test]
fn a_wrong_id_check_digit_is_refused_not_written_into_the_script() {
    let case = |id: &str| {
        case_file(&format!(
            r#"{{"version":1,"today":"2019-10-16","frozen_on":"2019-10-14","platforms":["wechat"],
               "stays":[{{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05"}}],
               "person":{{"name":"刘晓梅","id_number":"{id}"}}}}"#
        ))
    };
    let wrong = case("430102199003150021");
    let out = prescreen(&["script", wrong.path(), "--kind", "hotline"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("person.id_number"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(out.stdout.is_empty());
    // The same case with the right check digit writes the script, with the number in it.
    let right = case("430102199003150020");
    let out = prescreen(&["script", right.path(), "--kind", "hotline"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("430102199003150020"));
}

/// Issue 15: a bank account frozen by the police gets a headline about the police, not the
/// border, and the documents for that cause, most useful first, each with its recipient.
#[test]
fn check_json_has_the_headline_and_documents_of_the_cause_found() {
    let case = case_file(
        r#"{"version":1,"frozen_on":"2024-05-13","platforms":["bank"],
            "freeze_message":"您的账户已被公安机关冻结，如有疑问请联系办案单位。",
            "stays":[{"place":"上海","from":"2024-05-01","to":"2024-05-02"}]}"#,
    );
    let out = prescreen(&["check", case.path(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(json["cause"]["kind"], "funds_frozen_by_authority");
    assert_eq!(json["headline"], "资金被公安机关冻结，只有冻结机关能解除");
    assert_eq!(json["border_line"], "你的行程与已知的边境封停区域无关");
    let documents = json["documents"].as_array().expect("documents");
    assert_eq!(documents[0]["kind"], "bank-counter");
    assert_eq!(documents[0]["to"], "bank");
    assert_eq!(documents[0]["label"], "去银行柜台时要问的话");
    let kinds: Vec<&str> = documents
        .iter()
        .filter_map(|d| d["kind"].as_str())
        .collect();
    assert_eq!(
        kinds,
        ["bank-counter", "police-inquiry", "call-96110", "follow-up"]
    );
    assert!(
        json["triage"]["next_step"]
            .as_str()
            .is_some_and(|s| !s.is_empty())
    );

    let out = prescreen(&["check", case.path(), "--format", "text", "--lang", "en"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("only the authority that froze it"), "{text}");
    assert!(text.contains("documents: bank-counter (to bank)"), "{text}");
}

/// `prescreen script --kind` writes today's kinds for any case; an unknown kind is exit 2 with
/// one line naming `--kind`.
#[test]
fn script_writes_todays_kinds_and_refuses_unwritten_ones_in_one_line() {
    let case = case_file(
        r#"{"version":1,"today":"2024-05-20","frozen_on":"2024-05-13","platforms":["bank"],
            "freeze_message":"您的账户已被公安机关冻结，如有疑问请联系办案单位。",
            "stays":[{"place":"上海","from":"2024-05-01","to":"2024-05-02"}]}"#,
    );
    let out = prescreen(&["script", case.path(), "--kind", "bank-counter"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("是哪个机关、哪个办案单位"), "{text}");
    let out = prescreen(&[
        "script",
        case.path(),
        "--kind",
        "police-inquiry",
        "--lang",
        "en",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("three days"));
    // Every kind of the contract is written now; a wrong one is still exit 2 naming `--kind`.
    for (kind, says) in [("bank", "unknown kind"), ("complaint", "unknown kind")] {
        let out = prescreen(&["script", case.path(), "--kind", kind]);
        assert_eq!(out.status.code(), Some(2), "{kind}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains("--kind") && err.contains(says), "{err}");
    }
}

fn import_fixture(name: &str) -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../core/tests/fixtures/import/"
    )
    .to_owned()
        + name
}

#[test]
fn import_reads_an_xlsx_bill_and_its_unlocked_zip_like_the_csv() {
    let csv = prescreen(&["import", &import_fixture("wechat_bill.csv")]);
    assert!(
        csv.status.success(),
        "{}",
        String::from_utf8_lossy(&csv.stderr)
    );
    for name in ["wechat_bill.xlsx", "wechat_bill_zip.zip"] {
        let out = prescreen(&["import", &import_fixture(name)]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        // The same stays; only the notes name another file.
        assert_eq!(
            text.replace(name, "wechat_bill.csv").replace(
                "wechat_bill.csv/微信支付账单流水文件(20190901-20190930)_20191009160522.xlsx",
                "wechat_bill.csv"
            ),
            String::from_utf8_lossy(&csv.stdout),
            "{name} gives other stays than the CSV"
        );
        assert!(
            text.contains("2019-09-03") && text.contains("21.69"),
            "{text}"
        );
        assert!(!text.contains("示例小卖部"), "{text}");
    }
}

#[test]
fn import_of_a_locked_zip_says_to_unzip_it_in_one_line() {
    let path = import_fixture("wechat_bill_locked.zip");
    let out = prescreen(&["import", &path]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("wechat_bill_locked.zip"), "{err}");
    assert!(
        err.contains("locked with a password") && err.contains("unzip it"),
        "{err}"
    );
}

#[test]
fn import_reads_the_track_points_of_a_huawei_health_export() {
    for name in ["huawei_motion.json", "huawei_health.zip"] {
        let out = prescreen(&["import", &import_fixture(name)]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        // The walk in 打洛镇 on 5 Sep (near Mong La) comes first; the run in Kunming follows.
        let first = text.find("2019-09-05").expect(&text);
        let kunming = text.find("2019-09-21").expect(&text);
        assert!(first < kunming, "{text}");
        assert!(text.contains("21.69") && text.contains("25.04"), "{text}");
    }
    let out = prescreen(&["import", &import_fixture("huawei_motion.json")]);
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(summary.contains("22 points"), "{summary}");
}
