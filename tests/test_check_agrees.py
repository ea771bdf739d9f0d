"""`build --check` and the build agree: what the build would refuse, the check refuses first, with the
same one line, and the last good site stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from strategy_site.publishing import cli, safety

# Runs the preview or builds in a scratch copy of the project: the site tier (conftest).
pytestmark = pytest.mark.site


@pytest.mark.parametrize(
    ("variable", "value", "words"),
    [
        ("SITE_URL", "https://example.org/" + "a" * 2400, ("2,421 characters long", "at most 200", "QR code")),
        ("SOURCE_DATE_EPOCH", "abc", ("SOURCE_DATE_EPOCH is 'abc'", "whole number of seconds")),
        ("SOURCE_DATE_EPOCH", "1\x1b[2J", ("[U+001B]",)),
    ],
)
def test_the_check_refuses_what_the_build_would(
    variable: str, value: str, words: tuple[str, ...], tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv(variable, value)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("last good site", "utf-8")
    safety.mark(site)  # a site the build made: --site-dir may replace it
    assert cli.main(["build", "--check"]) == 1
    checked = capsys.readouterr()
    assert cli.main(["build", "--site-dir", str(site)]) == 1
    built = capsys.readouterr()
    assert checked.err == built.err and len(checked.err.splitlines()) == 1, (checked.err, built.err)
    assert "\x1b" not in checked.err and "Traceback" not in checked.err
    for said in words:
        assert said in checked.err, checked.err
    assert sorted(p.name for p in site.iterdir()) == sorted([safety.MARKER, "index.html"])
    assert (site / "index.html").read_text("utf-8") == "last good site"


@pytest.mark.parametrize("site_dir", ["docs/ja/out", "data/site", "scripts", ".", ".."])
def test_a_site_folder_inside_the_project_s_own_is_refused_first(site_dir: str, capsys) -> None:
    """--site-dir inside docs/ (MkDocs refused it only once the build had started, leaving a lock
    file), data/ or the code, or the project itself: refused by --check and the build alike, with
    one line, before anything is made."""
    target = cli.ROOT / site_dir
    before = sorted(target.parent.iterdir()) if target.parent.exists() else []
    assert cli.main(["build", "--check", "--site-dir", str(target)]) == 1
    checked = capsys.readouterr()
    assert cli.main(["build", "--site-dir", str(target)]) == 1
    built = capsys.readouterr()
    assert checked.err == built.err and len(built.err.splitlines()) == 1, built.err
    assert "Nothing was changed" in built.err and "--site-dir" in built.err
    assert (sorted(target.parent.iterdir()) if target.parent.exists() else []) == before
