"""The data shipped in ``gazetteer/data/``: seed coverage, countries, history, kinds."""

from __future__ import annotations

import importlib.util
import json
import re
import warnings
from datetime import date
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from gazetteer import EntityType, Gazetteer, NameKind

DATA = resources.files("gazetteer") / "data"
GENERATOR = Path(__file__).resolve().parent.parent / "scripts" / "gen_countries.py"


def _seed_records(seeds_dir: Path) -> list[dict]:
    lines = (seeds_dir / "entities.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _sovereign_codes() -> list[str]:
    text = (DATA / "sovereign_states.txt").read_text(encoding="utf-8")
    return [line.split("#")[0].strip() for line in text.splitlines() if line.split("#")[0].strip()]


def _spellings(seed: dict) -> list[str]:
    return [*seed.get("aliases", []), *(n["name"] for n in seed.get("native", []))]


def test_default_holds_every_seed_entity(default_gazetteer: Gazetteer, seeds_dir: Path) -> None:
    """Every entity id of seeds/entities.jsonl is in the default gazetteer, with the seed's type."""
    for seed in _seed_records(seeds_dir):
        assert seed["id"] in default_gazetteer, seed["id"]
        assert default_gazetteer[seed["id"]].type.value == seed["type"], seed["id"]


def test_seed_spellings_are_names(default_gazetteer: Gazetteer, seeds_dir: Path) -> None:
    """Every alias and native spelling listed in the seeds is a name of its entity."""
    missing = []
    for seed in _seed_records(seeds_dir):
        texts = {n.text for n in default_gazetteer[seed["id"]].names}
        missing += [(seed["id"], s) for s in _spellings(seed) if s not in texts]
    assert missing == []


def test_seed_uncertain_names_stay_uncertain(default_gazetteer: Gazetteer, seeds_dir: Path) -> None:
    """A native spelling the seeds mark uncertain is flagged uncertain in the data."""
    for seed in _seed_records(seeds_dir):
        for native in seed.get("native", []):
            if native.get("uncertain"):
                names = [n for n in default_gazetteer[seed["id"]].names if n.text == native["name"]]
                assert names and all(n.uncertain for n in names), (seed["id"], native["name"])


def test_seed_demonyms_are_demonyms(default_gazetteer: Gazetteer, seeds_dir: Path) -> None:
    """The seeds' demonyms (Kazakh, Afghani, Soviet, Central Asian, Muslim...) have kind demonym."""
    for seed in _seed_records(seeds_dir):
        for text in seed.get("demonyms", []):
            kinds = {n.kind for n in default_gazetteer[seed["id"]].names if n.text == text}
            assert kinds == {NameKind.DEMONYM}, (seed["id"], text, kinds)


@pytest.mark.parametrize(("ident", "text"), [
    ("united-nations", "UN"), ("united-nations", "ООН"), ("csto", "CSTO"), ("csto", "ОДКБ"),
    ("sco", "SCO"), ("sco", "ШОС"), ("unama", "UNAMA"), ("mfa-kazakhstan", "MFA"),
    ("islamic-movement-of-uzbekistan", "IMU"), ("rfe-rl", "RFE/RL"), ("united-states", "US"),
    ("united-states", "U.S."), ("soviet-union", "СССР"), ("soviet-union", "USSR"),
])
def test_abbreviations_have_kind_abbreviation(default_gazetteer: Gazetteer, ident: str, text: str) -> None:
    """Acronyms are stored as kind abbreviation, not as plain aliases."""
    kinds = {n.kind for n in default_gazetteer[ident].names if n.text == text}
    assert kinds == {NameKind.ABBREVIATION}


def test_every_sovereign_state_has_a_country(default_gazetteer: Gazetteer) -> None:
    """Each of the 195 codes in sovereign_states.txt is the ISO code of exactly one country entity."""
    codes = _sovereign_codes()
    assert len(codes) == len(set(codes)) == 195
    by_code: dict[str, list[str]] = {}
    for e in default_gazetteer.filter(EntityType.COUNTRY):
        if "iso3166_alpha2" in e.ids:
            by_code.setdefault(e.ids["iso3166_alpha2"], []).append(e.id)
    assert {c: by_code.get(c, []) for c in codes if len(by_code.get(c, [])) != 1} == {}


@pytest.mark.parametrize(("ident", "code"), [
    ("kazakhstan", "KZ"), ("afghanistan", "AF"), ("kyrgyzstan", "KG"), ("tajikistan", "TJ"),
    ("turkmenistan", "TM"), ("uzbekistan", "UZ"), ("china", "CN"), ("russia", "RU"), ("pakistan", "PK"),
    ("qatar", "QA"), ("united-arab-emirates", "AE"), ("iran", "IR"), ("united-states", "US"),
])
def test_seed_countries_merge_with_generated(default_gazetteer: Gazetteer, ident: str, code: str) -> None:
    """The seed countries and the generated ones share ids, so their names merge into one entity."""
    assert default_gazetteer[ident].ids["iso3166_alpha2"] == code


@pytest.mark.parametrize(("ident", "text", "lang"), [
    ("kazakhstan", "Kasachstan", "de"), ("kyrgyzstan", "Kirgisistan", "de"),
    ("tajikistan", "Tadschikistan", "de"), ("uzbekistan", "Usbekistan", "de"),
    ("kazakhstan", "Қазақстан", "kk"), ("kazakhstan", "Казахстан", "ru"), ("china", "中国", "zh"),
])
def test_countries_have_exonyms(default_gazetteer: Gazetteer, ident: str, text: str, lang: str) -> None:
    """Generated country names carry their language: German Kasachstan, Kazakh Қазақстан..."""
    assert lang in {n.lang for n in default_gazetteer[ident].names if n.text == text}


def _generator() -> ModuleType:
    pytest.importorskip("babel")
    pytest.importorskip("pycountry")
    spec = importlib.util.spec_from_file_location("gen_countries", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_countries_file_in_sync_with_generator() -> None:
    """countries.jsonl is exactly what scripts/gen_countries.py generates (skipped without its deps)."""
    gen = _generator()
    committed = (DATA / "countries.jsonl").read_text(encoding="utf-8")
    header = committed.split("\n", 1)[0]
    if header != gen.stamp():
        pytest.skip(f"countries.jsonl was generated from other data versions: {header!r}, "
                    f"this environment gives {gen.stamp()!r}")
    assert gen.check() == []


@pytest.mark.parametrize(("ident", "text", "valid_from", "valid_to"), [
    ("astana", "Nur-Sultan", date(2019, 3, 23), date(2022, 9, 17)),
    ("astana", "Нур-Султан", date(2019, 3, 23), date(2022, 9, 17)),
    ("astana", "Нұр-Сұлтан", date(2019, 3, 23), date(2022, 9, 17)),
    ("astana", "Akmolinsk", None, date(1961, 12, 31)),
    ("astana", "Tselinograd", date(1961, 1, 1), date(1992, 12, 31)),
    ("astana", "Akmola", date(1992, 1, 1), date(1998, 5, 5)),
    ("astana", "Aqmola", date(1992, 1, 1), date(1998, 5, 5)),
    ("almaty", "Alma-Ata", date(1921, 3, 14), date(1993, 12, 31)),
    ("almaty", "Алма-Ата", date(1921, 3, 14), date(1993, 12, 31)),
    ("almaty", "Verny", date(1855, 1, 1), date(1921, 3, 13)),
    ("bishkek", "Frunze", date(1926, 1, 1), date(1991, 12, 31)),
    ("bishkek", "Фрунзе", date(1926, 1, 1), date(1991, 12, 31)),
    ("bishkek", "Pishpek", None, date(1926, 12, 31)),
])
def test_historical_names_have_documented_dates(
    default_gazetteer: Gazetteer, ident: str, text: str, valid_from: date | None, valid_to: date
) -> None:
    """Former names are kind historical with the documented period (Nur-Sultan 2019-03-23..2022-09-17)."""
    names = [n for n in default_gazetteer[ident].names if n.text == text]
    assert names, text
    for name in names:
        assert name.kind is NameKind.HISTORICAL
        assert (name.valid_from, name.valid_to) == (valid_from, valid_to)


def test_current_names_are_not_historical(default_gazetteer: Gazetteer) -> None:
    """Astana is valid today and Nur-Sultan is not; a canonical name is never historical."""
    astana = default_gazetteer["astana"]
    today = date(2024, 6, 1)
    assert {n.text for n in astana.names if n.text in ("Astana", "Астана")} == {"Astana", "Астана"}
    assert all(n.kind is not NameKind.HISTORICAL for n in astana.names if n.text in ("Astana", "Астана"))
    assert not any(n.is_valid_on(today) for n in astana.names if n.text == "Nur-Sultan")
    for e in default_gazetteer:
        assert e.names[0].kind is NameKind.CANONICAL and e.names[0].text == e.name, e.id
        assert not [n for n in e.names if n.text == e.name and n.kind is NameKind.HISTORICAL], e.id


def test_titles_are_attributes_not_names(default_gazetteer: Gazetteer) -> None:
    """Titles such as 'President' live in attributes.titles and are never names."""
    tokayev = default_gazetteer["kassym-jomart-tokayev"]
    assert "President of Kazakhstan" in tokayev.attributes["titles"]
    assert not {"President", "Mullah"} & {n.text for e in default_gazetteer for n in e.names}


def test_default_loads_without_problems() -> None:
    """Both shipped files load strictly, with no warning and no skipped record."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for fname in ("countries.jsonl", "entities.jsonl"):
            g = Gazetteer.loads((DATA / fname).read_text(encoding="utf-8"), strict=True, source=fname)
            assert g.problems == ()
            assert len(g) > 0
        assert Gazetteer.default().problems == ()


def test_tags_are_well_formed(default_gazetteer: Gazetteer) -> None:
    """Every lang is a BCP 47 language subtag and every script an ISO 15924 code."""
    bad = [(e.id, n.text, n.lang, n.script) for e in default_gazetteer for n in e.names
           if (n.lang is not None and not re.fullmatch(r"[a-z]{2,3}", n.lang))
           or (n.script is not None and not re.fullmatch(r"[A-Z][a-z]{3}", n.script))]
    assert bad == []


def test_scripts_match_the_letters(default_gazetteer: Gazetteer) -> None:
    """A name tagged Latin, Cyrillic or Arabic is written in that script (an Uzbek name may be in either)."""
    from namematch import detect_script

    bad = [(e.id, n.text, n.script) for e in default_gazetteer for n in e.names
           if n.script in ("Latn", "Cyrl", "Arab") and detect_script(n.text) not in (None, n.script)]
    assert bad == []


def test_shipped_files_are_small() -> None:
    """The generated countries file stays well under 2 MB."""
    assert len((DATA / "countries.jsonl").read_bytes()) < 2_000_000


@pytest.mark.parametrize(("ident", "text", "lang"), [
    ("kazakhstan", "kazajo", "es"), ("kyrgyzstan", "kirguís", "es"), ("kazakhstan", "kazakhstanais", "fr"),
    ("kazakhstan", "kazako", "it"), ("kazakhstan", "cazaque", "pt"), ("kazakhstan", "Kazakistanlı", "tr"),
    ("kazakhstan", "qozogʻistonlik", "uz"), ("kazakhstan", "казакстандык", "ky"), ("kazakhstan", "қазоқ", "tg"),
    ("kazakhstan", "Kazachowie", "pl"), ("afghanistan", "afgano", "es"), ("soviet-union", "soviétique", "fr"),
])
def test_demonyms_in_more_languages(default_gazetteer: Gazetteer, ident: str, text: str, lang: str) -> None:
    """Demonyms of the region's countries in the languages its news is read in are demonyms, tagged."""
    found = [n for n in default_gazetteer[ident].names if n.text == text]
    assert [(n.kind, n.lang) for n in found] == [(NameKind.DEMONYM, lang)]


def test_demonyms_are_no_other_entitys_name(default_gazetteer: Gazetteer) -> None:
    """No demonym is written as another entity's name (it would read that name as the country)."""
    names: dict[str, set[str]] = {}
    for e in default_gazetteer:
        for n in e.names:
            if n.kind is not NameKind.DEMONYM:
                names.setdefault(n.text.casefold(), set()).add(e.id)
    bad = [(e.id, n.text) for e in default_gazetteer for n in e.names
           if n.kind is NameKind.DEMONYM and names.get(n.text.casefold(), {e.id}) - {e.id}]
    assert bad == []
