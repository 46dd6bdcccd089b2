"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from gazetteer import Entity, EntityType, Name, NameKind

# Letters of the scripts this library cares about, plus a little of everything else.
CYRILLIC = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяҚқҒғҰұҮүҢңӨөӘәІіҺһ"
ARABIC = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةأإآؤئټډړږښګڼۍې"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

name_text = st.text(alphabet=LATIN + CYRILLIC + ARABIC + " -'", min_size=1, max_size=30).filter(
    lambda s: s.strip() != "" and any(c.isalpha() for c in s)
)
any_text = st.text(max_size=200)

_dates = st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def names(draw: st.DrawFn) -> Name:
    a = draw(st.none() | _dates)
    b = draw(st.none() | _dates)
    if a and b and b < a:
        a, b = b, a
    return Name(
        text=draw(name_text),
        lang=draw(st.sampled_from([None, "en", "ru", "kk", "ps", "fa"])),
        script=draw(st.sampled_from([None, "Latn", "Cyrl", "Arab"])),
        kind=draw(st.sampled_from([k for k in NameKind if k is not NameKind.CANONICAL])),
        valid_from=a,
        valid_to=b,
        source=draw(st.none() | st.just("https://example.org/source")),
        uncertain=draw(st.booleans()),
    )


ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12).filter(str.strip)


@st.composite
def entities(draw: st.DrawFn, ident: st.SearchStrategy[str] = ids) -> Entity:
    return Entity(
        id=draw(ident),
        type=draw(st.sampled_from(list(EntityType))),
        name=draw(name_text),
        names=draw(st.lists(names(), max_size=5)),
        ids=draw(st.dictionaries(st.sampled_from(["wikidata", "iso"]), st.sampled_from(["Q1", "Q232", "KZ"]),
                                 max_size=2)),
        attributes=draw(st.dictionaries(st.sampled_from(["note", "rank"]), st.text(max_size=5), max_size=2)),
    )
