"""Pagefind's filter indexes, written in a stable order, so that two builds of the same data stay
byte-identical (tests/test_build_safety.py).

Pagefind (1.5) writes each filter's values (topic: ai, quantum, ...) in an order that changes from run
to run (its own tracker calls the filter and metadata indexes' order a known, partly unintended
instability). Its files are named by a hash of their content, so every build names them anew. Once
Pagefind has written the index, this module puts each filter's values in order, names each filter
file by a hash of the ordered content, lists the filters by name in the language's metadata file,
names that file by its hash, and records the new name in pagefind-entry.json. The search reads the
same values from them: only their order and the files' names change.

The files are gzip-compressed CBOR after the signature 'pagefind_dcd'. The small CBOR reader and
writer below know the kinds Pagefind writes (integers, byte and text strings, arrays, maps, true,
false and null, all of definite length); a file holding anything else, or one that would not be
written back to the same bytes as read, is left as Pagefind wrote it and named in the exception.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


class UnstableIndex(Exception):
    """A file of Pagefind's that this module cannot read or write back exactly."""


# -- CBOR: the subset Pagefind writes -----------------------------------------------------------


class _Map(list):
    """A CBOR map, as its (key, value) pairs in their order."""


def _head(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise UnstableIndex(f"a number too large for CBOR: {value}")


def encode(value) -> bytes:
    """CBOR of a value read by decode(), with the shortest heads (as Pagefind writes them)."""
    if value is False or value is True or value is None:
        return bytes([0xF4 if value is False else 0xF5 if value is True else 0xF6])
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, _Map):
        return _head(5, len(value)) + b"".join(encode(k) + encode(v) for k, v in value)
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(v) for v in value)
    raise UnstableIndex(f"a value CBOR cannot hold here: {value!r}")


def decode(data: bytes):
    """The value of a whole CBOR item (UnstableIndex for what Pagefind does not write)."""
    value, end = _item(data, 0)
    if end != len(data):
        raise UnstableIndex(f"{len(data) - end} bytes after the CBOR item")
    return value


def _item(data: bytes, at: int):
    if at >= len(data):
        raise UnstableIndex("the CBOR data ends early")
    first = data[at]
    major, info = first >> 5, first & 0x1F
    at += 1
    if major == 7:
        simple = {20: False, 21: True, 22: None}
        if info not in simple:
            raise UnstableIndex(f"a CBOR simple value or float ({first:#x})")
        return simple[info], at
    if info < 24:
        number = info
    elif info <= 27:
        size = 1 << (info - 24)
        number, at = int.from_bytes(data[at : at + size], "big"), at + size
    else:
        raise UnstableIndex(f"a CBOR item of indefinite length ({first:#x})")
    if major == 0:
        return number, at
    if major == 1:
        return -1 - number, at
    if major in (2, 3):
        raw, at = data[at : at + number], at + number
        return (bytes(raw) if major == 2 else raw.decode("utf-8")), at
    if major == 4:
        items = []
        for _ in range(number):
            item, at = _item(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = _Map()
        for _ in range(number):
            key, at = _item(data, at)
            value, at = _item(data, at)
            pairs.append((key, value))
        return pairs, at
    raise UnstableIndex(f"a CBOR tag ({first:#x})")


# -- Pagefind's files ---------------------------------------------------------------------------


def _read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise UnstableIndex(f"{path.name}: not one of Pagefind's files")
    body = raw[len(SIGNATURE) :]
    value = decode(body)
    if encode(value) != body:
        raise UnstableIndex(f"{path.name}: would not be written back as it was read")
    return value


def _write(folder: Path, prefix: str, suffix: str, digits: int, value) -> str:
    """Write a value as one of Pagefind's files named by its content; returns the name's hash part."""
    raw = SIGNATURE + encode(value)
    name = f"{prefix}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return name


def _is_filter_list(value, lang: str) -> bool:
    """The metadata's list of filters: [[name, "<lang>_<hash>"], ...]."""
    return isinstance(value, list) and all(
        isinstance(pair, list)
        and len(pair) == 2
        and all(isinstance(part, str) for part in pair)
        and pair[1].startswith(f"{lang}_")
        for pair in value
    )


def put_in_order(bundle: Path) -> None:
    """Rewrite the index in `bundle` (site/pagefind/, before it is moved into place) in a stable order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text("utf-8"))
    filters = bundle / "filter"
    for lang, language in entry["languages"].items():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read(meta_path)
        if not isinstance(meta, list):
            raise UnstableIndex(f"{meta_path.name}: not the metadata Pagefind writes")
        lists = [i for i, part in enumerate(meta) if part and _is_filter_list(part, lang)]
        if not lists:
            continue  # no filter in this language's pages (a site indexed again once published)
        if len(lists) > 1:
            raise UnstableIndex(f"{meta_path.name}: two lists that could be its filters")
        ordered = []
        for name, chunk in meta[lists[0]]:
            chunk_path = filters / f"{chunk}.pf_filter"
            content = _read(chunk_path)
            if not (isinstance(content, list) and len(content) == 2 and isinstance(content[1], list)):
                raise UnstableIndex(f"{chunk_path.name}: not a filter's values")
            values = sorted(content[1], key=lambda pair: encode(pair[0]))
            chunk_path.unlink()
            ordered.append([name, _write(filters, lang, ".pf_filter", 7, [content[0], values])])
        meta[lists[0]] = sorted(ordered)
        meta_path.unlink()
        language["hash"] = _write(bundle, f"pagefind.{lang}", ".pf_meta", 10, meta).removeprefix("pagefind.")
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
