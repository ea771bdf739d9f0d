"""The data checked by `strategy_site build` goes to MkDocs' hook in the same process, and only
while it is unchanged."""

from __future__ import annotations

from pathlib import Path

from conftest import copy_project
from strategy_site import pipeline


def test_checked_data_is_reused_only_while_nothing_changed(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    loaded = pipeline.load(root)
    pipeline.remember_checked(root, loaded)
    assert pipeline.load_checked(root) is loaded
    glossary = root / "data" / "glossary.yaml"
    glossary.write_text(glossary.read_text("utf-8") + "\n", "utf-8")
    assert pipeline.load_checked(root) is None  # changed since: the hook reads the data itself
