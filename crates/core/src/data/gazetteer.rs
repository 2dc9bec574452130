//! Place names → points: Chinese (simplified or traditional), pinyin with or without tones and
//! spaces, and English. A name that fits several places is an error that lists them, because
//! 勐拉 (Mong La, Myanmar) and 勐拉乡 (Jinping, China) are 200 km apart.

use crate::data::Place;
use crate::error::{InputError, InputErrorKind};

/// The places the app knows, searchable by every spelling.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// (normalised spelling, index into `places`), one row per spelling.
    keys: Vec<(String, usize)>,
}

impl Gazetteer {
    pub fn new(places: Vec<Place>) -> Self {
        let mut keys = Vec::new();
        for (index, place) in places.iter().enumerate() {
            let spellings = [&place.zh, &place.zh_tw, &place.pinyin, &place.en]
                .into_iter()
                .chain(place.aliases.iter());
            for spelling in spellings {
                let key = normalise_name(spelling);
                if !key.is_empty() && !keys.contains(&(key.clone(), index)) {
                    keys.push((key, index));
                }
            }
        }
        Gazetteer { places, keys }
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Finds the one place a name means.
    ///
    /// `field` is the input's path for the error (e.g. `stays[0].place`).
    pub fn resolve(&self, field: &str, name: &str) -> Result<&Place, InputError> {
        let key = normalise_name(name);
        let mut hits: Vec<usize> = self
            .keys
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|&(_, i)| i)
            .collect();
        hits.dedup();
        match hits.as_slice() {
            [one] => Ok(&self.places[*one]),
            [] => Err(InputError::new(
                field,
                InputErrorKind::UnknownPlace {
                    name: name.trim().to_owned(),
                    suggestions: self.suggest(&key),
                },
            )),
            many => Err(InputError::new(
                field,
                InputErrorKind::AmbiguousPlace {
                    name: name.trim().to_owned(),
                    candidates: many.iter().map(|&i| describe(&self.places[i])).collect(),
                },
            )),
        }
    }

    /// Places whose spellings start with or contain `query`, for suggestions while typing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Place> {
        let key = normalise_name(query);
        if key.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(bool, usize)> = Vec::new();
        for (k, i) in &self.keys {
            if k.contains(&key) {
                let prefix = k.starts_with(&key);
                match found.iter_mut().find(|(_, j)| j == i) {
                    Some(entry) => entry.0 |= prefix,
                    None => found.push((prefix, *i)),
                }
            }
        }
        found.sort_by_key(|&(prefix, i)| (!prefix, i));
        found
            .into_iter()
            .take(limit)
            .map(|(_, i)| &self.places[i])
            .collect()
    }

    /// The closest spellings to a key that matched nothing (at most three).
    fn suggest(&self, key: &str) -> Vec<String> {
        let key: Vec<char> = key.chars().collect();
        if key.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(usize, usize)> = self
            .keys
            .iter()
            .map(|(k, i)| (edit_distance(&key, &k.chars().collect::<Vec<_>>()), *i))
            .filter(|&(d, _)| d <= (key.len() / 3).max(1))
            .collect();
        scored.sort();
        let mut names: Vec<String> = Vec::new();
        for (_, i) in scored {
            let name = describe(&self.places[i]);
            if !names.contains(&name) {
                names.push(name);
            }
            if names.len() == 3 {
                break;
            }
        }
        names
    }
}

/// "打洛镇 (云南省/西双版纳州/勐海县, CN)": enough to tell homonyms apart.
pub fn describe(place: &Place) -> String {
    format!("{} ({}, {})", place.zh, place.admin, place.country)
}

/// Folds a spelling so that "Dǎluò Zhèn", "daluo zhen" and "DaLuoZhen" compare equal.
///
/// ```
/// use prescreen_core::data::normalise_name;
/// assert_eq!(normalise_name("Dǎluò Zhèn"), "daluozhen");
/// assert_eq!(normalise_name(" Pu'er "), "puer");
/// assert_eq!(normalise_name("打洛镇"), "打洛镇");
/// assert_eq!(normalise_name("Ｍｏｎｇ　Ｌａ"), "mongla"); // full-width letters and space
/// ```
pub fn normalise_name(text: &str) -> String {
    text.chars()
        .filter_map(|c| {
            // Full-width ASCII (U+FF01..U+FF5E) → ASCII.
            let c = match c as u32 {
                0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            };
            let c = strip_tone(c);
            if c.is_whitespace() || matches!(c, '\'' | '’' | '-' | '·' | '.' | ',' | '，') {
                None
            } else {
                Some(c.to_lowercase().next().unwrap_or(c))
            }
        })
        .collect()
}

fn strip_tone(c: char) -> char {
    match c {
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'Ā' | 'Á' | 'Ǎ' | 'À' => 'A',
        'ē' | 'é' | 'ě' | 'è' => 'e',
        'Ē' | 'É' | 'Ě' | 'È' => 'E',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'Ī' | 'Í' | 'Ǐ' | 'Ì' => 'I',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'Ō' | 'Ó' | 'Ǒ' | 'Ò' => 'O',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'Ū' | 'Ú' | 'Ǔ' | 'Ù' => 'U',
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => 'v',
        'Ǖ' | 'Ǘ' | 'Ǚ' | 'Ǜ' | 'Ü' => 'V',
        other => other,
    }
}

/// Levenshtein distance over chars (names are short; quadratic is fine).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitute.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}
