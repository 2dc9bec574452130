//! A map drawn from the shipped outlines, with no tile server: the freeze regions (hatched and
//! labelled, so it reads without colour), the country borders and the countries' names on each
//! side, the user's stays (numbered dots named by place) and a line to the nearest region edge
//! for each stay that is near one, and a scale bar. The engine draws the
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
    // ~12 px at 320 px wide: readable on the smallest phone.
    let font = unzoom(380).max(1).to_string();
    // The white outline that keeps labels readable over the hatching.
    let halo = unzoom(40).max(1).to_string();
    let regions = map.regions.iter().map(|region| {
        let [zh_cn, zh_tw, en] = &region.name;
        let label = lang.pick(zh_cn, zh_tw, en);
        // The short name on the map ("小勐拉"), the full one in the tooltip.
        let short = label.split(['（', '(']).next().unwrap_or(label).trim();
        html! {
            <g class="region">
                <path d={region.d.clone()} fill="url(#hatch)" stroke="#8a1c1c" stroke-width={stroke.clone()}
                      fill-rule="evenodd">
                    <title>{ label }</title>
                </path>
                if let Some((x, y)) = region.label_at {
                    <text x={x.to_string()} y={y.to_string()} font-size={font.clone()} stroke-width={halo.clone()} class="map-label">{ short }</text>
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
    let countries = map.countries.iter().filter_map(|country| {
        let [zh_cn, zh_tw, en] = &country.name;
        let (x, y) = country.label_at?;
        Some(html! {
            <text x={x.to_string()} y={y.to_string()} font-size={font.clone()} stroke-width={halo.clone()}
                  text-anchor="middle" class="map-country">{ lang.pick(zh_cn, zh_tw, en) }</text>
        })
    });
    // A scale bar of a round number of km, about a quarter of what is in view, bottom left.
    let scale = (map.km_across > 0).then(|| {
        let visible_km = i64::from(map.km_across) * i64::from(w) / i64::from(map.width);
        let km = [1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]
            .into_iter()
            .find(|km| km * 4 <= visible_km)
            .unwrap_or(1);
        let length = (km * i64::from(map.width) / i64::from(map.km_across).max(1)) as i32;
        let (x, y) = ((map.width - w) / 2 + w / 20, (map.height - h) / 2 + h - h / 12);
        let tick = unzoom(120);
        html! {
            <g class="scale" data-testid="map-scale">
                <path d={format!("M{x},{}v{tick}h{length}v-{tick}", y - tick)} fill="none" stroke="#1a1a1a"
                      stroke-width={unzoom(40).max(1).to_string()} />
                <text x={x.to_string()} y={(y - tick - unzoom(60)).to_string()} font-size={font.clone()}
                      stroke-width={halo.clone()} class="map-label">
                    { format!("{km} {}", lang.pick("公里", "公里", "km")) }
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
                { for countries }
                { for scale }
            </svg>
            <figcaption>
                <button type="button" class="secondary" aria-label="+" onclick={zoom_by(1)}>{ "+" }</button>
                <button type="button" class="secondary" aria-label="−" onclick={zoom_by(-1)}>{ "−" }</button>
                { " " }{ t(lang, Text::MapLegendRegion) }{ "；" }{ t(lang, Text::MapLegendStay) }
            </figcaption>
        </figure>
    }
}
