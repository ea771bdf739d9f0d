"""Guards: rules that keep what a data keeper types from changing, hiding or taking over anything.

Each rule is one named check_* function returning Problems (file, line, column, field, in words),
listed with every other rule in validate.py (FILE_RULES, RULES, MODEL_RULES):

- how numbers and booleans are written (YAML 1.1 reads 0300 as 192 and 8:40 as 520);
- characters that cannot be seen (Unicode format characters, bidi controls) and invisible texts;
- English texts written wholly in Japanese;
- ids the templates and the theme use themselves (derived from their sources), and the pillar id
  'index' (served at /pillars/);
- redirects that would shadow an address the site serves, name the language, repeat, or lead to
  something without an address.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

from . import shape, urls
from .load import LoadedFile
from .problems import Problem

PACKAGE = Path(__file__).parent
ROOT = PACKAGE.parents[1]


def _at(loaded: LoadedFile, where: tuple, message: str) -> Problem:
    from .validate import problem_at  # validate imports this module

    return problem_at(loaded, where, message)


def _explained(where: tuple, known: list[Problem], loaded: LoadedFile) -> bool:
    """A place (or a place around it) that already has a problem needs no second message."""
    return any(
        p.file == str(loaded.path) and where[: len(p.where)] == p.where and (p.where or not where) for p in known
    )


# -- Numbers and booleans: one spelling each -------------------------------------------------------

WHOLE = re.compile(r"-?(0|[1-9][0-9]*)\Z")
DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]*[1-9]\Z")


def _plain_digits(typed: str) -> str | None:
    """What a number written another way most likely means, in plain digits ('0300' -> '300')."""
    text = typed.replace("_", "").lstrip("+")
    if re.fullmatch(r"-?[0-9]+", text):
        return str(int(text))
    if re.fullmatch(r"-?[0-9]+\.0*", text):
        return str(int(float(text)))
    if re.fullmatch(r"-?[0-9]*\.[0-9]+", text):
        return text.rstrip("0")
    return None


def number_spelling(typed: str, value: object) -> str | None:
    """Why a number or boolean as typed (without quotation marks) is refused, or None when it is
    written the one way the data writes it: plain decimal digits, true or false."""
    if isinstance(value, bool):
        if typed in ("true", "false"):
            return None
        meant = "true" if value else "false"
        return (
            f"'{typed}' is read as {meant}. Write {meant} (yes/no answers are written true or false); "
            f'if this is a text, put it in quotation marks: "{typed}".'
        )
    if isinstance(value, int):
        if WHOLE.match(typed):
            return None
        if ":" in typed:
            return (
                f"'{typed}' is read as {value} (YAML reads numbers with ':' in base 60). Write the number "
                "in plain digits, without ':'."
            )
        if re.match(r"[-+]?0[xob]", typed):
            return (
                f"'{typed}' is read as {value} (a number in another base). Write the number in plain "
                f"decimal digits, for example {value}."
            )
        digits = _plain_digits(typed)
        if digits is not None and re.fullmatch(r"-?0[0-9]+", typed.replace("_", "").lstrip("+")):
            return f"'{typed}' has a leading zero, so YAML reads it as {value} (octal). Write {digits}."
        advice = f"Write {digits}." if digits is not None else "Write it in plain digits."
        return f"'{typed}' is not written in plain digits (no signs, '_' or leading zeros). {advice}"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return f"'{typed}' is not a number a figure can have. Write the number in plain digits, for example 300."
        if DECIMAL.match(typed):
            return None
        digits = _plain_digits(typed)
        advice = f"Write {digits}." if digits is not None else "Write it in plain digits, such as 300 or 1.5."
        if value == int(value) and digits is not None:
            return f"'{typed}' is a whole number written with a decimal point. {advice}"
        return f"'{typed}' is not written in plain digits (no signs, '_', exponents or leading zeros). {advice}"
    return None


def check_spelling(loaded: LoadedFile, known: list[Problem]) -> list[Problem]:
    """Every number and boolean in a file written the one way: 300, 1.5, true, false."""
    problems = []
    for where, typed in sorted(loaded.typed.items(), key=lambda item: loaded.mark(item[0])):
        value = shape.at(loaded.data, where)
        if value is shape.MISSING:
            continue
        why = number_spelling(typed, value)
        if why and not _explained(where, known, loaded):
            problems.append(_at(loaded, where, why))
    return problems


# -- Characters that cannot be seen ----------------------------------------------------------------

# Not Cf, but shown as nothing: Hangul fillers, the combining grapheme joiner, the Braille blank.
_INVISIBLE_EXTRA = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u034f", "\u2800", "\u180e"}


def invisible_character(text: str) -> tuple[int, str] | None:
    """The first character in `text` that cannot be seen (a Unicode format character such as
    U+200B ZERO WIDTH SPACE or a bidi control such as U+202E), with its position from 1."""
    for i, char in enumerate(text, start=1):
        if unicodedata.category(char) == "Cf" or char in _INVISIBLE_EXTRA:
            return i, char
    return None


def _strings(data: object):
    """Every text in the data, with its field path."""
    return ((where, node) for where, node in shape.nodes(data) if isinstance(node, str))


def check_invisible(loaded: LoadedFile, known: list[Problem]) -> list[Problem]:
    """No text holds an invisible character: it can make an entry look empty, read reversed, or
    differ from a text that looks the same."""
    problems = []
    for where, text in _strings(loaded.data):
        found = invisible_character(text)
        if not found or _explained(where, known, loaded):
            continue
        position, char = found
        name = unicodedata.name(char, "an unnamed format character")
        visible = "".join(c for c in text if not invisible_character(c))
        only = " The text holds nothing else that can be seen: write the text." if not visible.strip() else ""
        problems.append(
            _at(
                loaded,
                where,
                f"contains an invisible character, U+{ord(char):04X} {name}, at "
                f"character {position}. Delete it (retype the text around it if your "
                f"editor does not show it).{only}",
            )
        )
    return problems


# -- English texts ---------------------------------------------------------------------------------

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_LATIN = re.compile(r"[A-Za-z]")


def _texts(data: object):
    """Every {ja, en} text pair."""
    return (
        (where, node)
        for where, node in shape.nodes(data)
        if isinstance(node, dict) and isinstance(node.get("ja"), str) and isinstance(node.get("en"), str)
    )


def check_english(loaded: LoadedFile, known: list[Problem]) -> list[Problem]:
    """An 'en' text has English in it: one written wholly in Japanese (no Latin letter at all) is
    the Japanese pasted twice, or the translation not done."""
    problems = []
    for where, text in _texts(loaded.data):
        en = text["en"]
        if _JAPANESE.search(en) and not _LATIN.search(en) and not _explained(where + ("en",), known, loaded):
            problems.append(
                _at(
                    loaded,
                    where + ("en",),
                    f"the English text {en!r} is written in Japanese only. Write the English translation here.",
                )
            )
    return problems


# -- Ids the site uses itself ---------------------------------------------------------------------

_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_SOURCES = (  # (files, patterns whose group 1 is an element id the build emits)
    ("templates/*.j2", (rf'"({_ID})"\|anchor', rf'\bid="({_ID})"')),
    ("theme/**/*.html", (rf'\bid="({_ID})"',)),
    ("*.py", (rf'\bid="({_ID})"', rf"\bid=\\?\"({_ID})\\?\"")),
)
_PREFIXES = (rf'"({_ID}-)"\s*~', rf'\bid="({_ID}-)\{{')  # ids made of a fixed start and a value
_SCRIPTS = rf'getElementById\(\s*["\']({_ID})["\']\s*\)'


@cache
def reserved_ids() -> tuple[frozenset[str], tuple[str, ...]]:
    """The element ids the templates, the theme, the chart code, the site's scripts and Material's
    own templates put on pages themselves, read from their sources (so the list cannot drift from
    what the build emits; tests/test_guards.py checks it against a built site), and the starts of
    ids made from a fixed start and a value ('fields-' + a file name)."""
    ids: set[str] = set()
    prefixes: set[str] = set()
    for pattern, regexes in _SOURCES:
        for path in sorted(PACKAGE.glob(pattern)):
            text = path.read_text("utf-8")
            for regex in regexes:
                ids |= set(re.findall(regex, text))
            for regex in _PREFIXES:
                prefixes |= set(re.findall(regex, text))
    from . import charts  # here, not at the top: charts needs the model, which needs the loader

    ids |= {ident + suffix for ident in charts.ELEMENT_IDS for suffix in charts.ID_SUFFIXES}
    for path in sorted((ROOT / "docs" / "assets").glob("*.js")):
        ids |= set(re.findall(_SCRIPTS, path.read_text("utf-8")))
    try:
        import material

        templates = Path(material.__file__).parent / "templates"
        for pattern in ("*.html", "partials/**/*.html", "fragments/**/*.html"):  # not the 10,000 icons
            for path in sorted(templates.glob(pattern)):
                ids |= set(re.findall(rf'\bid="({_ID})"', path.read_text("utf-8")))
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
    from .validate import _walk_ids

    problems = []
    for loaded in (f for group in files.values() for f in group):
        for ident, where in _walk_ids(loaded.data):
            reason = reserved_reason(ident)
            if reason:
                other = next(c for c in (f"{ident}-item", f"item-{ident}", "new-item") if not reserved_reason(c))
                problems.append(
                    _at(
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
        _at(
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


# -- Redirects -------------------------------------------------------------------------------------


def check_redirect_forms(files: dict[str, list[LoadedFile]]) -> list[Problem]:
    """What a redirect's 'from' can be without knowing the rest of the data: no language prefix
    (each entry works in both languages), no folder the build writes itself, and each 'from' once."""
    reserved_folders = {prefix.rstrip("/") for prefix in urls.LANG_PREFIX.values() if prefix} | {"assets", "search"}
    problems = []
    for loaded in files.get("redirects", []):
        seen: dict[str, int] = {}
        for r, entry in shape.entries(loaded.data, "redirects"):
            source = shape.text(entry, "from")
            if source is None:
                continue
            first = source.split("/", 1)[0]
            where = ("redirects", r, "from")
            if first in urls.LANG_PREFIX and urls.LANG_PREFIX[first]:
                problems.append(
                    _at(
                        loaded,
                        where,
                        f"'{source}' starts with '{first}/'. Leave the language out: "
                        f"write '{source[len(first) + 1 :]}'; each entry works in both "
                        "languages.",
                    )
                )
            elif first in reserved_folders:
                problems.append(
                    _at(
                        loaded,
                        where,
                        f"'{source}' is in the folder '{first}/', which the site uses "
                        "for its own files. Only old page addresses can be redirected.",
                    )
                )
            if source in seen:
                problems.append(
                    _at(
                        loaded,
                        where,
                        f"'{source}' is already redirected on line {seen[source]}. Keep one of the two entries.",
                    )
                )
            seen.setdefault(source, loaded.mark(where)[0])
    return problems


def check_redirect_targets(strategy, files: dict[str, list[LoadedFile]], page_anchors) -> list[Problem]:
    """Against the built model: a redirect may not take over an address the site serves (a page, a
    permalink /m/<id>/, an anchor on a page), and its 'to' must have an address (an item with a
    permalink, or a page). `page_anchors(page)` gives the ids a served page carries."""
    from .pages import permalink_targets, site_pages

    served = {page.url for page in site_pages(strategy)}
    targets = permalink_targets(strategy)
    kinds = {p.id: f"pillar (its page is pillars/{p.id}/)" for p in strategy.pillars}
    kinds |= {g.id: f"measure group (on the page pillars/{p.id}/)" for p in strategy.pillars for g in p.groups}
    kinds |= {t.id: "glossary term (on the page glossary/)" for t in strategy.glossary}
    problems = []
    anchored = []  # (loaded, where, page, anchor): checked against the rendered pages once every 'to' is good
    for loaded in files.get("redirects", []):
        for r, entry in enumerate(loaded.data["redirects"]):
            page, _, anchor = entry["from"].partition("#")
            where = ("redirects", r, "from")
            permalink = page.startswith(urls.PERMALINK_DIR + "/") and page.count("/") == 2
            if permalink and page.split("/")[1] in targets:
                problems.append(
                    _at(
                        loaded,
                        where,
                        f"'{page}' is the permalink of the item '{page.split('/')[1]}', "
                        "which the site serves: a redirect would take it over. Remove "
                        "this entry.",
                    )
                )
            elif page in served and anchor:
                anchored.append((loaded, where, page, anchor))
            to = entry["to"]
            if to.endswith("/"):
                if to not in served:
                    problems.append(
                        _at(
                            loaded,
                            ("redirects", r, "to"),
                            f"'{to}' is not a page of the site. Write a page's address, or an item's id.",
                        )
                    )
            elif to not in targets:
                what = kinds.get(to)
                advice = (
                    f"'{to}' is the id of a {what}, which has no permalink. Write a page's address "
                    "(ending in '/') or the id of a measure or item."
                    if what
                    else f"'{to}' is neither a page of the site nor the id of an item. Write an item's id or a "
                    "page's address."
                )
                problems.append(_at(loaded, ("redirects", r, "to"), advice))
    if problems:  # the pages cannot be rendered with a redirect that leads nowhere
        return problems
    for loaded, where, page, anchor in anchored:
        if anchor in page_anchors(page):
            problems.append(
                _at(
                    loaded,
                    where,
                    f"'#{anchor}' is still on the page '{page}': a redirect would "
                    "take that address over. Remove this entry.",
                )
            )
    return problems
