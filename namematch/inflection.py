"""Case endings: the dictionary forms of an inflected word ("Токаева" → "Токаев", "Астанаға" → "Астана").

The endings are data (``data/inflection.tsv``: ending, replacement, language). A word loses one ending,
or two of one language (Kazakh and Kyrgyz stack them: "Астанадағы"); every stem keeps at least
:data:`MIN_STEM` letters. Text reading (:mod:`namematch.mentions`) and the resolver's second reading of a
name nothing matches both use these tables.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from .normalize import normalize_word
from .phonetic import translit_key
from .tables import read_rows
from .translit import detect_script

__all__ = ["APOSTROPHES", "MIN_LATIN_STEM", "MIN_STEM", "SUFFIXING", "any_form_keys", "apostrophe_stem",
           "apostrophe_suffixes", "dictionary_forms", "endings", "stem_keys", "stems", "word_key"]

MIN_STEM = 3          # shortest stem left after removing a case ending
MIN_LATIN_STEM = 4    # the same in Latin letters, where the endings of several languages meet every word ("nahmen")

#: Characters written as an apostrophe between a name and its ending ("Astana'da", "Astana’da").
APOSTROPHES = "'’ʼ`´ʻ‘"

#: Languages whose endings combine on one word (inflection.tsv lists the endings Kyrgyz shares with Kazakh once).
SUFFIXING = {"kk": "kk", "ky": "kk"}


@lru_cache(maxsize=1)
def endings() -> dict[bool, tuple[tuple[str, str, str], ...]]:
    """Case endings as ``(ending, replacement, language)``, longest first, keyed by "is Cyrillic"."""
    out: dict[bool, set[tuple[str, str, str]]] = {True: set(), False: set()}
    for _, cols in read_rows("inflection.tsv", 3):
        ending, repl = cols[0], "" if cols[1] == "-" else cols[1]
        out[detect_script(ending) == "Cyrl"].add((ending, repl, cols[2]))
    return {k: tuple(sorted(v, key=lambda e: (-len(e[0]), e))) for k, v in out.items()}


@lru_cache(maxsize=1)
def apostrophe_suffixes() -> frozenset[str]:
    """Endings written after an apostrophe on a name (``data/apostrophe_suffixes.tsv``: the English possessive
    and Turkish and Azerbaijani case suffixes), lowercase."""
    return frozenset(cols[0].casefold() for _, cols in read_rows("apostrophe_suffixes.tsv", 2))


@lru_cache(maxsize=1)
def _set_off() -> tuple[tuple[str, frozenset[str]], ...]:
    """The marks that set an ending off a name, with the endings written after them: apostrophes, and the colon
    of Finnish and Swedish (``data/colon_suffixes.tsv``: "YK:n", "FN:s")."""
    colon = frozenset(cols[0].casefold() for _, cols in read_rows("colon_suffixes.tsv", 2))
    return (APOSTROPHES, apostrophe_suffixes()), (":", colon)


def apostrophe_stem(word: str) -> str | None:
    """``word`` without an ending set off by an apostrophe ("Astana'da" -> "Astana", "Tokayev's" -> "Tokayev")
    or a colon ("YK:n"), or None when it has none: the mark is the boundary, so no stem has to be guessed (and a
    stem may be short: "Oş'ta")."""
    for marks, suffixes in _set_off():
        cut = max(map(word.rfind, marks))
        if cut >= 2 and word[cut + 1:].casefold() in suffixes:
            return word[:cut]
    return None


def word_key(word: str) -> str:
    """The romanisation key of one word of text (its parts joined: "Алма-Ата" is one key)."""
    norm, _ = normalize_word(word)
    return "".join(translit_key(p) for p in norm.split())


def dictionary_forms(word: str, table: Sequence[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """Dictionary-form candidates of an inflected word with the language of their endings: one ending, or
    two of one language, removed (``table``: :func:`endings` of the word's script)."""
    low = word.casefold()
    least = MIN_STEM if detect_script(word) == "Cyrl" else MIN_LATIN_STEM
    first: list[tuple[str, str]] = []
    for ending, repl, lang in table:
        if low.endswith(ending) and _long_enough(word[: len(word) - len(ending)] + repl, least):
            first.append((word[: len(word) - len(ending)] + repl, lang))     # ("Ате" in "Алма-Ате" is "Ата")
    out = list(first)
    for stem, lang in first:
        low = stem.casefold()
        for ending, repl, lang2 in table:
            if SUFFIXING.get(lang2, lang2) == SUFFIXING.get(lang, lang) and low.endswith(ending) \
                    and _long_enough(stem[: len(stem) - len(ending)] + repl, least):
                out.append((stem[: len(stem) - len(ending)] + repl, lang))
    return out


def _long_enough(stem: str, least: int) -> bool:
    """Does ``stem`` keep ``least`` letters, as written or in its romanisation? A letter that romanises as two
    counts twice: "Ош" (Osh) is a stem of "Оше", "Ли" none of "Лиа"."""
    return len(stem) >= least or (len(stem) == least - 1 and len(word_key(stem)) >= least)


def stems(word: str, table: Sequence[tuple[str, str, str]]) -> list[str]:
    """The dictionary-form candidates of :func:`dictionary_forms`, without their languages."""
    return [stem for stem, _ in dictionary_forms(word, table)]


@lru_cache(maxsize=1 << 16)
def stem_keys(word: str) -> tuple[tuple[str, str], ...]:
    """The keys (with the forms) of ``word`` without a case ending, one per key, in the endings' order: the
    stems are made and keyed once per word, whichever table they are then looked up in."""
    folded = unicodedata.normalize("NFC", word)
    out: dict[str, str] = {}
    for stem in stems(folded, endings()[detect_script(folded) == "Cyrl"]):
        out.setdefault(word_key(stem), stem)
    return tuple(out.items())


@lru_cache(maxsize=1 << 16)
def any_form_keys(word: str) -> frozenset[str]:
    """The keys ``word`` may have: its own as written, and those of its stems without a case ending."""
    return frozenset((word_key(unicodedata.normalize("NFC", word)), *(k for k, _ in stem_keys(word))))
