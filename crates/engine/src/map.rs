//! The result map, drawn by the engine: SVG paths of the regions, the country borders and the
//! stays, in whole units of a 10 000-unit-wide box, so the page only places ready strings (and
//! zooms by changing the viewBox) and needs no geometry or number formatting of its own.

use prescreen_core::data::DataSet;
use prescreen_core::screening::Relation;
use prescreen_core::verdict::Screening;
use prescreen_protocol::{MapShape, MapStay, MapView, WIDTH};

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

/// Draws the regions, borders and the stays of `screening` that are not far away; the box
/// holds every region when no stay is near one, else the near stays with some context.
pub fn map_view(data: &DataSet, screening: &Screening) -> Option<MapView> {
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
    let shapes = regions
        .iter()
        .map(|region| {
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
            MapShape {
                name: [p.name_zh.clone(), p.name_zh_tw.clone(), p.name_en.clone()],
                d,
                label_at,
            }
        })
        .collect();
    let borders = data
        .regions
        .borders
        .iter()
        .map(|border| {
            border
                .line
                .0
                .iter()
                .map(|line| projection.path(line.0.iter().map(|c| (c.x, c.y))))
                .collect()
        })
        .collect();
    let countries = country_labels(data, &projection, (centre_lon, centre_lat), half_w, half_h);
    let stays = near
        .iter()
        .map(|finding| MapStay {
            label: format!(
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
            ),
            at: projection.xy(finding.lon, finding.lat),
            nearest: finding.nearest.map(|(lat, lon)| projection.xy(lon, lat)),
        })
        .collect();
    Some(MapView {
        width: WIDTH,
        height,
        regions: shapes,
        borders,
        stays,
        countries,
        km_across: (2.0 * half_w * 111.32 * centre_lat.to_radians().cos()).round() as u32,
    })
}

/// The names of the countries on both sides of each border in view, a little off the border
/// point nearest the centre (China once, on the side nearer [`INSIDE_CHINA`]).
fn country_labels(
    data: &DataSet,
    projection: &Projection,
    (centre_lon, centre_lat): (f64, f64),
    half_w: f64,
    half_h: f64,
) -> Vec<MapShape> {
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
    let name = |code: &str| {
        COUNTRIES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, n)| n.map(str::to_owned))
    };
    let mut labels = Vec::new();
    for (n, (_, china, beyond, other)) in sides.iter().enumerate() {
        let mut add = |code: &str, (lon, lat): (f64, f64)| {
            if let Some(name) = name(code).filter(|_| in_view((lon, lat))) {
                labels.push(MapShape {
                    name,
                    d: String::new(),
                    label_at: Some(projection.xy(lon, lat)),
                });
            }
        };
        if n == 0 {
            add("CN", *china);
        }
        add(other, *beyond);
    }
    labels
}
