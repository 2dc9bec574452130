#!/usr/bin/env python3
"""Trunk's one post-build hook: runs the steps in order (Trunk may run separate hooks at once).

1. csp_bootstrap.py moves Trunk's inline bootstrap into boot.js (the CSP allows no inline script);
2. write_sw.py lists every built file, boot.js included, in the service worker.
"""
import os
import runpy

here = os.path.dirname(os.path.abspath(__file__))
for step in ("csp_bootstrap.py", "write_sw.py"):
    runpy.run_path(os.path.join(here, step), run_name="__main__")
