//! Step 1: which accounts were frozen, the message the user saw, and when.

use prescreen_core::case::Platform;
use prescreen_core::i18n::Lang;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::context::use_store;
use crate::state::Action;
use crate::text::{Text, t};

pub fn platform_name(platform: Platform, lang: Lang) -> &'static str {
    match platform {
        Platform::Wechat => lang.pick("微信", "微信", "WeChat"),
        Platform::Qq => "QQ",
        Platform::Alipay => lang.pick("支付宝", "支付寶", "Alipay"),
        Platform::Bank => lang.pick("银行卡", "銀行卡", "Bank card"),
        Platform::Phone => lang.pick("手机号", "手機號", "Phone number"),
        Platform::Game => lang.pick("游戏", "遊戲", "Games"),
        Platform::Other => lang.pick("其他", "其他", "Other"),
    }
}

#[function_component(WhatHappened)]
pub fn what_happened() -> Html {
    let store = use_store();
    let lang = store.lang;
    let draft = &store.draft;
    let on_message = {
        let store = store.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            store.dispatch(Action::EditMessage(area.value()));
        })
    };
    let on_frozen_on = {
        let store = store.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            store.dispatch(Action::EditFrozenOn(input.value()));
        })
    };
    html! {
        <section class="what-happened">
            <fieldset class="platforms">
                <legend>{ t(lang, Text::PlatformsLabel) }</legend>
                { for Platform::ALL.into_iter().map(|platform| {
                    let id = format!("platform-{}", platform.id());
                    let onchange = {
                        let store = store.clone();
                        Callback::from(move |_: Event| store.dispatch(Action::TogglePlatform(platform)))
                    };
                    html! {
                        <label class="chip" for={id.clone()}>
                            <input type="checkbox" id={id.clone()} data-testid={id}
                                   checked={draft.platforms.contains(&platform)} {onchange} />
                            { platform_name(platform, lang) }
                        </label>
                    }
                }) }
            </fieldset>
            <label for="message-input">{ t(lang, Text::MessageLabel) }</label>
            <textarea id="message-input" data-testid="message-input" rows="3"
                      placeholder={t(lang, Text::MessageHint)} value={draft.message.clone()}
                      oninput={on_message} />
            <label for="frozen-on">{ t(lang, Text::FrozenOnLabel) }</label>
            <input id="frozen-on" data-testid="frozen-on" type="date" value={draft.frozen_on.clone()}
                   oninput={on_frozen_on} />
        </section>
    }
}
