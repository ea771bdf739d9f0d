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
from strategy_site.reading.load import Files, LoadedFile, data_files, parse_file, read_bytes
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


def read_all(
    data_dir: Path, root: Path, cache: FileChecks | None = None
) -> tuple[dict[str, list[LoadedFile]], list[Problem]]:
    """Read and schema-check every file under data/ (the project's own rules, never data/schema/).
    Returns the files by schema name, and the problems. `cache`: the preview's FileChecks."""
    files: dict[str, list[LoadedFile]] = {}
    problems = schema_copy_problems(data_dir / SCHEMA_DIR_NAME, _shown(data_dir / SCHEMA_DIR_NAME, root))
    if cache is not None:
        cache.reused = 0
    paths = data_files(data_dir)
    for path in paths:
        shown = _shown(path, root)
        name = schema_name(path.relative_to(data_dir))
        renamed = _not_named_as_data(path)
        if renamed:
            problems.append(Problem(str(shown), 1, 1, (), renamed))
            continue
        if name is None:
            problems.append(
                Problem(
                    str(shown),
                    1,
                    1,
                    (),
                    "is not a known data file. Data files are "
                    f"{', '.join(SINGLE_FILES)} and {PILLAR_DIR}/<pillar-id>.yaml.",
                )
            )
            continue
        raw, refused = read_bytes(path, shown, data_dir.resolve().parent)  # links may not leave the project
        if raw is None:
            problems += refused
            continue
        found = one_file(raw, shown, name) if cache is None else cache.check(raw, shown, name, path)
        problems += found.problems
        if found.loaded is not None:
            files.setdefault(name, []).append(found.loaded)
    if cache is not None:
        cache.keep_only({str(p) for p in paths})
    present = {schema_name(p.relative_to(data_dir)) for p in paths}
    for single, name in SINGLE_FILES.items():
        if name not in present:
            problems.append(
                Problem(
                    str(_shown(data_dir / single, root)),
                    1,
                    1,
                    (),
                    "is missing. Every build needs it: restore it from the project's history.",
                )
            )
    if "pillar" not in present:
        problems.append(
            Problem(
                f"{_shown(data_dir / PILLAR_DIR, root)}/",
                1,
                1,
                (),
                "holds no pillar file (<pillar-id>.yaml). Restore the pillars' files from the project's history.",
            )
        )
    return files, problems


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
    """Load and validate every data file. An empty problem list means the data can be built. `cache`:
    the preview's memory of each file's own check (FileChecks)."""
    files, problems = read_all(data_dir, root, cache)
    problems += run_rules(files, references=not problems)
    return files, problems
