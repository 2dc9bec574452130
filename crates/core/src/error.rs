//! Errors are values: each names the field the user must change and says how.

use thiserror::Error;

/// A problem with what the user entered, or with a case file.
///
/// `field` is a path such as `stays[0].to`, so the UI can point at the input and the CLI can
/// print a one-line message that names it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{field}: {kind}")]
pub struct InputError {
    pub field: String,
    pub kind: InputErrorKind,
}

impl InputError {
    pub fn new(field: impl Into<String>, kind: InputErrorKind) -> Self {
        Self {
            field: field.into(),
            kind,
        }
    }
}

/// What is wrong, with how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InputErrorKind {
    #[error("{MISSING_EN}")]
    Missing,
    #[error("{value:?} is not a date; write it as YYYY-MM-DD, e.g. 2019-09-03")]
    BadDate { value: String },
    #[error("{value:?}: there is no such day; check the month and the day")]
    NoSuchDay { value: String },
    #[error("{value:?} is not a date and time; write it as 2019-10-16T09:30 (China time)")]
    BadTime { value: String },
    #[error("the end date {to} is before the start date {from}; swap them or correct one")]
    EndBeforeStart { from: String, to: String },
    #[error("no place called {name:?} in the built-in list{}", suggest(.suggestions))]
    UnknownPlace {
        name: String,
        suggestions: Vec<String>,
    },
    #[error("{name:?} names more than one place: {}; type the full name of the one you mean", .candidates.join(", "))]
    AmbiguousPlace {
        name: String,
        candidates: Vec<String>,
    },
    #[error("{value} is out of range; {range}")]
    OutOfRange { value: String, range: &'static str },
    #[error("{}", bad_coordinates_en(.value))]
    BadCoordinates { value: String },
    #[error("give either a place name or both lat and lon, not {what}")]
    PlaceOrCoordinates { what: &'static str },
    #[error("unknown {what} {value:?}; use one of: {allowed}")]
    UnknownValue {
        what: &'static str,
        value: String,
        allowed: &'static str,
    },
    #[error("this is not a case file this version can read: {detail}")]
    Malformed { detail: String },
    /// The text ends before the case file does (an empty file, or one cut off).
    #[error(
        "this is not a case file: it is empty or ends too early; choose the whole file this tool exported"
    )]
    Truncated,
    /// The text is not JSON at all (another kind of file).
    #[error(
        "this is not a case file: it is not JSON (line {line}, column {column}); choose a file this tool exported"
    )]
    NotJson { line: usize, column: usize },
}

const MISSING_EN: &str = "this field is required; fill it in";

fn bad_coordinates_en(value: &str) -> String {
    format!(
        "could not read coordinates from {value:?}; paste them as 21.698, 100.031 or 21°41'53\"N 100°01'52\"E, or a map app's share link"
    )
}

fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; check the spelling, or enter coordinates instead".to_owned()
    } else {
        format!(
            "; did you mean {}? If not, enter the coordinates instead (e.g. 21.698, 100.031)",
            suggestions.join(", ")
        )
    }
}

