//! A grid index over one region (or over the union of an event's regions), so that a point costs
//! a few memory reads, not a walk over thousands of border vertices.
//!
//! The region's bounding box, widened by a margin, is cut into a uniform grid. Each cell is
//! - **inside** or **outside** when no edge of the region touches it (its status is known for
//!   every point in it), or
//! - **boundary**, keeping copies of the edges that touch it (one run of memory per cell) and a
//!   reference point whose status is known; a query there counts crossings between the reference
//!   point and the query point, with exact orientation predicates (`robust`), so the answer is
//!   exactly geo's `Covers` (the edge counts as inside). The reference point's side of each of
//!   the cell's edges is stored with the edge, so most edges cost one predicate per query.
//!
//! For the distance classes (border zone / near / far) an index built for an event's two
//! thresholds ([`RegionIndex::of_parts`]) also keeps a **class grid**: cells of about 0.5 km,
//! stored as 4 km blocks, each holding the class that all of its points share when distance
//! bounds decide it (and whether the cell is wholly inside, outside or crossed by an edge), so
//! most points are classified by one read and no distance is measured. The rest ask an R-tree of
//! the edges. Distances are measured in a local plane at the point's latitude (km per degree of
//! longitude scaled by cos(lat)); over the tens of kilometres that matter here this differs from
//! the great-circle distance by less than 0.01 %.
//!
//! An index over several parts (an event's regions) also answers which part is nearest
//! ([`RegionIndex::nearest_part`]), exactly as asking one index per part would.

use std::ops::Deref;
use std::sync::OnceLock;

use geo::{BoundingRect, Coord, LinesIter, MultiPolygon, Rect};
use robust::{Coord as RobustCoord, orient2d};
use rstar::{AABB, PointDistance, RTree, RTreeObject};

/// km per degree of latitude (mean Earth radius 6371.0088 km).
const KM_PER_DEGREE: f64 = 6371.0088 * std::f64::consts::PI / 180.0;

/// What a covers-grid cell is.
const OUTSIDE: u8 = 0;
const INSIDE: u8 = 1;
const BOUNDARY: u8 = 2;

/// An edge of a boundary cell, copied next to the cell's other edges, with the orientation of
/// the cell's reference point to it (`orient2d(a, b, reference)`), which no query changes.
#[derive(Debug, Clone, Copy)]
struct CellEdge {
    a: RobustCoord<f64>,
    b: RobustCoord<f64>,
    reference_side: f64,
}

/// A point of a boundary cell that lies on none of its edges, and whether the region covers it.
#[derive(Debug, Clone, Copy)]
struct Reference {
    point: RobustCoord<f64>,
    inside: bool,
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
    /// `columns` and `rows` as f64, for the hot path's range check.
    columns_f: f64,
    rows_f: f64,
}

