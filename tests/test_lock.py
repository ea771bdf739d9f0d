"""The lock (scripts/requirements/) matches pyproject.toml, pins every package with hashes, and is
what .venv holds: so a fresh machine installs exactly the packages the tests ran with."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

LOCKS = ROOT / "scripts" / "requirements"
_ENTRY = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>\S+)(?: ; (?P<marker>[^\\]+?))? \\$")


def parse_lock(text: str) -> dict[str, dict]:
    """name -> {version, marker, hashes, direct}: `direct` when the lock says it is there because
    pyproject.toml (or the build back-end it names) asks for it."""
    entries: dict[str, dict] = {}
    current: dict | None = None
    for line in text.splitlines():
        found = _ENTRY.match(line)
        if found:
            current = {"version": found["version"], "marker": found["marker"], "hashes": 0, "direct": False}
            entries[canonicalize_name(found["name"])] = current
        elif current is not None and line.strip().startswith("--hash=sha256:"):
            current["hashes"] += 1
        elif current is not None and re.search(r"strategy-site \(pyproject\.toml\)|-r \S*build\.in", line):
            current["direct"] = True
    return entries


def pinned(requirements: list[str]) -> dict[str, str]:
    """name -> version of requirements that must each be an exact pin."""
    out = {}
    for text in requirements:
        req = Requirement(text)
        spec = list(req.specifier)
        assert len(spec) == 1 and spec[0].operator == "==", f"{text!r} in pyproject.toml is not an exact pin (==)"
        out[canonicalize_name(req.name)] = spec[0].version
    return out


@pytest.fixture(scope="module")
def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def wanted(pyproject: dict, lock: str) -> dict[str, str]:
    project = pyproject["project"]
    reqs = project["dependencies"] + pyproject["build-system"]["requires"]
    if lock == "test":
        reqs += project["optional-dependencies"]["test"]
    return pinned(reqs)


@pytest.mark.parametrize("lock", ["site", "test"])
def test_the_lock_holds_exactly_the_pins_of_pyproject(pyproject: dict, lock: str) -> None:
    entries = parse_lock((LOCKS / f"{lock}.txt").read_text("utf-8"))
    pins = wanted(pyproject, lock)
    direct = {name: e["version"] for name, e in entries.items() if e["direct"]}
    assert direct == pins, "the lock is out of date: run ./scripts/lock"
    assert all(e["hashes"] >= 1 for e in entries.values()), "every locked package needs its hashes"


def test_the_site_lock_takes_the_test_locks_versions() -> None:
    site = parse_lock((LOCKS / "site.txt").read_text("utf-8"))
    test = parse_lock((LOCKS / "test.txt").read_text("utf-8"))
    assert {n: e["version"] for n, e in site.items()} == {n: test[n]["version"] for n in site}


def test_venv_holds_the_test_lock() -> None:
    entries = parse_lock((LOCKS / "test.txt").read_text("utf-8"))
    for name, entry in entries.items():
        if entry["marker"] and not Marker(entry["marker"]).evaluate():
            continue
        assert metadata.version(name) == entry["version"], f"{name}: .venv differs from the lock"


def test_the_lock_check_catches_a_stale_pin(pyproject: dict) -> None:
    """The check above fails when pyproject.toml changes a pin without a new lock."""
    entries = parse_lock((LOCKS / "test.txt").read_text("utf-8"))
    changed = {
        **pyproject,
        "project": {
            **pyproject["project"],
            "dependencies": [
                "mkdocs==1.6.0" if d.startswith("mkdocs==") else d for d in pyproject["project"]["dependencies"]
            ],
        },
    }
    direct = {name: e["version"] for name, e in entries.items() if e["direct"]}
    assert direct != wanted(changed, "test")
    assert direct == wanted(pyproject, "test")
