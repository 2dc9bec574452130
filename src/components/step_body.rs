//! The current step's content: the forms of steps 1 and 2, the result, what to do.

use yew::prelude::*;

use crate::components::findings::Findings;
use crate::components::import_panel::ImportPanel;
use crate::components::region_map::RegionMap;
use crate::components::stay_list::StayList;
use crate::components::verdict_card::VerdictCard;
use crate::components::what_happened::WhatHappened;
use crate::components::what_to_do::WhatToDo;
use crate::context::Store;
use crate::state::Step;
use crate::text::{Text, t};

/// A view function rather than a component: every component costs page bytes.
pub fn step_body(store: &Store) -> Html {
    let lang = store.lang;
    match (store.step, store.screening.clone()) {
        (Step::WhatHappened, _) => html! { <WhatHappened /> },
        (Step::WhereYouWere, _) => html! { <><ImportPanel /><StayList /></> },
        (Step::Result, Some(screening)) => html! {
            <>
                <VerdictCard screening={screening.clone()} {lang} />
                if let Some(map) = &store.map {
                    <RegionMap map={map.clone()} {lang} />
                }
                <Findings {screening} />
            </>
        },
        (Step::Result, None) => html! { <p>{ t(lang, Text::RunFirst) }</p> },
        (Step::WhatToDo, screening) => html! {
            <>
                if let Some(screening) = screening {
                    <VerdictCard {screening} {lang} />
                }
                <WhatToDo />
            </>
        },
    }
}
