//! The uniform grid both indexes are cut into, the edges a boundary cell keeps, and the exact
//! geometric predicates the index rests on.

use geo::{Coord, Rect};
use robust::{Coord as RobustCoord, orient2d};
use rstar::{AABB, PointDistance, RTreeObject};

/// km per degree of latitude (mean Earth radius 6371.0088 km).
pub(super) const KM_PER_DEGREE: f64 = 6371.0088 * std::f64::consts::PI / 180.0;

/// What a covers-grid cell is.
pub(super) const OUTSIDE: u8 = 0;
pub(super) const INSIDE: u8 = 1;
pub(super) const BOUNDARY: u8 = 2;

/// An edge of a boundary cell, copied next to the cell's other edges, with the orientation of
/// the cell's reference point to it (`orient2d(a, b, reference)`), which no query changes.
#[derive(Debug, Clone, Copy)]
pub(super) struct CellEdge {
    pub(super) a: RobustCoord<f64>,
    pub(super) b: RobustCoord<f64>,
    pub(super) reference_side: f64,
}

/// A point of a boundary cell that lies on none of its edges, and whether the region covers it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reference {
    pub(super) point: RobustCoord<f64>,
    pub(super) inside: bool,
}

/// An edge in a plane scaled so that distances are roughly km (for the R-tree's ordering only).
#[derive(Debug, Clone, Copy)]
pub(super) struct ScaledEdge {
    pub(super) a: [f64; 2],
    pub(super) b: [f64; 2],
    /// Index into `RegionIndex::edges`.
    pub(super) id: u32,
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
pub(super) struct Grid {
    pub(super) min: Coord<f64>,
    pub(super) cell_width: f64,
    pub(super) cell_height: f64,
    /// 1 / cell size, so the hot path multiplies instead of dividing.
    pub(super) per_x: f64,
    pub(super) per_y: f64,
    pub(super) columns: usize,
    pub(super) rows: usize,
    /// `columns` and `rows` as f64, for the hot path's range check.
    pub(super) columns_f: f64,
    pub(super) rows_f: f64,
}

impl Grid {
    /// A grid of about `cells` cells, square-ish in km, over `min`–`max`.
    pub(super) fn new(min: Coord<f64>, max: Coord<f64>, cells: usize) -> Grid {
        let mid_cos = ((min.y + max.y) / 2.0).to_radians().cos();
        let aspect = ((max.x - min.x) * mid_cos) / (max.y - min.y);
        let columns = ((cells as f64 * aspect).sqrt().round() as usize).clamp(8, 4096);
        let rows = ((cells as f64 / columns as f64).round() as usize).clamp(8, 4096);
        Grid::with_cells(
            min,
            (max.x - min.x) / columns as f64,
            (max.y - min.y) / rows as f64,
            columns,
            rows,
        )
    }

    pub(super) fn with_cells(
        min: Coord<f64>,
        cell_width: f64,
        cell_height: f64,
        columns: usize,
        rows: usize,
    ) -> Grid {
        Grid {
            min,
            cell_width,
            cell_height,
            per_x: 1.0 / cell_width,
            per_y: 1.0 / cell_height,
            columns,
            rows,
            columns_f: columns as f64,
            rows_f: rows as f64,
        }
    }

    /// Column and row of a point, or `None` outside the grid.
    #[inline]
    pub(super) fn column_row(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let column = (x - self.min.x) * self.per_x;
        let row = (y - self.min.y) * self.per_y;
        // NaN fails every comparison, so it lands here too. In range, truncation is floor.
        if !(column >= 0.0 && row >= 0.0 && column < self.columns_f && row < self.rows_f) {
            return None;
        }
        Some((column as usize, row as usize))
    }

    /// The cell of a point, or `outside` for a point outside the grid. Without branches (the
    /// `&` are not `&&`), so random points cost no mispredicted jumps.
    #[inline]
    pub(super) fn cell_or(&self, x: f64, y: f64, outside: usize) -> usize {
        let column = (x - self.min.x) * self.per_x;
        let row = (y - self.min.y) * self.per_y;
        // NaN fails every comparison. In range, truncation is floor; out of range, the
        // (saturating) casts give a number that is not used.
        let in_grid =
            (column >= 0.0) & (row >= 0.0) & (column < self.columns_f) & (row < self.rows_f);
        let cell = (row as usize)
            .wrapping_mul(self.columns)
            .wrapping_add(column as usize);
        if in_grid { cell } else { outside }
    }

    /// Clamped column and row of a coordinate, for rasterising edges.
    pub(super) fn clamped(&self, x: f64, y: f64) -> (usize, usize) {
        let column = ((x - self.min.x) * self.per_x).floor();
        let row = ((y - self.min.y) * self.per_y).floor();
        (
            column.clamp(0.0, (self.columns - 1) as f64) as usize,
            row.clamp(0.0, (self.rows - 1) as f64) as usize,
        )
    }

    pub(super) fn len(&self) -> usize {
        self.columns * self.rows
    }
}

/// Coordinates the distance search can take (beyond, its arithmetic overflows).
pub(super) fn on_earth(lon: f64, lat: f64) -> bool {
    lat.abs() <= 90.0 && lon.abs() <= 1e6
}

/// How many degrees `km` is at most, in lon and lat, anywhere in (and just around) the box.
pub(super) fn widening(rect: &Rect<f64>, km: f64) -> Coord<f64> {
    let max_abs_lat = (rect.min().y.abs().max(rect.max().y.abs()) + 1.0).min(89.0);
    Coord {
        x: km / (KM_PER_DEGREE * max_abs_lat.to_radians().cos()) + 1e-6,
        y: km / KM_PER_DEGREE + 1e-6,
    }
}

pub(super) fn robust(c: Coord<f64>) -> RobustCoord<f64> {
    RobustCoord { x: c.x, y: c.y }
}

/// Exact: is `p` on the closed segment `a`–`b`?
pub(super) fn on_segment(p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> bool {
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
pub(super) fn crosses(c: Coord<f64>, p: Coord<f64>, a: Coord<f64>, b: Coord<f64>) -> bool {
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
pub(super) fn segment_distance_2(p: [f64; 2], a: [f64; 2], b: [f64; 2]) -> f64 {
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
