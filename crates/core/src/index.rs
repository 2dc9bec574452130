//! A grid index over one region, so that a point costs a few memory reads, not a walk over
//! thousands of border vertices.
//!
//! The region's bounding box, widened by a margin, is cut into a uniform grid. Each cell is
//! - **inside** or **outside** when no edge of the region touches it (its status is known for
//!   every point in it), or
//! - **boundary**, keeping the edges that touch it and a reference point whose status is known;
//!   a query there counts crossings between the reference point and the query point, with exact
//!   orientation predicates (`robust`), so the answer is exactly geo's `Covers` (the edge counts
//!   as inside).
//!
//! For the distance classes (border zone / near / far) each cell also keeps bounds on the
//! distance from any of its points to the region's edge, so most points are classified without
//! measuring; the rest ask an R-tree of the edges. Distances are measured in a local plane at the
//! point's latitude (km per degree of longitude scaled by cos(lat)); over the tens of kilometres
//! that matter here this differs from the great-circle distance by less than 0.01 %.

use geo::{BoundingRect, Coord, LinesIter, MultiPolygon};
use robust::{Coord as RobustCoord, orient2d};
use rstar::{AABB, PointDistance, RTree, RTreeObject};

/// km per degree of latitude (mean Earth radius 6371.0088 km).
const KM_PER_DEGREE: f64 = 6371.0088 * std::f64::consts::PI / 180.0;

/// A cell of the covers grid: 0 outside, 1 inside, `2 + slot` a boundary cell.
type Cell = u32;
const OUTSIDE: Cell = 0;
const INSIDE: Cell = 1;
const FIRST_SLOT: Cell = 2;

#[derive(Debug, Clone)]
struct BoundaryCell {
    /// Range in `edge_ids`.
    first_edge: u32,
    edge_count: u32,
    /// A point of the cell that lies on no edge, and whether the region covers it.
    reference: Coord<f64>,
    reference_inside: bool,
}

/// An edge in a plane scaled so that distances are roughly km (for the R-tree's ordering only).
#[derive(Debug, Clone, Copy)]
struct ScaledEdge {
    a: [f64; 2],
    b: [f64; 2],
    /// Index into `RegionIndex::edges`.
    id: u32,
}

impl RTreeObject for ScaledEdge {
    type Envelope = AABB<[f64; 2]>;
    fn envelope(&self) -> Self::Envelope {
        AABB::from_corners(self.a, self.b)
    }
}

impl PointDistance for ScaledEdge {
    fn distance_2(&self, point: &[f64; 2]) -> f64 {
        segment_distance_2(*point, self.a, self.b)
    }
}

/// A uniform grid over a box: which cell a point falls in.
#[derive(Debug, Clone)]
struct Grid {
    min: Coord<f64>,
    cell_width: f64,
    cell_height: f64,
    /// 1 / cell size, so the hot path multiplies instead of dividing.
    per_x: f64,
    per_y: f64,
    columns: usize,
    rows: usize,
}

impl Grid {
    /// A grid of about `cells` cells, square-ish in km, over `min`–`max`.
    fn new(min: Coord<f64>, max: Coord<f64>, cells: usize) -> Grid {
        let mid_cos = ((min.y + max.y) / 2.0).to_radians().cos();
        let aspect = ((max.x - min.x) * mid_cos) / (max.y - min.y);
        let columns = ((cells as f64 * aspect).sqrt().round() as usize).clamp(8, 4096);
        let rows = ((cells as f64 / columns as f64).round() as usize).clamp(8, 4096);
        let cell_width = (max.x - min.x) / columns as f64;
        let cell_height = (max.y - min.y) / rows as f64;
        Grid {
            min,
            cell_width,
            cell_height,
            per_x: 1.0 / cell_width,
            per_y: 1.0 / cell_height,
            columns,
            rows,
        }
    }

