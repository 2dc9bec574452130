//! The result map, drawn by the engine: SVG paths of the regions, the country borders and the
//! stays, in whole units of a 10 000-unit-wide box, so the page only places ready strings (and
//! zooms by changing the viewBox) and needs no geometry or number formatting of its own.

use prescreen_core::data::DataSet;
use prescreen_core::screening::Relation;
use prescreen_core::verdict::Screening;
use prescreen_protocol::{MapShape, MapStay, MapView, WIDTH};

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
        .filter(|f| f.relation != Relation::Far)
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
            MapShape {
                name: [p.name_zh.clone(), p.name_zh_tw.clone(), p.name_en.clone()],
                d,
                label_at: region
                    .shape
                    .0
                    .first()
                    .and_then(|p| p.exterior().0.first())
                    .map(|c| projection.xy(c.x, c.y)),
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
    let stays = near
        .iter()
        .map(|finding| MapStay {
            label: format!("{} · {:.1} km", finding.stay + 1, finding.distance_km),
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
    })
}
