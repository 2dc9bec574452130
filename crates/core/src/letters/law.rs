//! The law the letters quote: an article's cited paragraphs from `legal.json`, and a warning when
//! the letter is dated before the law took effect.

use super::writer::Writer;
use jiff::civil::Date;

use super::ScriptError;

impl Writer<'_> {
    /// The cited paragraphs of an article, quoted verbatim from `legal.json`.
    pub(super) fn quote(&self, id: &str) -> Result<String, ScriptError> {
        let article = self
            .data
            .legal
            .article(id)
            .ok_or_else(|| ScriptError::MissingData {
                what: "article",
                id: id.to_owned(),
            })?;
        let law = self
            .data
            .legal
            .law(&article.law)
            .ok_or_else(|| ScriptError::MissingData {
                what: "law",
                id: article.law.clone(),
            })?;
        let text = article
            .cited_paragraphs()
            .map(|p| p.text_zh.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let law_name = law.name.zh_cn.trim_matches(['《', '》']);
        let mut label = article.article_zh.clone();
        if !article.cited.is_empty() && article.cited.len() < article.paragraphs.len() {
            let paragraphs: Vec<String> = article
                .cited
                .iter()
                .map(|n| format!("第{}款", chinese_number(*n)))
                .collect();
            label.push_str(&paragraphs.join("、"));
        }
        self.c(
            "article_quote",
            &[("law", law_name), ("article", &label), ("text", &text)],
        )
    }

    /// A warning when the law is not yet in force on the letter's date.
    pub(super) fn in_force_warning(&self, law_id: &str) -> Result<Option<String>, ScriptError> {
        let Some(law) = self.data.legal.law(law_id) else {
            return Err(ScriptError::MissingData {
                what: "law",
                id: law_id.to_owned(),
            });
        };
        let Ok(in_force) = law.in_force.parse::<Date>() else {
            return Ok(None);
        };
        match self.today {
            Some(today) if today < in_force => Ok(Some(self.c(
                "law_not_in_force",
                &[
                    ("law", self.pick(&law.name)),
                    ("in_force", &law.in_force),
                    ("today", &today.to_string()),
                ],
            )?)),
            _ => Ok(None),
        }
    }
}

/// 1 → 一, 12 → 十二, 32 → 三十二 (paragraph and article numbers, below 100).
///
/// ```
/// # use prescreen_core::letters::chinese_number;
/// assert_eq!(chinese_number(3), "三");
/// assert_eq!(chinese_number(10), "十");
/// assert_eq!(chinese_number(24), "二十四");
/// ```
pub fn chinese_number(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_owned(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}
