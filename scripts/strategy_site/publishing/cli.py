"""The project's command line: small commands, each with a docstring. Run through the thin entry
points in scripts/ (./scripts/build, ./scripts/serve, ./scripts/test), or as
`python -m strategy_site COMMAND` inside .venv.

Exit status: 0 when all is well, 1 when the data or the build has a problem, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from strategy_site.checking import crosswalk as crosswalk_rules
from strategy_site.publishing import contract, pipeline, preview, safety, search_index, siteurl
from strategy_site.publishing.plugin import StrategySitePlugin
from strategy_site.publishing.precompress import precompress
from strategy_site.reading.problems import DataError, visible
from strategy_site.rendering.render import RenderError

ROOT = pipeline.ROOT


def _check_data(data: Path) -> pipeline.Checked | None:
    """The validated data, or None after printing every problem."""
    try:
        checked = pipeline.load(ROOT, data)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return None
    every = checked.all_editions()
    for edition in every.all:
        strategy = edition.strategy
        current = " (current)" if edition.id == every.current_id else ""
        named = f" the {edition.id} edition{current}:" if every.several else ""
        print(
            f"The data is valid:{named} {len(strategy.pillars)} pillars, {len(strategy.measures)} measures, "
            f"{len(strategy.progress_items)} progress items, {len(strategy.figures)} budget figures."
        )
        note = crosswalk_rules.dropped_note(every.crosswalk(edition)) if every.several else ""
        if note:
            print(note)
    return checked


def cmd_check(args: argparse.Namespace) -> int:
    """Check every data file under data/ and list every problem found (file, line, column, field)."""
    return 0 if _check_data(args.data) else 1


def cmd_render(args: argparse.Namespace) -> int:
    """Render the Markdown pages from data/ into docs/ja and docs/en (only changed files are written)."""
    try:
        changed = pipeline.render_docs(ROOT, os.environ.get("SITE_URL", ""), data_dir=args.data).changed
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    except RenderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Rendered docs/: {len(changed)} file(s) changed.")
    return 0


PLUGIN = "strategy-site"  # the name mkdocs.yml gives the plugin (pyproject.toml's entry point)


def build_site(site_dir: Path, checked: pipeline.Checked, config_file: Path = ROOT / "mkdocs.yml") -> bool:
    """Build the site into site_dir with MkDocs' Python API, strict, in this process. The plugin
    renders docs/ from the data that was just checked. True when the build succeeded."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("SOURCE_DATE_EPOCH", _source_date_epoch())
    with _mkdocs_messages():
        try:
            config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
            plugin = config.plugins[PLUGIN]
            assert isinstance(plugin, StrategySitePlugin), f"mkdocs.yml's {PLUGIN} is not this package's plugin"
            plugin.use(config_file.parent, checked)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as exc:  # a configuration error, a plugin's error, strict warnings
            exc.show()
            return False
    return True


