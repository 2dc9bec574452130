#!/usr/bin/env python3
"""Writes data/guidance/corpus.tsv: the labelled freeze-message corpus the classifier is tested on.

Run once from the repository root (2026-12-03) as `make_corpus.py PATH/TO/messages-real.tsv` (the
team's collection, outside this repository); from then on corpus.tsv
is the project's own copy (crates/core/tests/classifier_corpus.rs reads only that file). Inputs:

- messages-real.tsv, the path given as the first argument (rows r<id>; the expected cause is the one a person read from
  `cause_as_reported`, the same as EXPECTED in crates/core/tests/guidance_data.rs);
- data/research/today/corpus.tsv (rows c<nnn>; research `kind` mapped onto the core's causes).

Columns: id, expected (a core cause id), research_kind, platform, form, text, source_url,
source_title, published, confidence, note.
form: verbatim (the whole text as seen) | fragment (the platform's words, but only part of the text)
| paraphrase (a retelling) | description (not a message: policy wording, advice, a press statement).
confidence uses the project's labels; research `weak` (mirror/SEO page) becomes `unverified`.
"""
import csv, re, sys

REAL_EXPECTED = {
    1: "platform_violation", 2: "platform_violation", 4: "platform_violation", 5: "platform_violation",
    7: "not_a_freeze", 8: "account_security", 10: "border_area_freeze", 11: "platform_violation",
    13: "platform_violation", 14: "not_a_freeze", 16: "account_security", 17: "not_a_freeze",
    19: "account_security", 20: "not_a_freeze", 22: "not_a_freeze", 23: "not_a_freeze",
    25: "not_a_freeze", 26: "not_a_freeze", 28: "not_a_freeze", 29: "not_a_freeze",
    31: "platform_violation", 32: "account_security", 34: "platform_violation",
    35: "platform_violation", 37: "account_security", 38: "platform_violation",
    40: "platform_violation", 41: "platform_violation", 43: "phone_number_flagged",
    44: "platform_violation", 46: "platform_violation", 47: "platform_violation",
    49: "not_a_freeze", 50: "platform_violation", 52: "not_a_freeze", 53: "platform_violation",
    55: "not_a_freeze", 56: "funds_frozen_by_authority", 58: "funds_frozen_by_authority",
    59: "account_security", 61: "account_security", 62: "account_security", 64: "not_a_freeze",
    65: "platform_violation",
}

# Research kinds the core has no cause for, and rows whose note says they are something else.
KIND_MAP = {"exit_restriction": "unknown"}
ROW_OVERRIDE = {
    # "limit, not a freeze (banks' answers as reported)": a lowered transfer limit (DESIGN: not_a_freeze).
    "c014": "not_a_freeze",
}
FORM = {
    "verbatim": "c001 c038 c039 c040 c052 c053 c054 c057 c064",
    "fragment": "c009 c010 c011 c012 c015 c019 c020 c021 c035 c036 c041 c042 c060 c062 c065 c066 "
                "c069 c070 c071 c072",
    "description": "c002 c006 c014 c016 c017 c029 c030 c033 c034 c037 c067 c073",
}
FORM_OF = {i: f for f, ids in FORM.items() for i in ids.split()}
CONF = {"weak": "unverified", "official": "official", "media": "media", "single": "single"}


def real_title(url):
    m = re.match(r"https://github\.com/([^/]+/[^/]+)/issues/(\d+)", url)
    if m:
        return f"GitHub issue {m.group(1)}#{m.group(2)} (text pasted by a user)"
    if "chinadigitaltimes" in url:
        return "China Digital Times (English retelling)"
    if "financemagnates" in url:
        return "Finance Magnates (English report)"
    if url.startswith("http"):
        return "news page quoting the block screen (messages-real.tsv row)"
    return "a GitHub-hosted blog post (location not recorded in messages-real.tsv)"


def real_conf(url):
    if "github.com" in url:
        return "user"
    if url.startswith("http"):
        return "single"
    return "user"


def clean(s):
    assert "\t" not in s and "\n" not in s, s
    return s.strip()


def main():
    out = []
    if len(sys.argv) != 2:
        sys.exit("usage: make_corpus.py PATH/TO/messages-real.tsv")
    with open(sys.argv[1], newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            i = int(row["id"])
            url = row["url"] if row["url"].startswith("http") else ""
            out.append([f"r{i:02d}", REAL_EXPECTED[i], "", row["platform"],
                        "verbatim" if row["verbatim"] == "yes" else "paraphrase", row["text"], url,
                        real_title(row["url"]), row["date"], real_conf(row["url"]),
                        "messages-real.tsv: " + row["cause_as_reported"]])
    with open("data/research/today/corpus.tsv", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            i = row["id"]
            exp = ROW_OVERRIDE.get(i, KIND_MAP.get(row["kind"], row["kind"]))
            out.append([i, exp, row["kind"], row["platform"], FORM_OF.get(i, "paraphrase"), row["text"],
                        row["source_url"], row["source_title"], row["published"],
                        CONF[row["confidence"]], row["note"]])
    head = ["id", "expected", "research_kind", "platform", "form", "text", "source_url",
            "source_title", "published", "confidence", "note"]
    with open("data/guidance/corpus.tsv", "w") as f:
        f.write("\t".join(head) + "\n")
        for r in out:
            f.write("\t".join(clean(x) for x in r) + "\n")
    print(len(out), "rows", file=sys.stderr)


if __name__ == "__main__":
    main()
