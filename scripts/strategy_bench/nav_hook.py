"""Benchmark only: the MkDocs hook of the "MkDocs alone" builds (mkdocs-alone.yml in a scratch
project). It sets the navigation the plugin would set, read from the JSON file that
bench.stages wrote beside the config, and renders nothing."""

from __future__ import annotations

import json
from pathlib import Path

from strategy_site.publishing.plugin import not_in_nav
from strategy_site.rendering.ui import theme_words

NAV_FILE = "bench_nav.json"


def on_config(config, **kwargs):
    config.nav = json.loads((Path(config.config_file_path).parent / NAV_FILE).read_text("utf-8"))
    config.extra["words"] = theme_words()  # as the plugin sets them: the theme prints them
    config.not_in_nav = not_in_nav()  # as the plugin sets it: the parallel views
    return config
