//! `legal.json`: the laws and articles the letters quote, with their text and source.

use serde::{Deserialize, Serialize};

use super::source::{Confidence, Localized, Source};

/// `legal.json`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalFile {
    pub data_version: String,
    pub licence: String,
    pub laws: Vec<Law>,
    pub articles: Vec<Article>,
}

impl LegalFile {
    /// The article with this id (`atfl-32`).
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The law with this id (`atfl`).
    pub fn law(&self, id: &str) -> Option<&Law> {
        self.laws.iter().find(|l| l.id == id)
    }
}

impl Article {
    /// The paragraphs letters quote: the `cited` ones, or all when none is singled out.
    pub fn cited_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs
            .iter()
            .filter(|p| self.cited.is_empty() || self.cited.contains(&p.number))
    }
}

/// A law or regulation the letters cite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Law {
    /// `atfl`, `pipl`, `telecom-reg`, `nbpi-reg`, `joint-sanctions`.
    pub id: String,
    pub name: Localized,
    /// ISO date it took effect.
    pub in_force: String,
    pub url: String,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// One article, with the paragraphs (款) letters quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// `atfl-32`.
    pub id: String,
    /// A [`Law`] id.
    pub law: String,
    pub article: u32,
    /// `第三十二条`.
    pub article_zh: String,
    /// The article's paragraphs, numbered from 1; the text is verbatim when `verbatim` is true.
    pub paragraphs: Vec<Paragraph>,
    /// The paragraph numbers letters cite (empty: the whole article).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cited: Vec<u32>,
    /// False when the official text was not found and `paragraphs` hold a report's description.
    pub verbatim: bool,
    /// Our own short summary, not an official translation.
    pub our_summary: Localized,
    pub in_force: String,
    pub url: String,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// A paragraph (款) of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub number: u32,
    pub text_zh: String,
}
