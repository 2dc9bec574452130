//! zh-TW text is written in Taiwan usage (data/research/letters/review.md §13): 帳號, 資訊, 登入,
//! 簡訊, 連結, 網路, 身分證, 管道, 聯絡, 回覆, 週一… This test flags mainland terms in every zh-TW
//! template, every zh-TW golden file and every zh-TW string of the shipped data.
//!
//! Exempt, because they reproduce someone else's words: titles in 《》 (statutes keep their names,
//! e.g. 《反電信網絡詐騙法》, 《個人信息保護法》), quotations in 「」 or “” of 8 characters or more
//! (block texts and statute sentences; shorter ones are our own words and are checked), every
//! statute paragraph, law name, contact detail and source quote or title of the data (cited as published), and the
//! proper names in `PROPER_NAMES`. 不準確 (inaccurate) is Taiwan usage too; only 不準 (not
//! allowed) is flagged.

use std::path::PathBuf;

use prescreen_core::i18n::Lang;
use prescreen_core::letters::{ScriptKind, common_file, template_file};
use prescreen_core::validation::messages_file;

/// Mainland term → what Taiwan usage writes instead.
const TERMS: &[(&str, &str)] = &[
    ("账号", "帳號"),
    ("賬號", "帳號"),
    ("账户", "帳戶"),
    ("賬戶", "帳戶"),
    ("转账", "轉帳"),
    ("轉賬", "轉帳"),
    ("账单", "帳單"),
    ("賬單", "帳單"),
    ("信息", "資訊／訊息／資料"),
    ("网络", "網路"),
    ("網絡", "網路"),
    ("登录", "登入"),
    ("登錄", "登入"),
    ("短信", "簡訊"),
    ("链接", "連結"),
    ("鏈接", "連結"),
    ("身份证", "身分證"),
    ("身份證", "身分證"),
    ("渠道", "管道"),
    ("联系", "聯絡"),
    ("聯繫", "聯絡"),
    ("反馈", "回覆／回饋"),
    ("反饋", "回覆／回饋"),
    ("回复", "回覆"),
    ("回復", "回覆"),
    ("数据", "資料"),
    ("數據", "資料"),
    ("导出", "匯出"),
    ("導出", "匯出"),
    ("软件", "軟體"),
    ("軟件", "軟體"),
    ("小程序", "小程式"),
    ("视频", "影片"),
    ("視頻", "影片"),
    ("默認", "預設"),
    ("質量", "品質"),
    ("运营商", "電信業者"),
    ("運營商", "電信業者"),
    ("营业厅", "門市"),
    ("營業廳", "門市"),
    ("报道", "報導"),
    ("報道", "報導"),
    ("占线", "忙線"),
    ("佔線", "忙線"),
    ("激活", "啟用"),
    ("屏幕", "螢幕"),
    ("在線", "線上"),
    ("服務器", "伺服器"),
    ("充值", "儲值"),
    ("非櫃面", "非臨櫃"),
    ("酒店", "飯店"),
    ("合同", "合約"),
];

/// Proper names that keep their own words (the recipient must recognise its own name).
const PROPER_NAMES: &[&str] = &[
    // The name of the MIIT reporting centre (12321), as it calls itself.
    "網路不良與垃圾信息舉報受理中心",
    "騰訊數據隱私保護部",
    "數據隱私保護部",
    "工業和信息化部",
    "網絡不良與垃圾信息舉報受理中心",
    "QQ郵箱",
];

/// A quotation this long (in characters) reproduces someone else's text.
const QUOTE_MIN: usize = 8;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../static/data")
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

const DATA_FILES: [&str; 5] = [
    "channels.json",
    "messages.json",
    "legal.json",
    "linked.json",
    "holidays.json",
];

/// Every string under a `key` anywhere in `value`.
fn strings_under<'a>(value: &'a serde_json::Value, key: &str, out: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                if k == key
                    && let Some(s) = v.as_str()
                {
                    out.push(s);
                }
                strings_under(v, key, out);
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                strings_under(v, key, out);
            }
        }
        _ => {}
    }
}

fn data() -> Vec<(String, serde_json::Value)> {
    DATA_FILES
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(data_dir().join(name)).unwrap();
            (name.to_string(), serde_json::from_str(&text).unwrap())
        })
        .collect()
}

/// The source texts cited as published: statute paragraphs, source quotes and titles.
fn cited_texts(data: &[(String, serde_json::Value)]) -> Vec<String> {
    let mut out = Vec::new();
    for (_, value) in data {
        // `value`: contact details (a postal address is written as the recipient writes it).
        for key in ["text_zh", "quote", "title", "title_zh", "value"] {
            let mut found = Vec::new();
            strings_under(value, key, &mut found);
            out.extend(found.into_iter().map(str::to_owned));
        }
    }
    // Law names (legal.json `laws[].name`) are proper names.
    for (name, value) in data {
        if name == "legal.json"
            && let Some(laws) = value.get("laws").and_then(|l| l.as_array())
        {
            for law in laws {
                let mut found = Vec::new();
                strings_under(law, "zh-TW", &mut found);
                out.extend(found.into_iter().map(str::to_owned));
            }
        }
    }
    // Longest first, so that a paragraph is removed before a quote inside it.
    out.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    out.retain(|s| s.chars().count() >= 4);
    out
}

