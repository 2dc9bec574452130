//! [`RegionIndex`]: building the covers grid over a region's (or an event's regions') edges,
//! and answering `covers` exactly.

use super::classes::ClassGrid;
use super::grid::*;
use geo::{BoundingRect, Coord, LinesIter, MultiPolygon, Rect};
use robust::{Coord as RobustCoord, orient2d};
use rstar::RTree;

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
    pub(super) grid: Grid,
    /// Per cell: `OUTSIDE`, `INSIDE` or `BOUNDARY`; one more, `OUTSIDE`, for points outside the
    /// grid.
    pub(super) kinds: Vec<u8>,
    /// Per cell: its slot, for boundary cells (0 for the others).
    pub(super) slot_of_cell: Vec<u32>,
    /// Per slot: its edges are `cell_edges[slot_start[slot]..slot_start[slot + 1]]`.
    pub(super) slot_start: Vec<u32>,
    pub(super) cell_edges: Vec<CellEdge>,
    /// The id (index in `edges`) of each of `cell_edges`.
    pub(super) cell_edge_ids: Vec<u32>,
    pub(super) references: Vec<Reference>,
    pub(super) edges: Vec<(Coord<f64>, Coord<f64>)>,
    /// Which part each edge belongs to.
    pub(super) edge_part: Vec<u32>,
    pub(super) parts: usize,
    pub(super) tree: RTree<ScaledEdge>,
    /// cos of the latitude used for the R-tree's scaled plane.
    pub(super) tree_cos: f64,
    pub(super) classes: Option<ClassGrid>,
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
    pub(super) fn assign_edges(&mut self) {
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

    pub(super) fn slot_edge_ids(&self, slot: usize) -> &[u32] {
        &self.cell_edge_ids[self.slot_start[slot] as usize..self.slot_start[slot + 1] as usize]
    }

    /// Walks each row from the grid's left border (outside: the grid has a margin) and carries the
    /// inside/outside status from reference point to reference point by counting crossings.
    pub(super) fn walk_rows(&mut self) {
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
    pub(super) fn off_edge_point(&self, slot: usize, centre: Coord<f64>) -> Coord<f64> {
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
    pub(super) fn copy_cell_edges(&mut self) {
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
    pub(super) fn covers_in_boundary_cell(&self, slot: usize, lon: f64, lat: f64) -> bool {
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
    pub(super) fn covering_parts(&self, lon: f64, lat: f64) -> Vec<bool> {
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

    /// Covers-grid columns and rows, how many cells keep edges, and the edge count, for reports.
    pub fn stats(&self) -> (usize, usize, usize, usize) {
        (
            self.grid.columns,
            self.grid.rows,
            self.references.len(),
            self.edges.len(),
        )
    }
}
