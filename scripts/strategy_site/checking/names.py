"""The registry of names (data/names.yaml): an official or established name cites its source, and a
text marked official uses the registered English."""

from __future__ import annotations

from strategy_site.reading import shape
from strategy_site.reading.load import Files, problem_at
from strategy_site.reading.problems import Problem


def texts_with_translation(data: object):
    """Every text (a dict with 'ja' and 'en') that says 'translation' or 'registry', with its path."""
    return (
        (node, where)
        for where, node in shape.nodes(data)
        if isinstance(node, dict) and "ja" in node and "en" in node and ("translation" in node or "registry" in node)
    )


def names_in_registry(files: Files):
    """(file, place in the list, entry) for every entry of the registry of names (data/names.yaml)."""
    for loaded in files.get("names", []):
        for n, entry in shape.entries(loaded.data, "names"):
            yield loaded, n, entry


def check_name_sources(files: Files) -> list[Problem]:
    """A name in data/names.yaml that is official or established cites its source; the site's own
    translation ('status: site') cites none."""
    problems = []
    for loaded, n, entry in names_in_registry(files):
        status = shape.text(entry, "status")
        if status is not None and status != "site" and "source" not in entry:
            problems.append(
                problem_at(
                    loaded,
                    ("names", n, "status"),
                    f"says '{status}' but gives no "
                    "source. Add 'source:' with publisher, title, url and checked, or write "
                    "'status: site' if the English is the site's own translation.",
                )
            )
        if status == "site" and "source" in entry:
            problems.append(
                problem_at(
                    loaded,
                    ("names", n, "source"),
                    "a name that is the site's own translation "
                    "has no source. Remove 'source:', or give the status the source supports.",
                )
            )
    return problems


def check_official_names(files: Files) -> list[Problem]:
    """A text's 'registry: <id>' names an entry of data/names.yaml, and a text marked 'translation:
    official' names one that cites an official source and uses its English (or one of its 'also' forms)."""
    entries = {
        ident: entry for _, _, entry in names_in_registry(files) if (ident := shape.text(entry, "id")) is not None
    }
    problems = []
    for loaded in (f for name, group in files.items() if name != "names" for f in group):
        for text, where in texts_with_translation(loaded.data):
            ident = text.get("registry")
            official = text.get("translation") == "official"
            if official and ident is None:
                problems.append(
                    problem_at(
                        loaded,
                        where + ("translation",),
                        "says 'translation: official' but "
                        "names no source. Add 'registry: <id>' with the id of the name's entry "
                        "in data/names.yaml (add the entry with its source if it is missing), "
                        "or remove 'translation: official'.",
                    )
                )
                continue
            entry = entries.get(ident) if isinstance(ident, str) else None
            if entry is None:
                problems.append(
                    problem_at(
                        loaded,
                        where + ("registry",),
                        f"refers to '{ident}', but "
                        "data/names.yaml has no name with that id. Check the spelling, or add "
                        "the name there with its source.",
                    )
                )
                continue
            if official and shape.text(entry, "status") == "site":
                problems.append(
                    problem_at(
                        loaded,
                        where + ("translation",),
                        f"says 'translation: official', but "
                        f"'{ident}' in data/names.yaml is the site's own translation. Remove "
                        "'translation: official', or cite the official source in data/names.yaml.",
                    )
                )
            forms = [form for form in [shape.text(entry, "en")] if form is not None]
            forms += [form for _, form in shape.texts(entry, "also")]
            if official and text["en"] not in forms:
                problems.append(
                    problem_at(
                        loaded,
                        where + ("en",),
                        f"is marked as the official name, but "
                        f"data/names.yaml gives '{ident}' as {' or '.join(repr(f) for f in forms)}. "
                        "Use that English, or correct the entry in data/names.yaml.",
                    )
                )
    return problems
