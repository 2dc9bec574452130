#!/usr/bin/env python3
"""Trunk post-build hook: move Trunk's inline bootstrap <script> into boot.js.

The strict CSP in index.html allows scripts only from 'self', so an inline script never runs.
Trunk runs this with TRUNK_STAGING_DIR set to the folder about to become dist/.
Fails loudly if the page has no inline module script or more than one, so a Trunk upgrade that
changes the bootstrap cannot slip through silently.
"""
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("csp_bootstrap.py: TRUNK_STAGING_DIR is not set; run it as a Trunk post_build hook")

index_path = os.path.join(staging, "index.html")
with open(index_path, encoding="utf-8") as f:
    html = f.read()

inline = re.compile(r'<script type="module"(?![^>]*\bsrc=)[^>]*>(.*?)</script>', re.S)
found = inline.findall(html)
if len(found) != 1:
    sys.exit(f"csp_bootstrap.py: expected one inline bootstrap script, found {len(found)}")

with open(os.path.join(staging, "boot.js"), "w", encoding="utf-8") as f:
    f.write(found[0].strip() + "\n")
# static/start.js runs first: it checks that this browser can run the wasm, and only then imports
# boot.js (preloaded here so that check costs no extra round trip).
html = inline.sub(
    '<script type="module" src="./start.js"></script>\n    <link rel="modulepreload" href="./boot.js">',
    html,
    count=1,
)
with open(index_path, "w", encoding="utf-8") as f:
    f.write(html)
if not os.path.exists(os.path.join(staging, "start.js")):
    sys.exit("csp_bootstrap.py: start.js is missing from the build (index.html must copy static/start.js)")
print("csp_bootstrap.py: bootstrap moved to boot.js, loaded by start.js")
