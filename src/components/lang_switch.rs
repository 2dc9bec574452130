//! zh-CN / zh-TW / en, switchable at any step without losing input.

use prescreen_core::i18n::Lang;
use yew::prelude::*;

use crate::text::{Text, t};

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

#[function_component(LangSwitch)]
pub fn lang_switch(props: &LangSwitchProps) -> Html {
    html! {
        <nav class="lang" aria-label={t(props.lang, Text::Language)}>
            { for Lang::ALL.into_iter().map(|lang| {
                let onclick = {
                    let on_change = props.on_change.clone();
                    Callback::from(move |_| on_change.emit(lang))
                };
                let label = match lang {
                    Lang::ZhCn => "简体",
                    Lang::ZhTw => "繁體",
                    Lang::En => "English",
                };
                html! {
                    <button type="button" data-testid={format!("lang-{}", lang.code())}
                            lang={lang.code()} aria-pressed={(lang == props.lang).to_string()} {onclick}>
                        { label }
                    </button>
                }
            }) }
        </nav>
    }
}
