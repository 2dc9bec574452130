//! The three languages every user-facing sentence exists in.

use serde::{Deserialize, Serialize};

/// zh-CN first: the people this is for read simplified Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "zh-TW")]
    ZhTw,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::ZhCn, Lang::ZhTw, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
        }
    }

    /// Reads a BCP 47 tag as a browser or a user gives it (`zh-Hant-TW`, `en-GB` …).
    ///
    /// ```
    /// use prescreen_core::i18n::Lang;
    /// assert_eq!(Lang::from_code("zh-CN"), Some(Lang::ZhCn));
    /// assert_eq!(Lang::from_code("zh-Hant-HK"), Some(Lang::ZhTw));
    /// assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
    /// assert_eq!(Lang::from_code("fr"), None);
    /// ```
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.to_ascii_lowercase();
        if code.starts_with("zh") {
            let traditional = ["-tw", "-hk", "-mo", "-hant"]
                .iter()
                .any(|tag| code.contains(tag));
            Some(if traditional { Lang::ZhTw } else { Lang::ZhCn })
        } else if code.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, zh_cn: &'a str, zh_tw: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::ZhCn => zh_cn,
            Lang::ZhTw => zh_tw,
            Lang::En => en,
        }
    }
}
