"""The benchmark (./scripts/bench): what the build costs as the data grows, and what a page weighs.
A tool beside the site's package strategy_site, not part of it; see bench.py and README, Performance."""
