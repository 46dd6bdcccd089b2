"""Transliteration of names to Latin, by named and reviewed schemes.

One table per language and scheme lives in ``schemes/`` (format in :mod:`.tables`); adding a
scheme is a data file plus a golden test file, no code. Cyrillic (ru, kk, ky, tg, uz) and
Arabic-script (fa, ps, ar) names have schemes; other scripts fall back to a cleaned unidecode.

>>> to_latin("Тоқаев"), transliterate("Тоқаев", scheme="kk-latn2021")
('Tokayev', 'Toqaev')
>>> skeleton("متقی") == skeleton("Muttaqi") == skeleton("Mutaki")
True
"""

from .core import get_scheme, schemes, schemes_for, to_latin, transliterate, variants
from .detect import detect_lang, detect_script
from .errors import SchemeFileError, TranslitError, UnknownLanguageError, UnknownSchemeError
from .model import Scheme, Variant
from .skeleton import skeleton

__all__ = [
    "Scheme",
    "SchemeFileError",
    "TranslitError",
    "UnknownLanguageError",
    "UnknownSchemeError",
    "Variant",
    "detect_lang",
    "detect_script",
    "get_scheme",
    "schemes",
    "schemes_for",
    "skeleton",
    "to_latin",
    "transliterate",
    "variants",
]
