"""What the rules read from the files: every file, the ids of each kind of entity, the progress
items and the figures, through shape.py (so a file that failed the schema gives what its shape allows)."""

from __future__ import annotations

from strategy_site.reading import shape
from strategy_site.reading.load import Files, LoadedFile, problem_at
from strategy_site.reading.problems import Problem

# -- The rules across files ------------------------------------------------------------------------
# Each rule is one function: Files -> Problems, its docstring the rule in one sentence. Each reads
# the data through shape.py, so that on a file that failed the schema it skips what it cannot read.


def every_file(files: Files):
    return (loaded for group in files.values() for loaded in group)


def pillar_ids(files: Files) -> set[str]:
    return {ident for loaded in files.get("pillar", []) if (ident := shape.text(loaded.data, "id")) is not None}


def measure_ids(files: Files) -> set[str]:
    return {
        ident
        for loaded in files.get("pillar", [])
        for _, group in shape.entries(loaded.data, "groups")
        for _, measure in shape.entries(group, "measures")
        if (ident := shape.text(measure, "id")) is not None
    }


def box_item_ids(files: Files) -> set[str]:
    ids = set()
    for loaded in files.get("strategy", []):
        for _, box in shape.entries(loaded.data, "boxes"):
            items = [item for _, item in shape.entries(box, "items")]
            items += [item for _, group in shape.entries(box, "groups") for _, item in shape.entries(group, "items")]
            ids |= {ident for item in items if (ident := shape.text(item, "id")) is not None}
    return ids


def progress_items(files: Files):
    """(file, place, item) for every progress item."""
    for loaded in files.get("progress", []):
        for s, section in shape.entries(loaded.data, "sections"):
            for i, item in shape.entries(section, "items"):
                yield loaded, ("sections", s, "items", i), item


def figures(files: Files):
    """(file, place, figure) for every budget figure."""
    for loaded in files.get("figures", []):
        for f, figure in shape.entries(loaded.data, "figures"):
            yield loaded, ("figures", f), figure


def missing(loaded: LoadedFile, where: tuple, ident: str | None, known: set[str], what: str) -> list[Problem]:
    """A reference to an id that no `what` has."""
    if ident is None or ident in known:
        return []
    return [
        problem_at(
            loaded,
            where,
            f"refers to '{ident}', but no {what} has that id. Check the spelling against the id in the data.",
        )
    ]
