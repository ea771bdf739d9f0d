"""Nothing a data keeper or a command line can type deletes, corrupts or hijacks anything:

- `--site-dir` replaces only a folder the build made (its marker file) or a new or empty one;
- the site gets the usual modes; a stopped build cleans up, and stale staging folders are swept;
- one build at a time (a lock), the second waits and says so;
- SITE_URL is checked and percent-encoded (canonical links, sitemap, QR code, printed address),
  and a site built for a sub-folder passes verify-urls;
- no command prints a traceback; editors' temporary files are skipped;
- the ids the pages use themselves are found in the sources (checked against a built site).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from strategy_site.checking import ids
from strategy_site.publishing import safety, siteurl
from strategy_site.reading import shape

from conftest import EDITION, ROOT, copy_project, edition_data, run_cli

BUILD_ENV = {"PYTHONPATH": "", "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("hardening"))
    (root / "tests").mkdir()
    (root / "tests" / "url-contract.txt").write_bytes((ROOT / "tests" / "url-contract.txt").read_bytes())
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr[-3000:]
    return root


def _one_line(result: subprocess.CompletedProcess, start: str) -> str:
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(start), lines[0]
    return lines[0]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and ".venv" not in p.parts
    }


# -- --site-dir: never destroy anything


@pytest.mark.parametrize(
    "where, why",
    [
        (".", "is the project itself or a folder around it"),
        ("..", "is the project itself or a folder around it"),
        ("data", "is inside a folder the project keeps"),
        ("scripts", "is inside a folder the project keeps"),
        ("docs", "is inside a folder the project keeps"),
        ("data/sub", "is inside a folder the project keeps"),
    ],
)
def test_site_dir_refuses_the_project_and_its_folders(project: Path, where: str, why: str) -> None:
    target = (project / where).resolve()
    before = _snapshot(target) if where != ".." and target.exists() else None
    result = run_cli(project, "build", "--site-dir", where)
    assert result.returncode == 1
    _one_line(result, f"error: {Path(where)} {why}")
    if before is not None:
        assert _snapshot(target) == before
    assert not (project / "data" / "sub").exists()
    assert (edition_data(project) / "figures.yaml").is_file() and (project / "scripts").is_dir()


def test_site_dir_refuses_a_folder_the_build_did_not_make(project: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "papers"
    foreign.mkdir()
    (foreign / "minutes.txt").write_text("keep me")
    before = _snapshot(foreign)
    result = run_cli(project, "build", "--site-dir", str(foreign))
    assert result.returncode == 1
    _one_line(result, f"error: {foreign} already holds files that the build did not make")
    assert _snapshot(foreign) == before


def test_site_dir_refuses_a_file_and_a_link(project: Path, tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me")
    assert run_cli(project, "build", "--site-dir", str(a_file)).returncode == 1
    assert a_file.read_text() == "keep me"
    link = tmp_path / "link"
    link.symlink_to(project / "data")
    result = run_cli(project, "build", "--site-dir", str(link))
    _one_line(result, f"error: {link} is a symbolic link")
    assert (edition_data(project) / "figures.yaml").is_file()


def test_a_new_or_empty_or_marked_folder_is_built(project: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for target in (tmp_path / "new" / "site", empty):
        result = run_cli(project, "build", "--site-dir", str(target))
        assert result.returncode == 0, result.stderr[-2000:]
        assert (target / safety.MARKER).is_file() and (target / "index.html").is_file()
    (empty / "stray.txt").write_text("made by hand")  # the marker says the build may replace it whole
    assert run_cli(project, "build", "--site-dir", str(empty)).returncode == 0
    assert not (empty / "stray.txt").exists()


def test_the_site_gets_the_usual_modes(project: Path) -> None:
    site = project / "site"
    mask = os.umask(0)
    os.umask(mask)
    for path in [site, *site.rglob("*")]:
        mode = path.stat().st_mode & 0o777
        assert mode == (0o777 if path.is_dir() else 0o666) & ~mask, (path, oct(mode))


# -- Stopped builds, stale folders, two builds at once


def _popen_build(project: Path, stderr, sigint_ignored: bool = False) -> subprocess.Popen:
    """A build in the background; with sigint_ignored, as a shell starts one with `&` (SIGINT ignored)."""
    env = {**os.environ, "PYTHONPATH": str(project / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "strategy_site", "build"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
        preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if sigint_ignored else None,
    )


def _wait(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.parametrize(
    ("sig", "sigint_ignored"),
    [(signal.SIGTERM, False), (signal.SIGHUP, False), (signal.SIGINT, False), (signal.SIGINT, True)],
    ids=["SIGTERM", "SIGHUP", "SIGINT", "SIGINT-in-a-background-job"],
)
def test_a_stopped_build_leaves_nothing_behind(
    project: Path, tmp_path: Path, sig: signal.Signals, sigint_ignored: bool
) -> None:
    """A CI run started in the background once had the build ignore SIGINT and finish (exit 0)."""
    before = _snapshot(project / "site")
    log = tmp_path / "stderr"
    with open(log, "w") as stderr:
        build = _popen_build(project, stderr, sigint_ignored)
        _wait(lambda: any(p.is_dir() for p in project.glob(".site-new-*")))
        build.send_signal(sig)
        assert build.wait(120) == 130
    said = log.read_text()
    assert "Traceback" not in said and "The build was stopped, so site/ was left as it was." in said
    assert list(project.glob(".site-new-*")) == [] and _snapshot(project / "site") == before


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_stop_is_not_swallowed_by_a_librarys_except_exception(sig: signal.Signals) -> None:
    """MkDocs loads a Markdown extension inside `except Exception` and reports what it caught as a
    configuration error: a stop that lands there must still stop the build (CI once saw exit 1)."""
    with pytest.raises(safety.Stopped), safety.stop_on_signals():
        try:
            os.kill(os.getpid(), sig)
            time.sleep(5)  # the handler raises before this ends
        except Exception:  # noqa: BLE001 - the library's handler this test stands for
            pytest.fail("the stop was caught as an ordinary error")


def test_stale_staging_folders_are_swept(project: Path) -> None:
    for name in (".site-new-abc123", ".site-old-4242"):
        (project / name / "assets").mkdir(parents=True)
        (project / name / "assets" / "x.css").write_text("old")
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr[-2000:]
    assert sorted(p.name for p in project.glob(".site-*")) == []


def test_a_second_build_waits_for_the_first(project: Path, tmp_path: Path) -> None:
    """The test holds the lock as a running build would; a build says so in one line, waits, and
    builds once the lock is free."""
    log = tmp_path / "stderr"
    with open(project / ".site.build-lock", "a") as lock, open(log, "w") as stderr:
        fcntl.flock(lock, fcntl.LOCK_EX)
        build = _popen_build(project, stderr)
        _wait(lambda: "Another build of site/ is running" in log.read_text())
        time.sleep(0.5)
        assert build.poll() is None  # still waiting
        fcntl.flock(lock, fcntl.LOCK_UN)
        assert build.wait(300) == 0
    assert "Traceback" not in log.read_text() and (project / "site" / "index.html").is_file()


def test_two_builds_at_once_both_succeed(project: Path, tmp_path: Path) -> None:
    logs = [tmp_path / "a", tmp_path / "b"]
    with contextlib.ExitStack() as stack:
        handles = [stack.enter_context(open(log, "w")) for log in logs]
        builds = [_popen_build(project, handle) for handle in handles]
        codes = [b.wait(600) for b in builds]
    said = "".join(log.read_text() for log in logs)
    assert codes == [0, 0], said[-3000:]
    assert "Traceback" not in said and sorted(p.name for p in project.glob(".site-*")) == []


# -- SITE_URL


@pytest.mark.parametrize(
    "value",
    [
        '"><script>alert(1)</script>',
        "javascript://x/%0aalert(1)",
        "ftp://x.example/",
        "intranet.example/strategy/",
        "https://",
        "https://user:pw@x.example/",
        "https://x.example/?q=1",
        "https://x.example/#top",
        "https://x.example:99999/",
        "https://x.example/a\nb/",
        "https://exa mple/",
    ],
)
def test_a_bad_site_url_is_refused_in_one_line(project: Path, value: str) -> None:
    before = _snapshot(project / "site")
    result = run_cli(project, "build", env={"SITE_URL": value})
    assert result.returncode == 1
    _one_line(result, "error: SITE_URL ")
    assert _snapshot(project / "site") == before


def test_site_url_is_percent_encoded() -> None:
    assert (
        siteurl.checked("https://Intranet.Example/R&D strategy/50%/\"'<>")
        == "https://intranet.example/R%26D%20strategy/50%25/%22%27%3C%3E/"
    )
    assert siteurl.checked("https://x.example/already%20encoded") == "https://x.example/already%20encoded/"
    assert siteurl.checked("") == siteurl.checked(None) == "http://127.0.0.1:8000/"


def test_a_sub_folder_site_url_builds_and_passes_verify_urls(project: Path, tmp_path: Path) -> None:
    address = "https://intranet.example/R&Z strategy/"
    encoded = "https://intranet.example/R%26Z%20strategy/"
    site = tmp_path / "site"
    env = {"SITE_URL": address}
    result = run_cli(project, "build", "--site-dir", str(site), env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    sitemap = ET.fromstring((site / "sitemap.xml").read_bytes())  # well-formed XML
    locs = [e.text for e in sitemap.iter() if e.tag.endswith("loc")]
    assert locs and all(loc.startswith(encoded) and " " not in loc for loc in locs)
    summary = (site / "summary" / "index.html").read_text("utf-8")
    assert f'aria-label="QR code: {encoded}summary/"' in summary
    assert f"{encoded}summary/" in re.search(r"@bottom-left \{ content: ([^;]*);", summary).group(1)
    for page in site.rglob("*.html"):
        html = page.read_text("utf-8")
        assert "R&Z" not in html and "R&amp;Z" not in html and "<script>alert" not in html, page
    home_links = re.findall(r'<a href="([^"]*)" hreflang', (site / "index.html").read_text("utf-8"))
    assert home_links == ["./", "./en/"]
    en_links = re.findall(r'<a href="([^"]*)" hreflang', (site / "en" / "index.html").read_text("utf-8"))
    assert en_links == ["../", "../en/"]
    result = run_cli(project, "verify-urls", "--site-dir", str(site), env=env)
    assert result.returncode == 0, result.stderr[-3000:]


def test_verify_urls_catches_a_root_absolute_link(project: Path, tmp_path: Path) -> None:
    """The check above can fail: a link to '/en/' is broken when the site lives in a sub-folder."""
    site = tmp_path / "site"
    env = {"SITE_URL": "https://intranet.example/strategy2025/"}
    assert run_cli(project, "build", "--site-dir", str(site), env=env).returncode == 0
    home = site / "index.html"
    home.write_text(home.read_text("utf-8").replace('<a href="./en/" hreflang', '<a href="/en/" hreflang'), "utf-8")
    result = run_cli(project, "verify-urls", "--site-dir", str(site), env=env)
    assert (
        result.returncode == 1
        and "index.html: <a> /en/: leads out of the site's folder /strategy2025/" in result.stderr
    )


# -- One line, never a traceback


def test_verify_urls_without_a_site_says_so_once(project: Path, tmp_path: Path) -> None:
    result = run_cli(project, "verify-urls", "--site-dir", str(tmp_path / "nothing"))
    assert result.returncode == 1
    _one_line(result, f"error: no built site in {tmp_path / 'nothing'}/")


def test_verify_urls_with_broken_data_lists_the_problems(project: Path) -> None:
    figures = edition_data(project) / "figures.yaml"
    original = figures.read_bytes()
    figures.write_bytes(original.replace(b"amount: 5000", b"amount: &a 5000", 1))
    try:
        result = run_cli(project, "verify-urls")
    finally:
        figures.write_bytes(original)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    said = rf"data/{EDITION}/figures\.yaml:6:\d+: field 'figures\[1\]\.amount': '&a' is a YAML anchor"
    assert re.match(said, result.stderr), result.stderr


@pytest.mark.parametrize(
    "address, said",
    [
        ("127.0.0.1:{busy}", "error: cannot serve on 127.0.0.1:{busy}"),
        ("nowhere", "error: 'nowhere' is not an address to serve on"),
        ("127.0.0.1:99999", "error: '127.0.0.1:99999' is not an address"),
    ],
)
def test_serve_says_in_one_line_why_it_cannot_start(project: Path, address: str, said: str) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_cli(project, "serve", "-a", address.format(busy=port))
    assert result.returncode in (1, 2)
    _one_line(result, said.format(busy=port))


def test_editor_files_are_skipped(project: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    import shutil

    shutil.copytree(project / "data", data)
    for name in (
        ".#figures.yaml",
        "._figures.yaml",
        "figures.yaml~",
        ".figures.yaml.swp",
        "#figures.yaml#",
        "pillars/.#innovation-ecosystem.yaml",
        "pillars/._innovation-ecosystem.yaml",
    ):
        (data / EDITION / name).write_bytes(b"\x00\xff not: [valid")  # beside the edition's files
    for name in (".#names.yaml", "._names.yaml", "names.yaml~", ".names.yaml.swp", "#names.yaml#"):
        (data / name).write_bytes(b"\x00\xff not: [valid")  # beside the shared files
    result = run_cli(project, "check", "--data", str(data))
    assert result.returncode == 0, result.stderr
    assert "3 pillars" in result.stdout


# -- Ids the pages use themselves


def test_the_reserved_ids_are_every_id_the_build_emits_itself(site: Path, loaded_files) -> None:
    """Every element id on every built page is a data id, one of Material's own (they start with
    '__', which no data id can), or one that ids.reserved_ids() found in the sources."""
    data_ids = {ident for group in loaded_files.values() for f in group for ident, _ in shape.ids(f.data)}
    missed = set()
    for page in site.rglob("*.html"):
        for ident in re.findall(r'\bid="([^"]*)"', page.read_text("utf-8")):
            if ident in data_ids or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", ident):
                continue
            if ids.reserved_reason(ident) is None:
                missed.add(ident)
    assert missed == set(), f"ids the pages use that a data id could take: {sorted(missed)}"
    reserved, prefixes = ids.reserved_ids()
    assert {
        "top",
        "pillar-progress",
        "chart-hatch",
        "chart-title",
        "anchor-moves",
    } <= reserved and "fields-" in prefixes
