"""Country names as the European and other Latin-script press writes them (gazetteer/data/country_names.jsonl).

The generated countries.jsonl takes CLDR names in a fixed set of languages; the curated file adds the
press forms it lacks (CLDR short names in further languages, colloquial exonyms, former names with
their periods). These tests check that such a name resolves to its country, and that a former name
carries its period.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from gazetteer import NameKind
from namematch import Resolver

CURATED = resources.files("gazetteer") / "data" / "country_names.jsonl"


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


# (name, lang, country id): a sample across languages and kinds of name.
PRESS_NAMES = [
    ("Weißrussland", "de", "belarus"),
    ("Holland", "de", "netherlands"),
    ("Elfenbeinküste", "de", "cote-d-ivoire"),
    ("Großbritannien", "de", "united-kingdom"),
    ("Moldawien", "de", "moldova"),
    ("Osttimor", "de", "timor-leste"),
    ("Costa de Marfil", "es", "cote-d-ivoire"),
    ("Holanda", "es", "netherlands"),
    ("Olanda", "it", "netherlands"),
    ("Repubblica Ceca", "it", "czechia"),
    ("Grã-Bretanha", "pt", "united-kingdom"),
    ("Wit-Rusland", "nl", "belarus"),
    ("Groot-Brittannië", "nl", "united-kingdom"),
    ("Vitryssland", "sv", "belarus"),
    ("Hviderusland", "da", "belarus"),
    ("Østrig", "da", "austria"),
    ("Frankrig", "da", "france"),
    ("Hviterussland", "nb", "belarus"),
    ("Storbritannia", "nb", "united-kingdom"),
    ("Saksa", "fi", "germany"),
    ("Itävalta", "fi", "austria"),
    ("Tadžikistan", "fi", "tajikistan"),
    ("Valko-Venäjä", "fi", "belarus"),
    ("Nemecko", "sk", "germany"),
    ("Spojené štáty", "sk", "united-states"),
    ("Nemčija", "sl", "germany"),
    ("Njemačka", "hr", "germany"),
    ("Bjelorusija", "hr", "belarus"),
    ("Marea Britanie", "ro", "united-kingdom"),
    ("Elveția", "ro", "switzerland"),
    ("Fehéroroszország", "hu", "belarus"),
    ("Beyaz Rusya", "tr", "belarus"),
    ("Fildişi Sahili", "tr", "cote-d-ivoire"),
    ("Almaniya", "az", "germany"),
    ("Gürcüstan", "az", "georgia"),
    ("Saksamaa", "et", "germany"),
    ("Valgevene", "et", "belarus"),
    ("Vācija", "lv", "germany"),
    ("Baltkrievija", "lv", "belarus"),
    ("Vokietija", "lt", "germany"),
    ("Baltarusija", "lt", "belarus"),
    ("Belanda", "id", "netherlands"),
    ("Inggris Raya", "id", "united-kingdom"),
    ("Nhật Bản", "vi", "japan"),
    ("Tây Ban Nha", "vi", "spain"),
]


@pytest.mark.parametrize(("name", "lang", "country"), PRESS_NAMES, ids=[f"{lang}-{n}" for n, lang, _ in PRESS_NAMES])
def test_press_name_resolves_to_its_country(resolver: Resolver, name: str, lang: str, country: str) -> None:
    matches = resolver.resolve(name, limit=1)
    assert matches, name
    assert matches[0].entity.id == country


def test_weissrussland_is_belarus(resolver: Resolver) -> None:
    assert [m.entity.id for m in resolver.resolve("Weißrussland", limit=1)] == ["belarus"]


@pytest.mark.parametrize(
    ("name", "when", "country"),
    [
        ("Ceylon", "1950-01-01", "sri-lanka"),
        ("Siam", "1930-01-01", "thailand"),
        ("Siam", "1947-01-01", "thailand"),
        ("Zaire", "1980-01-01", "democratic-republic-of-the-congo"),
        ("Upper Volta", "1970-01-01", "burkina-faso"),
        ("Dahomey", "1970-01-01", "benin"),
        ("Kampuchea", "1980-06-01", "cambodia"),
    ],
)
def test_former_name_in_use_on_a_date_then(resolver: Resolver, name: str, when: str, country: str) -> None:
    """A former name ranks its country first on a date when it was in use, matched as a historical name."""
    best = resolver.resolve(name, date=when, limit=1)[0]
    assert best.entity.id == country
    assert best.name.kind is NameKind.HISTORICAL
    assert best.valid


def test_former_name_is_out_of_use_after_the_rename(resolver: Resolver) -> None:
    """Still found after the rename (press history uses it), but flagged as not in use on that date."""
    best = resolver.resolve("Ceylon", date="2000-01-01", limit=1)[0]
    assert best.entity.id == "sri-lanka"
    assert best.name.kind is NameKind.HISTORICAL
    assert not best.valid
    assert best.name.valid_to is not None and best.name.valid_to.year == 1972


def test_siam_has_both_periods(resolver: Resolver) -> None:
    """Siam was the name until 1939 and again 1945-1949; between the two, Thailand was."""
    best = resolver.resolve("Siam", date="1942-01-01", limit=1)[0]
    assert best.entity.id == "thailand"
    assert not best.valid


def test_curated_country_names_are_not_short_words() -> None:
    """Beyond abbreviations, no curated country name is 3 letters or fewer (a precision guard for find_mentions)."""
    lines = CURATED.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("//")
    for line in lines[1:]:
        record = json.loads(line)
        for name in record["names"]:
            if name.get("kind") != NameKind.ABBREVIATION.value:
                assert len(name["text"]) > 3, (record["id"], name["text"])
