//! The glanceable answer: the verdict, the probable cause and why, who decides, then one line per
//! finding with its reason.

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
    let headline = match verdict {
        Verdict::Likely => Text::VerdictLikely,
        Verdict::Possible => Text::VerdictPossible,
        Verdict::Unlikely => Text::VerdictUnlikely,
        Verdict::None => Text::VerdictNone,
    };
    html! {
        <section class={classes!("verdict-card", verdict.id())} aria-live="polite">
            <h2 data-testid="verdict" data-verdict={verdict.id()}>{ t(lang, headline) }</h2>
            <p data-testid="cause" data-cause={screening.cause.kind.as_str()}>
                <strong>{ t(lang, Text::CauseLabel) }{ "：" }</strong>
                { screening.message.as_ref().map(|m| m.label.clone()).unwrap_or_else(|| t(lang, headline).to_owned()) }
            </p>
            <ul class="explanation">
                { for screening.explanation.iter().map(|line| html! { <li>{ line }</li> }) }
            </ul>
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
            <ol class="findings">
                { for screening.findings.iter().enumerate().map(|(n, finding)| html! {
                    <li data-testid={format!("finding-{n}")} data-relation={format!("{:?}", finding.relation)}>
                        { &finding.why }
                    </li>
                }) }
            </ol>
        </section>
    }
}
