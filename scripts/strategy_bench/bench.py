"""Benchmark: what the build costs as the data grows, and what a page weighs on a first visit.

Run on demand with ./scripts/bench (not a timed test). For each scale (x1, x10, x100 the real
number of measures) it writes a valid synthetic data set into a scratch copy of the project under
.bench/ (the real data/ and docs/ are never touched), then times, each in a fresh process:

- validate: load + validate + model, once (as `pipeline.load` does);
- render: every page, permalink and export, written into docs-alone/ (the pages MkDocs alone builds);
- build: the whole build as people run it, `python -m strategy_site build` from empty docs/ja and
  docs/en (it checks the data, then `mkdocs build`, whose plugin loads and renders again);
- mkdocs: MkDocs alone on the same, already rendered pages (in docs-alone/, where the permalink
  pages are static files for MkDocs to copy, as in a plain MkDocs site), with a config copy whose
  hook only sets the same navigation (read from a JSON file) and renders nothing.

Times are CPU seconds (user + system; for a command, of it and its children), the median of
--repeat runs; build and mkdocs runs alternate. CPU time, not wall time, because the machine this
runs on is shared (other builds and tests run beside it) and CPU time barely changes with that;
the whole build's wall time is shown beside it. "Our share" is what the whole build costs beyond
MkDocs alone, (build - mkdocs) / build: every step of ours as the build really runs it (the check
before the build, then the plugin's reading and rendering), not a sum of separately timed steps.

Save to preview (preview_bench.py): in ./scripts/serve's preview of the scratch project, the wall
seconds from saving a data file to the open page in Chromium showing the change, a broken file's
problems and the fix.

Peak memory is the whole build's largest resident set (ru_maxrss of the build process and its
children). The page weights are measured on the site the last whole build wrote: gzip (level 6)
of each file a first visit loads, found by parsing the built HTML.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import io
import itertools
import json
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, cast
from urllib.parse import urljoin, urlsplit

import yaml

from strategy_site.structure import pages, urls
from strategy_site.structure.editions import edition_of_url

from . import nav_hook, preview_bench, search_bench
from .nav_hook import NAV_FILE

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / ".bench"
SCALES = (1, 10, 100)
PLUGIN_LINE = "  - strategy-site\n"  # mkdocs.yml's entry for the plugin that renders from data/
NAV_HOOK = "scripts/strategy_bench/nav_hook.py"  # in the scratch copy, relative to its mkdocs-alone.yml
ALONE_DOCS = "docs-alone"  # MkDocs alone's docs_dir: stages() renders into it once
SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default site_url, so both builds render the same pages
GZIP_LEVEL = 6  # the usual web-server setting (Apache's default, a common nginx setting)
PILLAR_BUDGET = 80 * 1024
PAGE_BUDGET = 150 * 1024  # any page, on a first visit (the pages that list everything are the heaviest)
TARGET_SHARE = 0.10  # validate + render, at most this share of the whole build at the largest scale
TARGET_GROWTH = 1.1  # x10 the data takes at most x11 the time
TARGET_OVERHEAD = 1.25  # the whole build at most this many times MkDocs alone (with Material's search)
TARGET_FIRST_RESULTS = 0.5  # seconds from the last keystroke to the first results, at the largest scale
TARGET_PREVIEW = {1: 2.0, 100: 5.0}  # seconds from a save to the open page showing it (issue 24), by scale


# -- Synthetic data --------------------------------------------------------------------------------


class _NoAliases(yaml.SafeDumper):
    """Writes a value used twice twice: the data refuses YAML anchors and aliases (load.py)."""

    def ignore_aliases(self, data):
        return True


def _suffix(ident: str, copy_no: int) -> str:
    """The id of an item in copy n of the data: copy 1 keeps the real ids."""
    out = ident if copy_no == 1 else f"{ident}-x{copy_no}"
    if len(out) > 64:
        raise ValueError(f"the synthetic id {out!r} is longer than the 64 characters an id may have")
    return out


def _vary(text: dict, copy_no: int, label: bool = False) -> dict:
    """A text of copy n: copy 1 is the real text; other copies shuffle its words (English) or
    three-character pieces (Japanese), so that the synthetic texts are not byte-for-byte repeats
    (which gzip would squeeze better than real text). `label` appends the copy's number."""
    if copy_no == 1:
        return text
    rng = random.Random(f"{text['ja']}|{copy_no}")
    words = text["en"].split()
    rng.shuffle(words)
    pieces = [text["ja"][i : i + 3] for i in range(0, len(text["ja"]), 3)]
    rng.shuffle(pieces)
    # A shuffled name is no longer the official one that data/names.yaml lists.
    out = {
        **{k: v for k, v in text.items() if k not in ("translation", "registry")},
        "ja": "".join(pieces).strip(),
        # In lower case but for acronyms: shuffled capitalised words would read as names that the
        # registry does not know (checking/names.check_registered_names).
        "en": " ".join(w if w.isupper() else w.lower() for w in words),
    }
    if label:
        out["ja"] += f"（{copy_no}）"
        out["en"] += f" ({copy_no})"
    return out


