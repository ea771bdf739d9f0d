"""Validate: read every data file, check it against its JSON Schema (schema.py), then run the rules no
schema expresses.

Every problem is collected, each naming the file, line, column and field, before anything stops.
Each rule is one check_* function whose docstring states it, in the module of its subject (writing,
ids, items, dates, redirects, names, statements, topics); every rule is listed here, in one place (FILE_RULES, RULES,
MODEL_RULES), and validate() runs the lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from strategy_site.checking import dates, ids, items, limits, names, redirects, statements, topics, writing
from strategy_site.checking.schema import (
    PILLAR_DIR,
    RULES_DIR,
    SCHEMA_DIR_NAME,
    SINGLE_FILES,
    schema_copy_problems,
    schema_name,
    schema_problems,
)
from strategy_site.reading.load import Files, LoadedFile, data_files, parse_file, problem_at, read_bytes
from strategy_site.reading.problems import Problem


def _own_rules(name: str, loaded: LoadedFile, known: list[Problem]) -> list[Problem]:
    """The rules within one file (dates, fiscal spans, ids) for a file that failed the schema, as far as
    its shape allows: each rule skips an entity whose fields are missing or mistyped (shape.py), and a
    rule's problem at or above a place that already has one is left out."""
    found = run_rules({name: [loaded]}, references=False)
    places = [p.where for p in known if p.file == str(loaded.path)]
    return [p for p in found if not any(place[: len(p.where)] == p.where for place in places)]


def _shown(path: Path, root: Path) -> Path:
    """A path as messages show it: relative to the project where it lies inside it."""
    return path.relative_to(root) if path.is_relative_to(root) else path


def _not_named_as_data(path: Path) -> str | None:
    """Why a file in data/ is not read as it is named (a data file's name ends in exactly '.yaml'), and
    the rename that makes it data; None for a name that ends in '.yaml'."""
    if path.suffix == ".yaml":
        return None
    if path.suffix.lower() in (".yaml", ".yml"):
        return f"ends in '{path.suffix}', so it would not be read. Rename it to '{path.stem}.yaml'."
    stem = path.name.split(".")[0]
    if re.search(r"\.ya?ml\b", path.name, re.IGNORECASE):
        return (
            f"is named '{path.name}', so it would not be read: a data file's name ends in '.yaml'. Rename it "
            f"to '{stem}.yaml' (or, if it is not data, move it out of data/)."
        )
    return (
        "is not a data file (a data file's name ends in '.yaml'), so it would not be read. Move it out of "
        f"data/; if it holds data, rename it to '{stem}.yaml'."
    )


class FileCheck(NamedTuple):
    """What the check found in one data file by itself (read_all): the file when it passed (to be read
    by the rules across files and the model; never changed by them), else None and its problems."""

    loaded: LoadedFile | None
    problems: tuple[Problem, ...]


class FileChecks:
    """The preview's memory of each data file's own check, by the file's bytes: a file whose bytes did not
    change since the last check is not read and checked again (a save changes one file of hundreds).
    The check of one file depends only on its bytes, its name and path, and the project's own schemas
    (checking/schemas/, read once per process: schema.validator). Only the last version of each file
    is kept. `./scripts/build` and `check` run without it."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str, str], tuple[bytes, FileCheck]] = {}
        self.reused = 0  # how many files the last read_all did not check again (for tests and the log)

    def check(self, raw: bytes, shown: Path, name: str, path: Path) -> FileCheck:
        key = (str(path), str(shown), name)
        known = self._known.get(key)
        if known is not None and known[0] == raw:
            self.reused += 1
            return known[1]
        found = one_file(raw, shown, name)
        self._known[key] = (raw, found)
        return found

    def keep_only(self, paths: set[str]) -> None:
        """Forget the files that are gone."""
        self._known = {k: v for k, v in self._known.items() if k[0] in paths}


def one_file(raw: bytes, shown: Path, name: str) -> FileCheck:
    """One data file's own check: read as YAML, its schema, the FILE_RULES, and when it has problems, the
    RULES within it alone (_own_rules)."""
    loaded, found = parse_file(raw, shown)
    if loaded is None:
        return FileCheck(None, tuple(found))
    # A field the loader already explained (a backslash escape, say) needs no second message.
    explained = {p.where for p in found}
    file_problems = [p for p in schema_problems(loaded, RULES_DIR, name) if p.where not in explained]
    file_problems += file_rules(loaded, found + file_problems)
    if not file_problems and not found:
        return FileCheck(loaded, ())
    return FileCheck(None, (*found, *file_problems, *_own_rules(name, loaded, found + file_problems)))


# -- Editions ------------------------------------------------------------------------------------
# Each edition of the strategy has its own folder, data/<year>/, holding one strategy's files (EDITION_FILES);
# what the editions share lies in data/ itself, with data/editions.yaml naming the current edition. Each
# edition is checked and modelled as one strategy: its view is the shared files and its own (read once).
EDITIONS_FILE = "editions.yaml"
EDITION_FILES = ("strategy", "pillar", "progress", "figures", "history", "glossary")
EDITION_FOLDER = re.compile(r"[0-9]{4}")
# The rules that look across every edition: a topic is used by an item of some edition.
ACROSS_EDITIONS = (topics.check_topics_used,)


class DataSet(NamedTuple):
    """The data as read and checked: each edition's view (the shared files and its own), by year in
    order; the current edition's year; every problem."""

    views: dict[str, Files]
    current: str | None
    problems: list[Problem]


