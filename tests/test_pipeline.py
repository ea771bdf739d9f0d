"""The data checked by `strategy_site build` goes to the MkDocs plugin of the same build, and only
while it is unchanged; the plugin reads the data once per build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from strategy_site.publishing import pipeline
from strategy_site.publishing.plugin import StrategySitePlugin
from strategy_site.structure import urls

from conftest import copy_project, edition_data


def test_checked_data_is_reused_only_while_nothing_changed(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    checked = pipeline.load(root)
    plugin = StrategySitePlugin()
    plugin.use(root, checked)
    assert plugin.data(root) is checked
    glossary = edition_data(root) / "glossary.yaml"
    kept = glossary.stat()
    glossary.write_text(glossary.read_text("utf-8") + "\n", "utf-8")
    # Its time kept: without git the data's date is the newest file's day, which a write just past
    # midnight would move (the size still tells the plugin the file changed).
    os.utime(glossary, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    fresh = plugin.data(root)  # changed since: the plugin reads the data itself
    assert fresh is not checked and fresh.strategy == checked.strategy
    assert plugin.data(root) is fresh  # and once only


def test_two_plugins_share_nothing(tmp_path: Path) -> None:
    """State lives on the instance: a new build (a new plugin) never sees another build's data."""
    root = copy_project(tmp_path)
    first = StrategySitePlugin()
    first.use(root, pipeline.load(root))
    assert StrategySitePlugin().checked is None


def test_write_tree_writes_what_changed_and_removes_what_is_gone(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    first = {"ja/index.md": "一", "ja/m/a/index.html": "a", "en/m/a/index.html": "a", "en/index.md": "one"}
    assert sorted(pipeline.write_tree(first, docs)) == sorted(first)
    assert {p.relative_to(docs).as_posix(): p.read_text("utf-8") for p in docs.rglob("*") if p.is_file()} == first
    assert pipeline.write_tree(first, docs) == []  # nothing changed: nothing written
    (docs / "ja" / "index.md").write_text("edited by hand", "utf-8")  # a generated page edited: put back
    (docs / "en" / "m" / "a" / "index.html.tmp").write_text("half", "utf-8")  # left by a stopped build
    second = {"ja/index.md": "一", "en/index.md": "one, changed"}
    assert sorted(pipeline.write_tree(second, docs)) == [
        "en/index.md",
        "en/m/a/index.html",
        "en/m/a/index.html.tmp",
        "ja/index.md",
        "ja/m/a/index.html",
    ]
    assert {p.relative_to(docs).as_posix(): p.read_text("utf-8") for p in docs.rglob("*") if p.is_file()} == second
    assert not (docs / "ja" / "m").exists() and not (docs / "en" / "m").exists()  # emptied folders go
    pipeline.write_tree({}, docs)
    assert (docs / "ja").is_dir() and (docs / "en").is_dir()  # the language folders stay
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.site  # builds (or installs) in a scratch copy of the project
def test_a_build_renders_the_pages_once_for_both_languages(tmp_path: Path, monkeypatch) -> None:
    """mkdocs-static-i18n runs MkDocs' build again for English inside the Japanese one; the pages of
    both languages were rendered by the first pass, so the second renders nothing (at x100 rendering
    them again cost 5 s of CPU). Both languages are still built from them."""
    from strategy_site.publishing import cli

    root = copy_project(tmp_path)
    calls = []
    generate = pipeline.generate
    monkeypatch.setattr(pipeline, "generate", lambda *a, **k: calls.append(a) or generate(*a, **k))
    site = tmp_path / "built"
    assert cli.build_site(site, pipeline.load(root), root / "mkdocs.yml")
    assert len(calls) == 1
    assert (site / "pillars").is_dir() and (site / "en" / "pillars").is_dir()
    assert (site / "en" / "index.html").read_text("utf-8").count('lang="en"') >= 1
    # The permalink pages are written into the site by the plugin, not copied by MkDocs from docs/.
    for_docs, static = pipeline.split(generate(root))
    assert static and all(rel.endswith(".html") for rel in static) and not any(r.endswith(".html") for r in for_docs)
    for rel, text in static.items():
        lang, _, rest = rel.partition("/")
        assert (site / urls.LANG_PREFIX[lang] / rest).read_text("utf-8") == text, rel
    assert not list((root / "docs").rglob("*.html")), "a plain HTML page was written into docs/"
