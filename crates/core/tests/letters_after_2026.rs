//! Letters dated after the last year of the shipped holiday calendar (2026): no deadline is
//! invented and no .ics offered; the letter says, in its language, that the year's holidays are
//! not in the data and how to count by hand. Also a letter sent in late December 2026 whose
//! 15 working days run into 2027.

use prescreen_core::i18n::Lang;
use prescreen_core::letters::{ScriptInput, ScriptKind, render};

use crate::scripts::{data, screen};

/// The QQ "永久冻结" story of scripts.rs (case 2), moved to `today`.
fn qq_case(today: &str) -> String {
    format!(
        r#"{{"version":1,"today":"{today}","frozen_on":"{today}","platforms":["qq"],
            "freeze_message":"你的QQ账号因违反《QQ号码规则》相关条款，已被永久冻结。",
            "stays":[{{"place":"长沙市","from":"2024-02-01","to":"2024-02-20"}}]}}"#
    )
}

const MISSING_2027: [(Lang, &str); 3] = [
    (
        Lang::ZhCn,
        "数据里没有 2027 年的放假安排（国务院办公厅通知），无法按工作日计算截止日期",
    ),
    (
        Lang::ZhTw,
        "資料裡沒有 2027 年的放假安排（國務院辦公廳通知），無法按工作日計算截止日期",
    ),
    (Lang::En, "The data has no holiday arrangements for 2027"),
];

fn pi_access(today: &str, lang: Lang) -> prescreen_core::letters::Document {
    let (case, screening) = screen(&qq_case(today));
    let input = ScriptInput {
        case: &case,
        screening: &screening,
        lang,
        now: None,
        numbers: &[],
    };
    let mut docs = render(ScriptKind::PiAccess, &input, data())
        .unwrap_or_else(|e| panic!("{today} {}: {e}", lang.code()));
    assert_eq!(docs.len(), 1);
    docs.remove(0)
}

#[test]
fn a_letter_dated_in_2027_has_no_invented_deadline_and_says_why() {
    for (lang, says) in MISSING_2027 {
        let d = pi_access("2027-03-01", lang);
        assert!(d.deadline.is_none(), "{}: {:?}", lang.code(), d.deadline);
        let text = d.page_text();
        assert!(text.contains(says), "{}:\n{text}", lang.code());
        assert!(text.contains("2027-03-01"), "the letter is dated: {text}");
    }
}

#[test]
fn a_letter_sent_late_in_2026_whose_deadline_falls_in_2027_says_so_too() {
    // 2026-12-21 + 15 working days ends in January 2027.
    for (lang, says) in MISSING_2027 {
        let d = pi_access("2026-12-21", lang);
        assert!(d.deadline.is_none(), "{}: {:?}", lang.code(), d.deadline);
        assert!(d.page_text().contains(says), "{}", lang.code());
    }
    // A letter a month earlier still gets its deadline and calendar file.
    let d = pi_access("2026-11-02", Lang::ZhCn);
    let deadline = d.deadline.as_ref().expect("a 2026 deadline");
    assert_eq!(deadline.due.year(), 2026);
    assert!(deadline.ics.contains("BEGIN:VEVENT"));
}

#[test]
fn every_kind_renders_in_2027_without_a_placeholder_left() {
    let (case, screening) = screen(&qq_case("2027-06-15"));
    for kind in ScriptKind::ALL {
        for lang in Lang::ALL {
            let input = ScriptInput {
                case: &case,
                screening: &screening,
                lang,
                now: Some(jiff::civil::date(2027, 6, 15).at(10, 0, 0, 0)),
                numbers: &[],
            };
            let docs = render(kind, &input, data())
                .unwrap_or_else(|e| panic!("{} {}: {e}", kind.id(), lang.code()));
            for d in docs {
                let text = d.page_text();
                assert!(
                    !text.contains('{') && !text.contains('}'),
                    "{}:\n{text}",
                    kind.id()
                );
                assert!(
                    text.contains("2027"),
                    "{} {} is not dated",
                    kind.id(),
                    lang.code()
                );
            }
        }
    }
}
