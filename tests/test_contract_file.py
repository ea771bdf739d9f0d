"""The URL contract file is read strictly: a line that is not an address is named with its line, so
that verify-urls never gives advice built from a damaged line ("from: 'easures/'")."""

from __future__ import annotations

from pathlib import Path

import pytest

from strategy_site.publishing import contract

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