def current_edition(data_dir: Path) -> str:
    """The folder under data/ of the current edition's own files (data/editions.yaml names it)."""
    return str(yaml.safe_load((data_dir / "editions.yaml").read_text("utf-8"))["current"])


def scaled_data(data_dir: Path, scale: int) -> dict[str, object]:
    """The current edition's data, `scale` times over: each copy has its own pillars (ids with -x<n>),
    groups, measures, progress sections and items (advancing that copy's measures) and budget figures, as a
    site covering many years or ministries would. The frame (strategy.yaml), history and glossary
    stay as they are, and so do the shared files. Returns the changed files by their path under data/
    (in the edition's folder, data/<year>/)."""
    edition = current_edition(data_dir)

    def read(rel: str):
        return yaml.safe_load((data_dir / edition / rel).read_text("utf-8"))

    pillar_files = sorted((data_dir / edition / "pillars").glob("*.yaml"))
    pillars = [read(f"pillars/{p.name}") for p in pillar_files]
    progress, figures = read("progress.yaml"), read("figures.yaml")
    measure_ids = {m["id"] for p in pillars for g in p["groups"] for m in g["measures"]}
    stated = {f["progress_item"] for f in figures["figures"]}
    out: dict[str, object] = {}
    sections, figure_list = [], []
    for n in range(1, scale + 1):
        for p in pillars:
            pid = _suffix(p["id"], n)
            out[f"{edition}/pillars/{pid}.yaml"] = {
                **p,
                "id": pid,
                "order": p["order"] + (n - 1) * len(pillars),
                "name": _vary(p["name"], n, label=True),
                "groups": [
                    {
                        **g,
                        "id": _suffix(g["id"], n),
                        "title": _vary(g["title"], n),
                        "measures": [
                            {**m, "id": _suffix(m["id"], n), "text": _vary(m["text"], n)} for m in g["measures"]
                        ],
                    }
                    for g in p["groups"]
                ],
            }
        for s in progress["sections"]:
            items = []
            for item in s["items"]:
                # A text that states a figure keeps its words: shuffled, its amounts and fiscal years
                # would no longer be the figure's (the check compares them, checking/statements.py).
                text = item["text"] if item["id"] in stated else _vary(item["text"], n)
                new = {**copy.deepcopy(item), "id": _suffix(item["id"], n), "text": text}
                if "advances" in item:  # measures of this copy; slide-1 box items stay shared
                    new["advances"] = [_suffix(a, n) if a in measure_ids else a for a in item["advances"]]
                if n > 1:
                    # Only copy 1's progress items keep their topics: with them all, progress.yaml passes the
                    # loader's 1 MB limit for a data file at x100 (the measures and figures keep theirs).
                    new.pop("topics", None)
                items.append(new)
            sections.append(
                {
                    **s,
                    "id": _suffix(s["id"], n),
                    "pillar": _suffix(s["pillar"], n),
                    "title": _vary(s["title"], n),
                    "items": items,
                }
            )
        for f in figures["figures"]:
            figure_list.append(
                {
                    **f,
                    "id": _suffix(f["id"], n),
                    "program": _vary(f["program"], n),
                    "measure": _suffix(f["measure"], n),
                    "progress_item": _suffix(f["progress_item"], n),
                }
            )
    out[f"{edition}/progress.yaml"] = {**progress, "sections": sections}
    out[f"{edition}/figures.yaml"] = {**figures, "figures": figure_list}
    return out


def later_edition(files: dict[str, object], edition: str, year: str) -> dict[str, object]:
    """The scaled files of `edition` (paths under data/, as scaled_data gives them) as the next edition,
    `year`: the same files in data/<year>/, each measure continuing the measure of the same id of the
    edition before, unchanged (`continues: [<id>]`, `change: same`), so that the crosswalk's check and
    the what-changed page have every measure to go through. The strategy's title stays."""
    out: dict[str, object] = {}
    for rel, data in files.items():
        folder, _, rest = rel.partition("/")
        if folder != edition:
            raise ValueError(f"{rel} is not in the edition's folder {edition}/")
        if rest.startswith("pillars/"):
            pillar = cast(dict[str, Any], data)  # a pillar file: a mapping
            data = {
                **pillar,
                "groups": [
                    {
                        **g,
                        "measures": [{**m, "continues": [m["id"]], "change": "same"} for m in g["measures"]],
                    }
                    for g in pillar["groups"]
                ],
            }
        out[f"{year}/{rest}"] = data
    return out


