//! The classifier against the labelled corpus of real freeze texts in `data/guidance/corpus.tsv`
//! (the project's own copy; see `data/guidance/README.md` for where each row comes from).
//!
//! Every row is classified with the shipped `static/data/messages.json`; the test prints a
//! per-cause accuracy table (run with `--nocapture` to see it) and fails when
//!
//! - the corpus file is missing or a row is malformed (unknown cause, form or confidence, no
//!   source, a duplicate id);
//! - any **verbatim** row (the whole text as the person saw it) is classified as another cause;
//! - for a cause with at least [`MIN_ROWS`] **fragment or paraphrase** rows, fewer than
//!   [`MIN_PARAPHRASE_ACCURACY`] of them are classified as expected.
//!
//! `description` rows (policy wording, advice, a company's press statement: not a text anyone
//! saw on a block screen) are reported but not scored.
//!
//! Why 0.6 for paraphrases: a paraphrase is someone's retelling ("才用了半天就被冻结了", an
//! English news summary), and the classifier only knows the platforms' own phrases, so a retelling
//! that keeps none of them cannot be recognised and must fall back to `unknown` rather than be
//! guessed. The threshold is a regression floor under the accuracy reached when the patterns were
//! extended (every scored cause at or above 0.7 on 2026-12-03, see the report in the commit), low
//! enough that one new hard paraphrase in a cause with five rows does not fail the build, high
//! enough that dropping or weakening a pattern does. Causes with fewer than [`MIN_ROWS`] such rows
//! are printed only: with three rows one miss moves the rate by a third, which says nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use prescreen_core::classify::classify;
use prescreen_core::data::{Cause, MessagesFile};
use prescreen_core::i18n::Lang;

const MIN_ROWS: usize = 4;
const MIN_PARAPHRASE_ACCURACY: f64 = 0.6;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[derive(Debug)]
struct Row {
    id: String,
    expected: Cause,
    form: String,
    text: String,
}

const COLUMNS: [&str; 11] = [
    "id",
    "expected",
    "research_kind",
    "platform",
    "form",
    "text",
    "source_url",
    "source_title",
    "published",
    "confidence",
    "note",
];
const FORMS: [&str; 4] = ["verbatim", "fragment", "paraphrase", "description"];
const CONFIDENCES: [&str; 5] = ["official", "media", "single", "user", "unverified"];

/// Reads and checks `data/guidance/corpus.tsv`; panics (fails the test) when it is missing.
fn corpus() -> Vec<Row> {
    let path = repo().join("data/guidance/corpus.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; the corpus is part of the project (data/guidance/make_corpus.py made it)",
            path.display()
        )
    });
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("empty corpus").split('\t').collect();
    assert_eq!(header, COLUMNS, "corpus header");
    let mut ids = BTreeSet::new();
    let mut rows = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let c: Vec<&str> = line.split('\t').collect();
        assert_eq!(c.len(), COLUMNS.len(), "bad corpus row: {line}");
        let id = c[0].to_owned();
        assert!(ids.insert(id.clone()), "corpus id {id} is used twice");
        let expected: Cause = serde_json::from_str(&format!("\"{}\"", c[1]))
            .unwrap_or_else(|e| panic!("row {id}: expected cause {:?}: {e}", c[1]));
        assert!(FORMS.contains(&c[4]), "row {id}: form {:?}", c[4]);
        assert!(!c[5].trim().is_empty(), "row {id}: empty text");
        // Every row names its source; only row r43 (a blog post whose address the collector did
        // not record) has no URL, and its title says so.
        let url = c[6];
        assert!(
            url.starts_with("https://")
                || url.starts_with("http://")
                || (url.is_empty() && c[7].contains("not recorded")),
            "row {id}: source_url {url:?}"
        );
        assert!(!c[7].trim().is_empty(), "row {id}: no source title");
        assert!(
            CONFIDENCES.contains(&c[9]),
            "row {id}: confidence {:?}",
            c[9]
        );
        rows.push(Row {
            id,
            expected,
            form: c[4].to_owned(),
            text: c[5].to_owned(),
        });
    }
    rows
}