def _place(relative: Path) -> tuple[str | None, Path]:
    """A data file's edition (its folder's year; None for a shared file) and its path within it."""
    first = relative.parts[0]
    if len(relative.parts) > 1 and EDITION_FOLDER.fullmatch(first):
        return first, Path(*relative.parts[1:])
    return None, relative


def _misplaced(relative: Path, edition: str | None, name: str | None) -> str | None:
    """Why a file that follows a known schema is in the wrong folder: an edition's own file in data/
    itself, or a shared file in an edition's folder."""
    if name is None:
        return None
    if edition is None and name in EDITION_FILES:
        return (
            f"belongs to one edition of the strategy: move it into that edition's folder, as "
            f"data/<year>/{relative.as_posix()} (for example data/2025/{relative.as_posix()})."
        )
    if edition is not None and name not in EDITION_FILES:
        return f"is shared by every edition: move it to data/{relative.as_posix()}, beside data/{EDITIONS_FILE}."
    return None


def read_all(
    data_dir: Path, root: Path, cache: FileChecks | None = None
) -> tuple[dict[str, list[LoadedFile]], list[Problem]]:
    """The current edition's files (the shared files and its own), as read_editions reads them, and
    every problem in the data."""
    found = read_editions(data_dir, root, cache)
    return (found.views.get(found.current or "", {}), found.problems)


def read_editions(data_dir: Path, root: Path, cache: FileChecks | None = None) -> DataSet:
    """Read and schema-check every file under data/ (the project's own rules, never data/schema/): each
    file once, then each edition's view. `cache`: the preview's FileChecks."""
    shared: dict[str, list[LoadedFile]] = {}
    own: dict[str, dict[str, list[LoadedFile]]] = {}
    failed: set[str | None] = set()  # the editions (None: the shared files) with a file that failed
    problems = schema_copy_problems(data_dir / SCHEMA_DIR_NAME, _shown(data_dir / SCHEMA_DIR_NAME, root))
    if cache is not None:
        cache.reused = 0
    paths = data_files(data_dir)
    present: dict[str | None, set[str | None]] = {}
    for path in paths:
        shown = _shown(path, root)
        edition, relative = _place(path.relative_to(data_dir))
        if edition is not None:
            own.setdefault(edition, {})
        name = schema_name(relative)
        renamed = _not_named_as_data(path)
        misplaced = _misplaced(relative, edition, name)
        if renamed or misplaced:
            problems.append(Problem(str(shown), 1, 1, (), renamed or misplaced or ""))
            failed.add(edition)
            continue
        present.setdefault(edition, set()).add(name)
        if name is None:
            known = ", ".join(n for n in SINGLE_FILES if SINGLE_FILES[n] not in EDITION_FILES)
            mine = ", ".join(n for n in SINGLE_FILES if SINGLE_FILES[n] in EDITION_FILES)
            problems.append(
                Problem(
                    str(shown),
                    1,
                    1,
                    (),
                    "is not a known data file. Data files are "
                    f"{known} in data/, and in each edition's folder data/<year>/: {mine} and "
                    f"{PILLAR_DIR}/<pillar-id>.yaml.",
                )
            )
            failed.add(edition)
            continue
        raw, refused = read_bytes(path, shown, data_dir.resolve().parent)  # links may not leave the project
        if raw is None:
            problems += refused
            failed.add(edition)
            continue
        found = one_file(raw, shown, name) if cache is None else cache.check(raw, shown, name, path)
        problems += found.problems
        if found.problems:
            failed.add(edition)
        if found.loaded is not None:
            (shared if edition is None else own[edition]).setdefault(name, []).append(found.loaded)
    if cache is not None:
        cache.keep_only({str(p) for p in paths})
    problems += _missing(data_dir, root, None, present.get(None, set()))
    for edition in sorted(own):
        problems += _missing(data_dir / edition, root, edition, present.get(edition, set()))
    current, problems_current = _current(shared, sorted(own), data_dir, root)
    problems += problems_current
    founding = min(own, default=None)
    views: dict[str, Files] = {}
    for edition in sorted(own):
        view = {k: v for k, v in shared.items() if k != "redirects" or edition == founding} | own[edition]
        views[edition] = view
        rules = [r for r in RULES if r.check not in ACROSS_EDITIONS]
        clean = not ({None, edition} & failed)
        problems += [p for rule in rules if clean or not rule.references for p in rule.check(view)]
    if not failed and own:  # with no edition at all, that is the one problem to say
        everything = dict(shared)
        for edition in sorted(own):
            for name, loaded in own[edition].items():
                everything[name] = everything.get(name, []) + loaded
        problems += [p for check in ACROSS_EDITIONS for p in check(everything)]
    return DataSet(views, current, list(dict.fromkeys(problems)))  # a shared file's problem once