    #[inline]
    fn cell_of(&self, x: f64, y: f64) -> Option<usize> {
        let column = ((x - self.min.x) * self.per_x).floor();
        let row = ((y - self.min.y) * self.per_y).floor();
        // NaN fails every comparison, so it lands here too.
        if !(column >= 0.0 && row >= 0.0 && column < self.columns as f64 && row < self.rows as f64)
        {
            return None;
        }
        Some(row as usize * self.columns + column as usize)
    }

    /// Clamped column and row of a coordinate, for rasterising edges.
    fn clamped(&self, x: f64, y: f64) -> (usize, usize) {
        let column = ((x - self.min.x) * self.per_x).floor();
        let row = ((y - self.min.y) * self.per_y).floor();
        (
            column.clamp(0.0, (self.columns - 1) as f64) as usize,
            row.clamp(0.0, (self.rows - 1) as f64) as usize,
        )
    }

    fn len(&self) -> usize {
        self.columns * self.rows
    }
}

/// The grid index of one region (or of the union of an event's regions).
#[derive(Debug, Clone)]
pub struct RegionIndex {
    /// Tight around the region: answers `covers`.
    grid: Grid,
    cells: Vec<Cell>,
    boundary: Vec<BoundaryCell>,
    edge_ids: Vec<u32>,
    edges: Vec<(Coord<f64>, Coord<f64>)>,
    /// Wider by the margin: bounds, in km, on the distance from any point of a cell to the nearest
    /// edge.
    bounds_grid: Grid,
    bounds: Vec<(f32, f32)>,
    tree: RTree<ScaledEdge>,
    /// cos of the latitude used for the R-tree's scaled plane.
    tree_cos: f64,
    /// The largest ratio between a local plane's x-scale and the R-tree's over the grid.
    tree_stretch: f64,
    /// Points outside `bounds_grid` are at least this far from every edge.
    margin_km: f64,
}

impl RegionIndex {
    /// Builds the index of `shape` (WGS-84 lon/lat). `margin_km` is how far outside the region
    /// distances are bounded by the grid (use the largest threshold that will be asked).
    pub fn new(shape: &MultiPolygon<f64>, margin_km: f64) -> RegionIndex {
        let edges: Vec<(Coord<f64>, Coord<f64>)> = shape
            .lines_iter()
            .filter(|l| l.start != l.end)
            .map(|l| (l.start, l.end))
            .collect();
        let rect = shape.bounding_rect().unwrap_or(geo::Rect::new(
            Coord { x: 0.0, y: 0.0 },
            Coord { x: 0.0, y: 0.0 },
        ));
        let max_abs_lat = (rect.min().y.abs().max(rect.max().y.abs()) + 1.0).min(89.0);
        let degrees = |km: f64| Coord {
            x: km / (KM_PER_DEGREE * max_abs_lat.to_radians().cos()) + 1e-6,
            y: km / KM_PER_DEGREE + 1e-6,
        };
        // The covers grid has a thin margin so its border lies outside the region.
        let thin = degrees(0.5);
        let grid = Grid::new(
            rect.min() - thin,
            rect.max() + thin,
            (edges.len() * 16).clamp(16_384, 262_144),
        );
        let wide = degrees(margin_km.max(1.0));
        let bounds_grid = Grid::new(rect.min() - wide, rect.max() + wide, 16_384);

        let tree_cos = ((bounds_grid.min.y
            + bounds_grid.min.y
            + bounds_grid.cell_height * bounds_grid.rows as f64)
            / 2.0)
            .to_radians()
            .cos();
        let scale = |c: Coord<f64>| [c.x * KM_PER_DEGREE * tree_cos, c.y * KM_PER_DEGREE];
        let tree = RTree::bulk_load(
            edges
                .iter()
                .enumerate()
                .map(|(id, &(a, b))| ScaledEdge {
                    a: scale(a),
                    b: scale(b),
                    id: id as u32,
                })
                .collect(),
        );
        let (south, north) = (
            bounds_grid.min.y,
            bounds_grid.min.y + bounds_grid.cell_height * bounds_grid.rows as f64,
        );
        let tree_stretch = [south, north, 0.0_f64.clamp(south, north)]
            .map(|lat| lat.to_radians().cos() / tree_cos)
            .iter()
            .fold(1.0_f64, |acc, &r| acc.max(r).max(1.0 / r));

        let cell_count = grid.len();
        let mut index = RegionIndex {
            grid,
            cells: vec![OUTSIDE; cell_count],
            boundary: Vec::new(),
            edge_ids: Vec::new(),
            edges,
            bounds: Vec::new(),
            bounds_grid,
            tree,
            tree_cos,
            tree_stretch,
            margin_km: margin_km.max(1.0),
        };
        index.assign_edges();
        index.walk_rows();
        index.compute_bounds();
        index
    }

