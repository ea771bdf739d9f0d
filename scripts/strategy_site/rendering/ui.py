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
    # The about page's headings.
    "about_source": {"ja": "出典", "en": "Source"},
    "about_translation": {"ja": "翻訳の方針", "en": "Translation policy"},
    "about_citing": {"ja": "引用の方法", "en": "How to cite"},
    "about_additions": {"ja": "当サイトによる補足（{mark}）", "en": "The site's own additions ({mark})"},
    "about_slide_reading": {"ja": "スライド1の読み方", "en": "How the site reads slide 1"},
    "about_names": {"ja": "名称と英語名の出典", "en": "Names and their English sources"},
    "slide_n": {"ja": "スライド{n}", "en": "Slide {n}"},
    "slide_1_contents": {
        "ja": "戦略の位置付け、経済安全保障との連携強化、第６期基本計画の総仕上げ、3つの柱と施策",
        "en": "the strategy's aim, closer linkage with economic security, completing the 6th Basic Plan, and the "
        "three pillars with their measures",
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
    "print_version": {"ja": "{date} 版", "en": "Version of {date}"},
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
    "not_found_home": {"ja": "トップページ（概要）", "en": "English home page"},
    "not_found_after": {"ja": "からお探しください。", "en": "."},
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
        "ja": "施策や項目には変わらないIDがあり、`/m/<ID>/` の固定リンクで参照できます（各項目の「#」ボタンでコピー"
        "できます）。引用の例:\n\n> {title}（内閣府）、施策 k-program-rd-support。当サイト「{site}」により参照。\n"
        "\nデータは[オープンデータ]({data})のページからJSONとCSVで入手できます。",
        "en": "Every measure and item has an id that does not change, and a short permalink `/en/m/<id>/` (copy it "
        'with the "#" button next to the item). For example:\n\n> {title}, Cabinet Office, measure '
        'k-program-rd-support; as shown on "{site}".\n\nThe data is available as JSON and CSV on the [open '
        "data]({data}) page.",
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
        "en": 'On slide 1, the box "Closer linkage with economic security" (three items) and the box on '
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
    "search_loading",
    "search_failed",
    "search_other_lang",
    "search_both",
    "search_results",
)


def ui(key: str, lang: str, **values: object) -> str:
    """A label of the site's own in one language; every key has both languages."""
    return UI[key][lang].format(**values)


def label(key: str, lang: str, **values: object) -> str:
    """A label followed by the language's separator: 日付： / Dates: ."""
    return ui(key, lang, **values) + UI["label_sep"][lang]


def theme_words() -> dict[str, dict[str, str]]:
    return {key: UI[key] for key in THEME_WORDS}
