"""Phonetic keys that understand romanisation.

Two keys, both computed on lowercase ASCII letters (transliterate first):

* :func:`translit_key` folds the spellings one native name gets from different
  romanisation habits into one string: k/q/c, kh/h/x, zh/j/dzh/dj, sh/sch,
  ch/tch/tsch, ts/tz, y/i/j, ye/e/je, w/v, ph/f, gh/g, doubled letters,
  -ev/-yev/-jew/-ieff, -ov/-off/-ow. The rules are data
  (``data/romanization_keys.tsv``), applied in order.
* :func:`skeleton_key` drops the vowels from that key, which is how a name
  written in Arabic script (no short vowels) can meet its Latin spellings.

jellyfish's general-purpose keys are exposed through :func:`phonetic_key` for
comparison (``bench/bench_keys.py`` measures which retrieves best).

>>> translit_key("Tokayev") == translit_key("Toqaev") == translit_key("tokajew")
True
>>> skeleton_key("muttaqi") == skeleton_key("mtqy")
True
"""

from __future__ import annotations

from functools import lru_cache

import jellyfish

from .tables import rewriter

__all__ = ["PHONETIC_METHODS", "phonetic_key", "skeleton_key", "translit_key"]

_KEY = rewriter("romanization_keys.tsv")
_SKELETON = rewriter("abjad_skeleton.tsv")


def _ascii_letters(token: str) -> str:
    return "".join(c for c in token.lower() if "a" <= c <= "z")


@lru_cache(maxsize=1 << 16)
def translit_key(token: str) -> str:
    """Romanisation-invariant key of one Latin token ("" for a token with no ASCII letters)."""
    return _KEY(_ascii_letters(token))


@lru_cache(maxsize=1 << 16)
def skeleton_key(token: str) -> str:
    """Consonant skeleton of one Latin token: :func:`translit_key` without vowels."""
    return _SKELETON(translit_key(token))


PHONETIC_METHODS = ("translit", "skeleton", "metaphone", "nysiis", "soundex", "match_rating")


def phonetic_key(token: str, method: str = "translit") -> str:
    """The key of ``token`` under ``method`` (one of :data:`PHONETIC_METHODS`).

    jellyfish's keys are computed on ASCII letters only: ``soundex("Токаев")``
    would otherwise give ``"Т000"``.
    """
    letters = _ascii_letters(token)
    if method == "translit":
        return translit_key(letters)
    if method == "skeleton":
        return skeleton_key(letters)
    if not letters:
        return ""
    if method == "metaphone":
        return str(jellyfish.metaphone(letters))
    if method == "nysiis":
        return str(jellyfish.nysiis(letters))
    if method == "soundex":
        return str(jellyfish.soundex(letters))
    if method == "match_rating":
        return str(jellyfish.match_rating_codex(letters))
    raise ValueError(f"unknown phonetic method {method!r}, expected one of {', '.join(PHONETIC_METHODS)}")
