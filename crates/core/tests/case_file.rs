//! Case-file parsing and validation: every bad input is an error naming the field.

use prescreen_core::case::{CaseFile, Datum, Location};
use prescreen_core::i18n::Lang;

fn error_of(json: &str) -> (String, String) {
    let err = CaseFile::from_json(json)
        .and_then(|f| f.validate())
        .expect_err("should be refused");
    (err.field.clone(), err.to_string())
}

#[test]
fn the_design_example_reads() {
    let case = CaseFile::from_json(
        r#"{"version":1,"today":"2019-10-16","frozen_on":"2019-10-14","platforms":["wechat","qq"],
            "freeze_message":"该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。",
            "stays":[{"place":"打洛镇","from":"2019-09-03","to":"2019-09-05","note":"company trip"},
                     {"lat":21.698,"lon":100.031,"datum":"gcj02","from":"2019-09-04","to":"2019-09-04"}],
            "person":{"name":"何","qq":"12345"}}"#,
    )
    .and_then(|f| f.validate())
    .expect("valid");
    assert_eq!(case.stays.len(), 2);
    assert_eq!(case.stays[0].location, Location::Named("打洛镇".into()));
    assert!(matches!(
        case.stays[1].location,
        Location::Point {
            datum: Datum::Gcj02,
            ..
        }
    ));
    assert_eq!(case.person.qq.as_deref(), Some("12345"));
}

