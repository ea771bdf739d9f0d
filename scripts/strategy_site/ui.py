"""The site's own words (labels, headings, notes): not from the source, so not in data/."""

from __future__ import annotations

UI = {
    "site_name": {"ja": "統合イノベーション戦略2025", "en": "Integrated Innovation Strategy 2025"},
    "home": {"ja": "概要", "en": "At a glance"},
    "measures": {"ja": "施策一覧", "en": "All measures"},
    "progress": {"ja": "進捗状況", "en": "Progress"},
    "budget": {"ja": "予算", "en": "Budget"},
    "history": {"ja": "戦略の変遷", "en": "History"},
    "glossary": {"ja": "用語集", "en": "Glossary"},
    "summary": {"ja": "1枚の要約", "en": "One-page summary"},
    "about": {"ja": "このサイトについて", "en": "About this site"},
    "data": {"ja": "オープンデータ", "en": "Open data"},
    "pillars": {"ja": "3つの柱", "en": "The three pillars"},
    "pillar_n": {"ja": "柱{n}", "en": "Pillar {n}"},
    "aim": {"ja": "戦略の位置付け", "en": "The strategy's aim"},
    "id": {"ja": "ID", "en": "ID"},
    "pillar": {"ja": "柱", "en": "Pillar"},
    "group": {"ja": "施策群", "en": "Measure group"},
    "measure": {"ja": "施策", "en": "Measure"},
    "measure_groups": {"ja": "施策群と施策", "en": "Measure groups and measures"},
    "text": {"ja": "内容", "en": "Text"},
    "link": {"ja": "リンク", "en": "Link"},
    "open": {"ja": "詳細", "en": "Details"},
    "copy_link": {"ja": "この項目へのリンクをコピー", "en": "Copy the link to this item"},
    "permalink": {"ja": "固定リンク", "en": "Permalink"},
    "advances": {"ja": "関連する施策", "en": "Advances"},
    "progress_of_measure": {"ja": "これまでの進捗", "en": "Progress so far"},
    "figures_of_measure": {"ja": "予算", "en": "Budget"},
    "pillar_progress": {"ja": "この柱の進捗状況（第６期基本計画）", "en": "Progress under this pillar (6th Basic Plan)"},
    "pillar_figures": {"ja": "この柱の予算", "en": "Budget figures of this pillar"},
    "program": {"ja": "事業", "en": "Programme"},
    "amount_published": {"ja": "金額（公表値）", "en": "Amount as published"},
    "amount_en": {"ja": "金額（英語表記）", "en": "Amount in English form"},
    "approximate": {"ja": "概数", "en": "Approximate"},
    "yes": {"ja": "はい（規模）", "en": "Yes (規模, 'about')"},
    "no": {"ja": "いいえ", "en": "No"},
    "budget_type": {"ja": "予算の種類", "en": "Budget type"},
    "fiscal_years": {"ja": "年度", "en": "Fiscal years"},
    "source_slide": {"ja": "出典", "en": "Source"},
    "as_published": {"ja": "原文の表記", "en": "Source wording, translated"},
    "dates": {"ja": "日付", "en": "Dates"},
    "counts": {"ja": "件数", "en": "Counts"},
    "official": {"ja": "公式英語名", "en": "official English name"},
    "site_translation": {"ja": "当サイトによる翻訳", "en": "this site's translation"},
    "abbr": {"ja": "略称", "en": "Abbreviation"},
    "name_ja": {"ja": "日本語の名称", "en": "Japanese name"},
    "name_en": {"ja": "英語の名称", "en": "English name"},
    "year": {"ja": "年", "en": "Year"},
    "print_note": {"ja": "この要約はA4用紙1枚に印刷できます。", "en": "This summary prints on one A4 sheet."},
    "online_at": {"ja": "オンライン版", "en": "Online at"},
    # Punctuation differs between the languages: （補正予算、2022年度） / (Supplementary budget, FY2022).
    "paren_open": {"ja": "（", "en": " ("},
    "paren_close": {"ja": "）", "en": ")"},
    "list_sep": {"ja": "、", "en": ", "},
    "label_sep": {"ja": "：", "en": ": "},
}


def ui(key: str, lang: str, **values: object) -> str:
    """A label of the site's own in one language; every key has both languages."""
    return UI[key][lang].format(**values)
