//! The compact encoding of `places.json` (about 4,000 places in well under 200 KB gzip).
//!
//! ```json
//! { "data_version": "…", "licence": "…", "format": "compact-2",
//!   "tw": "区區县縣…",
//!   "sources": [["https://www.geonames.org/{}", "GeoNames (CC BY 4.0) …"], …],
//!   "admins": ["云南省/西双版纳傣族自治州/勐海县", …],
//!   "places": [["CN-532822", "勐海县", "", "Měnghǎi Xiàn", "", "<1;~",
//!               21.9552, 100.4478, 3.0, 17, "CN", "county", "media", "0:1790518 4"], …] }
//! ```
//!
//! A row is `[id, zh, zh_tw, pinyin, en, aliases (";"-joined), lat, lon, radius_km, admin (index
//! into admins), country, kind, confidence, sources]`, where `sources` is a space-separated list
//! of indexes into `sources`, each optionally `:ARG` to fill the `{}` of that source's URL (and
//! title). What can be computed from the rest is left out:
//!
//! - `zh_tw` `""`: `zh` with each character replaced by its pair in `tw` (pairs of simplified and
//!   traditional characters); otherwise the name as written;
//! - `en` `""`: the first pinyin word without tones, capitalised, and the kind (`Menghai County`,
//!   see [`english`]);
//! - an alias `<N` is `zh` without its last N characters (勐海县 → 勐海), `>N` the same of
//!   `zh_tw`, `~` the first pinyin word without tones (`menghai`).
//!
//! [`decode`] turns either this or the plain [`PlacesFile`] into a [`PlacesFile`], so every
//! reader keeps the same types; [`encode`] uses the same rules, so the round trip is exact.

use serde::{Deserialize, Serialize};

use crate::data::{Confidence, Place, PlacesFile, Source};

/// Format tag of the compact encoding.
pub const FORMAT: &str = "compact-2";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompactFile {
    pub data_version: String,
    pub licence: String,
    pub format: String,
    /// Pairs of characters, simplified then traditional, for names whose `zh_tw` is `""`.
    pub tw: String,
    pub sources: Vec<(String, String)>,
    pub admins: Vec<String>,
    pub places: Vec<Row>,
}

/// One place, as an array.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row(
    pub String,
    pub String,
    pub String,
    pub String,
    pub String,
    pub String,
    pub f64,
    pub f64,
    pub f64,
    pub usize,
    pub String,
    pub String,
    pub Confidence,
    pub String,
);

/// Reads `places.json` in either encoding. The error names what is wrong and how to fix it.
pub fn decode(text: &str) -> Result<PlacesFile, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("places.json: {e}"))?;
    if value.get("format").is_none() {
        return serde_json::from_value(value).map_err(|e| format!("places.json: {e}"));
    }
    let file: CompactFile =
        serde_json::from_value(value).map_err(|e| format!("places.json: {e}"))?;
    if file.format != FORMAT {
        return Err(format!(
            "places.json: format {:?} is not {FORMAT:?}; rebuild the data with data/build.sh",
            file.format
        ));
    }
    let tw: Vec<(char, char)> = pairs(&file.tw);
    let mut places = Vec::with_capacity(file.places.len());
    for row in file.places {
        let Row(
            id,
            zh,
            zh_tw,
            pinyin,
            en,
            aliases,
            lat,
            lon,
            radius_km,
            admin,
            country,
            kind,
            confidence,
            refs,
        ) = row;
        let admin = file
            .admins
            .get(admin)
            .ok_or_else(|| format!("places.json: {id}: admin index {admin} out of range"))?
            .clone();
        let mut sources = Vec::new();
        for r in refs.split_whitespace() {
            let (index, arg) = match r.split_once(':') {
                Some((i, a)) => (i, Some(a)),
                None => (r, None),
            };
            let (url, title) = index
                .parse::<usize>()
                .ok()
                .and_then(|i| file.sources.get(i))
                .ok_or_else(|| format!("places.json: {id}: bad source reference {r:?}"))?;
            let fill = |s: &str| match arg {
                Some(a) => s.replace("{}", a),
                None => s.to_owned(),
            };
            sources.push(Source {
                url: fill(url),
                title: fill(title),
                title_en: None,
                quote: None,
                checked: None,
            });
        }
        let zh_tw = if zh_tw.is_empty() {
            traditional(&zh, &tw)
        } else {
            zh_tw
        };
        let aliases = aliases
            .split(';')
            .filter(|a| !a.is_empty())
            .map(|a| expand_alias(a, &zh, &zh_tw, &pinyin))
            .collect();
        let en = if en.is_empty() {
            english(&zh, &pinyin, &kind).unwrap_or_default()
        } else {
            en
        };
        places.push(Place {
            zh_tw,
            id,
            zh,
            pinyin,
            en,
            aliases,
            lat,
            lon,
            radius_km,
            admin,
            country,
            kind,
            confidence,
            sources,
        });
    }
    Ok(PlacesFile {
        data_version: file.data_version,
        licence: file.licence,
        places,
    })
}