#[test]
fn unknown_fields_are_named() {
    let (field, message) =
        error_of(r#"{"version":1,"stays":[{"place":"x","form":"2019-09-03","to":"2019-09-05"}]}"#);
    assert_eq!(field, "stays[0].form");
    assert!(message.contains("unknown field `form`"), "{message}");
}

#[test]
fn each_bad_field_is_named() {
    let cases = [
        (r#"{"version":2}"#, "version"),
        (r#"{"version":1,"platforms":["weixin"]}"#, "platforms[0]"),
        (r#"{"version":1,"today":"16/10/2019"}"#, "today"),
        (
            r#"{"version":1,"stays":[{"from":"2019-09-03","to":"2019-09-05"}]}"#,
            "stays[0].place",
        ),
        (
            r#"{"version":1,"stays":[{"place":"  ","from":"2019-09-03","to":"2019-09-05"}]}"#,
            "stays[0].place",
        ),
        (
            r#"{"version":1,"stays":[{"place":"x","from":"2019-9-3","to":"2019-09-05"}]}"#,
            "stays[0].from",
        ),
        (
            r#"{"version":1,"stays":[{"place":"x","from":"2019-09-05","to":"2019-09-03"}]}"#,
            "stays[0].to",
        ),
        (
            r#"{"version":1,"stays":[{"lat":91,"lon":100,"from":"2019-09-03","to":"2019-09-05"}]}"#,
            "stays[0].lat",
        ),
        (
            r#"{"version":1,"stays":[{"lat":21,"lon":181,"from":"2019-09-03","to":"2019-09-05"}]}"#,
            "stays[0].lon",
        ),
        (
            r#"{"version":1,"stays":[{"lat":21,"from":"2019-09-03","to":"2019-09-05"}]}"#,
            "stays[0].lon",
        ),
        (
            r#"{"version":1,"stays":[{"lat":21,"lon":100,"datum":"wgs-84","from":"2019-09-03","to":"2019-09-05"}]}"#,
            "stays[0].datum",
        ),
        (
            r#"{"version":1,"stays":[{"place":"x","lat":21,"lon":100,"from":"2019-09-03","to":"2019-09-05"}]}"#,
            "stays[0].place",
        ),
        (
            r#"{"version":1,"stays":[{"place":"x","from":"2019-09-03","to":"2019-09-05"},{"place":"y","from":"2019-13-01","to":"2019-09-05"}]}"#,
            "stays[1].from",
        ),
        (
            r#"{"version":1,"stays":[{"place":"x","from":"2019-09-03","to":5}]}"#,
            "stays[0].to",
        ),
    ];
    for (json, expected) in cases {
        let (field, message) = error_of(json);
        assert_eq!(field, expected, "{json} → {message}");
    }
}

#[test]
fn not_json_at_all_is_a_clear_error() {
    let (field, message) = error_of("this is not json");
    assert_eq!(field, "case");
    assert!(message.contains("not a case file"), "{message}");
}

#[test]
fn an_empty_or_cut_off_file_says_so_in_the_users_language_without_parser_words() {
    for text in ["", "   ", r#"{"version":1,"stays":[{"place":"打洛镇","#] {
        let err = CaseFile::from_json(text).expect_err("refused");
        assert_eq!(err.field, "case", "{text:?}");
        assert_eq!(
            err.message(Lang::ZhCn),
            "案例文件：文件是空的或不完整，请选择本工具导出的完整文件。",
            "{text:?}"
        );
        assert_eq!(
            err.message(Lang::ZhTw),
            "案例檔案：檔案是空的或不完整，請選擇本工具匯出的完整檔案。"
        );
        let en = err.message(Lang::En);
        assert!(en.contains("empty or ends too early"), "{en}");
        for parser_word in ["EOF", "while parsing", "line 1 column"] {
            assert!(!en.contains(parser_word), "{en}");
        }
    }
}

#[test]
fn a_file_that_is_not_json_says_where_in_chinese() {
    let err = CaseFile::from_json("\u{89}PNG\r\n").expect_err("refused");
    assert_eq!(
        err.message(Lang::ZhCn),
        "案例文件：这不是 JSON 文件（第 1 行第 1 列），请选择本工具导出的案例文件。"
    );
    assert!(!err.message(Lang::ZhCn).contains("expected"));
}

#[test]
fn messages_are_given_in_each_language() {
    let err = CaseFile::from_json(
        r#"{"version":1,"stays":[{"place":"x","from":"2019-09-05","to":"2019-09-03"}]}"#,
    )
    .and_then(|f| f.validate())
    .unwrap_err();
    assert_eq!(
        err.message(Lang::ZhCn),
        "第 1 段停留的结束日期：结束日期 2019-09-03 早于开始日期 2019-09-05，请对调或改正其中一个。"
    );
    assert!(err.message(Lang::ZhTw).contains("結束日期"));
    assert!(
        err.message(Lang::En)
            .starts_with("Stay 1, end date: the end date")
    );
}

#[test]
fn the_call_log_is_read_in_time_order_and_a_bad_entry_is_named() {
    use prescreen_core::letters::call_log::CallResult;
    let read = |calls: &str| {
        CaseFile::from_json(&format!(r#"{{"version":1,"calls":{calls}}}"#))
            .and_then(|f| f.validate())
            .and_then(|case| case.call_log())
    };
    let case = read(
        r#"[{"at":"2019-10-16T09:45","number":"0879-2142110","result":"got_through","note":"让我去派出所"},
            {"at":"2019-10-16T09:31","number":"0879-2142110","result":"busy"}]"#,
    )
    .expect("a valid log");
    assert_eq!(case.len(), 2);
    assert_eq!(case[0].at, "2019-10-16T09:31");
    assert_eq!(case[0].result, CallResult::Busy);
    assert_eq!(case[1].note.as_deref(), Some("让我去派出所"));
    for (calls, field) in [
        (
            r#"[{"at":"16/10 9:31","number":"110","result":"busy"}]"#,
            "calls[0].at",
        ),
        (
            r#"[{"at":"2019-10-16T09:31","number":"110","result":"maybe"}]"#,
            "calls[0].result",
        ),
        (
            r#"[{"at":"2019-10-16T09:31","result":"busy"}]"#,
            "calls[0].number",
        ),
        (
            r#"[{"at":"2019-10-16T09:31","number":"110","result":"busy","who":"x"}]"#,
            "calls[0].who",
        ),
    ] {
        let error = read(calls).expect_err(calls);
        assert_eq!(error.field, field, "{calls}");
    }
    let message = read(r#"[{"at":"16/10 9:31","number":"110","result":"busy"}]"#)
        .expect_err("a bad time")
        .message(prescreen_core::i18n::Lang::ZhCn);
    assert!(
        message.contains("第 1 次通话的时间") && message.contains("2019-10-16T09:30"),
        "{message}"
    );
}
