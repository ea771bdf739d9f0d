"""Exports: the data published for reuse, as JSON and CSV (UTF-8 with BOM, so Excel reads Japanese).

strategy.json holds every data file as validated, so it round-trips to data/. The CSVs are flat
views of the measures and the budget figures. The JSON Schema files are published beside them.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from dataclasses import dataclass
from pathlib import Path

from strategy_site.reading.load import LoadedFile
from strategy_site.rendering import format as fmt
from strategy_site.rendering import provenance
from strategy_site.structure import urls
from strategy_site.structure.model import Strategy, Text

FORMULA_STARTS = ("=", "+", "-", "@")


@dataclass(frozen=True)
class Column:
    name: str
    description: Text


@dataclass(frozen=True)
class Export:
    name: str
    description: Text
    columns: tuple[Column, ...] = ()
    size: int | None = None  # bytes, as published (with_sizes)

    @property
    def anchor(self) -> str:
        return self.name.replace(".", "-")


def _column(name: str, ja: str, en: str) -> Column:
    """A CSV column and what it holds, in each language."""
    return Column(name, Text(ja, en))


_TOPICS_COLUMN = _column(
    "topics",
    "トピックのID（空白区切り。当サイトによる分類、名称は strategy.json の topics）",
    "the ids of the item's topics (space-separated; this site's classification, named in strategy.json's 'topics')",
)
_EDITION_COLUMN = _column(
    "edition",
    "版（戦略の年。data/ の版のフォルダー名）",
    "the edition (the strategy's year: the name of its folder under data/)",
)
MEASURE_COLUMNS = (
    _column("id", "施策のID（変わらない）", "the measure's id (it does not change)"),
    _column("pillar_id", "柱のID", "the pillar's id"),
    _column("pillar_ja", "柱の名称（日本語）", "the pillar's name in Japanese"),
    _column("pillar_en", "柱の名称（英語）", "the pillar's name in English"),
    _column("group_id", "施策群のID", "the measure group's id"),
    _column("group_ja", "施策群（日本語）", "the measure group in Japanese"),
    _column("group_en", "施策群（英語）", "the measure group in English"),
    _column("text_ja", "施策（日本語、原文）", "the measure in Japanese (official text)"),
    _column("text_en", "施策（英語、翻訳）", "the measure in English (translation)"),
    _column("slide", "出典のスライド番号", "the source slide"),
    _column("permalink", "固定リンク（サイトのルートからの相対パス）", "short permalink, relative to the site's root"),
    _TOPICS_COLUMN,
    _column(
        "site_own_columns",
        "この行で当サイトによるもの（原文にない）列の名前（空白区切り、空欄はすべて原文とその翻訳）",
        "the columns of this row that are the site's own, not the source's (space-separated; empty: all from "
        "the source or translating it)",
    ),
    _EDITION_COLUMN,
)
FIGURE_COLUMNS = (
    _column("id", "予算額のID", "the figure's id"),
    _column("program_ja", "事業（日本語）", "the programme in Japanese"),
    _column("program_en", "事業（英語）", "the programme in English"),
    _column("amount", "金額（単位はunit）", "the amount, in the unit of 'unit'"),
    _column("unit", "単位（億円または兆円）", "the unit: 億円 (¥100 million) or 兆円 (¥1 trillion)"),
    _column("amount_yen", "金額（円）", "the amount in yen"),
    _column("amount_ja", "公表どおりの表記", "the amount as published"),
    _column("amount_en", "英語での表記", "the amount in English form"),
    _column(
        "approximate",
        "概数（規模）かどうか（true/false）",
        "whether the amount is approximate (規模): true or false",
    ),
    _column(
        "budget_type",
        "予算の種類（initial=当初, supplementary=補正, fund=ファンド）",
        "budget type: initial, supplementary or fund",
    ),
    _column(
        "fiscal_year_start",
        "対象年度の始め（空欄は記載なし）",
        "first fiscal year covered (empty where the source gives none)",
    ),
    _column("fiscal_year_end", "対象年度の終わり", "last fiscal year covered"),
    _column("measure_id", "関連する施策のID", "the id of the measure the programme belongs to"),
    _column("progress_item_id", "金額を記した進捗項目のID", "the id of the progress item stating the figure"),
    _column("note_ja", "原文の表記", "the figure's wording in the source"),
    _column("note_en", "原文の表記の英訳", "that wording in English"),
    _column("slide", "出典のスライド番号", "the source slide"),
    _TOPICS_COLUMN,
    _column(
        "site_own_columns",
        "この行で当サイトによるもの（原文にない）列の名前（空白区切り。measure_idは当サイトの判断による結び付け）",
        "the columns of this row that are the site's own, not the source's (space-separated; measure_id is "
        "an editorial link)",
    ),
    _EDITION_COLUMN,
)

PROGRESS_COLUMNS = (
    _column("id", "進捗項目のID（変わらない）", "the progress item's id (it does not change)"),
    _column("pillar_id", "柱のID", "the pillar's id"),
    _column("section_id", "区分のID", "the section's id"),
    _column("section_ja", "区分（日本語）", "the section in Japanese"),
    _column("section_en", "区分（英語）", "the section in English"),
    _column("text_ja", "項目（日本語、原文）", "the item in Japanese (official text)"),
    _column("text_en", "項目（英語、翻訳）", "the item in English (translation)"),
    _column(
        "dates",
        "日付（年-月または年-月-日、空白区切り）",
        "the item's dates, as year-month or year-month-day (space-separated)",
    ),
    _column(
        "measure_ids",
        "関連する施策のID（空白区切り。当サイトの判断による結び付け）",
        "the ids of the related measures (space-separated; an editorial link)",
    ),
    _column("slide", "出典のスライド番号", "the source slide"),
    _column("permalink", "固定リンク（サイトのルートからの相対パス）", "short permalink, relative to the site's root"),
    _TOPICS_COLUMN,
    _column(
        "site_own_columns",
        "この行で当サイトによるもの（原文にない）列の名前（空白区切り。measure_idsは当サイトの判断による結び付け）",
        "the columns of this row that are the site's own, not the source's (space-separated; measure_ids is "
        "an editorial link)",
    ),
    _EDITION_COLUMN,
)

# What each published JSON Schema describes, in each language (its own title is in English only).
SCHEMA_DESCRIPTIONS = {
    "accessibility.schema.json": Text("アクセシビリティ方針のデータの形", "the accessibility statement's data"),
    "editions.schema.json": Text("現行の版の設定（data/editions.yaml）の形", "the setting of the current edition"),
    "common.schema.json": Text(
        "各ファイルに共通する部品（ID、日英の文など）の形", "the parts every file shares (ids, texts in both languages)"
    ),
    "figures.schema.json": Text("予算額のデータの形", "the budget figures"),
    "glossary.schema.json": Text("用語集のデータの形", "the glossary"),
    "history.schema.json": Text("戦略の変遷（スライド2）のデータの形", "the strategies of 2021–2024 (slide 2)"),
    "names.schema.json": Text(
        "名称の登録簿（英語名とその出典）のデータの形", "the registry of names (English names and their sources)"
    ),
    "pillar.schema.json": Text("柱（施策群と施策）のデータの形", "a pillar, with its measure groups and measures"),
    "progress.schema.json": Text(
        "進捗状況（スライド3）のデータの形", "the progress under the 6th Basic Plan (slide 3)"
    ),
    "redirects.schema.json": Text("移動したアドレスの転送先のデータの形", "where moved addresses lead"),
    "topics.schema.json": Text(
        "トピックの登録簿（当サイトによる分類）のデータの形", "the registry of topics (this site's classification)"
    ),
    "strategy.schema.json": Text(
        "戦略（表題、位置付け、スライド1の上部、スライド2の枠組み）のデータの形",
        "the strategy: its title, aim, slide 1's upper boxes and slide 2's frame",
    ),
}

EXPORTS = (
    Export(
        "strategy.json",
        Text(
            "すべてのデータ（data/ の各ファイルの内容そのまま）と、どの項目が当サイトによるものか（provenance）。"
            "各項目の topics はそのトピックのID、topics はトピックの登録簿（ともに当サイトによる分類）",
            "all the data, exactly as in the files under data/, and which fields are the site's own (provenance); "
            "each item's 'topics' lists the ids of its topics, and 'topics' is the registry of topics (both this "
            "site's classification)",
        ),
    ),
    Export("measures.csv", Text("施策の一覧（1行1施策）", "every measure, one per row"), MEASURE_COLUMNS),
    Export("figures.csv", Text("予算額の一覧（1行1件）", "every budget figure, one per row"), FIGURE_COLUMNS),
    Export(
        "progress.csv", Text("進捗状況の項目の一覧（1行1項目）", "every progress item, one per row"), PROGRESS_COLUMNS
    ),
)


CROSSWALK_COLUMNS = (
    _column("edition", "版（新しい方）", "the edition (the newer one)"),
    _column(
        "measure_id",
        "その版の施策のID（空欄：廃止された施策の行）",
        "the measure's id in it (empty: a dropped measure's row)",
    ),
    _column(
        "change",
        "変化：added（新規）、same（同じ）、revised（改訂）、split（分割）、merged（統合）、dropped（廃止）",
        "the change: added, same, revised, split, merged or dropped",
    ),
    _column("previous_edition", "前の版", "the edition before it"),
    _column(
        "previous_measure_id",
        "前の版の施策のID（空欄：新規の施策の行）",
        "the id of the measure it continues in the edition before (empty: a new measure's row)",
    ),
)
# With several editions (structure/editions.py): each edition after the first publishes its crosswalk to the
# one before, and the site publishes every edition's rows in one file of each kind (ALL_EDITIONS_DIR).
CROSSWALK = Export(
    "crosswalk.csv",
    Text(
        "前の版の施策との対応（1行1対応。data/ の各施策の continues と change から）",
        "how this edition's measures continue the edition before's, one link per row (from each measure's "
        "'continues' and 'change' in data/)",
    ),
    CROSSWALK_COLUMNS,
)
ALL_EDITIONS_DIR = "editions"  # under the export folder at the site's root: /data/editions/measures.csv
ALL_EDITIONS = tuple(
    dataclasses.replace(e, description=Text(f"すべての版の{e.description.ja}", f"all editions: {e.description.en}"))
    for e in (*EXPORTS[1:], CROSSWALK)
)


def crosswalk_csv(rows: list[dict]) -> str:
    """Crosswalk rows (structure/crosswalk.py, Crosswalk.rows) as CSV."""
    return _csv(CROSSWALK_COLUMNS, rows)


def all_editions(parts: list[dict[str, str]]) -> dict[str, str]:
    """Each edition's CSV files (all_exports), by name under ALL_EDITIONS_DIR, as one file of each kind:
    the header once, then every edition's rows, oldest edition first."""
    out = {}
    for export in ALL_EDITIONS:
        found = [part[export.name] for part in parts if export.name in part]
        if found:
            first, *rest = found
            out[f"{ALL_EDITIONS_DIR}/{export.name}"] = first + "".join(
                text.removeprefix("\ufeff").split("\r\n", 1)[1] for text in rest
            )
    return out


