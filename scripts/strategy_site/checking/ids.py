"""Ids: each used once, none taken from the site's own pages (derived from the templates, the theme,
the chart code, the site's scripts and Material's templates), and a pillar's id naming its file and page."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from strategy_site.checking import entities
from strategy_site.reading import shape
from strategy_site.reading.load import Files, LoadedFile, problem_at
from strategy_site.reading.problems import Problem
from strategy_site.rendering import charts

PACKAGE = Path(__file__).parents[1]  # strategy_site/, with every layer's folder
ROOT = PACKAGE.parents[1]
_SOURCES = (  # (files, patterns whose group 1 is an element id the build emits)
    ("**/templates/*.j2", (rf'"({shape.ID})"\|anchor', rf'\bid="({shape.ID})"')),
    ("**/theme/**/*.html", (rf'\bid="({shape.ID})"',)),
    ("**/*.py", (rf'\bid="({shape.ID})"', rf"\bid=\\?\"({shape.ID})\\?\"")),
)
_PREFIXES = (rf'"({shape.ID}-)"\s*~', rf'\bid="({shape.ID}-)\{{')  # ids made of a fixed start and a value
_SCRIPTS = rf'getElementById\(\s*["\']({shape.ID})["\']\s*\)'


@cache
def reserved_ids(package: Path = PACKAGE) -> tuple[frozenset[str], tuple[str, ...]]:
    """The element ids the templates, the theme, the chart code, the site's scripts and Material's
    own templates put on pages themselves, read from their sources (so the list cannot drift from
    what the build emits; tests/test_hardening.py checks it against a built site), and the starts of
    ids made from a fixed start and a value ('fields-' + a file name)."""
    ids: set[str] = set()
    prefixes: set[str] = set()
    for pattern, regexes in _SOURCES:
        for path in sorted(package.glob(pattern)):
            text = path.read_text("utf-8")
            for regex in regexes:
                ids |= set(re.findall(regex, text))
            for regex in _PREFIXES:
                prefixes |= set(re.findall(regex, text))

    ids |= {ident + suffix for ident in charts.ELEMENT_IDS for suffix in charts.ID_SUFFIXES}
    for path in sorted((ROOT / "docs" / "assets").glob("*.js")):
        ids |= set(re.findall(_SCRIPTS, path.read_text("utf-8")))
    try:
        import material

        templates = Path(material.__file__).parent / "templates"
        for pattern in ("*.html", "partials/**/*.html", "fragments/**/*.html"):  # not the 10,000 icons
            for path in sorted(templates.glob(pattern)):
                ids |= set(re.findall(rf'\bid="({shape.ID})"', path.read_text("utf-8")))
    except ImportError:  # the schema check runs without MkDocs too
        pass
    return frozenset(ids), tuple(sorted(prefixes))


def reserved_reason(ident: str) -> str | None:
    ids, prefixes = reserved_ids()
    if ident in ids:
        return f"the id '{ident}' is used by the site's own pages (an element or heading of that name)"
    start = next((p for p in prefixes if ident.startswith(p)), None)
    if start:
        return f"the id '{ident}' starts with '{start}', which is used by the site's own pages for their ids"
    return None


def check_reserved_ids(files: dict[str, list[LoadedFile]]) -> list[Problem]:
    """No data id takes an id the pages use themselves: two elements with one id break the anchor
    (and, for 'anchor-moves', the script that reads it)."""
    problems = []
    for loaded in (f for group in files.values() for f in group):
        for ident, where in shape.ids(loaded.data):
            reason = reserved_reason(ident)
            if reason:
                other = next(c for c in (f"{ident}-item", f"item-{ident}", "new-item") if not reserved_reason(c))
                problems.append(
                    problem_at(
                        loaded,
                        where + ("id",),
                        f"{reason}, so an item cannot have it. Choose another id, for example '{other}'.",
                    )
                )
    return problems


RESERVED_PILLAR_IDS = frozenset({"index"})  # pillars/index.md would be served at /pillars/


def check_pillar_ids(files: dict[str, list[LoadedFile]]) -> list[Problem]:
    """A pillar's id names its page: 'index' would make the page /pillars/ itself."""
    return [
        problem_at(
            loaded,
            ("id",),
            f"the id '{ident}' would make this pillar's page the address "
            "pillars/ itself. Choose another id (and name the file after it).",
        )
        for loaded in files.get("pillar", [])
        if (ident := shape.text(loaded.data, "id")) in RESERVED_PILLAR_IDS
    ]


def valid_id_like(text: str) -> str:
    """A valid id close to `text` (for advice), e.g. 'innovation-ecosystem (copy)' -> 'innovation-ecosystem-copy'."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower())) or "new-pillar"


def check_unique_ids(files: Files) -> list[Problem]:
    """Every id is used once, in all the data files together."""
    problems: list[Problem] = []
    seen: dict[str, tuple[LoadedFile, tuple]] = {}
    for loaded in entities.every_file(files):
        for ident, where in shape.ids(loaded.data):
            if ident in seen:
                other, other_where = seen[ident]
                line = other.mark(other_where + ("id",))[0]
                problems.append(
                    problem_at(
                        loaded,
                        where + ("id",),
                        f"the id '{ident}' is already used in "
                        f"{other.path} on line {line}. Every id must be unique: choose another.",
                    )
                )
            else:
                seen[ident] = (loaded, where)
    return problems


def check_pillar_file_names(files: Files) -> list[Problem]:
    """A pillar's file is named after the pillar's id: pillars/<id>.yaml."""
    problems = []
    for loaded in files.get("pillar", []):
        pid = shape.text(loaded.data, "id")
        stem = Path(str(loaded.path)).stem
        if pid is None or stem == pid:
            continue
        if shape.is_id(stem):
            message = (
                f"the pillar's id '{pid}' differs from its file name "
                f"'{Path(str(loaded.path)).name}'. Change the id back to "
                f"'{stem}', or rename the file to '{pid}.yaml'."
            )
        else:
            message = (
                f"the file name '{Path(str(loaded.path)).name}' is not "
                f"a pillar id (lowercase letters a-z, digits and single hyphens). Rename "
                f"the file to '{pid}.yaml' after the pillar's id."
            )
        problems.append(problem_at(loaded, ("id",), message))
    return problems


def check_pillar_orders(files: Files) -> list[Problem]:
    """Each pillar has an 'order' of its own: no two pillars share a place on the slide."""
    problems = []
    orders: dict[float, LoadedFile] = {}
    for loaded in files.get("pillar", []):
        order = shape.number(loaded.data, "order")
        if order is None:
            continue
        if order in orders:
            problems.append(
                problem_at(
                    loaded,
                    ("order",),
                    f"order {order} is already taken by {orders[order].path}. Give each pillar its own place.",
                )
            )
        orders[order] = loaded
    return problems
