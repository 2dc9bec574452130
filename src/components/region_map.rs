//! A map drawn from the shipped outlines, with no tile server: the freeze regions (hatched and
//! labelled, so it reads without colour), the country borders, the user's stays (numbered dots)
//! and a line to the nearest region edge for each stay that is near one. The engine draws the
//! paths ([`MapView`]); zoom only changes the viewBox, and marks keep their size on screen.

use std::rc::Rc;

use prescreen_core::i18n::Lang;
use yew::prelude::*;

use crate::engine::protocol::MapView;
use crate::text::{Text, t};

#[derive(Properties, PartialEq)]
pub struct RegionMapProps {
    pub map: Rc<MapView>,
    pub lang: Lang,
}

/// Zoom steps: 2^step, from ¼× to 16×.
const ZOOM_STEPS: std::ops::RangeInclusive<i32> = -2..=4;

#[function_component(RegionMap)]
pub fn region_map(props: &RegionMapProps) -> Html {
    let step = use_state(|| 0_i32);
    let lang = props.lang;
    let map = &props.map;
    // Divide by the zoom: sizes that must look the same at every zoom, and the visible box.
    let unzoom = |units: i32| -> i32 {
        if *step >= 0 {
            units >> *step
        } else {
            units << -*step
        }
    };
    let (w, h) = (unzoom(map.width), unzoom(map.height));
    let view_box = format!("{} {} {w} {h}", (map.width - w) / 2, (map.height - h) / 2);
    let stroke = unzoom(20).max(1).to_string();
    let font = unzoom(220).max(1).to_string();
    // The white outline that keeps labels readable over the hatching.
    let halo = unzoom(40).max(1).to_string();
    let regions = map.regions.iter().map(|region| {
        let [zh_cn, zh_tw, en] = &region.name;
        let label = lang.pick(zh_cn, zh_tw, en);
        html! {
            <g class="region">
                <path d={region.d.clone()} fill="url(#hatch)" stroke="#8a1c1c" stroke-width={stroke.clone()}
                      fill-rule="evenodd">
                    <title>{ label }</title>
                </path>
                if let Some((x, y)) = region.label_at {
                    <text x={x.to_string()} y={y.to_string()} font-size={font.clone()} stroke-width={halo.clone()} class="map-label">{ label }</text>
                }
            </g>
        }
    });
    let borders = map.borders.iter().map(|d| {
        let dash = format!("{} {}", unzoom(80), unzoom(40));
        html! { <path d={d.clone()} fill="none" stroke="#333" stroke-width={stroke.clone()} stroke-dasharray={dash} /> }
    });
    let stays = map.stays.iter().map(|stay| {
        let (x, y) = stay.at;
        let line = stay.nearest.map(|(nx, ny)| {
            let dash = format!("{} {}", unzoom(20), unzoom(30));
            html! {
                <line x1={x.to_string()} y1={y.to_string()} x2={nx.to_string()} y2={ny.to_string()}
                      stroke="#0b5cad" stroke-width={unzoom(30).max(1).to_string()} stroke-dasharray={dash} />
            }
        });
        html! {
            <g class="stay">
                { for line }
                <circle cx={x.to_string()} cy={y.to_string()} r={unzoom(120).to_string()} fill="#0b5cad"
                        stroke="#fff" stroke-width={unzoom(30).max(1).to_string()} />
                <text x={(x + unzoom(160)).to_string()} y={(y - unzoom(120)).to_string()} font-size={font.clone()}
                      stroke-width={halo.clone()} class="map-label">
                    { &stay.label }
                </text>
            </g>
        }
    });
    let zoom_by = |delta: i32| {
        let step = step.clone();
        Callback::from(move |_| {
            let next = *step + delta;
            if ZOOM_STEPS.contains(&next) {
                step.set(next);
            }
        })
    };
    html! {
        <figure class="map" data-testid="map">
            <svg viewBox={view_box} role="img" aria-label={t(lang, Text::Map)} preserveAspectRatio="xMidYMid meet">
                <defs>
                    <pattern id="hatch" width={unzoom(120).max(1).to_string()} height={unzoom(120).max(1).to_string()}
                             patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <line x1="0" y1="0" x2="0" y2={unzoom(120).max(1).to_string()} stroke="#8a1c1c"
                              stroke-width={unzoom(30).max(1).to_string()} />
                    </pattern>
                </defs>
                { for regions }
                { for borders }
                { for stays }
            </svg>
            <figcaption>
                <button type="button" class="secondary" aria-label="+" onclick={zoom_by(1)}>{ "+" }</button>
                <button type="button" class="secondary" aria-label="−" onclick={zoom_by(-1)}>{ "−" }</button>
                { " " }{ t(lang, Text::MapLegendRegion) }{ "；" }{ t(lang, Text::MapLegendStay) }
            </figcaption>
        </figure>
    }
}
