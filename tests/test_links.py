"""Links are a contract: the URL contract holds, nothing is broken, and permalinks survive moves."""

from __future__ import annotations

from pathlib import Path

import pytest

from strategy_site.publishing import contract, pipeline
from strategy_site.structure import urls
from strategy_site.structure.model import LANGS

from browser_site import Recorder, address, pillar_path
from conftest import ROOT, copy_project, edition_data, run_cli, serve_directory

MOVED = "k-program-rd-support"
OLD_PILLAR, NEW_PILLAR = "advanced-science-and-technology", "innovation-ecosystem"


def test_the_site_serves_every_url_of_the_contract(site: Path, strategy) -> None:
    assert contract.check(contract.read_contract(ROOT), contract.served(site), strategy) == []


def test_no_internal_link_or_anchor_is_broken(site: Path) -> None:
    assert contract.broken_links(site, "http://127.0.0.1:8000/") == []


def test_the_link_check_finds_a_broken_anchor(site: Path, tmp_path: Path) -> None:
    """The check can fail: a copy of one page with a link to a missing anchor is reported."""
    import shutil

    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    page = broken / "measures" / "index.html"
    page.write_text(
        page.read_text("utf-8")
        .replace('href="../pillars/', 'href="../pillars/nowhere-', 1)
        .replace("#k-program-rd-support", "#no-such-measure", 1),
        "utf-8",
    )
    problems = contract.broken_links(broken)
    assert any("no such file /pillars/nowhere-" in p for p in problems)
    assert any("no element with id 'no-such-measure'" in p for p in problems)


def test_the_contract_covers_every_measure_in_both_languages(strategy) -> None:
    entries = set(contract.read_contract(ROOT))
    for m in strategy.measures:
        for lang in LANGS:
            assert urls.site_path(lang, f"{pillar_path(m.pillar_id)}#{m.id}") in entries
            assert urls.site_path(lang, urls.permalink_path(m.id)) in entries
    for ident in [
        *(i.id for i in strategy.box_items),
        *(i.id for i in strategy.progress_items),
        *(f.id for f in strategy.figures),
    ]:
        assert all(urls.site_path(lang, urls.permalink_path(ident)) in entries for lang in LANGS), ident


def _move_measure(root: Path) -> None:
    """Move one measure from a group of pillar 1 to the first group of pillar 3 (YAML text edit)."""
    old = edition_data(root) / "pillars" / f"{OLD_PILLAR}.yaml"
    new = edition_data(root) / "pillars" / f"{NEW_PILLAR}.yaml"
    lines = old.read_text("utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {MOVED}")
    end = start + 1
    while end < len(lines) and not lines[end].lstrip().startswith("- id:") and lines[end].startswith("        "):
        end += 1
    block = lines[start:end]
    old.write_text("".join(lines[:start] + lines[end:]), "utf-8")
    target = new.read_text("utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(target) if line.strip() == "measures:") + 1
    new.write_text("".join(target[:at] + block + target[at:]), "utf-8")


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("moved"))
    _move_measure(root)
    (root / "data" / "redirects.yaml").write_text(
        "redirects:\n"
        f"  - from: pillars/{OLD_PILLAR}/#{MOVED}\n    to: {MOVED}\n"
        f"  - from: pillars/{OLD_PILLAR}/#k-program-budget\n    to: k-program-budget\n"
        f"  - from: pillars/retired-pillar/\n    to: pillars/{NEW_PILLAR}/\n",
        "utf-8",
    )
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.site  # builds (or installs) in a scratch copy of the project
def test_a_move_without_a_redirect_breaks_the_contract(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    _move_measure(root)
    assert run_cli(root, "build").returncode == 0
    strategy = pipeline.load(root)[0]
    problems = contract.check(contract.read_contract(ROOT), contract.served(root / "site"), strategy)
    for lang in LANGS:
        old = urls.site_path(lang, f"{pillar_path(OLD_PILLAR)}#{MOVED}")
        assert any(p.startswith(f"{old} is in the URL contract") for p in problems), (old, problems)


def test_with_a_redirect_the_contract_holds_after_the_move(moved_site: Path) -> None:
    strategy = pipeline.load(moved_site)[0]
    problems = contract.check(contract.read_contract(ROOT), contract.served(moved_site / "site"), strategy)
    assert [p for p in problems if "no longer serves" in p or "does not serve" in p] == []
    assert contract.broken_links(moved_site / "site") == []


@pytest.fixture(scope="module")
def moved_server(moved_site: Path):
    with serve_directory(moved_site / "site") as url:
        yield url


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("start", [urls.permalink_path(MOVED), f"{pillar_path(OLD_PILLAR)}#{MOVED}"])
def test_old_links_land_on_the_moved_measure(browser, moved_server: str, lang: str, start: str) -> None:
    page = browser.new_page()
    page.goto(address(moved_server, lang, start))
    page.wait_for_url(f"**{urls.site_path(lang, pillar_path(NEW_PILLAR))}#{MOVED}")
    assert page.locator(f"#{MOVED}").is_visible()
    assert page.evaluate("document.documentElement.lang") == lang
    page.close()


def test_a_retired_page_leads_to_its_successor(browser, moved_server: str) -> None:
    page = browser.new_page()
    page.goto(address(moved_server, "en", pillar_path("retired-pillar")))
    page.wait_for_url(f"**{urls.site_path('en', pillar_path(NEW_PILLAR))}")
    page.close()


@pytest.mark.parametrize("hash_", ["toString", "constructor", "__proto__", "hasOwnProperty"])
def test_an_anchor_named_like_a_javascript_property_moves_nowhere(browser, moved_server: str, hash_: str) -> None:
    """The page whose anchors moved carries a table of them (extra.js follows it); an address whose
    #anchor is the name of something every JavaScript object has must not find that in the table."""
    page = browser.new_page()
    recorder = Recorder(page.context, moved_server)
    old = address(moved_server, "ja", pillar_path(OLD_PILLAR))
    page.goto(f"{old}#{hash_}")
    page.wait_for_load_state("networkidle")
    assert page.locator("#anchor-moves").count() == 1  # the table is there, so the check means something
    page.wait_for_timeout(300)
    assert page.url == f"{old}#{hash_}" and recorder.take() == []
    page.evaluate(f"window.location.hash = '#{MOVED}'")  # and a moved anchor still moves
    page.wait_for_url(f"**{urls.site_path('ja', pillar_path(NEW_PILLAR))}#{MOVED}")
    page.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_permalink_pages_work_without_javascript(browser, server: str, lang: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(address(server, lang, urls.permalink_path(MOVED)))
    # The meta refresh takes the reader on; the canonical and the plain link name the same place.
    page.wait_for_url(f"**{urls.site_path(lang, pillar_path(OLD_PILLAR))}#{MOVED}")
    context.close()


def test_copy_link_copies_the_permalink_and_says_so(browser, server: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(address(server, "en", pillar_path(OLD_PILLAR)))
    link = page.locator(f"#{MOVED} a.copy-link").first
    link.focus()
    page.keyboard.press("Enter")
    page.locator(f"#{MOVED} .copy-link__status").filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == address(server, "en", urls.permalink_path(MOVED))
    context.close()