    /// Lists each edge in every cell its bounding box overlaps (a superset of the cells it
    /// touches, which is all exactness needs).
    fn assign_edges(&mut self) {
        let mut per_cell: Vec<Vec<u32>> = vec![Vec::new(); self.cells.len()];
        for (id, &(a, b)) in self.edges.iter().enumerate() {
            let (c0, r0) = self.grid.clamped(a.x.min(b.x), a.y.min(b.y));
            let (c1, r1) = self.grid.clamped(a.x.max(b.x), a.y.max(b.y));
            for row in r0..=r1 {
                for column in c0..=c1 {
                    per_cell[row * self.grid.columns + column].push(id as u32);
                }
            }
        }
        for (cell, ids) in per_cell.into_iter().enumerate() {
            if ids.is_empty() {
                continue;
            }
            let slot = self.boundary.len() as u32;
            self.boundary.push(BoundaryCell {
                first_edge: self.edge_ids.len() as u32,
                edge_count: ids.len() as u32,
                reference: Coord { x: 0.0, y: 0.0 },
                reference_inside: false,
            });
            self.edge_ids.extend(ids);
            self.cells[cell] = FIRST_SLOT + slot;
        }
    }

    fn cell_edges(&self, slot: u32) -> &[u32] {
        let cell = &self.boundary[slot as usize];
        let start = cell.first_edge as usize;
        &self.edge_ids[start..start + cell.edge_count as usize]
    }

    /// Walks each row from the grid's left border (outside: the grid has a margin) and carries the
    /// inside/outside status from reference point to reference point by counting crossings.
    fn walk_rows(&mut self) {
        let (columns, rows) = (self.grid.columns, self.grid.rows);
        for row in 0..rows {
            let y = self.grid.min.y + (row as f64 + 0.5) * self.grid.cell_height;
            let mut previous = Coord {
                x: self.grid.min.x,
                y,
            };
            let mut previous_inside = false;
            let mut previous_cell = row * columns;
            let mut seen: Vec<u32> = Vec::new();
            for column in 0..columns {
                let cell = row * columns + column;
                let centre = Coord {
                    x: self.grid.min.x + (column as f64 + 0.5) * self.grid.cell_width,
                    y,
                };
                let reference = match self.cells[cell] {
                    slot @ FIRST_SLOT.. => self.off_edge_point(slot - FIRST_SLOT, centre),
                    _ => centre,
                };
                let mut crossings = 0usize;
                seen.clear();
                for c in [previous_cell, cell] {
                    if let slot @ FIRST_SLOT.. = self.cells[c] {
                        for &id in self.cell_edges(slot - FIRST_SLOT) {
                            if !seen.contains(&id) {
                                seen.push(id);
                                let (a, b) = self.edges[id as usize];
                                crossings += usize::from(crosses(previous, reference, a, b));
                            }
                        }
                    }
                }
                let inside = previous_inside ^ (crossings % 2 == 1);
                match self.cells[cell] {
                    slot @ FIRST_SLOT.. => {
                        let b = &mut self.boundary[(slot - FIRST_SLOT) as usize];
                        b.reference = reference;
                        b.reference_inside = inside;
                    }
                    _ => self.cells[cell] = if inside { INSIDE } else { OUTSIDE },
                }
                previous = reference;
                previous_inside = inside;
                previous_cell = cell;
            }
        }
    }

