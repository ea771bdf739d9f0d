"""The data checked by `strategy_site build` goes to the MkDocs plugin of the same build, and only
while it is unchanged; the plugin reads the data once per build."""

from __future__ import annotations

from pathlib import Path

from strategy_site import pipeline
from strategy_site.plugin import StrategySitePlugin

from conftest import copy_project


def test_checked_data_is_reused_only_while_nothing_changed(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    checked = pipeline.load(root)
    plugin = StrategySitePlugin()
    plugin.use(root, checked)
    assert plugin.data(root) is checked
    glossary = root / "data" / "glossary.yaml"
    glossary.write_text(glossary.read_text("utf-8") + "\n", "utf-8")
    fresh = plugin.data(root)  # changed since: the plugin reads the data itself
    assert fresh is not checked and fresh.strategy == checked.strategy
    assert plugin.data(root) is fresh  # and once only


def test_two_plugins_share_nothing(tmp_path: Path) -> None:
    """State lives on the instance: a new build (a new plugin) never sees another build's data."""
    root = copy_project(tmp_path)
    first = StrategySitePlugin()
    first.use(root, pipeline.load(root))
    assert StrategySitePlugin().checked is None
