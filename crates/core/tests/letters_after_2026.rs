//! Letters dated after the last year of the shipped holiday calendar (2026): no holiday is
//! invented; the deadline is counted Monday to Friday, marked `estimated`, and the letter and its
//! .ics say so in the letter's language. Also a letter sent in late December 2026 whose
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

const ESTIMATED_2027: [(Lang, &str); 3] = [
    (
        Lang::ZhCn,
        "按周一至周五计算：2027年的放假安排尚未公布，节假日可能使期限顺延",
    ),
    (
        Lang::ZhTw,
        "按週一至週五計算：2027年的放假安排尚未公布，節假日可能使期限順延",
    ),
    (
        Lang::En,
        "counted Monday to Friday: the 2027 holiday schedule has not been published yet",
    ),
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
fn a_letter_dated_in_2027_has_an_estimated_deadline_and_says_why() {
    for (lang, says) in ESTIMATED_2027 {
        let d = pi_access("2027-03-01", lang);
        let deadline = d.deadline.as_ref().expect("a Monday-to-Friday estimate");
        assert!(deadline.estimated, "{}: {deadline:?}", lang.code());
        // 2027-03-01 is a Monday: 15 days Monday to Friday end on Monday 2027-03-22.
        assert_eq!(deadline.due, jiff::civil::date(2027, 3, 22));
        assert!(deadline.ics.contains("2027"), "{}", lang.code());
        let text = d.page_text();
        assert!(text.contains(says), "{}:\n{text}", lang.code());
        assert!(text.contains("2027-03-01"), "the letter is dated: {text}");
    }
}

#[test]
fn a_letter_sent_late_in_2026_whose_deadline_falls_in_2027_says_so_too() {
    // 2026-12-21 + 15 working days ends in January 2027.
    for (lang, says) in ESTIMATED_2027 {
        let d = pi_access("2026-12-21", lang);
        let deadline = d.deadline.as_ref().expect("an estimated deadline");
        assert!(deadline.estimated, "{}: {deadline:?}", lang.code());
        assert_eq!(deadline.due.year(), 2027);
        assert!(d.page_text().contains(says), "{}", lang.code());
    }
    // A letter a month earlier is counted with the published holidays, not estimated.
    let d = pi_access("2026-11-02", Lang::ZhCn);
    let deadline = d.deadline.as_ref().expect("a 2026 deadline");
    assert!(!deadline.estimated);
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
            let docs = match render(kind, &input, data()) {
                Ok(docs) => docs,
                // A rules ban gets no police call script (scripts.rs tests the refusal).
                Err(_) if kind == ScriptKind::Hotline => continue,
                Err(e) => panic!("{} {}: {e}", kind.id(), lang.code()),
            };
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