def export_list(schema_dir: Path) -> tuple[Export, ...]:
    """The published files: the data exports, then one JSON Schema per kind of data file."""
    schemas = tuple(
        Export(
            f"schema/{path.name}",
            _schema_description(path),
        )
        for path in sorted(schema_dir.glob("*.schema.json"))
    )
    return EXPORTS + schemas


def with_sizes(listed: tuple[Export, ...], published: dict[str, str]) -> tuple[Export, ...]:
    """The published files, each with its size in bytes as written (UTF-8)."""
    return tuple(
        dataclasses.replace(e, size=len(published[e.name].encode("utf-8"))) if e.name in published else e
        for e in listed
    )


def _schema_description(path: Path) -> Text:
    """What a JSON Schema file describes: from SCHEMA_DESCRIPTIONS, else (a new file) its own title."""
    known = SCHEMA_DESCRIPTIONS.get(path.name)
    if known:
        return Text(f"JSON Schema：{known.ja}", f"JSON Schema: {known.en}")
    title = json.loads(path.read_text("utf-8"))["title"]
    return Text(f"JSON Schema: {title}", f"JSON Schema: {title}")


def strategy_json(files: dict[str, list[LoadedFile]]) -> str:
    """Every data file's content, keyed as under data/ ('pillars' lists the pillar files by order)."""
    pillars = sorted((f.data for f in files["pillar"]), key=lambda p: p["order"])
    everything = {
        "strategy": files["strategy"][0].data,
        "pillars": pillars,
        "progress": files["progress"][0].data,
        "figures": files["figures"][0].data,
        "history": files["history"][0].data,
        "glossary": files["glossary"][0].data,
        # The redirects are the first edition's (the addresses of its time): another edition's file has none.
        "redirects": files["redirects"][0].data if files.get("redirects") else {"redirects": []},
        "accessibility": files["accessibility"][0].data,
        "editions": files["editions"][0].data if files.get("editions") else None,
        "names": files["names"][0].data,
        "topics": files["topics"][0].data,
        "provenance": provenance.as_json(Text.of(files["strategy"][0].data["source_title"])),
    }
    return json.dumps(everything, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def cell(value: object) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv(columns: tuple[Column, ...], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        writer.writerow([cell(row[c.name]) for c in columns])
    return "\ufeff" + out.getvalue()


def measures_csv(s: Strategy) -> str:
    rows = []
    for ms in s.measures:
        pillar, group = s.pillar(ms.pillar_id), s.group(ms.group_id)
        rows.append(
            {
                "id": ms.id,
                "pillar_id": pillar.id,
                "pillar_ja": pillar.name.ja,
                "pillar_en": pillar.name.en,
                "group_id": group.id,
                "group_ja": group.title.ja,
                "group_en": group.title.en,
                "text_ja": ms.text.ja,
                "text_en": ms.text.en,
                "slide": ms.slide,
                "permalink": "/" + s.address_prefix + urls.permalink_path(ms.id),
                "topics": " ".join(ms.topics),
                "site_own_columns": " ".join(provenance.SITE_OWN_COLUMNS["measures.csv"]),
                "edition": s.edition,
            }
        )
    return _csv(MEASURE_COLUMNS, rows)


def figures_csv(s: Strategy) -> str:
    rows = []
    for f in s.figures:
        rows.append(
            {
                "id": f.id,
                "program_ja": f.program.ja,
                "program_en": f.program.en,
                "amount": fmt.plain(f.amount),
                "unit": f.unit,
                "amount_yen": fmt.plain(f.yen),
                "amount_ja": fmt.amount(f, "ja"),
                "amount_en": fmt.amount(f, "en"),
                "approximate": f.approximate,
                "budget_type": f.budget_type,
                "fiscal_year_start": f.fy_start,
                "fiscal_year_end": f.fy_end,
                "measure_id": f.measure_id,
                "progress_item_id": f.progress_item_id,
                "note_ja": f.note.ja,
                "note_en": f.note.en,
                "slide": f.slide,
                "topics": " ".join(f.topics),
                "site_own_columns": " ".join(
                    provenance.SITE_OWN_COLUMNS["figures.csv"]
                    + ((provenance.SITE_READ_COLUMN,) if f.budget_type_is_site_reading else ())
                ),
                "edition": s.edition,
            }
        )
    return _csv(FIGURE_COLUMNS, rows)


def progress_csv(s: Strategy) -> str:
    rows = []
    for section in s.progress:
        for it in section.items:
            rows.append(
                {
                    "id": it.id,
                    "pillar_id": it.pillar_id,
                    "section_id": section.id,
                    "section_ja": section.title.ja,
                    "section_en": section.title.en,
                    "text_ja": it.text.ja,
                    "text_en": it.text.en,
                    "dates": " ".join(d.date for d in it.dates),
                    "measure_ids": " ".join(dict.fromkeys(it.advances)),
                    "slide": it.slide,
                    "permalink": "/" + s.address_prefix + urls.permalink_path(it.id),
                    "topics": " ".join(it.topics),
                    "site_own_columns": " ".join(provenance.SITE_OWN_COLUMNS["progress.csv"]),
                    "edition": s.edition,
                }
            )
    return _csv(PROGRESS_COLUMNS, rows)


def all_exports(
    s: Strategy, files: dict[str, list[LoadedFile]], schema_dir: Path, crosswalk_rows: list[dict] | None = None
) -> dict[str, str]:
    """The export files, by path under the export folder; with `crosswalk_rows` (an edition after the
    first), its crosswalk too."""
    out = {
        "strategy.json": strategy_json(files),
        "measures.csv": measures_csv(s),
        "figures.csv": figures_csv(s),
        "progress.csv": progress_csv(s),
    }
    if crosswalk_rows is not None:
        out[CROSSWALK.name] = crosswalk_csv(crosswalk_rows)
    for schema in sorted(schema_dir.glob("*.schema.json")):
        out[f"schema/{schema.name}"] = schema.read_text("utf-8")
    return out
