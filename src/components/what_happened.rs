//! Step 1: which accounts were frozen, and the message the user saw.

use prescreen_core::case::Platform;
use prescreen_core::i18n::Lang;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::text::{Text, t};

#[derive(Properties, PartialEq)]
pub struct WhatHappenedProps {
    pub platforms: Vec<Platform>,
    pub message: String,
    pub lang: Lang,
    pub on_toggle_platform: Callback<Platform>,
    pub on_message: Callback<String>,
}

fn platform_name(platform: Platform, lang: Lang) -> &'static str {
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
pub fn what_happened(props: &WhatHappenedProps) -> Html {
    let lang = props.lang;
    let oninput = {
        let on_message = props.on_message.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_message.emit(area.value());
        })
    };
    html! {
        <section class="what-happened">
            <h2>{ t(lang, Text::WhatHappenedHeading) }</h2>
            <fieldset class="platforms">
                <legend>{ t(lang, Text::PlatformsLabel) }</legend>
                { for Platform::ALL.into_iter().map(|platform| {
                    let id = format!("platform-{}", platform.id());
                    let onchange = {
                        let toggle = props.on_toggle_platform.clone();
                        Callback::from(move |_: Event| toggle.emit(platform))
                    };
                    html! {
                        <label class="chip" for={id.clone()}>
                            <input type="checkbox" id={id.clone()} data-testid={id}
                                   checked={props.platforms.contains(&platform)} {onchange} />
                            { platform_name(platform, lang) }
                        </label>
                    }
                }) }
            </fieldset>
            <label for="message-input">{ t(lang, Text::MessageLabel) }</label>
            <textarea id="message-input" data-testid="message-input" rows="3"
                      placeholder={t(lang, Text::MessageHint)} value={props.message.clone()} {oninput} />
        </section>
    }
}
