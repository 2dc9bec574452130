#!/usr/bin/env python3
"""Builds static/data/holidays.json: public holidays and make-up working days (调休), 2019 on.

Input: a checkout of NateScarlet/holiday-cn (MIT licence), which transcribes the State Council
General Office's yearly notices (国务院办公厅关于XXXX年部分节假日安排的通知) into JSON and lists
each notice's address under `papers`. Only years whose file has at least one paper and one day
are taken: a year whose notice is not out yet (2027 at the time of writing) stays out, and the
app reports it instead of guessing.

Usage: build_holidays.py HOLIDAY_CN_GIT_DIR COMMIT > static/data/holidays.json
Reply periods come from reply_periods.json beside this script (each with its own source).
"""
import json
import subprocess
import sys
from pathlib import Path

FIRST_YEAR = 2019
LAST_YEAR = 2030

# Titles of the notices whose address is not just "the year's holiday arrangements".
SPECIAL_TITLES = {
    "5375877": "国务院办公厅关于调整2019年劳动节假期安排的通知",
    "5472352": "国务院办公厅关于延长2020年春节假期的通知",
}


def show(repo, commit, path):
    out = subprocess.run(
        ["git", "-C", repo, "show", f"{commit}:{path}"],
        capture_output=True, text=True,
    )
    return out.stdout if out.returncode == 0 else None


def main():
    repo, commit = sys.argv[1], sys.argv[2]
    years = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        text = show(repo, commit, f"{year}.json")
        if text is None:
            continue
        data = json.loads(text)
        if not data.get("papers") or not data.get("days"):
            continue
        via = f"https://github.com/NateScarlet/holiday-cn/blob/{commit}/{year}.json"
        notices = []
        for url in data["papers"]:
            content_id = url.rsplit("_", 1)[-1].split(".")[0]
            title = SPECIAL_TITLES.get(content_id, f"国务院办公厅关于{year}年部分节假日安排的通知")
            notices.append({
                "url": url,
                "title": f"{title} (State Council General Office; transcribed by NateScarlet/holiday-cn, MIT: {via})",
            })
        days = [
            {"date": d["date"], "off": bool(d["isOffDay"]), "name": d["name"]}
            for d in sorted(data["days"], key=lambda d: d["date"])
        ]
        years.append({"year": year, "notices": notices, "days": days})
    here = Path(__file__).resolve().parent
    periods = json.loads((here / "reply_periods.json").read_text(encoding="utf-8"))
    out = {
        "data_version": f"holiday-cn@{commit[:12]}",
        "licence": "Public holidays: State Council General Office notices (public documents), as transcribed by NateScarlet/holiday-cn (MIT licence, https://github.com/NateScarlet/holiday-cn). Reply periods: see each period's sources.",
        "years": years,
        "reply_periods": periods,
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
