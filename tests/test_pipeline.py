"""The data checked by `strategy_site build` is handed to MkDocs' hook, and only while unchanged."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_project
from strategy_site import pipeline


def test_checked_data_is_handed_over_only_while_nothing_changed(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "project").mkdir()
    root = copy_project(tmp_path / "project")
    loaded = pipeline.load(root)
    env = pipeline.save_checked(root, loaded, tmp_path / "checked.pickle")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    handed = pipeline.load_checked(root)
    assert handed is not None and handed[0] == loaded[0]
    glossary = root / "data" / "glossary.yaml"
    glossary.write_text(glossary.read_text("utf-8") + "\n", "utf-8")
    assert pipeline.load_checked(root) is None  # changed since: the hook reads the data itself
    monkeypatch.delenv(pipeline.CHECKED_ENV)
    assert pipeline.load_checked(root) is None
