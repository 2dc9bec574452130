//! Stage 2 of the data pipeline: builds `static/data/{regions.geojson,places.json,events.json,meta.json}`.
//!
//! Stage 1 (`data/prep/prep.py`, run by `data/build.sh`) cut the registry packages down to
//! `data/.cache/work/`: the countries' land polygons (OSM-derived, ODbL), MIMU village and town
//! points of the Myanmar border states, and the resolved gazetteer. This program
//!
//! 1. extracts the China–Myanmar, China–Laos and China–Vietnam borders as the edges the two
//!    countries' polygons share, simplifies them with an absolute Douglas–Peucker tolerance and
//!    measures how far the simplified line strays from the full-resolution one;
//! 2. builds each screened region as the union of the Voronoi cells of its MIMU points (an
//!    approximate township outline), clipped to Myanmar's land polygon, so the region follows the
//!    full-resolution border wherever it touches China and a point in China is never inside it;
//! 3. checks the gazetteer and the events against the app's serde types and writes everything.
//!
//! Usage: `data-pipeline <data dir> <output dir>` (data/build.sh passes `data static/data`).
//!
//! `data-pipeline guidance [--check]` builds (or checks) the guidance files, `messages.json`,
//! `channels.json` and `legal.json`, from `data/guidance/` (see [`guidance`]).

mod borders;
mod countries;
mod guidance;
mod regions;
mod validate;
mod write;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let result = match args.as_slice() {
        [_, command] if command == "guidance" => guidance::run(false),
        [_, command, check] if command == "guidance" && check == "--check" => guidance::run(true),
        [_, data, out] => write::run(&PathBuf::from(data), &PathBuf::from(out)),
        _ => {
            eprintln!(
                "usage: data-pipeline <data dir> <output dir>  (see data/build.sh)\n       data-pipeline guidance [--check]"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("data-pipeline: {e}");
            ExitCode::FAILURE
        }
    }
}
