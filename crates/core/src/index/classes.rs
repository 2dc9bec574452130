//! The class grid: the relation class (inside, border zone, near, far) of every point of a cell,
//! precomputed for one event's two thresholds, so most points are classified by one read.

use super::grid::*;
use super::region_index::RegionIndex;
use geo::{Coord, Rect};

/// Codes of the class grid: the relation class every point of the cell has (0 far, 1 near,
/// 2 border zone, 3 inside), or what to do to find it.
pub(super) const CLASS_INSIDE: u8 = 3;
/// `COVERS_OR + k` (k = 0, 1, 2): covered points are inside, the others have class `k`.
pub(super) const COVERS_OR: u8 = 4;
pub(super) const COVERS_OR_LAST: u8 = COVERS_OR + 2;
/// Covered points are inside, the others are measured.
pub(super) const COVERS_OR_MEASURE: u8 = 7;
/// No point of the cell is covered; measure.
pub(super) const MEASURE: u8 = 8;
/// A value of a coarse cell from which on it names a block of fine cells.
pub(super) const FIRST_BLOCK: u32 = 16;
/// Fine cells per block side, as a shift: 8 × 8 cells of about 0.5 km in a 4 km block.
pub(super) const BLOCK_SHIFT: u32 = 3;
pub(super) const BLOCK_SIDE: usize = 1 << BLOCK_SHIFT;
/// Aimed-at size of a fine cell, and the most coarse cells a class grid may have (larger
/// regions get larger cells).
pub(super) const FINE_CELL_KM: f64 = 0.5;
pub(super) const MAX_COARSE_CELLS: f64 = 262_144.0;
/// Thresholds beyond this are measured every time (the grid would be too large to pay off).
pub(super) const MAX_CLASS_KM: f64 = 500.0;

/// The distance classes of one pair of thresholds, precomputed per cell.
#[derive(Debug, Clone)]
pub(super) struct ClassGrid {
    pub(super) border_zone_km: f64,
    pub(super) near_km: f64,
    /// The fine cells; a coarse cell is `BLOCK_SIDE` × `BLOCK_SIDE` of them.
    pub(super) fine: Grid,
    pub(super) coarse_columns: usize,
    /// Per coarse cell: a code (< `FIRST_BLOCK`) for all its points, or `FIRST_BLOCK + block`;
    /// one more, far, for points outside the grid.
    pub(super) coarse: Vec<u32>,
    /// `BLOCK_SIDE²` codes per block, row by row.
    pub(super) blocks: Vec<u8>,
}

impl ClassGrid {
    #[inline]
    pub(super) fn code(&self, lon: f64, lat: f64) -> u8 {
        let g = &self.fine;
        let column = (lon - g.min.x) * g.per_x;
        let row = (lat - g.min.y) * g.per_y;
        // Without branches, as `Grid::cell_or`: outside the grid (NaN too) reads the extra coarse
        // cell, far (farther than both thresholds).
        let in_grid = (column >= 0.0) & (row >= 0.0) & (column < g.columns_f) & (row < g.rows_f);
        let (column, row) = (column as usize, row as usize);
        let coarse = (row >> BLOCK_SHIFT)
            .wrapping_mul(self.coarse_columns)
            .wrapping_add(column >> BLOCK_SHIFT);
        let value = self.coarse[if in_grid {
            coarse
        } else {
            self.coarse.len() - 1
        }];
        if value < FIRST_BLOCK {
            return value as u8;
        }
        let mask = BLOCK_SIDE - 1;
        self.blocks[(((value - FIRST_BLOCK) as usize) << (2 * BLOCK_SHIFT))
            + ((row & mask) << BLOCK_SHIFT)
            + (column & mask)]
    }
}

/// A cell of the class grid as a rectangle, with what bounds the distance of its points.
pub(super) struct CellGeometry {
    pub(super) centre: Coord<f64>,
    /// Half the diagonal, km, in the centre's local plane (taking the cell's widest row).
    pub(super) half_diagonal: f64,
    /// How much the local plane's scale changes across the cell, relative.
    pub(super) stretch: f64,
}

