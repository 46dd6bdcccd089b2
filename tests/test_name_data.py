"""The reviewed name tables in ``namematch/data/`` are well formed.

Each table is read here with a small local TSV reader (not the library loader), so a malformed
row is reported with its file and line even when the library cannot load the table.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest


def _data_dir() -> Path:
    # find_spec locates the package without importing it, so these checks do not depend on the
    # rest of the library importing cleanly; it finds the installed package when there is one.
    spec = importlib.util.find_spec("namematch")
    assert spec is not None and spec.submodule_search_locations
    return Path(next(iter(spec.submodule_search_locations))) / "data"


DATA = _data_dir()

# file name -> (column names, columns that together must be unique)
TABLES = {
    "titles.tsv": (("form", "lang", "category", "also_name"), ("form", "lang")),
    "particles.tsv": (("form", "role", "note"), ("form", "role")),
    "patronymics.tsv": (("affix", "position", "kind", "lang", "note"), ("affix", "position", "kind", "lang")),
    "name_frequency.tsv": (("token", "weight", "note"), ("token",)),
    "org_words.tsv": (("form", "category", "lang"), ("form", "lang")),
    "abbreviations.tsv": (("form", "expansion", "lang"), ("form", "lang")),
    "place_words.tsv": (("form", "lang", "meaning", "level"), ("form", "lang")),
    "qualifiers.tsv": (("form", "lang", "meaning"), ("form", "lang")),
    "place_adjectives.tsv": (("ending", "lang", "note"), ("ending",)),
    "surname_endings.tsv": (("ending", "lang", "note"), ("ending",)),
    "cjk_suffixes.tsv": (("form", "category", "lang", "meaning"), ("form", "lang")),
    "apostrophe_suffixes.tsv": (("suffix", "lang", "note"), ("suffix", "lang")),
}

ALLOWED = {
    ("titles.tsv", "category"): {
        "honorific", "religious", "political", "military", "academic", "royal", "other", "generational",
    },
    ("titles.tsv", "also_name"): {"yes", "no"},
    ("particles.tsv", "role"): {"article", "prefix", "suffix", "connector"},
    ("patronymics.tsv", "position"): {"suffix", "word"},
    ("patronymics.tsv", "kind"): {"patronymic", "surname"},
    ("org_words.tsv", "category"): {"legal", "generic"},
    ("cjk_suffixes.tsv", "category"): {"title", "kind"},
    ("qualifiers.tsv", "meaning"): {"north", "south", "east", "west", "central", "upper", "lower", "inner", "outer",
                                    "great", "small", "new", "mountainous"},
    ("place_words.tsv", "level"): {"region", "district", "settlement", "mountains", "river", "valley", "lake", "water"},
}

Row = tuple[int, dict[str, str]]


def read_tsv(name: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Comment lines and data rows (as line number and raw tab-separated cells) of one table."""
    comments: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    text = (DATA / name).read_text(encoding="utf-8")
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.startswith("#"):
            comments.append(line)
        elif line.strip():
            rows.append((lineno, line.split("\t")))
    return comments, rows


def records(name: str) -> list[Row]:
    """Rows of one table as dicts keyed by column name (only for rows with the right width)."""
    columns, _ = TABLES[name]
    return [
        (n, dict(zip(columns, cells, strict=True)))
        for n, cells in read_tsv(name)[1]
        if len(cells) == len(columns)
    ]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_opens_with_a_comment_block(name: str) -> None:
    """Every table starts with '# ' comments that name its columns, and has data rows."""
    text = (DATA / name).read_text(encoding="utf-8")
    assert text.startswith("# ")
    comments, rows = read_tsv(name)
    columns, _ = TABLES[name]
    header = "\n".join(comments)
    assert "\t".join(columns) in header, f"{name}: the comments must list the columns {columns}"
    assert rows, f"{name}: no data rows"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_rows_have_the_documented_width(name: str) -> None:
    """Every data row has exactly the table's number of tab-separated columns."""
    columns, _ = TABLES[name]
    bad = [(n, cells) for n, cells in read_tsv(name)[1] if len(cells) != len(columns)]
    assert not bad, f"{name}: rows with other than {len(columns)} columns: {bad[:5]}"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_no_empty_or_padded_cells(name: str) -> None:
    """No cell is empty or carries leading/trailing whitespace."""
    bad = [(n, row) for n, row in records(name) for v in row.values() if not v or v != v.strip()]
    assert not bad, f"{name}: empty or padded cells: {bad[:5]}"


@pytest.mark.parametrize("name", sorted(TABLES))
def test_no_duplicate_rows(name: str) -> None:
    """No two rows share a casefolded form together with the rest of the table's key."""
    columns, key = TABLES[name]
    counts = Counter(
        tuple(row[c].casefold() if c == columns[0] else row[c] for c in key) for _, row in records(name)
    )
    dups = [k for k, v in counts.items() if v > 1]
    assert not dups, f"{name}: duplicate rows {dups[:5]}"


@pytest.mark.parametrize(("name", "column"), sorted(ALLOWED))
def test_values_come_from_the_documented_sets(name: str, column: str) -> None:
    """Categories, roles, positions, kinds and also_name use only the documented values."""
    allowed = ALLOWED[name, column]
    bad = [(n, row[column]) for n, row in records(name) if row[column] not in allowed]
    assert not bad, f"{name}: {column} outside {sorted(allowed)}: {bad[:5]}"
    # and the documented values are those named in the file's comments
    header = "\n".join(read_tsv(name)[0])
    assert all(value in header for value in allowed)


