"""While `./scripts/serve` runs: when the data has problems, every page of the preview shows them.

MkDocs' own way is to keep the last good site and leave the browser's request hanging, with the
problems only in the terminal. Instead the plugin lets the build finish with the last good pages and
then replaces each HTML page of the preview (never of `./scripts/build`'s site/) with a page in the
page's language that lists every problem in the words of `./scripts/build --check`. The preview
(preview.py) serves this page in place of every page while the data has problems, and adds its
reload script to it, so once the data is fixed the next build brings the real page back by itself.
"""

from __future__ import annotations

from pathlib import Path

from strategy_site.rendering.escape import html_text
from strategy_site.rendering.ui import ui
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
.summary { font-weight: 600; }
.note { color: #4d4d4d; font-size: .9rem; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #1e2129; } h1 { color: #ff9e9e; }
  code { background: #2b2f3a; border-left-color: #ff9e9e; } .note { color: #c2c2c2; }
}
"""


def page(report: str, lang: str) -> str:
    """The error page in one language. `report` is the text `./scripts/build --check` prints: one
    line per problem, then the line that counts them."""
    lines = [line for line in report.splitlines() if line.strip()]
    problems, summary = lines[:-1], lines[-1:] or [""]
    items = "\n".join(f"<li><code>{html_text(line)}</code></li>" for line in problems)
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
<ol lang="en">
{items}
</ol>
<p class="summary" lang="en">{html_text(summary[0])}</p>
<p>{html_text(ui("preview_after", lang))}</p>
<p class="note">{html_text(ui("preview_note", lang))}</p>
</main>
</body>
</html>
"""


def language_of(relative: str) -> str:
    """The language of a built file from where it lies: English under en/, Japanese elsewhere."""
    return "en" if relative.startswith(urls.LANG_PREFIX["en"]) else "ja"


def show(site_dir: Path, report: str) -> int:
    """Replace every HTML page under site_dir with the error page in its language. Returns how many."""
    pages = {lang: page(report, lang) for lang in ("ja", "en")}
    count = 0
    for path in site_dir.rglob("*.html"):
        path.write_text(pages[language_of(path.relative_to(site_dir).as_posix())], "utf-8")
        count += 1
    return count
