//! zh-CN / zh-TW / en, switchable at any step without losing input.

use prescreen_core::i18n::Lang;
use yew::prelude::*;

use crate::context::use_store;
use crate::state::Action;
use crate::text::{Text, t};

#[function_component(LangSwitch)]
pub fn lang_switch() -> Html {
    let store = use_store();
    html! {
        <nav class="lang" aria-label={t(store.lang, Text::Language)}>
            { for Lang::ALL.into_iter().map(|lang| {
                let onclick = {
                    let store = store.clone();
                    Callback::from(move |_| store.dispatch(Action::SetLang(lang)))
                };
                let label = match lang {
                    Lang::ZhCn => "简体",
                    Lang::ZhTw => "繁體",
                    Lang::En => "English",
                };
                html! {
                    <button type="button" data-testid={format!("lang-{}", lang.code())}
                            lang={lang.code()} aria-pressed={(lang == store.lang).to_string()} {onclick}>
                        { label }
                    </button>
                }
            }) }
        </nav>
    }
}
