//! The per-cause triage in `static/data/messages.json`: one record per cause, every statement
//! sourced, the law it names present (and verbatim, except the joint-sanctions measures whose
//! official text was not found), and the documents drawn from the CLI's list.

use std::path::Path;

use prescreen_core::data::{Cause, DOCUMENT_KINDS, LegalFile, MessagesFile};

fn load<T: serde::de::DeserializeOwned>(rel: &str) -> T {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_cause_has_one_sourced_triage() {
    let m: MessagesFile = load("static/data/messages.json");
    let l: LegalFile = load("static/data/legal.json");
    for cause in Cause::ALL {
        let t = m
            .triage(cause)
            .unwrap_or_else(|| panic!("no triage for {cause}"));
        assert_eq!(m.triage.iter().filter(|t| t.cause == cause).count(), 1);
        for n in [&t.who_decides, &t.next_step]
            .into_iter()
            .chain(&t.what_to_bring)
            .chain(&t.usual_time)
            .chain(&t.limits)
        {
            assert!(!n.sources.is_empty(), "{cause}: unsourced {:?}", n.text.en);
            assert!(
                n.sources.iter().all(|s| s.url.starts_with("http")),
                "{cause}: {:?}",
                n.text.en
            );
        }
        for id in &t.legal_basis {
            let a = l
                .article(id)
                .unwrap_or_else(|| panic!("{cause}: article {id} is not in legal.json"));
            assert!(
                a.verbatim || a.law == "joint-sanctions",
                "{cause}: {id} is not verbatim"
            );
        }
        for d in &t.documents {
            assert!(DOCUMENT_KINDS.contains(&d.as_str()), "{cause}: {d}");
        }
    }
}

#[test]
fn the_triage_says_who_decides_for_todays_kinds() {
    let m: MessagesFile = load("static/data/messages.json");
    let t = |c| m.triage(c).unwrap();
    // A police freeze: the rules' terms (6 months, 3 days) are given with the articles.
    let funds = t(Cause::FundsFrozenByAuthority);
    assert!(
        funds
            .legal_basis
            .iter()
            .any(|a| a == "police-procedure-243")
    );
    assert!(
        funds
            .usual_time
            .iter()
            .any(|n| n.text.zh_cn.contains("六个月"))
    );
    assert!(
        funds
            .usual_time
            .iter()
            .any(|n| n.text.zh_cn.contains("三日"))
    );
    // Bank risk control: the bank decides, the branch is the first document.
    let bank = t(Cause::BankRiskControl);
    assert_eq!(
        bank.documents.first().map(String::as_str),
        Some("bank-counter")
    );
    assert!(bank.legal_basis.iter().any(|a| a == "atfl-18"));
    // A flagged number: the carrier, Art. 11, and 12300 only with its real scope.
    let phone = t(Cause::PhoneNumberFlagged);
    assert_eq!(
        phone.documents.first().map(String::as_str),
        Some("carrier-counter")
    );
    assert!(phone.legal_basis.iter().any(|a| a == "atfl-11"));
    assert!(phone.limits.iter().any(|n| n.text.zh_cn.contains("12300")));
    // Card trading: the sanction's penalty article and the 2- or 3-year term.
    let card = t(Cause::CardTradingSanction);
    assert!(card.legal_basis.iter().any(|a| a == "atfl-44"));
    assert!(
        card.usual_time
            .iter()
            .any(|n| n.text.zh_cn.contains("2年或3年"))
    );
    // Nothing to send for a look-alike.
    assert!(t(Cause::NotAFreeze).documents.is_empty());
}
