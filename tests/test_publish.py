"""The built site works from any web server, at the root or in a sub-folder such as /strategy2025/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from strategy_site.checking.schema import schema_name
from strategy_site.reading.load import data_files
from strategy_site.structure import urls
from strategy_site.structure.model import LANGS

from browser_site import address, open_search, pillar_path, search
from conftest import ROOT, copy_project, run_cli, serve_directory, within_edition

SUB_FOLDER = "strategy2025/"


@pytest.fixture(scope="module")
def subfolder_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built for https://intranet.example/strategy2025/ and laid in a folder strategy2025/."""
    root = copy_project(tmp_path_factory.mktemp("subfolder"))
    result = run_cli(root, "build", env={"SITE_URL": f"https://intranet.example/{SUB_FOLDER}"})
    assert result.returncode == 0, result.stderr
    web_root = root / "www"
    web_root.mkdir()
    (root / "site").rename(web_root / SUB_FOLDER)
    return web_root


def test_the_site_works_in_a_sub_folder(browser, subfolder_site: Path, strategy) -> None:
    with serve_directory(subfolder_site) as root:
        server = root + SUB_FOLDER
        page = browser.new_page()
        failed = []
        # Everything must load (Material no longer looks for a sitemap.xml beside each alternate).
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        # A request cut short by the next navigation (net::ERR_ABORTED) is not a failure to load.
        page.on("requestfailed", lambda r: None if "ABORTED" in (r.failure or "") else failed.append(r.url))
        requested = []
        page.on("request", lambda r: requested.append(r.url))
        pillar = strategy.pillars[1]
        page.goto(address(server, "en", pillar_path(pillar.id)))
        assert page.locator("h1").inner_text() == pillar.name.en
        page.locator(".md-nav--primary a", has_text="All measures").first.click()
        page.wait_for_url(address(server, "en", "measures/"))
        measure = pillar.measures[0]
        page.goto(address(server, "ja", urls.permalink_path(measure.id)))
        page.wait_for_url(address(server, "ja", pillar_path(pillar.id)) + f"#{measure.id}")
        assert failed == []
        page.close()
        assert all(url.startswith(root) for url in requested)
    sitemap = (subfolder_site / SUB_FOLDER / "sitemap.xml").read_text("utf-8")
    english = urls.site_path("en", pillar_path(pillar.id))
    assert f"<loc>https://intranet.example/{SUB_FOLDER.rstrip('/')}{english}</loc>" in sitemap


def test_search_works_in_a_sub_folder(browser, subfolder_site: Path, strategy) -> None:
    """The index, its worker and WebAssembly come from the sub-folder, and results lead into it."""
    with serve_directory(subfolder_site) as root:
        server = root + SUB_FOLDER
        page = browser.new_page()
        failed = []
        page.on(
            "response",
            lambda r: failed.append(r.url) if r.status >= 400 and not r.url.endswith("/sitemap.xml") else None,
        )
        try:
            page.goto(address(server, "en", pillar_path(strategy.pillars[0].id)))
            open_search(page)
            found = search(page, "fusion")
            within = {lang: "/" + SUB_FOLDER.rstrip("/") + urls.site_path(lang, "") for lang in LANGS}
            assert found and all(path.startswith(within["en"]) for path in found), found
            page.goto(address(server, "ja", ""))
            open_search(page)
            found = search(page, "量子")
            assert found and all(
                path.startswith(within["ja"]) and not path.startswith(within["en"]) for path in found
            ), found
        finally:
            page.close()
        assert failed == []


def test_every_data_file_names_its_schema_for_editors() -> None:
    for path in data_files(ROOT / "data"):
        first = path.read_text("utf-8").splitlines()[0]
        m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert m, f"{path} does not name its schema on its first line"
        schema = (path.parent / m.group(1)).resolve()
        assert (
            schema.exists()
            and schema.name == f"{schema_name(within_edition(path.relative_to(ROOT / 'data')))}.schema.json"
        )