fn messages() -> MessagesFile {
    let path = repo().join("static/data/messages.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[derive(Default)]
struct Tally {
    verbatim: (usize, usize),
    paraphrase: (usize, usize),
    description: (usize, usize),
}

fn pct((ok, n): (usize, usize)) -> String {
    if n == 0 {
        "—".to_owned()
    } else {
        format!("{ok}/{n} ({:.0}%)", 100.0 * ok as f64 / n as f64)
    }
}

#[test]
fn the_classifier_recognises_the_real_texts_of_every_kind() {
    let rows = corpus();
    let messages = messages();
    let mut tally: BTreeMap<Cause, Tally> = BTreeMap::new();
    let mut wrong_verbatim = Vec::new();
    let mut misses = Vec::new();
    for row in &rows {
        let got = classify(&messages, &row.text, Lang::ZhCn);
        let ok = got.cause == row.expected;
        let t = tally.entry(row.expected).or_default();
        let slot = match row.form.as_str() {
            "verbatim" => &mut t.verbatim,
            "description" => &mut t.description,
            _ => &mut t.paraphrase,
        };
        slot.1 += 1;
        if ok {
            slot.0 += 1;
        } else {
            let line = format!(
                "{} ({}): expected {}, got {} via {:?}: {}",
                row.id, row.form, row.expected, got.cause, got.pattern, row.text
            );
            if row.form == "verbatim" {
                wrong_verbatim.push(line.clone());
            }
            misses.push(line);
        }
    }

    println!(
        "{:<26} {:>14} {:>22} {:>14}",
        "cause", "verbatim", "fragment+paraphrase", "description"
    );
    for (cause, t) in &tally {
        println!(
            "{:<26} {:>14} {:>22} {:>14}",
            cause.as_str(),
            pct(t.verbatim),
            pct(t.paraphrase),
            pct(t.description)
        );
    }
    println!("\nnot as expected:\n{}", misses.join("\n"));

    assert!(
        wrong_verbatim.is_empty(),
        "verbatim texts classified wrongly:\n{}",
        wrong_verbatim.join("\n")
    );
    let mut low = Vec::new();
    for (cause, t) in &tally {
        let (ok, n) = t.paraphrase;
        if n >= MIN_ROWS && (ok as f64) < MIN_PARAPHRASE_ACCURACY * n as f64 {
            low.push(format!(
                "{cause}: {ok}/{n} fragments and paraphrases, below {MIN_PARAPHRASE_ACCURACY}"
            ));
        }
    }
    assert!(low.is_empty(), "{}", low.join("\n"));
}

#[test]
fn the_corpus_covers_every_kind_a_user_can_be_told_about() {
    let rows = corpus();
    let kinds: BTreeSet<Cause> = rows.iter().map(|r| r.expected).collect();
    for cause in Cause::ALL {
        assert!(kinds.contains(&cause), "no corpus row for {cause}");
    }
    // The project's own copy holds every row of the shared corpus (r..) and of the research (c..).
    assert!(rows.iter().filter(|r| r.id.starts_with('r')).count() >= 44);
    assert!(rows.iter().filter(|r| r.id.starts_with('c')).count() >= 73);
}

#[test]
fn the_texts_named_in_issue_15_are_recognised() {
    let messages = messages();
    let cases = [
        (
            "您的号码存在涉诈风险，请到营业厅进行二次实人认证。",
            Cause::PhoneNumberFlagged,
        ),
        (
            "【中国移动】您的号码涉嫌电信网络诈骗，已暂停服务。",
            Cause::PhoneNumberFlagged,
        ),
        (
            "您的账户已被公安机关冻结，如有疑问请联系办案单位。",
            Cause::FundsFrozenByAuthority,
        ),
        (
            "因银行卡交易可能存在风险，为保障您的资金安全，您在我行的非柜面业务暂时无法办理",
            Cause::BankRiskControl,
        ),
    ];
    for (text, cause) in cases {
        let got = classify(&messages, text, Lang::ZhCn);
        assert_eq!(got.cause, cause, "{text}: via {:?}", got.pattern);
    }
}
