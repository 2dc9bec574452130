//! Country borders: shared edges of two land polygons, simplified, with the error measured.

use std::collections::HashSet;

use geo::{Coord, LineString, MultiPolygon, SimplifyIdx};

/// Coordinates in the input have 5 decimals: quantise to compare them exactly.
type Key = (i64, i64);

fn key(c: Coord<f64>) -> Key {
    ((c.x * 1e5).round() as i64, (c.y * 1e5).round() as i64)
}

fn edge(a: Key, b: Key) -> (Key, Key) {
    if a <= b { (a, b) } else { (b, a) }
}

fn rings(mp: &MultiPolygon<f64>) -> impl Iterator<Item = &LineString<f64>> {
    mp.0.iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
}

/// The lines along which `a` and `b` touch: runs of consecutive edges of `b`'s rings that are
/// also edges of `a`'s rings.
pub fn shared_lines(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>) -> Vec<LineString<f64>> {
    let mut edges = HashSet::new();
    for ring in rings(a) {
        for w in ring.0.windows(2) {
            edges.insert(edge(key(w[0]), key(w[1])));
        }
    }
    let mut lines: Vec<LineString<f64>> = Vec::new();
    for ring in rings(b) {
        let pts = &ring.0;
        let n = pts.len();
        if n < 2 {
            continue;
        }
        let shared: Vec<bool> = pts
            .windows(2)
            .map(|w| edges.contains(&edge(key(w[0]), key(w[1]))))
            .collect();
        if shared.iter().all(|s| *s) {
            lines.push(ring.clone());
            continue;
        }
        // Start the walk just after a non-shared edge, so a run never wraps around the ring's end.
        let m = shared.len();
        let start = (0..m).find(|&i| !shared[i]).map_or(0, |i| (i + 1) % m);
        let mut run: Vec<Coord<f64>> = Vec::new();
        for k in 0..m {
            let i = (start + k) % m;
            if shared[i] {
                if run.is_empty() {
                    run.push(pts[i]);
                }
                run.push(pts[i + 1]);
            } else if run.len() >= 2 {
                lines.push(LineString::from(std::mem::take(&mut run)));
            } else {
                run.clear();
            }
        }
        if run.len() >= 2 {
            lines.push(LineString::from(run));
        }
    }
    lines
}

/// Distance in km from `p` to the segment `a`–`b` (local equirectangular projection at `p`).
pub fn point_segment_km(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> f64 {
    let kx = 111.320 * p.y.to_radians().cos();
    let ky = 110.574;
    let (ax, ay) = ((a.x - p.x) * kx, (a.y - p.y) * ky);
    let (bx, by) = ((b.x - p.x) * kx, (b.y - p.y) * ky);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (-(ax * dx + ay * dy) / len2).clamp(0.0, 1.0)
    };
    let (cx, cy) = (ax + t * dx, ay + t * dy);
    (cx * cx + cy * cy).sqrt()
}

/// A simplified border and how far it strays from the full-resolution one.
pub struct Simplified {
    pub lines: Vec<LineString<f64>>,
    pub vertices_full: usize,
    pub vertices_kept: usize,
    /// Deviation of every full-resolution vertex from the simplified line, in km.
    pub deviations_km: Vec<f64>,
}

/// Douglas–Peucker with an absolute tolerance in degrees. Every dropped vertex is measured
/// against the simplified segment that replaced it.
pub fn simplify(lines: &[LineString<f64>], tolerance_deg: f64) -> Simplified {
    let mut out = Simplified {
        lines: Vec::new(),
        vertices_full: 0,
        vertices_kept: 0,
        deviations_km: Vec::new(),
    };
    for line in lines {
        let idx = line.simplify_idx(tolerance_deg);
        out.vertices_full += line.0.len();
        out.vertices_kept += idx.len();
        for w in idx.windows(2) {
            let (a, b) = (line.0[w[0]], line.0[w[1]]);
            for p in &line.0[w[0]..=w[1]] {
                out.deviations_km.push(point_segment_km(*p, a, b));
            }
        }
        out.lines.push(LineString::from(
            idx.iter().map(|&i| line.0[i]).collect::<Vec<_>>(),
        ));
    }
    out
}

/// (max, median) of a list of distances.
pub fn max_median(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    (v[v.len() - 1], v[v.len() / 2])
}
