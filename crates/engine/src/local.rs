//! Both engines answering in one place, synchronously: what the page's component tests mount
//! the app with instead of the workers (never linked into a worker).

use prescreen_protocol::{Overview, Reply, Request};

use crate::letters::Letters;
use crate::service::{DataTexts, Engine};

/// The screening engine and the letters, side by side.
pub struct Engines {
    pub screening: Engine,
    pub letters: Letters,
}

impl Engines {
    pub fn from_texts(texts: &DataTexts) -> Result<Engines, String> {
        Ok(Engines {
            screening: Engine::from_texts(texts)?,
            letters: Letters::from_texts(texts)?,
        })
    }

    pub fn overview(&self) -> Overview {
        self.screening.overview()
    }

    /// Answers a request as the workers would: documents by the letters, the rest by the
    /// screening engine.
    pub fn handle(&self, request: Request) -> Reply {
        match request {
            Request::Documents { .. } => match self.letters.handle(request.clone()) {
                Some(reply) => reply,
                None => self.screening.handle(request),
            },
            other => self.screening.handle(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use prescreen_core::case::{CaseFile, StayInput};
    use prescreen_core::data::{DOCUMENT_KINDS, DataSet, Guidance, MessagesFile};
    use prescreen_core::i18n::Lang;
    use prescreen_protocol::{Reply, Request};

    use crate::letters::Letters;
    use crate::service::{DataTexts, Engine};

    /// The shipped file `name` (as the worker would fetch it).
    fn shipped(name: &str) -> String {
        let path = format!("{}/../../static/data/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    // Each worker fetches only its own list of files: the lists must be enough to load.
    #[test]
    fn the_screening_worker_loads_from_its_own_files() {
        let mut texts = DataTexts::default();
        for (name, text) in texts.screening_files() {
            *text = shipped(name);
        }
        assert!(Engine::from_texts(&texts).is_ok());
    }

    #[test]
    fn the_letters_worker_loads_from_its_own_files() {
        let mut texts = DataTexts::default();
        for (name, text) in texts.letters_files() {
            *text = shipped(name);
        }
        if let Err(e) = Letters::from_texts(&texts) {
            panic!("{e}");
        }
    }

    /// Every shipped file, as the component tests load them.
    fn all_texts() -> DataTexts {
        let mut texts = DataTexts::default();
        for (name, text) in texts.screening_files() {
            *text = shipped(name);
        }
        for (name, text) in texts.letters_files() {
            *text = shipped(name);
        }
        texts
    }

    /// Cases that reach every cause the data knows: each example message of each pattern, on
    /// each platform its pattern names, with a stay by the 2019 Mong La region, and the 2019
    /// border story without a message.
    fn cases() -> Vec<CaseFile> {
        let texts = all_texts();
        let messages: MessagesFile = serde_json::from_str(&texts.messages).unwrap();
        let mut messages_and_platforms: Vec<(Option<String>, Vec<String>)> =
            vec![(None, vec!["wechat".to_owned()])];
        for pattern in &messages.patterns {
            for example in &pattern.examples {
                let platforms = pattern
                    .platforms
                    .iter()
                    .map(|p| p.id().to_owned())
                    .collect();
                messages_and_platforms.push((Some(example.text.clone()), platforms));
            }
        }
        messages_and_platforms
            .into_iter()
            .map(|(message, platforms)| CaseFile {
                version: 1,
                today: Some("2026-12-03".to_owned()),
                frozen_on: Some("2019-10-16".to_owned()),
                platforms,
                freeze_message: message,
                freeze_messages: Default::default(),
                calls: Vec::new(),
                stays: vec![StayInput {
                    lat: Some(21.698),
                    lon: Some(100.031),
                    datum: Some("wgs84".to_owned()),
                    from: "2019-10-01".to_owned(),
                    to: "2019-10-10".to_owned(),
                    ..StayInput::default()
                }],
                person: None,
                sent: Vec::new(),
            })
            .collect()
    }

    // The screening worker loads only the message patterns and channels of the guidance: every
    // screening must be what the whole guidance gives (a screening that starts to read the law,
    // the calendar or the linked accounts fails here, until the worker loads them too).
    #[test]
    fn the_screening_part_of_the_guidance_screens_like_the_whole() {
        let texts = all_texts();
        let part = Engine::from_texts(&texts).unwrap();
        let whole = Engine {
            data: DataSet::load(&texts.shipped()).unwrap(),
        };
        let cases = cases();
        assert!(cases.len() > 40, "only {} example messages", cases.len());
        for (id, case) in cases.into_iter().enumerate() {
            for lang in Lang::ALL {
                let request = Request::Screen {
                    id: id as u32,
                    case: case.clone(),
                    lang,
                };
                let reply = part.handle(request.clone());
                assert!(
                    matches!(&reply, Reply::Screened { result: Ok(_), .. }),
                    "{reply:?}"
                );
                assert_eq!(reply, whole.handle(request), "{case:?} in {lang:?}");
            }
        }
    }

    // The letters worker does not load the message patterns: every document of every kind must
    // be what the whole guidance gives.
    #[test]
    fn the_letters_part_of_the_guidance_writes_like_the_whole() {
        let texts = all_texts();
        let screening = Engine::from_texts(&texts).unwrap();
        let part = Letters::from_texts(&texts).unwrap();
        let whole = Letters {
            guidance: Guidance::load(&texts.guidance()).unwrap(),
        };
        let mut written = 0;
        for (id, case) in cases().into_iter().enumerate().step_by(3) {
            for lang in Lang::ALL {
                let Reply::Screened {
                    result: Ok(screened),
                    ..
                } = screening.handle(Request::Screen {
                    id: id as u32,
                    case: case.clone(),
                    lang,
                })
                else {
                    panic!("{case:?} does not screen");
                };
                for kind in DOCUMENT_KINDS {
                    let request = Request::Documents {
                        id: id as u32,
                        case: case.clone(),
                        kind: kind.to_owned(),
                        lang,
                        now: Some("2019-10-16T09:30:00".to_owned()),
                        numbers: vec!["0879-12345678".to_owned()],
                        screening: screened.json.clone(),
                    };
                    let reply = part.handle(request.clone());
                    if matches!(&reply, Some(Reply::Documents { result: Ok(_), .. })) {
                        written += 1;
                    }
                    assert_eq!(
                        reply,
                        whole.handle(request),
                        "{kind} for {case:?} in {lang:?}"
                    );
                }
            }
        }
        assert!(written > 100, "only {written} documents written");
    }
}
