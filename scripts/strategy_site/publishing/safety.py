"""Build safety: the build replaces only a folder it made itself, one build at a time, and it leaves
no half-built folders behind, even when it is stopped.

- A built site carries a marker file (MARKER). `--site-dir` may name a folder that does not exist,
  an empty folder, or a folder with the marker; anything else (the project itself, a home folder,
  any folder with other content) is refused with one line, and nothing is touched.
- The build writes into a staging folder beside the target (.<name>-new-*), then swaps it in with
  two renames (the old one goes to .<name>-old-* and is deleted). SIGTERM, SIGHUP and Ctrl-C remove
  the staging folder; folders left by a build that was killed outright are swept at the next build.
- A lock file beside the target (.<name>.build-lock) lets one build run at a time: the second says
  so in one line and waits for the first.
- Output gets the usual modes (folders 0755, files 0644, as the umask says), not mkdtemp's 0700.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

MARKER = ".built-by-strategy-site"
MARKER_TEXT = (
    "This folder was made by ./scripts/build (strategy_site). The next build replaces it whole:\n"
    "do not keep anything else in it.\n"
)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# The project's own folders: the pages MkDocs reads (docs/), the data, the code, the tests. A site
# built into one of them would be refused by MkDocs only after the build had started.
PROJECT_FOLDERS = ("docs", "data", "scripts", "tests", ".git", ".venv")


def refusal(target: Path, default: Path) -> str | None:
    """Why the build may not replace `target`, in one line; None when it may. `default` is the
    project's own site/ folder, which a build from before the marker existed may have left unmarked."""
    if target.is_symlink():
        return (
            f"error: {target} is a symbolic link. Give --site-dir a folder of its own (the build "
            "replaces the whole folder)."
        )
    project, place = default.parent.resolve(), target.resolve()
    owned = [project / name for name in PROJECT_FOLDERS]
    if project.is_relative_to(place) or any(place.is_relative_to(o) for o in owned):
        where = (
            "the project itself or a folder around it"
            if project.is_relative_to(place)
            else f"inside a folder the project keeps ({', '.join(n + '/' for n in PROJECT_FOLDERS)})"
        )
        return (
            f"error: {target} is {where}. Nothing was changed. Give --site-dir a folder of its own, "
            "for example --site-dir site."
        )
    if not target.exists():
        return None
    if not target.is_dir():
        return f"error: {target} is a file, not a folder. Give --site-dir a new folder's name."
    if (target / MARKER).is_file():
        return None
    if not any(target.iterdir()):
        return None
    if (
        target.resolve() == default.resolve()
        and (target / "index.html").is_file()
        and (target / "sitemap.xml").is_file()
    ):
        return None  # site/ built before builds were marked
    return (
        f"error: {target} already holds files that the build did not make, and the build replaces the "
        "whole folder. Nothing was changed. Give --site-dir a new or empty folder, for example "
        "--site-dir site."
    )


def _staging_prefixes(target: Path) -> tuple[str, str]:
    return f".{target.name}-new-", f".{target.name}-old-"


def sweep(target: Path) -> list[Path]:
    """Remove what earlier builds of `target` left behind (killed, or unable to delete). Call with
    the lock held. Returns what could not be removed."""
    left = []
    for prefix in _staging_prefixes(target):
        for stale in sorted(target.parent.glob(prefix + "*")):
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)
                if stale.exists():
                    left.append(stale)
    return left


@contextlib.contextmanager
def build_lock(target: Path):
    """One build of `target` at a time. The second build says so and waits for the first."""
    lock_path = target.parent / f".{target.name}.build-lock"
    with open(lock_path, "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Another build of {target.name}/ is running; this one waits for it to finish.", file=sys.stderr)
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class Stopped(BaseException):
    """The build got SIGTERM, SIGHUP or SIGINT. Like KeyboardInterrupt, it is not an Exception, so that the
    `except Exception` of a library it passes through (MkDocs' loading of a Markdown extension, for
    one) cannot turn it into an ordinary error."""


@contextlib.contextmanager
def stop_on_signals():
    """SIGTERM, SIGHUP and SIGINT (Ctrl-C) raise Stopped, so that the build's clean-up runs. SIGINT
    too, because a build started in the background by a shell inherits SIGINT ignored, and Python
    then raises no KeyboardInterrupt for it: `kill -INT` would let the build run on."""

    def stop(number, frame):
        raise Stopped(signal.Signals(number).name)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def make_staging(target: Path) -> Path:
    """A fresh staging folder beside the target, with the usual folder mode and the marker."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=_staging_prefixes(target)[0], dir=target.parent))
    staging.chmod(0o777 & ~_umask())
    return staging


def mark(site: Path) -> None:
    """Write the marker into a built site (after MkDocs, which empties its folder)."""
    path = site / MARKER
    path.write_text(MARKER_TEXT, "utf-8")
    path.chmod(0o666 & ~_umask())


def swap_in(staging: Path, target: Path) -> Path | None:
    """Replace target with staging (two renames). Returns an old folder that could not be deleted."""
    old = target.with_name(f"{_staging_prefixes(target)[1]}{os.getpid()}")
    if target.exists():
        target.rename(old)
    try:
        staging.rename(target)  # two renames: the target is missing only for the moment between them
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return old if old.exists() else None
