"""What the matcher knows about name words, read from the tables in ``data/``.

Every form is normalised with :func:`namematch.normalize.normalize` and reduced to
romanisation keys (:func:`namematch.phonetic.translit_key`) when loaded, so a
Cyrillic or Arabic-script title in the table meets any romanisation of it in a
name. Lookups are by word key (titles by key sequence); patronymic suffixes
("-ovich", "-uly") are matched on the normalised word.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType

from attrs import fields, frozen

from .errors import DataTableError
from .normalize import normalize, words
from .phonetic import translit_key
from .tables import read_rows

__all__ = ["Lexicon", "lexicon"]


@frozen
class Lexicon:
    """Word lists and weights the name parser and the scorer consult."""

    titles: frozenset[tuple[str, ...]]          # title key sequences that are never given names
    title_names: frozenset[str]                 # title keys that are also given names (Amir, Sayed)
    max_title_len: int
    trailing_titles: frozenset[tuple[str, ...]]  # titles also set aside after a name ("토카예프 대통령", "Ahmet Bey")
    particles: Mapping[str, str]                # word -> article / prefix / suffix / connector
    patronymic_suffixes: tuple[str, ...]        # "ovich", "uly", ... (normalised)
    patronymic_words: frozenset[str]            # "uulu", "kyzy", "ogly", ...
    frequency: Mapping[str, float]              # translit key -> weight in (0, 1]
    org_words: Mapping[str, str]                # word -> legal / generic
    place_words: frozenset[str]
    place_levels: Mapping[str, str]             # kind-of-place word -> region / district / settlement / landform
    function_words: frozenset[tuple[str, str | None]]   # (normalised word, script): "an" is not "Ayan"
    name_suffixes: frozenset[str]               # normalised words after a person's name: "jr", "iii"
    abbreviations: Mapping[str, str]            # key of a shortened generic word -> key of the word ("intl")
    qualifiers: Mapping[str, str]               # key of a word that makes a place's name another's -> its meaning
    cjk_suffixes: tuple[str, ...]               # titles and kind words written after a CJK name, longest first
    cjk_titles: tuple[str, ...] = ()            # those of them that are titles (written before a name too)
    abjad_place_words: frozenset[str] = frozenset()   # place-word keys only Arabic-script words of the table give
    brand_words: Mapping[str, str] = MappingProxyType({})   # key -> "before" / "after" / "both" ("Air Astana")

    def particle_of(self, word: str, key: str) -> str | None:
        """The particle kind of the normalised ``word`` whose romanisation key is ``key``, or None.

        The key must not have folded the word away: "Ayan" has the key of "an" but is no particle."""
        kind = self.particles.get(key)
        return kind if kind is not None and len(word) <= len(key) + 1 else None

    def weight_of(self, key: str) -> float:
        """Informativeness of a word from the frequency table (1.0 when unlisted)."""
        return self.frequency.get(key, 1.0)

    def __reduce__(self) -> tuple[object, ...]:
        # Read-only mapping views do not pickle: travel as plain dicts (the index cache holds a Lexicon).
        return _reduce(self)


def _forms(form: str) -> list[str]:
    """The form normalised, as romanisation keys per word (so every spelling of a listed word meets it)."""
    norm = normalize(form.strip("-"))
    return [" ".join(translit_key(w) for w in norm.split())] if norm else []


#: Scripts written without short vowels: a word's romanisation key in them is mostly its consonants.
ABJAD_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa"})

_INSTALLED: list[Lexicon] = []


def lexicon() -> Lexicon:
    """The lexicon built from the bundled tables (loaded once, or installed from the index cache)."""
    return _INSTALLED[0] if _INSTALLED else _build()


def install(lex: Lexicon) -> None:
    """Use ``lex`` (unpickled from a cache entry keyed by these very tables) instead of building it."""
    if not isinstance(lex, Lexicon):
        raise TypeError(f"expected a Lexicon, got {type(lex).__name__}")
    _INSTALLED[:] = [lex]


def _from_state(state: dict[str, object]) -> Lexicon:
    mappings = ("particles", "frequency", "org_words", "abbreviations", "place_levels", "qualifiers", "brand_words")
    return Lexicon(**{k: MappingProxyType(dict(v)) if k in mappings else v  # type: ignore[arg-type]
                      for k, v in state.items()})


def _reduce(lex: Lexicon) -> tuple[object, ...]:
    state = {f.name: getattr(lex, f.name) for f in fields(Lexicon)}
    return _from_state, ({k: dict(v) if isinstance(v, MappingProxyType) else v for k, v in state.items()},)


# Titles also read after a name (Korean and Turkish write them so): offices and honorifics, never a religious or a
# royal title, which may end a name as a name word does ("Abdul Ghani Baradar Akhund").
_TRAILING = frozenset({"political", "military", "academic", "honorific"})


@lru_cache(maxsize=1)
def _build() -> Lexicon:
    titles: set[tuple[str, ...]] = set()
    title_names: set[str] = set()
    trailing: set[tuple[str, ...]] = set()
    suffixes_after: set[str] = set()
    for _, cols in read_rows("titles.tsv", 4):
        if cols[2] == "generational":    # after the name, matched as written ("II" is no initial "I")
            suffixes_after.update(normalize(cols[0]).split())
            continue
        for f in _forms(cols[0]):
            if cols[3].lower() == "yes":
                title_names.update(f.split())
            else:
                titles.add(tuple(f.split()))
                if cols[2] in _TRAILING:
                    trailing.add(tuple(f.split()))
    # A word that is sometimes a given name is never stripped as a title on its own.
    titles = {t for t in titles if not (len(t) == 1 and t[0] in title_names)}
    trailing &= titles

    particles: dict[str, str] = {}
    for _, cols in read_rows("particles.tsv", 2):
        for f in _forms(cols[0]):
            if " " not in f:
                particles.setdefault(f, cols[1])

    suffixes: set[str] = set()
    pwords: set[str] = set()
    for _, cols in read_rows("patronymics.tsv", 3):
        if cols[2] != "patronymic":
            continue
        if cols[1] == "suffix":
            # Suffixes are matched on the normalised word itself, not on its key.
            suffixes.update(f for f in {normalize(cols[0].strip("-")).replace(" ", "")} if f)
        elif cols[1] == "word":
            for f in _forms(cols[0]):
                pwords.update(f.split())

    frequency: dict[str, float] = {}
    for lineno, cols in read_rows("name_frequency.tsv", 2):  # keyed by romanisation key
        try:
            weight = float(cols[1])
        except ValueError:
            raise DataTableError("namematch/data/name_frequency.tsv", lineno,
                                 f"bad weight, expected a number in (0, 1], got {cols[1]!r}") from None
        if not 0 < weight <= 1:
            raise DataTableError("namematch/data/name_frequency.tsv", lineno,
                                 f"bad weight, expected a number in (0, 1], got {weight}")
        for f in _forms(cols[0]):
            for key in f.split():
                frequency[key] = min(weight, frequency.get(key, 1.0))

    org: dict[str, str] = {}
    for _, cols in read_rows("org_words.tsv", 2):
        for f in _forms(cols[0]):
            for word in f.split():
                org.setdefault(word, cols[1])

    abbreviations: dict[str, str] = {}
    for lineno, cols in read_rows("abbreviations.tsv", 2):
        short, full = _forms(cols[0]), _forms(cols[1])
        if len(short) != 1 or len(full) != 1 or " " in short[0] + full[0]:
            raise DataTableError("namematch/data/abbreviations.tsv", lineno,
                                 f"expected one word and the one word it shortens, got {cols[0]!r} and {cols[1]!r}")
        abbreviations[short[0]] = full[0]

    levels: dict[str, str] = {}
    spelt: dict[str, set[bool]] = {}    # key -> whether the table words giving it are in an Arabic script
    for _, cols in read_rows("place_words.tsv", 4):
        abjad = any(w.script in ABJAD_SCRIPTS for w in words(cols[0]))
        for f in _forms(cols[0]):
            for w in f.split():
                levels[w] = cols[3]
                spelt.setdefault(w, set()).add(abjad)
    places = set(levels)
    brands: dict[str, str] = {}
    for lineno, cols in read_rows("brand_words.tsv", 2):
        if cols[1] not in ("before", "after"):
            raise DataTableError("namematch/data/brand_words.tsv", lineno,
                                 f"bad side, expected before or after, got {cols[1]!r}")
        for w in (w for f in _forms(cols[0]) for w in f.split()):
            brands[w] = cols[1] if brands.get(w, cols[1]) == cols[1] else "both"
    # Function words are matched as written (normalised, in their script), not by romanisation key: the key
    # rules fold too much for two-letter words ("Ayan" has the key of "an").
    function = {(part, w.script) for _, cols in read_rows("function_words.tsv", 1)
                for w in words(cols[0]) for part in w.text.split()}
    return Lexicon(
        titles=frozenset(titles),
        title_names=frozenset(title_names),
        max_title_len=max((len(t) for t in titles), default=1),
        trailing_titles=frozenset(trailing),
        particles=MappingProxyType(particles),
        patronymic_suffixes=tuple(sorted(suffixes, key=lambda s: (-len(s), s))),
        patronymic_words=frozenset(pwords),
        frequency=MappingProxyType(frequency),
        org_words=MappingProxyType(org),
        place_words=frozenset(places),
        place_levels=MappingProxyType(levels),
        # (an Arabic-script word's key is its consonants: "ضلع" has the key "dl" of Russian "для")
        abjad_place_words=frozenset(k for k, how in spelt.items() if how == {True}),
        function_words=frozenset(function),
        name_suffixes=frozenset(suffixes_after),
        abbreviations=MappingProxyType(abbreviations),
        cjk_suffixes=_longest_first(cols[0] for _, cols in read_rows("cjk_suffixes.tsv", 2)),
        cjk_titles=_longest_first(cols[0] for _, cols in read_rows("cjk_suffixes.tsv", 2) if cols[1] == "title"),
        qualifiers=MappingProxyType({w: cols[2] for _, cols in read_rows("qualifiers.tsv", 3)
                                     for f in _forms(cols[0]) for w in f.split()}),
        brand_words=MappingProxyType(brands),
    )


def _longest_first(forms: Iterable[str]) -> tuple[str, ...]:
    """Distinct ``forms`` (NFKC), longest first: a suffix is matched before the shorter one it ends with."""
    return tuple(sorted({unicodedata.normalize("NFKC", f) for f in forms}, key=lambda f: (-len(f), f)))
