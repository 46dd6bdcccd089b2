"""Behaviour of the gazetteer model, loaders and merging."""

from __future__ import annotations

import json
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazetteer import (
    Clash,
    DataFileError,
    Entity,
    EntityType,
    Gazetteer,
    GazetteerError,
    GazetteerWarning,
    Name,
    NameKind,
    RecordError,
)

from .strategies import entities

GOOD = [
    {"id": f"e{i}", "type": "person", "name": f"Person {i}", "aliases": [f"P{i}", f"Alias {i}"]}
    for i in range(10)
]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_minimal_record_loads() -> None:
    """The minimal line from the docs loads with canonical name first and aliases after."""
    e = Entity.from_record({"id": "x", "type": "person", "name": "Abc", "aliases": ["Def", "Ghi"]})
    assert [n.text for n in e.names] == ["Abc", "Def", "Ghi"]
    assert e.names[0].kind is NameKind.CANONICAL
    assert {n.kind for n in e.names[1:]} == {NameKind.ALIAS}


def test_rich_name_object() -> None:
    """Name objects carry lang, script, kind and dates."""
    e = Entity.from_record({
        "id": "astana", "type": "place", "name": "Astana",
        "names": [{"text": "Нур-Султан", "lang": "ru", "script": "Cyrl", "kind": "historical",
                   "valid_from": "2019-03-23", "valid_to": "2022-09-17"}],
    })
    n = e.names[1]
    assert (n.lang, n.script, n.kind) == ("ru", "Cyrl", NameKind.HISTORICAL)
    assert n.is_valid_on(date(2020, 1, 1)) and not n.is_valid_on(date(2023, 1, 1))
    assert n.period == "2019-03-23..2022-09-17"


def test_unknown_keys_become_attributes_and_wikidata_is_an_id() -> None:
    """Extra keys are kept as attributes; wikidata goes to ids."""
    e = Entity.from_record({"id": "k", "type": "country", "name": "Kazakhstan", "wikidata": "Q232", "notes": "n"})
    assert e.wikidata == "Q232"
    assert e.attributes["notes"] == "n"


@pytest.mark.parametrize(
    ("record", "fragment"),
    [
        ({"type": "person", "name": "A"}, "missing id"),
        ({"id": "a", "type": "alien", "name": "A"}, "unknown type"),
        ({"id": "a", "type": "person", "name": ""}, "empty name"),
        ({"id": "a", "type": "person", "name": "A", "aliases": [""]}, "empty name"),
        ({"id": "a", "type": "person", "name": "A", "names": [{"text": "B", "kind": "nick"}]}, "unknown kind"),
        ({"id": "a", "type": "person", "name": "A", "names": [{"text": "B", "valid_from": "2019-13-01"}]},
         "bad date"),
        ({"id": "a", "type": "place", "name": "A",
          "names": [{"text": "B", "valid_from": "2022-09-17", "valid_to": "2019-03-20"}]},
         "valid_to 2019-03-20 is before valid_from 2022-09-17"),
        ({"id": "a", "type": "person", "name": "A", "wikidata": "232"}, "bad wikidata id"),
    ],
)
def test_bad_records_say_what_is_wrong(record: dict[str, object], fragment: str) -> None:
    """Each kind of bad record raises RecordError naming the problem."""
    with pytest.raises(RecordError, match=fragment):
        Entity.from_record(record)


def test_three_bad_lines_among_ten_good(tmp_path: Path) -> None:
    """10 good records load and 3 malformed lines are reported by line number."""
    lines = [json.dumps(r) for r in GOOD]
    lines.insert(2, '{"id": "broken", ')                              # line 3: bad JSON
    lines.insert(6, json.dumps({"id": "z", "type": "robot", "name": "Z"}))  # line 7: unknown type
    lines.insert(9, json.dumps({"id": "e0", "type": "person", "name": "Again"}))  # line 10: duplicate id
    p = _write(tmp_path, "g.jsonl", "\n".join(lines) + "\n")
    with pytest.warns(GazetteerWarning, match="skipped 3 bad record"):
        g = Gazetteer.load(p)
    assert len(g) == 10
    assert [pr.line for pr in g.problems] == [3, 7, 10]
    assert str(g.problems[0]).startswith(f"{p}:3: bad JSON")
    assert "unknown type" in g.problems[1].message and "robot" in g.problems[1].message
    assert "duplicate id" in g.problems[2].message and "line 1" in g.problems[2].message


def test_strict_raises_on_first_problem(tmp_path: Path) -> None:
    """strict=True raises DataFileError carrying path and line."""
    p = _write(tmp_path, "g.jsonl", json.dumps(GOOD[0]) + "\nnot json\n")
    with pytest.raises(DataFileError) as info:
        Gazetteer.load(p, strict=True)
    assert (info.value.path, info.value.line) == (str(p), 2)


def test_json_array_and_object_forms(tmp_path: Path) -> None:
    """A .json file may be an array or {"entities": [...]}, with per-record line numbers."""
    arr = "[\n" + ",\n".join(json.dumps(r) for r in GOOD[:3]) + ",\n" + '{"id": "q", "type": "x", "name": "Q"}' + "\n]"
    with pytest.warns(GazetteerWarning):
        g = Gazetteer.load(_write(tmp_path, "a.json", arr))
    assert len(g) == 3 and g.problems[0].line == 5
    obj = json.dumps({"entities": GOOD[:4]}, indent=1)
    assert len(Gazetteer.load(_write(tmp_path, "b.json", obj))) == 4


