//! The shipped guidance data (`static/data/{messages,channels,legal}.json`): it parses through the
//! schema, every record is sourced, references resolve, the Pu'er police channel ships no number,
//! and every verbatim block text in the real-message corpus is classified as expected.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use prescreen_core::data::{Cause, ChannelsFile, ContactKind, LegalFile, MessagesFile, normalise};
use serde::de::DeserializeOwned;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The project's copies of the statutes and the corpus (`data/guidance/statutes/`,
/// `data/guidance/corpus.tsv`); a missing file fails the test that needs it.
fn guidance_dir() -> PathBuf {
    repo().join("data/guidance")
}

fn load<T: DeserializeOwned>(rel: &str) -> T {
    let path = repo().join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn shipped() -> (MessagesFile, ChannelsFile, LegalFile) {
    (
        load("static/data/messages.json"),
        load("static/data/channels.json"),
        load("static/data/legal.json"),
    )
}

#[test]
fn every_record_has_a_source() {
    let (m, c, l) = shipped();
    for p in &m.patterns {
        assert!(!p.sources.is_empty(), "pattern {} has no source", p.id);
    }
    for ch in &c.channels {
        assert!(!ch.sources.is_empty(), "channel {} has no source", ch.id);
        for k in &ch.contacts {
            assert!(
                !k.sources.is_empty(),
                "channel {} contact {} has no source",
                ch.id,
                k.value
            );
        }
        if let Some(h) = &ch.hours {
            assert!(
                !h.sources.is_empty(),
                "channel {} hours have no source",
                ch.id
            );
        }
        for n in &ch.notes {
            assert!(
                !n.sources.is_empty(),
                "channel {} has an unsourced note",
                ch.id
            );
        }
    }
    for a in &l.articles {
        assert!(!a.sources.is_empty(), "article {} has no source", a.id);
    }
    for law in &l.laws {
        assert!(!law.sources.is_empty(), "law {} has no source", law.id);
    }
}

#[test]
fn causes_and_channel_references_resolve() {
    let (m, c, l) = shipped();
    let channels: BTreeSet<&str> = c.channels.iter().map(|x| x.id.as_str()).collect();
    let articles: BTreeSet<&str> = l.articles.iter().map(|x| x.id.as_str()).collect();
    for p in &m.patterns {
        assert!(Cause::ALL.contains(&p.cause), "pattern {}", p.id);
        for id in &p.channels {
            assert!(
                channels.contains(id.as_str()),
                "pattern {} names unknown channel {id}",
                p.id
            );
        }
        for id in &p.legal {
            assert!(
                articles.contains(id.as_str()),
                "pattern {} names unknown article {id}",
                p.id
            );
        }
    }
    // Every cause a user can be told about has at least one pattern, except `unknown`'s default.
    for cause in Cause::ALL {
        assert!(
            m.patterns.iter().any(|p| p.cause == cause),
            "no pattern for cause {}",
            cause.as_str()
        );
    }
}

#[test]
fn the_events_name_only_known_channels() {
    // events.json belongs to the geographic half of the data set; its `channels` point here.
    // events.json is committed (built by `cargo run -p data-pipeline`); a missing file fails here.
    let events: prescreen_core::data::EventsFile = load("static/data/events.json");
    let (_, c, _) = shipped();
    for e in &events.events {
        for id in &e.channels {
            assert!(
                c.channel(id).is_some(),
                "event {} names unknown channel {id}",
                e.id
            );
        }
    }
}

#[test]
fn the_required_channels_exist() {
    let (_, c, _) = shipped();
    let ids: BTreeSet<&str> = c.channels.iter().map(|x| x.id.as_str()).collect();
    for id in [
        "puer-police-station",
        "wechat-self-service",
        "wechat-support",
        "qq-security-center",
        "tencent-support",
        "tencent-privacy",
        "tencent-games",
        "alipay-support",
        "bank",
        "carrier",
        "police-local",
        "96110",
        "12321",
        "12300",
        "12378",
    ] {
        assert!(ids.contains(id), "channel {id} is missing");
    }
    for id in ["96110", "12321"] {
        let ch = c.channels.iter().find(|x| x.id == id).unwrap();
        assert!(
            ch.does_not_unfreeze,
            "{id} must be marked does_not_unfreeze"
        );
    }
}

#[test]
fn no_phone_number_without_a_source_and_none_for_puer() {
    let (_, c, _) = shipped();
    for ch in &c.channels {
        for k in ch.contacts.iter().filter(|k| k.kind == ContactKind::Phone) {
            assert!(
                !k.sources.is_empty(),
                "{}: phone {} has no source",
                ch.id,
                k.value
            );
            assert!(
                k.sources.iter().all(|s| s.url.starts_with("http")),
                "{}: phone {} has a source without a url",
                ch.id,
                k.value
            );
        }
    }
    let puer = c
        .channels
        .iter()
        .find(|x| x.id == "puer-police-station")
        .unwrap();
    assert!(puer.numbers_from_user);
    assert!(puer.numbers_from_user_why.is_some());
    assert!(
        !puer.contacts.iter().any(|k| k.kind == ContactKind::Phone),
        "the Pu'er numbers were published only as an image: do not ship them"
    );
    // Nor may a number hide in any text shown to the user: no run of 7+ digits in the channel's
    // texts (source URLs aside).
    let mut texts = vec![&puer.name, &puer.decides];
    texts.extend(&puer.handles);
    texts.extend(&puer.does_not_handle);
    texts.extend(puer.numbers_from_user_why.as_ref());
    texts.extend(puer.notes.iter().map(|n| &n.text));
    for t in texts {
        for s in [&t.zh_cn, &t.zh_tw, &t.en] {
            let mut run = 0;
            for ch in s.chars() {
                run = if ch.is_ascii_digit() { run + 1 } else { 0 };
                assert!(run < 7, "the Pu'er channel shows a long digit run: {s}");
            }
        }
    }
    let hours = puer
        .hours
        .as_ref()
        .expect("the Pu'er hours are sourced (长沙晚报)");
    assert_eq!(hours.tz, "Asia/Shanghai");
    assert_eq!(hours.days, ["mon", "tue", "wed", "thu", "fri"]);
}

#[test]
fn article_texts_are_verbatim_from_the_statutes() {
    let dir = guidance_dir();
    let (_, _, l) = shipped();
    let files: BTreeMap<&str, &str> = [
        ("atfl", "statutes/anti-telecom-fraud-law-2022.md"),
        (
            "pipl",
            "statutes/personal-information-protection-law-2021.md",
        ),
        (
            "nbpi-reg",
            "statutes/non-bank-payment-institutions-regulation-2023.md",
        ),
        (
            "police-procedure",
            "statutes/police-criminal-procedure-rules-2020.md",
        ),
        ("telecom-reg", "statutes/telecom-regulation-2016.md"),
    ]
    .into_iter()
    .collect();
    let required = [
        "atfl-11",
        "atfl-18",
        "atfl-22",
        "atfl-31",
        "atfl-32",
        "atfl-35",
        "atfl-36",
        "atfl-48",
        "pipl-24",
        "pipl-44",
        "pipl-45",
        "pipl-47",
        "pipl-50",
        "pipl-18",
        "pipl-35",
        "atfl-44",
        "telecom-reg-39",
        "police-procedure-239",
        "police-procedure-240",
        "police-procedure-243",
        "police-procedure-247",
    ];
    for file in files.values() {
        assert!(
            dir.join(file).is_file(),
            "{} is missing: the statutes are part of the project",
            dir.join(file).display()
        );
    }
    for id in required {
        assert!(
            l.articles.iter().any(|a| a.id == id),
            "article {id} is missing"
        );
    }
    for a in l.articles.iter().filter(|a| a.verbatim) {
        let Some(file) = files.get(a.law.as_str()) else {
            continue;
        };
        let statute = std::fs::read_to_string(dir.join(file)).unwrap();
        // Each line of the statute file is one paragraph or one enumerated item (（一）…), and the
        // first paragraph follows the article number on its line.
        for (i, p) in a.paragraphs.iter().enumerate() {
            for (j, line) in p.text_zh.lines().enumerate() {
                let line = if i == 0 && j == 0 {
                    format!("{} {}", a.article_zh, line)
                } else {
                    line.to_string()
                };
                assert!(
                    statute.lines().any(|l| l == line),
                    "{} ¶{}: {line:?} is not a line of {file}",
                    a.id,
                    p.number
                );
            }
        }
    }
}

/// The `r` rows of data/guidance/corpus.tsv (the 44 real-message rows, copied in once by
/// data/guidance/make_corpus.py; the file is the project's own): (id, text, verbatim).
fn corpus(dir: &Path) -> Vec<(u32, String, bool)> {
    let path = dir.join("corpus.tsv");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; the corpus is part of the project", path.display()));
    let rows: Vec<_> = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 11, "bad TSV row: {line}");
            let id = cols[0].strip_prefix('r')?.parse().unwrap();
            Some((id, cols[5].to_string(), cols[4] == "verbatim"))
        })
        .collect();
    assert_eq!(rows.len(), 44, "the 44 rows of messages-real.tsv");
    rows
}

