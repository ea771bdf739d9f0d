"""Citations: of an item, of a page and of the strategy itself, in ISO 690's style (SIST 02 on the
Japanese pages; /about/#citing says so).

A citation is built once, here, as a pattern: a list of pieces in which the even ones are text and
the odd ones name a value that is only known where the citation is used (CITED_LATER): the item's
text and slide, its address and the date it was looked at. The pages carry the pattern of their
language (_macros.j2, page_cite) and docs/assets/extra.js fills it in for the item whose "cite"
button was pressed; a page without JavaScript shows the pattern with words in its gaps. So every
word of a citation comes from ui.py and the data, and the script holds none.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from strategy_site.rendering import format as fmt
from strategy_site.rendering.escape import html_text
from strategy_site.rendering.ui import UI, ui
from strategy_site.structure.model import Strategy

# The values a pattern leaves open, filled in where the citation is copied.
CITED_LATER = ("text", "slide", "address", "accessed")
_OPEN = re.compile(r"\{(" + "|".join(CITED_LATER) + r")\}")


def pattern(template: str, **known: str) -> list[str]:
    """A citation template of ui.py (as written: ui() would fill it) as pieces: text, a name of
    CITED_LATER, text, ... The other {names} are filled in from `known` here (values from the data
    are put in as they are: they are never read as a template)."""
    pieces = _OPEN.split(template)
    return [piece.format(**known) if i % 2 == 0 else piece for i, piece in enumerate(pieces)]


def fill(pieces: list[str], **values: str) -> str:
    """A pattern with its open values filled in."""
    return "".join(piece if i % 2 == 0 else values[piece] for i, piece in enumerate(pieces))


def _common(s: Strategy, lang: str) -> dict[str, str]:
    """What every citation of the site names: the overview's publisher and title, the site (by the edition's
    title, as its pages' header names it: a citation names the edition), the data's date."""
    publisher = s.publication.official.publisher[lang] if s.publication else ui("cite_publisher", lang)
    return {
        "publisher": publisher,
        "source": s.source_title[lang],
        "site": ui("cite_site", lang, site=s.title[lang]),
        "dated": ui("cite_dated", lang, date=s.data_date) if s.data_date else "",
    }


def item_pattern(s: Strategy, lang: str) -> list[str]:
    """The citation of any item of the page's language, open in its text, slide, address and date looked at."""
    return pattern(UI["cite_item"][lang], **_common(s, lang))


def page_pattern(s: Strategy, lang: str, title: str) -> list[str]:
    """The citation of a page (its title given), open in its address and the date it was looked at."""
    return pattern(UI["cite_page"][lang], title=title, **_common(s, lang))


def strategy_citation(s: Strategy, lang: str) -> list[str]:
    """The citation of the overview itself, at the Cabinet Office (data/strategy.yaml, publication)."""
    if s.publication is None:
        return pattern(ui("cite_publisher", lang))
    return pattern(
        UI["cite_strategy"][lang],
        publisher=s.publication.official.publisher[lang],
        source=s.source_title[lang],
        decided=s.publication.decided,
        url=s.publication.official.url,
    )


def quote(s: Strategy, ident: str, lang: str) -> str:
    """An item's words as a citation quotes them: its text; a budget figure's programme and amount."""
    if s.kind_of(ident) == "figure":
        figure = s.item(ident)
        return figure.program[lang] + ui("label_sep", lang) + fmt.amount(figure, lang)
    return s.item_text(ident)[lang]


def item_citation(s: Strategy, ident: str, lang: str, address: str, accessed: str) -> str:
    """The whole citation of one item: what the "cite" button copies on the day `accessed`."""
    return fill(
        item_pattern(s, lang),
        text=quote(s, ident, lang),
        slide=str(s.item(ident).slide),
        address=address,
        accessed=accessed,
    )


def marked(pieces: list[str], **values: str) -> Markup:
    """A pattern filled in for the page (HTML): each open value in a <span data-gap="name">, which
    docs/assets/extra.js fills in again on a copy when a "cite" button is pressed; the rest as text."""
    return Markup("").join(
        html_text(piece) if i % 2 == 0 else Markup('<span data-gap="{}">{}</span>').format(piece, values[piece])
        for i, piece in enumerate(pieces)
    )


def gaps(lang: str, address: str = "") -> dict[str, str]:
    """Words for the open values, for a reader who fills a pattern in by hand (a page without JavaScript)."""
    return {
        "text": ui("cite_gap_text", lang),
        "slide": ui("cite_gap_slide", lang),
        "address": address or ui("cite_gap_address", lang),
        "accessed": ui("cite_gap_accessed", lang),
    }