def _dump(data: object) -> str:
    # Texts in flow style, as the real files write them: at x100, progress.yaml comes close to
    # the loader's 1 MB limit for one data file.
    return yaml.dump(
        data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=None
    )


def make_project(dest: Path, scale: int, source: Path = ROOT, editions: int = 1) -> Path:
    """A scratch copy of the project (mkdocs.yml, scripts/, data/, docs/assets/) holding the data
    `scale` times over, plus the config copy for MkDocs alone. With `editions` > 1, the scaled data
    is the first of that many editions (years from the current edition's on), each later one a copy
    that continues the one before (later_edition), and data/editions.yaml names the newest current."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copy2(source / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(source / "scripts", dest / "scripts", ignore=ignore)
    shutil.copytree(source / "data", dest / "data", ignore=ignore)
    shutil.copytree(source / "docs" / "assets", dest / "docs" / "assets", ignore=ignore)
    shutil.copytree(source / "docs" / "assets", dest / ALONE_DOCS / "assets", ignore=ignore)
    edition = current_edition(dest / "data")
    for old in (dest / "data" / edition / "pillars").glob("*.yaml"):
        old.unlink()
    scaled = scaled_data(source / "data", scale)
    for rel, data in scaled.items():
        (dest / "data" / rel).write_text(_dump(data), "utf-8")
    year = edition
    for n in range(1, editions):
        later = str(int(edition) + n)
        shutil.copytree(dest / "data" / edition, dest / "data" / later, ignore=shutil.ignore_patterns("pillars"))
        (dest / "data" / later / "pillars").mkdir()
        for rel, data in later_edition(scaled, edition, later).items():
            (dest / "data" / rel).write_text(_dump(data), "utf-8")
        year = later
    if year != edition:
        setting = dest / "data" / "editions.yaml"
        text = setting.read_text("utf-8")
        if f'current: "{edition}"' not in text:
            raise RuntimeError('data/editions.yaml no longer says current: "<year>"; update bench.make_project')
        setting.write_text(text.replace(f'current: "{edition}"', f'current: "{year}"'), "utf-8")
    config = (dest / "mkdocs.yml").read_text("utf-8")
    if PLUGIN_LINE not in config:
        raise RuntimeError(f"mkdocs.yml no longer names the plugin ({PLUGIN_LINE.strip()}); update bench.PLUGIN_LINE")
    # MkDocs alone: the plugin replaced by a hook (hooks run after the plugins, where the plugin ran),
    # and built with Material's default search (lunr), as a plain MkDocs site would be.
    if "\nplugins:\n" not in config:
        raise RuntimeError("mkdocs.yml has no plugins: list; update bench.make_project")
    alone = config.replace(PLUGIN_LINE, "").replace("\nplugins:\n", "\nplugins:\n  - search\n", 1)
    if "\ndocs_dir: docs\n" not in alone:
        raise RuntimeError("mkdocs.yml no longer says docs_dir: docs; update bench.make_project")
    alone = alone.replace("\ndocs_dir: docs\n", f"\ndocs_dir: {ALONE_DOCS}\n", 1)
    (dest / "mkdocs-alone.yml").write_text(alone + f"\nhooks:\n  - {NAV_HOOK}\n", "utf-8")
    return dest


# -- Timing ----------------------------------------------------------------------------------------


def stages(root: Path) -> dict:
    """Validate and render the project at `root` once, in this process; the seconds of each.
    Also writes the navigation (and the theme's settings the plugin sets) for the MkDocs-alone config."""
    from strategy_site.publishing import pipeline

    t0 = time.process_time()
    checked = pipeline.load(root)  # every edition read, validated and modelled, the crosswalks checked
    t1 = time.process_time()
    out = pipeline.generate(root, SITE_URL, root / "data", checked)  # every edition's pages
    pipeline.write_tree(out, root / ALONE_DOCS)  # every file, the plain HTML pages too
    t2 = time.process_time()
    every = checked.all_editions()
    (root / NAV_FILE).write_text(json.dumps(nav_hook.settings(checked)), "utf-8")
    page_count = sum(1 for rel in out if rel.endswith(".md"))
    permalinks = sum(1 for rel in out if rel.endswith("/index.html"))
    return {
        "validate": t1 - t0,
        "render": t2 - t1,
        "editions": len(every.all),
        "measures": sum(len(e.strategy.measures) for e in every.all),
        "pages": page_count,
        "permalinks": permalinks,
    }


@dataclass
class Run:
    seconds: float  # CPU time (user + system) of the process and its children
    wall: float
    peak_mb: float
    output: str


def mkdocs_build(config: Path, site: Path) -> list[str]:
    """The arguments after the interpreter for a plain `mkdocs build` of `config` into `site`."""
    return ["-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(site)]


def run(cmd: list[str], cwd: Path, env: dict) -> Run:
    """Run a command; its CPU and wall time and peak resident memory (its own and its children's)."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n{output[-3000:]}")
    return Run(usage.ru_utime + usage.ru_stime, seconds, usage.ru_maxrss / 1024, output)  # maxrss: KiB


def _env(root: Path) -> dict:
    return {
        **os.environ,
        "PYTHONPATH": str(root / "scripts"),
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCE_DATE_EPOCH": "1735689600",
        "SITE_URL": SITE_URL,
    }


def _clear_docs(root: Path, docs: str = "docs") -> None:
    for lang in ("ja", "en"):
        shutil.rmtree(root / docs / lang, ignore_errors=True)


@dataclass
class Row:
    scale: int
    editions: int
    measures: int  # of every edition
    pages: int
    permalinks: int
    validate: float
    render: float
    mkdocs: float
    build: float
    build_wall: float
    peak_mb: float
    weights: dict = field(default_factory=dict)
    index_gz: int = 0
    index_s: float = 0.0  # Pagefind indexing the built site, CPU seconds
    search: dict = field(default_factory=dict)  # per language: visit and query bytes, keystroke-to-results s
    preview: dict = field(default_factory=dict)  # save, broken, fixed: seconds to the open page showing it

    @property
    def ours(self) -> float:
        return self.validate + self.render

    @property
    def share(self) -> float:
        """What the whole build costs beyond MkDocs alone, as a share of the whole build."""
        return (self.build - self.mkdocs) / self.build

    @property
    def overhead(self) -> float:
        return self.build / self.mkdocs


def bench_scale(root: Path, scale: int, repeat: int, log=print, editions: int = 1, preview: bool = True) -> Row:
    """Make the scratch project for one scale and number of editions, time it, and weigh its pages."""
    root = root.resolve()
    make_project(root, scale, editions=editions)
    env = _env(root)
    stage_runs = []
    for _ in range(repeat):
        _clear_docs(root, ALONE_DOCS)  # the render stage writes every file afresh
        result = run([sys.executable, "-m", "strategy_bench.bench", "--stages", str(root)], root, env)
        stage_runs.append(json.loads(result.output.strip().splitlines()[-1]))
    builds, alone = [], []
    for _ in range(repeat):
        _clear_docs(root)  # the whole build renders from nothing, as on a fresh checkout
        builds.append(
            run([sys.executable, "-m", "strategy_site", "build", "--site-dir", str(root / "site")], root, env)
        )
        alone.append(run([sys.executable, *mkdocs_build(root / "mkdocs-alone.yml", root / "site-alone")], root, env))
    first = stage_runs[0]
    row = Row(
        scale,
        first["editions"],
        first["measures"],
        first["pages"],
        first["permalinks"],
        statistics.median(s["validate"] for s in stage_runs),
        statistics.median(s["render"] for s in stage_runs),
        statistics.median(r.seconds for r in alone),
        statistics.median(r.seconds for r in builds),
        statistics.median(r.wall for r in builds),
        max(r.peak_mb for r in builds),
    )
    row.weights, row.index_gz = page_weights(root / "site")
    row.index_s = search_bench.index_seconds(root / "site", run, env, root, repeat)
    current = current_prefix(root / "data", editions)
    pillar = sorted((root / "site" / current / "pillars").iterdir())[0].name
    row.search = search_bench.browser_search(
        root / "site", {"ja": f"{current}pillars/{pillar}/", "en": f"en/{current}pillars/{pillar}/"}
    )
    log(f"{label(row)}: " + json.dumps(row_json(row)))  # so far, should a later step fail
    if preview:
        row.preview = preview_bench.save_to_preview(root, env, max(repeat, 3), log, current)
    log(
        f"{label(row)}: {row.measures} measures, build {row.build:.1f} s CPU ({row.build_wall:.1f} s wall), "
        f"MkDocs alone {row.mkdocs:.1f} s CPU, indexing {row.index_s:.1f} s CPU, first results after "
        + ", ".join(f"{v['seconds']:.2f} s ({lang})" for lang, v in row.search.items())
        + (f"; save to preview {row.preview['save']:.2f} s" if row.preview else "")
    )
    return row


def current_prefix(data_dir: Path, editions: int) -> str:
    """The folder of the current edition's pages within a language's ("" with one edition, else "<year>/")."""
    return "" if editions == 1 else current_edition(data_dir) + "/"


def label(row: Row) -> str:
    """A row's scale and, with several editions, their number: 'x100', 'x100, 5 editions'."""
    return f"x{row.scale}" + (f", {row.editions} editions" if row.editions > 1 else "")


# -- Page weight -----------------------------------------------------------------------------------


class _Refs(HTMLParser):
    """The files a page makes the browser load: stylesheets, scripts, the icon, and the search
    worker named in Material's __config."""

    def __init__(self):
        super().__init__()
        self.css, self.js, self.other, self.worker, self.base = [], [], [], None, "."
        self.material_search = False  # Material's lunr search box: its worker loads on every page
        self._config = False
        self._config_text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("data-md-component") == "search":
            self.material_search = True
        rel = (a.get("rel") or "").split()
        if tag == "link" and "stylesheet" in rel and a.get("href"):
            self.css.append(a["href"])
        elif tag == "link" and "icon" in rel and a.get("href"):
            self.other.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])
        elif tag == "script" and a.get("id") == "__config":
            self._config = True

    def handle_data(self, data):
        if self._config:
            self._config_text += data

    def handle_endtag(self, tag):
        if tag == "script" and self._config:
            self._config = False
            config = json.loads(self._config_text)
            self.worker, self.base = config.get("search"), config.get("base", ".")


