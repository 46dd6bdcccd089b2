"""Which script, and which language, a text is written in.

``detect_script`` counts letters per ISO 15924 script (``data/scripts.tsv``) and returns the
dominant one. ``detect_lang`` tells Cyrillic and Arabic-script languages apart by their
distinctive letters (``data/languages.tsv``); a text with none gets its script's fallback.

>>> detect_script("Тоқаев"), detect_script("Tokayev"), detect_script("北京")
('Cyrl', 'Latn', 'Hani')
>>> detect_lang("Тоқаев"), detect_lang("Жапаров Ө"), detect_lang("Раҳмон"), detect_lang("Путин")
('kk', 'ky', 'tg', 'ru')
>>> detect_lang("ښار"), detect_lang("پرویز"), detect_lang("محمد"), detect_lang("Tokayev")
('ps', 'fa', 'ar', None)
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache
from importlib import resources

from attrs import frozen

from .errors import SchemeFileError

__all__ = ["Language", "detect_lang", "detect_script", "evidence_lang", "languages", "script_of", "sole_lang"]


@frozen
class Language:
    """A row of ``data/languages.tsv``."""

    lang: str
    script: str
    default: str
    also: tuple[str, ...]
    letters: frozenset[str]


def _data_lines(name: str) -> list[tuple[int, list[str]]]:
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [
        (n, line.rstrip("\n").split("\t"))
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]


@cache
def _ranges() -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]:
    rows = []
    for n, fields in _data_lines("scripts.tsv"):
        if len(fields) != 3:
            raise SchemeFileError(
                "data/scripts.tsv", n, f"expected 'first<TAB>last<TAB>script', got {fields!r}"
            )
        try:
            first, last = int(fields[0], 16), int(fields[1], 16)
        except ValueError:
            raise SchemeFileError("data/scripts.tsv", n, f"bad hex code point in {fields!r}") from None
        if first > last:
            raise SchemeFileError("data/scripts.tsv", n, f"range {fields[0]}..{fields[1]} is empty")
        rows.append((first, last, fields[2]))
    rows.sort()
    return tuple(r[0] for r in rows), tuple(r[1] for r in rows), tuple(r[2] for r in rows)


_SCRIPT_CACHE: dict[str, str | None] = {}


def script_of(ch: str) -> str | None:
    """ISO 15924 code of one character's block, or ``None`` if no listed block holds it."""
    try:
        return _SCRIPT_CACHE[ch]
    except KeyError:
        pass
    starts, ends, codes = _ranges()
    i = bisect.bisect_right(starts, ord(ch)) - 1
    code = codes[i] if i >= 0 and ord(ch) <= ends[i] else None
    if code is None and unicodedata.name(ch, "").startswith("LATIN "):
        code = "Latn"
    if len(_SCRIPT_CACHE) < 100_000:
        _SCRIPT_CACHE[ch] = code
    return code


@cache
def _only(code: str) -> re.Pattern[str]:
    """Texts whose letters are all in ranges of script ``code`` (anything else that is no letter may be there)."""
    starts, ends, codes = _ranges()
    ranges = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b, c in zip(starts, ends, codes) if c == code)
    return re.compile(f"(?:[{ranges}]|[\\W\\d_])*")


_ASCII_LETTER = re.compile("[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")


def detect_script(text: str) -> str | None:
    """The ISO 15924 code of the script most letters of ``text`` are in, or ``None`` if no letters.

    Ties go to the script seen first.
    """
    if text.isascii():
        return "Latn" if _ASCII_LETTER.search(text) else None
    # (most names are in one script: the first letter's, if every letter is in its ranges)
    first = _LETTER.search(text)
    if first is None:
        return None
    code = script_of(first.group())
    if code is not None and _only(code).fullmatch(text):
        return code
    counts: dict[str, int] = {}
    known = _SCRIPT_CACHE    # script_of's cache, read inline (this runs on every name an index holds)
    for ch in text:
        if ch.isalpha():
            code = known[ch] if ch in known else script_of(ch)
            if code is not None:
                counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    return max(counts, key=counts.__getitem__)  # max keeps the first of equal counts


