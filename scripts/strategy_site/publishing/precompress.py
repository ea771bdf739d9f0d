"""Precompressed copies for the web server: next to each HTML, CSS, JS, JSON, XML and SVG file of the
built site, a .gz of it (gzip level 6, the usual server setting: level 9 took 2.5 times the CPU
for 0.5% fewer bytes), which nginx's gzip_static (README, Publishing) sends to
browsers that accept gzip instead of compressing each answer again. Written with a fixed time stamp,
so two builds of the same data stay byte-identical. A copy that would not be smaller is not written,
nor one of a file under MIN_SIZE: it would save at most about a kilobyte, and the answer arrives in
the first round trip either way (TCP's first window is about 14 KB), while at x100 the 8,828
permalink pages (1-2 KB each, a redirect to their measure) took half of the time this step takes.
Run on a fresh build (the staging folder of `strategy_site build`): a .gz already there is MkDocs'.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg"})
LEVEL = 6
MIN_SIZE = 2048  # bytes


def precompress(site_dir: Path) -> tuple[int, int, int]:
    """Write the .gz copies under site_dir. Returns (files compressed, bytes before, bytes after).
    With plain os calls: at x100 the site has about 19,000 files, and pathlib's objects for each
    cost a second of CPU."""
    count = before = after = 0
    for folder, _, names in sorted(os.walk(site_dir)):
        present = set(names)
        for name in sorted(names):
            if os.path.splitext(name)[1] not in SUFFIXES or name + ".gz" in present:
                continue  # a .gz already there is MkDocs' own sitemap.xml.gz, written with the pages' date
            path = os.path.join(folder, name)
            if os.path.getsize(path) < MIN_SIZE:
                continue
            with open(path, "rb") as source:
                data = source.read()
            packed = gzip.compress(data, compresslevel=LEVEL, mtime=0)
            if len(packed) >= len(data):
                continue
            with open(path + ".gz", "wb") as target:
                target.write(packed)
            count, before, after = count + 1, before + len(data), after + len(packed)
    return count, before, after