def _missing(folder: Path, root: Path, edition: str | None, present: set[str | None]) -> list[Problem]:
    """The files that are missing from data/ (the shared ones, edition None) or from an edition's folder."""
    problems = []
    for single, name in SINGLE_FILES.items():
        if name not in present and (name in EDITION_FILES) == (edition is not None):
            problems.append(
                Problem(
                    str(_shown(folder / single, root)),
                    1,
                    1,
                    (),
                    "is missing. Every build needs it: restore it from the project's history.",
                )
            )
    if edition is not None and "pillar" not in present:
        problems.append(
            Problem(
                f"{_shown(folder / PILLAR_DIR, root)}/",
                1,
                1,
                (),
                "holds no pillar file (<pillar-id>.yaml). Restore the pillars' files from the project's history.",
            )
        )
    return problems


def _current(shared: Files, editions: list[str], data_dir: Path, root: Path) -> tuple[str | None, list[Problem]]:
    """The current edition named in data/editions.yaml, and a problem if it names no edition's folder."""
    if not editions:
        return None, [
            Problem(
                f"{_shown(data_dir, root)}/",
                1,
                1,
                (),
                "holds no edition's folder. Each edition of the strategy has its own folder, named by its year "
                "(data/2025/): restore it from the project's history.",
            )
        ]
    setting = shared.get("editions")
    if not setting:
        return editions[-1], []  # its own problem (missing, or failed) is reported already
    loaded = setting[0]
    current = loaded.data.get("current")
    if current in editions:
        return current, []
    return editions[-1], [
        problem_at(
            loaded,
            ("current",),
            f"names the edition '{current}', but data/ has no folder '{current}'. Write the year of one of "
            f"the editions there are ({', '.join(editions)}), in quotation marks.",
        )
    ]


# -- Every rule, in one place ----------------------------------------------------------------------


class Rule(NamedTuple):
    """A rule across the data files. `references`: it checks that what one file names exists in
    another, so it is skipped while any file has a problem (what it names may be in that file)."""

    check: Callable[[Files], list[Problem]]
    references: bool = False


# The rules for one file, run on every file that was read, in this order (each is told what the
# rules before it found, so that one place gets one message).
FILE_RULES: tuple[Callable[[LoadedFile, list[Problem]], list[Problem]], ...] = (
    writing.check_spelling,
    writing.check_invisible,
    writing.check_english,
)

# The rules across files, run after the schema on the files that passed it (and on each file that
# failed it, alone, without the references).
RULES: tuple[Rule, ...] = (
    Rule(ids.check_unique_ids),
    Rule(ids.check_reserved_ids),
    Rule(ids.check_pillar_file_names),
    Rule(ids.check_pillar_ids),
    Rule(ids.check_pillar_orders),
    Rule(items.check_box_shape),
    Rule(items.check_abbreviations),
    Rule(items.check_glossary_used, references=True),
    Rule(items.check_typos_quoted, references=True),
    Rule(items.check_progress_pillars, references=True),
    Rule(items.check_progress_advances, references=True),
    Rule(dates.check_real_dates),
    Rule(items.check_figure_measures, references=True),
    Rule(items.check_figure_progress_items, references=True),
    Rule(dates.check_fiscal_spans),
    Rule(statements.check_figures_stated, references=True),
    Rule(dates.check_fiscal_years_given),
    Rule(redirects.check_redirects_keep_live_pages),
    Rule(redirects.check_redirect_forms),
    Rule(redirects.check_redirect_lengths),
    Rule(limits.check_sizes),
    Rule(dates.check_history_years),
    Rule(names.check_name_sources),
    Rule(names.check_official_names, references=True),
    Rule(names.check_registered_names, references=True),
    Rule(topics.check_topics_known, references=True),
    Rule(topics.check_topics_once),
    Rule(topics.check_measures_have_topics),
    Rule(topics.check_topics_used, references=True),
)

# The rules on the built model (strategy, files, the ids a served page carries), once the data is
# valid: the pipeline runs them.
MODEL_RULES = (redirects.check_redirect_targets,)


def file_rules(loaded: LoadedFile, known: list[Problem]) -> list[Problem]:
    """The FILE_RULES' problems in one file that was read; `known`: the problems it has already."""
    problems: list[Problem] = []
    for rule in FILE_RULES:
        problems += rule(loaded, known + problems)
    return problems


def run_rules(files: Files, references: bool = True) -> list[Problem]:
    """The RULES' problems in the files. With references=False (some file could not be read or failed
    the schema), the rules that check references are skipped: what they point to may be in that file."""
    return [problem for rule in RULES if references or not rule.references for problem in rule.check(files)]


def validate(data_dir: Path, root: Path, cache: FileChecks | None = None) -> tuple[Files, list[Problem]]:
    """Load and validate every data file: the current edition's files, and every problem in the data
    (of every edition). An empty problem list means the data can be built. `cache`: the preview's memory
    of each file's own check (FileChecks)."""
    return read_all(data_dir, root, cache)
