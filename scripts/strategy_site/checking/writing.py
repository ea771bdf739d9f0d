"""How values are written: numbers and booleans in one spelling each (YAML 1.1 reads 0300 as 192 and
8:40 as 520), no character that cannot be seen, and English texts that are not wholly Japanese.
These rules run on each file as it is read (validate.FILE_RULES)."""

from __future__ import annotations

import re
import unicodedata

from strategy_site.reading import shape
from strategy_site.reading.load import LoadedFile, problem_at
from strategy_site.reading.problems import Problem


def _explained(where: tuple, known: list[Problem], loaded: LoadedFile) -> bool:
    """A place (or a place around it) that already has a problem needs no second message."""
    return any(
        p.file == str(loaded.path) and where[: len(p.where)] == p.where and (p.where or not where) for p in known
    )


# -- Numbers and booleans: one spelling each -------------------------------------------------------

WHOLE = re.compile(r"-?(0|[1-9][0-9]*)\Z")
MAX_DECIMALS = 4  # a figure in 億円 or 兆円 never needs more; more is a paste of a computed value
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
            decimals = len(typed.split(".")[1])
            if decimals > MAX_DECIMALS or repr(abs(value)) != typed.lstrip("-"):
                return (
                    f"'{typed}' has more decimal places than the site shows (it would publish "
                    f"{value!r}). Write at most {MAX_DECIMALS} digits after the point, as the source gives them."
                )
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
            problems.append(problem_at(loaded, where, why))
    return problems


# -- Characters that cannot be seen ----------------------------------------------------------------

# Not Cf, but shown as nothing: Hangul fillers, the combining grapheme joiner, the Braille blank.
_INVISIBLE_EXTRA = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u034f", "\u2800", "\u180e"}


# Selectors that choose a glyph for the character before them: variation selectors (U+FE00-FE0F,
# U+E0100-E01EF, used for kanji variants and emoji) and Mongolian free variation selectors. After a
# character they belong to it; alone (at the start, after a space or another selector) they are
# nothing that can be seen.
_SELECTOR = re.compile(r"[\ufe00-\ufe0f\U000e0100-\U000e01ef\u180b-\u180d\u180f]")
_KHMER_INVISIBLE = {"\u17b4", "\u17b5"}


def invisible_character(text: str) -> tuple[int, str] | None:
    """The first character in `text` that cannot be seen (a Unicode format character such as
    U+200B ZERO WIDTH SPACE or a bidi control such as U+202E, or a variation selector with no
    character before it to select for), with its position from 1."""
    for i, char in enumerate(text, start=1):
        if unicodedata.category(char) == "Cf" or char in _INVISIBLE_EXTRA or char in _KHMER_INVISIBLE:
            return i, char
        if _SELECTOR.match(char) and (i == 1 or text[i - 2].isspace() or _SELECTOR.match(text[i - 2])):
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
        visible = "".join(c for c in text if not invisible_character(c) and not _SELECTOR.match(c))
        only = " The text holds nothing else that can be seen: write the text." if not visible.strip() else ""
        problems.append(
            problem_at(
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
                problem_at(
                    loaded,
                    where + ("en",),
                    f"the English text {en!r} is written in Japanese only. Write the English translation here.",
                )
            )
    return problems
