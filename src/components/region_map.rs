//! A map drawn from the shipped outlines, with no tile server: the freeze regions (hatched and
//! labelled, so it reads without colour), the country borders, the user's stays (numbered dots)
//! and a line to the nearest region edge for each stay that is near one.

use std::rc::Rc;

use prescreen_core::i18n::Lang;
use prescreen_core::screening::Relation;
use prescreen_core::verdict::Screening;
use yew::prelude::*;

use crate::engine::protocol::Overview;
use crate::text::{Text, t};

#[derive(Properties)]
pub struct RegionMapProps {
    pub overview: Rc<Overview>,
    pub screening: Rc<Screening>,
    pub lang: Lang,
}

impl PartialEq for RegionMapProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.overview, &other.overview)
            && self.screening == other.screening
            && self.lang == other.lang
    }
}

/// An equirectangular projection of a lon/lat box onto an SVG user space of 1000 units wide.
struct Projection {
    west: f64,
    north: f64,
    scale_x: f64,
    scale_y: f64,
}

impl Projection {
    fn xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            (lon - self.west) * self.scale_x,
            (self.north - lat) * self.scale_y,
        )
    }
}

#[function_component(RegionMap)]
pub fn region_map(props: &RegionMapProps) -> Html {
    let zoom = use_state(|| 1.0_f64);
    let lang = props.lang;
    // The box: every region, plus the stays that are not far away.
    let mut west = f64::INFINITY;
    let mut east = f64::NEG_INFINITY;
    let mut south = f64::INFINITY;
    let mut north = f64::NEG_INFINITY;
    let mut extend = |lon: f64, lat: f64| {
        west = west.min(lon);
        east = east.max(lon);
        south = south.min(lat);
        north = north.max(lat);
    };
    let near_findings: Vec<_> = props
        .screening
        .findings
        .iter()
        .filter(|f| f.relation != Relation::Far)
        .collect();
    if near_findings.is_empty() {
        for region in &props.overview.regions {
            for exterior in region.polygons.iter().filter_map(|rings| rings.first()) {
                for &(lon, lat) in exterior.iter().step_by(8) {
                    extend(lon, lat);
                }
            }
        }
    }
    for finding in &near_findings {
        extend(finding.lon, finding.lat);
        if let Some((lat, lon)) = finding.nearest {
            extend(lon, lat);
        }
        // Show some context around a single stay: about 0.25° each way.
        extend(finding.lon - 0.25, finding.lat - 0.25);
        extend(finding.lon + 0.25, finding.lat + 0.25);
    }
    if !west.is_finite() {
        return html! {};
    }
    let (centre_lon, centre_lat) = ((west + east) / 2.0, (south + north) / 2.0);
    let half_w = (east - west) / 2.0 * 1.1 / *zoom;
    let half_h = (north - south) / 2.0 * 1.1 / *zoom;
    let cos = centre_lat.to_radians().cos();
    let width_units = 1000.0;
    let scale_x = width_units / (2.0 * half_w);
    let projection = Projection {
        west: centre_lon - half_w,
        north: centre_lat + half_h,
        scale_x,
        scale_y: scale_x / cos,
    };
    let height_units = (2.0 * half_h * projection.scale_y).clamp(200.0, 1600.0);
    let path = |points: &mut dyn Iterator<Item = (f64, f64)>| {
        let mut d = String::new();
        for (i, (lon, lat)) in points.enumerate() {
            let (x, y) = projection.xy(lon, lat);
            d.push_str(&format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" }));
        }
        d
    };
    let regions = props.overview.regions.iter().map(|region| {
        let mut d = String::new();
        // Each polygon: its exterior ring, then its holes (drawn even-odd).
        for ring in region.polygons.iter().flatten() {
            d.push_str(&path(&mut ring.iter().copied()));
            d.push('Z');
        }
        let [zh_cn, zh_tw, en] = &region.name;
        let label = lang.pick(zh_cn, zh_tw, en);
        let anchor = region.polygons.first().and_then(|p| p.first()).and_then(|r| r.first()).map(|&(lon, lat)| projection.xy(lon, lat));
        html! {
            <g class="region">
                <path d={d} fill="url(#hatch)" stroke="#8a1c1c" stroke-width="2" fill-rule="evenodd">
                    <title>{ label }</title>
                </path>
                if let Some((x, y)) = anchor {
                    <text x={format!("{x:.0}")} y={format!("{y:.0}")} class="map-label">{ label }</text>
                }
            </g>
        }
    });
    let borders = props.overview.borders.iter().map(|line| {
        let d = path(&mut line.iter().copied());
        html! { <path d={d} fill="none" stroke="#333" stroke-width="2" stroke-dasharray="8 4" /> }
    });
    let stays = near_findings.iter().map(|finding| {
        let (x, y) = projection.xy(finding.lon, finding.lat);
        let line = finding.nearest.map(|(lat, lon)| {
            let (nx, ny) = projection.xy(lon, lat);
            html! {
                <line x1={format!("{x:.1}")} y1={format!("{y:.1}")} x2={format!("{nx:.1}")} y2={format!("{ny:.1}")}
                      stroke="#0b5cad" stroke-width="3" stroke-dasharray="2 3" />
            }
        });
        html! {
            <g class="stay">
                { for line }
                <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r="12" fill="#0b5cad" stroke="#fff" stroke-width="3" />
                <text x={format!("{:.1}", x + 16.0)} y={format!("{:.1}", y - 12.0)} class="map-label">
                    { format!("{} · {:.1} km", finding.stay + 1, finding.distance_km) }
                </text>
            </g>
        }
    });
    let zoom_by = |factor: f64| {
        let zoom = zoom.clone();
        Callback::from(move |_| zoom.set((*zoom * factor).clamp(0.25, 16.0)))
    };
    html! {
        <figure class="map" data-testid="map">
            <svg viewBox={format!("0 0 {width_units:.0} {height_units:.0}")} role="img"
                 aria-label={t(lang, Text::Map)} preserveAspectRatio="xMidYMid meet">
                <defs>
                    <pattern id="hatch" width="12" height="12" patternUnits="userSpaceOnUse"
                             patternTransform="rotate(45)">
                        <line x1="0" y1="0" x2="0" y2="12" stroke="#8a1c1c" stroke-width="3" />
                    </pattern>
                </defs>
                { for regions }
                { for borders }
                { for stays }
            </svg>
            <figcaption>
                <button type="button" class="secondary" aria-label="+" onclick={zoom_by(2.0)}>{ "+" }</button>
                <button type="button" class="secondary" aria-label="−" onclick={zoom_by(0.5)}>{ "−" }</button>
                { " " }{ t(lang, Text::MapLegendRegion) }{ "；" }{ t(lang, Text::MapLegendStay) }
            </figcaption>
        </figure>
    }
}
