//! The result map, drawn by the engine as one `<svg>` element: the regions (hatched and labelled,
//! so it reads without colour), the country borders and the countries' names on each side, the
//! stays (numbered dots named by place) with a line to the nearest region edge for each stay
//! that is near one, and a scale bar, in whole units of a 10 000-unit-wide box. The page places
//! the markup as it is and zooms by substituting its size tokens ([`MapView::at_zoom`]): zoom
//! changes the viewBox, and marks keep their size on screen. No tile server, no geometry or
//! drawing code on the page.

use std::fmt::Write;

use prescreen_core::data::DataSet;
use prescreen_core::i18n::Lang;
use prescreen_core::screening::Relation;
use prescreen_core::verdict::Screening;
use prescreen_protocol::{MapView, WIDTH, ZOOM_STEPS, unzoom};

/// The countries the shipped borders separate, by ISO code: zh-CN, zh-TW, en.
const COUNTRIES: [(&str, [&str; 3]); 4] = [
    ("CN", ["中国", "中國", "China"]),
    ("MM", ["缅甸", "緬甸", "Myanmar"]),
    ("LA", ["老挝", "寮國", "Laos"]),
    ("VN", ["越南", "越南", "Vietnam"]),
];

/// A point well inside China (Kunming, lon/lat): every shipped border (China–Myanmar, –Laos,
/// –Vietnam) has China on the side nearer to it, which is how a label finds its side.
const INSIDE_CHINA: (f64, f64) = (102.71, 25.04);

/// An equirectangular projection of a lon/lat box onto the drawing.
struct Projection {
    west: f64,
    north: f64,
    scale_x: f64,
    scale_y: f64,
}

impl Projection {
    fn xy(&self, lon: f64, lat: f64) -> (i32, i32) {
        (
            ((lon - self.west) * self.scale_x).round() as i32,
            ((self.north - lat) * self.scale_y).round() as i32,
        )
    }

    fn path(&self, points: impl Iterator<Item = (f64, f64)>) -> String {
        let mut d = String::new();
        let mut last = None;
        for (lon, lat) in points {
            let point = self.xy(lon, lat);
            // Whole units: consecutive points that round to the same unit add nothing.
            if last == Some(point) {
                continue;
            }
            d.push(if last.is_none() { 'M' } else { 'L' });
            d.push_str(&format!("{},{}", point.0, point.1));
            last = Some(point);
        }
        d
    }
}

/// Text for the markup: escaped for HTML, and `{` too, which the page reads as a size token.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '{' => out.push_str("&#123;"),
            c => out.push(c),
        }
    }
    out
}

/// A label of the map at (`x`, `y`) (markup, escaped); `class` is `map-label` or `map-country`.
fn label(svg: &mut String, (x, y): (&str, &str), class: &str, text: &str) {
    let anchor = if class == "map-country" {
        r#" text-anchor="middle""#
    } else {
        ""
    };
    let _ = write!(
        svg,
        r#"<text x="{x}" y="{y}" font-size="{{380}}" stroke-width="{{40}}"{anchor} class="{class}">{}</text>"#,
        escape(text)
    );
}

