"""Other readings of a Latin word: another language's alphabet (data/orthographies.tsv) and the word without marks."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gazetteer import Gazetteer
from namematch import Resolver, compare, orthography
from namematch.errors import DataTableError
from namematch.orthography import MAY_READ, plain_key, reading_keys
from namematch.phonetic import translit_key


@pytest.mark.parametrize(("word", "english"), [
    ("Bujará", "Bukhara"),              # Spanish j
    ("Tádzsikisztán", "Tajikistan"),    # Hungarian dzs, sz
    ("Tjetjenien", "Chechenien"),       # Swedish tj
    ("Aszchabad", "Ashkhabad"),         # Polish sz, ch
    ("Mirzijojev", "Mirziyoyev"),       # Slovak j in a surname's ending
    ("Çavuşoğlu", "Cavusoglu"),         # the word without its marks
])
def test_a_word_in_another_alphabet_is_read_as_english_writes_it(word: str, english: str) -> None:
    assert translit_key(english.lower()) in reading_keys(word)


def test_readings_are_only_for_latin_words_and_not_abbreviations() -> None:
    assert reading_keys("Токаев") == () and reading_keys("Tokayev") == ()
    assert reading_keys("TASZ") == ()       # (letters, not a Hungarian word: "Tass" it is not)
    assert plain_key("Çavuşoğlu") == translit_key("cavusoglu") and plain_key("Bujara") == ""


@given(st.text(max_size=12))
def test_readings_are_distinct_and_a_word_has_some_only_by_a_mark_or_a_signal(word: str) -> None:
    found = reading_keys(word)
    assert len(set(found)) == len(found)
    if not MAY_READ.search(unicodedata.normalize("NFC", word).casefold()):
        assert found == ()


def test_compare_and_resolve_read_other_alphabets() -> None:
    assert compare("Bujará", "Bukhara").is_match
    assert compare("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu").is_match
    assert compare("Üzbegisztán", "Uzbekistan").is_match
    assert not compare("Sajid", "Sayid").is_match      # (j between vowels is English j in an Arabic name)
    g = Gazetteer.from_records([{"id": "mc", "type": "person", "name": "Mevlüt Çavuşoğlu"},
                                {"id": "b", "type": "place", "name": "Bukhara"}])
    r = Resolver(g)
    assert [m.entity.id for m in r.resolve("Cavusoglu")] == ["mc"]     # (the index keys the word without marks)
    assert [m.entity.id for m in r.resolve("Bujará")] == ["b"]         # (the query is read in Spanish too)


def test_a_bad_row_names_the_table_and_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(orthography, "read_rows", lambda name, n: ((7, ("es", "letter", "j", "kh")),))
    orthography._orthographies.cache_clear()
    try:
        with pytest.raises(DataTableError, match=r"orthographies\.tsv:7:"):
            orthography._orthographies()
    finally:
        orthography._orthographies.cache_clear()
