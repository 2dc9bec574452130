//! The glanceable answer: the verdict, then one line per finding with its reason.

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
    let verdict = props.screening.verdict;
    let headline = match verdict {
        Verdict::Likely => Text::VerdictLikely,
        Verdict::Possible => Text::VerdictPossible,
        Verdict::Unlikely => Text::VerdictUnlikely,
        Verdict::None => Text::VerdictNone,
    };
    html! {
        <section class={classes!("verdict-card", verdict.id())} aria-live="polite">
            <h2 data-testid="verdict" data-verdict={verdict.id()}>{ t(lang, headline) }</h2>
            <p class="no-promise">{ t(lang, Text::NoPromise) }</p>
            <ol class="findings">
                { for props.screening.findings.iter().enumerate().map(|(n, finding)| html! {
                    <li data-testid={format!("finding-{n}")} data-relation={format!("{:?}", finding.relation)}>
                        { &finding.why }
                    </li>
                }) }
            </ol>
        </section>
    }
}