impl InputError {
    /// The message for a person, in their language: which field, what is wrong, how to fix it.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang;
        if let Some(message) = self.coordinate_message(lang) {
            return message;
        }
        let what = match (&self.kind, lang) {
            (InputErrorKind::BadDate { value }, Lang::ZhCn) => {
                format!("“{value}”不是日期，请按 年-月-日 填写，例如 2019-09-03。")
            }
            (InputErrorKind::BadDate { value }, Lang::ZhTw) => {
                format!("「{value}」不是日期，請按 年-月-日 填寫，例如 2019-09-03。")
            }
            (InputErrorKind::NoSuchDay { value }, Lang::ZhCn) => {
                format!("“{value}”这一天不存在，请核对月份和日期。")
            }
            (InputErrorKind::NoSuchDay { value }, Lang::ZhTw) => {
                format!("「{value}」這一天不存在，請核對月份和日期。")
            }
            (InputErrorKind::BadTime { value }, Lang::ZhCn) => {
                format!("“{value}”不是日期和时间，请按 2019-10-16T09:30（中国时间）填写。")
            }
            (InputErrorKind::BadTime { value }, Lang::ZhTw) => {
                format!("「{value}」不是日期和時間，請按 2019-10-16T09:30（中國時間）填寫。")
            }
            (InputErrorKind::EndBeforeStart { from, to }, Lang::ZhCn) => {
                format!("结束日期 {to} 早于开始日期 {from}，请对调或改正其中一个。")
            }
            (InputErrorKind::EndBeforeStart { from, to }, Lang::ZhTw) => {
                format!("結束日期 {to} 早於開始日期 {from}，請對調或改正其中一個。")
            }
            (InputErrorKind::UnknownPlace { name, suggestions }, Lang::ZhCn) => {
                if suggestions.is_empty() {
                    format!("内置地名表里没有“{name}”。请检查写法，或改填坐标。")
                } else {
                    format!(
                        "内置地名表里没有“{name}”。你是不是要找：{}？如果都不是，请改填坐标（例如 21.698, 100.031）。",
                        suggestions.join("、")
                    )
                }
            }
            (InputErrorKind::UnknownPlace { name, suggestions }, Lang::ZhTw) => {
                if suggestions.is_empty() {
                    format!("內建地名表裡沒有「{name}」。請檢查寫法，或改填座標。")
                } else {
                    format!(
                        "內建地名表裡沒有「{name}」。你是不是要找：{}？如果都不是，請改填座標（例如 21.698, 100.031）。",
                        suggestions.join("、")
                    )
                }
            }
            (InputErrorKind::AmbiguousPlace { name, candidates }, Lang::ZhCn) => format!(
                "“{name}”可能指几个不同的地方：{}。请填写你指的那个的全名。",
                candidates.join("；")
            ),
            (InputErrorKind::AmbiguousPlace { name, candidates }, Lang::ZhTw) => format!(
                "「{name}」可能指幾個不同的地方：{}。請填寫你指的那個的全名。",
                candidates.join("；")
            ),
            (InputErrorKind::OutOfRange { value, .. }, Lang::ZhCn) => {
                format!("{value} 超出范围（纬度 −90 到 90，经度 −180 到 180）。")
            }
            (InputErrorKind::OutOfRange { value, .. }, Lang::ZhTw) => {
                format!("{value} 超出範圍（緯度 −90 到 90，經度 −180 到 180）。")
            }
            (InputErrorKind::PlaceOrCoordinates { .. }, Lang::ZhCn) => {
                "请只填地名，或只填经纬度，不要两样都填。".to_owned()
            }
            (InputErrorKind::PlaceOrCoordinates { .. }, Lang::ZhTw) => {
                "請只填地名，或只填經緯度，不要兩樣都填。".to_owned()
            }
            (InputErrorKind::UnknownValue { value, allowed, .. }, Lang::ZhCn) => {
                format!("不认识“{value}”，可用的值：{allowed}。")
            }
            (InputErrorKind::UnknownValue { value, allowed, .. }, Lang::ZhTw) => {
                format!("不認識「{value}」，可用的值：{allowed}。")
            }
            (InputErrorKind::Malformed { detail }, Lang::ZhCn) => {
                format!("文件格式不对：{detail}")
            }
            (InputErrorKind::Malformed { detail }, Lang::ZhTw) => {
                format!("檔案格式不對：{detail}")
            }
            (InputErrorKind::Truncated, Lang::ZhCn) => {
                "文件是空的或不完整，请选择本工具导出的完整文件。".to_owned()
            }
            (InputErrorKind::Truncated, Lang::ZhTw) => {
                "檔案是空的或不完整，請選擇本工具匯出的完整檔案。".to_owned()
            }
            (InputErrorKind::NotJson { line, column }, Lang::ZhCn) => {
                format!(
                    "这不是 JSON 文件（第 {line} 行第 {column} 列），请选择本工具导出的案例文件。"
                )
            }
            (InputErrorKind::NotJson { line, column }, Lang::ZhTw) => {
                format!(
                    "這不是 JSON 檔案（第 {line} 行第 {column} 列），請選擇本工具匯出的案例檔案。"
                )
            }
            // English; and never a typed coordinate's error, which `coordinate_message` said.
            (kind, _) => format!("{kind}."),
        };
        joined(&self.field, &what, lang)
    }

    /// [`InputError::message`] of the two errors a typed coordinate can give
    /// ([`crate::coords::parse_degrees_with`]: [`InputErrorKind::Missing`] and
    /// [`InputErrorKind::BadCoordinates`]); `None` for any other. The page reads typed
    /// coordinates and calls this, not `message`, so that it links the texts of those two
    /// errors only, not those of every error of a case file (docs/perf.md §1d).
    pub fn coordinate_message(&self, lang: crate::i18n::Lang) -> Option<String> {
        use crate::i18n::Lang;
        let what = match (&self.kind, lang) {
            (InputErrorKind::Missing, Lang::ZhCn) => "还没填写，请填上。".to_owned(),
            (InputErrorKind::Missing, Lang::ZhTw) => "還沒填寫，請填上。".to_owned(),
            (InputErrorKind::Missing, Lang::En) => format!("{MISSING_EN}."),
            (InputErrorKind::BadCoordinates { value }, Lang::ZhCn) => format!(
                "没能从“{value}”读出坐标。请按 21.698, 100.031 或 21°41'53\"N 100°01'52\"E 的格式粘贴，或粘贴地图App的分享链接。"
            ),
            (InputErrorKind::BadCoordinates { value }, Lang::ZhTw) => format!(
                "沒能從「{value}」讀出座標。請按 21.698, 100.031 或 21°41'53\"N 100°01'52\"E 的格式貼上，或貼上地圖App的分享連結。"
            ),
            (InputErrorKind::BadCoordinates { value }, Lang::En) => {
                format!("{}.", bad_coordinates_en(value))
            }
            _ => return None,
        };
        Some(joined(&self.field, &what, lang))
    }
}

