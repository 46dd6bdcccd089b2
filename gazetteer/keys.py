"""The lookup key of a name: the gazetteer's own light normalisation.

NFKC, casefold, apostrophes and dots dropped, other punctuation and hyphens to
spaces, spaces squashed. It does not transliterate: "Токаев" and "Tokayev"
get different keys (matching across scripts is ``namematch``'s job).
"""

from __future__ import annotations

import unicodedata

__all__ = ["name_key"]

_DROP = {ord(c): None for c in "'’‘`ʼʻ.\u00ad\u200b\u200c\u200d\u2060\ufeff"}


def name_key(text: str) -> str:
    """Lookup key for exact matching.

    >>> name_key("  Nur-Sultan ")
    'nur sultan'
    >>> name_key("U.S.") == name_key("US")
    True
    """
    text = unicodedata.normalize("NFKC", text).casefold().translate(_DROP)
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat[0] in "LNM":
            out.append(ch)
        else:
            out.append(" ")
    return " ".join("".join(out).split())
