"""stable_index.py: Pagefind's filter indexes put in a stable order. Its CBOR reader and writer give
back what they read; an index whose filter values come in another order (as Pagefind writes them
from run to run) is written as the same bytes under the same names; a format it does not know is
refused, not rewritten. (Two whole builds byte for byte: tests/test_build_safety.py.)"""

from __future__ import annotations

import gzip
import json
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategy_site.publishing import search_index, stable_index
from strategy_site.publishing.stable_index import SIGNATURE, UnstableIndex, decode, encode

values = st.recursive(
    st.one_of(
        st.integers(min_value=-(2**63), max_value=2**64 - 1),
        st.binary(max_size=40),
        st.text(max_size=40),
        st.booleans(),
        st.none(),
    ),
    lambda inner: st.lists(inner, max_size=6),
    max_leaves=30,
)


@given(values)
def test_cbor_gives_back_what_it_wrote(value) -> None:
    assert decode(encode(value)) == value
    assert encode(decode(encode(value))) == encode(value)


@pytest.mark.parametrize(
    "data",
    [bytes([0x9F, 0x01, 0xFF]), bytes([0xF9, 0x3C, 0x00]), bytes([0xC1, 0x01]), bytes([0x82, 0x01]), b"\x01\x02"],
    ids=["indefinite length", "a float", "a tag", "ends early", "bytes after the item"],
)
def test_what_pagefind_does_not_write_is_refused(data: bytes) -> None:
    with pytest.raises(UnstableIndex):
        decode(data)


def _files(bundle: Path) -> dict[str, bytes]:
    return {p.relative_to(bundle).as_posix(): p.read_bytes() for p in sorted(bundle.rglob("*")) if p.is_file()}


def test_an_index_in_another_order_is_written_as_the_same_bytes(site: Path, tmp_path: Path) -> None:
    bundle = site / search_index.BUNDLE
    filters = sorted((bundle / "filter").glob("*.pf_filter"))
    assert filters, "the site's index has no filter files"
    for path in [*filters, *bundle.glob("*.pf_meta")]:  # read and written back exactly
        body = gzip.decompress(path.read_bytes())[len(SIGNATURE) :]
        assert encode(decode(body)) == body, path.name
    # The built index, and a copy whose filters list their values in another order.
    shuffled = tmp_path / "shuffled"
    shutil.copytree(bundle, shuffled)
    moved = 0
    for path in (shuffled / "filter").glob("*.pf_filter"):
        name, found = decode(gzip.decompress(path.read_bytes())[len(SIGNATURE) :])
        if len(found) > 1:
            found = found[1:] + found[:1]
            moved += 1
        path.write_bytes(gzip.compress(SIGNATURE + encode([name, found]), mtime=0))
    assert moved, "no filter has two values to put in another order"
    again = tmp_path / "again"
    shutil.copytree(bundle, again)
    stable_index.put_in_order(shuffled)
    stable_index.put_in_order(again)
    assert _files(shuffled) == _files(again) == _files(bundle)  # the built one is in order already
    entry = json.loads((again / "pagefind-entry.json").read_text("utf-8"))
    for language in entry["languages"].values():
        assert (again / f"pagefind.{language['hash']}.pf_meta").is_file()


def test_a_filter_file_of_another_shape_is_refused(site: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    shutil.copytree(site / search_index.BUNDLE, bundle)
    victim = random.Random(1).choice(sorted((bundle / "filter").glob("*.pf_filter")))
    victim.write_bytes(gzip.compress(SIGNATURE + encode({"a": 1}.get("a")), mtime=0))
    with pytest.raises(UnstableIndex, match=victim.name):
        stable_index.put_in_order(bundle)