/// What each corpus row should be classified as (its `cause_as_reported`, read by a person).
const EXPECTED: &[(u32, Cause)] = &[
    (1, Cause::PlatformViolation),
    (2, Cause::PlatformViolation),
    (4, Cause::PlatformViolation),
    (5, Cause::PlatformViolation),
    (7, Cause::NotAFreeze),
    (8, Cause::AccountSecurity),
    (10, Cause::BorderAreaFreeze),
    (11, Cause::PlatformViolation),
    (13, Cause::PlatformViolation),
    (14, Cause::NotAFreeze),
    (16, Cause::AccountSecurity),
    (17, Cause::NotAFreeze),
    (19, Cause::AccountSecurity),
    (20, Cause::NotAFreeze),
    (22, Cause::NotAFreeze),
    (23, Cause::NotAFreeze),
    (25, Cause::NotAFreeze),
    (26, Cause::NotAFreeze),
    (28, Cause::NotAFreeze),
    (29, Cause::NotAFreeze),
    (31, Cause::PlatformViolation),
    (32, Cause::AccountSecurity),
    (34, Cause::PlatformViolation),
    (35, Cause::PlatformViolation),
    (37, Cause::AccountSecurity),
    (38, Cause::PlatformViolation),
    (40, Cause::PlatformViolation),
    (41, Cause::PlatformViolation),
    (43, Cause::PhoneNumberFlagged),
    (44, Cause::PlatformViolation),
    (46, Cause::PlatformViolation),
    (47, Cause::PlatformViolation),
    (49, Cause::NotAFreeze),
    (50, Cause::PlatformViolation),
    (52, Cause::NotAFreeze),
    (53, Cause::PlatformViolation),
    (55, Cause::NotAFreeze),
    (56, Cause::FundsFrozenByAuthority),
    (58, Cause::FundsFrozenByAuthority),
    (59, Cause::AccountSecurity),
    (61, Cause::AccountSecurity),
    (62, Cause::AccountSecurity),
    (64, Cause::NotAFreeze),
    (65, Cause::PlatformViolation),
];