impl CellGeometry {
    pub(super) fn new(min: Coord<f64>, max: Coord<f64>) -> CellGeometry {
        let centre = Coord {
            x: (min.x + max.x) / 2.0,
            y: (min.y + max.y) / 2.0,
        };
        let cos = centre.y.to_radians().cos();
        let nearest_equator = if min.y <= 0.0 && max.y >= 0.0 {
            0.0
        } else {
            min.y.abs().min(max.y.abs())
        };
        let cos_narrow = nearest_equator.to_radians().cos();
        let cos_wide = min.y.abs().max(max.y.abs()).min(90.0).to_radians().cos();
        let half_diagonal = 0.5
            * (((max.x - min.x) * KM_PER_DEGREE * cos_narrow).powi(2)
                + ((max.y - min.y) * KM_PER_DEGREE).powi(2))
            .sqrt();
        let stretch = (cos_narrow / cos - 1.0)
            .abs()
            .max((1.0 - cos_wide / cos).abs());
        CellGeometry {
            centre,
            half_diagonal,
            stretch,
        }
    }

    /// Bounds on the distance of any point of the cell (in its own local plane) to the nearest
    /// edge, from the centre's distance `d`: the half diagonal, the change of the plane's scale
    /// across the cell, and 1 m for rounding.
    pub(super) fn bounds(&self, d: f64) -> (f64, f64) {
        let slack = self.stretch * (d + self.half_diagonal) + 1e-3;
        (
            (d - self.half_diagonal - slack).max(0.0),
            d + self.half_diagonal + slack,
        )
    }

    /// Every edge that is nearest to some point of the cell lies within this distance of the
    /// centre (centre's plane).
    pub(super) fn candidate_radius(&self, d: f64) -> f64 {
        (d + 2.0 * self.half_diagonal) * (1.0 + 8.0 * self.stretch) + 0.01
    }
}

impl RegionIndex {
    /// Which of inside, `≤ border_zone_km`, `≤ near_km` or beyond holds: 3, 2, 1 or 0 (see
    /// [`crate::screening::Relation`]). With the thresholds the index was built for
    /// ([`RegionIndex::of_parts`]) most points are answered by one read of the class grid;
    /// otherwise every point that `covers` leaves is measured.
    #[inline]
    pub fn class(&self, lon: f64, lat: f64, border_zone_km: f64, near_km: f64) -> u8 {
        if let Some(classes) = &self.classes
            && classes.border_zone_km == border_zone_km
            && classes.near_km == near_km
        {
            return match classes.code(lon, lat) {
                code @ 0..=CLASS_INSIDE => code,
                code @ COVERS_OR..=COVERS_OR_LAST => {
                    if self.covers(lon, lat) {
                        CLASS_INSIDE
                    } else {
                        code - COVERS_OR
                    }
                }
                MEASURE => self.measured_class(lon, lat, border_zone_km, near_km),
                _ => {
                    if self.covers(lon, lat) {
                        CLASS_INSIDE
                    } else {
                        self.measured_class(lon, lat, border_zone_km, near_km)
                    }
                }
            };
        }
        if self.covers(lon, lat) {
            CLASS_INSIDE
        } else if !on_earth(lon, lat) {
            0
        } else {
            self.measured_class(lon, lat, border_zone_km, near_km)
        }
    }

    pub(super) fn measured_class(
        &self,
        lon: f64,
        lat: f64,
        border_zone_km: f64,
        near_km: f64,
    ) -> u8 {
        class_of_distance(self.edge_distance_km(lon, lat), border_zone_km, near_km)
    }

