"""The URL contract file is read strictly: a line that is not an address is named with its line, so
that verify-urls never gives advice built from a damaged line ("from: 'easures/'")."""

from __future__ import annotations

from pathlib import Path

import pytest

from strategy_site.publishing import contract, pipeline

from conftest import ROOT

REAL = (ROOT / contract.CONTRACT_FILE).read_bytes()


def _root(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / contract.CONTRACT_FILE
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    return tmp_path


def test_the_real_contract_reads() -> None:
    entries = contract.read_contract(ROOT)
    assert entries and all(e.startswith("/") for e in entries)


def test_a_byte_order_mark_is_not_part_of_the_first_line(tmp_path: Path) -> None:
    assert contract.read_contract(_root(tmp_path, b"\xef\xbb\xbf" + REAL)) == contract.read_contract(ROOT)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda b: b.replace(b"\n/measures/\n", b"\nmeasures/\n", 1), ("'measures/'", "starting with '/'")),
        (lambda b: b.replace(b"\n/measures/\n", b"\n/measures/ \n", 1), ("no spaces",)),
        (lambda b: b.replace(b"\n/measures/\n", "\n/施策/\n".encode("shift_jis"), 1), ("not UTF-8",)),
        (lambda b: b.replace(b"\n/measures/\n", b"\n/meas\x1bures/\n", 1), ("[U+001B]",)),
    ],
)
def test_a_damaged_line_is_named_with_its_line(tmp_path: Path, change, words: tuple[str, ...]) -> None:
    changed = change(REAL)
    assert changed != REAL
    line = REAL.split(b"\n/measures/\n")[0].count(b"\n") + 2
    with pytest.raises(contract.ContractError) as caught:
        contract.read_contract(_root(tmp_path, changed))
    message = str(caught.value)
    assert message.startswith(f"{contract.CONTRACT_FILE}:{line}: ") and "\n" not in message, message
    assert "\x1b" not in message
    for said in words:
        assert said in message, message


# -- verify-urls' advice is tried before it is given: a suggested redirect is one the check accepts.

LOST = {
    # lost URL: whether a redirect can bring it back
    "/m/a-retired-item/": True,
    "/en/pillars/innovation-ecosystem/#a-retired-measure": True,
    "/pillars/a-retired-pillar/": True,
    "/#a-retired-box-item": False,  # the home page's anchors: 'from' needs a page
    "/data/retired.csv": False,  # a file, not a page
    "/pagefind/retired/": False,  # the search index's folder: the build owns it
    "/pillars/innovation-ecosystem/": False,  # still served (listed below as lost): never taken over
    "/" + "x" * 130 + "/": False,  # a folder name too long to write
}


@pytest.mark.site
def test_verify_urls_advises_only_redirects_the_check_accepts(site: Path, project: Path) -> None:
    strategy = pipeline.load(project).strategy
    served = contract.served(site) - {"/pillars/innovation-ecosystem/"}
    problems = contract.check(sorted(LOST), served, strategy, project)
    said = {url: next(p for p in problems if p.startswith(url + " ")) for url in LOST}
    for url, redirectable in LOST.items():
        assert ("Add an entry to data/redirects.yaml" in said[url]) == redirectable, said[url]
        assert ("no redirect can bring it back" in said[url]) != redirectable, said[url]
    # Followed, the advice holds: each suggested 'from' with a 'to' passes the check, and the
    # contract's lost URLs are then redirected.
    entries = [said[url].split("(from: '")[1].split("')")[0] for url, ok in LOST.items() if ok]
    (project / "data" / "redirects.yaml").write_text(
        "redirects:\n" + "".join(f"  - from: '{e}'\n    to: measures/\n" for e in entries), "utf-8"
    )
    strategy = pipeline.load(project).strategy
    after = contract.check(sorted(LOST), served, strategy, project)
    for url, redirectable in LOST.items():
        assert any(p.startswith(url + " ") for p in after) != redirectable, (url, after)
