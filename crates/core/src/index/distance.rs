//! Distances from a point to the region's edges: the nearest edge, the nearest part, and every
//! part within a limit, measured in a local plane at the point's latitude.

use super::grid::*;
use super::region_index::{NearestPart, RegionIndex};
use geo::Coord;

impl RegionIndex {
    /// For the R-tree's pruning: the most the scaled plane can shrink a distance at `lat`.
    pub(super) fn stretch_at(&self, lat: f64) -> f64 {
        (self.tree_cos / lat.to_radians().cos().abs()).max(1.0)
    }

    /// Distance in km from the point to edge `id`, in the local plane at `lat` (`cos` = cos lat).
    #[inline]
    pub(super) fn local_distance_km(&self, id: u32, lon: f64, lat: f64, cos: f64) -> f64 {
        self.local_distance_2(id, lon, lat, cos).sqrt()
    }

    /// The square of [`RegionIndex::local_distance_km`].
    #[inline]
    pub(super) fn local_distance_2(&self, id: u32, lon: f64, lat: f64, cos: f64) -> f64 {
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
}
