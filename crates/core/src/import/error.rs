//! Why a file could not be imported, said so that the person knows what to do next.

use crate::i18n::Lang;

/// A file that gives no stays. Every message is lower-case, says what is wrong with the file (not
/// with the person) and what to do; the UI shows it in its one error slot and leaves the case as
/// it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Not a format this importer reads (binary garbage, a document, a video …).
    #[error(
        "this is not a Google Takeout Records.json, Semantic Location History, Timeline.json, GPX, KML, bill (CSV, XLSX), Huawei Health export, zip or photo; export your location history again (Google Takeout → Location History, or Google Maps → Timeline → Export) and pick the file it gives you"
    )]
    NotRecognized,
    /// JSON that is valid but holds none of the location-history arrays.
    #[error(
        "this JSON file has no `locations`, `timelineObjects` or `semanticSegments`, so it is not a location history; in a Takeout archive pick Records.json or a file under Semantic Location History, or export Timeline.json from Google Maps again"
    )]
    NoLocationHistory,
    /// The file ends in the middle: a download or copy that did not finish.
    #[error(
        "this {format} file is cut off ({detail}); the download or copy did not finish — export or copy it again"
    )]
    Truncated {
        format: &'static str,
        detail: String,
    },
    /// The file is of a known kind but broken inside.
    #[error("this {format} file is damaged ({detail}); export it again and do not edit it by hand")]
    Malformed {
        format: &'static str,
        detail: String,
    },
    /// JSON or XML nested deeper than any location history is.
    #[error(
        "this file is nested more than {limit} levels deep, which no location history is; export your location history again"
    )]
    TooDeep { limit: usize },
    /// Larger than the importer reads at once.
    #[error(
        "this file is larger than {limit_mb} MB, the most this app reads at once; export a shorter date range, or import the monthly Semantic Location History files instead"
    )]
    TooLarge { limit_mb: u64 },
    /// A zip that would unpack to far more than it holds, or to too many files.
    #[error(
        "this zip file {detail}, which looks like a zip bomb rather than a Takeout archive; unzip it yourself and import the location files inside"
    )]
    ZipBomb { detail: String },
    /// A zip with nothing importable inside.
    #[error(
        "this zip file has no location history, GPX, KML, bill, Huawei Health workout or geotagged photo inside; make a new Takeout export with Location History (Timeline) selected, or pick the bill or workout file itself"
    )]
    NothingInZip,
    /// A zip whose files are locked with a password (WeChat Pay's and Alipay's e-mailed bills,
    /// Huawei Health's data download). The app has no password field: the person unzips it.
    #[error("{}", LOCKED[2])]
    Locked,
    /// A Huawei Health export without any track point (only indoor workouts, or another file).
    #[error(
        "this Huawei Health file has no track points (tp=lbs records), so it shows no places: only workouts recorded outdoors with GPS have them; pick \"motion path detail data.json\" from the Huawei Health data download, or type your stays"
    )]
    NoHuaweiTrack,
    /// A photo without a GPS position.
    #[error(
        "this photo has no GPS position in its EXIF data (the camera's location setting was off, or an app removed it); type the place and dates instead"
    )]
    NoPhotoLocation,
    /// A photo with a position but no date.
    #[error(
        "this photo has a GPS position but no date in its EXIF data; type the dates of this stay instead"
    )]
    NoPhotoDate,
    /// One file inside a zip failed; the whole zip is refused so the case is not half-changed.
    #[error("{entry} in the zip: {error}")]
    InZip {
        entry: String,
        error: Box<ImportError>,
    },
    /// Text that is not a bill or flight list this app reads (no known header row near the top).
    #[error(
        "this table is not a WeChat Pay or Alipay bill (CSV or XLSX, as the app e-mails it) nor a flight list with the columns 日期, 航班号, 出发城市, 出发时间, 到达城市, 到达时间; import the bill file the app sent without editing it, or write the flights in that layout"
    )]
    NotATable,
    /// A bill or trip list was given to an importer without the gazetteer (a caller's mistake).
    #[error(
        "bills and flight lists name places, and the list of places is not loaded; reload the page and try again"
    )]
    NoPlaces,
    /// The caller's progress callback asked to stop.
    #[error("the import was cancelled; nothing was changed")]
    Cancelled,
    /// The bytes could not be read at all.
    #[error(
        "could not read the file ({0}); check that it is still there and readable, then try again"
    )]
    Read(String),
}

/// The locked-zip message in zh-CN, zh-TW and English: the one error a person meets before any
/// data is read, so the import worker says it in the page's language ([`ImportError::localized`]).
pub const LOCKED: [&str; 3] = [
    "这个 zip 文件有密码，本应用不读取密码：请先用密码把它解压（微信支付账单的解压密码在“微信支付”公众号发来的消息里，支付宝账单的密码在支付宝里查看，华为运动健康的是你申请数据时自己设的密码），再导入解压出来的 .xlsx、.csv 或 .json 文件",
    "這個 zip 檔案有密碼，本應用程式不讀取密碼：請先用密碼把它解壓縮（微信支付帳單的解壓密碼在「微信支付」公眾號傳來的訊息裡，支付寶帳單的密碼在支付寶裡查看，華為運動健康的是你申請資料時自己設的密碼），再匯入解壓縮出來的 .xlsx、.csv 或 .json 檔案",
    "this zip file is locked with a password, and this app does not take passwords: unzip it yourself first (WeChat Pay sends the bill's password in a message from its 微信支付 account, Alipay shows it in the app, Huawei Health uses the one you set when asking for your data), then import the .xlsx, .csv or .json file inside",
];

impl ImportError {
    /// The message in the page's language where one exists (a locked zip, also inside another
    /// zip); otherwise the English message.
    pub fn localized(&self, lang: Lang) -> String {
        let locked = lang.pick(LOCKED[0], LOCKED[1], LOCKED[2]);
        match self {
            ImportError::Locked => locked.to_owned(),
            ImportError::InZip { entry, error } if **error == ImportError::Locked => {
                format!("{entry}: {locked}")
            }
            other => other.to_string(),
        }
    }

    /// True for an entry of a zip that is simply not location data (a Takeout archive holds many
    /// other files): such an entry is skipped instead of failing the archive.
    pub(crate) fn is_skippable_in_zip(&self) -> bool {
        matches!(
            self,
            ImportError::NotRecognized
                | ImportError::NotATable
                | ImportError::NoPlaces
                | ImportError::NoLocationHistory
                | ImportError::NoHuaweiTrack
                | ImportError::NoPhotoLocation
                | ImportError::NoPhotoDate
        )
    }
}
