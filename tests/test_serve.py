"""./scripts/serve's pipeline: mkdocs serve renders from data/ and renders again when data/ changes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from strategy_site.publishing import pipeline
from strategy_site.structure import urls

from browser_site import pillar_path
from conftest import accepts_connections, copy_project, edition_data, held_port, says_it_serves, server_on_a_free_port


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, needle: str, seconds: float) -> str | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _get(url)
        if page and needle in page:
            return page
        time.sleep(0.5)
    return None


@pytest.mark.site  # builds (or installs) in a scratch copy of the project
def test_serve_renders_again_when_the_data_changes(tmp_path: Path, strategy) -> None:
    root = copy_project(tmp_path)
    (tmp_path / "tmp").mkdir()
    # TMPDIR: plain mkdocs serve, stopped by SIGTERM, leaves its mkdocs_* folder: in tmp_path, not /tmp.
    env = {
        **os.environ,
        "PYTHONPATH": str(root / "scripts"),
        "NO_MKDOCS_2_WARNING": "1",
        "TMPDIR": str(tmp_path / "tmp"),
    }
    log = tmp_path / "serve.log"

    def start(port: int) -> subprocess.Popen:
        with log.open("w") as out:
            return subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                cwd=root,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=out,
            )

    with server_on_a_free_port(start, says_it_serves(log), log) as (_, port):
        server = f"http://127.0.0.1:{port}"
        measure = strategy.measures[0]  # the copy's data is the project's
        url = server + urls.site_path("en", pillar_path(measure.pillar_id))
        assert _wait_for(url, f'id="{measure.id}"', 120), "mkdocs serve did not serve the page"
        # The search index is written in the background after the build.
        entry_url = f"{server}/pagefind/pagefind-entry.json"
        entry = _wait_for(entry_url, '"en"', 120)
        assert entry, "mkdocs serve wrote no search index"
        path = edition_data(root) / "pillars" / f"{measure.pillar_id}.yaml"
        path.write_text(path.read_text("utf-8").replace(measure.text.en, "A changed measure text"), "utf-8")
        assert _wait_for(url, "A changed measure text", 120), "the page was not rendered again"
        # ... and written again for the changed page (the English index's hash changes).
        english = json.loads(entry)["languages"]["en"]["hash"]
        deadline = time.monotonic() + 120
        while (
            time.monotonic() < deadline and json.loads(_get(entry_url) or entry)["languages"]["en"]["hash"] == english
        ):
            time.sleep(0.5)
        assert json.loads(_get(entry_url) or entry)["languages"]["en"]["hash"] != english, "the index was not refreshed"


@pytest.mark.site  # builds (or installs) in a scratch copy of the project
def test_only_changed_files_are_written(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    first = pipeline.render_docs(root, docs_dir=root / "docs", data_dir=root / "data").changed
    assert "ja/index.md" in first and "en/index.md" in first
    assert pipeline.render_docs(root, docs_dir=root / "docs", data_dir=root / "data").changed == []
    path = edition_data(root) / "glossary.yaml"
    kept = path.stat()
    path.write_text(path.read_text("utf-8").replace("funding agency", "funding agencies"), "utf-8")
    # Its time kept: without git the data's date (on every page's citation) is the newest file's day,
    # which a write just past midnight would move, changing every page.
    os.utime(path, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    changed = pipeline.render_docs(root, docs_dir=root / "docs", data_dir=root / "data").changed
    # The English pages (tooltips), both glossaries (they show both names), the data exports and the
    # open data page, which gives their sizes.
    assert "en/glossary.md" in changed and "ja/data/strategy.json" in changed
    assert [c for c in changed if c.startswith("ja/") and c.endswith(".md")] == ["ja/data.md", "ja/glossary.md"]


@pytest.mark.site  # builds (or installs) in a scratch copy of the project
def test_a_server_started_on_a_free_port_keeps_it(tmp_path: Path) -> None:
    """The port is held until the server listens: no other program can bind it meanwhile, a server
    with SO_REUSEADDR can; a server that finds its port in use all the same gets another one."""
    with held_port() as port, socket.socket() as other, pytest.raises(OSError, match="in use"):
        other.bind(("127.0.0.1", port))
    log, ports = tmp_path / "server.log", []

    def start(port: int) -> subprocess.Popen:
        ports.append(port)
        with log.open("w") as out:
            if len(ports) == 1:  # the first attempt: as a server that found the port taken
                command = ["-c", "import sys; sys.exit('OSError: [Errno 98] Address already in use')"]
            else:
                command = ["-m", "http.server", "--bind", "127.0.0.1", str(port)]
            return subprocess.Popen([sys.executable, *command], cwd=tmp_path, stdout=out, stderr=out)

    with server_on_a_free_port(start, accepts_connections, log) as (process, port):
        assert port == ports[-1] and len(ports) == 2 and process.poll() is None
        assert _get(f"http://127.0.0.1:{port}/server.log") is not None
    assert process.poll() is not None, "the server was not stopped after the block"
