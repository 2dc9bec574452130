//! `meta.json`: what the data pipeline built, from what, and how accurate it is.

use serde::{Deserialize, Serialize};

/// `meta.json`: what the data pipeline built, from what, and how accurate it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaFile {
    pub data_version: String,
    /// ISO date of the build inputs (the pipeline is reproducible: no clock is read).
    pub built_from: String,
    pub licence: String,
    /// Attribution text the app must show (OpenStreetMap contributors, GeoNames, MIMU).
    pub attribution: Vec<String>,
    /// The pinned registry packages the files were built from, as `name version (licence)`.
    pub inputs: Vec<String>,
    pub files: Vec<FileInfo>,
    pub places: usize,
    pub regions: Vec<RegionInfo>,
    pub borders: Vec<BorderInfo>,
}

/// Size of one built file (`meta.json` itself is not listed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileInfo {
    pub name: String,
    pub bytes: u64,
    pub gzip_bytes: u64,
}

/// Size and vertex count of one region outline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionInfo {
    pub id: String,
    pub area_km2: f64,
    pub vertices: usize,
}

/// One simplified border line and its measured error against the full-resolution line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BorderInfo {
    pub id: String,
    /// Douglas–Peucker tolerance, in degrees (absolute, not a percentage of points).
    pub tolerance_deg: f64,
    pub vertices_full: usize,
    pub vertices_kept: usize,
    /// Largest distance of a full-resolution vertex from the simplified line, km.
    pub max_error_km: f64,
    /// Median distance of the full-resolution vertices from the simplified line, km.
    pub median_error_km: f64,
}