def test_csv_loads_lists_and_reports_bad_rows(tmp_path: Path) -> None:
    """CSV rows give entities; |-separated list columns give names; a bad row is reported."""
    text = ("id,type,name,aliases,wikidata,region\n"
            "kz,country,Kazakhstan,Qazaqstan|Kasachstan,Q232,Central Asia\n"
            "bad,unicorn,Nope,,,\n"
            "af,country,Afghanistan,,Q889,\n")
    with pytest.warns(GazetteerWarning):
        g = Gazetteer.load(_write(tmp_path, "c.csv", text))
    assert g.ids() == ("kz", "af")
    kz = g["kz"]
    assert [n.text for n in kz.names] == ["Kazakhstan", "Qazaqstan", "Kasachstan"]
    assert kz.wikidata == "Q232" and kz.attributes["region"] == "Central Asia"
    assert g.problems[0].line == 3


def test_unknown_suffix_and_missing_file_are_clear(tmp_path: Path) -> None:
    """Unreadable inputs raise DataFileError, not a bare OSError."""
    with pytest.raises(DataFileError, match="unknown format"):
        Gazetteer.load(_write(tmp_path, "x.yaml", "a: 1"))
    with pytest.raises(DataFileError, match="cannot read"):
        Gazetteer.load(tmp_path / "missing.jsonl")


def test_lookup_filter_get() -> None:
    """Exact lookup ignores case, punctuation and spacing; filter keeps only the given types."""
    g = Gazetteer.from_records([
        {"id": "a", "type": "place", "name": "Nur-Sultan"},
        {"id": "b", "type": "person", "name": "Nursultan Nazarbayev"},
    ])
    assert [e.id for e in g.lookup("NUR SULTAN")] == ["a"]
    assert g.lookup("nowhere") == ()
    assert [e.id for e in g.filter("person")] == ["b"]
    assert g.get("zzz") is None and g["a"].type is EntityType.PLACE
    assert "a" in g and len(g) == 2


def test_merge_clash_modes() -> None:
    """combine unions names (later wins on scalars); replace swaps; error raises."""
    a = Gazetteer.from_records([{"id": "x", "type": "person", "name": "Old", "aliases": ["A1"], "wikidata": "Q1"}])
    b = Gazetteer.from_records([{"id": "x", "type": "person", "name": "New", "aliases": ["B1"]}])
    combined = a.merge(b)["x"]
    assert combined.name == "New" and combined.wikidata == "Q1"
    assert [n.text for n in combined.names] == ["New", "Old", "A1", "B1"]
    assert [n.text for n in a.merge(b, on_clash=Clash.REPLACE)["x"].names] == ["New", "B1"]
    with pytest.raises(GazetteerError, match="id clash"):
        a.merge(b, on_clash="error")


@given(entities())
def test_entity_record_round_trip(e: Entity) -> None:
    """Entity -> record -> Entity.from_record gives the same entity (also through JSON)."""
    assert Entity.from_record(e.to_record()) == e
    assert Entity.from_record(json.loads(json.dumps(e.to_record()))) == e


@given(st.binary(max_size=400), st.sampled_from([".jsonl", ".json", ".csv"]))
def test_arbitrary_bytes_never_crash(tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str) -> None:
    """Loading any bytes yields a gazetteer and reported problems, never an exception."""
    p = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    p.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GazetteerWarning)
        g = Gazetteer.load(p)
    assert all(pr.line >= 1 for pr in g.problems)


def _gaz(prefix: str, es: list[Entity]) -> Gazetteer:
    seen: dict[str, Entity] = {}
    for e in es:
        seen.setdefault(prefix + e.id, Entity(prefix + e.id, e.type, e.name, e.names, e.ids, e.attributes))
    return Gazetteer(seen.values())


@given(st.lists(entities(), max_size=4), st.lists(entities(), max_size=4), st.lists(entities(), max_size=4))
def test_merge_of_disjoint_gazetteers_is_associative(a: list[Entity], b: list[Entity], c: list[Entity]) -> None:
    """(a | b) | c == a | (b | c) for gazetteers with disjoint ids."""
    ga, gb, gc = _gaz("a", a), _gaz("b", b), _gaz("c", c)
    assert (ga | gb) | gc == ga | (gb | gc)
    assert len(ga | gb | gc) == len(ga) + len(gb) + len(gc)


@given(st.lists(entities(st.sampled_from(["p", "q", "r"])), max_size=3),
       st.lists(entities(st.sampled_from(["p", "q", "r"])), max_size=3),
       st.lists(entities(st.sampled_from(["p", "q", "r"])), max_size=3))
def test_combine_merge_is_associative_even_with_clashes(a: list[Entity], b: list[Entity], c: list[Entity]) -> None:
    """With clashing ids, combine is associative up to the order of each entity's names."""
    ga, gb, gc = _gaz("", a), _gaz("", b), _gaz("", c)

    def summary(g: Gazetteer) -> list[tuple[object, ...]]:
        return [(e.id, e.type, e.name, frozenset((n.text, n.lang) for n in e.names), dict(e.ids)) for e in g]

    assert summary((ga | gb) | gc) == summary(ga | (gb | gc))


def test_name_requires_text() -> None:
    """A Name must have non-empty text."""
    with pytest.raises(RecordError):
        Name("  ")
