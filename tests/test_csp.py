"""csp.page_policy: a page's policy allows, by hash, exactly the inline code the page holds (its
scripts that run, its <style> elements, its style="" attributes), and nothing else. Checked on
generated pages (hypothesis); the browser tests (test_browser_csp.py) check the built site in Chromium."""

from __future__ import annotations

import html as html_module

from hypothesis import given
from hypothesis import strategies as st

from strategy_site.rendering import csp

CODE = st.text("ab;:{}()=' \n語<>&\"", min_size=1, max_size=12).filter(lambda t: "</" not in t)
VALUE = st.text("ab:; 語", min_size=1, max_size=10)


def _sources(policy: str, directive: str) -> list[str]:
    part = next(p for p in policy.split("; ") if p.startswith(directive + " "))
    return part.split(" ")[1:]


def _hashes(policy: str, directive: str) -> set[str]:
    return {s for s in _sources(policy, directive) if s.startswith("'sha256-")}


@given(script=CODE, style=CODE, attribute=VALUE, other=VALUE, external=CODE, data=CODE)
def test_each_inline_piece_is_allowed_by_its_own_hash_and_nothing_else_is(
    script, style, attribute, other, external, data
) -> None:
    escaped = html_module.escape(attribute, quote=True)
    page = (
        f"<html><head><meta charset='utf-8'><script>{script}</script><style>{style}</style>"
        f'<script src="x.js">{external}</script><script type="application/json">{data}</script></head>'
        f'<body><p class="a" style="{escaped}">x</p><p data-style="{html_module.escape(other, quote=True)}">y</p>'
        f"<p STYLE='{other}'>z</p></body></html>"
    )
    policy = csp.page_policy(page)
    assert _hashes(policy, "script-src") == {csp.source_hash(script)}  # not the src= nor the JSON one
    assert _hashes(policy, "style-src") == {csp.source_hash(style), csp.source_hash(attribute)}
    assert "'unsafe-hashes'" in _sources(policy, "style-src")  # a hash allows an attribute only with it
    assert "'unsafe-inline'" not in policy


def test_a_page_without_inline_code_gets_the_plain_policy() -> None:
    policy = csp.page_policy("<html><head><script src='a.js'></script></head><body><p>x</p></body></html>")
    assert policy == csp.policy()
    assert "sha256" not in policy and "'unsafe-hashes'" not in policy


def test_an_upper_case_style_attribute_is_refused_not_allowed() -> None:
    """Attribute names are matched as the templates write them (lower case); a STYLE= is left out of
    the policy, so the browser refuses it: the policy never allows more than the page's own code."""
    policy = csp.page_policy("<html><head></head><body><p STYLE='color: red'>x</p></body></html>")
    assert policy == csp.policy()


def test_with_policy_puts_the_policy_first_and_replaces_an_old_one() -> None:
    page = "<html><head><meta charset='utf-8'><script>go()</script></head><body></body></html>"
    once = csp.with_policy(page)
    assert once.index('http-equiv="Content-Security-Policy"') < once.index("<script>")
    assert csp.with_policy(once).count("Content-Security-Policy") == 1
    assert csp.source_hash("go()") in once
