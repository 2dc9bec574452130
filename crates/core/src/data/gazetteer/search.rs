//! The search index: every spelling of every place, normalised, in one sorted array, so a name is
//! found by binary search (exact or prefix) instead of a scan; and the suffixes of the Chinese
//! spellings, so that typing a part of a name (版纳) finds it too.

use crate::data::Place;

use super::normalise_name;

/// Sorted (key, place index) rows.
#[derive(Debug, Clone, Default)]
pub struct Index {
    keys: Vec<(Box<str>, u32)>,
    /// Proper suffixes of the Chinese keys (at least two characters long).
    inner: Vec<(Box<str>, u32)>,
}

/// How a place matched a query, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    Exact,
    Prefix,
    Inside,
}

impl Index {
    pub fn new(places: &[Place]) -> Index {
        let mut keys: Vec<(Box<str>, u32)> = Vec::new();
        let mut inner: Vec<(Box<str>, u32)> = Vec::new();
        for (i, place) in places.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            let mut own: Vec<String> = spellings(place);
            own.sort();
            own.dedup();
            for key in own {
                if key.chars().any(is_cjk) {
                    for (at, _) in key.char_indices().skip(1) {
                        let tail = &key[at..];
                        if tail.chars().count() >= 2 {
                            inner.push((tail.into(), i));
                        }
                    }
                }
                keys.push((key.into_boxed_str(), i));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        inner.sort_unstable();
        inner.dedup();
        Index { keys, inner }
    }

    /// Places with a spelling equal to `key` (normalised), each once, in index order.
    pub fn exact(&self, key: &str) -> Vec<usize> {
        let start = self.keys.partition_point(|(k, _)| &**k < key);
        let mut out: Vec<usize> = self.keys[start..]
            .iter()
            .take_while(|(k, _)| &**k == key)
            .map(|&(_, i)| i as usize)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Places with a spelling that starts with `key` (or, for Chinese, contains it), with how.
    pub fn lookup(&self, key: &str) -> Vec<(Match, usize)> {
        let mut out: Vec<(Match, usize)> = Vec::new();
        for (table, inside) in [(&self.keys, false), (&self.inner, true)] {
            let start = table.partition_point(|(k, _)| &**k < key);
            for (k, i) in table[start..]
                .iter()
                .take_while(|(k, _)| k.starts_with(key))
            {
                let how = if inside {
                    Match::Inside
                } else if &**k == key {
                    Match::Exact
                } else {
                    Match::Prefix
                };
                out.push((how, *i as usize));
            }
        }
        out.sort_unstable_by_key(|&(how, i)| (i, how));
        out.dedup_by_key(|&mut (_, i)| i);
        out
    }

    /// Number of rows (for the benchmark's report).
    pub fn len(&self) -> usize {
        self.keys.len() + self.inner.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c) || ('\u{f900}'..='\u{faff}').contains(&c)
}

/// Every normalised spelling of a place: its names, aliases, the first word of its pinyin
/// (`Měnghǎi Xiàn` → `menghai`) and its English name without a trailing kind or bracket
/// (`Menghai County (seat: …)` → `menghai`).
pub fn spellings(place: &Place) -> Vec<String> {
    let mut out: Vec<String> = [&place.zh, &place.zh_tw, &place.pinyin, &place.en]
        .into_iter()
        .chain(place.aliases.iter())
        .map(|s| normalise_name(s))
        .collect();
    if let Some(first) = place.pinyin.split_whitespace().next() {
        out.push(normalise_name(first));
    }
    let en = place.en.split(" (").next().unwrap_or(&place.en);
    for kind in [
        " County",
        " District",
        " Town",
        " Subdistrict",
        " Prefecture",
        " Autonomous Region",
    ] {
        if let Some(base) = en.strip_suffix(kind) {
            out.push(normalise_name(base));
        }
    }
    out.push(normalise_name(en));
    out.retain(|k| !k.is_empty());
    out
}

/// The search a linear scan would do (every spelling of every place, `contains`), kept for the
/// benchmark that measures the index against it and for the test that they agree.
pub fn linear_scan(places: &[Place], query: &str) -> Vec<usize> {
    let key = normalise_name(query);
    if key.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, p) in places.iter().enumerate() {
        if spellings(p).iter().any(|k| {
            if k.chars().any(is_cjk) {
                k.contains(&key)
            } else {
                k.starts_with(&key)
            }
        }) {
            out.push(i);
        }
    }
    out
}
