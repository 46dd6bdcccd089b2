"""Country names as the region's own press writes them (gazetteer/data/country_names.jsonl).

Kazakh, Kyrgyz, Uzbek, Tajik and Turkmen newspapers often name a country by a native exonym
("Мажарстан" for Hungary, "Ооганстан" for Afghanistan) rather than the Russian form the generated
countries.jsonl mostly carries. These tests check that such names resolve to their country, alone
and in running text.
"""

from __future__ import annotations

import pytest

from namematch import Resolver


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


# (name, country id): a sample across kk (Cyrillic and 2021 Latin), ky, uz, tg and tk.
REGION_NAMES = [
    ("Мажарстан", "hungary"),
    ("Majarstan", "hungary"),
    ("Маҷористон", "hungary"),
    ("Мысыр", "egypt"),
    ("Mysyr", "egypt"),
    ("Миср", "egypt"),
    ("Үндістан", "india"),
    ("Ündıstan", "india"),
    ("Орусия", "russia"),
    ("Resei", "russia"),
    ("Ооганстан", "afghanistan"),
    ("Ауғанстан", "afghanistan"),
    ("Әзірбайжан", "azerbaijan"),
    ("Qytai", "china"),
    ("Жапония", "japan"),
    ("Олмон", "germany"),
    ("Ұлыбритания", "united-kingdom"),
    ("Британияи Кабир", "united-kingdom"),
    ("Beýik Britaniýa", "united-kingdom"),
    ("Yunoniston", "greece"),
    ("Falastin", "palestine"),
    ("Gollandiya", "netherlands"),
    ("Türıkmenstan", "turkmenistan"),
]


@pytest.mark.parametrize(("name", "country"), REGION_NAMES)
def test_region_press_name_resolves_to_country(resolver: Resolver, name: str, country: str) -> None:
    matches = resolver.resolve(name, limit=1)
    assert matches, name
    assert matches[0].entity.id == country


def test_kazakh_exonym_found_in_running_text(resolver: Resolver) -> None:
    text = "Қазақстан Президенті Мажарстан премьер-министрімен Астанада кездесті."
    found = {m.entity.id for m in resolver.find_mentions(text)}
    assert "hungary" in found
