"""What a run is: the stretches of Cyrillic or Arabic-script text that one scheme transliterates.

A Cyrillic run is a maximal sequence of Cyrillic-block characters, each optionally followed by
combining grave or acute accents (stress marks). An Arabic-script run is a maximal sequence of
Arabic-block characters, zero-width non-joiners between them included (a Persian compound is one
run). Everything between runs is kept, or romanised by unidecode if it is another script.
"""

from __future__ import annotations

import re

from .detect import languages

__all__ = ["ARAB", "ARAB_BASIC", "CAPS_RUN", "CYRL", "LEFTOVER", "MARKS", "PROBE", "RUN", "ZWNJ", "simple_script"]

_CYRL_RANGES = ((0x400, 0x52F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F))
CYRL = "".join(f"{chr(a)}-{chr(b)}" for a, b in _CYRL_RANGES)
ARAB_BASIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"  # letters; without the presentation forms
ARAB = ARAB_BASIC + "\ufb50-\ufdff\ufe70-\ufeff"
MARKS = "\u0300\u0301"  # stress marks, part of a Cyrillic run
ZWNJ = "\u200c"  # zero-width non-joiner, part of an Arabic-script run between letters

_ARAB_RANGES = ((0x600, 0x6FF), (0x750, 0x77F), (0x8A0, 0x8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
PROBE = tuple(chr(c) for a, b in (*_CYRL_RANGES, *_ARAB_RANGES, (0, 0x7F)) for c in range(a, b + 1)) + tuple(
    MARKS + ZWNJ
)
"""Every character a run or a simple text (:func:`simple_script`) can hold."""

RUN = re.compile(f"((?:[{CYRL}][{MARKS}]*)+)|([{ARAB}]+(?:{ZWNJ}+[{ARAB}]+)*)")
"""Group 1 matches a Cyrillic run, group 2 an Arabic-script run."""

LEFTOVER = {"Cyrl": re.compile(f"[{CYRL}]+"), "Arab": re.compile(f"[{ARAB}]+")}
"""Letters of the script that a scheme's table left untouched (they go through unidecode)."""


def _class(chars: list[str]) -> str:
    """A regex character class of ``chars``, consecutive code points written as ranges."""
    out, codes = [], sorted(map(ord, chars))
    start = prev = codes[0]
    for code in [*codes[1:], -1]:
        if code != prev + 1:
            out.append(re.escape(chr(start)) + ("" if prev == start else "-" + re.escape(chr(prev))))
            start = code
        prev = code
    return "[" + "".join(out) + "]"


_CYRL_CHARS = [chr(c) for a, b in _CYRL_RANGES for c in range(a, b + 1)]
_CASED = _class([ch for ch in _CYRL_CHARS if ch.islower() or ch.isupper()])
_UPPER = _class([ch for ch in _CYRL_CHARS if ch.isupper()])

CAPS_RUN = re.compile(f"{_UPPER}(?<!{_CASED}.){_UPPER}+(?!{_CASED})", re.DOTALL)
"""In a simple Cyrillic text, a run that ``Compiled.apply`` writes in capitals (two or more, all capitals).

It starts with a class, so re skips to capitals in C.
"""

_NOT_LETTER = "\\x00-@\\[-`{-\\x7f"  # ASCII but A-Z, a-z


def _simple(letters: list[str], joiner: str) -> re.Pattern[str]:
    """ASCII non-letters, ASCII words and runs of ``letters``, words of the two kinds never touching.

    ``joiner`` (ZWNJ or "") may stand inside a run, between letters.
    """
    word = _class(letters)[1:-1]
    run = f"[{word}](?:[{word}{joiner}]*[{word}])?" if joiner else f"[{word}]+"
    end = f"(?![A-Za-z{word}{joiner}])"
    return re.compile(f"(?:[{_NOT_LETTER}]+|[A-Za-z]+{end}|{run}{end})*")


def _simple_patterns() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """Per script: the simple texts without a distinctive letter (plain), and all simple texts."""
    arab = [chr(c) for a, b in _ARAB_RANGES[:3] for c in range(a, b + 1)]
    # Cyrillic: cased letters only (no stress marks, no uncased signs), so a run is in capitals
    # just when two capitals touch, which str.istitle() and str.islower() can rule out in C
    cyrl = [ch for ch in _CYRL_CHARS if ch.islower() or ch.isupper()]
    out = {}
    for script, letters, joiner in (("Cyrl", cyrl, ""), ("Arab", arab, ZWNJ)):
        rows = [row for row in languages() if row.script == script]
        distinctive = {c for row in rows for ch in row.letters for c in (ch, ch.upper())}
        plain = [ch for ch in letters if ch not in distinctive]
        out[script] = (_simple(plain, joiner), _simple(letters, joiner))
    return out


_SIMPLE = _simple_patterns()


def simple_script(text: str) -> tuple[str, bool] | None:
    """``(script, plain)`` if ``text`` (NFC, not all ASCII) is one script's runs between ASCII non-letters.

    ``script`` is ``Cyrl`` or ``Arab``; ``plain`` says that no run has a letter that tells its
    language (``data/languages.tsv``), so every run gets the script's fallback language.
    In such a text a rule of a scheme sees the same neighbours as in its run alone (nothing, or an
    ASCII non-letter that no table maps), so one pass of the scheme over the whole text gives what
    the runs give one by one (:meth:`namematch.translit.tables.Compiled.apply_text`). Other texts,
    such as mixed scripts, Latin letters glued to a run, stress marks or Arabic presentation
    forms, give ``None``.
    """
    for script, (plain, simple) in _SIMPLE.items():
        if plain.fullmatch(text) is not None:
            return script, True
        if simple.fullmatch(text) is not None:
            return script, False
    return None
