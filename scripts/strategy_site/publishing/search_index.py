"""The site's search index: Pagefind (the extended build, which segments Japanese) reads the built
HTML and writes its index into <site>/pagefind/, one index per <html lang>.

Only what the page templates mark with data-pagefind-body is indexed (the article of each page;
not the navigation, the footer or the /m/<id>/ permalink pages), less the elements marked
data-search-exclude (item ids, permalink lines, copy-link controls).

Called by `strategy_site build` (cli.py) on the new site before it replaces site/, and by the MkDocs
hook under `mkdocs serve`, in the background (see Refresher), so the page reloads without waiting.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from strategy_site.publishing import stable_index
from strategy_site.structure import urls

BUNDLE = "pagefind"  # the index's folder in the site: <site>/pagefind/
EXCLUDE = "[data-search-exclude]"
# Pagefind's ready-made interfaces, which the site does not use (docs/assets/search.js is its own).
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(Exception):
    """The index could not be written; the message says why in plain words."""


def _shipped_binary() -> Path:
    from pagefind_bin_extended import get_executable

    return Path(get_executable())


def executable() -> Path:
    """The Pagefind binary shipped in the pagefind-bin-extended wheel (pinned in pyproject.toml)."""
    try:
        path = _shipped_binary()
    except ImportError:
        raise SearchIndexError(
            "the search indexer (the Python package pagefind[extended]) is not installed: "
            "run ./scripts/build or ./scripts/serve, which install it into .venv"
        ) from None
    if not path.is_file():
        raise SearchIndexError(
            f"the search indexer's program is missing ({path}): delete .venv and run "
            "./scripts/build again to reinstall it"
        )
    return path


def build(site: Path, background: bool = False, started=None) -> None:
    """Write the search index of the built site in `site` into site/pagefind/. The index is written
    beside it first and moved into place whole, so a page never sees half an index. `background`
    (the preview's refresher): the indexer runs at a lower priority, so that the preview's next
    rebuild is not slowed by it."""
    site = Path(site)
    scratch = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site.parent))
    try:
        command = [
            str(executable()),
            "--site",
            str(site),
            "--output-path",
            str(scratch / BUNDLE),
            "--exclude-selectors",
            EXCLUDE,
            "--glob",
            pages_glob(site),
            "--quiet",
        ]
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as process:
            if started is not None:
                started(process)  # the preview's refresher, which stops it when the preview stops
            if background:
                with contextlib.suppress(OSError):  # a lower priority is a courtesy, not a need
                    os.setpriority(os.PRIO_PROCESS, process.pid, BACKGROUND_NICENESS)
            try:
                stdout, stderr = process.communicate(timeout=600)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
                raise
        result = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
        if result.returncode != 0 or not (scratch / BUNDLE / "pagefind.js").exists():
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise SearchIndexError(
                "the search index could not be written"
                + (f": {detail[-1]}" if detail else f" (status {result.returncode})")
            )
        for name in UNUSED:
            (scratch / BUNDLE / name).unlink(missing_ok=True)
        _in_stable_order(scratch / BUNDLE / ENTRY)
        stable_index.put_in_order(scratch / BUNDLE)
        target = site / BUNDLE
        old = scratch / "old"
        if target.exists():
            target.rename(old)
        (scratch / BUNDLE).rename(target)
    except OSError as exc:
        raise SearchIndexError(f"the search index could not be written: {exc}") from None
    except stable_index.UnstableIndex as exc:
        raise SearchIndexError(
            f"the search index could not be put in a stable order ({exc}); a new version of Pagefind "
            "may write its files otherwise: see publishing/stable_index.py"
        ) from None
    except subprocess.TimeoutExpired:
        raise SearchIndexError("the search indexer took more than 10 minutes and was stopped") from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# Markup that only the indexer reads: the names an item is found by (rendering/templates/_macros.j2,
# search_names) and a page's values for the search's filters (render.filter_marks). Once the pages
# are indexed it is taken out of the published pages, so that no reader downloads it (at x100 it is
# about half a kilobyte of a pillar page's first visit). The preview keeps it: its index is refreshed.
INDEX_ONLY = re.compile(
    r'<span class="search-names" data-pagefind-index-attrs="data-names" data-names="[^"<>]*"></span>'
    r'|\n?<div class="search-filters" hidden>(?:<span data-pagefind-filter="[^"<>]*"></span>)*</div>'
)


def strip_index_only(site: Path) -> int:
    """Take the markup only the indexer reads out of the site's pages, once indexed. Returns how many
    pages changed."""
    changed = 0
    for page in Path(site).rglob("*.html"):
        if BUNDLE in page.relative_to(site).parts[:1]:
            continue
        text = page.read_text("utf-8")
        if "search-names" not in text and "search-filters" not in text:
            continue
        stripped = INDEX_ONLY.sub("", text)
        if stripped != text:
            page.write_text(stripped, "utf-8")
            changed += 1
    return changed


BACKGROUND_NICENESS = 10  # the preview's indexer yields the processor to the preview's rebuilds


ENTRY = "pagefind-entry.json"  # the index's table of languages
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_.-]+")  # a folder name that means itself in a glob
MAX_GLOB_BYTES = 32 * 1024  # the folder list's longest (see pages_glob)


def pages_glob(site: Path) -> str:
    """The HTML files Pagefind reads: every page but the permalink pages (m/<id>/ in each
    language), which hold nothing to index. Pagefind would skip them (they have no
    data-pagefind-body) but read them first: at x100 they are 8,828 of 9,446 pages, and reading
    them cost 1.4 s of CPU. A folder whose name is not plain makes it read every page instead."""
    prefixes = sorted(set(urls.LANG_PREFIX.values()))  # '' (Japanese, at the root) and 'en/'
    skipped = {urls.PERMALINK_DIR, BUNDLE, *(prefix.rstrip("/") for prefix in prefixes if prefix)}
    parts = []
    for prefix in prefixes:
        names = sorted(p.name for p in (site / prefix).iterdir() if p.is_dir())
        if not all(_PLAIN_NAME.fullmatch(name) for name in names):
            return "**/*.{html}"  # Pagefind's own default
        parts += [f"{prefix}*.html"] + [f"{prefix}{name}/**/*.html" for name in names if name not in skipped]
    glob = "{" + ",".join(parts) + "}"
    # One argument of a command line may be at most 128 KiB on Linux; with hundreds of redirected
    # top-level addresses (up to checking/limits.MAX_REDIRECTS, each part up to 120 bytes) the list of
    # folders could pass it, and Pagefind would not start. Far below that, its default is used.
    return glob if len(glob.encode()) <= MAX_GLOB_BYTES else "**/*.{html}"


def _in_stable_order(entry: Path) -> None:
    """Pagefind writes the languages of its entry file in a different order from run to run; sorted,
    two builds of the same data stay byte-identical (the order means nothing to its reader)."""
    data = json.loads(entry.read_text("utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


class Refresher:
    """For `mkdocs serve`: index the site in a background thread after each build, so the page
    reloads as soon as MkDocs has built. One indexing at a time; a build that ends while one runs
    gets one more run after it. A failure is reported through `report` and never stops serving."""

    def __init__(self, report):
        self._report = report
        self._lock = threading.Lock()
        self._pending: Path | None = None
        self._thread: threading.Thread | None = None
        self._process: subprocess.Popen | None = None
        self._stopped = False

    def request(self, site: Path) -> None:
        with self._lock:
            if self._stopped:
                return
            self._pending = Path(site)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="search-index", daemon=True)
                self._thread.start()

    def stop(self) -> None:
        """The preview is stopping: no indexing starts any more, and the one running is stopped (the
        preview deletes its folder next; waiting for a low-priority indexer could take long)."""
        with self._lock:
            self._stopped, self._pending = True, None
            process = self._process
        if process is not None and process.poll() is None:
            with contextlib.suppress(OSError):
                process.kill()

    def _started(self, process: subprocess.Popen) -> None:
        with self._lock:
            self._process = process
            stopped = self._stopped
        if stopped:
            with contextlib.suppress(OSError):
                process.kill()

    def wait(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                site, self._pending = self._pending, None
                if site is None:
                    self._thread = None
                    return
            try:
                if site.is_dir():
                    build(site, background=True, started=self._started)
            except SearchIndexError as exc:
                if not self._stopped:  # stopped on purpose: nothing to report
                    self._report(f"Search is not available until the next build: {exc}")
