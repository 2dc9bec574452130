//! The letters: call scripts and letters of every kind, written from a case and the screening
//! the screening engine already answered for it. A worker of their own (`letters.js`), loaded
//! the first time the person opens step 4, so that the screening is ready without the
//! templates, the law texts and the holiday calendar.
//!
//! Pure, like [`crate::service`].

use prescreen_core::case::CaseFile;
use prescreen_core::data::Guidance;
use prescreen_core::i18n::Lang;
use prescreen_core::letters::{Document, ScriptInput, ScriptKind, render};
use prescreen_core::verdict::Screening;
use prescreen_protocol::{Page, PageDeadline, Problem, Reply, Request};

use crate::service::DataTexts;

/// The data the letters need: channels, articles, holidays, linked accounts.
pub struct Letters {
    pub guidance: Guidance,
}

impl Letters {
    /// Parses the letters' data (the guidance but the message patterns); the error names the
    /// file at fault.
    pub fn from_texts(texts: &DataTexts) -> Result<Letters, String> {
        let guidance = Guidance::load_letters(&texts.guidance()).map_err(|e| e.to_string())?;
        Ok(Letters { guidance })
    }

    /// Answers a [`Request::Documents`]; any other request is not for this worker.
    pub fn handle(&self, request: Request) -> Option<Reply> {
        let Request::Documents {
            id,
            case,
            kind,
            lang,
            now,
            numbers,
            screening,
        } = request
        else {
            return None;
        };
        Some(Reply::Documents {
            id,
            result: serde_json::from_str::<Screening>(&screening)
                .map_err(|e| Problem::new(format!("the screening could not be read: {e}")))
                .and_then(|screening| {
                    self.documents(&case, &screening, &kind, lang, now.as_deref(), &numbers)
                }),
        })
    }

    pub fn documents(
        &self,
        file: &CaseFile,
        screening: &Screening,
        kind: &str,
        lang: Lang,
        now: Option<&str>,
        numbers: &[String],
    ) -> Result<Vec<Page>, Problem> {
        let kind = ScriptKind::from_id(kind).ok_or_else(|| Problem {
            field: Some("kind".to_owned()),
            message: format!("unknown script kind {kind}"),
        })?;
        let case = file.validate().map_err(|e| Problem::input(&e, lang))?;
        let input = ScriptInput {
            case: &case,
            screening,
            lang,
            now: now.and_then(|n| n.parse().ok()),
            numbers,
        };
        let documents =
            render(kind, &input, &self.guidance).map_err(|e| Problem::new(e.message(lang)))?;
        Ok(documents.iter().map(page).collect())
    }
}

/// A document as the page shows it.
fn page(doc: &Document) -> Page {
    Page {
        kind: doc.kind.id().to_owned(),
        title: doc.title.clone(),
        recipient: doc.recipient.clone(),
        letter_text: doc.letter_text(),
        page_text: doc.page_text(),
        lines: doc.lines(),
        guidance: doc.guidance.clone(),
        mailto: doc.mailto.clone(),
        tel: doc
            .tel
            .iter()
            .map(|n| (n.tel.clone(), n.display.clone()))
            .collect(),
        deadline: doc.deadline.as_ref().map(|d| PageDeadline {
            sent_on: d.sent_on.to_string(),
            due: d.due.to_string(),
            ics: d.ics.clone(),
        }),
    }
}