    /// The cell centre, nudged until it lies on none of the cell's edges.
    fn off_edge_point(&self, slot: u32, centre: Coord<f64>) -> Coord<f64> {
        let mut point = centre;
        for step in 1..64 {
            let on_edge = self.cell_edges(slot).iter().any(|&id| {
                let (a, b) = self.edges[id as usize];
                on_segment(point, a, b)
            });
            if !on_edge {
                break;
            }
            let nudge = self.grid.cell_width * 1e-6 * step as f64;
            point = Coord {
                x: centre.x + nudge,
                y: centre.y + nudge * 0.618,
            };
        }
        point
    }

    fn compute_bounds(&mut self) {
        let g = self.bounds_grid.clone();
        let mut bounds = Vec::with_capacity(g.len());
        for row in 0..g.rows {
            let y = g.min.y + (row as f64 + 0.5) * g.cell_height;
            let cos = y.abs().to_radians().cos();
            let cos_wide = (y.abs() + 0.5 * g.cell_height).min(89.0).to_radians().cos();
            let cos_narrow = (y.abs() - 0.5 * g.cell_height).max(0.0).to_radians().cos();
            let half_diagonal = 0.5
                * ((g.cell_width * KM_PER_DEGREE * cos_narrow).powi(2)
                    + (g.cell_height * KM_PER_DEGREE).powi(2))
                .sqrt();
            for column in 0..g.columns {
                let x = g.min.x + (column as f64 + 0.5) * g.cell_width;
                let d = self.edge_distance_km(x, y);
                // Slack for the local plane's scale changing across the cell.
                let slack = d
                    * (1.0 - cos_wide / cos)
                        .abs()
                        .max((cos_narrow / cos - 1.0).abs())
                    + 1e-3;
                bounds.push((
                    (d - half_diagonal - slack).max(0.0) as f32,
                    (d + half_diagonal + slack) as f32,
                ));
            }
        }
        self.bounds = bounds;
    }

    /// True when the region covers the point (its edge counts as inside): exactly `Covers`.
    #[inline]
    pub fn covers(&self, lon: f64, lat: f64) -> bool {
        let Some(cell) = self.grid.cell_of(lon, lat) else {
            return false;
        };
        match self.cells[cell] {
            INSIDE => true,
            OUTSIDE => false,
            slot => self.covers_in_boundary_cell(slot - FIRST_SLOT, lon, lat),
        }
    }

    fn covers_in_boundary_cell(&self, slot: u32, lon: f64, lat: f64) -> bool {
        let point = Coord { x: lon, y: lat };
        let edges = self.cell_edges(slot);
        let cell = &self.boundary[slot as usize];
        let mut crossings = 0usize;
        for &id in edges {
            let (a, b) = self.edges[id as usize];
            if on_segment(point, a, b) {
                return true;
            }
            crossings += usize::from(crosses(cell.reference, point, a, b));
        }
        cell.reference_inside ^ (crossings % 2 == 1)
    }

    /// Distance in km from the point to the region's nearest edge, in the local plane.
    pub fn edge_distance_km(&self, lon: f64, lat: f64) -> f64 {
        let cos = lat.to_radians().cos();
        let query = [lon * KM_PER_DEGREE * self.tree_cos, lat * KM_PER_DEGREE];
        let mut best = f64::INFINITY;
        for (edge, scaled_2) in self.tree.nearest_neighbor_iter_with_distance_2(&query) {
            // The scaled plane can shrink distances by at most `tree_stretch`.
            if scaled_2.sqrt() / self.tree_stretch > best {
                break;
            }
            let (a, b) = self.edges[edge.id as usize];
            let local = |c: Coord<f64>| {
                [
                    (c.x - lon) * KM_PER_DEGREE * cos,
                    (c.y - lat) * KM_PER_DEGREE,
                ]
            };
            best = best.min(segment_distance_2([0.0, 0.0], local(a), local(b)).sqrt());
        }
        best
    }

