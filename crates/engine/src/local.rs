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
}
