"""The project's command line: small commands, each with a docstring. Run through the thin entry
points in scripts/ (./scripts/build, ./scripts/serve, ./scripts/test, ./scripts/bench), or as
`python -m strategy_site COMMAND` inside .venv.

Exit status: 0 when all is well, 1 when the data or the build has a problem, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import contract, pipeline, search_index
from .problems import DataError
from .render import RenderError

ROOT = pipeline.ROOT


def _checked(data: Path) -> tuple | None:
    """The validated data, or None after printing every problem."""
    try:
        loaded = pipeline.load(ROOT, data)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return None
    strategy = loaded[0]
    print(f"The data is valid: {len(strategy.pillars)} pillars, {len(strategy.measures)} measures, "
          f"{len(strategy.progress_items)} progress items, {len(strategy.figures)} budget figures.")
    return loaded


def cmd_check(args: argparse.Namespace) -> int:
    """Check every data file under data/ and list every problem found (file, line, column, field)."""
    return 0 if _checked(args.data) else 1


def cmd_render(args: argparse.Namespace) -> int:
    """Render the Markdown pages from data/ into docs/ja and docs/en (only changed files are written)."""
    try:
        changed = pipeline.render_docs(ROOT, os.environ.get("SITE_URL", ""), data_dir=args.data)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    except RenderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Rendered docs/: {len(changed)} file(s) changed.")
    return 0


def build_site(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> bool:
    """Run `mkdocs build --strict` into site_dir, in this process (the hook renders docs/ from data/
    first, taking the data this process has just checked). True when the build succeeded."""
    import click
    from mkdocs.__main__ import cli as mkdocs_cli

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("SOURCE_DATE_EPOCH", _source_date_epoch())
    try:
        mkdocs_cli.main(["build", "--strict", "--clean", "-f", str(config), "-d", str(site_dir)],
                        prog_name="mkdocs", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        return False
    except click.exceptions.Abort:
        return False
    return True


def _source_date_epoch() -> str:
    """A fixed build date, so that two builds of the same data are byte-identical (the sitemap
    carries a date): the time of the last commit, else the newest data file's."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                             timeout=10)
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    newest = max((p.stat().st_mtime for p in (ROOT / "data").rglob("*") if p.is_file()), default=0)
    return str(int(newest))


def index_site(site_dir: Path, name: str = "site") -> bool:
    """Write the search index of the site just built (before it replaces site/). True when done."""
    try:
        search_index.build(site_dir)
    except search_index.SearchIndexError as exc:
        print(f"error: {exc}, so {name}/ was left as it was.", file=sys.stderr)
        return False
    return True


def cmd_build(args: argparse.Namespace) -> int:
    """Check the data, then build the static site into site/. The new site replaces site/ only when
    the whole build succeeded; a failed build leaves the last good site/ as it was."""
    loaded = _checked(args.data)
    code = 0 if loaded else 1
    target = Path(args.site_dir).resolve()
    if code and not args.check:
        print(f"The site was not built: {target.name}/ was left as it was.", file=sys.stderr)
    if code or args.check:
        return code
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=target.parent))
    try:
        # MkDocs' hook takes the data just checked instead of reading and checking it again.
        pipeline.remember_checked(ROOT, loaded)
        if not build_site(staging):
            print(f"error: the build failed (see the messages above), so {target.name}/ was left as it was.",
                  file=sys.stderr)
            return 1
        if not index_site(staging, target.name):
            return 1
        old = target.with_name(f".site-old-{os.getpid()}")
        if target.exists():
            target.rename(old)
        try:
            staging.rename(target)  # two renames: site/ is missing only for the moment between them
        except OSError:
            if old.exists():
                old.rename(target)
            raise
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"The site is in {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}/.")
    return 0


def cmd_urls(args: argparse.Namespace) -> int:
    """List every URL and anchor the built site serves; with --write, make that the URL contract
    (tests/url-contract.txt). Build first (./scripts/build)."""
    site = Path(args.site_dir)
    if not (site / "index.html").exists():
        print(f"error: no built site in {site}/. Run ./scripts/build first.", file=sys.stderr)
        return 1
    entries = contract.served(site)
    if args.write:
        contract.write_contract(ROOT, entries | set(contract.read_contract(ROOT) if (ROOT / contract.CONTRACT_FILE).exists() else []))
        print(f"Wrote {contract.CONTRACT_FILE}.")
    else:
        print("\n".join(sorted(entries)))
    return 0


def cmd_verify_urls(args: argparse.Namespace) -> int:
    """Check the built site against the URL contract (tests/url-contract.txt) and check every
    internal link and anchor. Build first (./scripts/build)."""
    site = Path(args.site_dir)
    strategy, _ = pipeline.load(ROOT)
    problems = contract.check(contract.read_contract(ROOT), contract.served(site), strategy)
    problems += contract.broken_links(site, os.environ.get("SITE_URL", "http://127.0.0.1:8000/"))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print("Every contract URL is served or redirected, and every internal link resolves.")
    return 0


def _data_folder(text: str) -> Path:
    """--data: a folder that exists (a wrong path is a usage error, exit status 2)."""
    path = Path(text)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"'{text}' is not a folder. Give the folder that holds the data files, "
                                         "for example: --data data")
    return path


def cmd_bench(args: argparse.Namespace) -> int:
    """Benchmark the build on synthetic data x1, x10 and x100 the real size (in scratch copies under
    .bench/; data/ and docs/ are not touched): seconds to validate, render and build, peak memory,
    the targets met or missed, and the gzip weight of each page type. See README, Performance."""
    from . import bench

    return bench.main(args)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="strategy_site", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func in (("check", cmd_check), ("render", cmd_render), ("build", cmd_build)):
        p = sub.add_parser(name, help=func.__doc__.splitlines()[0], description=func.__doc__)
        p.set_defaults(func=func, data=ROOT / "data")
        if name != "build":
            p.add_argument("--data", type=_data_folder, default=ROOT / "data", help="the data folder (default: data/)")
    for name, func in (("urls", cmd_urls), ("verify-urls", cmd_verify_urls)):
        p = sub.add_parser(name, help=func.__doc__.splitlines()[0], description=func.__doc__)
        p.set_defaults(func=func)
        p.add_argument("--site-dir", default=str(ROOT / "site"), help="the built site (default: site/)")
    sub.choices["urls"].add_argument("--write", action="store_true", help="write tests/url-contract.txt")
    bench = sub.add_parser("bench", help=cmd_bench.__doc__.splitlines()[0], description=cmd_bench.__doc__)
    bench.set_defaults(func=cmd_bench)
    bench.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100], help="data sizes (default: 1 10 100)")
    bench.add_argument("--repeat", type=int, default=0, help="runs per timing, median taken (default: 3; 1 at x100)")
    bench.add_argument("--work-dir", default=str(ROOT / ".bench"), help="scratch folder (default: .bench/)")
    bench.add_argument("--json", help="also write the results to this JSON file")
    bench.add_argument("--keep", action="store_true", help="keep the scratch projects and their sites")
    bench.add_argument("--profile", action="store_true", help="instead: profile one build at the largest scale")
    build = sub.choices["build"]
    build.add_argument("--check", action="store_true", help="only check the data; build nothing")
    build.add_argument("--site-dir", default=str(ROOT / "site"), help="where to write the site (default: site/)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