def _gz(path: Path, cache: dict) -> int:
    if path not in cache:
        cache[path] = len(gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0))
    return cache[path]


def _file(site: Path, page_url: str, ref: str) -> Path | None:
    target = urlsplit(urljoin(page_url, ref))
    if target.scheme != "http" or target.netloc != "site":
        return None  # another host: none are expected, and none are counted
    path = site / target.path.lstrip("/")
    return path / "index.html" if path.is_dir() else path


def _worker_imports(index: dict) -> list[str]:
    """The scripts Material's search worker imports for the index's languages (as its source does:
    lunr.stemmer.support, tinyseg for ja, lunr.<lang> for each language but en, lunr.multi)."""
    langs = index.get("config", {}).get("lang", ["en"])
    out = []
    for lang in langs:
        if lang == "ja":
            out.append("tinyseg.js")
        elif lang in ("hi", "th"):
            out.append("wordcut.js")
        if lang != "en":
            out.append(f"min/lunr.{lang}.min.js")
    if len(langs) > 1:
        out.append("min/lunr.multi.min.js")
    return ["min/lunr.stemmer.support.min.js", *out] if out else []


def page_weight(site: Path, page: Path, cache: dict) -> dict[str, int]:
    """Gzip bytes a first visit to `page` loads: HTML, CSS, JS, search worker (with the scripts it
    imports), search index, other (the icon)."""
    url = "http://site/" + page.relative_to(site).as_posix()
    refs = _Refs()
    refs.feed(page.read_text("utf-8"))
    weight = {"html": _gz(page, cache), "css": 0, "js": 0, "worker": 0, "index": 0, "other": 0}
    for kind in ("css", "js", "other"):
        for ref in getattr(refs, kind):
            path = _file(site, url, ref)
            if path is not None:
                weight[kind] += _gz(path, cache)
    if refs.worker and refs.material_search:  # Pagefind (the site's search) loads nothing before it is opened
        worker = _file(site, url, refs.worker)
        index_path = _file(site, url, refs.base + "/search/search_index.json")
        weight["worker"] = _gz(worker, cache) if worker is not None else 0
        if worker is not None and index_path is not None and index_path.exists():
            weight["index"] = _gz(index_path, cache)
            lunr = worker.parent.parent / "lunr"
            weight["worker"] += sum(
                _gz(lunr / rel, cache) for rel in _worker_imports(json.loads(index_path.read_text("utf-8")))
            )
    weight["total"] = sum(weight.values())
    return weight


