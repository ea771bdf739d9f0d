"""The benchmark's preview measurement (see bench.py and README, Performance): from the save of a
data file to the open page showing it, in the preview (./scripts/serve) as a keeper uses it.

On the scratch project of a scale, `python -m strategy_site serve` runs on a free port; headless
Chromium (Debian's, driven by Playwright, with the pages' Content-Security-Policy on) opens the
English page of the first pillar (of the current edition). Then, `repeat` times each:

- save: the English text of the pillar's first measure is saved with a few words added (with several
  editions, where the measure continues one unchanged, `change: same` becomes `revised`, as a keeper
  writes it); the time runs until the open page shows them (it reloads by itself);
- broken: the file is saved with a YAML syntax error at its end; until the open page is the
  problems page;
- fixed: the file is saved as it was; until the open page shows the measure's text again.

Wall seconds (the preview's whole loop: noticing the save, building, the page reloading and
loading), the median of the runs, polled every 20 ms in the page. The preview's first build is not
counted.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from .search_bench import CHROMIUM

PROBLEMS_TITLE = "The data has problems"  # the problems page's title in English (ui.py: preview_title)
BROKEN = "\nbroken: [\n"  # a '[' never closed: a syntax error at the file's end


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(page, expression: str, arg, limit: float = 300.0) -> float:
    """Seconds until the expression holds in the page (polled every 20 ms; a reload in between is
    waited out)."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        try:
            if page.evaluate(expression, arg):
                return time.monotonic() - start
        except Exception:  # noqa: BLE001 - the page is reloading: its context is gone for a moment
            pass
        time.sleep(0.02)
    raise RuntimeError(f"the open page did not follow the save within {limit:.0f} s ({expression} {arg!r})")


SAME, REVISED = "change: same", "change: revised"  # a measure's change, as the benchmark's data writes it


def edited(original: str, first: str, added: str) -> str:
    """The pillar file with `added` after the first measure's English text `first`, and that measure's
    `change: same` (if it says so: a later edition's copy) made `revised`, as the crosswalk's check wants."""
    at = original.index(first) + len(first)
    text = original[:at] + added + original[at:]
    after = text[at:]
    same = after.find(SAME)
    if same != -1 and "- id:" not in after[:same]:  # that measure's own field
        text = text[:at] + after[:same] + REVISED + after[same + len(SAME) :]
    return text


def save_to_preview(root: Path, env: dict, repeat: int = 3, log=print, prefix: str = "") -> dict[str, float]:
    """Median seconds from a save to the open page showing it: a changed value, a broken file, the fix.
    `prefix`: the current edition's folder of pages ("" with one edition, else "<year>/")."""
    """Median seconds from a save to the open page showing it: a changed value, a broken file, the fix."""
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise RuntimeError(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from .bench import current_edition  # here: bench imports this module

    pillar = sorted((root / "data" / current_edition(root / "data") / "pillars").glob("*.yaml"))[0]
    original = pillar.read_text("utf-8")
    first = yaml.safe_load(original)["groups"][0]["measures"][0]["text"]["en"]
    if original.count(first) < 1:
        raise RuntimeError(f"{pillar.name}: the first measure's text is not written as it reads; update preview_bench")
    port = _free_port()
    out_log = root / "preview.log"
    with out_log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "strategy_site", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    times: dict[str, list[float]] = {"save": [], "broken": [], "fixed": []}
    try:
        deadline = time.monotonic() + 900
        while f"Serving on http://127.0.0.1:{port}/" not in out_log.read_text("utf-8", "replace"):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the preview did not start:\n{out_log.read_text('utf-8', 'replace')[-3000:]}")
            time.sleep(0.2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            page.goto(f"http://127.0.0.1:{port}/en/{prefix}pillars/{pillar.stem}/", wait_until="load")
            shows = "t => document.body.innerText.includes(t)"
            back = "([title, t]) => !document.title.startsWith(title) && document.body.innerText.includes(t)"
            for run in range(repeat):
                added = f" (edit {run + 1} of the benchmark)"
                time.sleep(1.0)  # the page has settled and polls for the next build
                pillar.write_text(edited(original, first, added), "utf-8")
                times["save"].append(_wait(page, shows, first + added))
                time.sleep(1.0)
                pillar.write_text(original + BROKEN, "utf-8")
                times["broken"].append(_wait(page, "t => document.title.startsWith(t)", PROBLEMS_TITLE))
                time.sleep(1.0)
                pillar.write_text(original, "utf-8")
                times["fixed"].append(_wait(page, back, [PROBLEMS_TITLE, first]))
                log(
                    f"  preview run {run + 1}: save {times['save'][-1]:.2f} s, broken {times['broken'][-1]:.2f} s, "
                    f"fixed {times['fixed'][-1]:.2f} s"
                )
            browser.close()
    finally:
        pillar.write_text(original, "utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=120)
    return {k: statistics.median(v) for k, v in times.items()}
