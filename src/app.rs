//! The root component: owns the reducer, starts the engine worker and sends it the reducer's
//! requests, saves the draft, lays out the four steps.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::case_tools::CaseTools;
use crate::components::error_banner::ErrorBanner;
use crate::components::findings::Findings;
use crate::components::import_panel::ImportPanel;
use crate::components::lang_switch::LangSwitch;
use crate::components::region_map::RegionMap;
use crate::components::sources::Sources;
use crate::components::stay_list::StayList;
use crate::components::step_nav::{StepButtons, StepProgress, step_title};
use crate::components::verdict_card::VerdictCard;
use crate::components::what_happened::WhatHappened;
use crate::components::what_to_do::WhatToDo;
use crate::engine::client::{EngineLink, ImportJob, LocalEngine};
use crate::engine::protocol::Reply;
use crate::files::china_now;
use crate::persist;
use crate::state::{Action, DataStatus, State, Step};
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
    let fresh = props.fresh;
    let state = use_reducer(move || {
        if fresh {
            State::default()
        } else {
            let (lang, draft, remember) = persist::load();
            State::restored(lang, draft, remember)
        }
    });

    // The engine: a worker that loads and indexes the data (or the tests' engine in the page).
    // Started in an effect, so after the first paint; its replies become actions.
    let engine = use_mut_ref(|| None::<EngineLink>);
    {
        let engine = engine.clone();
        let dispatcher = state.dispatcher();
        let local = props.engine.clone();
        use_effect_with((), move |_| {
            let on_reply = Callback::from(move |reply: Reply| {
                let action = match reply {
                    Reply::Ready(overview) => Action::DataLoaded(Rc::new(*overview)),
                    Reply::LoadFailed(detail) => Action::DataFailed(detail),
                    Reply::Screened { id, result } => Action::Screened(id, result),
                    Reply::Documents { id, result } => Action::DocumentsReady(id, result),
                    Reply::Suggestions { query, places, .. } => Action::Suggested(query, places),
                    Reply::PasteRead { stay, text, point } => Action::PasteRead(stay, text, point),
                    Reply::CaseRead { id, result } => Action::CaseRead(id, result),
                    // Import replies come from an import's own worker (below).
                    Reply::Listening
                    | Reply::ImportProgress { .. }
                    | Reply::Imported(_)
                    | Reply::NeedNearest { .. }
                    | Reply::Nearest { .. } => return,
                };
                dispatcher.dispatch(action);
            });
            *engine.borrow_mut() = Some(EngineLink::start(local, on_reply));
        });
    }

    // Send the requests the reducer put in its outbox, each once (this effect runs after the
    // one above, so the engine exists).
    {
        let engine = engine.clone();
        let sent = use_mut_ref(|| 0_u32);
        use_effect_with(state.outbox.clone(), move |outbox| {
            if let Some(engine) = engine.borrow().as_ref() {
                for request in outbox.iter().filter(|r| r.id() > *sent.borrow()) {
                    engine.send(request);
                    *sent.borrow_mut() = request.id();
                }
            }
        });
    }

    // The running import, if any: dropping it terminates its worker (cancel).
    let import_job = use_mut_ref(|| None::<ImportJob>);

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
    let (overview, data_status) = match &state.data {
        DataStatus::Loading => (None, "loading"),
        DataStatus::Ready(overview) => (Some(overview.clone()), "ready"),
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
            let on_files = {
                let dispatcher = state.dispatcher();
                let import_job = import_job.clone();
                let engine = engine.clone();
                Callback::from(move |files: Vec<web_sys::File>| {
                    let total = files.iter().map(|f| f.size() as u64).sum();
                    dispatcher.dispatch(Action::ImportProgress(0, total));
                    let on_reply = {
                        let dispatcher = dispatcher.clone();
                        Callback::from(move |reply: Reply| match reply {
                            Reply::ImportProgress { done, total } => {
                                dispatcher.dispatch(Action::ImportProgress(done, total))
                            }
                            Reply::Imported(result) => dispatcher
                                .dispatch(Action::Imported(result.map_err(|e| {
                                    format!("{}{e}", t(lang, Text::ImportFileFailed))
                                }))),
                            _ => {}
                        })
                    };
                    let Some(engine) = engine.borrow().clone() else {
                        return;
                    };
                    match ImportJob::start(files, &engine, on_reply) {
                        Ok(job) => *import_job.borrow_mut() = Some(job),
                        Err(e) => dispatcher.dispatch(Action::Imported(Err(e))),
                    }
                })
            };
            let on_cancel = {
                let s = state.clone();
                let import_job = import_job.clone();
                Callback::from(move |_| {
                    import_job.borrow_mut().take();
                    s.dispatch(Action::CancelImport);
                })
            };
            let s = state.clone();
            let on_accept =
                Callback::from(move |chosen| s.dispatch(Action::AcceptImported(chosen)));
            html! {
                <>
                    <ImportPanel {lang} status={state.import.clone()} {on_files} {on_cancel} {on_accept} />
                    <StayList stays={state.draft.stays.clone()} {lang} suggestions={state.suggestions.clone()}
                              busy={state.pending_screen.is_some()}
                              {on_edit} {on_mode} {on_add} {on_remove} {on_run} />
                </>
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
                        if let Some(map) = &state.map {
                            <RegionMap map={map.clone()} {lang} />
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
                    <WhatToDo {lang} kind={state.script_kind} documents={state.documents.clone()}
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
    let on_case_text = {
        let s = state.clone();
        Callback::from(move |text| s.dispatch(Action::ReadCase(text)))
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
    let data_version = overview.as_ref().map(|o| o.data_version.clone());

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
                           {on_case_text} {on_remember} {on_erase} on_message={on_message.clone()} />
                if let Some(overview) = &overview {
                    <Sources overview={overview.clone()} {lang} />
                }
            </footer>
        </main>
    }
}
