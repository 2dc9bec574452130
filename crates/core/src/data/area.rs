//! An event's area: the union of its regions, indexed once for screening.

use super::geo::Event;
use super::regions::{Region, RegionSet};
use crate::index::RegionIndex;

/// The union of one event's regions, indexed as one area: the only index loading the data builds
/// for the event. It answers `covers`, the relation class of a point (from a grid precomputed
/// for the event's two thresholds) and which region is nearest, for the findings.
#[derive(Debug, Clone)]
pub struct EventArea {
    pub event: String,
    pub border_zone_km: f64,
    pub near_km: f64,
    /// The ids of the regions in the index, in the event's order, each once (those missing
    /// from `regions.geojson` left out): part `i` of the index is `regions[i]`.
    pub regions: Vec<String>,
    pub index: RegionIndex,
}

impl EventArea {
    /// The area of `event`'s regions, as found in `regions`.
    pub fn new(event: &Event, regions: &RegionSet) -> EventArea {
        let parts = EventArea::parts(event, regions);
        // The regions do not overlap, so their polygons together are one valid multipolygon.
        let shapes: Vec<&geo::MultiPolygon<f64>> = parts.iter().map(|r| &r.shape).collect();
        EventArea {
            event: event.id.clone(),
            border_zone_km: event.border_zone_km,
            near_km: event.near_km,
            regions: parts.iter().map(|r| r.properties.id.clone()).collect(),
            index: RegionIndex::of_parts(&shapes, Some((event.border_zone_km, event.near_km))),
        }
    }

    /// The event's regions found in `regions`, in the event's order, each once.
    fn parts<'a>(event: &Event, regions: &'a RegionSet) -> Vec<&'a Region> {
        let mut parts: Vec<&Region> = Vec::new();
        for region in event.regions.iter().filter_map(|id| regions.region(id)) {
            if !parts.iter().any(|p| std::ptr::eq(*p, region)) {
                parts.push(region);
            }
        }
        parts
    }

    /// Whether this area indexes exactly `event`'s regions as found in `regions` (so its answers
    /// are the event's).
    pub fn is_of(&self, event: &Event, regions: &RegionSet) -> bool {
        self.event == event.id
            && EventArea::parts(event, regions)
                .iter()
                .map(|r| r.properties.id.as_str())
                .eq(self.regions.iter().map(String::as_str))
    }

    /// The relation class of a point to the nearest of the event's regions: 3 inside, 2 border
    /// zone, 1 near, 0 far.
    #[inline]
    pub fn class(&self, lon: f64, lat: f64) -> u8 {
        self.index
            .class(lon, lat, self.border_zone_km, self.near_km)
    }

    /// The event's region nearest to a point (the first in the event's order of equally near
    /// ones), whether it covers the point, and the distance to it in km (0 when covered):
    /// what asking each region's own index would give.
    pub fn nearest(&self, lon: f64, lat: f64) -> Option<(&str, bool, f64)> {
        let nearest = self.index.nearest_part(lon, lat)?;
        let id = self.regions.get(nearest.part)?;
        Some((id.as_str(), nearest.covered, nearest.km))
    }
}
