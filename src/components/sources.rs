//! Where the data comes from: every region and event with its sources, confidence and method,
//! and the OpenStreetMap attribution the ODbL asks for.

use std::rc::Rc;

use prescreen_core::dataset::DataSet;
use prescreen_core::i18n::Lang;
use yew::prelude::*;

#[derive(Properties)]
pub struct SourcesProps {
    pub data: Rc<DataSet>,
    pub lang: Lang,
}

impl PartialEq for SourcesProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data) && self.lang == other.lang
    }
}

fn confidence(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[function_component(Sources)]
pub fn sources(props: &SourcesProps) -> Html {
    let lang = props.lang;
    let link = |url: &str, title: &str| {
        html! {
            <li><a href={url.to_owned()} rel="noopener noreferrer" target="_blank">{ title.to_owned() }</a></li>
        }
    };
    html! {
        <details class="sources" data-testid="sources">
            <summary>{ lang.pick("资料来源与版权", "資料來源與版權", "Sources and attribution") }</summary>
            <p>
                { lang.pick(
                    "国界和区域轮廓取自 OpenStreetMap 数据（© OpenStreetMap 贡献者，ODbL 许可）。区域轮廓是近似的，下面写明了做法和可信度。",
                    "國界和區域輪廓取自 OpenStreetMap 資料（© OpenStreetMap 貢獻者，ODbL 授權）。區域輪廓是近似的，下面寫明了做法和可信度。",
                    "Country borders and region outlines are derived from OpenStreetMap data (© OpenStreetMap contributors, ODbL). Region outlines are approximate; the method and confidence are given below.",
                ) }
            </p>
            <h3>{ lang.pick("封停事件", "封停事件", "Freeze events") }</h3>
            <ul>
                { for props.data.events.iter().map(|event| html! {
                    <li>
                        <strong>{ lang.pick(&event.title_zh, &event.title_zh, &event.title_en) }</strong>
                        { format!(" ({}, {})", event.effective, confidence(event.confidence)) }
                        <ul>{ for event.sources.iter().map(|s| link(&s.url, &s.title)) }</ul>
                    </li>
                }) }
            </ul>
            <h3>{ lang.pick("区域", "區域", "Regions") }</h3>
            <ul>
                { for props.data.regions.regions.iter().map(|region| {
                    let p = &region.properties;
                    html! {
                        <li>
                            <strong>{ lang.pick(&p.name_zh, &p.name_zh_tw, &p.name_en) }</strong>
                            { format!(" ({}) ", confidence(p.confidence)) }
                            <small>{ &p.method }</small>
                            <ul>{ for p.sources.iter().map(|s| link(&s.url, &s.title)) }</ul>
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}