# parallel: the heaviest view; front door: with several editions, / and /en/ (they lead to the current edition)
PAGE_TYPES = (*(t.name for t in pages.PAGE_TYPES), "parallel", "permalink", "front door")


def edition_roots(lang_root: Path) -> list[Path]:
    """The folders of a language's pages of each edition: with several editions, each edition's folder
    (site/<year>/, site/en/<year>/); with one, the language's folder itself."""
    found = sorted(p for p in lang_root.iterdir() if p.is_dir() and edition_of_url(p.name + "/") == p.name)
    return found or [lang_root]


def _pages_of_type(lang_root: Path, kind: str) -> list[Path]:
    """The built pages of a page type in a language, in every edition's folder. With several editions, the
    addresses of the first edition's time at the language's root are redirects to its folder and are not
    counted; the root's home page is the front door."""
    roots = edition_roots(lang_root)
    if kind == "front door":
        return [lang_root / "index.html"] if roots != [lang_root] else []
    out: list[Path] = []
    for root in roots:
        if kind == "permalink":
            out += sorted((root / urls.PERMALINK_DIR).glob("*/index.html"))[:50]
        elif kind == "parallel":
            out += sorted((root / pages.PARALLEL_DIR).rglob("index.html"))
        else:
            out += sorted(root.glob(urls.page_url(pages.PAGE_TYPE[kind].source_of("*")) + "index.html"))
    return out


