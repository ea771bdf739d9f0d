"""Wide tables as cards on a phone (publishing/cards.py): each table of three columns or more is
numbered, and the page's head names each of its columns' headings for its cells; narrower tables
are left as they are. The browser side (the cards fit a 390 px screen, under the page's policy) is
in test_browser_phone.py."""

from __future__ import annotations

from strategy_site.publishing.cards import label_cells
from strategy_site.rendering import csp

THREE = """<table>
<thead>
<tr>
<th>ID</th>
<th style="text-align: right;">Amount &amp; &quot;sum&quot; &lt;/style&gt; \\</th>
<th>Measure<sup class="own-mark" title="t">†<span class="own-mark__words"> (added by this site)</span></sup></th>
</tr>
</thead>
<tbody>
<tr>
<td>a</td>
<td style="text-align: right;">&lt;td x&gt; 1</td>
<td><a href="#a">A</a></td>
</tr>
</tbody>
</table>"""

TWO = (
    "<table>\n<thead>\n<tr>\n<th>Term</th>\n<th>Meaning</th>\n</tr>\n</thead>\n"
    "<tbody>\n<tr>\n<td>x</td>\n<td>y</td>\n</tr>\n</tbody>\n</table>"
)


def page(body: str) -> str:
    return f"<html><head><meta charset='utf-8'><title>t</title></head><body>{body}</body></html>"


def test_a_table_of_three_columns_is_numbered_and_its_headings_named():
    out = label_cells(page(f"<p>before</p>\n{TWO}\n{THREE}\n{THREE}\n<p>after</p>"))
    first, second = (THREE.replace("<table>", f'<table data-cards="{n}">') for n in (1, 2))
    assert f"<body><p>before</p>\n{TWO}\n{first}\n{second}\n<p>after</p></body>" in out
    style = out[out.index("<style>") + 7 : out.index("</style>")]
    rules = style.split("}")
    assert rules[:3] == [
        'table[data-cards="1"] td:nth-child(1){--label:"ID"',
        # The heading's text as a CSS string: no tag, no '<' that could end the sheet, quotes and
        # backslashes escaped; an own-mark kept, its screen-reader words not.
        'table[data-cards="1"] td:nth-child(2){--label:"Amount & \\22 sum\\22  \\3c /style> \\5c "',
        'table[data-cards="1"] td:nth-child(3){--label:"Measure†"',
    ]
    assert rules[3].startswith('table[data-cards="2"] td:nth-child(1)') and len(rules) == 7
    assert out.index("</style>") < out.index("</head>")
    # The page's policy allows the sheet, by its hash.
    assert csp.source_hash(style) in csp.page_policy(out)


def test_a_page_without_a_wide_table_is_left_as_it_is():
    for body in ("<p>x</p>", TWO, "<table>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>"):
        assert label_cells(page(body)) == page(body)
