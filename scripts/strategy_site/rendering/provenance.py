"""Provenance: which texts are the source's and which are the site's own.

The Japanese pages quote the overview verbatim; everything the site adds to it (the phrases attached
to dates and counts, the glossary's expansions, the links from progress items and figures to measures,
the note on budgets, the 2025 card of the history page, the topics and which items belong to
each) is marked as the site's own: on the pages with
a small mark (see _macros.j2, own), in strategy.json under "provenance" and in the CSVs' column
'site_own_columns'. /about/#site-additions explains the mark.
"""

from __future__ import annotations

from strategy_site.structure.model import Text

# Which items belong to which topic (each item's 'topics'): the site's classification, wherever it stands.
ITEM_TOPICS = Text(
    "各項目のトピック（どの項目がどのトピックに属するかは当サイトによる分類）",
    "each item's topics (which items belong to which topic is this site's classification)",
)
TOPIC_FIELDS = (
    "strategy.aim.topics",
    "strategy.boxes[].items[].topics",
    "strategy.boxes[].groups[].items[].topics",
    "strategy.about.statements[].topics",
    "pillars[].groups[].measures[].topics",
    "progress.statements[].topics",
    "progress.sections[].items[].topics",
    "figures.figures[].topics",
    "history.years[].topics",
)

# Fields of data/ whose texts (or links) are the site's own, as paths into strategy.json (the items'
# topics once here, for /about/; strategy.json names every field in TOPIC_FIELDS).
SITE_OWN_FIELDS = (
    (
        "progress.sections[].items[].dates[].event",
        Text(
            "日付に添えた出来事の語句のうち、項目の本文にないもの（例：研究開発ビジョン（第一次）策定）",
            "the event phrases attached to dates, where the item's text has other words "
            "(for example, formulation of the first R&D Vision)",
        ),
    ),
    (
        "progress.sections[].items[].counts[].counter",
        Text(
            "件数に添えた語句のうち、項目の本文にないもの",
            "the phrases attached to counts, where the item's text has other words",
        ),
    ),
    (
        "progress.sections[].items[].advances",
        Text(
            "進捗項目と関連する施策との結び付け（当サイトの判断）",
            "the links from progress items to their related measures (an editorial judgement)",
        ),
    ),
    (
        "figures.figures[].measure",
        Text(
            "予算額と関連する施策との結び付け（当サイトの判断）",
            "the links from budget figures to their related measures (an editorial judgement)",
        ),
    ),
    (
        "figures.figures[].budget_type_is_site_reading",
        Text(
            "予算の種類の分類のうち原文が明記していないもの（例：ムーンショット型研究開発制度の計4,114億円を"
            "すべて補正予算とする分類。原文では期間が補正予算に始まり補正予算に終わる）",
            "budget types the overview does not state for the whole amount (for example, classing all of "
            "the Moonshot program's ¥411.4 billion as supplementary budgets: the overview's span starts and "
            "ends with supplementary budgets)",
        ),
    ),
    (
        "glossary.terms[].name",
        Text(
            "用語集の略称の展開（正式名称）のうち、原文にない語句",
            "the glossary's expansions of abbreviations that the overview does not have",
        ),
    ),
    (
        "topics.topics[]",
        Text(
            "トピックの登録簿（トピックの日本語名と英語名）",
            "the registry of topics (each topic's Japanese and English name)",
        ),
    ),
    ("pillars[].groups[].measures[].topics", ITEM_TOPICS),
    (
        "names.names[]",
        Text("名称の登録簿（英語名とその出典）", "the registry of names (English names and their sources)"),
    ),
)

# Texts of the site's own that are not in data/ (they are in the templates and render.py).
SITE_OWN_PAGES = (
    Text("予算のページの「当初予算と補正予算」の説明", "the budget page's note on initial and supplementary budgets"),
    Text(
        "戦略の変遷のページの「統合イノベーション戦略2025」の欄（スライド2にはない）",
        "the Integrated Innovation Strategy 2025 card on the history page (slide 2 has none)",
    ),
)

# The CSVs: which columns of each row hold the site's own words or judgements.
SITE_OWN_COLUMNS = {
    "measures.csv": ("topics",),
    "figures.csv": ("measure_id", "topics"),
    "progress.csv": ("measure_ids", "topics"),
}
# figures.csv: the column added for a row whose budget type is the site's reading.
SITE_READ_COLUMN = "budget_type"


def as_json(source_title: Text) -> dict:
    """The 'provenance' entry of strategy.json."""
    return {
        "source": {
            "ja": source_title.ja,
            "en": source_title.en,
            "publisher": {
                "ja": "内閣府（総合科学技術・イノベーション会議）",
                "en": "Cabinet Office (Council for Science, Technology and Innovation)",
            },
        },
        "rule": {
            "ja": "日本語の文はすべて原文をそのまま引用しています（改行のみ結合）。"
            "次の項目は当サイトによるもので、原文にはありません。",
            "en": "Every Japanese text quotes the source verbatim (line breaks joined) and every English "
            "text translates it, except the fields below, which are the site's own.",
        },
        "site_own": [{"field": field, **text.as_dict()} for field, text in SITE_OWN_FIELDS]
        + [{"field": field, **ITEM_TOPICS.as_dict()} for field in TOPIC_FIELDS if field not in dict(SITE_OWN_FIELDS)],
        "site_own_outside_data": [text.as_dict() for text in SITE_OWN_PAGES],
    }
