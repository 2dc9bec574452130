//! The checks the guidance inputs must pass before they are shipped: unique ids, known
//! references, normalised phrases, a source on every record and every contact detail, no number
//! on a channel whose numbers come from the user, dates and hours in shape.

use std::collections::BTreeSet;

use prescreen_core::data::{
    ChannelsFile, ContactKind, DOCUMENT_KINDS, LegalFile, Localized, MessagesFile, Source,
    is_normalised, normalise,
};

fn check_sources(what: &str, sources: &[Source], problems: &mut Vec<String>) {
    if sources.is_empty() {
        problems.push(format!("{what}: no source; add at least one with its url"));
    }
    for s in sources {
        if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
            problems.push(format!(
                "{what}: source url {:?} is not an http(s) url",
                s.url
            ));
        }
        if s.title.trim().is_empty() {
            problems.push(format!("{what}: source {} has an empty title", s.url));
        }
    }
}

fn check_localized(what: &str, t: &Localized, problems: &mut Vec<String>) {
    for (lang, s) in [("zh-CN", &t.zh_cn), ("zh-TW", &t.zh_tw), ("en", &t.en)] {
        if s.trim().is_empty() {
            problems.push(format!("{what}: {lang} text is empty"));
        }
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn is_hhmm(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && s[..2].parse::<u32>().is_ok_and(|h| h <= 24)
        && s[3..].parse::<u32>().is_ok_and(|m| m < 60)
}

fn duplicates<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = std::collections::BTreeSet::new();
    ids.filter(|id| !seen.insert(*id)).collect()
}

/// Checks the three files together. Returns every problem found (empty when all is well).
pub fn validate(
    messages: &MessagesFile,
    channels: &ChannelsFile,
    legal: &LegalFile,
) -> Vec<String> {
    let mut problems = Vec::new();
    check_headers(messages, channels, legal, &mut problems);
    let channel_ids: BTreeSet<&str> = channels.channels.iter().map(|c| c.id.as_str()).collect();
    let article_ids: BTreeSet<&str> = legal.articles.iter().map(|a| a.id.as_str()).collect();
    let law_ids: BTreeSet<&str> = legal.laws.iter().map(|l| l.id.as_str()).collect();
    check_messages(messages, &channel_ids, &article_ids, &mut problems);
    check_channels(channels, &mut problems);
    check_legal(legal, &law_ids, &mut problems);
    problems
}

/// Versions and licences present; no id used twice.
fn check_headers(
    messages: &MessagesFile,
    channels: &ChannelsFile,
    legal: &LegalFile,
    problems: &mut Vec<String>,
) {
    for (name, v) in [
        ("messages.json", &messages.data_version),
        ("channels.json", &channels.data_version),
        ("legal.json", &legal.data_version),
    ] {
        if v.trim().is_empty() {
            problems.push(format!("{name}: data_version is empty"));
        }
    }
    for (name, l) in [
        ("messages.json", &messages.licence),
        ("channels.json", &channels.licence),
        ("legal.json", &legal.licence),
    ] {
        if l.trim().is_empty() {
            problems.push(format!("{name}: licence is empty"));
        }
    }

    for d in duplicates(messages.patterns.iter().map(|p| p.id.as_str())) {
        problems.push(format!("messages.json: pattern id {d:?} is used twice"));
    }
    for d in duplicates(messages.triage.iter().map(|t| t.cause.as_str())) {
        problems.push(format!("messages.json: triage for {d} is given twice"));
    }
    for d in duplicates(channels.channels.iter().map(|c| c.id.as_str())) {
        problems.push(format!("channels.json: channel id {d:?} is used twice"));
    }
    for d in duplicates(legal.articles.iter().map(|a| a.id.as_str())) {
        problems.push(format!("legal.json: article id {d:?} is used twice"));
    }
    for d in duplicates(legal.laws.iter().map(|l| l.id.as_str())) {
        problems.push(format!("legal.json: law id {d:?} is used twice"));
    }
}

fn check_triage(
    messages: &MessagesFile,
    channel_ids: &BTreeSet<&str>,
    article_ids: &BTreeSet<&str>,
    problems: &mut Vec<String>,
) {
    for t in &messages.triage {
        let what = format!("messages.json triage {}", t.cause);
        let notes = std::iter::once(("who_decides", &t.who_decides))
            .chain(std::iter::once(("next_step", &t.next_step)))
            .chain(t.what_to_bring.iter().map(|n| ("what_to_bring", n)))
            .chain(t.usual_time.iter().map(|n| ("usual_time", n)))
            .chain(t.limits.iter().map(|n| ("limits", n)));
        for (field, n) in notes {
            check_sources(&format!("{what} {field}"), &n.sources, problems);
            check_localized(&format!("{what} {field}"), &n.text, problems);
        }
        for a in &t.legal_basis {
            if !article_ids.contains(a.as_str()) {
                problems.push(format!("{what}: unknown article {a:?}"));
            }
        }
        for c in &t.channels {
            if !channel_ids.contains(c.as_str()) {
                problems.push(format!("{what}: unknown channel {c:?}"));
            }
        }
        for d in &t.documents {
            if !DOCUMENT_KINDS.contains(&d.as_str()) {
                problems.push(format!(
                    "{what}: unknown document kind {d:?}; one of {DOCUMENT_KINDS:?}"
                ));
            }
        }
    }
}

fn check_messages(
    messages: &MessagesFile,
    channel_ids: &BTreeSet<&str>,
    article_ids: &BTreeSet<&str>,
    problems: &mut Vec<String>,
) {
    check_triage(messages, channel_ids, article_ids, problems);
    for p in &messages.patterns {
        let what = format!("messages.json pattern {:?}", p.id);
        check_sources(&what, &p.sources, problems);
        check_localized(&format!("{what} label"), &p.label, problems);
        check_localized(&format!("{what} explanation"), &p.explanation, problems);
        check_localized(&format!("{what} next_step"), &p.next_step, problems);
        if p.rules.is_empty() {
            problems.push(format!("{what}: no match rule"));
        }
        if p.weight > 100 {
            problems.push(format!("{what}: weight {} is above 100", p.weight));
        }
        if p.platforms.is_empty() {
            problems.push(format!("{what}: no platform"));
        }
        if p.also_possible.contains(&p.cause) {
            problems.push(format!("{what}: also_possible repeats the cause"));
        }
        for r in &p.rules {
            if r.all_of.is_empty() {
                problems.push(format!("{what}: a rule has an empty all_of"));
            }
            for phrase in r.all_of.iter().chain(&r.none_of) {
                if phrase.is_empty() || !is_normalised(phrase) {
                    problems.push(format!(
                        "{what}: phrase {phrase:?} is not normalised; write {:?}",
                        normalise(phrase)
                    ));
                }
            }
        }
        for c in &p.channels {
            if !channel_ids.contains(c.as_str()) {
                problems.push(format!("{what}: unknown channel {c:?}"));
            }
        }
        for a in &p.legal {
            if !article_ids.contains(a.as_str()) {
                problems.push(format!("{what}: unknown article {a:?}"));
            }
        }
        for e in &p.examples {
            if e.text.trim().is_empty() {
                problems.push(format!("{what}: an example is empty"));
            }
            if e.verbatim && !p.matches(&normalise(&e.text)) {
                problems.push(format!(
                    "{what}: does not match its own verbatim example {:?}",
                    e.text
                ));
            }
            if let Some(u) = &e.url
                && !(u.starts_with("https://") || u.starts_with("http://"))
            {
                problems.push(format!("{what}: example url {u:?} is not an http(s) url"));
            }
        }
    }
}

fn check_channels(channels: &ChannelsFile, problems: &mut Vec<String>) {
    for c in &channels.channels {
        let what = format!("channels.json channel {:?}", c.id);
        check_sources(&what, &c.sources, problems);
        check_localized(&format!("{what} name"), &c.name, problems);
        check_localized(&format!("{what} decides"), &c.decides, problems);
        for t in c.handles.iter().chain(&c.does_not_handle) {
            check_localized(&format!("{what} handles"), t, problems);
        }
        if !is_iso_date(&c.checked_on) {
            problems.push(format!(
                "{what}: checked_on {:?} is not YYYY-MM-DD",
                c.checked_on
            ));
        }
        for k in &c.contacts {
            check_sources(
                &format!("{what} contact {:?}", k.value),
                &k.sources,
                problems,
            );
            if c.numbers_from_user && k.kind == ContactKind::Phone {
                problems.push(format!(
                    "{what}: ships phone {:?} although its numbers come from the user",
                    k.value
                ));
            }
        }
        if c.numbers_from_user && c.numbers_from_user_why.is_none() {
            problems.push(format!(
                "{what}: numbers_from_user without numbers_from_user_why"
            ));
        }
        if let Some(h) = &c.hours {
            check_sources(&format!("{what} hours"), &h.sources, problems);
            if h.tz != "Asia/Shanghai" {
                problems.push(format!("{what}: hours tz {:?} is not Asia/Shanghai", h.tz));
            }
            const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
            for d in &h.days {
                if !DAYS.contains(&d.as_str()) {
                    problems.push(format!("{what}: hours day {d:?} is not one of {DAYS:?}"));
                }
            }
            for r in &h.ranges {
                if !is_hhmm(&r.from) || !is_hhmm(&r.to) || r.from >= r.to {
                    problems.push(format!(
                        "{what}: hours range {}–{} is not HH:MM–HH:MM",
                        r.from, r.to
                    ));
                }
            }
        }
        if let Some(cost) = &c.cost {
            check_sources(&format!("{what} cost"), &cost.sources, problems);
        }
        if let Some(a) = &c.asks_for {
            check_sources(&format!("{what} asks_for"), &a.sources, problems);
        }
        for n in &c.notes {
            check_sources(&format!("{what} note"), &n.sources, problems);
            check_localized(&format!("{what} note"), &n.text, problems);
        }
    }
}

fn check_legal(legal: &LegalFile, law_ids: &BTreeSet<&str>, problems: &mut Vec<String>) {
    for l in &legal.laws {
        let what = format!("legal.json law {:?}", l.id);
        check_sources(&what, &l.sources, problems);
        check_localized(&format!("{what} name"), &l.name, problems);
        if !is_iso_date(&l.in_force) {
            problems.push(format!(
                "{what}: in_force {:?} is not YYYY-MM-DD",
                l.in_force
            ));
        }
    }
    for a in &legal.articles {
        let what = format!("legal.json article {:?}", a.id);
        check_sources(&what, &a.sources, problems);
        check_localized(&format!("{what} our_summary"), &a.our_summary, problems);
        if !law_ids.contains(a.law.as_str()) {
            problems.push(format!("{what}: unknown law {:?}", a.law));
        }
        if a.id != format!("{}-{}", a.law, a.article) {
            problems.push(format!("{what}: id should be \"{}-{}\"", a.law, a.article));
        }
        if a.paragraphs.is_empty() {
            problems.push(format!("{what}: no paragraph text"));
        }
        for (i, para) in a.paragraphs.iter().enumerate() {
            if para.text_zh.trim().is_empty() {
                problems.push(format!("{what}: paragraph {} is empty", para.number));
            }
            if a.verbatim && para.number as usize != i + 1 {
                problems.push(format!("{what}: paragraphs must be numbered 1, 2, …"));
            }
        }
        for n in &a.cited {
            if !a.paragraphs.iter().any(|p| p.number == *n) {
                problems.push(format!("{what}: cites paragraph {n} it does not hold"));
            }
        }
        if !is_iso_date(&a.in_force) {
            problems.push(format!(
                "{what}: in_force {:?} is not YYYY-MM-DD",
                a.in_force
            ));
        }
    }
}