/// "第 1 段停留的纬度：…" / "Stay 1, latitude: …": the field's label, then what is wrong.
fn joined(field: &str, what: &str, lang: crate::i18n::Lang) -> String {
    let field = field_label(field, lang);
    match lang {
        crate::i18n::Lang::En => format!("{field}: {what}"),
        _ => format!("{field}：{what}"),
    }
}

/// "stays[0].to" → "第 1 段停留的结束日期".
fn field_label(field: &str, lang: crate::i18n::Lang) -> String {
    use crate::i18n::Lang;
    if let Some(index) = field
        .strip_prefix("calls[")
        .and_then(|r| r.strip_suffix("].at"))
    {
        let number = index.parse::<usize>().map_or(0, |i| i + 1);
        return match lang {
            Lang::ZhCn => format!("第 {number} 次通话的时间"),
            Lang::ZhTw => format!("第 {number} 次通話的時間"),
            Lang::En => format!("Call {number}, time"),
        };
    }
    let Some(rest) = field.strip_prefix("stays[") else {
        return match (field, lang) {
            ("case", Lang::ZhCn) => "案例文件".to_owned(),
            ("case", Lang::ZhTw) => "案例檔案".to_owned(),
            _ => field.to_owned(),
        };
    };
    let Some((index, name)) = rest.split_once("].") else {
        return field.to_owned();
    };
    let number = index.parse::<usize>().map_or(0, |i| i + 1);
    let name = match (name, lang) {
        ("place", Lang::ZhCn) => "地点",
        ("place", Lang::ZhTw) => "地點",
        ("place", Lang::En) => "place",
        ("from", Lang::ZhCn) => "开始日期",
        ("from", Lang::ZhTw) => "開始日期",
        ("to", Lang::ZhCn) => "结束日期",
        ("to", Lang::ZhTw) => "結束日期",
        ("from", Lang::En) => "start date",
        ("to", Lang::En) => "end date",
        ("lat", Lang::ZhCn) => "纬度",
        ("lat", Lang::ZhTw) => "緯度",
        ("lat", Lang::En) => "latitude",
        ("lon", Lang::ZhCn) => "经度",
        ("lon", Lang::ZhTw) => "經度",
        ("lon", Lang::En) => "longitude",
        ("datum", Lang::ZhCn) => "坐标系",
        ("datum", Lang::ZhTw) => "座標系",
        ("datum", Lang::En) => "coordinate system",
        (other, _) => other,
    };
    match lang {
        Lang::ZhCn => format!("第 {number} 段停留的{name}"),
        Lang::ZhTw => format!("第 {number} 段停留的{name}"),
        Lang::En => format!("Stay {number}, {name}"),
    }
}