@pytest.mark.parametrize("name", ["titles.tsv", "patronymics.tsv", "org_words.tsv"])
def test_lang_is_a_bcp47_language(name: str) -> None:
    """lang cells are lowercase BCP 47 primary language subtags (en, ru, kk, fa, ps ...)."""
    bad = [(n, row["lang"]) for n, row in records(name)
           if not (2 <= len(row["lang"]) <= 3 and row["lang"].isascii() and row["lang"].isalpha()
                   and row["lang"].islower())]
    assert not bad, f"{name}: bad lang codes {bad[:5]}"


def test_weights_are_floats_in_the_unit_interval() -> None:
    """Every name_frequency weight parses as a float in (0, 1]."""
    bad = []
    for n, row in records("name_frequency.tsv"):
        try:
            weight = float(row["weight"])
        except ValueError:
            bad.append((n, row["weight"]))
            continue
        if not 0 < weight <= 1:
            bad.append((n, row["weight"]))
    assert not bad, f"name_frequency.tsv: weights outside (0, 1]: {bad[:5]}"


def test_frequency_tokens_are_lowercase_single_words() -> None:
    """name_frequency tokens are single lowercase ASCII words, as the normaliser produces."""
    bad = [(n, row["token"]) for n, row in records("name_frequency.tsv")
           if not (row["token"].isascii() and row["token"].isalpha() and row["token"].islower())]
    assert not bad, f"name_frequency.tsv: tokens not lowercase ASCII words: {bad[:5]}"


def test_frequency_table_documents_its_method() -> None:
    """name_frequency.tsv says in a '# method:' comment how its weights were assigned."""
    assert any(c.startswith("# method:") for c in read_tsv("name_frequency.tsv")[0])


def test_muhammad_weighs_less_than_a_rarer_name() -> None:
    """The ubiquitous Muhammad is weighted as less informative than a merely common name."""
    weights = {row["token"]: float(row["weight"]) for _, row in records("name_frequency.tsv")}
    assert weights["muhammad"] < weights["ahmad"] < weights["ruslan"] < 1.0


def test_patronymic_affix_shape_matches_position() -> None:
    """Suffixes are written with a leading hyphen and separate words without one."""
    bad = [(n, row["affix"], row["position"]) for n, row in records("patronymics.tsv")
           if row["affix"].startswith("-") != (row["position"] == "suffix")]
    assert not bad, f"patronymics.tsv: affix spelling does not match position: {bad[:5]}"


def test_amir_is_a_title_that_is_also_a_name() -> None:
    """Amir is listed as a title and marked also_name=yes, so "Amir Khan Muttaqi" keeps his name."""
    amir = [row for _, row in records("titles.tsv") if row["form"].casefold() == "amir"]
    assert amir
    assert all(row["also_name"] == "yes" for row in amir)


def test_a_title_form_agrees_with_itself_on_also_name() -> None:
    """A form listed under several languages is marked also_name the same way in each."""
    seen: dict[str, set[str]] = {}
    for _, row in records("titles.tsv"):
        seen.setdefault(row["form"].casefold(), set()).add(row["also_name"])
    mixed = sorted(f for f, v in seen.items() if len(v) > 1)
    assert not mixed, f"titles.tsv: forms marked both yes and no: {mixed}"


def test_common_afghan_titles_and_patronymic_words_are_listed() -> None:
    """The titles and patronymic words most often seen around Afghan and Central Asian names are present."""
    titles = {row["form"].casefold() for _, row in records("titles.tsv")}
    assert {"mullah", "mawlawi", "maulvi", "haji", "qari", "ملا", "مولوی", "мулла", "dr.", "gen."} <= titles
    words = {row["affix"].casefold() for _, row in records("patronymics.tsv") if row["position"] == "word"}
    assert {"uulu", "kyzy", "ogly", "ugli", "qizi", "уулу", "оглы"} <= words


def test_generic_org_and_place_words_are_no_given_names() -> None:
    """No generic organisation or place word is also listed as a name (name_frequency) or a title that is a name."""
    names = {row["token"] for _, row in records("name_frequency.tsv")}
    names |= {row["form"].casefold() for _, row in records("titles.tsv") if row["also_name"] == "yes"}
    generic = [(n, row["form"]) for n, row in records("org_words.tsv") if row["category"] == "generic"]
    generic += [(n, row["form"]) for n, row in records("place_words.tsv")]
    bad = [(n, form) for n, form in generic if form.casefold() in names]
    assert not bad, f"generic words that are also names: {bad[:5]}"


def test_offices_in_the_press_of_other_languages_are_listed() -> None:
    """Heads of state and ministers are titled as the Turkish, Indonesian, Korean, Italian, Czech, Polish and
    Bulgarian press title them, and Chinese and Japanese titles written after a name are listed too."""
    titles = {(row["form"].casefold(), row["lang"]) for _, row in records("titles.tsv")}
    assert {("cumhurbaşkanı", "tr"), ("dışişleri bakanı", "tr"), ("presiden", "id"), ("대통령", "ko"),
            ("ministro degli esteri", "it"), ("ministr zahraničních věcí", "cs"), ("prezydenta", "pl"),
            ("президентът", "bg")} <= titles
    cjk = {row["form"] for _, row in records("cjk_suffixes.tsv") if row["category"] == "title"}
    assert {"国家主席", "國家主席", "首相", "外相", "外務大臣"} <= cjk
