//! A region's own index, built the first time it is asked for.

use std::ops::Deref;
use std::sync::OnceLock;

use geo::MultiPolygon;

use super::region_index::RegionIndex;

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
