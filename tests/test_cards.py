"""Wide tables as cards on a phone (publishing/cards.py): each body cell of a table of three columns
or more carries its column's heading as a label; narrower tables are left as they are. The browser
side (the cards fit a 390 px screen) is in test_browser_phone.py."""

from __future__ import annotations

from strategy_site.publishing.cards import label_cells

THREE = """<table>
<thead>
<tr>
<th>ID</th>
<th style="text-align: right;">Amount &amp; &quot;sum&quot;</th>
<th>Measure<sup class="own-mark" title="t">†<span class="own-mark__words"> (added by this site)</span></sup></th>
</tr>
</thead>
<tbody>
<tr>
<td>a</td>
<td style="text-align: right;">&lt;td x&gt; 1</td>
<td><a href="#a">A</a></td>
</tr>
<tr>
<td>b</td>
<td>2</td>
<td></td>
</tr>
</tbody>
</table>"""

TWO = (
    "<table>\n<thead>\n<tr>\n<th>Term</th>\n<th>Meaning</th>\n</tr>\n</thead>\n"
    "<tbody>\n<tr>\n<td>x</td>\n<td>y</td>\n</tr>\n</tbody>\n</table>"
)


def test_a_table_of_three_columns_gets_a_label_on_every_cell():
    out = label_cells("<p>before</p>\n" + THREE + "\n<p>after</p>")
    assert out.startswith("<p>before</p>\n<table data-cards>\n<thead>") and out.endswith("</table>\n<p>after</p>")
    assert out.count('<td data-label="ID">') == 2
    # The heading's text, escaped for the attribute; the own-mark kept, its screen-reader words not.
    assert out.count('<td data-label="Amount &amp; &quot;sum&quot;" style="text-align: right;">') == 1
    assert out.count('<td data-label="Amount &amp; &quot;sum&quot;">') == 1
    assert out.count('<td data-label="Measure†">') == 2
    # A cell's text that reads like a tag is text (escaped), not a cell; the headings are not labelled.
    assert "&lt;td x&gt; 1" in out and "<th data-label" not in out
    assert out.count("data-label=") == 6


def test_a_narrow_table_is_left_as_it_is():
    page = "<p>x</p>\n" + TWO
    assert label_cells(page) == page
    assert label_cells(TWO + "\n" + THREE).startswith(TWO + "\n<table data-cards>")
