"""While `./scripts/serve` runs: when the data has problems, every page of the preview shows them.

MkDocs' own way is to keep the last good site and leave the browser's request hanging, with the
problems only in the terminal. Instead the plugin lets the build finish with the last good pages and
then replaces each HTML page of the preview (never of `./scripts/build`'s site/) with a page in the
page's language that lists every problem in the words of `./scripts/build --check`. The preview
(preview.py) serves this page in place of every page while the data has problems, and adds its
reload script to it, so once the data is fixed the next build brings the real page back by itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from strategy_site.reading.problems import Problem, field_name
from strategy_site.rendering.escape import html_text
from strategy_site.rendering.ui import EXPECTED_JA, PROBLEM_PATTERNS_JA, PROBLEM_PHRASES_JA, PROBLEM_TERMS_JA, ui
from strategy_site.structure import urls

STYLE = """
body { font: 16px/1.6 system-ui, "Noto Sans CJK JP", sans-serif; margin: 0; color: #1a1a1a; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem; }
h1 { font-size: 1.6rem; color: #8a1c1c; margin-top: 0; }
ol { padding-left: 1.5rem; }
li { margin: 0 0 .75rem; }
code { font: .9rem/1.5 ui-monospace, "Noto Sans Mono CJK JP", monospace; white-space: pre-wrap;
       overflow-wrap: anywhere; background: #f6f2f2; border-left: 4px solid #8a1c1c; padding: .4rem .6rem;
       display: block; }
.place code { display: inline; padding: .05rem .3rem; border-left: 0; }
.place { margin-bottom: .25rem; }
.summary { font-weight: 600; }
.note { color: #4d4d4d; font-size: .9rem; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #1e2129; } h1 { color: #ff9e9e; }
  code { background: #2b2f3a; border-left-color: #ff9e9e; } .note { color: #c2c2c2; }
}
"""


def page(problems: Sequence[Problem] | str, lang: str) -> str:
    """The problems page in one language. `problems`: the data's problems, or, when the build
    itself failed, its reason (one line, in the program's words). In English each problem is the
    line `./scripts/build --check` prints; in Japanese its file, line, column and field are labelled
    and its words are in Japanese (in_japanese)."""
    if isinstance(problems, str):
        items = (
            f'<li><p>{html_text(ui("preview_build_failed", lang))}</p><code lang="en">{html_text(problems)}</code></li>'
        )
        count = 1
    else:
        items = "\n".join(_item(p, lang) for p in problems)
        count = len(problems)
    summary = ui("preview_summary", lang, n=count)
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>{html_text(ui("preview_title", lang))} - {html_text(ui("site_name", lang))}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>{html_text(ui("preview_title", lang))}</h1>
<p>{html_text(ui("preview_intro", lang))}</p>
<ol>
{items}
</ol>
<p class="summary">{html_text(summary)}</p>
<p>{html_text(ui("preview_after", lang))}</p>
<p class="note">{html_text(ui("preview_note", lang))}</p>
</main>
</body>
</html>
"""


def _item(problem: Problem, lang: str) -> str:
    if lang == "en":
        return f"<li><code>{html_text(str(problem))}</code></li>"
    label = {
        key: html_text(ui(key, lang)) for key in ("preview_file", "preview_folder", "preview_field", "preview_item")
    }
    if problem.file.endswith("/"):
        place = f"{label['preview_folder']} <code>{html_text(problem.file)}</code>"
    else:
        place = (
            f"{label['preview_file']} <code>{html_text(problem.file)}</code> "
            f"{html_text(ui('preview_line', lang, n=problem.line))} "
            f"{html_text(ui('preview_column', lang, n=problem.column))}"
        )
    field, sep = field_name(problem.where), html_text(ui("preview_and", lang))
    if field:
        place += f"{sep}{label['preview_field']} <code>{html_text(field)}</code>"
    if problem.entity:
        place += f"{sep}{label['preview_item']} <code>{html_text(problem.entity)}</code>"
    words = in_japanese(problem.message)
    if words is None:
        said = (
            f"<span>{html_text(ui('preview_english_only', lang))}</span> "
            f'<span lang="en">{html_text(problem.message)}</span>'
        )
    else:
        said = html_text(words)
    return f'<li><p class="place">{place}</p><p>{said}</p></li>'


_PATTERNS = [(re.compile(english), japanese) for english, japanese in PROBLEM_PATTERNS_JA]
_EXPECTED = re.compile(r"(?P<main>.*?) Expected: (?P<expected>.*)\.")


def in_japanese(message: str) -> str | None:
    """A problem's words (as the checker says them in English) in Japanese; None when there is no
    Japanese for this kind of problem yet (ui.py: PROBLEM_PATTERNS_JA, EXPECTED_JA)."""
    expected = ""
    found = _EXPECTED.fullmatch(message)
    if found:
        description = EXPECTED_JA.get(found["expected"])
        if description is None:
            return None
        message, expected = found["main"], ui("preview_expected", "ja", words=description)
    for english, japanese in _PATTERNS:
        match = english.fullmatch(message)
        if match:
            values = {name: _term(value or "") for name, value in match.groupdict().items()}
            return japanese.format_map(values) + expected
    return None


def _term(value: str) -> str:
    """A value as it is, or, where it is one of the checker's words (a kind, a type), its Japanese."""
    if value in PROBLEM_TERMS_JA:
        return PROBLEM_TERMS_JA[value]
    for english, japanese in PROBLEM_PHRASES_JA:
        value = value.replace(english, japanese)
    parts = value.split(" or ")
    if len(parts) > 1 and all(part in PROBLEM_TERMS_JA for part in parts):
        return ui("preview_or", "ja").join(PROBLEM_TERMS_JA[part] for part in parts)
    return value


def language_of(relative: str) -> str:
    """The language of a built file from where it lies: English under en/, Japanese elsewhere."""
    return "en" if relative.startswith(urls.LANG_PREFIX["en"]) else "ja"


def show(site_dir: Path, problems: Sequence[Problem] | str) -> int:
    """Replace every HTML page under site_dir with the error page in its language. Returns how many."""
    pages = {lang: page(problems, lang) for lang in ("ja", "en")}
    count = 0
    for path in site_dir.rglob("*.html"):
        path.write_text(pages[language_of(path.relative_to(site_dir).as_posix())], "utf-8")
        count += 1
    return count