@cache
def languages() -> tuple[Language, ...]:
    """Rows of ``data/languages.tsv`` in priority order."""
    out = []
    for n, raw in _data_lines("languages.tsv"):
        fields = raw + [""] * (5 - len(raw))
        if len(fields) != 5 or not all(fields[:3]):
            raise SchemeFileError(
                "data/languages.tsv",
                n,
                f"expected 'lang<TAB>script<TAB>default<TAB>also<TAB>letters', got {fields!r}",
            )
        lang, script, default, also, letters = fields
        out.append(Language(lang, script, default, tuple(filter(None, also.split(","))), frozenset(letters)))
    return tuple(out)


@cache
def _by_script() -> Mapping[str, tuple[Language, ...]]:
    table: dict[str, list[Language]] = {}
    for row in languages():
        table.setdefault(row.script, []).append(row)
    return {k: tuple(v) for k, v in table.items()}


@cache
def _distinctive() -> Mapping[str, re.Pattern[str]]:
    out = {}
    for script, rows in _by_script().items():
        letters = "".join(sorted({ch for row in rows for ch in row.letters}))
        if letters:
            out[script] = re.compile("[" + re.escape(letters) + "]")
    return out


@cache
def _distinctive_any_case() -> Mapping[str, re.Pattern[str]]:
    out = {}
    for script, rows in _by_script().items():
        letters = {c for row in rows for ch in row.letters for c in (ch, ch.upper())}
        if letters:
            out[script] = re.compile("[" + re.escape("".join(sorted(letters))) + "]")
    return out


def evidence_lang(lower_text: str, script: str) -> str | None:
    """The language whose distinctive letters best explain ``lower_text``, or ``None`` without any.

    The first language (in file order) whose letters cover every distinctive letter present wins;
    if none covers them all, the one covering most.
    """
    finder = _distinctive().get(script)
    if finder is None:
        return None
    found = finder.findall(lower_text)
    if not found:
        return None
    return _decide(script, frozenset(found))


@lru_cache(maxsize=4096)
def _decide(script: str, present: frozenset[str]) -> str:
    best = max(_by_script()[script], key=lambda row: len(row.letters & present))  # first wins ties
    return best.lang


def sole_lang(text: str, script: str) -> str | None:
    """The language every run of ``text`` gets, if they all get the same one; else ``None``.

    A run takes the language of its own distinctive letters, or the whole text's without any.
    Runs agree when every non-empty part of the distinctive letters present points to the text's
    language (``ү`` alone is Kyrgyz, with ``қ`` Kazakh: "Айгүл Тоқаева" may disagree). With no
    distinctive letter it is the script's fallback; with more than eight, ``None`` (not worth checking).
    """
    if script not in _distinctive() or _distinctive_any_case()[script].search(text) is None:
        return fallback_lang(script)
    found = _distinctive()[script].findall(text.lower())
    return _sole(script, frozenset(found)) if found else fallback_lang(script)


@lru_cache(maxsize=4096)
def _sole(script: str, present: frozenset[str]) -> str | None:
    if len(present) > 8:
        return None
    lang = _decide(script, present)
    letters = sorted(present)
    for size in range(1, len(letters)):
        for part in itertools.combinations(letters, size):
            if _decide(script, frozenset(part)) != lang:
                return None
    return lang


@cache
def fallback_lang(script: str) -> str | None:
    """The language assumed for ``script`` when no letter tells (``ru`` for Cyrl, ``ar`` for Arab)."""
    for row in _by_script().get(script, ()):
        if not row.letters:
            return row.lang
    return None


def detect_lang(text: str) -> str | None:
    """BCP 47 code of the language of ``text`` among those in ``data/languages.tsv``, else ``None``.

    Only scripts with languages listed are judged: Latin text gives ``None``.
    """
    return lang_in_script(text, detect_script(text))


def lang_in_script(text: str, script: str | None) -> str | None:
    """:func:`detect_lang` of ``text`` whose script ``detect_script(text)`` is known to be ``script``."""
    if script is None or script not in _by_script():
        return None
    return evidence_lang(text.lower(), script) or fallback_lang(script)
