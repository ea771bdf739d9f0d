"""The registry of names (data/names.yaml): an official or established name cites its source, and a
text marked official uses the registered English."""

from __future__ import annotations

import re

from strategy_site.reading import shape
from strategy_site.reading.load import Files, problem_at
from strategy_site.reading.problems import Problem
from strategy_site.rendering import format as fmt


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


# A capitalised English name: two or more words with capitals (R&D, Startup), at least one of them a
# capitalised word (Vision) and not only acronyms (FY2021 and FY2022), joined by spaces or by the small
# words of a name (Basic Policy on Open Access); a number may follow (Integrated Innovation Strategy 2024).
# Months and the names of the two languages are capitalised words but name no body or programme.
_WORD = r"[A-Z](?:[\w'’&-]|\.(?=\w))*"
_SMALL = r"(?:of|and|for|on|in|the|to|by|through|with|a|an)"
_NUMBER = r"[0-9](?:[0-9–-]|\.(?=[0-9]))*(?:st|nd|rd|th)?"
_NAME_RUN = re.compile(rf"(?<![\w'’&.-]){_WORD}(?:(?: {_SMALL})* {_WORD}| {_NUMBER}(?!\w))*")
_SENTENCE_START = re.compile(r"(?:^|^\([^)]*\)\s+|[.:;!?]\s+|[“\"]\s*)$")
_NOT_NAME_WORDS = frozenset((*fmt.MONTHS, "Japanese", "English"))


def unregistered_names(english: str, registered: list[str]) -> list[str]:
    """The capitalised multi-word names in an English text that are not in the registry of names
    (`registered`: every entry's English and 'also' forms). Not a name: a single word (KAKENHI), a run
    of acronyms and numbers (FY2021 and FY2022), a sentence's first word (Support for ...)."""
    return _unregistered(english, sorted(registered, key=len, reverse=True))


def _unregistered(english: str, longest_first: list[str]) -> list[str]:
    """unregistered_names, with the registry's forms sorted longest first (once for every text)."""
    for form in longest_first:
        english = english.replace(form, " | ")
    found = []
    for match in _NAME_RUN.finditer(english):
        words = match.group().split(" ")
        shown = counted = words
        if _SENTENCE_START.search(english[: match.start()]):
            counted = words[1:]  # a sentence's first word has its capital anyway
            if counted and re.fullmatch(_SMALL, counted[0]):  # "Promotion of the Global ...": the name follows
                while counted and re.fullmatch(_SMALL, counted[0]):
                    counted = counted[1:]
                shown = counted
        capitals = [w for w in counted if re.fullmatch(_WORD, w) and w not in _NOT_NAME_WORDS]
        if len(capitals) >= 2 and any(re.search(r"[a-z]", w) for w in capitals):
            found.append(" ".join(shown))
    return found


def check_registered_names(files: Files) -> list[Problem]:
    """Every capitalised English name in a text (two or more words with capitals, such as 'Basic Policy
    on Open Access') is in the registry of names, data/names.yaml, with its English as 'en' or in
    'also': official or established with its source, or the site's own translation (status: site).
    A name the registry does not know could be an official name given without its source, or the
    site's own translation shown as if it were official."""
    registered = [form for _, _, entry in names_in_registry(files) for form in [shape.text(entry, "en")] if form]
    registered += [form for _, _, entry in names_in_registry(files) for _, form in shape.texts(entry, "also")]
    longest_first = sorted(registered, key=len, reverse=True)
    problems = []
    # Not the registry itself, nor the accessibility statement: its sentences are the site's own, in both
    # languages, and say nothing of the strategy.
    for loaded in (f for name, group in files.items() if name not in ("names", "accessibility") for f in group):
        for where, node in shape.nodes(loaded.data):
            # a text that names its entry (registry:) is check_official_names' to check
            named = isinstance(node, dict) and ("registry" in node or "translation" in node)
            english = shape.text(node, "en") if isinstance(node, dict) and "ja" in node and not named else None
            for name in _unregistered(english, longest_first) if english else ():
                problems.append(
                    problem_at(
                        loaded,
                        where + ("en",),
                        f"names '{name}', which is not in the registry of names. Add it to data/names.yaml "
                        "with its Japanese and English: 'status: official' or 'established' with the page that "
                        "uses the English as 'source:', or 'status: site' if the English is the site's own "
                        "translation. If it is not a name, write it in lower case.",
                    )
                )
    return problems