/// Removes what is exempt: cited texts, proper names, 《titles》 and long quotations.
fn strip_exempt(text: &str, cited: &[String]) -> String {
    let mut text = text.to_owned();
    for c in cited {
        if text.contains(c.as_str()) {
            text = text.replace(c.as_str(), " ");
        }
    }
    for name in PROPER_NAMES {
        text = text.replace(name, " ");
    }
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let close = match chars[i] {
            '《' => Some(('》', 0)),
            '「' => Some(('」', QUOTE_MIN)),
            '“' => Some(('”', QUOTE_MIN)),
            _ => None,
        };
        if let Some((close, min_len)) = close
            && let Some(len) = chars[i + 1..].iter().position(|c| *c == close)
            && len >= min_len
        {
            out.push(' ');
            i += len + 2;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The mainland terms in `text`, with the Taiwan form to use.
fn mainland_terms(text: &str, cited: &[String]) -> Vec<String> {
    let text = strip_exempt(text, cited);
    let mut found = Vec::new();
    for (term, taiwan) in TERMS {
        if text.contains(term) {
            found.push(format!("{term}→{taiwan}"));
        }
    }
    // 手機號 without 碼; 周一…周日 and 周末 (週 in Taiwan; 周邊/周圍 are fine).
    let chars: Vec<char> = text.chars().collect();
    for (i, w) in chars.windows(2).enumerate() {
        if w == ['機', '號'] && i > 0 && chars[i - 1] == '手' && chars.get(i + 2) != Some(&'碼')
        {
            found.push("手機號→手機號碼".to_owned());
        }
        if w == ['不', '準'] && chars.get(i + 2) != Some(&'確') {
            found.push("不準→不准".to_owned());
        }
        if w[0] == '周' && "一二三四五六日末".contains(w[1]) {
            found.push(format!("周{}→週{}", w[1], w[1]));
        }
    }
    found.sort();
    found.dedup();
    found
}

fn report(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "mainland terms in zh-TW text (review.md §13):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_exemptions_keep_titles_and_quotes_but_not_our_own_words() {
    let cited = vec!["任何單位和個人不得非法買賣".to_owned()];
    assert!(mainland_terms("《反電信網絡詐騙法》第二十二條", &cited).is_empty());
    assert!(
        mainland_terms(
            "提示是：「該微信號因涉及欺詐，國務院打擊治理電信網絡新型違法犯罪」",
            &cited
        )
        .is_empty()
    );
    assert_eq!(
        mainland_terms("我的手機可能連上了境外的網絡", &cited),
        ["網絡→網路"]
    );
    assert_eq!(
        mainland_terms("【你們可能會問的信息】", &cited),
        ["信息→資訊／訊息／資料"]
    );
    assert_eq!(
        mainland_terms("不要向「安全帳戶」轉賬", &cited),
        ["轉賬→轉帳"]
    );
    assert_eq!(
        mainland_terms("現在（周三 2019-10-16）", &cited),
        ["周三→週三"]
    );
    assert_eq!(
        mainland_terms("手機號：13800138000", &cited),
        ["手機號→手機號碼"]
    );
    assert!(mainland_terms("手機號碼：13800138000；周邊地區；資料不準確", &cited).is_empty());
    assert_eq!(mainland_terms("可以決定不準出境", &cited), ["不準→不准"]);
}

#[test]
fn zh_tw_templates_use_taiwan_terms() {
    let cited = cited_texts(&data());
    let mut files = vec![
        ("common".to_owned(), common_file(Lang::ZhTw)),
        ("validation".to_owned(), messages_file(Lang::ZhTw)),
    ];
    for kind in ScriptKind::ALL {
        files.push((kind.id().to_owned(), template_file(kind, Lang::ZhTw)));
    }
    let mut problems = Vec::new();
    for (name, file) in files {
        for (n, line) in file.lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            for t in mainland_terms(line, &cited) {
                problems.push(format!("{name}.zh-TW.txt:{}: {t}: {line}", n + 1));
            }
        }
    }
    report(&problems);
}

#[test]
fn zh_tw_golden_files_use_taiwan_terms() {
    let cited = cited_texts(&data());
    let mut problems = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(golden_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.contains(".zh-TW.") {
            continue;
        }
        seen += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            for t in mainland_terms(line, &cited) {
                problems.push(format!("{name}:{}: {t}: {line}", n + 1));
            }
        }
    }
    assert!(seen >= 8, "only {seen} zh-TW golden files found");
    report(&problems);
}

#[test]
fn zh_tw_data_strings_use_taiwan_terms() {
    let data = data();
    let cited = cited_texts(&data);
    let mut problems = Vec::new();
    for (name, value) in &data {
        let mut strings = Vec::new();
        strings_under(value, "zh-TW", &mut strings);
        for s in strings {
            for t in mainland_terms(s, &cited) {
                problems.push(format!("{name}: {t}: {s}"));
            }
        }
    }
    report(&problems);
}
