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

mod classes;
mod distance;
mod grid;
mod lazy;
mod region_index;

pub use lazy::LazyIndex;
pub use region_index::{NearestPart, RegionIndex};
