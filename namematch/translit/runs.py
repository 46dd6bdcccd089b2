"""What a run is: the stretches of Cyrillic or Arabic-script text that one scheme transliterates.

A Cyrillic run is a maximal sequence of Cyrillic-block characters, each optionally followed by
combining grave or acute accents (stress marks). An Arabic-script run is a maximal sequence of
Arabic-block characters, zero-width non-joiners between them included (a Persian compound is one
run). Everything between runs is kept, or romanised by unidecode if it is another script.
"""

from __future__ import annotations

import re

from unidecode import unidecode

__all__ = ["ARAB", "ARAB_BASIC", "CYRL", "FIRST_SCRIPT", "LEFTOVER", "MARKS", "PROBE", "RUN", "ZWNJ", "clean_unidecode"]

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
"""Every character a run, or a text of runs and ASCII, can hold."""

RUN = re.compile(f"((?:[{CYRL}][{MARKS}]*)+)|([{ARAB}]+(?:{ZWNJ}+[{ARAB}]+)*)")
"""Group 1 matches a Cyrillic run, group 2 an Arabic-script run."""

LEFTOVER = {"Cyrl": re.compile(f"[{CYRL}]+"), "Arab": re.compile(f"[{ARAB}]+")}
"""Letters of the script that a scheme's table left untouched (they go through unidecode)."""


FIRST_SCRIPT = re.compile(f"[\\x00-\\x7f]*(?:([{CYRL}])|([{ARAB_BASIC}]))")
"""Matches up to the first non-ASCII character if it is Cyrillic (group 1) or Arabic script (group 2)."""


_SPACES = re.compile(r"\s{2,}")


def clean_unidecode(text: str) -> str:
    """unidecode without its apostrophes and padding: 'Tok'aev' -> 'Tokaev', 'Bei Jing ' -> 'Bei Jing'."""
    out = unidecode(text).replace("'", "").replace('"', "")
    return _SPACES.sub(" ", out).strip()