def page_weights(site: Path) -> tuple[dict, int]:
    """The first-visit weight of each page type in each language, of every edition (for each type, the
    heaviest page; a type no edition has, such as `changes` with one edition, is left out), and the gzip
    bytes of the search index."""
    cache: dict = {}
    out = {}
    for lang, lang_root in (("ja", site), ("en", site / "en")):
        for kind in PAGE_TYPES:
            weights = [page_weight(site, p, cache) for p in _pages_of_type(lang_root, kind)]
            if weights:
                out[(kind, lang)] = max(weights, key=lambda w: w["total"])
    index = site / "search" / "search_index.json"
    return out, _gz(index, cache) if index.exists() else search_bench.bundle_bytes(site)


# -- Report ----------------------------------------------------------------------------------------


def _table(header: list[str], rows: list[list]) -> str:
    cells = [header, *[[str(c) for c in r] for r in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]

    def line(r: list[str]) -> str:
        cells = (c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        return "| " + " | ".join(cells) + " |"

    sep = "|" + "|".join("-" * (w + 1) + ":" if i else "-" * (w + 2) for i, w in enumerate(widths)) + "|"
    return "\n".join([line(cells[0]), sep, *map(line, cells[1:])])


def _kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def groups(rows: list[Row]) -> list[list[Row]]:
    """The rows of each number of editions, by scale (the rows come so: main runs them in that order)."""
    return [list(g) for _, g in itertools.groupby(rows, key=lambda r: r.editions)]


def targets(rows: list[Row]) -> list[tuple[str, str, bool]]:
    """Each target with the ratio measured and whether it is met."""
    out = []
    for group in groups(rows):
        top = group[-1]
        out.append(
            (
                f"validate + render at most {TARGET_SHARE:.0%} of the whole build ({label(top)}; our share)",
                f"{top.share:.1%}",
                top.share <= TARGET_SHARE,
            )
        )
        for a, b in itertools.pairwise(group):
            data = b.measures / a.measures
            for what, t_a, t_b in (("whole build", a.build, b.build), ("validate + render", a.ours, b.ours)):
                growth = t_b / t_a
                out.append(
                    (
                        f"{what}: x{data:g} the data ({label(a)} to x{b.scale}) takes at most "
                        f"x{data * TARGET_GROWTH:g} the time",
                        f"x{growth:.2f}",
                        growth <= data * TARGET_GROWTH,
                    )
                )
    for r in rows:
        out.append(
            (
                f"whole build at most {TARGET_OVERHEAD} x MkDocs alone ({label(r)})",
                f"{r.overhead:.2f}",
                r.overhead <= TARGET_OVERHEAD,
            )
        )
    for r in rows:
        pillar = max(r.weights[("pillar", lang)]["total"] for lang in ("ja", "en"))
        out.append(
            (
                f"pillar page at most {PILLAR_BUDGET // 1024} KB gzip on a first visit ({label(r)})",
                f"{_kb(pillar)} KB",
                pillar <= PILLAR_BUDGET,
            )
        )
    for r in rows:
        kind, lang = max(r.weights, key=lambda k: r.weights[k]["total"])
        heaviest = r.weights[(kind, lang)]["total"]
        out.append(
            (
                f"every page at most {PAGE_BUDGET // 1024} KB gzip on a first visit ({label(r)}; the heaviest: "
                f"{kind}, {lang})",
                f"{_kb(heaviest)} KB",
                heaviest <= PAGE_BUDGET,
            )
        )
    for top in (group[-1] for group in groups(rows)):
        if top.search:
            slowest = max(v["seconds"] for v in top.search.values())
            out.append(
                (
                    f"first results at most {TARGET_FIRST_RESULTS} s after the last keystroke ({label(top)}, "
                    "headless Chromium, typing as soon as the page has loaded)",
                    f"{slowest:.2f}",
                    slowest <= TARGET_FIRST_RESULTS,
                )
            )
    for r in rows:
        if r.scale in TARGET_PREVIEW and r.preview:
            out.append(
                (
                    f"save to the open page showing it at most {TARGET_PREVIEW[r.scale]:g} s ({label(r)}, "
                    "the preview in headless Chromium)",
                    f"{r.preview['save']:.2f}",
                    r.preview["save"] <= TARGET_PREVIEW[r.scale],
                )
            )
    return out


def report(rows: list[Row]) -> str:
    parts = [
        "## Build time\n",
        _table(
            [
                "scale",
                "editions",
                "measures",
                "pages",
                "permalinks",
                "validate s",
                "render s",
                "MkDocs alone s",
                "whole build s",
                "build / MkDocs",
                "our share",
                "whole build wall s",
                "peak MB",
            ],
            [
                [
                    f"x{r.scale}",
                    r.editions,
                    r.measures,
                    r.pages,
                    r.permalinks,
                    f"{r.validate:.2f}",
                    f"{r.render:.2f}",
                    f"{r.mkdocs:.2f}",
                    f"{r.build:.2f}",
                    f"{r.overhead:.2f}",
                    f"{r.share:.1%}",
                    f"{r.build_wall:.2f}",
                    f"{r.peak_mb:.0f}",
                ]
                for r in rows
            ],
        ),
    ]
    parts.append(
        "\nCPU seconds, median of the runs. validate and render: one pass each, timed alone. "
        "Our share: (whole build - MkDocs alone) / whole build. measures: of every edition; pages: Markdown "
        "pages, both languages, every edition; permalinks: the /m/<id>/ pages (with several editions, also the "
        "first edition's root addresses, redirects to its folder)."
    )
    parts += [
        "\n## Targets\n",
        _table(["target", "measured", "result"], [[t, m, "met" if ok else "MISSED"] for t, m, ok in targets(rows)]),
    ]
    for r in (r for group in groups(rows) for r in (group if len(group) < 3 else (group[0], group[-1]))):
        parts += [
            f"\n## First-visit weight, {label(r)} (KB gzip; the heaviest page of each type, of every edition)\n",
            _table(
                ["page", "lang", "HTML", "CSS", "JS", "search worker", "search index", "other", "total"],
                [
                    [kind, lang, *(_kb(w[k]) for k in ("html", "css", "js", "worker", "index", "other", "total"))]
                    for (kind, lang), w in r.weights.items()
                ],
            ),
        ]
    parts += [
        "\n## Search index\n",
        _table(
            ["scale", "editions", "measures", "index KB gzip", "bytes per measure", "indexing s"],
            [
                [
                    f"x{r.scale}",
                    r.editions,
                    r.measures,
                    _kb(r.index_gz),
                    f"{r.index_gz / r.measures:.0f}",
                    f"{r.index_s:.2f}",
                ]
                for r in rows
            ],
        ),
    ]
    parts.append(
        "\nindex: the whole Pagefind bundle, both languages, as served (a query fetches only parts of it). "
        "indexing: CPU seconds of Pagefind on the built site (part of the whole build)."
    )
    if all(r.search for r in rows):
        parts += [
            "\n## Search in Chromium (pillar page of the current edition; KB gzip as fetched, seconds median of 3 "
            "fresh visits)\n",
            _table(
                ["scale", "editions", "lang", "first visit KB", "first query KB", "last keystroke to results s"],
                [
                    [f"x{r.scale}", r.editions, lang, _kb(v["visit"]), _kb(v["query"]), f"{v['seconds']:.2f}"]
                    for r in rows
                    for lang, v in r.search.items()
                ],
            ),
        ]
    if all(r.preview for r in rows):
        parts += [
            "\n## Save to preview (wall seconds, median of 3 saves)\n",
            _table(
                ["scale", "editions", "changed text shown s", "broken file: problems shown s", "fix: page back s"],
                [
                    [
                        f"x{r.scale}",
                        r.editions,
                        f"{r.preview['save']:.2f}",
                        f"{r.preview['broken']:.2f}",
                        f"{r.preview['fixed']:.2f}",
                    ]
                    for r in rows
                ],
            ),
            "\nFrom writing the data file to the open page (./scripts/serve's preview, English page of the first "
            "pillar, headless Chromium with the pages' policy on) showing the change: the preview noticing the "
            "save, rebuilding, and the page reloading by itself.",
        ]
    return "\n".join(parts) + "\n"


def profile(root: Path, scale: int, top: int = 25) -> str:
    """Where the time goes, by cProfile: one MkDocs build with the rendering plugin (from empty
    docs/ja and docs/en) against MkDocs alone on the same pages, as the seconds spent in each
    package (own time), and the functions of ours with the most time. Profiling slows pure Python
    code several times over, so read the shares, not the seconds. The check that
    `strategy_site build` runs before MkDocs is a separate process and is not in this profile."""
    make_project(root, scale)
    stages(root)  # writes the navigation for MkDocs alone
    env = _env(root)
    stats = {}
    for name, config in (("build", "mkdocs.yml"), ("alone", "mkdocs-alone.yml")):
        if name == "build":
            _clear_docs(root)
        out = root / f"{name}.prof"
        command = [
            sys.executable,
            "-m",
            "cProfile",
            "-o",
            str(out),
            *mkdocs_build(root / config, root / f"site-{name}"),
        ]
        run(command, root, env)
        stats[name] = pstats.Stats(str(out))  # (MkDocs alone then builds the pages this build rendered)
    by = {name: _by_package(st) for name, st in stats.items()}
    totals = {name: sum(v.values()) for name, v in by.items()}
    packages = sorted(
        set(by["build"]) | set(by["alone"]), key=lambda k: -(by["build"].get(k, 0) - by["alone"].get(k, 0))
    )
    lines = [
        f"## Profile at x{scale}: MkDocs with the plugin against MkDocs alone (own time, profiled seconds)\n",
        _table(
            ["package", "with the plugin", "MkDocs alone", "difference", "share of the difference"],
            [
                [
                    k,
                    f"{by['build'].get(k, 0):.1f}",
                    f"{by['alone'].get(k, 0):.1f}",
                    f"{by['build'].get(k, 0) - by['alone'].get(k, 0):+.1f}",
                    f"{(by['build'].get(k, 0) - by['alone'].get(k, 0)) / (totals['build'] - totals['alone']):.0%}",
                ]
                for k in packages
                if max(by["build"].get(k, 0), by["alone"].get(k, 0)) >= 0.05
            ]
            + [
                [
                    "total",
                    f"{totals['build']:.1f}",
                    f"{totals['alone']:.1f}",
                    f"{totals['build'] - totals['alone']:+.1f}",
                    "100%",
                ]
            ],
        ),
    ]
    buffer = io.StringIO()
    pstats.Stats(str(root / "build.prof"), stream=buffer).sort_stats("cumulative").print_stats(
        r"strategy_site/(?!publishing/theme/)", top
    )
    lines += [
        "\n## Our functions with the most time (cumulative), with the plugin\n",
        "```",
        _trim_stats(buffer.getvalue()),
        "```",
    ]
    return "\n".join(lines) + "\n"


def _by_package(stats: pstats.Stats) -> dict[str, float]:
    out: dict[str, float] = {}
    for (filename, _, _), (_, _, tottime, _, _) in vars(stats)["stats"].items():  # pstats keeps them there
        out[_package(filename)] = out.get(_package(filename), 0.0) + tottime
    return out


def _package(filename: str) -> str:
    for name in (
        "strategy_site",
        "mkdocs_static_i18n",
        "material",
        "mkdocs",
        "markdown",
        "pymdownx",
        "jinja2",
        "yaml",
        "jsonschema",
        "referencing",
        "segno",
        "bs4",
        "babel",
        "lxml",
    ):
        if f"/{name}/" in filename:
            return name
    if filename.startswith(("<", "~")) or "/lib/python3" in filename and "site-packages" not in filename:
        return "Python (built-ins and standard library)"
    return "other"


def _trim_stats(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    return "\n".join(lines[start:])


def main(args: argparse.Namespace) -> int:
    scales = sorted(set(args.scales))
    work = Path(args.work_dir).resolve()
    work.mkdir(parents=True, exist_ok=True)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    if args.profile:
        print(profile(work / f"x{scales[-1]}-profile", scales[-1]))
        if not args.keep:
            shutil.rmtree(work / f"x{scales[-1]}-profile", ignore_errors=True)
        return 0
    rows = []
    for count in sorted(set(args.editions)):
        for scale in scales:
            repeat = args.repeat if args.repeat else (1 if scale * count >= 100 else 3)
            rows.append(bench_scale(work / project_name(scale, count), scale, repeat, log, count, not args.no_preview))
    text = report(rows)
    print(text)
    if args.json:
        Path(args.json).write_text(
            json.dumps([row_json(r) for r in rows], indent=1),
            "utf-8",
        )
    if not args.keep:
        for r in rows:
            shutil.rmtree(work / project_name(r.scale, r.editions), ignore_errors=True)
    return 0


def row_json(r: Row) -> dict:
    """A row's numbers, as --json writes them."""
    keys = (
        "scale",
        "editions",
        "measures",
        "pages",
        "permalinks",
        "validate",
        "render",
        "mkdocs",
        "build",
        "build_wall",
        "peak_mb",
        "index_gz",
        "index_s",
        "search",
        "preview",
    )
    return {
        **{k: getattr(r, k) for k in keys},
        "weights": {f"{kind}/{lang}": w for (kind, lang), w in r.weights.items()},
    }


def project_name(scale: int, editions: int) -> str:
    """The scratch project's folder under the work folder: x10, x10-5-editions."""
    return f"x{scale}" + (f"-{editions}-editions" if editions > 1 else "")


if __name__ == "__main__":  # python -m strategy_bench.bench --stages ROOT (a fresh process per timing)
    if len(sys.argv) == 3 and sys.argv[1] == "--stages":
        print(json.dumps(stages(Path(sys.argv[2]))))
        sys.exit(0)
    sys.exit("use: ./scripts/bench")
