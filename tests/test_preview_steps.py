"""What makes the preview fast at scale, without making it wrong (publishing/preview.py): each data file's
own check is kept by its bytes (checking/validate.FileChecks), and the pages open in a browser are
rendered alone first (pipeline.generate's `only`), and served before the other pages are built
(PreviewServer). Python only, on a copy of the data."""

from __future__ import annotations

import dataclasses
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from strategy_site.checking.validate import FileChecks
from strategy_site.publishing import pipeline, preview
from strategy_site.publishing.preview import PreviewServer
from strategy_site.reading.load import data_files, parse_file
from strategy_site.reading.problems import DataError
from strategy_site.structure import pages

from conftest import ROOT, copy_project, edition_data


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def _first_pillar(root: Path) -> Path:
    return sorted((edition_data(root) / "pillars").glob("*.yaml"))[0]


def test_a_file_saved_with_other_bytes_of_the_same_size_and_time_is_checked_again(project: Path) -> None:
    """The kept check is keyed on the file's bytes: a save that keeps the size and the modification time
    (an editor that restores it, a clock's coarse step) is still read again."""
    checks = FileChecks()
    before = pipeline.load(project, cache=checks)
    measure = before.strategy.measures[0]
    path = edition_data(project) / "pillars" / f"{measure.pillar_id}.yaml"
    raw, stat = path.read_bytes(), path.stat()
    old = measure.text.en
    new = old[:-1] + ("x" if old[-1] != "x" else "y")  # one ASCII character for another: the same size
    assert raw.count(old.encode()) == 1, "the measure's text is not written as it reads: choose another"
    path.write_bytes(raw.replace(old.encode(), new.encode()))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)

    after = pipeline.load(project, cache=checks)

    assert after.strategy.measure(measure.id).text.en == new
    assert checks.reused == len(data_files(project / "data")) - 1  # every other file was not checked again


def test_the_kept_checks_give_what_a_fresh_check_gives(project: Path) -> None:
    """A broken file, checked again from the kept checks, has the same problems; once fixed, the data is
    the same as a check without the kept ones gives."""
    checks = FileChecks()
    pipeline.load(project, cache=checks)
    path = _first_pillar(project)
    good = path.read_text("utf-8")
    path.write_text(good.replace("\n", "\nbroken: [\n", 1) + "\n  - id: 5\n", "utf-8")
    with pytest.raises(DataError) as fresh:
        pipeline.load(project)
    count = len(data_files(project / "data"))
    for reused in (count - 1, count):  # the broken file checked, then its kept check
        with pytest.raises(DataError) as kept:
            pipeline.load(project, cache=checks)
        assert kept.value.problems == fresh.value.problems
        assert checks.reused == reused
    path.write_text(good, "utf-8")
    assert pipeline.load(project, cache=checks).strategy == pipeline.load(project).strategy


def test_nothing_changes_what_the_kept_checks_hold(project: Path) -> None:
    """The kept files are shared by every later build: the rules, the model and the rendering (pages and
    exports) read them and never change them."""
    checks = FileChecks()
    checked = pipeline.load(project, cache=checks)
    pipeline.generate(project, checked=checked)
    pipeline.load(project, cache=checks)  # the rules across files run again on the kept files
    data = project / "data"
    kept = [loaded for files in checked.files.values() for loaded in files]
    assert len(kept) == len(data_files(data))
    for loaded in kept:
        fresh, problems = parse_file((project / loaded.path).read_bytes(), loaded.path)
        assert problems == []
        assert dataclasses.asdict(loaded) == dataclasses.asdict(fresh), loaded.path


def test_the_open_pages_rendered_alone_are_the_pages_rendered_with_all(project: Path) -> None:
    """The preview's first step renders only the open pages; each must be what the full rendering
    gives, or the open page would show something else until the next save (the data page, which
    gives the exports' sizes, too)."""
    checked = pipeline.load(project)
    pillar = checked.strategy.pillars[0].id
    only = {f"en/{pages.pillar(pillar)}", f"ja/{pages.SOURCE['data']}", f"en/{pages.SOURCE['measures']}"}
    alone = pipeline.generate(project, checked=checked, only=only)
    every = pipeline.generate(project, checked=checked)
    assert alone.keys() == only
    assert all(alone[rel] == every[rel] for rel in only)


