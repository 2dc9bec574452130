//! The root component: owns the reducer, starts the data load, lays out the page.

use std::rc::Rc;

use prescreen_core::dataset::DataSet;
use yew::prelude::*;

use crate::components::error_banner::ErrorBanner;
use crate::components::stay_form::StayForm;
use crate::components::verdict_card::VerdictCard;
use crate::components::what_happened::WhatHappened;
use crate::load::load_data;
use crate::state::{Action, DataStatus, State};
use crate::text::{Text, t};

#[derive(Properties, Default)]
pub struct AppProps {
    /// Data to use instead of fetching it (component tests pass a fixture).
    #[prop_or_default]
    pub data: Option<Rc<DataSet>>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        match (&self.data, &other.data) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer(State::default);

    {
        let state = state.clone();
        let preloaded = props.data.clone();
        use_effect_with((), move |_| match preloaded {
            Some(data) => state.dispatch(Action::DataLoaded(data)),
            None => wasm_bindgen_futures::spawn_local(async move {
                match load_data().await {
                    Ok(data) => state.dispatch(Action::DataLoaded(Rc::new(data))),
                    Err(detail) => state.dispatch(Action::DataFailed(format!(
                        "{} ({detail})",
                        t(state.lang, Text::DataFailed)
                    ))),
                }
            }),
        });
    }

    let lang = state.lang;
    let data_status = match state.data {
        DataStatus::Loading => "loading",
        DataStatus::Ready(_) => "ready",
        DataStatus::Failed(_) => "failed",
    };
    let on_edit = {
        let state = state.clone();
        Callback::from(move |(field, value)| state.dispatch(Action::EditStay(field, value)))
    };
    let on_toggle_platform = {
        let state = state.clone();
        Callback::from(move |platform| state.dispatch(Action::TogglePlatform(platform)))
    };
    let on_message = {
        let state = state.clone();
        Callback::from(move |message| state.dispatch(Action::EditMessage(message)))
    };
    let on_run = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Run))
    };

    html! {
        <main class="app" lang={lang.code()} data-data={data_status}>
            <header>
                <h1>{ t(lang, Text::Title) }</h1>
                <p class="tagline">{ t(lang, Text::Tagline) }</p>
                <p class="privacy">{ t(lang, Text::Privacy) }</p>
            </header>
            <ErrorBanner error={state.error.clone()} />
            <WhatHappened platforms={state.platforms.clone()} message={state.message.clone()}
                          {lang} {on_toggle_platform} {on_message} />
            <StayForm stay={state.stay.clone()} {lang} {on_edit} {on_run} />
            if let Some(screening) = &state.screening {
                <VerdictCard screening={screening.clone()} {lang} />
            }
        </main>
    }
}
