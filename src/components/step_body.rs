//! The current step's content: the forms of steps 1 and 2, the result, what to do.

use yew::prelude::*;

use crate::components::findings::Findings;
use crate::components::glance::{dots, glance};
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
            // The answer at a glance first; then, in the same order for every cause, the full
            // explanation (folded), who decides, each stay's finding and the map.
            <>
                { glance(store, &screening) }
                <VerdictCard screening={screening.clone()} {lang} />
                <Findings screening={screening.clone()} />
                if let Some(map) = &store.map {
                    <RegionMap map={map.clone()} {lang} />
                }
            </>
        },
        (Step::Result, None) => html! { <p>{ t(lang, Text::RunFirst) }</p> },
        (Step::WhatToDo, screening) => html! {
            <>
                // A one-line reminder of the answer, not the whole card again.
                if let Some(screening) = screening {
                    <p class="reminder" data-testid="reminder">
                        <span class="dots" aria-hidden="true">{ dots(screening.dots) }</span>
                        { " " }{ &screening.headline }
                    </p>
                }
                <WhatToDo />
            </>
        },
    }
}
