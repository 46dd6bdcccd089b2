"""The shortcuts that make a large index quick to build and query give what the plain way gives."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from gazetteer import Gazetteer
from namematch.index import NameIndex
from namematch.structure import parse_name
from namematch.translit import detect_lang, detect_script, transliterate, variants
from namematch.translit.core import _lang_schemes

from .strategies import ARABIC, CYRILLIC, name_text

# Native-script names, with some Latin, digits and punctuation, a mark and a ZWNJ among them.
native_text = st.text(alphabet=CYRILLIC + ARABIC + "ab 1-'.\u0301\u200c", min_size=1, max_size=30)


def _whole_text_variants(text: str) -> list[tuple[str, str]]:
    """What variants() gives, computed the plain way: the whole text through each of its
    language's schemes, the first scheme of each distinct romanisation kept."""
    if detect_script(text) in (None, "Latn") or detect_lang(text) is None:
        return []
    out: dict[str, str] = {}
    for sid in _lang_schemes(detect_lang(text)):
        out.setdefault(transliterate(text, scheme=sid), sid)
    return list(out.items())


@given(native_text)
@example("Иван  Петрович Сидоров")
@example("ТОҚАЕВ Жомарт (2019)")
@example("Аба́й Кунанбаев")
@example("محمد\u200cرضا احمدی")
@example("Иван محمد Petrov")
def test_variants_word_by_word_equal_the_whole_text(text: str) -> None:
    """Romanising a name word by word (with the per-word cache) gives each scheme's romanisation
    of the whole text."""
    assert [(v.text, v.scheme) for v in variants(text)] == _whole_text_variants(text)


@given(st.lists(name_text, min_size=1, max_size=8), st.sampled_from([None, "person", "org", "place"]))
@example(["Ivan Petrovich Sidorov", "Sidorov Ivan", "Mullah Abdul Ghani Baradar"], "person")
def test_parse_with_a_token_cache_equals_parse_without(texts: list[str], type_: str | None) -> None:
    """Parsing with a shared token cache gives equal names, and equal words are one object."""
    cache: dict = {}
    for text in texts + texts:
        cached = parse_name(text, type_, cache=cache)
        assert cached == parse_name(text, type_)
    tokens = [t for text in texts for t in parse_name(text, type_, cache=cache).tokens]
    by_value: dict = {}
    for t in tokens:
        assert by_value.setdefault(t, t) is t


def test_a_written_typo_meets_its_neighbour_before_words_sharing_only_consonants() -> None:
    """A mistyped Latin surname ("Laez") brings in its one-edit neighbour ("Lapez") before names
    whose words merely share its consonant skeleton ("Liza", "Laziz"): the scorer gives those
    nothing, as both are written with their vowels."""
    surnames = ["Liza", "Laziz", "Lazo", "Luiza", "Eliz", "Aliza", "Lazizi", "Aliz"]
    records = [{"id": f"d{i}", "type": "person", "name": f"Anna {s}"} for i, s in enumerate(surnames)]
    records.append({"id": "gold", "type": "person", "name": "Anna Lapez"})
    index = NameIndex(Gazetteer.from_records(records))
    (query,) = index.parse_query("Laez")   # (not "Loez": Dutch writes у as oe, so that key is "luz")
    first = index.candidates(query, limit=1)
    assert [index.entities[index.entries[i].entity].id for i in first] == ["gold"]
    found = {index.entities[index.entries[i].entity].id for i in index.candidates(query, limit=100)}
    assert found == {r["id"] for r in records}     # (all still retrieved, with room for them)


def test_an_arabic_script_name_still_meets_a_vowelless_spelling_by_its_skeleton() -> None:
    """The consonant skeleton stays strong evidence when one side is written in Arabic script."""
    records = [{"id": "m", "type": "person", "name": "مریم جنتی"},
               {"id": "x", "type": "person", "name": "Maryam Jannati"}]
    index = NameIndex(Gazetteer.from_records(records))
    for text in ("mrym jnty", "Maryam Jannati"):
        (query,) = index.parse_query(text)
        found = {index.entities[index.entries[i].entity].id for i in index.candidates(query, limit=10)}
        assert found == {"m", "x"}


def test_a_large_index_is_left_out_of_the_collectors_walks(monkeypatch) -> None:
    """A large index is moved to the collector's permanent generation (it holds no reference cycles, so reference
    counting frees it), so no later collection walks it; dropping it frees every one of its objects."""
    import gc

    import namematch.index as index_module

    monkeypatch.setattr(index_module, "_SETTLE_AT", 0)
    gaz = Gazetteer.from_records([{"id": f"p{i}", "type": "person", "name": f"Name{i} Surname{i % 7}"}
                                  for i in range(50)])
    before = gc.get_freeze_count()
    try:
        idx = NameIndex(gaz)
        assert gc.get_freeze_count() > before
        gc.unfreeze()
        gc.collect()
        del idx
        assert gc.collect() == 0     # (no cycles: nothing of the index was left for the collector)
    finally:
        gc.unfreeze()
