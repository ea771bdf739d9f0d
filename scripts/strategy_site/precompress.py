"""Precompressed copies for the web server: next to each HTML, CSS, JS, JSON, XML and SVG file of the
built site, a .gz of it (gzip level 6, the usual server setting: level 9 took 2.5 times the CPU
for 0.5% fewer bytes), which nginx's gzip_static (README, Publishing) sends to
browsers that accept gzip instead of compressing each answer again. Written with a fixed time stamp,
so two builds of the same data stay byte-identical. A copy that would not be smaller is not written.
Run on a fresh build (the staging folder of `strategy_site build`): a .gz already there is MkDocs'.
"""

from __future__ import annotations

import gzip
from pathlib import Path

SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg"})
LEVEL = 6


def precompress(site_dir: Path) -> tuple[int, int, int]:
    """Write the .gz copies under site_dir. Returns (files compressed, bytes before, bytes after)."""
    count = before = after = 0
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in SUFFIXES or not path.is_file():
            continue
        target = path.with_name(path.name + ".gz")
        if target.exists():  # MkDocs' own sitemap.xml.gz, written by this build with the pages' date
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=LEVEL, mtime=0)
        if len(packed) >= len(data):
            continue
        target.write_bytes(packed)
        count, before, after = count + 1, before + len(data), after + len(packed)
    return count, before, after