/// Draws the regions, borders and the stays of `screening` that are not far away, its texts in
/// `lang`; the box holds every region when no stay is near one, else the near stays with some
/// context.
pub fn map_view(data: &DataSet, screening: &Screening, lang: Lang) -> Option<MapView> {
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
    let near: Vec<_> = screening
        .findings
        .iter()
        // The map draws the 2019 regions: a later event's place (a country, a prefecture) is
        // not framed on it.
        .filter(|f| f.relation != Relation::Far && data.regions.region(&f.region).is_some())
        .collect();
    let regions = &data.regions.regions;
    if near.is_empty() {
        for region in regions {
            for polygon in &region.shape.0 {
                for c in polygon.exterior().0.iter().step_by(8) {
                    extend(c.x, c.y);
                }
            }
        }
    }
    for finding in &near {
        extend(finding.lon, finding.lat);
        if let Some((lat, lon)) = finding.nearest {
            extend(lon, lat);
        }
        // Show some context around a single stay: about 0.25° each way.
        extend(finding.lon - 0.25, finding.lat - 0.25);
        extend(finding.lon + 0.25, finding.lat + 0.25);
    }
    if !west.is_finite() {
        return None;
    }
    let (centre_lon, centre_lat) = ((west + east) / 2.0, (south + north) / 2.0);
    let half_w = (east - west) / 2.0 * 1.1;
    let half_h = (north - south) / 2.0 * 1.1;
    let scale_x = f64::from(WIDTH) / (2.0 * half_w);
    let projection = Projection {
        west: centre_lon - half_w,
        north: centre_lat + half_h,
        scale_x,
        scale_y: scale_x / centre_lat.to_radians().cos(),
    };
    let height = (2.0 * half_h * projection.scale_y).clamp(2_000.0, 16_000.0) as i32;
    let pick = |names: [&str; 3]| lang.pick(names[0], names[1], names[2]).to_owned();
    let mut svg = format!(
        r##"<svg viewBox="{{V}}" role="img" aria-label="{}" preserveAspectRatio="xMidYMid meet"><defs><pattern id="hatch" width="{{120}}" height="{{120}}" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="{{120}}" stroke="#8a1c1c" stroke-width="{{30}}"></line></pattern></defs>"##,
        lang.pick("地图", "地圖", "Map")
    );
    for region in regions {
        let p = &region.properties;
        let mut d = String::new();
        for polygon in &region.shape.0 {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                d.push_str(&projection.path(ring.0.iter().map(|c| (c.x, c.y))));
                d.push('Z');
            }
        }
        // Named where a stay comes nearest to it, else at its point nearest the centre.
        let near_edge = near
            .iter()
            .filter(|f| f.region == p.id)
            .find_map(|f| f.nearest)
            .map(|(lat, lon)| (lon, lat));
        let label_at = near_edge
            .or_else(|| {
                region
                    .shape
                    .0
                    .iter()
                    .flat_map(|p| p.exterior().0.iter())
                    .map(|c| (c.x, c.y))
                    .min_by(|a, b| {
                        let d = |(x, y): (f64, f64)| (x - centre_lon).hypot(y - centre_lat);
                        d(*a).total_cmp(&d(*b))
                    })
            })
            .map(|(lon, lat)| projection.xy(lon, lat));
        let name = pick([&p.name_zh, &p.name_zh_tw, &p.name_en]);
        let _ = write!(
            svg,
            r##"<g class="region"><path d="{d}" fill="url(#hatch)" stroke="#8a1c1c" stroke-width="{{20}}" fill-rule="evenodd"><title>{}</title></path>"##,
            escape(&name)
        );
        if let Some((x, y)) = label_at {
            // The short name on the map ("小勐拉"), the full one in the tooltip.
            let short = name.split(['（', '(']).next().unwrap_or(&name).trim();
            label(
                &mut svg,
                (&x.to_string(), &y.to_string()),
                "map-label",
                short,
            );
        }
        svg.push_str("</g>");
    }
    for border in &data.regions.borders {
        let d: String = border
            .line
            .0
            .iter()
            .map(|line| projection.path(line.0.iter().map(|c| (c.x, c.y))))
            .collect();
        let _ = write!(
            svg,
            r##"<path d="{d}" fill="none" stroke="#333" stroke-width="{{20}}" stroke-dasharray="{{80}} {{40}}"></path>"##
        );
    }
    for finding in &near {
        let (x, y) = projection.xy(finding.lon, finding.lat);
        svg.push_str(r#"<g class="stay">"#);
        if let Some((lat, lon)) = finding.nearest {
            let (nx, ny) = projection.xy(lon, lat);
            let _ = write!(
                svg,
                r##"<line x1="{x}" y1="{y}" x2="{nx}" y2="{ny}" stroke="#0b5cad" stroke-width="{{30}}" stroke-dasharray="{{20}} {{30}}"></line>"##
            );
        }
        let _ = write!(
            svg,
            r##"<circle cx="{x}" cy="{y}" r="{{120}}" fill="#0b5cad" stroke="#fff" stroke-width="{{30}}"></circle>"##
        );
        // "1 打洛镇 · 0–9 km": the stay's number, its place and its distance to the region.
        let text = format!(
            "{} {}· {} km",
            finding.stay + 1,
            finding
                .place
                .as_deref()
                .map(|p| format!("{p} "))
                .unwrap_or_default(),
            if finding.radius_km > 0.0 {
                format!("{:.0}–{:.0}", finding.distance_km, finding.distance_max_km)
            } else {
                format!("{:.1}", finding.distance_km)
            }
        );
        let at = (format!("{{{x}:160}}"), format!("{{{y}:-120}}"));
        label(&mut svg, (&at.0, &at.1), "map-label", &text);
        svg.push_str("</g>");
    }
    for (names, (x, y)) in
        country_labels(data, &projection, (centre_lon, centre_lat), half_w, half_h)
    {
        label(
            &mut svg,
            (&x.to_string(), &y.to_string()),
            "map-country",
            &pick(names),
        );
    }
    svg.push_str("{S}</svg>");
    let km_across = (2.0 * half_w * 111.32 * centre_lat.to_radians().cos()).round() as u32;
    let (views, scales) = ZOOM_STEPS
        .map(|step| zoomed(step, height, km_across, lang))
        .unzip();
    Some(MapView { svg, views, scales })
}

