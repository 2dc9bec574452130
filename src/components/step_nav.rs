//! Where the user is in the four steps, and the buttons that move between them.

use prescreen_core::i18n::Lang;
use yew::prelude::*;

use crate::state::Step;
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

#[derive(Properties, PartialEq)]
pub struct StepNavProps {
    pub step: Step,
    pub lang: Lang,
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
}

/// The progress list at the top.
#[function_component(StepProgress)]
pub fn step_progress(props: &StepNavProps) -> Html {
    html! {
        <ol class="progress">
            { for Step::ALL.into_iter().map(|step| html! {
                <li aria-current={(step == props.step).then_some("step")}
                    class={classes!((step == props.step).then_some("current"))}>
                    { step_title(step, props.lang) }
                </li>
            }) }
        </ol>
    }
}

/// Back and next at the bottom of each step.
#[function_component(StepButtons)]
pub fn step_buttons(props: &StepNavProps) -> Html {
    let on_next = props.on_next.clone();
    let on_back = props.on_back.clone();
    // Step 2 has its own "screen" button; the last step has nowhere to go.
    let last = matches!(props.step, Step::WhatToDo | Step::WhereYouWere);
    let next_label = t(props.lang, Text::Next);
    html! {
        <div class="step-buttons">
            if props.step != Step::WhatHappened {
                <button type="button" class="secondary" data-testid="step-back"
                        onclick={Callback::from(move |_| on_back.emit(()))}>
                    { t(props.lang, Text::Back) }
                </button>
            }
            if !last {
                <button type="button" data-testid="step-next"
                        onclick={Callback::from(move |_| on_next.emit(()))}>
                    { next_label }
                </button>
            }
        </div>
    }
}
