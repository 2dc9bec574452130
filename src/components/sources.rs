//! Where the data comes from: every region and event with its sources, confidence and method,
//! and the OpenStreetMap attribution the ODbL asks for.

use std::rc::Rc;

use prescreen_core::i18n::Lang;
use yew::prelude::*;

use crate::engine::protocol::{Overview, SourceEntry};

#[derive(Properties)]
pub struct SourcesProps {
    pub overview: Rc<Overview>,
    pub lang: Lang,
}

impl PartialEq for SourcesProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.overview, &other.overview) && self.lang == other.lang
    }
}

#[function_component(Sources)]
pub fn sources(props: &SourcesProps) -> Html {
    let lang = props.lang;
    let entry = |entry: &SourceEntry| {
        let [zh_cn, zh_tw, en] = &entry.name;
        html! {
            <li>
                <strong>{ lang.pick(zh_cn, zh_tw, en) }</strong>
                { " " }<small>{ &entry.detail }</small>
                <ul>
                    { for entry.sources.iter().map(|(url, title)| html! {
                        <li><a href={url.clone()} rel="noopener noreferrer" target="_blank">{ title }</a></li>
                    }) }
                </ul>
            </li>
        }
    };
    // The lists are built when the person opens the section, not at start-up.
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    html! {
        <details class="sources" data-testid="sources" ontoggle={on_toggle}>
            <summary>{ lang.pick("资料来源与版权", "資料來源與版權", "Sources and attribution") }</summary>
            <p>
                { lang.pick(
                    "国界和区域轮廓取自 OpenStreetMap 数据（© OpenStreetMap 贡献者，ODbL 许可）。区域轮廓是近似的，下面写明了做法和可信度。",
                    "國界和區域輪廓取自 OpenStreetMap 資料（© OpenStreetMap 貢獻者，ODbL 授權）。區域輪廓是近似的，下面寫明了做法和可信度。",
                    "Country borders and region outlines are derived from OpenStreetMap data (© OpenStreetMap contributors, ODbL). Region outlines are approximate; the method and confidence are given below.",
                ) }
            </p>
            if *open {
                <h3>{ lang.pick("封停事件", "封停事件", "Freeze events") }</h3>
                <ul>{ for props.overview.events.iter().map(entry) }</ul>
                <h3>{ lang.pick("区域", "區域", "Regions") }</h3>
                <ul>{ for props.overview.region_sources.iter().map(entry) }</ul>
            }
        </details>
    }
}
