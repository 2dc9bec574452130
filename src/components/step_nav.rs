//! Where the user is in the four steps, and the buttons that move between them.

use prescreen_core::i18n::Lang;
use yew::prelude::*;

use crate::context::use_store;
use crate::state::{Action, Step};
use crate::text::{Text, t};

pub fn step_title(step: Step, lang: Lang) -> &'static str {
    t(
        lang,
        match step {
            Step::WhatHappened => Text::StepWhatHappened,
            Step::WhereYouWere => Text::StepWhereYouWere,
            Step::Result => Text::StepResult,
            Step::WhatToDo => Text::StepWhatToDo,
        },
    )
}

/// The progress list at the top.
#[function_component(StepProgress)]
pub fn step_progress() -> Html {
    let store = use_store();
    html! {
        <ol class="progress">
            { for Step::ALL.into_iter().map(|step| html! {
                <li aria-current={(step == store.step).then_some("step")}
                    class={classes!((step == store.step).then_some("current"))}>
                    { step_title(step, store.lang) }
                </li>
            }) }
        </ol>
    }
}

/// Back and next at the bottom of each step.
#[function_component(StepButtons)]
pub fn step_buttons() -> Html {
    let store = use_store();
    let dispatch = |action: fn() -> Action| {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(action()))
    };
    // Step 2 has its own "screen" button; the last step has nowhere to go.
    let last = matches!(store.step, Step::WhatToDo | Step::WhereYouWere);
    let next_label = t(store.lang, Text::Next);
    html! {
        <div class="step-buttons">
            if store.step != Step::WhatHappened {
                <button type="button" class="secondary" data-testid="step-back"
                        onclick={dispatch(|| Action::Back)}>
                    { t(store.lang, Text::Back) }
                </button>
            }
            if !last {
                <button type="button" data-testid="step-next"
                        onclick={dispatch(|| Action::Next)}>
                    { next_label }
                </button>
            }
        </div>
    }
}
