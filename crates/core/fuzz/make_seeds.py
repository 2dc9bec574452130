#!/usr/bin/env python3
"""Writes the committed seed corpus, crates/core/fuzz/seeds/<target>/, from the importer test
fixtures (crates/core/tests/fixtures/import/). Run from the repository root after changing a
fixture or a target's OPENINGS.

A target's input is one byte choosing an opening from its OPENINGS, then the rest of the file
(see fuzz_targets/*.rs); a seed is a fixture written that way, with the longest opening it starts
with. `scripts/fuzz.sh` copies the seeds into the working corpus; `cargo test -p prescreen-core
--test core -- fuzz_seeds::` replays every seed and every saved crash on stable Rust.
"""
import hashlib, pathlib

FIXTURES = pathlib.Path("crates/core/tests/fixtures/import")
SEEDS = pathlib.Path("crates/core/fuzz/seeds")
# Must match OPENINGS in crates/core/fuzz/fuzz_targets/<target>.rs.
OPENINGS = {
    "import_any": [b""],
    "import_json": [b'{"locations":[', b'{"timelineObjects":[', b'{"semanticSegments":[', b'{"rawSignals":[', b"["],
    "import_xml": [b"<gpx>", b"<kml>", b'<?xml version="1.0"?><gpx><trk><trkseg>', b"<kml><Document><Placemark>"],
    "import_photo": [b"\xFF\xD8\xFF", b"\x00\x00\x00\x18ftypheic"],
    "import_zip": [b"PK\x03\x04", b""],
    "import_huawei": [
        b'[{"sportType":4,"attribute":"HW_EXT_TRACK_DETAIL@istp=lbs;',
        b'[{"recordDay":20190905,"motionPathData":[{"attribute":"HW_EXT_TRACK_DETAIL@is',
        b'[{"totalSteps":1,',
    ],
}
# Which fixtures seed which target (import_any gets them all).
KINDS = {
    "import_json": (".json",),
    "import_xml": (".gpx", ".kml", ".xml"),
    "import_photo": (".jpg",),
    "import_zip": (".zip",),
    "import_huawei": (".json",),
}

for target, openings in OPENINGS.items():
    out = SEEDS / target
    out.mkdir(parents=True, exist_ok=True)
    for fixture in sorted(FIXTURES.iterdir()):
        if fixture.suffix == ".py" or (target in KINDS and fixture.suffix not in KINDS[target]):
            continue
        data = fixture.read_bytes()
        matches = [(len(o), i) for i, o in enumerate(openings) if data.startswith(o)]
        if not matches:
            # No opening fits: the smallest opening, then the whole file after it.
            i = min(range(len(openings)), key=lambda k: len(openings[k]))
            seed = bytes([i]) + data
        else:
            n, i = max(matches)
            seed = bytes([i]) + data[n:]
        (out / f"{fixture.name}-{hashlib.sha1(seed).hexdigest()[:8]}").write_bytes(seed)
