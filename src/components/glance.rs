//! The first screen of the result (issue 20): the headline about the cause, how sure we are (in
//! words and dots), the strongest clue in one sentence, and the one thing to do now — a button
//! that opens step 4 on the most useful document. Every text comes from the core
//! (the headline and glance of the `ScreeningView` the engine wrote); everything else follows
//! below, folded.
//! A view function rather than a component: every component costs page bytes.

use yew::prelude::*;

use crate::context::Store;
use crate::engine::protocol::ScreeningView;
use crate::state::{Action, first_document};

/// "●●○": `filled` dots out of three.
pub fn dots(filled: u8) -> String {
    (0..3).map(|n| if n < filled { '●' } else { '○' }).collect()
}

pub fn glance(store: &Store, screening: &ScreeningView) -> Html {
    let lang = store.lang;
    let verdict = screening.verdict.clone();
    let kind = first_document(screening);
    let label = kind.and_then(|k| screening.documents.iter().find(|(id, _)| id == k.id()));
    let act = {
        let store = store.clone();
        Callback::from(move |_| {
            if let Some(kind) = kind {
                store.dispatch(Action::ChooseScript(kind));
            }
            store.dispatch(Action::Next);
        })
    };
    html! {
        <section class={classes!("glance", verdict.clone())} aria-live="polite">
            <h2 data-testid="verdict" data-verdict={verdict} tabindex="-1">{ &screening.headline }</h2>
            <p class="confidence" data-testid="confidence">
                <span class="dots" aria-hidden="true">{ dots(screening.dots) }</span>{ " " }{ &screening.confidence }
            </p>
            if let Some(clue) = &screening.clue {
                <p class="clue" data-testid="clue">{ clue }</p>
            }
            if let Some(line) = &screening.border_line {
                <p class="border-line" data-testid="border-line">{ line }</p>
            }
            <button type="button" class="primary" data-testid="primary-action"
                    data-kind={kind.map(|k| k.id())} onclick={act}>
                { match label {
                    Some((_, label)) => format!("{}{label} →", lang.pick("下一步：", "下一步：", "Next: ")),
                    None => format!("{} →", lang.pick("下一步：该怎么做", "下一步：該怎麼做", "Next: what to do")),
                } }
            </button>
        </section>
    }
}
