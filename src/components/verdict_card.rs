//! The rest of the answer, after its first screen (`glance.rs`): the probable cause and why
//! (folded), and who decides.

use std::rc::Rc;

use prescreen_core::i18n::Lang;
use prescreen_core::verdict::{Screening, Verdict};
use yew::prelude::*;

use crate::text::{Text, t};

#[derive(Properties, PartialEq)]
pub struct VerdictCardProps {
    pub screening: Rc<Screening>,
    pub lang: Lang,
}

pub fn verdict_text(verdict: Verdict) -> Text {
    match verdict {
        Verdict::Likely => Text::VerdictLikely,
        Verdict::Possible => Text::VerdictPossible,
        Verdict::Unlikely => Text::VerdictUnlikely,
        Verdict::None => Text::VerdictNone,
    }
}

#[function_component(VerdictCard)]
pub fn verdict_card(props: &VerdictCardProps) -> Html {
    let lang = props.lang;
    let screening = &props.screening;
    let verdict = screening.verdict;
    html! {
        // The headline, confidence and clue are the first screen's (`glance.rs`); this is the
        // rest of the answer, the long parts folded.
        <section class={classes!("verdict-card", verdict.id())}>
            <details class="more" data-testid="explanation">
                <summary>{ lang.pick("为什么这样判断", "為什麼這樣判斷", "Why we think so") }</summary>
                <p data-testid="cause" data-cause={screening.cause.kind.as_str()}>
                    <strong>{ t(lang, Text::CauseLabel) }{ lang.pick("：", "：", ": ") }</strong>
                    { screening.message.as_ref().map(|m| m.label.clone()).unwrap_or_else(|| t(lang, verdict_text(verdict)).to_owned()) }
                </p>
                if let Some(message) = &screening.message {
                    <p class="message-explanation">{ &message.explanation }</p>
                }
                <ul class="explanation">
                    { for screening.explanation.iter().map(|line| html! { <li>{ line }</li> }) }
                </ul>
            </details>
            if !screening.channels.is_empty() {
                <h3>{ t(lang, Text::WhoDecides) }</h3>
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