    /// Distance in km to the region: 0 when covered, else to the nearest edge.
    pub fn distance_km(&self, lon: f64, lat: f64) -> f64 {
        if self.covers(lon, lat) {
            0.0
        } else {
            self.edge_distance_km(lon, lat)
        }
    }

    /// Which of inside, `≤ border_zone_km`, `≤ near_km` or beyond holds: 3, 2, 1 or 0 (see
    /// [`crate::screening::Relation`]). Measures only when the cell's bounds cannot decide; a
    /// threshold beyond the index's margin is measured every time.
    #[inline]
    pub fn class(&self, lon: f64, lat: f64, border_zone_km: f64, near_km: f64) -> u8 {
        if self.covers(lon, lat) {
            return 3;
        }
        let Some(cell) = self.bounds_grid.cell_of(lon, lat) else {
            // Outside the wide grid: farther than the margin from every edge.
            return if near_km < self.margin_km || !lon.is_finite() || !lat.is_finite() {
                0
            } else {
                self.measured_class(lon, lat, border_zone_km, near_km)
            };
        };
        let (low, high) = self.bounds[cell];
        let (low, high) = (f64::from(low), f64::from(high));
        if low > near_km {
            0
        } else if high <= border_zone_km {
            2
        } else if low > border_zone_km && high <= near_km {
            1
        } else {
            self.measured_class(lon, lat, border_zone_km, near_km)
        }
    }

    fn measured_class(&self, lon: f64, lat: f64, border_zone_km: f64, near_km: f64) -> u8 {
        let d = self.edge_distance_km(lon, lat);
        if d <= border_zone_km {
            2
        } else if d <= near_km {
            1
        } else {
            0
        }
    }

    /// Covers-grid columns and rows, how many cells keep edges, and the edge count, for reports.
    pub fn stats(&self) -> (usize, usize, usize, usize) {
        (
            self.grid.columns,
            self.grid.rows,
            self.boundary.len(),
            self.edges.len(),
        )
    }
}

fn robust(c: Coord<f64>) -> RobustCoord<f64> {
    RobustCoord { x: c.x, y: c.y }
}

/// Exact: is `p` on the closed segment `a`–`b`?
fn on_segment(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> bool {
    orient2d(robust(a), robust(b), robust(p)) == 0.0
        && p.x >= a.x.min(b.x)
        && p.x <= a.x.max(b.x)
        && p.y >= a.y.min(b.y)
        && p.y <= a.y.max(b.y)
}

/// Exact: does the segment `c`–`p` cross the edge `a`–`b`? Neither `c` nor `p` may lie on the
/// edge. An edge endpoint on the line `c`–`p` counts as being on its positive side (the usual
/// half-open rule), so a vertex the segment passes through is counted once, or twice where the
/// boundary only touches the segment: the parity stays right.
fn crosses(c: Coord<f64>, p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> bool {
    let side_a = orient2d(robust(c), robust(p), robust(a)) >= 0.0;
    let side_b = orient2d(robust(c), robust(p), robust(b)) >= 0.0;
    if side_a == side_b {
        return false;
    }
    let tc = orient2d(robust(a), robust(b), robust(c));
    let tp = orient2d(robust(a), robust(b), robust(p));
    (tc > 0.0 && tp < 0.0) || (tc < 0.0 && tp > 0.0)
}

/// Squared distance from `p` to the segment `a`–`b` in a plane.
fn segment_distance_2(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let length_2 = dx * dx + dy * dy;
    let t = if length_2 > 0.0 {
        (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length_2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (x, y) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
    x * x + y * y
}
