"""A property test over the real data: hypothesis mutates one place of it (a number in any YAML
spelling, an id, a redirect, a text with an invisible or Japanese character) and each result is
either refused, every problem naming a file and line, or it renders, and what it renders holds
the value as written. Never a crash, never a different value.

"Renders" is the full render of pages, permalinks and exports (pipeline.generate), which is
what the build does before MkDocs; test_hardening.py builds through MkDocs.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategy_site.publishing import pipeline
from strategy_site.reading.problems import DataError
from strategy_site.rendering import exports

from conftest import EDITION, ROOT

DATA = ROOT / "data"
# The files mutated, under data/: the edition's own figures and pillar, and the shared redirects.
F, P, R = f"{EDITION}/figures.yaml", f"{EDITION}/pillars/advanced-science-and-technology.yaml", "redirects.yaml"
PROBLEM = re.compile(r"^(?P<file>.+?\.ya?ml|.+/):(?P<line>\d+):(?P<column>\d+)[ :(]")


_SCRATCH: list = []


def _scratch() -> tuple[Path, dict]:
    """A scratch project root with a copy of the real data (made once; each example restores it)."""
    if not _SCRATCH:
        root = Path(tempfile.mkdtemp(prefix="mutations-"))
        shutil.copytree(DATA, root / "data")
        _SCRATCH.append((root, {p: p.read_bytes() for p in (root / "data").rglob("*") if p.is_file()}))
    return _SCRATCH[0]


@pytest.fixture(scope="module")
def scratch():
    yield None
    if _SCRATCH:
        shutil.rmtree(_SCRATCH[0][0], ignore_errors=True)
        _SCRATCH.clear()


def _outcome(root: Path, originals: dict, file: str, change, pages: bool = True) -> tuple | None:
    """Apply the change to one file of the restored data; the rendered site, or None when it was
    refused (after checking that every problem names a file and a line)."""
    for path, content in originals.items():
        path.write_bytes(content)
    path = root / "data" / file
    path.write_text(change(path.read_text("utf-8")), "utf-8")
    try:
        checked = pipeline.load(root, root / "data")
    except DataError as exc:
        assert exc.problems
        for line in str(exc).splitlines()[:-1]:
            found = PROBLEM.match(line)
            assert found and int(found["line"]) >= 1, line
        assert "Traceback" not in str(exc)
        return None
    strategy = checked.strategy
    if not pages:  # the exports only (figures.csv): quicker, for values that pages show the same way
        return strategy, {
            f"ja/data/{name}": text
            for name, text in exports.all_exports(strategy, checked.files, root / "data" / "schema").items()
        }
    return strategy, pipeline.generate(root, "", root / "data", checked)


def _at_line(text: str, prefix: str, new: str) -> str:
    """Replace the value of the first line that starts (after indentation) with `prefix`."""
    pattern = re.compile(rf"^(\s*{re.escape(prefix)}).*$", re.M)
    assert pattern.search(text), prefix
    return pattern.sub(lambda m: m.group(1) + new, text, count=1)


def _spellings(n: int):
    """A whole number in the spellings YAML 1.1 reads as a number, a text or something else."""
    return st.sampled_from(
        [
            str(n),
            f"0{n}",
            f"00{n}",
            f"{n}.0",
            f"+{n}",
            f"{n:_}",
            hex(n),
            bin(n),
            f"0o{n:o}",
            f"{n // 60}:{n % 60:02d}",
            f"{n}.",
            f"{n}.00",
            f"{n}e0",
            f"{n}.0e+0",
            ".inf",
            "-.inf",
            ".nan",
            f'"{n}"',
            f"'{n}'",
            f"{n} ",
            f"-{n}",
            f"!!int {n}",
            f"!!float {n}",
            f"&x {n}",
            f"0x{n:X}",
            f"{n},000",
        ]
    )


@given(n=st.integers(min_value=1, max_value=99999), spelling=st.data())
def test_an_amount_in_any_spelling_is_refused_or_shown_as_written(scratch, n: int, spelling) -> None:
    root, originals = _scratch()
    typed = spelling.draw(_spellings(n))
    result = _outcome(root, originals, F, lambda t: _at_line(t, "amount: ", typed), pages=False)
    if result is None:
        return
    strategy, out = result
    assert typed.strip() == str(n), f"{typed!r} was accepted"
    assert strategy.figures[0].amount == n
    assert f",{n}," in out["ja/data/figures.csv"] or f",{n}\r" in out["ja/data/figures.csv"]


@given(n=st.integers(min_value=1, max_value=60), spelling=st.data())
def test_an_order_in_any_spelling_is_refused_or_used_as_written(scratch, n: int, spelling) -> None:
    root, originals = _scratch()
    typed = spelling.draw(_spellings(n))
    result = _outcome(root, originals, P, lambda t: _at_line(t, "order: ", typed), pages=False)
    if result is None:
        return
    strategy, _ = result
    assert typed.strip() == str(n), f"{typed!r} was accepted"
    pillar = next(p for p in strategy.pillars if p.id == "advanced-science-and-technology")
    assert pillar.order == n and type(pillar.order) is int


@given(
    spelling=st.sampled_from(
        [
            "true",
            "false",
            "True",
            "FALSE",
            "yes",
            "no",
            "on",
            "off",
            "Yes",
            "y",
            "n",
            "1",
            "0",
            '"true"',
            "~",
            "null",
            "!!bool true",
            "tRUE",
        ]
    )
)
def test_a_boolean_in_any_spelling_is_refused_or_used_as_written(scratch, spelling: str) -> None:
    root, originals = _scratch()
    result = _outcome(root, originals, F, lambda t: _at_line(t, "approximate: ", spelling), pages=False)
    if result is not None:
        assert spelling in ("true", "false") and result[0].figures[0].approximate is (spelling == "true")


IDS = st.one_of(
    st.sampled_from(
        [
            "top",
            "chart",
            "chart-hatch",
            "chart-title",
            "anchor-moves",
            "pillar-progress",
            "fields-files",
            "index",
            "citing",
            "k-program-rd-support",
            "|\n          new-id",
            "new-id ",
            '"new-id\\n"',
            "New-Id",
            "new--id",
            "-new",
            "new-",
            "x" * 70,
            "ｎｅｗ",
            "new_id",
            "'new-id'",
        ]
    ),
    st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}\Z"),
    st.text(alphabet="az09-_.# \u200b", min_size=1, max_size=12),
)


@given(ident=IDS)
def test_a_measure_id_is_refused_or_served_at_its_permalink(scratch, ident: str) -> None:
    root, originals = _scratch()

    # the third measure of the first group is referenced by nothing else
    def change(text: str) -> str:
        return text.replace("- id: health-space-ocean-food-energy", f"- id: {ident}", 1)

    result = _outcome(root, originals, P, change)
    if result is None:
        return
    strategy, out = result
    written = ident.strip().strip("'\"")  # YAML drops a plain text's trailing spaces
    assert any(m.id == written for m in strategy.measures), f"{ident!r} became something else"
    assert f"ja/m/{written}/index.html" in out and f"en/m/{written}/index.html" in out
    page = out["ja/pillars/advanced-science-and-technology.md"]
    assert page.count(f'id="{written}"') + page.count("{#" + written + "}") == 1


_BASE: list = []  # the real data's render, made once
ADDRESSES = [
    "measures/",
    "budget/",
    "pillars/advanced-science-and-technology/",
    "pillars/old-pillar/",
    "old-page/",
    "m/k-program-rd-support/",
    "m/retired-measure/",
    "en/pillars/old/",
    "assets/",
    "search/",
    "data/",
    "pillars/advanced-science-and-technology/#k-program-rd-support",
    "pillars/advanced-science-and-technology/#top",
    "pillars/advanced-science-and-technology/#retired-measure",
    "budget/#old-figure",
    "pillars/",
    "m/k-program-rd-support/#x",
]
TARGETS = [
    "k-program-rd-support",
    "sbir-continuous-support",
    "advanced-science-and-technology",
    "key-fields",
    "term-sip",
    "no-such-item",
    "measures/",
    "no-such-page/",
    "pillars/innovation-ecosystem/",
    "budget/",
    "k-program-budget",
    "ai-bill",
    "m/ai-bill/",
]


@given(entries=st.lists(st.tuples(st.sampled_from(ADDRESSES), st.sampled_from(TARGETS)), min_size=1, max_size=4))
def test_redirects_never_take_over_a_served_address(scratch, entries: list[tuple[str, str]]) -> None:
    root, originals = _scratch()
    if not _BASE:
        _BASE.append(_outcome(root, originals, R, lambda t: t))
    base = _BASE[0]
    assert base is not None
    lines = "".join(f'  - {{from: "{a}", to: "{b}"}}\n' for a, b in entries)
    result = _outcome(root, originals, R, lambda t: t.replace("redirects: []", "redirects:\n" + lines))
    if result is None:
        return
    _, before = base
    _, after = result
    for path, content in before.items():  # every page and permalink the site served is still the same
        if path.endswith((".html", ".md")) and "/data/" not in path:
            assert path in after
            if path.endswith(".html"):
                assert after[path] == content, f"{path} was taken over by {entries}"


INVISIBLE = st.sampled_from(
    [
        "\u200b",
        "\u200c",
        "\u200d",
        "\u2060",
        "\ufeff",
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
        "\u00ad",
        "\u061c",
        "\u180e",
        "\u3164",
        "a",
        "é",
        "あ",
        "字",
        " ",
        "-",
    ]
)


@given(chars=st.lists(INVISIBLE, min_size=1, max_size=4), where=st.sampled_from(["en", "ja"]))
def test_a_text_with_an_invisible_character_is_refused(scratch, chars: list[str], where: str) -> None:
    root, originals = _scratch()
    added = "".join(chars)
    old = 'en: "Support for research' if where == "en" else 'ja: "K programによる'
    result = _outcome(root, originals, P, lambda t: t.replace(old, old[:5] + added + old[5:], 1), pages=False)
    if result is None:
        return
    strategy, out = result
    import unicodedata

    assert not any(unicodedata.category(c) == "Cf" or c in "\u3164\u180e" for c in added), f"{added!r} accepted"
    text = strategy.measure("k-program-rd-support").text[where]
    assert text.startswith(added) and text.strip() == text


@given(en=st.text(alphabet="あいう漢字カナ、。 ABCxyz12", min_size=1, max_size=10))
def test_an_english_text_has_english_in_it(scratch, en: str) -> None:
    root, originals = _scratch()
    result = _outcome(
        root,
        originals,
        P,
        lambda t: t.replace('"Support for research and development through the K Program"', f'"{en}"', 1),
        pages=False,
    )
    if result is None:
        return
    text = result[0].measure("k-program-rd-support").text["en"]
    assert text == en and re.search(r"[A-Za-z]", en) or not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", en)
