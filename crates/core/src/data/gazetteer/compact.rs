//! The compact encoding of `places.json` (about 4,000 places in well under 200 KB gzip).
//!
//! ```json
//! { "data_version": "…", "licence": "…", "format": "compact-1",
//!   "sources": [["https://www.geonames.org/{}", "GeoNames (CC BY 4.0) …"], …],
//!   "admins": ["云南省/西双版纳傣族自治州/勐海县", …],
//!   "places": [["CN-532822", "勐海县", "勐海縣", "Měnghǎi Xiàn", "Menghai County", "勐海",
//!               21.95, 100.44, 3.0, 17, "CN", "county", "media", "0:1790518 4"], …] }
//! ```
//!
//! A row is `[id, zh, zh_tw ("" = same as zh), pinyin, en, aliases (";"-joined), lat, lon,
//! radius_km, admin (index into admins), country, kind, confidence, sources]`, where `sources` is
//! a space-separated list of indexes into `sources`, each optionally `:ARG` to fill the `{}` of
//! that source's URL (and title). [`decode`] turns either this or the plain [`PlacesFile`] into
//! a [`PlacesFile`], so every reader keeps the same types.

use serde::{Deserialize, Serialize};

use crate::data::{Confidence, Place, PlacesFile, Source};

/// Format tag of the compact encoding.
pub const FORMAT: &str = "compact-1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompactFile {
    pub data_version: String,
    pub licence: String,
    pub format: String,
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
        places.push(Place {
            zh_tw: if zh_tw.is_empty() { zh.clone() } else { zh_tw },
            id,
            zh,
            pinyin,
            en,
            aliases: aliases
                .split(';')
                .filter(|a| !a.is_empty())
                .map(str::to_owned)
                .collect(),
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
        rows.push(Row(
            p.id.clone(),
            p.zh.clone(),
            if p.zh_tw == p.zh {
                String::new()
            } else {
                p.zh_tw.clone()
            },
            p.pinyin.clone(),
            p.en.clone(),
            p.aliases.join(";"),
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
