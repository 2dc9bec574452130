//! A name in a bill or a trip list → a place of the gazetteer, or a question for the person.
//!
//! Only [`Gazetteer::resolve`] is used (its public API): a merchant name that starts with an
//! address chain ("勐海县打洛镇曼芽村小卖部" → 打洛镇), a branch in brackets ("…(打洛店)"), or a
//! name that is wholly a place ("昆明"). What it cannot tell apart (勐拉: a town in Jinping, and
//! Mong La in Myanmar) comes back as [`Match::Ambiguous`] with the candidates, for the person to
//! choose: never guessed. A place wider than [`MAX_RADIUS_KM`] is replaced by the smallest
//! division above it that is not (a district whose extent is unknown → its city); a province,
//! or a wide prefecture with nothing finer, says too little about where a payment was made and is
//! not used.
//!
//! Names of companies (…公司, …集团, banks) are not read as places: an online shop, a platform or a
//! utility is registered in some city that says nothing about where the person paid.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::data::Gazetteer;
use crate::data::gazetteer::describe;
use crate::error::InputErrorKind;

/// A place whose extent is wider than this is too coarse to date a stay by.
pub const MAX_RADIUS_KM: f64 = 60.0;

/// Words in a counterparty that make it a company or an institution, not a place of business
/// one walks into.
const COMPANY_WORDS: [&str; 8] = [
    "公司", "集团", "银行", "有限", "平台", "支付", "保险", "证券",
];

/// What a name gave.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Match {
    /// One place, fine enough: (lat, lon, its name).
    One(f64, f64, String),
    /// Several places; their descriptions, for the person to choose from.
    Ambiguous(Vec<String>),
    /// A shop's name that only starts with a place name of several meanings ("勐拉超市"): the
    /// candidates' descriptions and where each is (a question only if one is near a region).
    Leading(Vec<String>, Vec<(f64, f64)>),
    /// No place, or one too coarse.
    None,
}

/// Resolves names against the gazetteer, remembering each name's answer by a hash of it (so a
/// bill with the same shop 500 times asks once, and no name is stored).
pub(crate) struct Matcher<'g> {
    places: &'g Gazetteer,
    seen: HashMap<u64, Match>,
}

/// Names remembered at most (then the cache is emptied and starts again).
const CACHE: usize = 20_000;

impl<'g> Matcher<'g> {
    pub fn new(places: &'g Gazetteer) -> Matcher<'g> {
        Matcher {
            places,
            seen: HashMap::new(),
        }
    }

    /// The place a merchant or counterparty name names, if any; see the module documentation.
    pub fn merchant(&mut self, name: &str) -> Match {
        let name = name.trim();
        if name.chars().count() < 2 || name == "/" || COMPANY_WORDS.iter().any(|w| name.contains(w))
        {
            return Match::None;
        }
        self.cached(name, |m| {
            let whole = m.resolve(name);
            if whole != Match::None {
                return whole;
            }
            // A branch in brackets: "云膳过桥米线(打洛店)", "（打洛镇分店）".
            let branch = match bracketed(name) {
                Some(inner) => m.resolve(inner),
                None => Match::None,
            };
            if branch != Match::None {
                return branch;
            }
            m.leading(name)
        })
    }

    /// A name that starts with a place name of several meanings, followed by the rest of a
    /// shop's name ("勐拉超市", "勐拉 · 某某餐厅"): the longest leading 2–5 characters that name a
    /// place at all decide. If they name one place, or none, nothing (a leading word is too weak
    /// to place a payment by itself); if several, the candidates and where they are, for
    /// [`Collector::unsure_leading`](super::stays::Collector::unsure_leading), which asks only
    /// when one lies near a region of an event.
    fn leading(&self, name: &str) -> Match {
        let chars: Vec<(usize, char)> = name.char_indices().collect();
        for k in (2..=5.min(chars.len().saturating_sub(1))).rev() {
            let prefix = &name[..chars[k].0];
            if !prefix.chars().all(is_han) {
                continue;
            }
            match self.places.resolve("", prefix) {
                Ok(_) => return Match::None,
                Err(e) => match e.kind {
                    InputErrorKind::AmbiguousPlace { candidates, .. } => {
                        // Where they are: a scan of the names, not `Gazetteer::search`,
                        // whose ranking would add ~25 KB to the import worker.
                        let points: Vec<(f64, f64)> = self
                            .places
                            .places()
                            .iter()
                            .filter(|p| {
                                p.zh.starts_with(prefix) && candidates.contains(&describe(p))
                            })
                            .map(|p| (p.lat, p.lon))
                            .collect();
                        if points.is_empty() {
                            return Match::None;
                        }
                        return Match::Leading(candidates, points);
                    }
                    _ => continue,
                },
            }
        }
        Match::None
    }

    /// The place a city or station name names (a trip list's 到达城市).
    pub fn city(&mut self, name: &str) -> Match {
        let name = name.trim();
        if name.chars().count() < 2 {
            return Match::None;
        }
        self.cached(name, |m| m.resolve(name))
    }

    fn cached(&mut self, name: &str, work: impl FnOnce(&Matcher<'g>) -> Match) -> Match {
        let mut hasher = DefaultHasher::new();
        name.hash(&mut hasher);
        let key = hasher.finish();
        if let Some(found) = self.seen.get(&key) {
            return found.clone();
        }
        let found = work(self);
        if self.seen.len() >= CACHE {
            self.seen.clear();
        }
        self.seen.insert(key, found.clone());
        found
    }

    fn resolve(&self, text: &str) -> Match {
        let text = text
            .trim_end_matches(['店', '部'])
            .trim_end_matches("分")
            .trim();
        if text.chars().count() < 2 {
            return Match::None;
        }
        match self.places.resolve("", text) {
            Ok(place) => {
                // Too coarse (or its extent unknown): the smallest division above it that is
                // fine enough (五华区 → 昆明市), else nothing.
                let mut place = place;
                let mut admin: Vec<&str> = place.admin.split('/').collect();
                while place.radius_km > MAX_RADIUS_KM {
                    admin.pop();
                    if admin.is_empty() {
                        return Match::None;
                    }
                    match self.places.resolve("", &admin.concat()) {
                        Ok(up) if up.id != place.id => place = up,
                        _ => return Match::None,
                    }
                }
                if matches!(place.kind.as_str(), "province" | "country") {
                    Match::None
                } else {
                    Match::One(place.lat, place.lon, place.zh.clone())
                }
            }
            Err(e) => match e.kind {
                InputErrorKind::AmbiguousPlace { candidates, .. } => Match::Ambiguous(candidates),
                _ => Match::None,
            },
        }
    }
}

/// A Chinese character (CJK unified ideographs): leading place names are looked for only in
/// Chinese text, so that "Bar 1912" or "KFC" never reads as a place.
fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// The text inside the last pair of brackets (ASCII or full-width), with a trailing 店 dropped.
fn bracketed(name: &str) -> Option<&str> {
    let open = name.rfind(['(', '（'])?;
    let after = &name[open..];
    let first = after.chars().next()?.len_utf8();
    let inner = &after[first..];
    let close = inner.find([')', '）'])?;
    let inner = inner[..close].trim();
    (!inner.is_empty()).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets() {
        assert_eq!(bracketed("云膳过桥米线(打洛店)"), Some("打洛店"));
        assert_eq!(bracketed("某超市（姐告分店）"), Some("姐告分店"));
        assert_eq!(bracketed("某超市()"), None);
        assert_eq!(bracketed("某超市"), None);
    }
}
