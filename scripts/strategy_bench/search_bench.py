"""The benchmark's search measurements (see bench.py and README, Performance):

- indexing: the CPU seconds Pagefind takes to index a built site (search_index.build, in a fresh
  process, the Pagefind program included);
- the index's size: the bytes of the Pagefind bundle as served (its index files are compressed
  already; the scripts and WebAssembly gzipped at level 6);
- in headless Chromium (Debian's, driven by Playwright), on a plain static server that records what
  is requested: the bytes a first visit to a pillar page fetches, then, typing as soon as the page
  has loaded, the bytes the first query fetches and the time from the last keystroke to the first
  results shown.
"""

from __future__ import annotations

import functools
import gzip
import shutil
import statistics
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = Path("/usr/bin/chromium")
GZIP_LEVEL = 6
COMPRESSED = (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter", ".pagefind")  # Pagefind gzips these itself
QUERIES = {"ja": "量子", "en": "quantum"}


def served_bytes(path: Path, cache: dict) -> int:
    """What a server sends for the file: gzip level 6, but files compressed already as they are."""
    if path not in cache:
        raw = path.read_bytes()
        cache[path] = len(raw) if path.name.endswith(COMPRESSED) else len(gzip.compress(raw, GZIP_LEVEL, mtime=0))
    return cache[path]


def bundle_bytes(site: Path) -> int:
    """The whole Pagefind bundle (both languages), as served."""
    cache: dict = {}
    return sum(served_bytes(p, cache) for p in (site / "pagefind").rglob("*") if p.is_file())


def index_seconds(site: Path, runner, env: dict, root: Path, repeat: int) -> float:
    """Median CPU seconds of indexing the built site again (in a fresh process each time). The built
    pages no longer carry what only the indexer reads (an item's names, a page's filter values:
    search_index.strip_index_only), so this indexes a little less than the build itself did, and its
    index has no filters: the build's own index is put back afterwards (the search in Chromium uses it;
    with several editions the dialog searches the current edition by its filter)."""
    code = (
        "import sys; from pathlib import Path; from strategy_site.publishing import search_index; "
        "search_index.build(Path(sys.argv[1]))"
    )
    bundle = site / "pagefind"
    kept = site.parent / f"{site.name}-pagefind-of-the-build"
    shutil.rmtree(kept, ignore_errors=True)
    bundle.rename(kept)
    try:
        return statistics.median(
            runner([sys.executable, "-c", code, str(site)], root, env).seconds for _ in range(repeat)
        )
    finally:
        shutil.rmtree(bundle, ignore_errors=True)
        kept.rename(bundle)


class _Recorder:
    """A static server for the site that records every path it is asked for, in order."""

    def __init__(self, site: Path):
        self.paths: list[str] = []
        recorder = self

        class Handler(SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send_head(self):
                recorder.paths.append(unquote(urlsplit(self.path).path))
                return super().send_head()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def _weigh(site: Path, paths: list[str], cache: dict) -> int:
    total = 0
    for p in paths:
        path = site / p.lstrip("/")
        path = path / "index.html" if path.is_dir() else path
        if path.is_file():
            total += served_bytes(path, cache)
    return total


# In the page: the time of the last keystroke's input, and when the result count replaced it.
_TIMER = """() => {
  const input = document.querySelector('.md-search__input'), meta = document.querySelector('.md-search-result__meta');
  window.__bench = {last: 0, shown: 0};
  input.addEventListener('input', () => { window.__bench.last = performance.now(); window.__bench.shown = 0; });
  new MutationObserver(() => {
    if (window.__bench.last && !window.__bench.shown && document.querySelector('.md-search-result__list li'))
      window.__bench.shown = performance.now();
  }).observe(document.querySelector('.md-search-result'), {childList: true, subtree: true, characterData: true});
}"""


def browser_search(
    site: Path, pillar_paths: dict[str, str], queries: dict[str, str] = QUERIES, repeat: int = 3
) -> dict[str, dict]:
    """Per language: the bytes a first visit to the pillar page fetches (as Chromium asked for
    them), the bytes its first query fetches, and the seconds from the last keystroke to the
    first results (median of `repeat` fresh visits, each with an empty cache)."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    server = _Recorder(site)
    cache: dict = {}
    out: dict[str, dict] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            for lang, path in pillar_paths.items():
                visits, queries_kb, seconds = [], [], []
                for _ in range(repeat):
                    # bypass_csp: Playwright's wait_for_function evaluates a string, which the pages'
                    # Content-Security-Policy (rightly) forbids; the site's own scripts are unaffected.
                    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
                    page = context.new_page()
                    server.paths.clear()
                    page.goto(server.url + path.lstrip("/"), wait_until="load")
                    page.wait_for_load_state("networkidle")
                    visits.append(_weigh(site, [q for q in server.paths if not q.endswith("/sitemap.xml")], cache))
                    before = len(server.paths)
                    page.evaluate(_TIMER)
                    page.keyboard.press("/")
                    page.keyboard.type(queries[lang])
                    page.wait_for_function("window.__bench.shown > 0", timeout=120_000)
                    seconds.append(page.evaluate("(window.__bench.shown - window.__bench.last) / 1000"))
                    page.wait_for_load_state("networkidle")
                    time.sleep(0.2)  # the worker's last fetches
                    queries_kb.append(_weigh(site, server.paths[before:], cache))
                    context.close()
                out[lang] = {
                    "visit": statistics.median(visits),
                    "query": statistics.median(queries_kb),
                    "seconds": statistics.median(seconds),
                }
            browser.close()
    finally:
        server.close()
    return out
