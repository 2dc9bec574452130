//! The shipped files compiled in, for the CLI, the tests and the benches. The app fetches its
//! copies instead; a constant that nothing uses adds nothing to a binary.

use super::{GuidanceTexts, ShippedTexts};

/// `static/data/*` as they were when this crate was built.
pub const SHIPPED: ShippedTexts<'static> = ShippedTexts {
    places: include_str!("../../../../static/data/places.json"),
    events: include_str!("../../../../static/data/events.json"),
    regions: include_str!("../../../../static/data/regions.geojson"),
    guidance: Some(GuidanceTexts {
        messages: include_str!("../../../../static/data/messages.json"),
        channels: include_str!("../../../../static/data/channels.json"),
        legal: include_str!("../../../../static/data/legal.json"),
        holidays: include_str!("../../../../static/data/holidays.json"),
        linked: include_str!("../../../../static/data/linked.json"),
    }),
};
