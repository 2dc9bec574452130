//! The root component, layout only: it holds the reducer (restored and saved by
//! [`use_saved_state`]), starts the effects (engine, import, offline copy, clock, focus), hands the
//! reducer handle down in a context, and places the parts of the page. Components dispatch their
//! own actions.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::case_tools::CaseTools;
use crate::components::error_banner::ErrorBanner;
use crate::components::lang_switch::LangSwitch;
use crate::components::sources::Sources;
use crate::components::step_body::step_body;
use crate::components::step_nav::{StepButtons, StepProgress, step_title};
use crate::components::update_notice::update_notice;
use crate::context::Store;
use crate::engine::client::LocalEngine;
use crate::hooks::{
    use_clock, use_engine, use_import, use_offline, use_saved_state, use_step_focus,
};
use crate::state::DataStatus;
use crate::text::{Text, t};

#[derive(Properties, Default)]
pub struct AppProps {
    /// An engine running in the page instead of the worker (component tests).
    #[prop_or_default]
    pub engine: Option<LocalEngine>,
    /// Start empty instead of restoring a saved case (component tests).
    #[prop_or_default]
    pub fresh: bool,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        self.fresh == other.fresh
            && match (&self.engine, &other.engine) {
                (Some(a), Some(b)) => Rc::ptr_eq(&a.handle, &b.handle),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let store = use_saved_state(props.fresh);
    let engine = use_engine(&store, props.engine.clone());
    use_import(&store, &engine);
    use_offline(&store, props.fresh);
    use_clock(&store);
    let heading = use_step_focus(store.step);
    let lang = store.lang;
    let data_status = match &store.data {
        DataStatus::Loading => "loading",
        DataStatus::Ready(_) => "ready",
        DataStatus::Failed(_) => "failed",
    };
    html! {
        <ContextProvider<Store> context={store.clone()}>
            <main class="app" lang={lang.code()} data-data={data_status} data-step={store.step.number().to_string()}>
                <header>
                    <LangSwitch />
                    <h1>{ t(lang, Text::Title) }</h1>
                    // The result and what to do need the first screen: the tagline and the privacy
                    // note greet (step 4's personal details repeat that nothing is uploaded).
                    if store.step.number() < 3 {
                        <p class="tagline">{ t(lang, Text::Tagline) }</p>
                        <p class="privacy">{ t(lang, Text::Privacy) }</p>
                    }
                </header>
                <StepProgress />
                <h2 class="step-title" ref={heading} tabindex="-1">{ step_title(store.step, lang) }</h2>
                <ErrorBanner />
                { update_notice(&store) }
                { step_body(&store) }
                <StepButtons />
                <footer>
                    <CaseTools />
                    if let DataStatus::Ready(overview) = &store.data {
                        <Sources overview={overview.clone()} {lang} />
                    }
                </footer>
            </main>
        </ContextProvider<Store>>
    }
}
