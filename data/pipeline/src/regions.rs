//! Approximate region outlines: Voronoi cells of MIMU points, grouped by township, clipped to land.

use std::collections::HashMap;

use geo::{
    Area, BooleanOps, BoundingRect, Coord, LineString, MultiPolygon, Polygon, Rect, unary_union,
};
use spade::{DelaunayTriangulation, Point2, Triangulation};

/// A MIMU village or town point.
pub struct Site {
    /// `V<village pcode>` or `T<town pcode>` (see data/prep/prep.py).
    pub id: String,
    pub township: String,
    pub lat: f64,
    pub lon: f64,
}

/// Voronoi cells are built in a plane where one unit east is as long as one unit north at this
/// latitude (the middle of the China–Myanmar border), so cells split distances fairly.
const MID_LAT_DEG: f64 = 24.0;

fn to_plane(lon: f64, lat: f64) -> Point2<f64> {
    Point2::new(lon * MID_LAT_DEG.to_radians().cos(), lat)
}

fn from_plane(p: Point2<f64>) -> Coord<f64> {
    Coord {
        x: p.x / MID_LAT_DEG.to_radians().cos(),
        y: p.y,
    }
}

/// The Voronoi cell of every distinct site, as (site index, polygon in lon/lat).
pub fn voronoi_cells(sites: &[Site]) -> Result<Vec<(usize, Polygon<f64>)>, String> {
    let mut tri: DelaunayTriangulation<Point2<f64>> = DelaunayTriangulation::new();
    let mut owner: HashMap<usize, usize> = HashMap::new();
    for (i, s) in sites.iter().enumerate() {
        let h = tri
            .insert(to_plane(s.lon, s.lat))
            .map_err(|e| format!("voronoi: site {i}: {e:?}"))?;
        owner.entry(h.index()).or_insert(i);
    }
    // A far ring of helper points closes the cells of the outermost sites.
    let (cx, cy) = (97.0 * MID_LAT_DEG.to_radians().cos(), 23.0);
    for k in 0..48 {
        let a = f64::from(k) * std::f64::consts::TAU / 48.0;
        tri.insert(Point2::new(cx + 30.0 * a.cos(), cy + 30.0 * a.sin()))
            .map_err(|e| format!("voronoi: helper point: {e:?}"))?;
    }
    let mut cells = Vec::new();
    for v in tri.fixed_vertices() {
        let Some(&site) = owner.get(&v.index()) else {
            continue;
        };
        let vh = tri.vertex(v);
        let mut ring: Vec<Coord<f64>> = Vec::new();
        for e in vh.out_edges() {
            let Some(face) = e.face().as_inner() else {
                return Err(format!("voronoi: site {site} is on the hull"));
            };
            ring.push(from_plane(face.circumcenter()));
        }
        // out_edges turns counter-clockwise around the site, so the ring is counter-clockwise.
        if ring.len() >= 3 {
            cells.push((site, Polygon::new(LineString::from(ring), vec![])));
        }
    }
    Ok(cells)
}

/// Km² of a lon/lat polygon (equirectangular at its own latitude; good to a few % here).
pub fn area_km2(mp: &MultiPolygon<f64>) -> f64 {
    let Some(r) = mp.bounding_rect() else {
        return 0.0;
    };
    let lat = (r.min().y + r.max().y) / 2.0;
    mp.unsigned_area() * 111.320 * lat.to_radians().cos() * 110.574
}

/// Drop slivers and pin-holes (under `min_km2`) that a union of many cells can leave.
fn tidy(mp: MultiPolygon<f64>, min_km2: f64) -> MultiPolygon<f64> {
    let polys =
        mp.0.into_iter()
            .filter(|p| area_km2(&MultiPolygon(vec![p.clone()])) >= min_km2)
            .map(|p| {
                let (ext, ints) = p.into_inner();
                let keep = ints
                    .into_iter()
                    .filter(|r| {
                        area_km2(&MultiPolygon(vec![Polygon::new(r.clone(), vec![])])) >= min_km2
                    })
                    .collect();
                Polygon::new(ext, keep)
            })
            .collect();
    MultiPolygon(polys)
}

/// The union of `cells` clipped to `land`: both are first cut to the cells' sites' box plus a
/// margin, which keeps the boolean operations small.
pub fn outline(
    cells: &[&Polygon<f64>],
    site_box: Rect<f64>,
    land: &MultiPolygon<f64>,
) -> MultiPolygon<f64> {
    let m = 0.4;
    let rect = Rect::new(
        Coord {
            x: site_box.min().x - m,
            y: site_box.min().y - m,
        },
        Coord {
            x: site_box.max().x + m,
            y: site_box.max().y + m,
        },
    )
    .to_polygon();
    let union = unary_union(cells.iter().copied());
    let union = union.intersection(&rect);
    let land = land.intersection(&rect);
    tidy(land.intersection(&union), 0.05)
}
