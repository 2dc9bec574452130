#!/usr/bin/env python3
"""Trunk post-build hook: write sw.js with the list of built files and a content version.

The version is a hash of every file the app serves, so a new build with new data gets a new
cache, and the app can tell the user that an update is ready.
"""
import hashlib
import json
import os
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("write_sw.py: TRUNK_STAGING_DIR is not set; run it as a Trunk post_build hook")

files = []
digest = hashlib.sha256()
for root, _dirs, names in os.walk(staging):
    for name in sorted(names):
        path = os.path.join(root, name)
        rel = os.path.relpath(path, staging).replace(os.sep, "/")
        if rel in ("sw.js", "sw.template.js"):
            continue
        files.append(rel)
files.sort()
for rel in files:
    with open(os.path.join(staging, rel), "rb") as f:
        digest.update(rel.encode() + b"\0" + f.read())
version = digest.hexdigest()[:12]
urls = ["./"] + ["./" + rel for rel in files if rel != "index.html"]

template_path = os.path.join(staging, "sw.template.js")
with open(template_path, encoding="utf-8") as f:
    template = f.read()
os.remove(template_path)
with open(os.path.join(staging, "sw.js"), "w", encoding="utf-8") as f:
    f.write(template.replace("__VERSION__", version).replace("__FILES__", json.dumps(urls, indent=2)))
with open(os.path.join(staging, "version.txt"), "w", encoding="utf-8") as f:
    f.write(version + "\n")
print(f"write_sw.py: sw.js caches {len(urls)} files, version {version}")
