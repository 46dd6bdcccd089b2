"""One documented normalisation pipeline for names and text.

The fixed order, per word:

1. Unicode NFKC, then casefold.
2. Split into words at spaces, hyphens, dots and other punctuation; apostrophes
   and joiners inside a word are dropped ("O'zbekiston" is one word), but an elided
   article before a capital is dropped with its apostrophe ("d'Osh" is "Osh";
   ``data/elisions.tsv``).
3. Fold letters that print may write plainly (``data/optional_letters.tsv``: the
   Russian ё as е), then transliterate each word to Latin with
   :func:`namematch.translit.to_latin` (the language is detected per word; the
   default scheme of that language).
4. Fold remaining Latin diacritics to ASCII digraphs from ``data/latin_letters.tsv``
   (ş → sh, ž → zh, ä → a), then anything left through unidecode.
5. Keep ASCII letters and digits; anything else separates words.

The result is lowercase ASCII words joined by single spaces, so the pipeline is
idempotent: ``normalize(normalize(s)) == normalize(s)``. Fast path: ASCII input
skips steps 3-4.

>>> normalize("  Қасым-Жомарт  ТОҚАЕВ ")
'kasym zhomart tokayev'
>>> normalize("Oʻzbekiston")
'ozbekiston'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from attrs import frozen
from unidecode import unidecode

from .tables import read_rows
from .translit import detect_script, to_latin

__all__ = ["Word", "letters", "normalize", "normalize_word", "words"]

# Characters removed inside a word (apostrophes, modifier letters used as apostrophes, joiners, soft hyphen).
_DROP = dict.fromkeys(map(ord, "'’‘`´ʼʻʹʽ\u02bc\u00ad\u200b\u200c\u200d\u2060\ufeff\u0640"), None)
# (a zero-width non-joiner stays until transliteration, which reads it as a word's end inside the word: the Persian
# "خامنه‌ای" is "khamnehi", its ه a final vowel, not the "khamnhay" of the letters joined)
_DROP_KEEP_ZWNJ = {k: v for k, v in _DROP.items() if k != 0x200C}
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_TURKIC_C = re.compile("[əğış]")    # letters that make a word Azerbaijani or Turkish (or Kazakh, which writes no c)
_UNSPACED = frozenset({"Hani", "Hans", "Hant", "Hira", "Kana", "Jpan", "Thai", "Laoo", "Khmr", "Mymr"})


@lru_cache(maxsize=1)
def _optional_fold() -> dict[int, str]:
    """Letters print may write plainly (``data/optional_letters.tsv``: ё as е), folded before transliteration."""
    return {ord(cols[0]): cols[1] for _, cols in read_rows("optional_letters.tsv", 2) if len(cols[0]) == 1}


@lru_cache(maxsize=1)
def _latin_fold() -> dict[int, str]:
    return {ord(cols[0]): cols[1] for _, cols in read_rows("latin_letters.tsv", 2) if len(cols[0]) == 1}


_ELIDED = re.compile(r"(?<!\w)(\w{1,7})['’](?=\w)")


@lru_cache(maxsize=1)
def _elisions() -> frozenset[str]:
    return frozenset(cols[0].casefold() for _, cols in read_rows("elisions.tsv", 1))


def _elide(text: str) -> str:
    """``text`` with each elided article before a capital ("d'" in "d'Osh") blanked out, offsets unchanged."""
    if "'" not in text and "’" not in text:
        return text
    elided = _elisions()

    def blank(m: re.Match[str]) -> str:
        word = m.group(0)
        nxt = text[m.end()]
        return " " * len(word) if m.group(1).casefold() in elided and nxt.isupper() else word

    return _ELIDED.sub(blank, text)


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


@frozen
class Word:
    """One word of the input: its span in the original text and its normalised form.

    ``text`` may hold several ASCII words separated by spaces when a script without
    word breaks (Chinese) romanises to several syllables. ``script`` is the ISO 15924
    code detected for the word (``"Latn"``, ``"Cyrl"``, ``"Arab"``, ...), or ``None``
    for digits only.
    """

    start: int
    end: int
    source: str
    text: str
    script: str | None


@lru_cache(maxsize=1 << 17)
def normalize_word(word: str) -> tuple[str, str | None]:
    """Normalise one word (no spaces or punctuation) to ``(ascii words, script)``."""
    w = unicodedata.normalize("NFKC", word).casefold().translate(_DROP_KEEP_ZWNJ)
    if w.isascii():
        return " ".join(_ASCII_WORD.findall(w)), ("Latn" if any(c.isalpha() for c in w) else None)
    w = w.translate(_optional_fold())
    script = detect_script(w)
    latin = to_latin(w).casefold().translate(_DROP)   # schemes write apostrophes too (Uzbek ў -> oʻ)
    if "c" in latin and _TURKIC_C.search(latin):
        latin = latin.replace("c", "j")     # Azerbaijani and Turkish c is English j: "Gəncə" is Ganja, "Cəlil" Jalil
    if not latin.isascii():
        latin = unidecode(latin.translate(_latin_fold())).casefold()
    parts = _ASCII_WORD.findall(latin)
    # Scripts written without spaces romanise to syllables ("Xi La"): the word stays one token.
    return ("".join(parts) if script in _UNSPACED else " ".join(parts)), script


def _word_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = -1
    for i, ch in enumerate(text):
        if _is_word_char(ch) or (start >= 0 and ord(ch) in _DROP):
            if start < 0:
                start = i
        elif start >= 0:
            spans.append((start, i))
            start = -1
    if start >= 0:
        spans.append((start, len(text)))
    return spans


def words(text: str) -> tuple[Word, ...]:
    """The words of ``text`` with their offsets and normalised forms (empty ones dropped)."""
    out = []
    for start, end in _word_spans(_elide(text)):
        source = text[start:end]
        norm, script = normalize_word(source)
        if norm:
            out.append(Word(start, end, source, norm, script))
    return tuple(out)


def normalize(text: str) -> str:
    """The normalised form of ``text``: lowercase ASCII words separated by single spaces."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if text.isascii():
        return " ".join(_ASCII_WORD.findall(_elide(text).lower().translate(_DROP)))
    return " ".join(w.text for w in words(text))


@lru_cache(maxsize=1 << 16)
def letters(text: str) -> str:
    """The letters and digits of ``text`` as written, casefolded (NFC): how a name is spelled in its own script,
    before any romanisation ("КР" and "ҚР" differ here, not in :func:`normalize`; "N.A.T.O." is "nato")."""
    return "".join(c for c in unicodedata.normalize("NFC", text).casefold() if c.isalnum())