def test_the_open_pages_are_known_and_any_other_page_waits_for_the_second_step(tmp_path: Path) -> None:
    """The server knows the open pages by their long polls (their Referer); after the first step they are
    served at once, and a request for any other page waits until the second step has built it (never
    the page as it was before the save)."""
    site = tmp_path / "site"
    for page in ("en/pillars/x", "en/measures"):
        (site / page).mkdir(parents=True)
        (site / page / "index.html").write_text("<html><body>before the save</body></html>", "utf-8")
    server = PreviewServer(builder=lambda: "", host="127.0.0.1", port=0, root=str(site), mount_path="/")
    server.poll_response_timeout = 0.1
    got: dict[str, bytes] = {}

    def ask(path: str, **headers: str) -> None:
        got[path] = b"".join(server._serve_request({"PATH_INFO": path, **headers}, lambda *args: None) or [])

    try:
        ask(f"/livereload/{server._visible_epoch}/1", HTTP_REFERER="http://127.0.0.1:8000/en/pillars/x/?q=1")
        assert server.open_pages() == {str(site / "en" / "pillars" / "x" / "index.html")}
        server.show_first_step(server.open_pages())
        asking = [threading.Thread(target=ask, args=(path,)) for path in ("/en/pillars/x/", "/en/measures/")]
        for thread in asking:
            thread.start()
        asking[0].join(10)
        assert b"before the save" in got["/en/pillars/x/"]  # the open page: at once
        asking[1].join(0.5)
        assert asking[1].is_alive() and "/en/measures/" not in got  # another page: not yet
        (site / "en" / "measures" / "index.html").write_text("<html><body>after the save</body></html>", "utf-8")
        server.second_step_done()
        asking[1].join(10)
        assert b"after the save" in got["/en/measures/"]
    finally:
        server.server_close()


@pytest.mark.site  # builds a copy of the project
def test_a_save_during_the_second_step_is_the_next_builds(tmp_path: Path, monkeypatch) -> None:
    """The second step builds the data the first step checked; a save that comes meanwhile (here a broken
    file, saved as the second step starts) is the next build's: it shows the problems then, and its fix
    is a dirty build again, not a rebuild of every page. A save the watcher has seen before MkDocs
    begins building: the second step gives way to it, and the next build brings every page up to date."""
    root = copy_project(tmp_path)
    work = tmp_path / "preview"
    runner = preview.PreviewBuilder(root / "mkdocs.yml", work / "site", "")
    config = runner.config()
    plugin = config.plugins[preview.PLUGIN]
    plugin.write_changed_only = True
    config.plugins.on_startup(command="serve", dirty=True)
    server = PreviewServer(builder=runner, host="127.0.0.1", port=0, root=str(work / "site"), mount_path="/")
    runner.server = server
    try:
        assert runner() == "Rebuilt every page"
        checked = pipeline.load(root)
        measure = checked.strategy.measures[0]
        path = edition_data(root) / "pillars" / f"{measure.pillar_id}.yaml"
        good = path.read_text("utf-8")
        changed = good.replace(measure.text.en, "A text saved before the second step", 1)
        path.write_text(changed, "utf-8")
        builds = []
        during = {"text": changed + "\nbroken: [\n", "seen": False}  # what is saved as the second step starts

        def build(config, **kwargs):
            builds.append(kwargs)
            if len(builds) % 2 == 0:  # the second step starts: a save comes
                path.write_text(during["text"], "utf-8")
                server._want_rebuild = during["seen"]
            real_build(config, **kwargs)

        real_build = preview.build
        monkeypatch.setattr(preview, "build", build)
        server.polled[f"/en/{pages.pillar(measure.pillar_id)[: -len('.md')]}/"] = time.monotonic()
        assert runner() == "Rebuilt the other changed pages"
        assert server.problems is None
        listing = (work / "site" / "en" / "measures" / "index.html").read_text("utf-8")
        assert "A text saved before the second step" in listing
        assert runner() == "Problems shown"
        path.write_text(changed, "utf-8")
        during["text"] = changed
        server.polled[f"/en/{pages.pillar(measure.pillar_id)[: -len('.md')]}/"] = time.monotonic()
        builds.clear()
        assert runner() == "Rebuilt the other changed pages"  # dirty, in two steps: not every page
        newer = changed.replace("A text saved before the second step", "A text saved during the second step")
        path.write_text(changed.replace("A text saved before the second step", "A text saved first"), "utf-8")
        during.update(text=newer, seen=True)
        builds.clear()
        assert runner() == "Rebuilt the open pages (a newer save follows)"
        server._want_rebuild = False
        server.polled.clear()  # the page was closed
        builds.clear()
        assert "A text saved during" not in (work / "site" / "en" / "measures" / "index.html").read_text("utf-8")
        assert runner() == "Rebuilt the changed pages"  # no page open by now: one step
        assert "A text saved during" in (work / "site" / "en" / "measures" / "index.html").read_text("utf-8")
    finally:
        plugin.refresher.wait(60)
        server.server_close()
