//! The root component: owns the reducer, starts the data load, saves the draft, lays out the
//! four steps.

use std::rc::Rc;

use prescreen_core::dataset::DataSet;
use prescreen_core::scripts::ScriptData;
use yew::prelude::*;

use crate::components::case_tools::CaseTools;
use crate::components::error_banner::ErrorBanner;
use crate::components::findings::Findings;
use crate::components::lang_switch::LangSwitch;
use crate::components::region_map::RegionMap;
use crate::components::sources::Sources;
use crate::components::stay_list::StayList;
use crate::components::step_nav::{StepButtons, StepProgress, step_title};
use crate::components::verdict_card::VerdictCard;
use crate::components::what_happened::WhatHappened;
use crate::components::what_to_do::WhatToDo;
use crate::files::china_now;
use crate::load::load_data;
use crate::persist;
use crate::state::{Action, DataStatus, State, Step};
use crate::text::{Text, t};

#[derive(Properties, Default)]
pub struct AppProps {
    /// Data to use instead of fetching it (component tests pass the shipped files).
    #[prop_or_default]
    pub data: Option<(Rc<DataSet>, Rc<ScriptData>)>,
    /// Start empty instead of restoring a saved case (component tests).
    #[prop_or_default]
    pub fresh: bool,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        self.fresh == other.fresh
            && match (&self.data, &other.data) {
                (Some(a), Some(b)) => Rc::ptr_eq(&a.0, &b.0),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let fresh = props.fresh;
    let state = use_reducer(move || {
        if fresh {
            State::default()
        } else {
            let (lang, draft, remember) = persist::load();
            State::restored(lang, draft, remember)
        }
    });

    // Load the data after first paint (or take the preloaded data).
    {
        let state = state.clone();
        let preloaded = props.data.clone();
        use_effect_with((), move |_| match preloaded {
            Some((data, scripts)) => state.dispatch(Action::DataLoaded(data, scripts)),
            None => {
                let lang = state.lang;
                wasm_bindgen_futures::spawn_local(async move {
                    match load_data(lang).await {
                        Ok((data, scripts)) => {
                            state.dispatch(Action::DataLoaded(Rc::new(data), Rc::new(scripts)))
                        }
                        Err(detail) => state.dispatch(Action::DataFailed(format!(
                            "{} ({detail})",
                            t(lang, Text::DataFailed)
                        ))),
                    }
                });
            }
        });
    }

    // Offline copy and update notices (not in component tests, which mount many apps).
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if !fresh {
                let on_update = Callback::from(move |_| state.dispatch(Action::UpdateReady));
                crate::offline::register(on_update);
            }
        });
    }

    // Save what was entered after every change, where the user chose.
    {
        let draft = state.draft.clone();
        use_effect_with(
            (draft, state.remember, state.lang),
            move |(draft, remember, lang)| {
                persist::save(draft, *remember, *lang);
            },
        );
    }

    // Move focus to the new step's heading, so keyboard and screen-reader users follow along.
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(state.step, move |_| {
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            if let (false, Some(element)) = (first, heading.cast::<web_sys::HtmlElement>()) {
                let _ = element.focus();
            }
        });
    }

    // "Now" in China time, for "open now" on the hotline script.
    {
        let state = state.clone();
        use_effect_with(state.step, move |step| {
            if let (Step::WhatToDo, Some(now)) = (*step, china_now()) {
                state.dispatch(Action::SetNow(now));
            }
        });
    }

    let lang = state.lang;
    let dispatch = |make: fn(()) -> Action| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(make(())))
    };
    let on_next = dispatch(|_| Action::Next);
    let on_back = dispatch(|_| Action::Back);
    let on_message = {
        let state = state.clone();
        Callback::from(move |(is_error, text): (bool, String)| {
            state.dispatch(if is_error {
                Action::ShowError(text)
            } else {
                Action::ShowNotice(text)
            })
        })
    };
    let (data, data_status) = match &state.data {
        DataStatus::Loading => (None, "loading"),
        DataStatus::Ready(data, _) => (Some(data.clone()), "ready"),
        DataStatus::Failed(_) => (None, "failed"),
    };

    let body = match state.step {
        Step::WhatHappened => {
            let s = state.clone();
            let on_toggle_platform = Callback::from(move |p| s.dispatch(Action::TogglePlatform(p)));
            let s = state.clone();
            let on_message = Callback::from(move |m| s.dispatch(Action::EditMessage(m)));
            let s = state.clone();
            let on_frozen_on = Callback::from(move |d| s.dispatch(Action::EditFrozenOn(d)));
            html! {
                <WhatHappened platforms={state.draft.platforms.clone()} message={state.draft.message.clone()}
                              frozen_on={state.draft.frozen_on.clone()} {lang}
                              {on_toggle_platform} {on_message} {on_frozen_on} />
            }
        }
        Step::WhereYouWere => {
            let s = state.clone();
            let on_edit = Callback::from(move |(i, f, v)| s.dispatch(Action::EditStay(i, f, v)));
            let s = state.clone();
            let on_mode = Callback::from(move |(i, m)| s.dispatch(Action::SetStayMode(i, m)));
            let s = state.clone();
            let on_add = Callback::from(move |_| s.dispatch(Action::AddStay));
            let s = state.clone();
            let on_remove = Callback::from(move |i| s.dispatch(Action::RemoveStay(i)));
            let s = state.clone();
            let on_run = Callback::from(move |_| s.dispatch(Action::Run));
            html! {
                <StayList stays={state.draft.stays.clone()} {lang} data={data.clone()}
                          {on_edit} {on_mode} {on_add} {on_remove} {on_run} />
            }
        }
        Step::Result => match &state.screening {
            Some(screening) => {
                let s = state.clone();
                let on_set_not_there =
                    Callback::from(move |(i, not)| s.dispatch(Action::SetNotThere(i, not)));
                html! {
                    <>
                        <VerdictCard screening={screening.clone()} {lang} />
                        if let Some(data) = &data {
                            <RegionMap data={data.clone()} screening={screening.clone()} {lang} />
                        }
                        <Findings screening={screening.clone()} draft={state.draft.clone()} {lang} {on_set_not_there} />
                    </>
                }
            }
            None => html! { <p>{ t(lang, Text::RunFirst) }</p> },
        },
        Step::WhatToDo => {
            let s = state.clone();
            let on_choose = Callback::from(move |k| s.dispatch(Action::ChooseScript(k)));
            let s = state.clone();
            let on_person = Callback::from(move |(f, v)| s.dispatch(Action::EditPerson(f, v)));
            let s = state.clone();
            let on_numbers = Callback::from(move |n| s.dispatch(Action::EditNumbers(n)));
            html! {
                <>
                    if let Some(screening) = &state.screening {
                        <VerdictCard screening={screening.clone()} {lang} />
                    }
                    <WhatToDo {lang} kind={state.script_kind} documents={state.documents()}
                              person={state.draft.person.clone()} numbers={state.draft.numbers.clone()}
                              {on_choose} {on_person} {on_numbers} on_message={on_message.clone()} />
                </>
            }
        }
    };

    let on_lang = {
        let s = state.clone();
        Callback::from(move |l| s.dispatch(Action::SetLang(l)))
    };
    let on_restore = {
        let s = state.clone();
        Callback::from(move |d| s.dispatch(Action::Restore(Box::new(d))))
    };
    let on_remember = {
        let s = state.clone();
        Callback::from(move |r| s.dispatch(Action::SetRemember(r)))
    };
    let on_erase = {
        let s = state.clone();
        Callback::from(move |_| {
            let s = s.clone();
            wasm_bindgen_futures::spawn_local(async move {
                persist::erase_all().await;
                s.dispatch(Action::EraseAll);
            });
        })
    };
    let data_version = data.as_ref().map(|d| d.version.clone());

    html! {
        <main class="app" lang={lang.code()} data-data={data_status} data-step={state.step.number().to_string()}>
            <header>
                <LangSwitch {lang} on_change={on_lang} />
                <h1>{ t(lang, Text::Title) }</h1>
                <p class="tagline">{ t(lang, Text::Tagline) }</p>
                <p class="privacy">{ t(lang, Text::Privacy) }</p>
            </header>
            <StepProgress step={state.step} {lang} on_next={on_next.clone()} on_back={on_back.clone()} />
            <h2 class="step-title" ref={heading} tabindex="-1">{ step_title(state.step, lang) }</h2>
            <ErrorBanner error={state.error.clone()} notice={state.notice.clone()} />
            if state.update_ready {
                <p class="notice" role="status">
                    { t(lang, Text::UpdateReady) }{ " " }
                    <button type="button" data-testid="update-reload"
                            onclick={Callback::from(|_| crate::offline::reload())}>
                        { t(lang, Text::Reload) }
                    </button>
                </p>
            }
            { body }
            <StepButtons step={state.step} {lang} {on_next} {on_back} />
            <footer>
                <CaseTools {lang} draft={state.draft.clone()} remember={state.remember} {data_version}
                           {on_restore} {on_remember} {on_erase} on_message={on_message.clone()} />
                if let Some(data) = &data {
                    <Sources data={data.clone()} {lang} />
                }
            </footer>
        </main>
    }
}
