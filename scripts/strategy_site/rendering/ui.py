"""The site's own words (labels, headings, notes, the budget page's explanations, the chart's and
the theme's words): not from the source, so not in data/. Every key has both languages."""

from __future__ import annotations

UI = {
    "site_name": {"ja": "統合イノベーション戦略2025", "en": "Integrated Innovation Strategy 2025"},
    "home": {"ja": "概要", "en": "At a glance"},
    "measures": {"ja": "施策一覧", "en": "All measures"},
    "progress": {"ja": "進捗状況", "en": "Progress"},
    "budget": {"ja": "予算", "en": "Budget"},
    # The pages that list everything, when the data holds more than a page can carry (pages.LISTED_IN_FULL).
    "progress_index_note": {
        "ja": "進捗状況の項目は{n}件あり、1ページには収まらないため、各柱のページに掲載しています。"
        "下の各節から、その柱のページの該当箇所に移動できます。",
        "en": "There are {n} progress items, more than one page can carry, so each stands on its pillar's "
        "page. Each section below leads to its place there.",
    },
    "summary_index_note": {
        "ja": "施策は{n}件あり、1枚には収まらないため、各グループの件数を示しています。"
        "施策の本文は各柱のページにあります。",
        "en": "There are {n} measures, more than one sheet can carry, so each group shows how many it has. "
        "The measures themselves are on the pillar pages.",
    },
    "budget_index_note": {
        "ja": "予算額は{n}件あり、対訳の1ページには収まらないため、各柱のページの施策の下に示しています。",
        "en": "There are {n} budget figures, more than one side-by-side page can carry, so each stands under "
        "its measure on its pillar's page.",
    },
    "n_items": {"ja": "{n}件", "en": "{n} items"},
    "n_measures": {"ja": "施策{n}件", "en": "{n} measures"},
    "n_figures": {
        "ja": "{n}件の予算額は予算のページにあります。",
        "en": "The {n} budget figures are on the budget page.",
    },
    # The overview by its publisher and title, as a source line.
    "source_of": {"ja": "内閣府「{title}」", "en": "Cabinet Office, {title}"},
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
    "figures_of_measure": {"ja": "関連する予算", "en": "Related budget figures"},
    "pillar_progress": {
        "ja": "この柱の進捗状況（第６期基本計画）",
        "en": "Progress under this pillar (6th Basic Plan)",
    },
    "pillar_figures": {"ja": "この柱の予算", "en": "Budget figures of this pillar"},
    "program": {"ja": "事業", "en": "Program"},
    "amount_published": {"ja": "金額", "en": "Amount as published (Japanese)"},
    "amount_en": {"ja": "金額（英語表記）", "en": "Amount in English form"},
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
    # The parallel view (対訳, pages.PageType.parallel): its link on each page it mirrors, and back.
    "read_parallel": {"ja": "日英対訳で読む", "en": "Read side by side with the Japanese"},
    "parallel_title": {"ja": "対訳：{title}", "en": "Side by side: {title}"},
    "parallel_note": {
        "ja": "このページは、日本語と英語を項目ごとに並べたものです（各項目の日本語が先、英語が後）。",
        "en": "This page sets the Japanese and the English side by side, item by item, the Japanese first.",
    },
    "read_ja_only": {"ja": "日本語のみで読む", "en": "Japanese only"},
    "read_en_only": {"ja": "英語のみで読む", "en": "English only"},
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
    "own_reading": {"ja": "（当サイトによる分類）", "en": " (this site's classification)"},
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
    # The budget chart (charts.py): its title, caption and description (for screen readers), its panels'
    # scales and its key. charts.py puts them together from the figures, so that each says only what
    # is true of the figures drawn: a sentence on a panel only if the panel is drawn, a ratio only if
    # it means something, a fund by its own name.
    "chart_title": {"ja": "予算額", "en": "Budget figures"},
    "chart_title_two": {"ja": "予算額（2つの目盛り）", "en": "Budget figures (two scales)"},
    "chart_caption": {
        "ja": "予算額（スライド3）。{funds}",
        "en": "Budget figures (slide 3). {funds}",
    },
    "chart_caption_funds": {"ja": "{names}は別の目盛りで示しています。", "en": "Drawn on a separate scale: {names}. "},
    "chart_caption_end": {"ja": "数値は下の表のとおりです。", "en": "The table below gives every value."},
    "chart_desc": {"ja": "横棒グラフ。", "en": "Horizontal bar chart. "},
    "chart_desc_two": {
        "ja": "横棒グラフ（2つの図、それぞれ別の目盛り）。",
        "en": "Horizontal bar chart in two panels, each on its own scale. ",
    },
    "chart_desc_others": {
        "ja": "{n}件の予算額を0から{top}の目盛りで示す。",
        "en": "It shows {n} on a scale from 0 to {top}. ",
    },
    "chart_desc_upper": {
        "ja": "上の図は{n}件の予算額を0から{top}の目盛りで示す。",
        "en": "The upper panel shows {n} on a scale from 0 to {top}. ",
    },
    "chart_desc_funds": {
        "ja": "{funds}を0から{top}の目盛りで示す。",
        "en": "On a scale from 0 to {top}, it shows {funds}. ",
    },
    "chart_desc_lower": {
        "ja": "下の図は{funds}を別の目盛り（0から{top}）で示す。",
        "en": "The lower panel, on a separate scale from 0 to {top}, shows {funds}. ",
    },
    "chart_desc_spans": {
        "ja": "各棒は、名称の後に示した年度にわたる額で、期間はそれぞれ異なるため、"
        "棒の長さは年間の予算額を比べるものではない。",
        "en": "Each bar is a total over the fiscal years given with its name; the spans differ, so the "
        "lengths do not compare yearly budgets. ",
    },
    "chart_caption_spans": {
        "ja": "各額は名称の後の年度にわたる額で、期間が異なるため年間の予算額の比較にはなりません。",
        "en": "Each amount is a total over the years given with its name; the spans differ, so the bars "
        "do not compare yearly budgets. ",
    },
    "chart_span": {"ja": "{years}の計", "en": "{years} total"},
    "chart_desc_end": {"ja": "数値は下の表のとおり。", "en": "The table below gives every value."},
    "chart_n_figures": {"ja": "{n}", "en": "{n} budget figures"},
    "chart_n_figure": {"ja": "{n}", "en": "{n} budget figure"},
    "chart_n_funds": {"ja": "{names}", "en": "{n} funds: {names}"},
    "chart_n_fund": {"ja": "{names}", "en": "a fund: {names}"},
    # How many times one scale is another: exactly, or more than.
    "chart_times": {"ja": "{n}倍", "en": "{n} times"},
    "chart_times_more": {"ja": "{n}倍超", "en": "more than {n} times"},
    "chart_scale": {"ja": "目盛り：0～{top}", "en": "Scale: 0 to {top}"},
    "chart_fund_scale": {"ja": "別の目盛り：0～{top}", "en": "Separate scale: 0 to {top}"},
    "chart_fund_scale_times": {
        "ja": "別の目盛り：0～{top}（上の図の目盛りの{times}）",
        "en": "Separate scale: 0 to {top} ({times} the scale above)",
    },
    "chart_key": {"ja": "凡例：", "en": "Key:"},
    "figures_table": {"ja": "予算額の一覧", "en": "All budget figures"},
    "note_heading": {"ja": "当初予算と補正予算", "en": "Initial and supplementary budgets"},
    "budget_note": {
        "ja": "当初予算は、年度の始まる前に国会で成立する1年間の予算です。"
        "補正予算は、年度の途中で当初予算を補うために編成される予算です。"
        "大学ファンドは年度ごとの予算ではなく、運用益で大学を支援する基金（ファンド）で、「10兆円規模」は概数です。"
        "年度（FY）は4月から翌年3月までです。"
        "金額の英語表記は、1億円 = ¥100 million、1兆円 = ¥1 trillionとして換算しています。",
        "en": "An initial budget (当初予算) is the annual budget passed by the Diet before the fiscal year begins. "
        "A supplementary budget (補正予算) is added during the fiscal year to supplement it. The University "
        "Fund is not an annual budget but a fund whose investment returns support universities; its "
        '"about ¥10 trillion" (10兆円規模) is approximate. A fiscal year (FY) runs from April to March. '
        "English amounts use 1億円 = ¥100 million and 1兆円 = ¥1 trillion.",
    },
    # The open data page.
    "data_intro": {
        "ja": "このサイトのデータは、次のファイルとして自由に再利用できます。"
        "CSVはBOM付きUTF-8で、Excelでそのまま開けます。"
        "表計算ソフトが数式として実行しないよう、CSVでは「-」「=」「+」「@」で始まるセルの先頭に"
        "アポストロフィ（'）を付けています。元の値を使うときは、この1文字を取り除いてください"
        "（JSONには付けていません）。",
        "en": "The site's data is published for reuse in the files below. The CSV files are UTF-8 with a "
        "byte-order mark, so that Excel opens the Japanese correctly. So that a spreadsheet does not run "
        "a cell as a formula, a CSV cell that starts with -, =, + or @ starts with an added apostrophe (') "
        "in the CSV files; remove that one character to get the value as it is (the JSON has none).",
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
        "各問題に、ファイル名・行・列・項目と、直し方が書かれています"
        "（./scripts/build --check は同じ問題を英語で示します）。",
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
    # The about page's headings.
    "about_source": {"ja": "出典", "en": "Source"},
    "about_translation": {"ja": "翻訳の方針", "en": "Translation policy"},
    "about_citing": {"ja": "引用の方法", "en": "How to cite"},
    "about_searching": {"ja": "検索の使い方", "en": "Searching"},
    "about_printing": {"ja": "印刷", "en": "Printing"},
    "about_additions": {"ja": "当サイトによる補足（{mark}）", "en": "The site's own additions ({mark})"},
    "about_slide_reading": {"ja": "スライド1の読み方", "en": "How the site reads slide 1"},
    "about_names": {"ja": "名称と英語名の出典", "en": "Names and their English sources"},
    "slide_n": {"ja": "スライド{n}", "en": "Slide {n}"},
    "slide_1_contents": {
        "ja": "戦略の位置付け、経済安全保障との連携強化、第６期基本計画の総仕上げ、3つの柱と施策",
        "en": "the strategy's aim, strengthening collaboration with economic security, completing the 6th Basic Plan, "
        "and the three pillars with their measures",
    },
    # The accessibility statement's headings and labels (its sentences are in data/accessibility.yaml).
    "a11y_policy": {"ja": "方針", "en": "Our aim"},
    "a11y_scope": {"ja": "対象範囲", "en": "Scope"},
    "a11y_results": {"ja": "試験結果", "en": "Test results"},
    "a11y_item": {"ja": "項目", "en": "Item"},
    "a11y_details": {"ja": "内容", "en": "Details"},
    "a11y_date": {"ja": "試験日", "en": "Date of the tests"},
    "a11y_standard": {"ja": "対象とした規格", "en": "Standard"},
    "a11y_level": {"ja": "適合レベル", "en": "level"},
    "a11y_conditions": {"ja": "試験の条件", "en": "Conditions"},
    "a11y_tool": {"ja": "試験ツール", "en": "Tool"},
    "a11y_method": {"ja": "試験の方法", "en": "Method"},
    "a11y_result": {"ja": "結果", "en": "Result"},
    "a11y_where": {"ja": "箇所", "en": "Where"},
    "a11y_decision": {"ja": "対応", "en": "Decision"},
    "a11y_decision_fixed": {"ja": "修正済み", "en": "Fixed"},
    "a11y_decision_not_a_failure": {"ja": "問題なしと判断", "en": "Not a failure"},
    "a11y_not_accessible": {"ja": "アクセシブルでない部分", "en": "What is not accessible"},
    "a11y_alternative": {"ja": "別の形式での入手", "en": "How to get the content in another form"},
    "sentence_end": {"ja": "。", "en": ". "},
    # The theme's (theme/main.html): the plugin puts THEME_WORDS in MkDocs' config.extra.words.
    "print_version": {"ja": "データ更新日 {date}", "en": "Data last updated {date}"},
    # The search dialog's (theme/partials/search.html; search-dialog.js reads the first three from it).
    "search_loading": {"ja": "検索の準備をしています…", "en": "Preparing search…"},
    "search_failed": {
        "ja": "検索を読み込めませんでした。ページを再読み込みしてください。",
        "en": "Search could not be loaded. Reload the page to try again.",
    },
    "search_other_lang": {"ja": "English", "en": "日本語"},  # beside a result in the other language
    "search_both": {"ja": "英語のページも検索する", "en": "Also search the Japanese pages"},
    "search_results": {"ja": "検索結果", "en": "Search results"},
    # The 404 page (theme/404.html), which says it in both languages: the text, a link home, the rest.
    "not_found_title": {"ja": "ページが見つかりません", "en": "Page not found"},
    "not_found_text": {
        "ja": "お探しのページは見つかりませんでした。アドレスをご確認いただくか、",
        "en": "There is no page at this address. Check the address, or start from the ",
    },
    "not_found_home": {"ja": "トップページ（概要）", "en": "home page"},
    "not_found_after": {"ja": "からお探しください。", "en": "."},
    # -- Issue 25, the text first (links that say where they go; progress shown once on a pillar page).
    # The words a screen reader hears after a short link's visible word (詳細 / 予算), naming its target.
    "open_progress_named": {"ja": "：進捗状況の一覧で「{item}」を開く", "en": ": open “{item}” in the progress list"},
    "open_budget_named": {"ja": "：予算の一覧で「{item}」を開く", "en": ": open “{item}” in the budget list"},
    # A progress item that advances several measures is shown under the first; the others point to it.
    "shown_above": {"ja": "上の施策の下に掲載", "en": "Shown under the measure above"},
    "shown_above_named": {"ja": "：「{item}」", "en": ": “{item}”"},
    # A pillar's progress section whose items are all shown under their measures.
    "section_shown_under_measures": {
        "ja": "この区分の進捗状況は、上の各施策の下に示しています。",
        "en": "The progress in this section is shown under each measure above.",
    },
}


# The site's own paragraphs, in Markdown (they carry links, code and emphasis). Only these words are
# Markdown: the values put into their {placeholders} come from the data and are escaped as text
# (render.py's prose()).
PROSE = {
    "accessibility_aim": {
        "ja": "このサイトは、日本産業規格 {standard}「高齢者・障害者等配慮設計指針―情報通信における機器，ソフトウェ"
        "ア及びサービス―第3部：ウェブコンテンツ」の適合レベル{level}に準拠することを目標としています。",
        "en": "This site aims to conform with level {level} of the Japanese Industrial Standard {standard} "
        "(Guidelines for older persons and persons with disabilities – Information and communications equipment, "
        "software and services – Part 3: Web content), which corresponds to WCAG 2.0 level {level}.",
    },
    "about_source": {
        "ja": "このサイトの内容はすべて、内閣府（総合科学技術・イノベーション会議）が公表した「{title}」（3枚のスラ"
        "イド）に基づいています。日本語の文はその原文をそのまま引用しています（改行のみ結合）。原文にある誤字もその"
        "まま残しています。",
        "en": 'Everything on this site comes from the "{title}" ({title_ja}), three slides published by the '
        "Cabinet Office (Council for Science, Technology and Innovation). The Japanese pages quote the official "
        "text verbatim, with its line breaks joined; typos in the original are kept as they stand.",
    },
    "about_translation": {
        "ja": "英語版は日本語原文の翻訳です。公式または定着した英語名がある名称（柱の名称、SIP、ムーンショット型研"
        "究開発制度など）はその英語名を用い、それ以外は当サイトによる翻訳です。名称ごとの英語名とその出典は、下の「"
        "[名称と英語名の出典](#names)」の表のとおりです。用語集では、公式英語名でないものに「当サイトによる翻訳」と"
        "記しています。英語の文が日本語と食い違う場合は、日本語原文が優先します。",
        "en": "The English pages translate the Japanese original. Where an official or established English name "
        "exists (the pillars, SIP, the Moonshot Research and Development Program and others), the site uses it; "
        "everything else is this site's own translation. Each name's English and its source are listed under "
        '"[Names and their English sources](#names)" below. The glossary marks the names that are the site\'s own '
        "translation. Where the English and the Japanese differ, the Japanese original prevails.",
    },
    "about_citing": {
        "ja": "当サイトの引用は、ISO 690（参考文献の書き方）に沿った科学技術情報流通技術基準 "
        "SIST 02「参照文献の書き方」の形式によります（英語のページでは ISO 690）。"
        "引用には、項目の文、出典（{publisher}「{title}」とスライドの番号）、当サイトの名称「{site}」、項目の固定リンク、データの日付と参照日を含めます。\n\n"
        "施策や項目には変わらないIDがあり、`/m/<ID>/` の固定リンクで参照できます。各項目の「#」ボタンでそのリンクを、"
        "「引用」ボタンでその項目の引用をコピーできます。ページ全体の引用は、各ページの末尾にあります。\n\n"
        "データは[オープンデータ]({data})のページからJSONとCSVで入手できます。",
        "en": "Citations on this site follow ISO 690 (Information and documentation: guidelines for bibliographic "
        "references and citations to information resources); the Japanese pages follow SIST 02, the Japanese "
        "standard based on it. A citation gives the item's text, the source ({publisher}, {title}, and the slide), "
        "the site's name \"{site}\", the item's permalink, the date of the data and the date viewed.\n\n"
        'Every measure and item has an id that does not change, and a short permalink `/en/m/<id>/`. The "#" '
        'button next to an item copies that link, and the "Cite" button a citation of the item. A citation of '
        "a whole page is at the foot of each page.\n\n"
        "The data is available as JSON and CSV on the [open data]({data}) page.",
    },
    "about_searching": {
        "ja": "ページ上部の検索欄をクリックするか、`/`、`s`、Ctrl+K（Macでは⌘K）を押すと検索が開きます（スマート"
        "フォンでは虫眼鏡のボタン）。検索するのは、見ているページと同じ言語のページです。「英語のページも検索する」に"
        "チェックを入れると両方の言語を検索し、この選択はタブを閉じるまで保たれます。↓と↑で結果を選び、Enterで開き、"
        "Escで閉じます。結果は、言葉が見つかった施策や項目そのものに案内します。入力した語をそのまま含む結果が先に"
        "並びます。施策や項目は、その文が略して書く制度の正式名称（用語集と名称の登録簿による）でも見つかります。例え"
        "ば「経済安全保障重要技術育成プログラム」で「K programによる研究開発支援」が見つかります。",
        "en": "Click the search box at the top of the page, or press `/`, `s`, Ctrl+K (⌘K on a Mac), to open the "
        "search (on a phone, the magnifier button). It searches the pages in the language of the page you are on; "
        'tick "Also search the Japanese pages" to search both, a choice kept until you close the tab. ↓ and ↑ move '
        "through the results, Enter opens one and Esc closes the search. A result leads to the measure or item "
        "that holds the words. Results that hold the words as typed come first. A measure or item is also found "
        "by the official name of a programme its text abbreviates (from the glossary and the registry of names): "
        '"Key and Advanced Technology R&D through Cross Community Collaboration Program" finds "Support for '
        'research and development through the K Program".',
    },
    "about_printing": {
        "ja": "どのページもブラウザーの印刷機能でA4縦に印刷できます。ナビゲーション、検索、ボタンは印刷されず、ダーク"
        "モードでも明るい配色で印刷されます。各ページの余白には、サイト名、データの日付、ページのアドレスが入ります。"
        "施策はIDと固定リンクを添えて印刷されます。[1枚にまとめた概要]({summary})は1枚に収まり、そのアドレスのQRコ"
        "ードが付きます。",
        "en": "Print any page from your browser on A4, portrait. Navigation, search and buttons are left out, and "
        "dark mode prints light. Each page carries the site's title, the data's date and its address in its "
        "margins, and each measure prints with its id and permalink. The [one-page summary]({summary}) prints on "
        "one sheet, with a QR code of its address.",
    },
    "about_additions": {
        "ja": "日本語の文は原文の引用ですが、読みやすくするため、当サイトは原文にない語句を補っています。そうした語"
        "句には {mark} を付けています（マウスを重ねるか、フォーカスすると説明が出ます）。補足は次のとおりです。",
        "en": "The Japanese texts quote the overview, but to make them easier to read the site adds some words of "
        "its own. These carry the mark {mark} (point at it or focus it for an explanation), in both languages. The "
        "additions are:",
    },
    "about_additions_more": {
        "ja": "ページ上のリンクにマウスを重ねると出る略称の説明も、当サイトの用語集によるものです。オープンデータで"
        "は、`strategy.json` の `provenance` と、CSVの `site_own_columns` 列が、どの項目が当サイトによるものかを示"
        "しています。",
        "en": "The explanations of abbreviations that appear when you point at them come from the site's glossary "
        "too. In the open data, `provenance` in `strategy.json` and the column `site_own_columns` of the CSV files "
        "say which fields are the site's own.",
    },
    "about_slide_reading": {
        "ja": "スライド1では、「経済安全保障との連携強化」の枠（3項目）と「第６期基本計画の総仕上げとしての取組の推"
        "進」の枠（2つのまとまりに各3項目）が、戦略の位置付けの文と並んで上部に置かれ、その下に3つの柱があります。"
        "原文のテキストからは枠どうしの位置関係（どの枠がどれを囲むか）までは読み取れないため、当サイトでは2つの枠"
        "を、戦略の位置付けに続く独立した2つの項目として示しています。",
        "en": 'On slide 1, the box "Strengthening collaboration with economic security" (three items) and the box on '
        "completing the 6th Basic Plan (two groups of three items) stand at the top beside the strategy's aim, "
        "above the three pillars. The text of the overview does not show how the boxes sit relative to each other "
        "(which box encloses which), so the site shows the two boxes as two separate parts that follow the aim.",
    },
    "about_names": {
        "ja": "当サイトが英語名を用いる固有の名称の一覧です。「公式」は名称を持つ機関自身が用いる英語名、「定着した"
        "用法」は他の政府機関や主要な報道機関が用いる英語名、「当サイトによる翻訳」は公式の英語名が見つからず当サイ"
        "トが訳したものです。確認日は、当サイトが出典と照合した日です。",
        "en": 'The proper names the site gives in English. "Official" is the English used by the body that owns '
        'the name; "established" is English used by another government body or a major outlet; "the site\'s '
        'own" means no official English was found and the site translated the name. The date is when the site '
        "last checked the entry against its source.",
    },
}

THEME_WORDS = (
    "print_version",
    "accessibility",  # the footer's link (theme/partials/copyright.html)
    "not_found_title",
    "not_found_text",
    "not_found_home",
    "not_found_after",
    "not_found_ways",
    "not_found_search",
    "measures",
    "home",
    "footer_unofficial",
    "footer_decided",
    "footer_official",
    "own_mark",
    "own_title",
    "own_words",
    "paren_open",
    "paren_close",
    "search_loading",
    "search_failed",
    "search_other_lang",
    "search_both",
    "search_results",
    "search_narrow",
    "search_topic",
    "search_pillar",
    "search_slide",
    "search_any",
    "search_all_editions",
)


def ui(key: str, lang: str, **values: object) -> str:
    """A label of the site's own in one language; every key has both languages."""
    return UI[key][lang].format(**values)


def label(key: str, lang: str, **values: object) -> str:
    """A label followed by the language's separator: 日付： / Dates: ."""
    return ui(key, lang, **values) + UI["label_sep"][lang]


def theme_words() -> dict[str, dict[str, str]]:
    return {key: UI[key] for key in THEME_WORDS}


# The preview's problems page in Japanese (preview_errors.py). The problems are worded in English by
# the checker (checking/, reading/load.py), as `./scripts/build --check` prints them; each kind of
# problem has a pattern here and its Japanese, with the pattern's {names} filled in from the match
# (values are shown as they are: ids, file names, numbers). A problem no pattern fits is shown in
# English on the Japanese page, marked so (tests/test_serve_errors.py checks that every problem of
# the broken-data corpus has its Japanese).
PREVIEW_WORDS = {
    "preview_summary": {
        "ja": "データに {n} 件の問題が見つかりました（./scripts/build --check でも確かめられます）。",
        "en": "{n} problem(s) found in the data (./scripts/build --check finds them too).",
    },
    "preview_file": {"ja": "ファイル", "en": "File"},
    "preview_line": {"ja": "{n}行目", "en": "line {n}"},
    "preview_column": {"ja": "{n}列目", "en": "column {n}"},
    "preview_field": {"ja": "項目", "en": "Field"},
    "preview_item": {"ja": "対象", "en": "Item"},
    "preview_folder": {"ja": "フォルダー", "en": "Folder"},
    "preview_english_only": {
        "ja": "（この問題の説明はまだ英語だけです）",
        "en": "(this problem is worded in English only)",
    },
    "preview_expected": {"ja": "求められる形: {words}。", "en": "Expected: {words}."},
    "preview_and": {"ja": "、", "en": ", "},
    "preview_or": {"ja": "か", "en": " or "},
    "preview_build_failed": {
        "ja": "サイトを作れませんでした。理由（プログラムの言葉のまま）:",
        "en": "The site could not be built. The reason, as the program says it:",
    },
}

UI.update(PREVIEW_WORDS)

# The check's note on the crosswalk between editions (checking/crosswalk.dropped_note): the previous
# edition's measures that no measure of the edition continues. Not a problem: said, not assumed.
CROSSWALK_WORDS = {
    "crosswalk_dropped": {
        "ja": "{edition}年版のどの施策も引き継いでいない{previous}年版の施策（廃止）が {n} 件あります: {ids}。",
        "en": "{n} measure(s) of the {previous} edition that no measure of the {edition} edition continues "
        "(dropped): {ids}.",
    },
    "crosswalk_none_dropped": {
        "ja": "{previous}年版の施策はすべて、{edition}年版のいずれかの施策に引き継がれています（廃止はありません）。",
        "en": "Every measure of the {previous} edition is continued by a measure of the {edition} edition (none "
        "dropped).",
    },
    "crosswalk_list_sep": {"ja": "、", "en": ", "},
}

UI.update(CROSSWALK_WORDS)

# -- Orientation and trust, the glossary, the open data page and the 404 page (issue 25, part C) --------
# What the site is and is not, the strategy's date and the official page (home page, footer, /about/):
# the facts come from data/strategy.yaml (publication) and are marked as the site's own.
ORIENTATION_WORDS = {
    "site_is": {
        "ja": "このサイトは、内閣府（総合科学技術・イノベーション会議）が公表した「{title}」を日本語と英語で読むための"
        "非公式の参照サイトです。内閣府のサイトではありません。",
        "en": "This is an unofficial bilingual reference to the {title}, published by the Cabinet Office (Council "
        "for Science, Technology and Innovation). It is not the Cabinet Office's own site.",
    },
    "site_decided": {
        "ja": "戦略は{date}に閣議決定されました。",
        "en": " The Cabinet decided the strategy on {date}.",
    },
    "site_official": {"ja": "公式の資料（内閣府）：", "en": "The official documents (Cabinet Office): "},
    "source_is": {"ja": "出典：", "en": "Source: "},
    "cite_open": {"ja": "「", "en": ', "'},
    "cite_close": {"ja": "」 ", "en": '", '},
    "footer_unofficial": {
        "ja": "非公式の参照サイト（内閣府のサイトではありません）。出典：{source}",
        "en": "An unofficial reference, not a Cabinet Office site. Source: {source}",
    },
    "footer_decided": {"ja": "（{date}閣議決定）", "en": ", decided by the Cabinet on {date}"},
    "footer_official": {"ja": "公式ページ：", "en": "Official page: "},
    "about_slides_at": {
        "ja": "スライドの原本（PDF）は内閣府の「統合イノベーション戦略」のページにあります：",
        "en": "The slides (PDF) are on the Cabinet Office's Integrated Innovation Strategy page: ",
    },
    # The original's typos, quoted as they stand, marked where they stand.
    "sic": {"ja": "〔原文ママ〕", "en": "[sic]"},
    "sic_title": {
        "ja": "原文の誤字をそのまま引用しています（当サイトによる注記）",
        "en": "A typo of the original, quoted as it stands (this site's note)",
    },
    # The glossary.
    "glossary_intro": {
        "ja": "原文が略称で記す名称や、原文に出てくる制度・事業の名称です。五十音順に並べ、それぞれ原文で使われている"
        "施策や項目へのリンクを添えています。",
        "en": "The names the overview abbreviates, and the programs and bodies it names, in alphabetical order of "
        "their English names, each with links to the measures and items of the overview that use it.",
    },
    "term": {"ja": "用語", "en": "Term"},
    "used_in": {"ja": "使われている施策・項目", "en": "Used in"},
    # The open data page.
    "data_as_of": {"ja": "データ更新日：{date}", "en": "Data last updated: {date}"},
    "licence": {"ja": "利用条件", "en": "Terms of reuse"},
    "size": {"ja": "大きさ", "en": "Size"},
    "bytes": {"ja": "{n}バイト", "en": "{n} bytes"},
    "kilobytes": {"ja": "{n} KB", "en": "{n} KB"},
    "progress_csv": {"ja": "進捗状況の項目の一覧（1行1項目）", "en": "every progress item, one per row"},
    # The 404 page, in the language its address is in (theme/404.html).
    "not_found_ways": {"ja": "次のページからお探しください：", "en": "You can start from:"},
    "not_found_search": {"ja": "サイト内を検索", "en": "Search this site"},
}

UI.update(ORIENTATION_WORDS)

# -- Citations (issue 26, Cite; rendering/cite.py builds them from these templates) ------------------
# In ISO 690's style; on the Japanese pages SIST 02, which follows it. {text}, {slide}, {address} and
# {accessed} are filled in where the citation is copied (docs/assets/extra.js); the others by cite.py.
CITE_WORDS = {
    "cite_item": {
        "ja": "「{text}」 {publisher}. {source}. スライド{slide}. {site}. {dated}{address}, (参照 {accessed}).",
        "en": '"{text}" {publisher}. {source}. Slide {slide}. In: {site}. {dated}Available from: {address} '
        "[viewed {accessed}].",
    },
    "cite_page": {
        "ja": "{site}. 「{title}」. 出典: {publisher}. {source}. {dated}{address}, (参照 {accessed}).",
        "en": '{site}. "{title}". Source: {publisher}. {source}. {dated}Available from: {address} [viewed {accessed}].',
    },
    "cite_strategy": {
        "ja": "{publisher}. {source}. {decided}閣議決定. {url}, (参照 {accessed}).",
        "en": "{publisher}. {source} [online]. Decided by the Cabinet on {decided}. Available from: {url} "
        "[viewed {accessed}].",
    },
    "cite_site": {"ja": "{site}（非公式の参照サイト）", "en": "{site} (unofficial reference site) [online]"},
    "cite_dated": {"ja": "データの日付 {date}. ", "en": "Data as of {date}. "},
    "cite_publisher": {"ja": "内閣府", "en": "Cabinet Office"},
    # What a reader fills in by hand where the script cannot (a page without JavaScript, /about/).
    "cite_gap_text": {"ja": "（項目の文）", "en": "(the item's text)"},
    "cite_gap_slide": {"ja": "（番号）", "en": "(number)"},
    "cite_gap_address": {"ja": "（アドレス）", "en": "(address)"},
    "cite_gap_id": {"ja": "（項目のID）", "en": "(item id)"},
    "cite_gap_accessed": {"ja": "YYYY-MM-DD", "en": "YYYY-MM-DD"},
    # The controls (the script makes them; the page gives their words).
    "cite": {"ja": "引用", "en": "Cite"},
    "cite_item_named": {"ja": "この項目の引用をコピー：", "en": "Cite (copy a citation of this item): "},
    "cite_page_named": {"ja": "このページの引用をコピー：", "en": "Cite (copy a citation of this page): "},
    "cite_copied": {"ja": "引用をコピーしました", "en": "Citation copied"},
    "cite_this_page": {"ja": "このページの引用", "en": "Cite this page"},
    "cite_items_how": {"ja": "項目の引用のしかた", "en": "How to cite an item"},
    "cite_items_note": {
        "ja": "ボタンが使えないときは、次の（ ）を埋めてください。項目のIDは項目の「#」リンクのアドレスの「#」の後、"
        "スライドの番号はページの上部か表にあります。",
        "en": "Where the \"Cite\" button cannot be used, fill in the brackets below: an item's id is what follows '#' "
        'in the address of its "#" link; its slide is given at the top of the page or in the table.',
    },
    # /about/#citing
    "cite_example_item": {"ja": "項目の引用の例：", "en": "An item, for example: "},
    "cite_example_page": {"ja": "ページの引用の例：", "en": "A page, for example: "},
    "cite_the_strategy": {
        "ja": "戦略そのもの（公式の資料）の引用：",
        "en": "The strategy itself (the official source): ",
    },
}

UI.update(CITE_WORDS)

PROSE.update(
    {
        "data_licence": {
            "ja": "原文の内容は、出典である内閣府ウェブサイトの利用規約（{terms}）に従って再利用できます。当サイトの"
            "理解では、この利用規約は政府標準利用規約（第2.0版）に準拠しており、クリエイティブ・コモンズ 表示 4.0 国際"
            "（CC BY 4.0）と互換性があります。出典を記載すれば、複製・翻訳・加工などを自由に行えます。編集・加工した"
            "場合はその旨を記し、国が作成したかのように示さないでください。当サイトが加えた部分（※の付いた語句、英語"
            "の文、データの構成）も、CC BY 4.0 で同じように再利用できます。",
            "en": "The overview's content may be reused under the terms of use of the Cabinet Office's website, "
            "where it is published ({terms}). As this site reads them, those terms follow the Government of Japan "
            "Standard Terms of Use (version 2.0) and are compatible with the Creative Commons Attribution 4.0 "
            "International licence (CC BY 4.0): you may copy, translate and adapt the content if you name the "
            "source. Say so when you have edited or adapted it, and do not present it as made by the government. "
            "What this site adds (the words marked †, the English texts and the structure of the data) may be "
            "reused in the same way under CC BY 4.0.",
        },
    }
)

# Words inside the problems: kinds of things, types of values, languages.
# Phrases of the checker's inside a value (a statement rule lists what each language's text says).
PROBLEM_PHRASES_JA = (
    (" and its English text says ", "、英語の文章は "),
    ("its Japanese text says ", "日本語の文章は "),
    ("its English text says ", "英語の文章は "),
)

PROBLEM_TERMS_JA = {
    "amount": "金額",
    "span": "年度の範囲",
    "redirects": "転送",
    "terms": "用語",
    "pillar": "柱",
    "measure": "施策",
    "measure or slide-1 box item": "施策またはスライド1の枠の項目",
    "progress item": "進捗項目",
    "a pillar": "柱",
    "a measure group": "施策群",
    "a glossary term": "用語集の用語",
    "text": "文章",
    "a whole number": "整数",
    "a number": "数",
    "true or false": "true か false",
    "true/false": "true か false",
    "a set of fields (name: value)": "フィールドの集まり（名前: 値）",
    "a set of fields": "フィールドの集まり",
    "a list (lines starting with '- ')": "リスト（「- 」で始まる行）",
    "a list": "リスト",
    "empty": "空",
    "English": "英語",
    "Japanese": "日本語",
    "Japanese and English": "日本語と英語",
    "folder": "フォルダー",
    "named pipe (FIFO)": "名前付きパイプ（FIFO）",
}

# (the English of a kind of problem, as a regular expression; its Japanese). Checked in order; the
# first that matches the whole problem is used. A trailing " Expected: ..." is worded separately.
PROBLEM_PATTERNS_JA: tuple[tuple[str, str], ...] = (
    # The crosswalk between editions (checking/crosswalk.py).
    (
        r"'(?P<i>[^']*)' is the id of a measure of the (?P<p>\S+) edition, which this measure does not continue\. "
        r"Keep the id only for the measure that continues it \(add '[^']*' to 'continues'\), or give this measure "
        r"an id of its own\.",
        "'{i}' は{p}年版の施策の id ですが、この施策はその施策を引き継いでいません。id を引き継げるのはその施策を"
        "引き継ぐ施策だけです（'continues' に '{i}' を加える）。そうでなければ、この施策に別の id を付けてください。",
    ),
    (
        r"the (?P<e>\S+) edition is the first, so its measures continue no measure of an edition before it\. "
        r"Remove 'continues' and 'change' from this measure\.",
        "{e}年版は最初の版なので、その施策は前の版のどの施策も引き継ぎません。この施策から 'continues' と 'change' を"
        "削除してください。",
    ),
    (
        r"'(?P<i>[^']*)' is not a measure of the (?P<p>\S+) edition \((?P<f>[^)]*)\)\. Write the id of the \S+ "
        r"measure this one continues, as it stands there\. Did you mean '(?P<n>[^']*)'\?",
        "'{i}' は{p}年版（{f}）の施策ではありません。この施策が引き継ぐ{p}年版の施策の id を、そこに書かれている"
        "とおりに書いてください。'{n}' のことですか。",
    ),
    (
        r"'(?P<i>[^']*)' is not a measure of the (?P<p>\S+) edition \((?P<f>[^)]*)\)\. Write the id of the \S+ "
        r"measure this one continues, as it stands there\.",
        "'{i}' は{p}年版（{f}）の施策ではありません。この施策が引き継ぐ{p}年版の施策の id を、そこに書かれている"
        "とおりに書いてください。",
    ),
    (
        r"says how this measure continues one of the (?P<p>\S+) edition, but names none in 'continues'\. Add "
        r"'continues: \[<id>\]' with the id of the \S+ measure it continues; or, if the measure is new, remove "
        r"'change'\.",
        "この施策が{p}年版の施策をどう引き継ぐかを書いていますが、'continues' に施策がありません。引き継ぐ{p}年版の"
        "施策の id を 'continues: [<id>]' に書くか、新しい施策なら 'change' を削除してください。",
    ),
    (
        r"names the measures of the (?P<p>\S+) edition that this one continues, but not how\. Add 'change:' with "
        r"same \(the text unchanged\), revised \(the text changed\), split \(one measure became several\) or "
        r"merged \(several became this one\): by the data, '(?P<k>[a-z]+)'\.",
        "この施策が引き継ぐ{p}年版の施策を挙げていますが、どう引き継ぐかが書かれていません。'change:' に same"
        "（文章が同じ）、revised（文章を改めた）、split（1つの施策が複数に分かれた）、merged（複数の施策が1つに"
        "なった）のどれかを書いてください。データからは '{k}' が当てはまります。",
    ),
    (
        r"says 'same', but its (?P<w>Japanese|English|Japanese and English) text differs from that of "
        r"'(?P<o>[^']*)' in the (?P<p>\S+) edition\. Write 'change: revised'; or, if the text did not change, copy "
        r"it exactly as it stands there\.",
        "'same' と書かれていますが、{w}の文章が{p}年版の '{o}' と違います。'change: revised' と書くか、文章が"
        "変わっていないなら、そこに書かれているとおりに写してください。",
    ),
    (
        r"says 'revised', but its text is that of '(?P<o>[^']*)' in the (?P<p>\S+) edition, in Japanese and in "
        r"English\. Write 'change: same', or correct the text\.",
        "'revised' と書かれていますが、文章は日本語も英語も{p}年版の '{o}' と同じです。'change: same' と書くか、"
        "文章を直してください。",
    ),
    (
        r"says '(?P<c>same|revised)', but continues (?P<n>[0-9]+) measures of the (?P<p>\S+) edition "
        r"\((?P<i>.*)\)\. A measure that continues several was merged: write 'change: merged', or keep only the "
        r"one it continues in 'continues'\.",
        "'{c}' と書かれていますが、{p}年版の施策を {n} 件引き継いでいます（{i}）。複数を引き継ぐ施策は統合された"
        "ものです。'change: merged' と書くか、'continues' には引き継ぐ1件だけを残してください。",
    ),
    (
        r"says 'merged', but continues one measure of the (?P<p>\S+) edition, '(?P<o>[^']*)'\. A merged measure "
        r"continues two or more: add the others to 'continues', or write 'change: (?P<k>[a-z]+)'\.",
        "'merged' と書かれていますが、引き継ぐ{p}年版の施策は '{o}' の1件だけです。統合された施策は2件以上を"
        "引き継ぎます。ほかの施策を 'continues' に加えるか、'change: {k}' と書いてください。",
    ),
    (
        r"'(?P<o>[^']*)' of the (?P<p>\S+) edition is continued by (?P<n>[0-9]+) measures of this edition "
        r"\((?P<i>.*)\): it was split\. Write 'change: split' here and keep only '[^']*' in 'continues'; or, if "
        r"this measure does not carry '[^']*' on, remove it from 'continues'\.",
        "{p}年版の '{o}' は、この版の {n} 件の施策に引き継がれています（{i}）。分割されたということです。ここに "
        "'change: split' と書き、'continues' には '{o}' だけを残してください。この施策が '{o}' を引き継がないなら、"
        "'continues' から削除してください。",
    ),
    (
        r"says 'split', but continues (?P<n>[0-9]+) measures of the (?P<p>\S+) edition \((?P<i>.*)\)\. Each part "
        r"of a split measure continues that one measure alone: keep only it in 'continues', or write 'change: "
        r"merged'\.",
        "'split' と書かれていますが、{p}年版の施策を {n} 件引き継いでいます（{i}）。分割された施策の各部分は、その"
        "1件だけを引き継ぎます。'continues' にはその1件だけを残すか、'change: merged' と書いてください。",
    ),
    (
        r"says 'split', but it is the only measure of this edition that continues '(?P<o>[^']*)'\. Each part of a "
        r"split measure continues it: add 'continues: \[[^\]]*\]' and 'change: split' to the other parts, or "
        r"write 'change: (?P<k>[a-z]+)'\.",
        "'split' と書かれていますが、この版で '{o}' を引き継ぐ施策はこれだけです。分割された施策の各部分がそれを"
        "引き継ぎます。ほかの部分に 'continues: [{o}]' と 'change: split' を加えるか、'change: {k}' と書いて"
        "ください。",
    ),
    (
        r"(?P<v>'[^']*') is not a real date\. Write YYYY-MM-DD with a day that month has, with a month from 01 "
        r"to 12\.",
        "{v} は実在する日付ではありません。YYYY-MM-DD の形で、月は01から12、日はその月にある日で書いてください。",
    ),
    (
        r"(?P<v>'[^']*') is not a real date\. Write YYYY-MM, with a month from 01 to 12\.",
        "{v} は実在する年月ではありません。YYYY-MM の形で、月は01から12で書いてください。",
    ),
    (
        r"(?P<v>'[^']*') has the year (?P<y>[0-9]+), which cannot be right here\. Write a year from (?P<a>[0-9]+) "
        r"to (?P<b>[0-9]+)\.",
        "{v} の年 {y} はここでは正しくありえません。{a}年から{b}年までの年を書いてください。",
    ),
    (
        r"the (?P<w>amount|span) is (?P<v>.*), but (?:its own note|the (?P<k>progress item|measure) "
        r"'(?P<i>[^']*)') \((?P<f>[^,]*), line (?P<l>[0-9]+)\) states it otherwise: (?P<s>.*)\. The site shows "
        r"both on one page: correct the (?:amount|span) or the text, so that they agree \(in Japanese and in "
        r"English\)\.",
        "{w} は {v} ですが、{k} '{i}' の文章（{f} の {l} 行目）は違う値を述べています（{s}）。サイトは両方を同じ"
        "ページに示すので、数値か文章を直して一致させてください（日本語と英語の両方）。",
    ),
    (
        r"a part of this address is (?P<n>[0-9]+) bytes long; each part between slashes may be at most "
        r"(?P<m>[0-9]+) \(it becomes a folder name\)\. Shorten it\.",
        "このアドレスには {n} バイトの部分があります。スラッシュで区切られた各部分は {m} バイトまでです（フォルダー名に"
        "なります）。短くしてください。",
    ),
    (
        r"holds (?P<n>[0-9,]+) (?P<w>redirects|terms); the site takes at most (?P<m>[0-9,]+) \(the build would "
        r"slow down out of proportion\)\. Keep the (?:redirects|terms) readers need, and remove the rest\.",
        "{w}が {n} 件あります。サイトが扱えるのは {m} 件までです（それを超えるとビルドが極端に遅くなります）。読者に"
        "必要なものを残し、ほかは削除してください。",
    ),
    (
        r"(?P<v>'[^']*') has more decimal places than the site shows \(it would publish (?P<p>[^)]*)\)\. Write at "
        r"most 4 digits after the point, as the source gives them\.",
        "{v} は、サイトが表示できるより多くの小数の桁があります（{p} と公開されてしまいます）。原文のとおり、小数点以下"
        "4桁までで書いてください。",
    ),
    (
        r"no text uses this term: neither its Japanese name nor its abbreviations nor its 'match' stand in any "
        r"Japanese text\. Remove the term, or add 'match' with the words the texts use\.",
        "この用語を使っている文章がありません（日本語の名称も略称も 'match' も、どの日本語の文にもありません）。"
        "用語を削除するか、文章で使われている語を 'match' に書いてください。",
    ),
    (
        r"(?P<v>'[^']*') stands in no Japanese text: list only the typos the texts quote, exactly as they are "
        r"written\.",
        "{v} はどの日本語の文にもありません。文章が引用している誤字だけを、書かれているとおりに挙げてください。",
    ),
    (
        r"(?P<v>'[^']*') is an ordinary word, not an acronym: the site would mark every '[^']*' in its texts as "
        r"this term\. Write the acronym as the texts write it, for example 'SIP'\.",
        "{v} はふつうの単語で、略語ではありません。サイトの文章中のすべての {v} にこの用語の印が付いてしまいます。"
        "文章に書かれているとおりの略語を書いてください（例: 'SIP'）。",
    ),
    (
        r"(?P<v>'[^']*') is read by YAML as 'no value', not as a text\. Write (?P<w>.*) here; if you mean the word, "
        r"put it in quotation marks: (?P<q>\"[^\"]*\")\.",
        "{v} は YAML では「値なし」と読まれ、文章になりません。ここには{w}を書いてください。その語のつもりなら、"
        "引用符で囲んでください: {q}。",
    ),
    (
        r"is (?P<n>[0-9,]+) characters long; a text may be at most (?P<m>[0-9,]+)\. Shorten it, or split it into "
        r"several entries\.",
        "{n} 文字あります。文章は {m} 文字までです。短くするか、いくつかの項目に分けてください。",
    ),
    (
        r"holds a control character \((?P<c>U\+[0-9A-F]+): [^)]*(?:\))?\), which cannot be seen and is not "
        r"allowed in a data file\. Delete it \(retype the text around it if your editor does not show it\)\.",
        "制御文字 {c} が含まれています。見えない文字で、データのファイルには使えません。削除してください（エディターで"
        "見えないときは、その前後を打ち直してください）。",
    ),
    (
        r"holds a [a-z ]+ character \((?P<c>U\+[0-9A-F]+)\), which some programs show as a line break and others do "
        r"not, so line numbers would not match your editor's\. Replace it with an ordinary line break, or delete "
        r"it \(retype the text around it if your editor does not show it\)\.",
        "特殊な改行文字 {c} が含まれています。プログラムによって改行として表示したりしなかったりするため、行番号が"
        "エディターと合わなくなります。ふつうの改行に置き換えるか、削除してください（エディターで見えないときは、"
        "その前後を打ち直してください）。",
    ),
    (
        r"differs from the project's own rules \(scripts/strategy_site/checking/schemas/\), which the check uses\. "
        r"The rules are not changed under data/: restore it \(git checkout data/schema/\); a change to the rules "
        r"goes to the site's developers\.",
        "確認が使うプロジェクト自身の定義（scripts/strategy_site/checking/schemas/）と違います。定義は data/ の中では"
        "変えません。元に戻してください（git checkout data/schema/）。定義の変更はサイトの開発者に依頼してください。",
    ),
    (
        r"is not one of the project's schemas\. The rules are not changed under data/: delete it, or ask the "
        r"site's developers to add a rule\.",
        "プロジェクトのスキーマではありません。定義は data/ の中では変えません。削除するか、サイトの開発者に定義の"
        "追加を依頼してください。",
    ),
    (
        r"is named '(?P<n>[^']*)', so it would not be read: a data file's name ends in '\.yaml'\. Rename it to "
        r"'(?P<r>[^']*)' \(or, if it is not data, move it out of data/\)\.",
        "ファイル名が '{n}' なので読み込まれません（データのファイル名は '.yaml' で終わります）。'{r}' に名前を変えて"
        "ください（データでなければ data/ の外へ移してください）。",
    ),
    (
        r"is not a data file \(a data file's name ends in '\.yaml'\), so it would not be read\. Move it out of "
        r"data/; if it holds data, rename it to '(?P<r>[^']*)'\.",
        "データのファイルではないため（データのファイル名は '.yaml' で終わります）、読み込まれません。data/ の外へ"
        "移してください。データなら '{r}' に名前を変えてください。",
    ),
    (r"(?P<v>'.*') has spaces at its start or end\. Remove them\.", "{v} の前後に空白があります。削除してください。"),
    (
        r"(?P<v>'.*') is read as a YAML tag, which the data does not use\. If this is a text that starts with '!', "
        r"put the whole text in quotation marks \(\"\.\.\.\"\); otherwise delete the tag\.",
        "{v} は YAML のタグとして読まれますが、データではタグを使いません。「!」で始まる文章なら全体を引用符"
        '（"..."）で囲み、そうでなければタグを削除してください。',
    ),
    (
        r"'(?P<a>[^']*)' is still on the page '(?P<p>[^']*)': a redirect would take that address over\. "
        r"Remove this entry\.",
        "'{a}' はまだページ '{p}' にあります。転送するとそのアドレスを奪ってしまいます。この項目を削除してください。",
    ),
    (
        r"(?P<v>'&[^']*') is a YAML anchor \(a mark for copying a value elsewhere\)\. The data does not use "
        r"copies: delete it\. If this is a text that starts with '&', put the whole text in quotation marks\.",
        "{v} は YAML のアンカー（値を別の場所へ写すための印）です。データでは写しを使わないので削除してください。"
        "「&」で始まる文章なら、全体を引用符で囲んでください。",
    ),
    (
        r"(?P<v>'\*[^']*') is a YAML alias: a copy of a value marked '(?P<m>[^']*)' elsewhere\. The data does "
        r"not use copies: write the value itself here\. If this is a text that starts with '\*', put the "
        r"whole text in quotation marks\.",
        "{v} は YAML のエイリアス（別の場所で '{m}' と印を付けた値の写し）です。データでは写しを使わないので、"
        "ここに値そのものを書いてください。「*」で始まる文章なら、全体を引用符で囲んでください。",
    ),
    (
        r"(?P<v>'[^']*') is not written in plain digits \(no signs, '_', exponents or leading zeros\)\. "
        r"Write it in plain digits, such as (?P<e>.*)\.",
        "{v} は普通の数字だけで書かれていません（符号、「_」、指数、先頭の0は使えません）。"
        "普通の数字で書いてください（例: {e}）。",
    ),
    (
        r"(?P<v>'[^']*') is not written in plain digits \(no signs, '_'(?:, exponents)? or leading zeros\)\. "
        r"Write (?P<w>.*)\.",
        "{v} は普通の数字だけで書かれていません（符号、「_」、指数、先頭の0は使えません）。{w} と書いてください。",
    ),
    (
        r"(?P<v>'[^']*') is not a number a figure can have\. Write the number in plain digits, for example "
        r"(?P<e>\S+)\.",
        "{v} は金額に使えない数です。普通の数字で書いてください（例: {e}）。",
    ),
    (
        r"(?P<v>'[^']*') has a leading zero, so YAML reads it as (?P<n>\S+) \(octal\)\. Write (?P<w>\S+)\.",
        "{v} は先頭に0があるため、YAML は8進数の {n} と読みます。{w} と書いてください。",
    ),
    (
        r"(?P<v>'[^']*') is read as (?P<n>\S+) \(a number in another base\)\. Write the number in plain "
        r"decimal digits, for example (?P<e>\S+)\.",
        "{v} は別の進数の数 {n} として読まれます。普通の10進数で書いてください（例: {e}）。",
    ),
    (
        r"(?P<v>'[^']*') is a whole number written with a decimal point\. Write (?P<w>\S+)\.",
        "{v} は小数点付きで書かれた整数です。{w} と書いてください。",
    ),
    (
        r"(?P<v>'[^']*') is not a real date\. Write YYYY-MM with a month from 01 to 12, or YYYY-MM-DD with a "
        r"day that month has\.",
        "{v} は実在しない日付です。YYYY-MM（月は01～12）か、YYYY-MM-DD（その月にある日）で書いてください。",
    ),
    (
        r"(?P<v>'[^']*') is read as (?P<n>\S+) \(YAML reads numbers with ':' in base 60\)\. Write the number "
        r"in plain digits, without ':'\.",
        "{v} は {n} と読まれます（YAML は「:」を含む数を60進数として読みます）。「:」を使わず、普通の数字で"
        "書いてください。",
    ),
    (
        r"'<<' \(a YAML merge key\) copies the fields of another entry, which the data does not use\. Write "
        r"the fields themselves here\.",
        "'<<'（YAML のマージキー）は別の項目のフィールドを写しますが、データでは使いません。ここにフィールド"
        "そのものを書いてください。",
    ),
    (
        r"(?P<v>'[^']*') is read as (?P<b>true|false)\. Write (?P=b) \(yes/no answers are written true or "
        r"false\); if this is a text, put it in quotation marks: (?P<q>\".*\")\.",
        "{v} は {b} と読まれます。はい・いいえは true か false で書いてください。文章なら引用符で囲んでください: {q}。",
    ),
    (r"(?P<v>'.*') is not in the right form\.", "{v} は正しい形ではありません。"),
    (
        r"(?P<v>'.*') in a text in double quotation marks is read as a special character, not as a "
        r"backslash\. To write a backslash, write it twice \(\\\\\), or put the text in single quotation marks\.",
        "二重引用符の中の {v} は、バックスラッシュではなく特別な文字として読まれます。バックスラッシュを書くには"
        "2つ重ねる（\\\\）か、文章を一重引用符で囲んでください。",
    ),
    (
        r"'(?P<i>[^']*)' is the id of (?P<k>a pillar|a measure group|a glossary term) \((?:its page is|on the "
        r"page) (?P<p>[^)]*)\), which has no permalink\. Write a page's address \(ending in '/'\) or the id of "
        r"a measure or item\.",
        "'{i}' は{k}の id で（ページ {p}）、固定リンクがありません。ページのアドレス（「/」で終わる）か、施策"
        "または項目の id を書いてください。",
    ),
    (
        r"'(?P<a>[^']*)' is in the folder '(?P<f>[^']*)', which the site uses for its own files\. Only old "
        r"page addresses can be redirected\.",
        "'{a}' は、サイトが自分のファイルに使うフォルダー '{f}' の中にあります。転送できるのは古いページの"
        "アドレスだけです。",
    ),
    (
        r"'(?P<a>[^']*)' starts with '(?P<l>[^']*)'\. Leave the language out: write '(?P<w>[^']*)'; each "
        r"entry works in both languages\.",
        "'{a}' は '{l}' で始まっています。言語の部分を除いて '{w}' と書いてください。各項目は両方の言語で働きます。",
    ),
    (
        r"(?P<v>'.*') contains a line break or control character\. Keep the text on one line\.",
        "{v} に改行か制御文字が含まれています。1行に収めてください。",
    ),
    (
        r"'(?P<a>[^']*)' is the permalink of the item '(?P<i>[^']*)', which the site serves: a redirect "
        r"would take it over\. Remove this entry\.",
        "'{a}' は、サイトが公開している項目 '{i}' の固定リンクです。転送するとそれを奪ってしまいます。"
        "この項目を削除してください。",
    ),
    (
        r"'(?P<a>[^']*)' is a page the site still serves, so it cannot be redirected\. Remove this entry, or "
        r"give an anchor\.",
        "'{a}' はサイトがまだ公開しているページなので、転送できません。この項目を削除するか、アンカーを付けて"
        "ください。",
    ),
    (
        r"'(?P<a>[^']*)' is neither a page of the site nor the id of an item\. Write an item's id or a "
        r"page's address\.",
        "'{a}' はサイトのページでも項目の id でもありません。項目の id か、ページのアドレスを書いてください。",
    ),
    (
        r"'(?P<a>[^']*)' is not a page of the site\. Write a page's address, or an item's id\.",
        "'{a}' はサイトのページではありません。ページのアドレスか、項目の id を書いてください。",
    ),
    (
        r"'(?P<a>[^']*)' is already redirected on line (?P<n>\d+)\. Keep one of the two entries\.",
        "'{a}' は {n} 行目ですでに転送されています。2つのうち1つだけを残してください。",
    ),
    (
        r"(?P<v>.*) is not allowed here\. Use one of: (?P<o>.*)\.",
        "{v} はここでは使えません。次のどれかを使ってください: {o}。",
    ),
    (r"(?P<v>.*) is too small\.", "{v} は小さすぎます。"),
    (r"(?P<v>.*) is too large\.", "{v} は大きすぎます。"),
    (r"(?P<v>.*) is too long\.", "{v} は長すぎます。"),
    (
        r"contains an invisible character, (?P<c>U\+[0-9A-F]+ [^,]*), at character (?P<n>\d+)\. Delete it "
        r"\(retype the text around it if your editor does not show it\)\. The text holds nothing else that "
        r"can be seen: write the text\.",
        "{n}文字目に見えない文字 {c} が含まれています。削除してください（エディターで見えないときは、その前後を"
        "打ち直してください）。この文章にはほかに見える文字がありません。文章を書いてください。",
    ),
    (
        r"contains an invisible character, (?P<c>U\+[0-9A-F]+ [^,]*), at character (?P<n>\d+)\. Delete it "
        r"\(retype the text around it if your editor does not show it\)\.",
        "{n}文字目に見えない文字 {c} が含まれています。削除してください（エディターで見えないときは、その前後を"
        "打ち直してください）。",
    ),
    (
        r"ends in '(?P<e>[^']*)', so it would not be read\. Rename it to '(?P<n>[^']*)'\.",
        "ファイル名が '{e}' で終わっているため、読み込まれません。'{n}' に名前を変えてください。",
    ),
    (
        r"holds more than one YAML document \(a line '---' in the middle\?\)\. Keep one document per file\.",
        "YAML の文書を2つ以上含んでいます（途中に「---」の行がありませんか）。1つのファイルには文書を1つだけに"
        "してください。",
    ),
    (
        r"is (?P<s>[0-9.]+ MB); a data file may be at most 1 MB\. Split it, or check that it is the right file\.",
        "大きさが {s} あります。データファイルは 1 MB までです。分けるか、正しいファイルかを確かめてください。",
    ),
    (
        r"is a (?P<k>folder|named pipe \(FIFO\)), not a text file\. Replace it with the data file, or move it "
        r"out of data/\.",
        "テキストファイルではなく{k}です。データファイルに置き換えるか、data/ の外へ移してください。",
    ),
    (
        r"is a link to a file that does not exist\. Replace the link with the file itself\.",
        "存在しないファイルへのリンクです。リンクをファイルそのものに置き換えてください。",
    ),
    (
        r"is a link to (?P<t>.*), outside the project\. Copy the file into data/ instead of linking to it\.",
        "プロジェクトの外にある {t} へのリンクです。リンクではなく、ファイルそのものを data/ にコピーしてください。",
    ),
    (
        r"is empty \(or holds only comments\)\. Restore its content, for example from the project's history\.",
        "空です（またはコメントだけです）。プロジェクトの履歴などから内容を戻してください。",
    ),
    (
        r"is empty\. Write the text, or remove the field if it is optional\.",
        "空です。文章を書くか、省略できるフィールドなら削除してください。",
    ),
    (r"is empty\. Write (?P<w>.*) after the colon\.", "空です。コロンの後に{w}を書いてください。"),
    (
        r"is indented with a tab\. YAML allows only spaces for indentation: replace the tab with spaces\.",
        "タブで字下げされています。YAML の字下げには空白しか使えません。タブを空白に置き換えてください。",
    ),
    (
        r"is missing\. Every build needs it: restore it from the project's history\.",
        "ありません。どのビルドにも必要なファイルです。プロジェクトの履歴から戻してください。",
    ),
    (
        r"is not a known data file\. Data files are (?P<s>.*) in data/, and in each edition's folder "
        r"(?P<d>data/<year>/): (?P<e>.*) and (?P<p>\S+)\.",
        "既知のデータファイルではありません。データファイルは、data/ の {s} と、各版のフォルダー {d} の {e}、{p} "
        "です。",
    ),
    # Editions (data/editions.yaml, data/<year>/): a file in the wrong folder, a missing edition.
    (
        r"belongs to one edition of the strategy: move it into that edition's folder, as (?P<p>data/<year>/.+) "
        r"\(for example (?P<e>.+)\)\.",
        "戦略の一つの版だけのファイルです。その版のフォルダーの {p} に移してください（例: {e}）。",
    ),
    (
        r"is shared by every edition: move it to (?P<p>data/.+), beside (?P<e>data/[^ ]+)\.",
        "すべての版が共有するファイルです。{e} と同じフォルダーの {p} に移してください。",
    ),
    (
        r"names the edition (?P<v>'[^']*'), but data/ has no folder (?P=v)\. Write the year of one of the "
        r"editions there are \((?P<l>[^)]*)\), in quotation marks\.",
        "版 {v} を指定していますが、data/ にフォルダー {v} がありません。ある版の年（{l}）を引用符で囲んで書いて"
        "ください。",
    ),
    (
        r"holds no edition's folder\. Each edition of the strategy has its own folder, named by its year "
        r"\((?P<e>[^)]*)\): restore it from the project's history\.",
        "版のフォルダーがありません。戦略の各版には、その年を名前とするフォルダー（{e}）があります。プロジェクトの"
        "履歴から戻してください。",
    ),
    (
        r"holds no pillar file \((?P<n><pillar-id>\.yaml)\)\. Restore the pillars' files from the project's "
        r"history\.",
        "柱のファイル（{n}）がありません。プロジェクトの履歴から柱のファイルを戻してください。",
    ),
    (
        r"is not valid UTF-8 text \(byte (?P<b>0x[0-9a-f]+)\)\. Save the file with the encoding UTF-8\.",
        "正しい UTF-8 のテキストではありません（バイト {b}）。文字コード UTF-8 で保存してください。",
    ),
    (
        r"is not valid YAML here: a quotation mark or a comma is missing \(or there is one too many\) inside "
        r"\{ \} or \[ \]\. Each text needs a quotation mark at its start and at its end, and a comma goes "
        r"between two fields, as in \{ja: \"\.\.\.\", en: \"\.\.\.\"\}\. If this line looks right, check the "
        r"line above it\.",
        "ここは正しい YAML ではありません。{{ }} か [ ] の中で引用符かコンマが足りません（または多すぎます）。"
        "文章の初めと終わりには引用符が要り、2つのフィールドの間にはコンマが入ります（例: "
        '{{ja: "...", en: "..."}}）。この行が正しく見えるときは、1行上を確かめてください。',
    ),
    (
        r"is not valid YAML here: the colon after a field's name is missing\. Write 'name: value'\. If this "
        r"line looks right, check the line above it\.",
        "ここは正しい YAML ではありません。フィールド名の後のコロンがありません。「name: value」と書いてください。"
        "この行が正しく見えるときは、1行上を確かめてください。",
    ),
    (
        r"is not valid YAML here: there is a colon ':' where none is expected\. If a text contains ': ', put "
        r"the text in quotation marks; otherwise check the indentation of this line\. If this line looks "
        r"right, check the line above it\.",
        "ここは正しい YAML ではありません。あるはずのない場所にコロン「:」があります。文章に「: 」が含まれるなら"
        "文章を引用符で囲み、そうでなければこの行の字下げを確かめてください。この行が正しく見えるときは、1行上を"
        "確かめてください。",
    ),
    (
        r"is not valid YAML here: the indentation does not fit: this line starts further left or right than "
        r"the lines of the same level around it\. Line it up with them; a list entry starts with a dash and a "
        r"space \('- '\)\. If this line looks right, check the line above it\.",
        "ここは正しい YAML ではありません。字下げが合っていません。この行は、周りの同じ段の行より左か右から"
        "始まっています。それらにそろえてください。リストの項目は「- 」（ハイフンと空白）で始まります。この行が"
        "正しく見えるときは、1行上を確かめてください。",
    ),
    (
        r"is not valid YAML here: there is a tab character\. Use spaces instead\. If this line looks right, "
        r"check the line above it\.",
        "ここは正しい YAML ではありません。タブ文字があります。代わりに空白を使ってください。この行が正しく"
        "見えるときは、1行上を確かめてください。",
    ),
    (
        r"is not valid YAML here: a text starts with a sign that YAML reserves \((?P<s>[^)]*)\)\. Put the "
        r"text in quotation marks\. If this line looks right, check the line above it\.",
        "ここは正しい YAML ではありません。文章が YAML の予約した記号（{s}）で始まっています。文章を引用符で"
        "囲んでください。この行が正しく見えるときは、1行上を確かめてください。",
    ),
    (
        r"is not valid YAML here: a text's quotation marks are not closed: the text that starts here has no "
        r"closing quotation mark\. If this line looks right, check the line above it\.",
        "ここは正しい YAML ではありません。文章の引用符が閉じていません。ここから始まる文章に閉じる引用符が"
        "ありません。この行が正しく見えるときは、1行上を確かめてください。",
    ),
    (
        r"is not valid YAML here: something follows the end of a text on the same line\. Put the whole text "
        r"inside the quotation marks, or move the rest to a line of its own\. If this line looks right, check "
        r"the line above it\.",
        "ここは正しい YAML ではありません。同じ行で文章の終わりの後に何かが続いています。文章全体を引用符の中に"
        "入れるか、残りを別の行に移してください。この行が正しく見えるときは、1行上を確かめてください。",
    ),
    (
        r"is not valid YAML here: the '\{' or '\[' here is not closed on its line: the closing '\}' or '\]' is "
        r"missing, or a quotation mark inside is not closed\. If this line looks right, check the line above it\.",
        "ここは正しい YAML ではありません。ここの「{{」か「[」がその行で閉じていません。閉じる「}}」か「]」が"
        "ないか、中の引用符が閉じていません。この行が正しく見えるときは、1行上を確かめてください。",
    ),
    (
        r"is text \('(?P<v>[^']*)'\) because of its quotation marks\. Write the number without them: (?P<w>\S+)\.",
        "引用符があるため文章（'{v}'）になっています。引用符を外して、数 {w} を書いてください。",
    ),
    (
        r"nests values more than (?P<n>\d+) levels deep\. The data never needs that many: check the "
        r"indentation and that every '\[' and '\{' is closed where it should be\.",
        "値が {n} 段より深く入れ子になっています。データにそこまでは要りません。字下げと、すべての「[」「{{」が"
        "正しい場所で閉じているかを確かめてください。",
    ),
    (
        r"order (?P<n>\d+) is already taken by (?P<f>.*)\. Give each pillar its own place\.",
        "順番 {n} はすでに {f} が使っています。柱ごとに別の順番にしてください。",
    ),
    (
        r"refers to '(?P<i>[^']*)', but no (?P<k>pillar|measure|measure or slide-1 box item|progress item) "
        r"has that id\. Check the spelling against the id in the data\.",
        "'{i}' を指していますが、その id の{k}はありません。データにある id と綴りを見比べてください。",
    ),
    (
        r"should be text, but (?P<t>.*) without quotation marks is read as (?P<k>[^.]*)\. Put the text in "
        r"quotation marks: (?P<q>\".*\")\.",
        "文章であるべきところ、引用符のない {t} は{k}として読まれます。文章を引用符で囲んでください: {q}。",
    ),
    (
        r"should be (?P<w>[^,]*), but is (?P<k>text|a number|true/false|a list|a set of fields|empty) "
        r"\((?P<v>.*)\)\.",
        "{w}であるべきところ、{k}（{v}）になっています。",
    ),
    (
        r"starts with a byte-order mark \(BOM\)\. Save the file as UTF-8 without BOM \(in most editors: "
        r"Encoding > UTF-8\)\.",
        "バイト順マーク（BOM）で始まっています。BOM なしの UTF-8 で保存してください（多くのエディターでは"
        "「エンコーディング > UTF-8」）。",
    ),
    (
        r"the (?P<l>English|Japanese) text '(?P<n>ja|en)' is missing\. Add '(?P=n): \.\.\.' next to the other "
        r"language\.",
        "{l}の文章 '{n}' がありません。もう一方の言語の隣に '{n}: ...' を加えてください。",
    ),
    (
        r"the English text '(?P<t>.*)' is written in Japanese only\. Write the English translation here\.",
        "英語の文章 '{t}' が日本語だけで書かれています。ここに英訳を書いてください。",
    ),
    (
        r"the field '(?P<f>[^']*)' is written twice \(first on line (?P<n>\d+)\)\. Keep one and delete the "
        r"other: otherwise one value would be lost\.",
        "フィールド '{f}' が2回書かれています（最初は {n} 行目）。1つを残してもう1つを削除してください。"
        "そうしないと片方の値が失われます。",
    ),
    (r"the field '(?P<f>[^']*)' is missing\. Add it\.", "フィールド '{f}' がありません。加えてください。"),
    (
        r"the file name '(?P<n>[^']*)' is not a pillar id \(lowercase letters a-z, digits and single "
        r"hyphens\)\. Rename the file to '(?P<w>[^']*)' after the pillar's id\.",
        "ファイル名 '{n}' が柱の id の形になっていません（小文字の a-z、数字、1つずつのハイフン）。柱の id に"
        "合わせて '{w}' に名前を変えてください。",
    ),
    (
        r"the id '(?P<i>[^']*)' is used by the site's own pages \(an element or heading of that name\), so an "
        r"item cannot have it\. Choose another id, for example '(?P<e>[^']*)'\.",
        "id '{i}' はサイト自身のページが使っている（その名前の要素か見出しがある）ため、項目には使えません。"
        "別の id にしてください（例: '{e}'）。",
    ),
    (
        r"the id '(?P<i>[^']*)' starts with '(?P<p>[^']*)', which is used by the site's own pages for their "
        r"ids, so an item cannot have it\. Choose another id, for example '(?P<e>[^']*)'\.",
        "id '{i}' は、サイト自身のページが id に使う '{p}' で始まるため、項目には使えません。別の id に"
        "してください（例: '{e}'）。",
    ),
    (
        r"the id '(?P<i>[^']*)' is already used in (?P<f>.*) on line (?P<n>\d+)\. Every id must be unique: "
        r"choose another\.",
        "id '{i}' は {f} の {n} 行目ですでに使われています。id はすべて別々でなければなりません。別の id に"
        "してください。",
    ),
    (
        r"the id '(?P<i>[^']*)' would make this pillar's page the address (?P<a>\S+) itself\. Choose another "
        r"id \(and name the file after it\)\.",
        "id '{i}' では、この柱のページのアドレスが {a} そのものになってしまいます。別の id にしてください"
        "（ファイル名もそれに合わせてください）。",
    ),
    (
        r"the pillar's id '(?P<i>[^']*)' differs from its file name '(?P<f>[^']*)'\. Change the id back to "
        r"'(?P<b>[^']*)', or rename the file to '(?P<r>[^']*)'\.",
        "柱の id '{i}' がファイル名 '{f}' と違います。id を '{b}' に戻すか、ファイル名を '{r}' に変えてください。",
    ),
    (
        r"the span ends \((?P<e>[^)]*)\) before it starts \((?P<s>[^)]*)\)\. Swap 'start' and 'end', or "
        r"correct the years\.",
        "期間の終わり（{e}）が始まり（{s}）より前です。'start' と 'end' を入れ替えるか、年度を直してください。",
    ),
    (
        r"unknown field '(?P<f>[^']*)'\. Did you mean '(?P<m>[^']*)'\? The fields allowed here are: (?P<a>.*)\.",
        "知らないフィールド '{f}' です。'{m}' のことですか。ここで使えるフィールドは次のとおりです: {a}。",
    ),
    (
        r"unknown field '(?P<f>[^']*)'\. The fields allowed here are: (?P<a>.*)\.",
        "知らないフィールド '{f}' です。ここで使えるフィールドは次のとおりです: {a}。",
    ),
    (r"is an empty list\. Add at least one entry\.", "空のリストです。1つ以上の項目を加えてください。"),
    (r"lists the same entry twice\. Remove the repeat\.", "同じ項目を2回挙げています。重複を削除してください。"),
    (r"does not have the right fields\.", "フィールドが正しくありません。"),
    (
        r"names '(?P<n>.*)', which is not in the registry of names\. Add it to data/names\.yaml with its Japanese "
        r"and English: 'status: official' or 'established' with the page that uses the English as 'source:', or "
        r"'status: site' if the English is the site's own translation\. If it is not a name, write it in lower "
        r"case\.",
        "英語の名称 '{n}' が名称の登録簿にありません。data/names.yaml に日本語と英語で加えてください。公式または定着"
        "した英語名なら 'status: official' か 'established' とし、その英語を使っているページを 'source:' に書きます。"
        "当サイトによる翻訳なら 'status: site' とします。名称でなければ小文字で書いてください。",
    ),
    (
        r"refers to the topic '(?P<t>[^']*)', but data/topics\.yaml has no topic with that id\. Check the spelling, "
        r"or add the topic there with its Japanese and English name\.",
        "トピック '{t}' を挙げていますが、data/topics.yaml にその id のトピックはありません。つづりを確かめるか、"
        "日本語と英語の名前を付けてそこにトピックを加えてください。",
    ),
    (r"lists the topic '(?P<t>[^']*)' twice\. Keep it once\.", "トピック '{t}' を2回挙げています。1回にしてください。"),
    (
        r"this measure has no topic\. Add 'topics: \[<id>, \.\.\.\]' with the ids of the topics it belongs to, "
        r"from data/topics\.yaml \(every measure belongs to at least one\)\.",
        "この施策にはトピックがありません。data/topics.yaml から、属するトピックの id を 'topics: [<id>, ...]' の形で"
        "加えてください（どの施策も1つ以上のトピックに属します）。",
    ),
    (
        r"no item uses the topic '(?P<t>[^']*)'\. Add it to the 'topics' of the items it covers, or remove the "
        r"topic\.",
        "トピック '{t}' を使っている項目がありません。該当する項目の 'topics' に加えるか、トピックを削除してください。",
    ),
)

# What a field expects (the schema's descriptions, data/schema/*.json), for " Expected: ..." in a problem.
EXPECTED_JA = {
    'the year of the current edition, in quotation marks ("2026"): the name of its folder under data/. Readers '
    "meet it first; the pages of every other edition say they are not the current one": "現行の版の年を引用符で"
    '囲んで（"2026"）書きます。data/ の下のその版のフォルダー名です。読者が最初に見る版で、ほかの版のページには'
    "現行の版ではないと示されます",
    "'official' where the English is the official or established English name; leave out where the "
    "translation is this site's own": "英語が公式または定着した英語名なら 'official'。このサイト独自の訳なら書きません",
    "JIS X 8341-3:2016": "JIS X 8341-3:2016",
    "a box with 'id', 'slide', 'title' and either 'items' or 'groups'": "'id'、'slide'、'title' と、'items' か "
    "'groups' のどちらかを持つ枠",
    "a budget figure with 'id', 'slide', 'program', 'amount', 'unit', 'approximate', 'budget_type', "
    "'fiscal_years', 'measure', 'progress_item' and 'note'": "'id'、'slide'、'program'、'amount'、'unit'、"
    "'approximate'、'budget_type'、'fiscal_years'、'measure'、'progress_item'、'note' を持つ予算額",
    "a count with 'value' (a whole number) and 'counter' (for example 件 / selected)": "'value'（整数）と "
    "'counter'（例: 件 / selected）を持つ件数",
    'a date written YYYY-MM (month only, for example "2025-02") or YYYY-MM-DD, in quotes': "引用符で囲んだ "
    'YYYY-MM（月まで。例: "2025-02"）か YYYY-MM-DD の日付',
    "a dated event with 'date' and 'event'": "'date' と 'event' を持つ出来事",
    "a finding with 'code', 'where', 'decision' ('fixed' or 'not a failure') and 'reason'": "'code'、'where'、"
    "'decision'（'fixed' か 'not a failure'）、'reason' を持つ指摘",
    "a fiscal year such as 2021": "2021 のような年度",
    "a fiscal year such as 2025": "2025 のような年度",
    "a group with 'id', 'slide', 'title' and 'items'": "'id'、'slide'、'title'、'items' を持つまとまり",
    "a list of redirects; an empty list is written []": "転送のリスト。空のリストは [] と書きます",
    "a list of texts, each with 'ja' and 'en'": "それぞれ 'ja' と 'en' を持つ文章のリスト",
    "a measure group with 'id', 'slide', 'title' and 'measures'": "'id'、'slide'、'title'、'measures' を持つ施策群",
    "a measure with 'id', 'slide', 'text' and 'topics' and, in an edition after the first where it carries on "
    "measures of the edition before, 'continues' and 'change'": "'id'、'slide'、'text'、'topics' と、2つ目以降の版で"
    "前の版の施策を引き継ぐなら 'continues' と 'change' を持つ施策",
    "the ids of the measures of the edition before that this measure carries on, each once, as they stand there: "
    "for example [k-program-rd-support]. Leave it out for a new measure, and in the first edition": "この施策が"
    "引き継ぐ前の版の施策の id。それぞれ1回ずつ、そこに書かれているとおりに（例: [k-program-rd-support]）。"
    "新しい施策と最初の版では書きません",
    "how this measure carries on the ones in 'continues': same (the text is unchanged in both languages), revised "
    "(one measure, its text changed), split (one measure became several, each saying split) or merged (several "
    "measures became this one)": "'continues' の施策をどう引き継ぐか: same（文章が両方の言語で同じ）、revised"
    "（1つの施策の文章を改めた）、split（1つの施策が複数に分かれ、それぞれが split と書く）か merged（複数の施策"
    "が1つになった）",
    "a name with 'id', 'ja', 'en', 'status' and, unless the status is 'site', a 'source'": "'id'、'ja'、'en'、"
    "'status' と、status が 'site' でなければ 'source' を持つ名称",
    "a number above zero, without commas or units, for example 5000 (the unit goes in 'unit')": "0より大きい数。"
    "コンマや単位は付けません（例: 5000。単位は 'unit' に書きます）",
    "a progress item with 'id', 'slide', 'text' and, where they apply, 'advances', 'dates' and 'counts'": "'id'、"
    "'slide'、'text' と、当てはまれば 'advances'、'dates'、'counts' を持つ進捗項目",
    "a redirect with 'from' (the old address) and 'to' (an item's id, or a page's address)": "'from'（古い"
    "アドレス）と 'to'（項目の id かページのアドレス）を持つ転送",
    "a section with 'id', 'slide', 'pillar', 'title' and 'items'": "'id'、'slide'、'pillar'、'title'、'items' を持つ節",
    "a term with 'id', 'name', 'reading' and, where the texts abbreviate it, 'abbr'": "'id'、'name'、'reading' "
    "と、文章が略語で書くなら 'abbr' を持つ用語",
    "the Japanese name's reading in hiragana, for the Japanese glossary's order (gojūon)": "日本語の名称の読み"
    "（ひらがな。日本語の用語集の五十音順に使います）",
    "what shows that a Japanese text uses the term, where it is not the name or an abbreviation, for example "
    "[ムーンショット]": "日本語の文がその用語を使っていることを示す語（名称や略語と違う場合。例: [ムーンショット]）",
    "facts the overview does not state, with their sources: 'decided' (the date the Cabinet decided the strategy), "
    "'decided_source', 'official' (the Cabinet Office's page) and 'terms' (that site's terms of use)": "原文が述べ"
    "ていない事実とその出典: 'decided'（閣議決定の日）、'decided_source'、'official'（内閣府のページ）、'terms'"
    "（そのサイトの利用規約）",
    "the date the Cabinet decided the strategy, as YYYY-MM-DD": "戦略が閣議決定された日（YYYY-MM-DD）",
    "a source with 'publisher' and 'title' (texts in both languages) and 'url'": "'publisher' と 'title'（両方の"
    "言語の文章）と 'url' を持つ出典",
    "typos of the original that the texts quote as they stand, each exactly as written (the pages mark them where "
    "they stand)": "文章がそのまま引用している原文の誤字（書かれているとおりに。ページではその場所に印を付けます）",
    "a text in both languages: 'ja' (Japanese) and 'en' (English)": "両方の言語の文章: 'ja'（日本語）と 'en'（英語）",
    "a text in both languages: 'ja' (the official Japanese, verbatim) and 'en' (its English translation); add "
    "'translation: official' where the English is an official name": "両方の言語の文章: 'ja'（公式の日本語を"
    "そのまま）と 'en'（その英訳）。英語が公式の名称なら 'translation: official' を加えます",
    "a tool the tests run: axe-core or pa11y": "テストが使う道具: axe-core か pa11y",
    "a tool with 'name', 'version' and 'rules'": "'name'、'version'、'rules' を持つ道具",
    "a whole number above zero": "0より大きい整数",
    "a year with 'id', 'year', 'slide', 'name', 'lead', 'priorities' and optionally 'closing'": "'id'、'year'、"
    "'slide'、'name'、'lead'、'priorities' と、必要なら 'closing' を持つ年",
    "an id: lowercase letters a-z, digits and single hyphens, for example 'k-program-rd-support'. Once "
    "published an id is part of a web address: do not change it": "id: 小文字の a-z、数字、1つずつのハイフン"
    "（例: 'k-program-rd-support'）。公開した id はウェブアドレスの一部です。変えないでください",
    "an item with 'id', 'slide' and 'text'": "'id'、'slide'、'text' を持つ項目",
    "fixed, or not a failure": "fixed か not a failure",
    "how to get the content in another form (one or more texts)": "内容を別の形で得る方法（1つ以上の文章）",
    "initial (当初予算), supplementary (補正予算) or fund": "initial（当初予算）、supplementary（補正予算）か fund",
    "letters, digits, spaces, dots and hyphens": "文字、数字、空白、ピリオド、ハイフン",
    "official (used by the body that owns the name), established (used by another government body or a "
    "major outlet) or site (the site's own translation)": "official（名称を持つ機関が使う）、established（ほかの"
    "政府機関や主な報道機関が使う）か site（このサイト独自の訳）",
    "other English forms the same source uses, such as the acronym: [K Program]": "同じ出典が使うほかの英語の形"
    "（略語など）: [K Program]",
    "slide 2's frame: 'slide', 'title', 'statements' and 'history_heading'": "スライド2の枠組み: 'slide'、'title'、"
    "'statements'、'history_heading'",
    "text on one line, with no spaces at its start or end": "前後に空白のない1行の文章",
    "the acronym exactly as written in the texts, for example [SIP] or [K program, K Program]": "文章に書かれた"
    "とおりの略語（例: [SIP] や [K program, K Program]）",
    "the boxes of slide 1's upper part": "スライド1の上部の枠",
    "the conformance level aimed at: A or AA": "目標とする適合レベル: A か AA",
    "the date the address moved, YYYY-MM-DD (optional, for the record)": "アドレスが移った日付 YYYY-MM-DD"
    "（記録用。省略できます）",
    "the date the source was checked, as YYYY-MM-DD": "出典を確かめた日付（YYYY-MM-DD）",
    'the day of the test run, as YYYY-MM-DD in quotation marks, for example "2026-12-01"': "テストを行った日。"
    '引用符で囲んだ YYYY-MM-DD（例: "2026-12-01"）',
    "the finding's code as the tool reports it, for example WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2": "道具が"
    "報告するとおりの指摘のコード（例: WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2）",
    "the fiscal years covered, as 'start' and 'end' (for example start: 2021, end: 2022)": "対象の年度。'start' と "
    "'end' で書きます（例: start: 2021, end: 2022）",
    "the ids of the measures or slide-1 box items this item advances": "この項目が進める施策またはスライド1の枠の"
    "項目の id",
    "the last test run: 'date', 'method', 'conditions', 'tools', 'result' and 'findings'": "最後のテスト: 'date'、"
    "'method'、'conditions'、'tools'、'result'、'findings'",
    "the number of the overview's slide the item comes from: 1, 2 or 3": "項目のもとになった概要のスライドの番号:"
    " 1、2、3",
    "the old address without the language prefix and without the leading slash, ending in '/', optionally "
    "with an anchor: for example 'pillars/old-pillar/' or "
    "'pillars/advanced-science-and-technology/#old-measure'": "言語の部分と先頭の「/」を除き、「/」で終わる古い"
    "アドレス。アンカーを付けることもできます（例: 'pillars/old-pillar/' や "
    "'pillars/advanced-science-and-technology/#old-measure'）",
    "the page's address, starting with https://": "https:// で始まるページのアドレス",
    "the pillar's place on the slide: 1, 2, 3 ...": "スライドでの柱の順番: 1、2、3 ...",
    "the standard aimed at: 'standard' and 'level'": "目標とする規格: 'standard' と 'level'",
    "the strategy's year, such as 2021": "2021 のような戦略の年",
    'the version the tests run, for example "4.12.1"': 'テストが使う版（例: "4.12.1"）',
    "true where the source says 規模 (approximately), otherwise false": "出典が「規模」（おおよそ）と言うなら "
    "true、そうでなければ false",
    "what is not accessible, and what to do instead (one or more texts)": "利用できないものと、代わりの方法"
    "（1つ以上の文章）",
    "what the statement covers (one or more texts with 'ja' and 'en')": "方針の対象（'ja' と 'en' を持つ1つ以上の"
    "文章）",
    "where it leads now: the id of a measure or item (for example 'k-program-rd-support'), or a page's address "
    "ending in '/' (for example 'pillars/innovation-ecosystem/')": "今の行き先: 施策か項目の id（例: "
    "'k-program-rd-support'）、または「/」で終わるページのアドレス（例: 'pillars/innovation-ecosystem/'）",
    "where the English is used: 'publisher', 'title' (the page's title), 'url' and 'checked' (the date it was "
    "checked, YYYY-MM-DD)": "英語が使われている所: 'publisher'、'title'（ページの題名）、'url'、'checked'（確かめた"
    "日付、YYYY-MM-DD）",
    "with 'translation: official': the id of the name's entry in data/names.yaml, which gives its source": (
        "'translation: official' のとき: 出典を示す data/names.yaml の名称の id"
    ),
    "億円 or 兆円": "億円 か 兆円",
}

# -- Topics across the slides (issue 26): the topics' index and each topic's page. Which items belong to
# which topic is the site's own reading (data/topics.yaml; provenance.py), and the pages say so.
TOPIC_WORDS = {
    "topics": {"ja": "トピック別", "en": "Topics"},
    "topic_title": {"ja": "トピック：{name}", "en": "Topic: {name}"},
    "topics_intro": {
        "ja": "3枚のスライドと戦略の変遷に散らばる項目を、テーマ（トピック）ごとにまとめました。トピックと、"
        "どの項目がどのトピックに属するかは当サイトによる分類で、原文にはありません。",
        "en": "The items of the three slides and the history, gathered by subject (topic). The topics, and which "
        "items belong to each, are this site's own classification, not the overview's.",
    },
    "topic_intro": {
        "ja": "「{name}」に関する項目を、3枚のスライドと戦略の変遷から、掲載箇所ごとに集めました（{n}）。"
        "どの項目がこのトピックに属するかは当サイトによる分類で、原文にはありません。",
        "en": "The items about “{name}” from the three slides and the history, grouped by where they stand "
        "({n}). Which items belong to this topic is this site's own classification, not the overview's.",
    },
    "topic_count": {"ja": "項目数", "en": "Items"},
    "topic": {"ja": "トピック", "en": "Topic"},
    "all_topics": {"ja": "トピックの一覧", "en": "All topics"},
    "topic_place_glance": {"ja": "概要：戦略の位置付けと重点事項", "en": "At a glance: the aim and the priorities"},
    "topic_place_measures": {"ja": "3つの柱の施策", "en": "Measures of the three pillars"},
    "topic_place_progress": {"ja": "進捗状況", "en": "Progress"},
    "topic_place_budget": {"ja": "予算", "en": "Budget figures"},
    "topic_place_history": {"ja": "戦略の変遷", "en": "History"},
    "shown_at": {"ja": "掲載箇所", "en": "Where it stands"},
    # named with the part of the topic page it is listed in: two items may read alike (a measure and the
    # progress item that reports it), and their links lead to different places
    "shown_at_named": {"ja": "：{place}の「{item}」の掲載箇所", "en": ": where “{item}” stands ({place})"},
    "topics_of_item": {"ja": "トピック", "en": "Topics"},
    # The search dialog's narrowing (theme/partials/search.html; docs/assets/search-dialog.js).
    "search_narrow": {"ja": "絞り込み", "en": "Narrow the results"},
    "search_topic": {"ja": "トピック", "en": "Topic"},
    "search_pillar": {"ja": "柱", "en": "Pillar"},
    "search_slide": {"ja": "スライド", "en": "Slide"},
    "search_any": {"ja": "すべて", "en": "All"},
}

UI.update(TOPIC_WORDS)

PROSE.update(
    {
        "data_topics": {
            "ja": "各項目の[トピック]({topics})（当サイトによる分類）は、3つのCSVの "
            "`topics` 列（トピックのIDを空白区切り）と、strategy.json の各項目の "
            "`topics` にあります。トピックの日本語名と英語名は strategy.json "
            "の `topics`（トピックの登録簿）にあります。トピック別のページの項目数は、これら"
            "のファイルでそのトピックを持つ項目の数と同じです。",
            "en": "Each item's [topics]({topics}) (this site's classification) are in the `topics` column of the three "
            "CSV files (the topics' ids, space-separated) and in each item's `topics` in strategy.json. The topics' "
            "Japanese and English names are in strategy.json's `topics` (the registry of topics). The count of "
            "items on the topics' pages is the number of items with that topic in these files.",
        },
    }
)

# -- Editions (issue 27): every page of a site with several editions names its edition, switches to the
# same place in another (structure/editions.py), and, in an edition that is not the current one, says so
# at the top. The what-changed page's words are in CHANGES_WORDS.
EDITION_WORDS = {
    "edition_name": {"ja": "{year}年版", "en": "{year} edition"},
    "edition_switch": {"ja": "版", "en": "Edition"},
    "edition_switch_label": {"ja": "版の切り替え", "en": "Switch edition"},
    "edition_current_mark": {"ja": "（現行）", "en": " (current)"},
    "edition_this_mark": {"ja": "表示中", "en": "shown"},
    "edition_banner": {
        "ja": "このページは{year}年版の内容で、現行の版ではありません。現行の版は{current}年版です。",
        "en": "This page is from the {year} edition, which is not the current one. The current edition is "
        "the {current} edition.",
    },
    "edition_banner_link": {"ja": "{current}年版の同じ箇所へ", "en": "Go to the same place in the {current} edition"},
    "edition_redirect_note": {
        "ja": "このアドレスの内容は{year}年版のページにあります：",
        "en": "What this address showed is on the {year} edition's page:",
    },
    "front_door_note": {"ja": "現行の版のページへ移動します：", "en": "Going to the current edition:"},
    # The search dialog (theme/partials/search.html): it searches the current edition unless this is ticked.
    "search_all_editions": {"ja": "ほかの版も検索する", "en": "Also search the other editions"},
    # The history page and a topic's page of a site with several editions (_macros.j2, editions_on_site).
    "editions_on_site": {"ja": "このサイトに収録した版", "en": "Editions on this site"},
    "editions_on_site_intro": {
        "ja": "統合イノベーション戦略は毎年策定されます。このサイトに収録した版と、各版の前の版からの変更の一覧です。",
        "en": "The Integrated Innovation Strategy is formulated every year. These are the editions this site holds, "
        "each with what changed since the edition before.",
    },
    "edition_decided": {"ja": "{date}閣議決定", "en": "decided by the Cabinet on {date}"},
    "changes_since": {"ja": "{year}の変更点", "en": "what changed in the {year}"},
    "topic_in_editions": {"ja": "各版でのこのトピック", "en": "This topic in each edition"},
    "topic_edition_count": {"ja": "{n}項目", "en": "{n} items"},
    # The open data page of a site with several editions (rendering/exports.py, ALL_EDITIONS).
    "files_all_editions": {"ja": "すべての版のファイル", "en": "Files of all editions"},
    "files_all_editions_intro": {
        "ja": "すべての版の行を一つにまとめたファイルです。各行の edition 列がその版を示します。"
        "列は上の各ファイルと同じです。",
        "en": "Every edition's rows in one file of each kind. Each row's edition column names its edition; the "
        "columns are those of the files above.",
    },
}

UI.update(EDITION_WORDS)

# -- Editions (issue 27): the page of what changed between an edition and the one before it
# (templates/changes.md.j2, rendering/changes.py), and the words that mark a change in a measure's text
# (rendering/diff.py). Which measure of one edition continues which of the previous one (the crosswalk)
# and how is the site's own reading, and the page says so.
CHANGES_WORDS = {
    "changes": {"ja": "前版からの変更", "en": "What changed"},
    "changes_title": {"ja": "{year}年版からの変更", "en": "What changed since the {year} edition"},
    "changes_same_by_id": {
        "ja": "変更のない施策が多いため、ここでは施策のIDだけを示します。文は両方の版のページにあります。",
        "en": "There are many unchanged measures, so they are listed here by id only; their text is on both "
        "editions' pages.",
    },
    "changes_edition": {"ja": "{year}年版", "en": "{year} edition"},
    "changes_intro": {
        "ja": "{current}年版の施策を、{previous}年版の施策と対応づけて比べました。新規、改訂、分割、統合、"
        "変更なし、引継ぎなしの別に示し、改訂された施策は新旧の文を並べて、違いに印を付けています。"
        "どの施策がどの施策を引き継ぐかという対応づけと、この比較は当サイトによるもので、原文にはありません。",
        "en": "The measures of the {current} edition, compared with those of the {previous} edition that they "
        "continue: added, revised, split, merged, unchanged and dropped; for a revised measure its old and new "
        "text, with the differences marked. Which measure continues which, and this comparison, are this "
        "site's own, not the overview's.",
    },
    "changes_kind": {"ja": "区分", "en": "Change"},
    "changes_count": {"ja": "施策の数", "en": "Measures"},
    "changes_meaning": {"ja": "意味", "en": "Meaning"},
    "changes_none": {"ja": "該当する施策はありません。", "en": "None."},
    "changes_added": {"ja": "新規", "en": "Added"},
    "changes_revised": {"ja": "改訂", "en": "Revised"},
    "changes_split": {"ja": "分割", "en": "Split"},
    "changes_merged": {"ja": "統合", "en": "Merged"},
    "changes_same": {"ja": "変更なし", "en": "Unchanged"},
    "changes_dropped": {"ja": "引継ぎなし", "en": "Dropped"},
    "changes_added_means": {
        "ja": "前版のどの施策も引き継がない施策",
        "en": "A measure that continues none of the previous edition's",
    },
    "changes_revised_means": {
        "ja": "前版の1つの施策を引き継ぎ、文が変わった施策",
        "en": "A measure that continues one of the previous edition's, with its text changed",
    },
    "changes_split_means": {
        "ja": "前版の1つの施策を、ほかの施策と分けて引き継いだ施策",
        "en": "A measure that continues one of the previous edition's, which it shares with other measures",
    },
    "changes_merged_means": {
        "ja": "前版の2つ以上の施策を1つにまとめた施策",
        "en": "A measure that continues two or more of the previous edition's",
    },
    "changes_same_means": {
        "ja": "前版の1つの施策を、文を変えずに引き継いだ施策",
        "en": "A measure that continues one of the previous edition's, its text unchanged",
    },
    "changes_dropped_means": {
        "ja": "前版の施策のうち、どの施策にも引き継がれなかったもの",
        "en": "A measure of the previous edition that no measure continues",
    },
    # in the counts table: the number of measures of the edition of each kind (dropped: of the previous edition)
    "changes_n": {"ja": "{n}件", "en": "{n}"},
    # a link to a measure's permalink in one edition, named for screen readers with the measure's id
    "changes_link_named": {"ja": "：施策 {ident}", "en": ": measure {ident}"},
    # A change in a text, in words as well as colour: visible before it, and where it ends, for screen readers.
    "diff_removed": {"ja": "削除", "en": "removed"},
    "diff_added": {"ja": "追加", "en": "added"},
    "diff_removed_end": {"ja": "削除ここまで", "en": "end of removal"},
    "diff_added_end": {"ja": "追加ここまで", "en": "end of addition"},
}

UI.update(CHANGES_WORDS)