/// At zoom step `step`: the viewBox (the middle of the drawing, `height` units tall at zoom 1)
/// and the scale bar, a round number of km about a quarter of what is in view, bottom left
/// (none when the width in km is not known).
fn zoomed(step: i32, height: i32, km_across: u32, lang: Lang) -> (String, String) {
    let (w, h) = (unzoom(WIDTH, step), unzoom(height, step));
    let (left, top) = ((WIDTH - w) / 2, (height - h) / 2);
    let view = format!("{left} {top} {w} {h}");
    if km_across == 0 {
        return (view, String::new());
    }
    let visible_km = i64::from(km_across) * i64::from(w) / i64::from(WIDTH);
    let km = [1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]
        .into_iter()
        .find(|km| km * 4 <= visible_km)
        .unwrap_or(1);
    let length = km * i64::from(WIDTH) / i64::from(km_across);
    let (x, y) = (left + w / 20, top + h - h / 12);
    let tick = unzoom(120, step);
    let mut scale = format!(
        r##"<g class="scale" data-testid="map-scale"><path d="M{x},{}v{tick}h{length}v-{tick}" fill="none" stroke="#1a1a1a" stroke-width="{{40}}"></path>"##,
        y - tick
    );
    let text_y = (y - tick - unzoom(60, step)).to_string();
    let text = format!("{km} {}", lang.pick("公里", "公里", "km"));
    label(&mut scale, (&x.to_string(), &text_y), "map-label", &text);
    scale.push_str("</g>");
    (view, scale)
}

/// The names of the countries on both sides of each border in view, a little off the border
/// point nearest the centre (China once, on the side nearer [`INSIDE_CHINA`]).
fn country_labels(
    data: &DataSet,
    projection: &Projection,
    (centre_lon, centre_lat): (f64, f64),
    half_w: f64,
    half_h: f64,
) -> Vec<([&'static str; 3], (i32, i32))> {
    let in_view = |(lon, lat): (f64, f64)| {
        (lon - centre_lon).abs() < half_w * 0.9 && (lat - centre_lat).abs() < half_h * 0.9
    };
    let cos = centre_lat.to_radians().cos();
    // Per border in view: (distance of its nearest point to the centre, China's side, the other side, code).
    let mut sides = Vec::new();
    for border in &data.regions.borders {
        let Some(other) = border.properties.country.strip_prefix("CN-") else {
            continue;
        };
        let nearest = border
            .line
            .0
            .iter()
            .flat_map(|line| line.0.windows(2))
            .map(|w| ((w[0].x, w[0].y), (w[1].x, w[1].y)))
            .filter(|(a, _)| in_view(*a))
            .min_by(|(a, _), (b, _)| {
                let d = |(x, y): (f64, f64)| ((x - centre_lon) * cos).hypot(y - centre_lat);
                d(*a).total_cmp(&d(*b))
            });
        let Some(((x, y), (x2, y2))) = nearest else {
            continue;
        };
        // The normal of the border there, 0.4 of the smaller half-side long (lat degrees).
        let (dx, dy) = ((x2 - x) * cos, y2 - y);
        let len = dx.hypot(dy);
        if len == 0.0 {
            continue;
        }
        let off = (half_w * cos).min(half_h) * 0.4;
        let a = (x - dy / len * off / cos, y + dx / len * off);
        let b = (x + dy / len * off / cos, y - dx / len * off);
        let to_china = |(px, py): (f64, f64)| (px - INSIDE_CHINA.0).hypot(py - INSIDE_CHINA.1);
        let (china, beyond) = if to_china(a) <= to_china(b) {
            (a, b)
        } else {
            (b, a)
        };
        let distance = ((x - centre_lon) * cos).hypot(y - centre_lat);
        sides.push((distance, china, beyond, other));
    }
    sides.sort_by(|a, b| a.0.total_cmp(&b.0));
    let name = |code: &str| COUNTRIES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n);
    let mut labels = Vec::new();
    for (n, (_, china, beyond, other)) in sides.iter().enumerate() {
        let mut add = |code: &str, (lon, lat): (f64, f64)| {
            if let Some(name) = name(code).filter(|_| in_view((lon, lat))) {
                labels.push((name, projection.xy(lon, lat)));
            }
        };
        if n == 0 {
            add("CN", *china);
        }
        add(other, *beyond);
    }
    labels
}

#[cfg(test)]
mod tests {
    /// Texts reach the page as markup: nothing in a name can open a tag, an entity or a token.
    #[test]
    fn texts_are_escaped_for_the_markup_and_its_tokens() {
        assert_eq!(
            super::escape("<b>A&B {380}</b>"),
            "&lt;b&gt;A&amp;B &#123;380}&lt;/b&gt;"
        );
    }
}