impl Grid {
    /// A grid of about `cells` cells, square-ish in km, over `min`–`max`.
    fn new(min: Coord<f64>, max: Coord<f64>, cells: usize) -> Grid {
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

    fn with_cells(
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
    fn column_row(&self, x: f64, y: f64) -> Option<(usize, usize)> {
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
    fn cell_or(&self, x: f64, y: f64, outside: usize) -> usize {
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

/// Codes of the class grid: the relation class every point of the cell has (0 far, 1 near,
/// 2 border zone, 3 inside), or what to do to find it.
const CLASS_INSIDE: u8 = 3;
/// `COVERS_OR + k` (k = 0, 1, 2): covered points are inside, the others have class `k`.
const COVERS_OR: u8 = 4;
const COVERS_OR_LAST: u8 = COVERS_OR + 2;
/// Covered points are inside, the others are measured.
const COVERS_OR_MEASURE: u8 = 7;
/// No point of the cell is covered; measure.
const MEASURE: u8 = 8;
/// A value of a coarse cell from which on it names a block of fine cells.
const FIRST_BLOCK: u32 = 16;
/// Fine cells per block side, as a shift: 8 × 8 cells of about 0.5 km in a 4 km block.
const BLOCK_SHIFT: u32 = 3;
const BLOCK_SIDE: usize = 1 << BLOCK_SHIFT;
/// Aimed-at size of a fine cell, and the most coarse cells a class grid may have (larger
/// regions get larger cells).
const FINE_CELL_KM: f64 = 0.5;
const MAX_COARSE_CELLS: f64 = 262_144.0;
/// Thresholds beyond this are measured every time (the grid would be too large to pay off).
const MAX_CLASS_KM: f64 = 500.0;

/// The distance classes of one pair of thresholds, precomputed per cell.
#[derive(Debug, Clone)]
struct ClassGrid {
    border_zone_km: f64,
    near_km: f64,
    /// The fine cells; a coarse cell is `BLOCK_SIDE` × `BLOCK_SIDE` of them.
    fine: Grid,
    coarse_columns: usize,
    /// Per coarse cell: a code (< `FIRST_BLOCK`) for all its points, or `FIRST_BLOCK + block`;
    /// one more, far, for points outside the grid.
    coarse: Vec<u32>,
    /// `BLOCK_SIDE²` codes per block, row by row.
    blocks: Vec<u8>,
}

impl ClassGrid {
    #[inline]
    fn code(&self, lon: f64, lat: f64) -> u8 {
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
struct CellGeometry {
    centre: Coord<f64>,
    /// Half the diagonal, km, in the centre's local plane (taking the cell's widest row).
    half_diagonal: f64,
    /// How much the local plane's scale changes across the cell, relative.
    stretch: f64,
}

impl CellGeometry {
    fn new(min: Coord<f64>, max: Coord<f64>) -> CellGeometry {
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
    fn bounds(&self, d: f64) -> (f64, f64) {
        let slack = self.stretch * (d + self.half_diagonal) + 1e-3;
        (
            (d - self.half_diagonal - slack).max(0.0),
            d + self.half_diagonal + slack,
        )
    }

    /// Every edge that is nearest to some point of the cell lies within this distance of the
    /// centre (centre's plane).
    fn candidate_radius(&self, d: f64) -> f64 {
        (d + 2.0 * self.half_diagonal) * (1.0 + 8.0 * self.stretch) + 0.01
    }
}

/// The nearest part of a multi-part index to a point: see [`RegionIndex::nearest_part`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NearestPart {
    /// Index of the part, in the order the parts were given.
    pub part: usize,
    /// Whether the part covers the point.
    pub covered: bool,
    /// 0 when covered, else the distance in km to the part's nearest edge.
    pub km: f64,
}

/// The grid index of one region, or of the union of an event's regions (its parts).
#[derive(Debug, Clone)]
pub struct RegionIndex {
    /// Tight around the region: answers `covers`.
    grid: Grid,
    /// Per cell: `OUTSIDE`, `INSIDE` or `BOUNDARY`; one more, `OUTSIDE`, for points outside the
    /// grid.
    kinds: Vec<u8>,
    /// Per cell: its slot, for boundary cells (0 for the others).
    slot_of_cell: Vec<u32>,
    /// Per slot: its edges are `cell_edges[slot_start[slot]..slot_start[slot + 1]]`.
    slot_start: Vec<u32>,
    cell_edges: Vec<CellEdge>,
    /// The id (index in `edges`) of each of `cell_edges`.
    cell_edge_ids: Vec<u32>,
    references: Vec<Reference>,
    edges: Vec<(Coord<f64>, Coord<f64>)>,
    /// Which part each edge belongs to.
    edge_part: Vec<u32>,
    parts: usize,
    tree: RTree<ScaledEdge>,
    /// cos of the latitude used for the R-tree's scaled plane.
    tree_cos: f64,
    classes: Option<ClassGrid>,
}

impl RegionIndex {
    /// Builds the index of `shape` (WGS-84 lon/lat): `covers` and distances. [`RegionIndex::class`]
    /// measures every point that `covers` leaves; see [`RegionIndex::of_parts`] for an index that
    /// classifies from its grid.
    pub fn new(shape: &MultiPolygon<f64>) -> RegionIndex {
        RegionIndex::of_parts(&[shape], None)
    }

    /// Builds the index of the union of `parts`, which must not overlap (an event's regions).
    /// With `classes = Some((border_zone_km, near_km))` it also precomputes the distance classes
    /// of these thresholds, so [`RegionIndex::class`] with them rarely measures.
    pub fn of_parts(parts: &[&MultiPolygon<f64>], classes: Option<(f64, f64)>) -> RegionIndex {
        let mut edges = Vec::new();
        let mut edge_part = Vec::new();
        let mut rect: Option<Rect<f64>> = None;
        for (part, shape) in parts.iter().enumerate() {
            for line in shape.lines_iter().filter(|l| l.start != l.end) {
                edges.push((line.start, line.end));
                edge_part.push(part as u32);
            }
            if let Some(r) = shape.bounding_rect() {
                rect = Some(match rect {
                    None => r,
                    Some(all) => Rect::new(
                        Coord {
                            x: all.min().x.min(r.min().x),
                            y: all.min().y.min(r.min().y),
                        },
                        Coord {
                            x: all.max().x.max(r.max().x),
                            y: all.max().y.max(r.max().y),
                        },
                    ),
                });
            }
        }
        let rect = rect.unwrap_or(Rect::new(
            Coord { x: 0.0, y: 0.0 },
            Coord { x: 0.0, y: 0.0 },
        ));
        // The covers grid has a thin margin so its border lies outside the region.
        let thin = widening(&rect, 0.5);
        let grid = Grid::new(
            rect.min() - thin,
            rect.max() + thin,
            (edges.len() * 16).clamp(16_384, 262_144),
        );

        let tree_cos = ((rect.min().y + rect.max().y) / 2.0).to_radians().cos();
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

        let cell_count = grid.len();
        let mut index = RegionIndex {
            grid,
            kinds: vec![OUTSIDE; cell_count + 1],
            slot_of_cell: vec![0; cell_count],
            slot_start: vec![0],
            cell_edges: Vec::new(),
            cell_edge_ids: Vec::new(),
            references: Vec::new(),
            edges,
            edge_part,
            parts: parts.len(),
            tree,
            tree_cos,
            classes: None,
        };
        index.assign_edges();
        index.walk_rows();
        index.copy_cell_edges();
        if let Some((border_zone_km, near_km)) = classes {
            index.classes = index.class_grid(&rect, border_zone_km, near_km);
        }
        index
    }

    /// Lists each edge in every cell its bounding box overlaps (a superset of the cells it
    /// touches, which is all exactness needs).
    fn assign_edges(&mut self) {
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (id, &(a, b)) in self.edges.iter().enumerate() {
            let (c0, r0) = self.grid.clamped(a.x.min(b.x), a.y.min(b.y));
            let (c1, r1) = self.grid.clamped(a.x.max(b.x), a.y.max(b.y));
            for row in r0..=r1 {
                for column in c0..=c1 {
                    pairs.push(((row * self.grid.columns + column) as u32, id as u32));
                }
            }
        }
        pairs.sort_unstable();
        for (i, &(cell, id)) in pairs.iter().enumerate() {
            if i == 0 || pairs[i - 1].0 != cell {
                if i > 0 {
                    self.slot_start.push(self.cell_edge_ids.len() as u32);
                }
                self.kinds[cell as usize] = BOUNDARY;
                self.slot_of_cell[cell as usize] = (self.slot_start.len() - 1) as u32;
            }
            self.cell_edge_ids.push(id);
        }
        if !pairs.is_empty() {
            self.slot_start.push(self.cell_edge_ids.len() as u32);
        }
        self.references = vec![
            Reference {
                point: RobustCoord { x: 0.0, y: 0.0 },
                inside: false,
            };
            self.slot_start.len() - 1
        ];
    }

    fn slot_edge_ids(&self, slot: usize) -> &[u32] {
        &self.cell_edge_ids[self.slot_start[slot] as usize..self.slot_start[slot + 1] as usize]
    }

    /// Walks each row from the grid's left border (outside: the grid has a margin) and carries the
    /// inside/outside status from reference point to reference point by counting crossings.
    fn walk_rows(&mut self) {
        let (columns, rows) = (self.grid.columns, self.grid.rows);
        let mut seen: Vec<u32> = Vec::new();
        for row in 0..rows {
            let y = self.grid.min.y + (row as f64 + 0.5) * self.grid.cell_height;
            let mut previous = Coord {
                x: self.grid.min.x,
                y,
            };
            let mut previous_inside = false;
            let mut previous_cell = row * columns;
            for column in 0..columns {
                let cell = row * columns + column;
                let centre = Coord {
                    x: self.grid.min.x + (column as f64 + 0.5) * self.grid.cell_width,
                    y,
                };
                let reference = if self.kinds[cell] == BOUNDARY {
                    self.off_edge_point(self.slot_of_cell[cell] as usize, centre)
                } else {
                    centre
                };
                let mut crossings = 0usize;
                seen.clear();
                for c in [previous_cell, cell] {
                    if self.kinds[c] == BOUNDARY {
                        for &id in self.slot_edge_ids(self.slot_of_cell[c] as usize) {
                            if !seen.contains(&id) {
                                seen.push(id);
                                let (a, b) = self.edges[id as usize];
                                crossings += usize::from(crosses(previous, reference, a, b));
                            }
                        }
                    }
                }
                let inside = previous_inside ^ (crossings % 2 == 1);
                if self.kinds[cell] == BOUNDARY {
                    self.references[self.slot_of_cell[cell] as usize] = Reference {
                        point: robust(reference),
                        inside,
                    };
                } else {
                    self.kinds[cell] = if inside { INSIDE } else { OUTSIDE };
                }
                previous = reference;
                previous_inside = inside;
                previous_cell = cell;
            }
        }
    }

    /// The cell centre, nudged until it lies on none of the cell's edges.
    fn off_edge_point(&self, slot: usize, centre: Coord<f64>) -> Coord<f64> {
        let mut point = centre;
        for step in 1..64 {
            let on_edge = self.slot_edge_ids(slot).iter().any(|&id| {
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

    /// Copies each boundary cell's edges next to each other, with the reference point's side.
    fn copy_cell_edges(&mut self) {
        let mut cell_edges = Vec::with_capacity(self.cell_edge_ids.len());
        for slot in 0..self.references.len() {
            let reference = self.references[slot].point;
            for &id in self.slot_edge_ids(slot) {
                let (a, b) = self.edges[id as usize];
                let (a, b) = (robust(a), robust(b));
                cell_edges.push(CellEdge {
                    a,
                    b,
                    reference_side: orient2d(a, b, reference),
                });
            }
        }
        self.cell_edges = cell_edges;
    }

    /// True when the region covers the point (its edge counts as inside): exactly `Covers`.
    #[inline]
    pub fn covers(&self, lon: f64, lat: f64) -> bool {
        let cell = self.grid.cell_or(lon, lat, self.grid.len());
        match self.kinds[cell] {
            BOUNDARY => self.covers_in_boundary_cell(self.slot_of_cell[cell] as usize, lon, lat),
            kind => kind == INSIDE,
        }
    }

    /// On an edge: covered. Else the reference point's status, flipped by each edge the segment
    /// from it to the point crosses. The crossing test (`crosses`) asks first whether the point
    /// and the reference lie strictly on opposite sides of the edge's line, which most edges
    /// already answer no.
    fn covers_in_boundary_cell(&self, slot: usize, lon: f64, lat: f64) -> bool {
        let p = RobustCoord { x: lon, y: lat };
        let reference = self.references[slot];
        let c = reference.point;
        let mut inside = reference.inside;
        let edges =
            &self.cell_edges[self.slot_start[slot] as usize..self.slot_start[slot + 1] as usize];
        for edge in edges {
            let (a, b) = (edge.a, edge.b);
            let tp = orient2d(a, b, p);
            if tp == 0.0 {
                if p.x >= a.x.min(b.x)
                    && p.x <= a.x.max(b.x)
                    && p.y >= a.y.min(b.y)
                    && p.y <= a.y.max(b.y)
                {
                    return true;
                }
                continue;
            }
            let tc = edge.reference_side;
            if (tc > 0.0 && tp < 0.0) || (tc < 0.0 && tp > 0.0) {
                let side_a = orient2d(c, p, a) >= 0.0;
                let side_b = orient2d(c, p, b) >= 0.0;
                inside ^= side_a != side_b;
            }
        }
        inside
    }

    /// Which parts cover the point, each decided on its own edges: crossings from the grid's
    /// left border (outside every part) along the point's row.
    fn covering_parts(&self, lon: f64, lat: f64) -> Vec<bool> {
        let mut covered = vec![false; self.parts];
        let Some((column, row)) = self.grid.column_row(lon, lat) else {
            return covered;
        };
        let first = row * self.grid.columns;
        let mut ids: Vec<u32> = Vec::new();
        for cell in first..=first + column {
            if self.kinds[cell] == BOUNDARY {
                ids.extend_from_slice(self.slot_edge_ids(self.slot_of_cell[cell] as usize));
            }
        }
        ids.sort_unstable();
        ids.dedup();
        let p = Coord { x: lon, y: lat };
        let start = Coord {
            x: self.grid.min.x,
            y: lat,
        };
        let mut on_edge = vec![false; self.parts];
        for id in ids {
            let (a, b) = self.edges[id as usize];
            let part = self.edge_part[id as usize] as usize;
            if on_segment(p, a, b) {
                on_edge[part] = true;
            } else if crosses(start, p, a, b) {
                covered[part] = !covered[part];
            }
        }
        for (covered, on_edge) in covered.iter_mut().zip(on_edge) {
            *covered |= on_edge;
        }
        covered
    }

    /// For the R-tree's pruning: the most the scaled plane can shrink a distance at `lat`.
    fn stretch_at(&self, lat: f64) -> f64 {
        (self.tree_cos / lat.to_radians().cos().abs()).max(1.0)
    }

    /// Distance in km from the point to edge `id`, in the local plane at `lat` (`cos` = cos lat).
    #[inline]
    fn local_distance_km(&self, id: u32, lon: f64, lat: f64, cos: f64) -> f64 {
        self.local_distance_2(id, lon, lat, cos).sqrt()
    }

    /// The square of [`RegionIndex::local_distance_km`].
    #[inline]
    fn local_distance_2(&self, id: u32, lon: f64, lat: f64, cos: f64) -> f64 {
        let (a, b) = self.edges[id as usize];
        let local = |c: Coord<f64>| {
            [
                (c.x - lon) * KM_PER_DEGREE * cos,
                (c.y - lat) * KM_PER_DEGREE,
            ]
        };
        segment_distance_2([0.0, 0.0], local(a), local(b))
    }

    /// Distance in km from the point to the region's nearest edge, in the local plane; infinite
    /// for a point that is not on Earth (|lat| > 90, |lon| > 10⁶, NaN).
    pub fn edge_distance_km(&self, lon: f64, lat: f64) -> f64 {
        if !on_earth(lon, lat) {
            return f64::INFINITY;
        }
        let cos = lat.to_radians().cos();
        let stretch = self.stretch_at(lat);
        let query = [lon * KM_PER_DEGREE * self.tree_cos, lat * KM_PER_DEGREE];
        let mut best = f64::INFINITY;
        for (edge, scaled_2) in self.tree.nearest_neighbor_iter_with_distance_2(&query) {
            // The scaled plane can shrink distances by at most `stretch`; the slack keeps edges
            // whose distance rounds differently in the two planes.
            if scaled_2.sqrt() / stretch > best * (1.0 + 1e-9) + 1e-9 {
                break;
            }
            best = best.min(self.local_distance_km(edge.id, lon, lat, cos));
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

    /// The part nearest to the point, as one index per part would find it: each part's
    /// distance is 0 when it covers the point, else the distance to its nearest edge; the
    /// smallest wins, and of equal ones the first part. `None` for an index of no parts.
    pub fn nearest_part(&self, lon: f64, lat: f64) -> Option<NearestPart> {
        if self.parts == 0 {
            return None;
        }
        if !on_earth(lon, lat) {
            return Some(NearestPart {
                part: 0,
                covered: false,
                km: f64::INFINITY,
            });
        }
        let covered = self.covering_parts(lon, lat);
        let (mut best_km, mut best_part) = match covered.iter().position(|&c| c) {
            Some(part) => (0.0, part),
            None => (f64::INFINITY, usize::MAX),
        };
        let cos = lat.to_radians().cos();
        let stretch = self.stretch_at(lat);
        let query = [lon * KM_PER_DEGREE * self.tree_cos, lat * KM_PER_DEGREE];
        for (edge, scaled_2) in self.tree.nearest_neighbor_iter_with_distance_2(&query) {
            if scaled_2.sqrt() / stretch > best_km * (1.0 + 1e-9) + 1e-9 {
                break;
            }
            let part = self.edge_part[edge.id as usize] as usize;
            if covered[part] {
                continue;
            }
            let d = self.local_distance_km(edge.id, lon, lat, cos);
            if d < best_km || (d == best_km && part < best_part) {
                (best_km, best_part) = (d, part);
            }
        }
        if best_part == usize::MAX || best_km == f64::INFINITY {
            // No finite distance (no edges, or a non-finite point): every part ties.
            return Some(NearestPart {
                part: 0,
                covered: false,
                km: f64::INFINITY,
            });
        }
        Some(NearestPart {
            part: best_part,
            covered: covered[best_part],
            km: best_km,
        })
    }

    /// Each part's distance to the point as one index per part would measure it (0 when the part
    /// covers the point, else to its nearest edge), for the parts within `limit_km`; infinite for
    /// the others. One search for all parts, over the edges within `limit_km`.
    pub fn part_distances_km(&self, lon: f64, lat: f64, limit_km: f64) -> Vec<f64> {
        let mut km = vec![f64::INFINITY; self.parts];
        if !on_earth(lon, lat) {
            return km;
        }
        let covered = self.covering_parts(lon, lat);
        for (km, &covered) in km.iter_mut().zip(&covered) {
            if covered {
                *km = 0.0;
            }
        }
        let cos = lat.to_radians().cos();
        let stretch = self.stretch_at(lat);
        let query = [lon * KM_PER_DEGREE * self.tree_cos, lat * KM_PER_DEGREE];
        for (edge, scaled_2) in self.tree.nearest_neighbor_iter_with_distance_2(&query) {
            if scaled_2.sqrt() / stretch > limit_km * (1.0 + 1e-9) + 1e-9 {
                break;
            }
            let part = self.edge_part[edge.id as usize] as usize;
            if !covered[part] {
                km[part] = km[part].min(self.local_distance_km(edge.id, lon, lat, cos));
            }
        }
        // A part whose nearest edge lies beyond the limit may hold a nearer-than-true minimum of
        // the edges seen; it is beyond the limit either way.
        for km in &mut km {
            if *km > limit_km {
                *km = f64::INFINITY;
            }
        }
        km
    }

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

    fn measured_class(&self, lon: f64, lat: f64, border_zone_km: f64, near_km: f64) -> u8 {
        class_of_distance(self.edge_distance_km(lon, lat), border_zone_km, near_km)
    }

    /// The class grid of two thresholds over the region's box widened by the larger one.
    fn class_grid(&self, rect: &Rect<f64>, border_zone_km: f64, near_km: f64) -> Option<ClassGrid> {
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

    /// Covers-grid columns and rows, how many cells keep edges, and the edge count, for reports.
    pub fn stats(&self) -> (usize, usize, usize, usize) {
        (
            self.grid.columns,
            self.grid.rows,
            self.references.len(),
            self.edges.len(),
        )
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
struct ClassBuilder<'a> {
    index: &'a RegionIndex,
    fine: &'a Grid,
    border_zone_km: f64,
    near_km: f64,
    /// Scratch: the distances of the candidates to the current centre.
    distances: Vec<f64>,
}

impl ClassBuilder<'_> {
    /// The square of `size` fine cells whose lower-left fine cell is (`column`, `row`).
    fn geometry(&self, column: usize, row: usize, size: usize) -> CellGeometry {
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
    fn code(&self, cell: &CellGeometry, d: f64) -> u8 {
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
    fn split(
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
fn undecided(code: u8) -> bool {
    code == COVERS_OR_MEASURE || code == MEASURE
}

/// 3 inside is not a distance class: 2 within `border_zone_km`, 1 within `near_km`, else 0.
fn class_of_distance(d: f64, border_zone_km: f64, near_km: f64) -> u8 {
    if d <= border_zone_km {
        2
    } else if d <= near_km {
        1
    } else {
        0
    }
}

/// Coordinates the distance search can take (beyond, its arithmetic overflows).
fn on_earth(lon: f64, lat: f64) -> bool {
    lat.abs() <= 90.0 && lon.abs() <= 1e6
}

/// How many degrees `km` is at most, in lon and lat, anywhere in (and just around) the box.
fn widening(rect: &Rect<f64>, km: f64) -> Coord<f64> {
    let max_abs_lat = (rect.min().y.abs().max(rect.max().y.abs()) + 1.0).min(89.0);
    Coord {
        x: km / (KM_PER_DEGREE * max_abs_lat.to_radians().cos()) + 1e-6,
        y: km / KM_PER_DEGREE + 1e-6,
    }
}

/// A region's index, built the first time it is asked for: screening asks the index of each
/// event's union ([`crate::data::EventArea`]), so start-up builds no index per region.
#[derive(Debug, Clone)]
pub struct LazyIndex {
    shape: MultiPolygon<f64>,
    built: OnceLock<RegionIndex>,
}

impl LazyIndex {
    pub fn new(shape: MultiPolygon<f64>) -> LazyIndex {
        LazyIndex {
            shape,
            built: OnceLock::new(),
        }
    }

    /// Whether the index has been built yet.
    pub fn is_built(&self) -> bool {
        self.built.get().is_some()
    }
}

impl Deref for LazyIndex {
    type Target = RegionIndex;
    fn deref(&self) -> &RegionIndex {
        self.built.get_or_init(|| RegionIndex::new(&self.shape))
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
