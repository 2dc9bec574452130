//! Input validation: real-shaped and corrupted ID numbers (GB 11643's published example and
//! variants), QQ numbers, WeChat IDs, mobile numbers, dates; every message in three languages.

use jiff::civil::{Date, date};
use prescreen_core::case::Person;
use prescreen_core::i18n::Lang;
use prescreen_core::validation::{
    Field, Problem, id_check_char, validate_date, validate_dial_number, validate_id_number,
    validate_mobile, validate_person, validate_qq, validate_wechat_id,
};

const TODAY: Date = date(2019, 10, 16);
/// The example in GB 11643-1999 (Beijing, Chaoyang; born 1949-12-31; check character X).
const GB_EXAMPLE: &str = "11010519491231002X";

fn problem(id: &str) -> Problem {
    validate_id_number(id, TODAY).unwrap_err().problem
}

#[test]
fn the_published_example_passes_in_every_spelling() {
    for spelling in [GB_EXAMPLE, "11010519491231002x", " 110105 19491231 002X "] {
        let id = validate_id_number(spelling, TODAY).unwrap();
        assert_eq!(id.as_str(), GB_EXAMPLE);
        assert_eq!(id.birth_date(), Some(date(1949, 12, 31)));
    }
    assert_eq!(id_check_char(&GB_EXAMPLE[..17]), Some('X'));
}

#[test]
fn a_checksum_catches_every_single_digit_typo_of_the_example() {
    let digits: Vec<char> = GB_EXAMPLE.chars().collect();
    for i in 0..17 {
        for d in '0'..='9' {
            if d == digits[i] {
                continue;
            }
            let mut typo = digits.clone();
            typo[i] = d;
            let typo: String = typo.into_iter().collect();
            assert!(
                validate_id_number(&typo, TODAY).is_err(),
                "{typo} should fail (digit {i} changed)"
            );
        }
    }
}

#[test]
fn a_swapped_pair_of_digits_is_caught() {
    // 1101051949123100 2X → swap positions 14 and 15 ("00" would not change): use 13 and 14.
    let swapped = "11010519491231020X";
    assert!(matches!(problem(swapped), Problem::IdCheckDigit { .. }));
}

#[test]
fn each_kind_of_corruption_gets_its_own_message() {
    assert_eq!(problem("11010519491231002"), Problem::IdLength { len: 17 });
    assert_eq!(
        problem("11010519491231002XX"),
        Problem::IdLength { len: 19 }
    );
    assert_eq!(problem("1101051949123100OX"), Problem::IdCharacters);
    assert_eq!(problem("11010519491231002Y"), Problem::IdCharacters);
    assert_eq!(
        problem("99010519491231002X"),
        Problem::IdRegion {
            code: "990105".into()
        }
    );
    assert_eq!(
        problem("11010519491331002X"),
        Problem::IdBirthDate {
            date: "19491331".into()
        }
    );
    assert_eq!(
        problem("11010519490230002X"),
        Problem::IdBirthDate {
            date: "19490230".into()
        }
    );
    assert_eq!(
        problem("11010520201231002X"),
        Problem::IdBirthFuture {
            date: "2020-12-31".into()
        }
    );
    assert_eq!(
        problem("11010518491231002X"),
        Problem::IdBirthTooOld {
            date: "1849-12-31".into()
        }
    );
    assert_eq!(
        problem("110105194912310021"),
        Problem::IdCheckDigit {
            expected: 'X',
            found: '1'
        }
    );
    assert_eq!(problem(""), Problem::Empty);
}

#[test]
fn real_shaped_numbers_from_other_provinces_pass() {
    // Synthetic numbers with valid region shape, birth date and check character.
    for first17 in [
        "43010219900315002",
        "53282219850704123",
        "44030519991231456",
    ] {
        let id = format!("{first17}{}", id_check_char(first17).unwrap());
        assert!(validate_id_number(&id, TODAY).is_ok(), "{id}");
    }
}

#[test]
fn messages_say_how_to_fix_in_three_languages() {
    let err = validate_id_number("110105194912310021", TODAY).unwrap_err();
    assert_eq!(err.field, Field::IdNumber);
    let zh = err.message(Lang::ZhCn);
    assert!(zh.starts_with("身份证号："), "{zh}");
    assert!(zh.contains("应为 X") && zh.contains("逐位对照"), "{zh}");
    let tw = err.message(Lang::ZhTw);
    assert!(tw.starts_with("身分證號碼："), "{tw}");
    let en = err.message(Lang::En);
    assert!(en.starts_with("ID-card number: "), "{en}");
    assert!(
        en.contains("give X") && en.contains("compare each digit"),
        "{en}"
    );
    assert!(err.to_string().starts_with("person.id_number: "));
}

#[test]
fn qq_numbers() {
    assert_eq!(validate_qq("10001").unwrap(), "10001");
    assert_eq!(validate_qq("12345678901").unwrap(), "12345678901");
    assert_eq!(
        validate_qq("1234").unwrap_err().problem,
        Problem::QqLength { len: 4 }
    );
    assert_eq!(
        validate_qq("123456789012").unwrap_err().problem,
        Problem::QqLength { len: 12 }
    );
    assert_eq!(
        validate_qq("012345").unwrap_err().problem,
        Problem::QqLeadingZero
    );
    assert_eq!(
        validate_qq("12345a").unwrap_err().problem,
        Problem::QqNotDigits
    );
}