@contextlib.contextmanager
def _mkdocs_messages():
    """MkDocs' messages (INFO and up) on standard error while it builds, as `mkdocs build` prints them."""
    from mkdocs.__main__ import ColorFormatter

    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(ColorFormatter())
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def _source_date_epoch() -> str:
    """A fixed build date, so that two builds of the same data are byte-identical (the sitemap
    carries a date): the time of the last commit, else the newest data file's."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, timeout=10)
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
        search_index.strip_index_only(site_dir)
    except OSError as exc:
        print(f"error: the indexed pages could not be written ({exc}), so {name}/ was left as it was.", file=sys.stderr)
        return False
    except search_index.SearchIndexError as exc:
        print(f"error: {exc}, so {name}/ was left as it was.", file=sys.stderr)
        return False
    return True


def cmd_build(args: argparse.Namespace) -> int:
    """Check the data, then build the static site into site/. The new site replaces site/ only when
    the whole build succeeded; a failed build leaves the last good site/ as it was."""
    refused = safety.refusal(Path(args.site_dir), ROOT / "site")  # with --check too: they agree
    if refused:
        print(refused, file=sys.stderr)
        return 1
    address = _site_url_or_none()
    if address is None:
        return 1
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and not re.fullmatch(r"[0-9]{1,11}", epoch):
        print(
            f"error: SOURCE_DATE_EPOCH is '{visible(epoch)}'; it must be a whole number of seconds since "
            "1970 (for example 1764547200), or not set at all.",
            file=sys.stderr,
        )
        return 1
    checked = _check_data(args.data)
    code = 0 if checked else 1
    target = Path(args.site_dir).resolve()
    if code and not args.check:
        print(f"The site was not built: {target.name}/ was left as it was.", file=sys.stderr)
    if checked is None or args.check:
        return code
    os.environ["SITE_URL"] = address  # MkDocs reads it (mkdocs.yml), checked and percent-encoded
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with safety.stop_on_signals(), safety.build_lock(target):
            return _build_into(target, checked)
    except (KeyboardInterrupt, safety.Stopped):
        print(f"The build was stopped, so {target.name}/ was left as it was.", file=sys.stderr)
        return 130


def _build_into(target: Path, checked: pipeline.Checked) -> int:
    """The build proper, with the lock held: sweep what killed builds left, build into a staging
    folder, and swap it in."""
    refused = safety.refusal(target, ROOT / "site")  # again: another build may have run meanwhile
    if refused:
        print(refused, file=sys.stderr)
        return 1
    for left in safety.sweep(target):
        print(
            f"warning: {left} is left from an earlier build and cannot be deleted; delete it by hand.", file=sys.stderr
        )
    staging = safety.make_staging(target)
    try:
        if not build_site(staging, checked):
            print(
                f"error: the build failed (see the messages above), so {target.name}/ was left as it was.",
                file=sys.stderr,
            )
            return 1
        if not index_site(staging, target.name):
            return 1
        count, before, after = precompress(staging)
        print(f"Precompressed {count} files for the web server (.gz): {before // 1024} KB to {after // 1024} KB.")
        safety.mark(staging)
        stuck = safety.swap_in(staging, target)
        if stuck:
            print(
                f"warning: the previous site, moved to {stuck}, cannot be deleted; the next build tries again.",
                file=sys.stderr,
            )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"The site is in {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}/.")
    return 0


def _site_url_or_none() -> str | None:
    """SITE_URL, checked and percent-encoded; None after saying in one line what is wrong with it."""
    try:
        return siteurl.checked(os.environ.get("SITE_URL"))
    except siteurl.SiteUrlError as exc:
        print(f"error: SITE_URL {exc}", file=sys.stderr)
        return None


def cmd_urls(args: argparse.Namespace) -> int:
    """List every URL and anchor the built site serves; with --write, make that the URL contract
    (tests/url-contract.txt). Build first (./scripts/build)."""
    site = Path(args.site_dir)
    if not (site / "index.html").exists():
        print(f"error: no built site in {site}/. Run ./scripts/build first.", file=sys.stderr)
        return 1
    entries = contract.served(site)
    if args.write:
        contract.write_contract(
            ROOT, entries | set(contract.read_contract(ROOT) if (ROOT / contract.CONTRACT_FILE).exists() else [])
        )
        print(f"Wrote {contract.CONTRACT_FILE}.")
    else:
        print("\n".join(sorted(entries)))
    return 0


def cmd_verify_urls(args: argparse.Namespace) -> int:
    """Check the built site against the URL contract (tests/url-contract.txt) and check every
    internal link and anchor. Build first (./scripts/build)."""
    site = Path(args.site_dir)
    if not (site / "index.html").is_file():
        print(f"error: no built site in {site}/. Run ./scripts/build first.", file=sys.stderr)
        return 1
    address = _site_url_or_none()
    if address is None:
        return 1
    try:
        # The addresses of the redirects (data/redirects.yaml) are the first edition's.
        strategy = pipeline.load(ROOT).all_editions().first.strategy
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        promised = contract.read_contract(ROOT)
    except contract.ContractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    problems = contract.check(promised, contract.served(site), strategy, ROOT)
    problems += contract.broken_links(site, address)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print("Every contract URL is served or redirected, and every internal link resolves.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Render the pages from data/ and serve the site (default http://127.0.0.1:8000), rendering
    again whenever data/ changes; the open page follows every save. A bad address, a port in use or
    broken data is said in one line."""
    import socket

    host, _, port = args.address.rpartition(":")
    host = host.strip("[]")
    if not host or not re.fullmatch(r"[0-9]{1,5}", port) or not 0 < int(port) < 65536:
        print(
            f"error: '{_shown(args.address)}' is not an address to serve on. Write HOST:PORT with a port "
            "from 1 to 65535 in plain digits, for example 127.0.0.1:8000.",
            file=sys.stderr,
        )
        return 2
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, int(port)))
    except (OSError, UnicodeError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        print(
            f"error: cannot serve on {_shown(args.address)} ({reason}). Check the address, or another program "
            f"may be using port {port}: stop it, or choose another port, for example "
            f"SERVE_ADDRESS=127.0.0.1:{int(port) % 65535 + 1}.",
            file=sys.stderr,
        )
        return 1
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with _mkdocs_messages():
        return preview.serve(ROOT / "mkdocs.yml", host, int(port))


def _shown(text: str) -> str:
    """Text from outside (an address) as it may be printed: no control characters reach the terminal."""
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


def _data_folder(text: str) -> Path:
    """--data: a folder that exists (a wrong path is a usage error, exit status 2)."""
    path = Path(text)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a folder. Give the folder that holds the data files, for example: --data data"
        )
    return path


