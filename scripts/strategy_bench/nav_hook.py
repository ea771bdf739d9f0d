"""Benchmark only: the MkDocs hook of the "MkDocs alone" builds (mkdocs-alone.yml in a scratch
project). It sets the navigation and the theme's settings the plugin would set (with several
editions: every edition's navigation, the current edition, each edition's publication), read from the
JSON file that bench.stages wrote beside the config, and renders nothing."""

from __future__ import annotations

import json
from pathlib import Path

from strategy_site.publishing.plugin import not_in_nav, settings_of
from strategy_site.rendering.ui import theme_words
from strategy_site.structure import editions

NAV_FILE = "bench_nav.json"


def settings(checked) -> dict:
    """What the plugin's on_config sets from the data (pipeline.Checked), as JSON: the navigation and
    config.extra's values."""
    return {"nav": editions.nav(checked.all_editions()), "extra": settings_of(checked)}


def on_config(config, **kwargs):
    found = json.loads((Path(config.config_file_path).parent / NAV_FILE).read_text("utf-8"))
    config.nav = found["nav"]
    config.extra.update(found["extra"])
    config.extra["words"] = theme_words()  # as the plugin sets them: the theme prints them
    config.not_in_nav = not_in_nav()  # as the plugin sets it: the parallel views
    return config