/// Writes places in the compact encoding (used by the data pipeline). A source URL ending in
/// `/<digits>` becomes a template `/{}` with the digits as the argument, so that thousands of
/// GeoNames points share one table entry.
pub fn encode(file: &PlacesFile) -> CompactFile {
    let tw_text = tw_table(&file.places);
    let tw = pairs(&tw_text);
    let mut sources: Vec<(String, String)> = Vec::new();
    let mut admins: Vec<String> = Vec::new();
    let mut rows = Vec::with_capacity(file.places.len());
    for p in &file.places {
        let mut refs: Vec<String> = Vec::new();
        for s in &p.sources {
            let (url, arg) = template(&s.url);
            let title = match &arg {
                Some(a) => s.title.replace(a.as_str(), "{}"),
                None => s.title.clone(),
            };
            let key = (url, title);
            let i = match sources.iter().position(|k| *k == key) {
                Some(i) => i,
                None => {
                    sources.push(key);
                    sources.len() - 1
                }
            };
            refs.push(match arg {
                Some(a) => format!("{i}:{a}"),
                None => i.to_string(),
            });
        }
        let admin = match admins.iter().position(|a| *a == p.admin) {
            Some(i) => i,
            None => {
                admins.push(p.admin.clone());
                admins.len() - 1
            }
        };
        let derived_en = english(&p.zh, &p.pinyin, &p.kind);
        let en = match derived_en {
            Some(d) if d == p.en => String::new(),
            _ => p.en.clone(),
        };
        let aliases: Vec<String> = p
            .aliases
            .iter()
            .map(|a| shorten_alias(a, &p.zh, &p.zh_tw, &p.pinyin))
            .collect();
        rows.push(Row(
            p.id.clone(),
            p.zh.clone(),
            if traditional(&p.zh, &tw) == p.zh_tw {
                String::new()
            } else {
                p.zh_tw.clone()
            },
            p.pinyin.clone(),
            en,
            aliases.join(";"),
            p.lat,
            p.lon,
            p.radius_km,
            admin,
            p.country.clone(),
            p.kind.clone(),
            p.confidence,
            refs.join(" "),
        ));
    }
    CompactFile {
        data_version: file.data_version.clone(),
        licence: file.licence.clone(),
        format: FORMAT.into(),
        tw: tw_text,
        sources,
        admins,
        places: rows,
    }
}

/// `https://www.geonames.org/1790518` → (`https://www.geonames.org/{}`, Some("1790518")).
fn template(url: &str) -> (String, Option<String>) {
    if let Some((head, tail)) = url.rsplit_once('/')
        && tail.len() >= 3
        && tail.bytes().all(|b| b.is_ascii_digit())
    {
        return (format!("{head}/{{}}"), Some(tail.to_owned()));
    }
    (url.to_owned(), None)
}

fn pairs(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = text.chars().collect();
    chars.chunks_exact(2).map(|p| (p[0], p[1])).collect()
}

/// `zh` with each character that has a pair in `tw` replaced by its traditional form.
fn traditional(zh: &str, tw: &[(char, char)]) -> String {
    zh.chars()
        .map(|c| tw.iter().find(|(s, _)| *s == c).map_or(c, |&(_, t)| t))
        .collect()
}

/// The character pairs of the data: for each simplified character, its most frequent
/// traditional form among names of equal length (ties: the lowest code point), sorted.
fn tw_table(places: &[Place]) -> String {
    let mut counts: std::collections::BTreeMap<(char, char), usize> = Default::default();
    for p in places {
        if p.zh.chars().count() == p.zh_tw.chars().count() {
            for (s, t) in p.zh.chars().zip(p.zh_tw.chars()) {
                if s != t {
                    *counts.entry((s, t)).or_default() += 1;
                }
            }
        }
    }
    let mut best: std::collections::BTreeMap<char, (usize, char)> = Default::default();
    for (&(s, t), &n) in &counts {
        let entry = best.entry(s).or_insert((n, t));
        if n > entry.0 {
            *entry = (n, t);
        }
    }
    best.into_iter().flat_map(|(s, (_, t))| [s, t]).collect()
}

/// The default English name: `Měnghǎi Xiàn` (county) → `Menghai County`; `None` without pinyin.
pub fn english(zh: &str, pinyin: &str, kind: &str) -> Option<String> {
    let first = pinyin.split_whitespace().next()?;
    let base: String = super::normalise_name(first)
        .chars()
        .filter(char::is_ascii_lowercase)
        .collect();
    let mut chars = base.chars();
    let name: String = chars
        .next()
        .map(|c| c.to_ascii_uppercase())
        .into_iter()
        .chain(chars)
        .collect();
    let suffix = match kind {
        "province" if !zh.ends_with(['省', '市']) => " Autonomous Region",
        "prefecture" if !zh.ends_with('市') => " Prefecture",
        "county" => " County",
        "district" => " District",
        "town" => " Town",
        "township" => " Township",
        "subdistrict" => " Subdistrict",
        _ => "",
    };
    Some(format!("{name}{suffix}"))
}

fn first_pinyin(pinyin: &str) -> Option<String> {
    pinyin.split_whitespace().next().map(super::normalise_name)
}

fn without_last(name: &str, n: usize) -> Option<String> {
    let count = name.chars().count();
    (count > n).then(|| name.chars().take(count - n).collect())
}

fn expand_alias(token: &str, zh: &str, zh_tw: &str, pinyin: &str) -> String {
    let derived = match token.split_at_checked(1) {
        Some(("<", n)) => n.parse().ok().and_then(|n| without_last(zh, n)),
        Some((">", n)) => n.parse().ok().and_then(|n| without_last(zh_tw, n)),
        Some(("~", "")) => first_pinyin(pinyin),
        _ => None,
    };
    derived.unwrap_or_else(|| token.to_owned())
}

fn shorten_alias(alias: &str, zh: &str, zh_tw: &str, pinyin: &str) -> String {
    for n in 1..=3 {
        for (mark, name) in [('<', zh), ('>', zh_tw)] {
            if without_last(name, n).as_deref() == Some(alias) {
                return format!("{mark}{n}");
            }
        }
    }
    if first_pinyin(pinyin).as_deref() == Some(alias) {
        return "~".into();
    }
    alias.to_owned()
}
