//! Place names → points: Chinese (simplified or traditional), pinyin with or without tones and
//! spaces, and English. A name that fits several places is an error that lists them, because
//! 勐拉 (Mong La, Myanmar) and 勐拉乡 (Jinping, China) are 200 km apart.

pub mod compact;
pub mod search;

use crate::data::Place;
use crate::error::{InputError, InputErrorKind};
use crate::i18n::Lang;

/// The places the app knows, searchable by every spelling.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    index: search::Index,
    /// Each place's own admin path (`admin`, plus its name for places below county level).
    paths: Vec<String>,
    /// The licences of the place data (`places.json`'s `licence`), for the Sources panel.
    licence: String,
}

impl Gazetteer {
    pub fn new(places: Vec<Place>) -> Self {
        let index = search::Index::new(&places);
        let paths = places.iter().map(own_path).collect();
        Gazetteer {
            places,
            index,
            paths,
            licence: String::new(),
        }
    }

    /// The same gazetteer, with the licences of its data.
    pub fn with_licence(mut self, licence: String) -> Self {
        self.licence = licence;
        self
    }

    /// The licences of the place data (empty for a hand-made gazetteer).
    pub fn licence(&self) -> &str {
        &self.licence
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// Finds the one place a name means.
    ///
    /// `field` is the input's path for the error (e.g. `stays[0].place`). A name that is an
    /// address chain ("云南省大理市", "西双版纳勐海县打洛镇") resolves to its most specific known
    /// part; a name of a place and of its own seat (大理 = 大理州 and 大理市) to the more specific
    /// one; a name shared by unrelated places (勐拉, 老街, 清水河) is an error that lists them
    /// with their admin areas.
    pub fn resolve(&self, field: &str, name: &str) -> Result<&Place, InputError> {
        let key = normalise_name(name);
        let hits = self.index.exact(&key);
        let hits = if hits.is_empty() {
            match self.chain(&key) {
                Chain::Found(i) => vec![i],
                Chain::Ambiguous(many) => many,
                Chain::None => Vec::new(),
            }
        } else {
            hits
        };
        match self.pick(&hits) {
            Some(i) => Ok(&self.places[i]),
            None if hits.is_empty() => Err(InputError::new(
                field,
                InputErrorKind::UnknownPlace {
                    name: name.trim().to_owned(),
                    suggestions: self.suggest(&key),
                },
            )),
            None => Err(InputError::new(
                field,
                InputErrorKind::AmbiguousPlace {
                    name: name.trim().to_owned(),
                    candidates: hits.iter().map(|&i| describe(&self.places[i])).collect(),
                },
            )),
        }
    }

    /// Places whose spellings start with (or, in Chinese, contain) `query`, best first: exact
    /// matches, then prefixes, then the rest; broader areas before narrower ones.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Place> {
        let key = normalise_name(query);
        if key.is_empty() {
            return Vec::new();
        }
        let mut found = self.index.lookup(&key);
        found.sort_by_key(|&(how, i)| (how, self.depth(i), i));
        found
            .into_iter()
            .take(limit)
            .map(|(_, i)| &self.places[i])
            .collect()
    }

    /// Number of index rows (for benchmarks).
    pub fn index_len(&self) -> usize {
        self.index.len()
    }

    fn depth(&self, i: usize) -> usize {
        self.paths[i].split('/').count()
    }

    /// Whether place `a` contains place `b` (or is it).
    fn contains(&self, a: usize, b: usize) -> bool {
        let (pa, pb) = (&self.paths[a], &self.paths[b]);
        pa == pb || (pb.starts_with(pa.as_str()) && pb[pa.len()..].starts_with('/'))
    }

    /// The one place that a set of hits means, if there is one: the most specific when they all
    /// lie on one line of containment (大理州 ⊃ 大理市), or the only province- or prefecture-level
    /// hit when the others are all narrower (西安 = 西安市, not 西安区 in Jilin).
    fn pick(&self, hits: &[usize]) -> Option<usize> {
        match hits {
            [] => None,
            [one] => Some(*one),
            _ => {
                let mut sorted = hits.to_vec();
                sorted.sort_by_key(|&i| (self.depth(i), i));
                if sorted.windows(2).all(|w| self.contains(w[0], w[1])) {
                    return sorted.last().copied();
                }
                let top = self.depth(sorted[0]);
                let first = &self.places[sorted[0]];
                let broad =
                    first.country == "CN" && !matches!(first.kind.as_str(), "district" | "county");
                if broad && top <= 2 && self.depth(sorted[1]) > top {
                    return Some(sorted[0]);
                }
                None
            }
        }
    }