#[test]
fn wechat_ids() {
    assert!(validate_wechat_id("abcdef").is_ok());
    assert!(validate_wechat_id("a1234567890123456789").is_ok()); // 20
    assert_eq!(
        validate_wechat_id("abcde").unwrap_err().problem,
        Problem::WechatLength { len: 5 }
    );
    assert_eq!(
        validate_wechat_id("a12345678901234567890")
            .unwrap_err()
            .problem,
        Problem::WechatLength { len: 21 }
    );
    assert_eq!(
        validate_wechat_id("_abcdef").unwrap_err().problem,
        Problem::WechatFirstChar
    );
    assert_eq!(
        validate_wechat_id("li lei.1").unwrap_err().problem,
        Problem::WechatChars { chars: " .".into() }
    );
    assert_eq!(
        validate_wechat_id("刘晓梅").unwrap_err().problem,
        Problem::WechatChars {
            chars: "刘晓梅".into()
        }
    );
}

#[test]
fn mainland_mobile_numbers() {
    for ok in [
        "13800138000",
        "+86 13800138000",
        "+8613800138000",
        "86 138 0013 8000",
        "138-0013-8000",
        "19912345678",
    ] {
        assert_eq!(validate_mobile(ok).unwrap().len(), 11, "{ok}");
    }
    assert_eq!(
        validate_mobile("1380013800").unwrap_err().problem,
        Problem::PhoneLength { len: 10 }
    );
    assert_eq!(
        validate_mobile("12800138000").unwrap_err().problem,
        Problem::PhonePrefix {
            prefix: "12".into()
        }
    );
    assert_eq!(
        validate_mobile("138(0013)8000").unwrap_err().problem,
        Problem::PhoneChars
    );
    assert_eq!(
        validate_mobile("+1 415 555 0100").unwrap_err().problem,
        Problem::PhoneChars
    );
}

#[test]
fn numbers_copied_from_a_notice_become_tel_links_unchanged() {
    let n = validate_dial_number("(0879) 123-4567").unwrap();
    assert_eq!(n.display, "(0879) 123-4567");
    assert_eq!(n.tel, "tel:0879-123-4567");
    assert!(validate_dial_number("1234").is_err());
    assert!(validate_dial_number("12+345678").is_err());
    // A full-width digit (Chinese keyboard) is read as a digit; the display keeps what was typed.
    let n = validate_dial_number("0879-123456７").unwrap();
    assert_eq!(n.tel, "tel:0879-1234567");
    assert_eq!(n.display, "0879-123456７");
    assert!(validate_dial_number("0879-123456a").is_err());
}

#[test]
fn dates() {
    assert_eq!(
        validate_date("2019-09-03", Some(TODAY)).unwrap(),
        date(2019, 9, 3)
    );
    assert!(matches!(
        validate_date("2019/09/03", None).unwrap_err().problem,
        Problem::DateFormat { .. }
    ));
    assert!(matches!(
        validate_date("2019-02-29", None).unwrap_err().problem,
        Problem::DateInvalid { .. }
    ));
    assert!(validate_date("2020-02-29", None).is_ok());
    assert!(matches!(
        validate_date("2019-10-17", Some(TODAY))
            .unwrap_err()
            .problem,
        Problem::DateFuture { .. }
    ));
}

#[test]
fn a_person_with_blank_fields_is_fine_and_filled_ones_are_checked() {
    assert!(validate_person(&Person::default(), TODAY).is_empty());
    let person = Person {
        name: Some("刘晓梅".into()),
        id_number: Some("110105194912310021".into()),
        wechat_id: Some("  ".into()),
        qq: Some("0123".into()),
        phone: Some("13800138000".into()),
    };
    let fields: Vec<Field> = validate_person(&person, TODAY)
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, [Field::IdNumber, Field::Qq]);
}

#[test]
fn full_width_digits_from_a_chinese_keyboard_are_read_as_digits() {
    assert_eq!(
        validate_id_number("１１０１０５１９４９１２３１００２Ｘ", TODAY)
            .unwrap()
            .as_str(),
        GB_EXAMPLE
    );
    assert_eq!(validate_qq("１２３４５６").unwrap(), "123456");
    assert_eq!(
        validate_mobile("＋８６ １３８００１３８０００").unwrap(),
        "13800138000"
    );
}

#[test]
fn odd_input_never_panics() {
    let samples = [
        "",
        " ",
        "X",
        "x",
        "😀",
        "１",
        "11010519491231002😀",
        "😀10519491231002X1",
        "ＡＢＣ１２３４５６７８９０１２３４５",
        "1101051949123100２X",
        "+",
        "++86",
        "86",
        "+86",
        "0",
        "-",
        "--------------------",
        "\u{0}",
        "ß",
        "ǅ",
        "2019-13-01",
        "2019-1-1",
        "९९९",
    ];
    for s in samples {
        let _ = validate_id_number(s, TODAY);
        let _ = validate_qq(s);
        let _ = validate_wechat_id(s);
        let _ = validate_mobile(s);
        let _ = validate_dial_number(s);
        let _ = validate_date(s, Some(TODAY));
        for lang in Lang::ALL {
            if let Err(e) = validate_id_number(s, TODAY) {
                assert!(!e.message(lang).is_empty());
            }
        }
    }
}