def _summary(func) -> str:
    """A command's one-line help: the first line of its docstring."""
    return (func.__doc__ or "").splitlines()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="strategy_site", description=(__doc__ or "").splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func in (("check", cmd_check), ("render", cmd_render), ("build", cmd_build)):
        p = sub.add_parser(name, help=_summary(func), description=func.__doc__)
        p.set_defaults(func=func, data=ROOT / "data")
        if name != "build":
            p.add_argument("--data", type=_data_folder, default=ROOT / "data", help="the data folder (default: data/)")
    for name, func in (("urls", cmd_urls), ("verify-urls", cmd_verify_urls)):
        p = sub.add_parser(name, help=_summary(func), description=func.__doc__)
        p.set_defaults(func=func)
        p.add_argument("--site-dir", default=str(ROOT / "site"), help="the built site (default: site/)")
    sub.choices["urls"].add_argument("--write", action="store_true", help="write tests/url-contract.txt")
    serve = sub.add_parser("serve", help=_summary(cmd_serve), description=cmd_serve.__doc__)
    serve.set_defaults(func=cmd_serve)
    serve.add_argument("-a", "--address", default="127.0.0.1:8000", help="HOST:PORT (default: 127.0.0.1:8000)")
    build = sub.choices["build"]
    build.add_argument("--check", action="store_true", help="only check the data; build nothing")
    build.add_argument("--site-dir", default=str(ROOT / "site"), help="where to write the site (default: site/)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return _without_traceback(args)


def _without_traceback(args: argparse.Namespace) -> int:
    """Run a command; whatever goes wrong is said in one line, never as a Python traceback
    (STRATEGY_SITE_DEBUG=1 shows the traceback, for the project's developers)."""
    if os.environ.get("STRATEGY_SITE_DEBUG"):
        return args.func(args)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    except contract.ContractError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"error: {exc.strerror or exc}{where}.", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - one line instead of a traceback
        print(
            f"error: the command stopped on an unexpected problem ({type(exc).__name__}: {exc}). Run it again "
            "with STRATEGY_SITE_DEBUG=1 to see the details, and report them.",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