#[test]
fn every_corpus_row_is_an_example_with_its_exact_text() {
    let dir = guidance_dir();
    let (m, _, _) = shipped();
    let examples: BTreeMap<u32, &str> = m
        .patterns
        .iter()
        .flat_map(|p| &p.examples)
        .filter_map(|e| e.corpus_id.map(|id| (id, e.text.as_str())))
        .collect();
    for (id, text, _) in corpus(&dir) {
        assert_eq!(
            examples.get(&id).copied(),
            Some(text.as_str()),
            "corpus row {id}"
        );
        assert!(
            EXPECTED.iter().any(|(e, _)| *e == id),
            "row {id} has no expected cause"
        );
    }
}

#[test]
fn every_verbatim_corpus_text_is_classified_as_expected() {
    let dir = guidance_dir();
    let (m, _, _) = shipped();
    let mut wrong = Vec::new();
    for (id, text, verbatim) in corpus(&dir) {
        let expected = EXPECTED.iter().find(|(e, _)| *e == id).unwrap().1;
        let hits = m.matching(&text);
        let best = hits.first().map(|p| p.cause);
        let any = hits.iter().any(|p| p.cause == expected);
        // Verbatim texts: the best match must be right. Paraphrases: some pattern must be.
        if (verbatim && best != Some(expected)) || (!verbatim && !any) {
            wrong.push(format!(
                "row {id} ({}): expected {}, got {:?}",
                if verbatim { "verbatim" } else { "paraphrase" },
                expected.as_str(),
                hits.iter().map(|p| p.id.as_str()).collect::<Vec<_>>()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_example_matches_its_own_pattern_best() {
    let (m, _, _) = shipped();
    for p in &m.patterns {
        for e in p.examples.iter().filter(|e| e.verbatim) {
            let hits = m.matching(&e.text);
            assert!(
                hits.iter().any(|h| h.id == p.id),
                "{}: {:?} does not match",
                p.id,
                e.text
            );
            assert_eq!(
                hits[0].cause, p.cause,
                "{}: {:?} is best matched by {}",
                p.id, e.text, hits[0].id
            );
        }
    }
}

#[test]
fn traditional_and_full_width_texts_classify_like_simplified_ones() {
    let (m, _, _) = shipped();
    let cases = [
        (
            "該微信號因涉及欺詐，國務院打擊治理電信網絡新型違法犯罪工作部際聯席會議辦公室通報封停。",
            Cause::BorderAreaFreeze,
        ),
        (
            "［安全提醒］該帳號因使用非官方ＱＱ客戶端被暫時凍結。（錯誤碼：４０）",
            Cause::PlatformViolation,
        ),
        (
            "為了你的帳號安全，此微信號不能登錄網頁微信",
            Cause::NotAFreeze,
        ),
        (
            "您尾號1234的號碼存在異常使用行為，將進行保護性停機",
            Cause::PhoneNumberFlagged,
        ),
        ("您的銀行卡已暫停非櫃面業務", Cause::BankRiskControl),
        ("有人说交500元手续费就能代解封", Cause::NotAFreeze),
        (
            "This WeChat account has been permanently blocked.",
            Cause::PlatformViolation,
        ),
        (
            "Your account was restricted: unofficial client detected",
            Cause::PlatformViolation,
        ),
        (
            "你的微信帐号因涉嫌违规被永久限制登录",
            Cause::PlatformViolation,
        ),
        ("該連結存在安全風險", Cause::NotAFreeze),
    ];
    for (text, cause) in cases {
        let hits = m.matching(text);
        assert_eq!(
            hits.first().map(|p| p.cause),
            Some(cause),
            "{text} → {} ({:?})",
            normalise(text),
            hits.iter().map(|p| p.id.as_str()).collect::<Vec<_>>()
        );
    }
}

/// The rows of the research notes' table "what the user saw" → probable cause (FACTS.md §2,
/// outside this repository; the rows are copied here), as a user might type
/// them.
#[test]
fn every_row_of_the_facts_table_is_covered() {
    let (m, _, _) = shipped();
    let rows = [
        (
            "该微信号因涉及欺诈，国务院打击治理电信网络新型违法犯罪工作部际联席会议办公室通报封停。",
            Cause::BorderAreaFreeze,
            "puer-police-station",
        ),
        (
            "你的微信号被临时限制登录，可自助解封",
            Cause::AccountSecurity,
            "wechat-self-service",
        ),
        (
            "你的微信号已被永久限制登录",
            Cause::PlatformViolation,
            "wechat-support",
        ),
        ("微信永久封号", Cause::PlatformViolation, "wechat-support"),
        (
            "你的QQ号已被暂时冻结",
            Cause::AccountSecurity,
            "qq-security-center",
        ),
        (
            "该QQ号因违反《QQ号码规则》已被永久冻结",
            Cause::PlatformViolation,
            "tencent-support",
        ),
        (
            "您的支付宝账户已被限制",
            Cause::AccountSecurity,
            "alipay-support",
        ),
        (
            "您的银行卡非柜面业务暂停，暂不能开立新账户",
            Cause::CardTradingSanction,
            "bank",
        ),
        (
            "您的手机号码涉诈，已被停机",
            Cause::PhoneNumberFlagged,
            "carrier",
        ),
        ("QQ被冻结后游戏也无法登录", Cause::Unknown, "tencent-games"),
    ];
    for (text, cause, channel) in rows {
        let best = m.matching(text).into_iter().next();
        let best = best.unwrap_or_else(|| panic!("{text}: no pattern matches"));
        assert_eq!(best.cause, cause, "{text}: best match {}", best.id);
        assert!(
            best.channels.iter().any(|c| c == channel),
            "{text}: {} does not name {channel}",
            best.id
        );
    }
}

#[test]
fn cited_articles_hold_the_paragraphs_letters_quote() {
    let (_, _, l) = shipped();
    let a32 = l.article("atfl-32").unwrap();
    let cited: Vec<_> = a32.cited_paragraphs().collect();
    assert_eq!(cited.len(), 1);
    assert!(
        cited[0]
            .text_zh
            .contains("核查通过的，应当即时解除有关措施")
    );
    let a45 = l.article("pipl-45").unwrap();
    assert!(
        a45.cited_paragraphs()
            .any(|p| p.text_zh.contains("应当及时提供"))
    );
    assert_eq!(l.law(&a45.law).unwrap().in_force, "2021-11-01");
    assert_eq!(l.law("atfl").unwrap().in_force, "2022-12-01");
}

#[test]
fn every_pattern_phrase_is_normalised() {
    // The engine normalises the user's text once and tests substrings, so a stored phrase must be
    // a fixed point of the normaliser (simplified, no spaces or punctuation, lower-case).
    let (m, _, _) = shipped();
    for p in &m.patterns {
        for r in &p.rules {
            for phrase in r.all_of.iter().chain(&r.none_of) {
                assert_eq!(&normalise(phrase), phrase, "pattern {}", p.id);
            }
        }
    }
}
