//! The rest of the answer, after its first screen (`glance.rs`): the probable cause and why
//! (folded), and who decides.

use std::rc::Rc;

use prescreen_core::i18n::Lang;
use yew::prelude::*;

use crate::engine::protocol::ScreeningView;
use crate::text::{Text, t};

#[derive(Properties, PartialEq)]
pub struct VerdictCardProps {
    pub screening: Rc<ScreeningView>,
    pub lang: Lang,
}

#[function_component(VerdictCard)]
pub fn verdict_card(props: &VerdictCardProps) -> Html {
    let lang = props.lang;
    let screening = &props.screening;
    html! {
        // The headline, confidence and clue are the first screen's (`glance.rs`); this is the
        // rest of the answer, the long parts folded.
        <section class={classes!("verdict-card", screening.verdict.clone())}>
            <details class="more" data-testid="explanation">
                <summary>{ lang.pick("为什么这样判断", "為什麼這樣判斷", "Why we think so") }</summary>
                <p data-testid="cause" data-cause={screening.cause.clone()}>
                    <strong>{ t(lang, Text::CauseLabel) }{ lang.pick("：", "：", ": ") }</strong>
                    { &screening.cause_label }
                </p>
                if let Some(explanation) = &screening.message_explanation {
                    <p class="message-explanation">{ explanation }</p>
                }
                <ul class="explanation">
                    { for screening.explanation.iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
            </details>
            if let Some((who_decides, next_step)) = &screening.triage {
                <h3>{ t(lang, Text::WhoDecides) }</h3>
                <p data-testid="who-decides">{ who_decides }</p>
                <p data-testid="next-step"><strong>{ t(lang, Text::NextStep) }</strong>{ next_step }</p>
            }
            if !screening.channels.is_empty() {
                if screening.triage.is_none() { <h3>{ t(lang, Text::WhoDecides) }</h3> }
                <ul class="channels">
                    { for screening.channels.iter().map(|channel| html! {
                        <li data-testid={format!("channel-{}", channel.id)}>
                            <strong>{ &channel.name }</strong>
                            if channel.does_not_unfreeze { { t(lang, Text::DoesNotUnfreeze) } }
                            <br />{ &channel.decides }
                        </li>
                    }) }
                </ul>
            }
            <p class="scam"><strong>{ t(lang, Text::Scam) }</strong></p>
        </section>
    }
}
