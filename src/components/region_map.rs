//! The result map: the engine draws it as one `<svg>` element ([`MapView`], crates/engine
//! map.rs: the freeze regions hatched and labelled, the country borders and names, the stays and
//! a line to the nearest region edge, a scale bar), with no tile server. The page places that
//! markup as it is, and zooms by substituting its size tokens ([`MapView::at_zoom`]): zoom
//! changes the viewBox, and marks keep their size on screen.

use std::rc::Rc;

use prescreen_core::i18n::Lang;
use yew::prelude::*;

use crate::engine::protocol::{MapView, ZOOM_STEPS};
use crate::text::{Text, t};

#[derive(Properties, PartialEq)]
pub struct RegionMapProps {
    pub map: Rc<MapView>,
    pub lang: Lang,
}

#[function_component(RegionMap)]
pub fn region_map(props: &RegionMapProps) -> Html {
    let step = use_state(|| 0_i32);
    let lang = props.lang;
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
            // Markup written by the engine, its texts escaped there.
            { Html::from_html_unchecked(props.map.at_zoom(*step).into()) }
            <figcaption>
                <button type="button" class="secondary" aria-label="+" onclick={zoom_by(1)}>{ "+" }</button>
                <button type="button" class="secondary" aria-label="−" onclick={zoom_by(-1)}>{ "−" }</button>
                { " " }{ t(lang, Text::MapLegendRegion) }{ "；" }{ t(lang, Text::MapLegendStay) }
            </figcaption>
        </figure>
    }
}