    /// Reads `key` as an address chain from the left, each part inside the one before, and
    /// keeps the most specific part found. Text after the last known part is allowed when the
    /// chain has two parts or its last part ends like a division name (…省, …市, …县, …镇).
    fn chain(&self, key: &str) -> Chain {
        let mut current: Option<usize> = None;
        let mut parts = 0;
        let mut rest = key;
        let mut last_key = "";
        'outer: while !rest.is_empty() {
            let ends: Vec<usize> = rest.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
            for &end in ends.iter().rev() {
                let part = &rest[..end];
                if part.chars().count() < 2 {
                    break;
                }
                let hits: Vec<usize> = self
                    .index
                    .exact(part)
                    .into_iter()
                    .filter(|&i| current.is_none_or(|c| c != i && self.contains(c, i)))
                    .collect();
                if hits.is_empty() {
                    continue;
                }
                // More text follows: of places nested in one another, keep the broadest, so
                // that the next part can be inside it (临沧市 the prefecture, not its seat).
                let more = end < rest.len();
                let pick = if more && hits.len() > 1 {
                    let mut sorted = hits.clone();
                    sorted.sort_by_key(|&i| (self.depth(i), i));
                    if sorted.windows(2).all(|w| self.contains(w[0], w[1])) {
                        sorted.first().copied()
                    } else {
                        self.pick(&hits)
                    }
                } else {
                    self.pick(&hits)
                };
                match pick {
                    Some(i) => {
                        current = Some(i);
                        parts += 1;
                        last_key = part;
                        rest = &rest[end..];
                        continue 'outer;
                    }
                    None if parts > 0 => return Chain::Ambiguous(hits),
                    None => continue,
                }
            }
            break;
        }
        let Some(found) = current else {
            return Chain::None;
        };
        let division_end = last_key.ends_with(['省', '市', '州', '县', '区', '镇', '乡', '旗']);
        // What follows the last known part may be a village or street (打洛镇曼芽村, 泰安路12号),
        // written in Chinese and digits; Latin letters after it (打洛镇<script>…) are not an
        // address, so the name is refused with its text quoted rather than silently cut.
        let tail_is_address = rest.chars().all(|c| {
            c.is_ascii_digit()
                || ('\u{4e00}'..='\u{9fff}').contains(&c)
                || ('\u{3400}'..='\u{4dbf}').contains(&c)
        });
        if !tail_is_address {
            return Chain::None;
        }
        if parts >= 2 || (rest.is_empty() && parts == 1) || division_end {
            Chain::Found(found)
        } else {
            Chain::None
        }
    }

    /// The closest county-level (or broader) names to a key that matched nothing (at most
    /// three): by edit distance over spellings that share the key's first character.
    fn suggest(&self, key: &str) -> Vec<String> {
        let key_chars: Vec<char> = key.chars().collect();
        let Some(first) = key_chars.first() else {
            return Vec::new();
        };
        let mut first_buf = [0u8; 4];
        let lead: &str = first.encode_utf8(&mut first_buf);
        let mut scored: Vec<(usize, usize, usize)> = Vec::new();
        for (how, i) in self.index.lookup(lead) {
            if how == search::Match::Inside || self.depth(i) > 3 && self.places[i].country == "CN" {
                continue;
            }
            let best = search::spellings(&self.places[i])
                .iter()
                .map(|k| edit_distance(&key_chars, &k.chars().collect::<Vec<_>>()))
                .min()
                .unwrap_or(usize::MAX);
            if best <= (key_chars.len() / 2).max(1) {
                scored.push((best, self.depth(i), i));
            }
        }
        scored.sort_unstable();
        let mut names: Vec<String> = Vec::new();
        for (_, _, i) in scored {
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

enum Chain {
    Found(usize),
    Ambiguous(Vec<usize>),
    None,
}

/// A place's own admin path: `admin` for divisions (whose admin path ends with themselves),
/// `admin/zh` for places below them (towns, ports, villages, sights).
fn own_path(place: &Place) -> String {
    match place.kind.as_str() {
        "province" | "prefecture" | "county" | "district" | "city" => place.admin.clone(),
        _ => format!("{}/{}", place.admin, place.zh),
    }
}

/// Where a place's point comes from and how sure it is, for the finding that uses it, short
/// and wholly in the reader's language: "地点位置：推断，半径 4 公里；来源：美篇（共 4 个）" —
/// the confidence, the radius and the first source's short name (see [`source_name`]), so a
/// point that is only the county's says so where the finding is shown. The full titles and
/// URLs are in the data (and the CLI's `places`), not in this line.
pub fn place_note(place: &Place, lang: Lang) -> String {
    use crate::data::Confidence as C;
    let confidence = match place.confidence {
        C::Official => lang.pick("官方", "官方", "official"),
        C::Media => lang.pick("多家媒体", "多家媒體", "several reports"),
        C::Single => lang.pick("单一来源", "單一來源", "one source"),
        C::User => lang.pick("用户讲述", "使用者講述", "user accounts"),
        C::Inferred => lang.pick("推断", "推斷", "inferred"),
        C::Unverified => lang.pick("未证实", "未證實", "unverified"),
    };
    let radius = place.radius_km;
    let head = match lang {
        Lang::ZhCn => format!("地点位置：{confidence}，半径 {radius} 公里"),
        Lang::ZhTw => format!("地點位置：{confidence}，半徑 {radius} 公里"),
        Lang::En => format!("Place point: {confidence}, radius {radius} km"),
    };
    let Some(first) = place.sources.first() else {
        return head;
    };
    let name = source_name(first, lang);
    match (place.sources.len(), lang) {
        (1, Lang::ZhCn) => format!("{head}；来源：{name}"),
        (1, Lang::ZhTw) => format!("{head}；來源：{name}"),
        (1, Lang::En) => format!("{head}; source: {name}"),
        (n, Lang::ZhCn) => format!("{head}；来源：{name}（共 {n} 个）"),
        (n, Lang::ZhTw) => format!("{head}；來源：{name}（共 {n} 個）"),
        (n, Lang::En) => format!("{head}; source: {name} (1 of {n})"),
    }
}

/// A source's short name in a language: the data sets by their own names (GeoNames, MIMU,
/// OpenStreetMap stay Latin), the statistics bureau's division codes and Wikipedia translated,
/// and any other page by its web site ("tftnews.com").
///
/// ```
/// use prescreen_core::data::Source;
/// use prescreen_core::data::gazetteer::source_name;
/// use prescreen_core::i18n::Lang;
/// let page = |url: &str, title: &str| Source {
///     url: url.into(), title: title.into(), title_en: None, quote: None, checked: None,
/// };
/// let wiki = page("https://friendlywiki.com/x", "Wikipedia 'Mengdong'");
/// assert_eq!(source_name(&wiki, Lang::ZhTw), "維基百科");
/// let news = page("https://m.tftnews.com/a/1", "勐景来 '位于西双版纳州勐海县境内…'");
/// assert_eq!(source_name(&news, Lang::ZhCn), "tftnews.com");
/// ```
pub fn source_name(source: &crate::data::Source, lang: Lang) -> String {
    let (url, title) = (source.url.as_str(), source.title.as_str());
    let named = [
        ("geonames.org", "", ("GeoNames", "GeoNames", "GeoNames")),
        (
            "Administrative-divisions-of-China",
            "",
            (
                "国家统计局区划代码",
                "國家統計局區劃代碼",
                "China's division codes",
            ),
        ),
        ("mm_geo_coder", "MIMU", ("MIMU", "MIMU", "MIMU")),
        (
            "geo-maps",
            "OpenStreetMap",
            ("OpenStreetMap", "OpenStreetMap", "OpenStreetMap"),
        ),
        (
            "wikipedia.org",
            "Wikipedia",
            ("维基百科", "維基百科", "Wikipedia"),
        ),
        ("meipian.cn", "", ("美篇", "美篇", "Meipian")),
    ];
    for (in_url, title_start, (zh_cn, zh_tw, en)) in named {
        if url.contains(in_url) || (!title_start.is_empty() && title.contains(title_start)) {
            return lang.pick(zh_cn, zh_tw, en).to_owned();
        }
    }
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or(url)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    host.strip_prefix("m.").unwrap_or(host).to_owned()
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
