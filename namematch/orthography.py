"""Other readings of a Latin word: as another language's alphabet writes the region's names.

A Latin word written in Spanish, Polish, Hungarian, Swedish, French, German or Slovak spelling ("Bujará",
"Aszchabad", "Tádzsikisztán", "Tjetjenien") is also read as English-style romanisation writes it, and a word with
diacritics also as the press writes it without them ("Çavuşoğlu" / "Cavusoglu"). The rules are data
(``data/orthographies.tsv``): each orthography has signals, letters that mark a word as written in it, and letter
rewrites. A reading is an alternative: the word keeps its own key, and the matcher counts a reading's key as a
variant spelling of the word.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache, partial

from .errors import DataTableError
from .normalize import normalize_word
from .phonetic import translit_key
from .tables import read_rows

__all__ = ["MAY_READ", "plain_key", "reading_keys"]

_PATH = "namematch/data/orthographies.tsv"
_ABBREVIATION = 5     # letters of the longest word in capitals read as an abbreviation


@lru_cache(maxsize=1)
def _orthographies() -> tuple[tuple[tuple[str, ...], re.Pattern[str], re.Pattern[str], dict[str, str]], ...]:
    """(signals, a pattern of them, a pattern of the letters rewritten, the rewrites) of each orthography."""
    signals: dict[str, list[str]] = {}
    rewrites: dict[str, dict[str, str]] = {}
    for lineno, cols in read_rows("orthographies.tsv", 3):
        name, kind, text = cols[0], cols[1], unicodedata.normalize("NFC", cols[2]).casefold()
        if kind == "signal":
            signals.setdefault(name, []).append(text)
        elif kind == "letters" and len(cols) > 3:
            rewrites.setdefault(name, {})[text] = unicodedata.normalize("NFC", cols[3]).casefold()
        else:
            raise DataTableError(_PATH, lineno,
                                 f"expected 'signal TEXT' or 'letters TEXT REPLACEMENT', got {cols[1:]!r}")
    out = []
    for name, table in rewrites.items():
        if name not in signals:
            raise DataTableError(_PATH, 0, f"orthography {name!r} has letters but no signal")
        out.append((tuple(signals[name]), _alternation(signals[name]), _alternation(list(table)), table))
    return tuple(out)


def _rewrite(table: dict[str, str], match: re.Match[str]) -> str:
    return table[match.group()]


def _alternation(texts: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(set(texts), key=lambda t: (-len(t), t)))))


def _may_read() -> re.Pattern[str]:
    texts = [t for signals, *_ in _orthographies() for t in signals]
    written = {f(t) for t in texts if t.isascii() for f in (str.lower, str.upper, str.capitalize)}
    return re.compile("[\u00c0-\u024f\u1e00-\u1eff]|" + _trie(sorted(written)))


def _trie(texts: list[str]) -> str:
    """A pattern matching any of ``texts`` (non-empty), branching on first letters: Python's regular expressions
    try an alternation's branches one by one, a trie's only the one its letter starts."""
    heads: dict[str, list[str]] = {}
    for t in texts:
        heads.setdefault(t[0], []).append(t[1:])
    branches = []
    for head, rests in heads.items():
        if "" in rests:
            branches.append(re.escape(head))   # (a signal that is a prefix of another: the shorter suffices)
        else:
            branches.append(re.escape(head) + _trie(rests))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


#: A Latin letter with diacritics, or a signal in ASCII letters as a name writes it ("sz", "Sz", "SZ"): a text
#: without a match has no other reading (Cyrillic and Arabic names, most English ones).
MAY_READ = _may_read()

# Latin letters that no mark decomposes from, read plainly as the press writes them without diacritics.
_PLAIN = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ə": "e", "ß": "ss", "ŋ": "n", "ħ": "h"})


@lru_cache(maxsize=1 << 16)
def reading_keys(word: str) -> tuple[str, ...]:
    """Romanisation keys of ``word``'s other readings (see the module docstring), none equal to its own key; the
    first is that of the word without its diacritics, when it has some (:func:`plain_key`). An abbreviation ("TASZ")
    is letters, not a word of a language, and has none."""
    w = unicodedata.normalize("NFC", word).casefold()
    written, script = normalize_word(w)
    if script != "Latn" or (word.isupper() and len(word) <= _ABBREVIATION):
        return ()
    own = translit_key(written.replace(" ", ""))
    found: list[str] = []
    texts = []
    if not w.isascii():
        texts.append(_plain(w))
    for _, signals, letters, table in _orthographies():
        if signals.search(w):
            texts.append(letters.sub(partial(_rewrite, table), w))
    for text in texts:
        ascii_text, script = normalize_word(text)
        if script != "Latn":
            continue
        key = translit_key(ascii_text.replace(" ", ""))
        if key and key != own and key not in found:
            found.append(key)
    return tuple(found)


def plain_key(word: str) -> str:
    """The key of ``word`` without its diacritics ("Çavuşoğlu" as "Cavusoglu"), or "" when that is its own key."""
    w = unicodedata.normalize("NFC", word).casefold()
    if w.isascii():
        return ""
    found = reading_keys(word)
    ascii_text, script = normalize_word(_plain(w))
    key = translit_key(ascii_text.replace(" ", "")) if script == "Latn" else ""
    return key if found and found[0] == key else ""


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.translate(_PLAIN)) if not unicodedata.combining(c))
