//! The glanceable answer: the verdict, the probable cause and why, and who decides.

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

#[function_component(VerdictCard)]
pub fn verdict_card(props: &VerdictCardProps) -> Html {
    let lang = props.lang;
    let screening = &props.screening;
    let verdict = screening.verdict;
    // The engine's sentence about the cause found; the border finding is its secondary line.
    let headline = &screening.headline;
    html! {
        <section class={classes!("verdict-card", verdict.id())} aria-live="polite">
            <h2 data-testid="verdict" data-verdict={verdict.id()} tabindex="-1">
                <span class="verdict-mark" aria-hidden="true">{ match verdict {
                    Verdict::Likely => "●●●",
                    Verdict::Possible => "●●○",
                    Verdict::Unlikely => "●○○",
                    Verdict::None => "○○○",
                } }</span>
                { " " }{ headline }
            </h2>
            if let Some(line) = &screening.border_line {
                <p data-testid="border-line">{ line }</p>
            }
            <p data-testid="cause" data-cause={screening.cause.kind.as_str()}>
                <strong>{ t(lang, Text::CauseLabel) }{ lang.pick("：", "：", ": ") }</strong>
                { screening.message.as_ref().map_or(headline, |m| &m.label) }
            </p>
            if let Some(message) = &screening.message {
                <p class="message-explanation">{ &message.explanation }</p>
            }
            <ul class="explanation">
                { for screening.explanation.iter().map(|line| html! { <li>{ line }</li> }) }
            </ul>
            if let Some(triage) = &screening.triage {
                <h3>{ t(lang, Text::WhoDecides) }</h3>
                <p data-testid="who-decides">{ &triage.who_decides }</p>
                <p data-testid="next-step"><strong>{ t(lang, Text::NextStep) }</strong>{ &triage.next_step }</p>
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
