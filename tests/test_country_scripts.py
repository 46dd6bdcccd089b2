"""Country names in scripts beyond Latin, Cyrillic (Russian and Central Asian), Arabic and CJK
(gazetteer/data/country_names.jsonl), long official forms in Japanese, Korean and Chinese, and the
Soviet-era names of the post-Soviet states with their periods.

CLDR short names in th he el hy ka hi bn ur mn bg sr mk, and the official long forms, resolve to their
country; a Soviet-era name ("Kazakh SSR") is a historical name, in use within its period only; a
Hebrew country name in running text is found as a mention.
"""

from __future__ import annotations

import pytest

from gazetteer import NameKind
from namematch import Resolver


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


# (name, lang, country id): a sample across the new scripts and the long official forms.
SCRIPT_NAMES = [
    ("คาซัคสถาน", "th", "kazakhstan"),
    ("ฝรั่งเศส", "th", "france"),
    ("เกาหลีเหนือ", "th", "north-korea"),
    ("อัฟกานิสถาน", "th", "afghanistan"),
    ("קזחסטן", "he", "kazakhstan"),
    ("צרפת", "he", "france"),
    ("גרמניה", "he", "germany"),
    ("ארצות הברית", "he", "united-states"),
    ("Καζακστάν", "el", "kazakhstan"),
    ("Γερμανία", "el", "germany"),
    ("Ηνωμένο Βασίλειο", "el", "united-kingdom"),
    ("Ղազախստան", "hy", "kazakhstan"),
    ("Ռուսաստան", "hy", "russia"),
    ("ყაზახეთი", "ka", "kazakhstan"),
    ("რუსეთი", "ka", "russia"),
    ("ამერიკის შეერთებული შტატები", "ka", "united-states"),
    ("कज़ाखस्तान", "hi", "kazakhstan"),
    ("पाकिस्तान", "hi", "pakistan"),
    ("जर्मनी", "hi", "germany"),
    ("কাজাখস্তান", "bn", "kazakhstan"),
    ("ভারত", "bn", "india"),
    ("قزاخستان", "ur", "kazakhstan"),
    ("بھارت", "ur", "india"),
    ("Хятад", "mn", "china"),
    ("Энэтхэг", "mn", "india"),
    ("Өмнөд Солонгос", "mn", "south-korea"),
    ("Монгол Улс", "mn", "mongolia"),
    ("Гърция", "bg", "greece"),
    ("Съединени щати", "bg", "united-states"),
    ("Немачка", "sr", "germany"),
    ("Таџикистан", "sr", "tajikistan"),
    ("Француска", "sr", "france"),
    ("Германија", "mk", "germany"),
    ("Јапонија", "mk", "japan"),
    ("カザフスタン共和国", "ja", "kazakhstan"),
    ("朝鮮民主主義人民共和国", "ja", "north-korea"),
    ("イラン・イスラム共和国", "ja", "iran"),
    ("조선민주주의인민공화국", "ko", "north-korea"),
    ("우즈베키스탄 공화국", "ko", "uzbekistan"),
    ("중화인민공화국", "ko", "china"),
    ("モンゴル国", "ja", "mongolia"),
    ("俄罗斯联邦", "zh", "russia"),
]


@pytest.mark.parametrize(("name", "lang", "country"), SCRIPT_NAMES, ids=[f"{lang}-{c}" for _, lang, c in SCRIPT_NAMES])
def test_name_in_script_resolves_to_its_country(resolver: Resolver, name: str, lang: str, country: str) -> None:
    matches = resolver.resolve(name, limit=1)
    assert matches, name
    assert matches[0].entity.id == country


def test_kazakh_ssr_is_kazakhstan_in_its_period(resolver: Resolver) -> None:
    best = resolver.resolve("Kazakh SSR", date="1970-01-01", limit=1)[0]
    assert best.entity.id == "kazakhstan"
    assert best.name.kind is NameKind.HISTORICAL
    assert best.valid


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Казахская ССР", "kazakhstan"),
        ("Киргизская ССР", "kyrgyzstan"),
        ("Uzbek SSR", "uzbekistan"),
        ("Byelorussian SSR", "belarus"),
        ("Estnische SSR", "estonia"),
        ("РСФСР", "russia"),
    ],
)
def test_soviet_name_resolves_as_historical(resolver: Resolver, name: str, country: str) -> None:
    best = resolver.resolve(name, date="1980-06-01", limit=1)[0]
    assert best.entity.id == country
    assert best.name.kind is NameKind.HISTORICAL
    assert best.valid


def test_soviet_name_is_out_of_use_after_the_renaming(resolver: Resolver) -> None:
    best = resolver.resolve("Kazakh SSR", date="2000-01-01", limit=1)[0]
    assert best.entity.id == "kazakhstan"
    assert not best.valid


def test_hebrew_country_name_in_running_text(resolver: Resolver) -> None:
    """ "The president met today with the president of France, and the two discussed the region." """
    text = "הנשיא נפגש היום עם נשיא צרפת, והשניים דנו במצב באזור."
    found = {(m.text, m.entity.id) for m in resolver.find_mentions(text) if m.entity is not None}
    assert ("צרפת", "france") in found