    /// The class grid of two thresholds over the region's box widened by the larger one.
    pub(super) fn class_grid(
        &self,
        rect: &Rect<f64>,
        border_zone_km: f64,
        near_km: f64,
    ) -> Option<ClassGrid> {
        let reach = border_zone_km.max(near_km).max(0.0) + 1.0;
        if self.edges.is_empty() || !reach.is_finite() || reach > MAX_CLASS_KM {
            return None;
        }
        let wide = widening(rect, reach);
        let (min, max) = (rect.min() - wide, rect.max() + wide);
        let mid_cos = ((min.y + max.y) / 2.0).to_radians().cos().max(0.01);
        let (width_km, height_km) = (
            (max.x - min.x) * KM_PER_DEGREE * mid_cos,
            (max.y - min.y) * KM_PER_DEGREE,
        );
        let block_km = (FINE_CELL_KM * BLOCK_SIDE as f64)
            .max((width_km * height_km / MAX_COARSE_CELLS).sqrt() * 1.01);
        let coarse_columns = ((width_km / block_km).ceil() as usize).max(1);
        let coarse_rows = ((height_km / block_km).ceil() as usize).max(1);
        let block_width = block_km / (KM_PER_DEGREE * mid_cos);
        let block_height = block_km / KM_PER_DEGREE;
        let fine = Grid::with_cells(
            min,
            block_width / BLOCK_SIDE as f64,
            block_height / BLOCK_SIDE as f64,
            coarse_columns * BLOCK_SIDE,
            coarse_rows * BLOCK_SIDE,
        );
        let mut builder = ClassBuilder {
            index: self,
            fine: &fine,
            border_zone_km,
            near_km,
            distances: Vec::new(),
        };
        let mut coarse = Vec::with_capacity(coarse_columns * coarse_rows);
        let mut blocks: Vec<u8> = Vec::new();
        let far_km = border_zone_km.max(near_km).max(0.0);
        // Lower bounds on the distance of each column's centre in the previous row.
        let mut below = vec![f64::NEG_INFINITY; coarse_columns];
        let block_height_km = block_height * KM_PER_DEGREE;
        for row in 0..coarse_rows {
            // A lower bound on the distance of the previous cell's centre.
            let mut left = f64::NEG_INFINITY;
            for (column, below) in below.iter_mut().enumerate() {
                let (c0, r0) = (column * BLOCK_SIDE, row * BLOCK_SIDE);
                let cell = builder.geometry(c0, r0, BLOCK_SIDE);
                // The distance changes by at most the step between centres: along a row in the
                // plane they share, from the row below with the change of scale between the
                // rows' planes (at most twice the cell's). Far enough, that decides the cell (far
                // or inside) without a search.
                let step = block_width * KM_PER_DEGREE * cell.centre.y.to_radians().cos();
                let bound = (left - step - 1e-3)
                    .max((*below - block_height_km) * (1.0 - 3.0 * cell.stretch) - 1e-3);
                let d = if cell.stretch < 0.01 && cell.bounds(bound).0 > far_km {
                    bound
                } else {
                    self.edge_distance_km(cell.centre.x, cell.centre.y)
                };
                left = d;
                *below = d;
                let code = builder.code(&cell, d);
                if !undecided(code) {
                    coarse.push(u32::from(code));
                    continue;
                }
                // Every edge that is nearest to some point of the block.
                let radius = cell.candidate_radius(d) * self.stretch_at(cell.centre.y);
                let centre = [
                    cell.centre.x * KM_PER_DEGREE * self.tree_cos,
                    cell.centre.y * KM_PER_DEGREE,
                ];
                let radius_2 = (radius * (1.0 + 1e-9) + 1e-9).powi(2);
                let candidates: Vec<u32> = self
                    .tree
                    .locate_within_distance(centre, radius_2)
                    .map(|e| e.id)
                    .collect();
                let block = blocks.len() >> (2 * BLOCK_SHIFT);
                blocks.resize(blocks.len() + BLOCK_SIDE * BLOCK_SIDE, COVERS_OR_MEASURE);
                let out = &mut blocks[block << (2 * BLOCK_SHIFT)..];
                builder.split(out, c0, r0, BLOCK_SIDE, &candidates);
                coarse.push(FIRST_BLOCK + block as u32);
            }
        }
        coarse.push(0);
        Some(ClassGrid {
            border_zone_km,
            near_km,
            fine,
            coarse_columns,
            coarse,
            blocks,
        })
    }

    /// Class-grid fine columns and rows, coarse cells, and blocks of fine cells (`None` without a
    /// class grid), for reports.
    pub fn class_stats(&self) -> Option<(usize, usize, usize, usize)> {
        self.classes.as_ref().map(|g| {
            (
                g.fine.columns,
                g.fine.rows,
                g.coarse.len() - 1,
                g.blocks.len() >> (2 * BLOCK_SHIFT),
            )
        })
    }
}

