"""The site's own words (labels, headings, notes, the budget page's explanations, the chart's and
the theme's words): not from the source, so not in data/. Every key has both languages."""

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
    "accessibility": {"ja": "ウェブアクセシビリティ方針", "en": "Accessibility statement"},
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
    "advances": {"ja": "関連する施策", "en": "Related measure"},
    "progress_of_measure": {"ja": "これまでの進捗", "en": "Progress so far"},
    "figures_of_measure": {"ja": "予算", "en": "Budget"},
    "pillar_progress": {
        "ja": "この柱の進捗状況（第６期基本計画）",
        "en": "Progress under this pillar (6th Basic Plan)",
    },
    "pillar_figures": {"ja": "この柱の予算", "en": "Budget figures of this pillar"},
    "program": {"ja": "事業", "en": "Program"},
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
    "status": {"ja": "区分", "en": "Status"},
    "status_official": {"ja": "公式", "en": "official"},
    "status_established": {"ja": "定着した用法", "en": "established"},
    "status_site": {"ja": "当サイトによる翻訳", "en": "the site's own"},
    "name_source": {"ja": "出典（確認日）", "en": "Source (date checked)"},
    "note": {"ja": "備考", "en": "Note"},
    "checked": {"ja": "確認", "en": "checked"},
    "name_ja": {"ja": "日本語の名称", "en": "Japanese name"},
    "name_en": {"ja": "英語の名称", "en": "English name"},
    "year": {"ja": "年", "en": "Year"},
    "print_note": {"ja": "この要約はA4用紙1枚に印刷できます。", "en": "This summary prints on one A4 sheet."},
    "online_at": {"ja": "オンライン版", "en": "Online at"},
    # Punctuation differs between the languages: （補正予算、2022年度） / (Supplementary budget, FY2022).
    "paren_open": {"ja": "（", "en": " ("},
    "paren_close": {"ja": "）", "en": ")"},
    "list_sep": {"ja": "、", "en": ", "},
    "item_sep": {"ja": "、", "en": "; "},
    # The mark on the site's own words (see provenance.py), its tooltip and the glossary's tooltips.
    "own_mark": {"ja": "※", "en": "†"},
    "own_title": {"ja": "当サイトによる補足（原文にはない語句）", "en": "Added by this site (not in the overview)"},
    "own_words": {"ja": "当サイトによる補足", "en": "added by this site"},
    "own_more": {"ja": "補足について", "en": "About the additions"},
    "own_glossary": {"ja": "（当サイトの用語集より）", "en": " (from this site's glossary)"},
    "own_page": {
        "ja": "このページの内容はすべて当サイトによるもので、原文にはありません。",
        "en": "Everything on this page is this site's own, not from the overview.",
    },
    "own_legend": {
        "ja": "※の付いた語句は当サイトによる補足で、原文にはありません。",
        "en": "Words marked † are this site's own additions, not the overview's.",
    },
    "label_sep": {"ja": "：", "en": ": "},
    # Budget types (figures.yaml's budget_type).
    "budget_type_initial": {"ja": "当初予算", "en": "Initial budget"},
    "budget_type_supplementary": {"ja": "補正予算", "en": "Supplementary budget"},
    "budget_type_fund": {"ja": "ファンド", "en": "Fund"},
    # The budget page.
    "budget_intro": {
        "ja": "スライド3に記された予算額の一覧です。対象年度も予算の種類も異なるため、合計はしていません。",
        "en": "The budget figures given on slide 3. They cover different fiscal years and budget types, "
        "so this page does not add them up.",
    },
    "chart_caption": {
        "ja": "予算額（スライド3）。大学ファンドは桁が大きいため、別の目盛りで示しています。数値は下の表のとおりです。",
        "en": "Budget figures (slide 3). The University Fund is far larger and is drawn on its own scale. "
        "The table below gives every value.",
    },
    # The budget chart (charts.py): its title and description (for screen readers), its panels' scales, its key.
    "chart_title": {"ja": "予算額の比較（2つの目盛り）", "en": "Budget figures compared (two scales)"},
    "chart_desc": {
        "ja": "横棒グラフ。上の図は{n}件の予算額を0から{top}の目盛りで示す。"
        "下の図は大学ファンド（{fund}）を別の目盛り（0から{fundtop}）で示す。"
        "大学ファンドは上の図の最大額の{ratio}倍を超える。数値は下の表のとおり。",
        "en": "Horizontal bar chart. The upper panel shows {n} budget figures on a scale from 0 to {top}. "
        "The lower panel shows the University Fund ({fund}) on a separate scale from 0 to {fundtop}; it is "
        "more than {ratio} times the largest figure above. The table below gives every value.",
    },
    "chart_scale": {"ja": "目盛り：0～{top}", "en": "Scale: 0 to {top}"},
    "chart_fund_scale": {
        "ja": "別の目盛り：0～{top}（上の図の{ratio}倍超）",
        "en": "Separate scale: 0 to {top} (over {ratio}× the panel above)",
    },
    "chart_key": {"ja": "凡例：", "en": "Key:"},
    "figures_table": {"ja": "予算額の一覧", "en": "All budget figures"},
    "note_heading": {"ja": "当初予算と補正予算", "en": "Initial and supplementary budgets"},
    "budget_note": {
        "ja": "当初予算は、年度の始まる前に国会で成立する1年間の予算です。"
        "補正予算は、年度の途中で当初予算を補うために編成される予算です。"
        "大学ファンドは年度ごとの予算ではなく、運用益で大学を支援する基金（ファンド）で、「10兆円規模」は概数です。"
        "年度（FY）は4月から翌年3月までです。"
        "金額の英語表記は、1億円 = 1億（100 million）円、1兆円 = 1 trillion円として換算しています。",
        "en": "An initial budget (当初予算) is the annual budget passed by the Diet before the fiscal year begins. "
        "A supplementary budget (補正予算) is added during the fiscal year to supplement it. The University "
        "Fund is not an annual budget but a fund whose investment returns support universities; its "
        '"about ¥10 trillion" (10兆円規模) is approximate. A fiscal year (FY) runs from April to March. '
        "English amounts use 1億円 = ¥100 million and 1兆円 = ¥1 trillion.",
    },
    # The open data page.
    "data_intro": {
        "ja": "このサイトのデータは、次のファイルとして自由に再利用できます。"
        "CSVはBOM付きUTF-8で、Excelでそのまま開けます。",
        "en": "The site's data is published for reuse in the files below. The CSV files are UTF-8 with a "
        "byte-order mark, so that Excel opens the Japanese correctly.",
    },
    "files": {"ja": "ファイル", "en": "Files"},
    "fields": {"ja": "項目", "en": "Fields"},
    "column": {"ja": "列", "en": "Column"},
    "meaning": {"ja": "内容", "en": "Meaning"},
    # A permalink page (/m/<id>/), for a browser that does not follow its redirect.
    "item_is_on": {"ja": "この項目（{ident}）は次のページにあります:", "en": "This item ({ident}) is on this page:"},
    # What a copy-link control says once it has copied (docs/assets/extra.js reads it from the control).
    "copied": {"ja": "コピーしました", "en": "Copied"},
    # The preview's page for data with problems (preview_errors.py; ./scripts/serve only).
    "preview_title": {"ja": "データに問題があります", "en": "The data has problems"},
    "preview_intro": {
        "ja": "data/ フォルダーのファイルに次の問題があるため、このページは作成されませんでした。"
        "各行に、ファイル名・行・列・項目と、直し方が書かれています（./scripts/build --check と同じ内容です）。",
        "en": "This page was not built, because the files in the data/ folder have the problems below. "
        "Each line names the file, the line, the column and the field, and says how to fix it "
        "(the same words as ./scripts/build --check).",
    },
    "preview_after": {
        "ja": "ファイルを直して保存すると、数秒でこのページは自動的に元に戻ります。",
        "en": "Fix the files and save them: within a few seconds this page comes back by itself.",
    },
    "preview_note": {
        "ja": "プレビュー（./scripts/serve）にだけ表示されるページです。",
        "en": "This page is shown only in the preview (./scripts/serve).",
    },
    # The theme's (theme/main.html): the plugin puts THEME_WORDS in MkDocs' config.extra.words.
    "print_version": {"ja": "{date} 版", "en": "Version of {date}"},
}

THEME_WORDS = ("print_version",)


def ui(key: str, lang: str, **values: object) -> str:
    """A label of the site's own in one language; every key has both languages."""
    return UI[key][lang].format(**values)


def label(key: str, lang: str, **values: object) -> str:
    """A label followed by the language's separator: 日付： / Dates: ."""
    return ui(key, lang, **values) + UI["label_sep"][lang]


def theme_words() -> dict[str, dict[str, str]]:
    return {key: UI[key] for key in THEME_WORDS}
