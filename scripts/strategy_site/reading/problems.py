"""Problems found in the data, and how they are shown to the people who keep it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


def visible(text: str) -> str:
    """Text as it may reach a terminal: each character that would act instead of being shown (a line
    break, a terminal's escape code, a bidi control that reorders what follows, a carriage return that
    lets later text overwrite the line) written as its code in brackets, [U+001B]. File names and
    field names come from whoever named them: without this, one could print a fake 'The data is valid'."""
    if text.isprintable():
        return text
    return "".join(
        f"[U+{ord(char):04X}]" if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn") else char
        for char in text
    )


def field_name(where: tuple) -> str:
    """('groups', 0, 'measures', 2, 'text') -> 'groups[1].measures[3].text' (counted from 1, as people count)."""
    out = ""
    for part in where:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    where: tuple
    message: str
    entity: str = ""  # e.g. "measure k-program-rd-support", where known

    def __str__(self) -> str:
        return visible(self._line())

    def _line(self) -> str:
        field = field_name(self.where)
        if self.file.endswith("/"):  # a folder
            return f"{self.file}: the folder {self.message}"
        place = f"{self.file}:{self.line}:{self.column}"
        about = f" ({self.entity})" if self.entity else ""
        if field:
            return f"{place}{about}: field '{field}': {self.message}"
        return f"{place}{about}: the file {self.message}"


class DataError(Exception):
    """The data has problems; the build stops after listing every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))  # two schema rules can say the same thing of one value
        super().__init__(report(self.problems))


def report(problems: list[Problem]) -> str:
    lines = [str(p) for p in problems]
    count = len(problems)
    lines.append(
        f"{count} problem{'s' if count != 1 else ''} found in the data. Fix "
        f"{'them' if count != 1 else 'it'}, then run ./scripts/build --check again."
    )
    return "\n".join(lines)