/// The state of building a class grid's blocks.
pub(super) struct ClassBuilder<'a> {
    index: &'a RegionIndex,
    fine: &'a Grid,
    border_zone_km: f64,
    near_km: f64,
    /// Scratch: the distances of the candidates to the current centre.
    distances: Vec<f64>,
}

impl ClassBuilder<'_> {
    /// The square of `size` fine cells whose lower-left fine cell is (`column`, `row`).
    pub(super) fn geometry(&self, column: usize, row: usize, size: usize) -> CellGeometry {
        let g = self.fine;
        let min = Coord {
            x: g.min.x + column as f64 * g.cell_width,
            y: g.min.y + row as f64 * g.cell_height,
        };
        let max = Coord {
            x: g.min.x + (column + size) as f64 * g.cell_width,
            y: g.min.y + (row + size) as f64 * g.cell_height,
        };
        CellGeometry::new(min, max)
    }

    /// The code of a cell whose centre is `d` km from the nearest edge.
    pub(super) fn code(&self, cell: &CellGeometry, d: f64) -> u8 {
        // Where the plane's scale changes too much across a cell (near a pole), trust nothing.
        if cell.stretch.is_nan() || cell.stretch >= 0.01 || !d.is_finite() {
            return COVERS_OR_MEASURE;
        }
        let (low, high) = cell.bounds(d);
        let class = |km: f64| class_of_distance(km, self.border_zone_km, self.near_km);
        let (at_low, at_high) = (class(low), class(high));
        if low > 0.0 {
            // No edge reaches the cell: all of it is inside, or all outside.
            if self.index.covers(cell.centre.x, cell.centre.y) {
                CLASS_INSIDE
            } else if at_low == at_high {
                at_low
            } else {
                MEASURE
            }
        } else if at_low == at_high {
            COVERS_OR + at_low
        } else {
            COVERS_OR_MEASURE
        }
    }

    /// Splits a square of `size` fine cells of a block into four and decides each quarter,
    /// splitting again those left to a measurement, down to single cells; `candidates` holds every
    /// edge nearest to some point of the square.
    /// `out` is the block's codes, row by row.
    pub(super) fn split(
        &mut self,
        out: &mut [u8],
        column: usize,
        row: usize,
        size: usize,
        candidates: &[u32],
    ) {
        let half = size / 2;
        for (dc, dr) in [(0, 0), (half, 0), (0, half), (half, half)] {
            let (c0, r0) = (column + dc, row + dr);
            let cell = self.geometry(c0, r0, half);
            let (x, y) = (cell.centre.x, cell.centre.y);
            let cos = y.to_radians().cos();
            self.distances.clear();
            let mut d_2 = f64::INFINITY;
            for &id in candidates {
                let km_2 = self.index.local_distance_2(id, x, y, cos);
                self.distances.push(km_2);
                d_2 = d_2.min(km_2);
            }
            let d = d_2.sqrt();
            let code = self.code(&cell, d);
            if !undecided(code) || half == 1 {
                let mask = BLOCK_SIDE - 1;
                for r in r0..r0 + half {
                    let start = ((r & mask) << BLOCK_SHIFT) + (c0 & mask);
                    out[start..start + half].fill(code);
                }
                continue;
            }
            let radius_2 = cell.candidate_radius(d).powi(2);
            let nearer: Vec<u32> = candidates
                .iter()
                .zip(&self.distances)
                .filter(|&(_, &km_2)| km_2 <= radius_2)
                .map(|(&id, _)| id)
                .collect();
            self.split(out, c0, r0, half, &nearer);
        }
    }
}

/// Whether a class-grid code leaves the class to a measurement (so a cell is worth splitting).
/// 'Covered or class k' is left as it is: `covers` is one more grid read.
pub(super) fn undecided(code: u8) -> bool {
    code == COVERS_OR_MEASURE || code == MEASURE
}

/// 3 inside is not a distance class: 2 within `border_zone_km`, 1 within `near_km`, else 0.
pub(super) fn class_of_distance(d: f64, border_zone_km: f64, near_km: f64) -> u8 {
    if d <= border_zone_km {
        2
    } else if d <= near_km {
        1
    } else {
        0
    }
}
