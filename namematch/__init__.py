"""namematch: resolve the many spellings of a name to one canonical entity.

>>> from namematch import Resolver, compare
>>> Resolver().best("Qasym-Zhomart Toqaev").entity.id
'kassym-jomart-tokayev'
>>> compare("Muttaqi", "Mutaki").is_match
True
"""

from gazetteer import Entity, EntityType, Gazetteer, Name, NameKind

from .cache import cached_resolver
from .errors import DataTableError, NamematchError
from .evaluate import SweepPoint, evaluate, read_labelled
from .mentions import FORMS, Mention
from .normalize import normalize
from .phonetic import phonetic_key, skeleton_key, translit_key
from .resolver import BruteForceResolver, Match, Resolver
from .similarity import DEFAULT_THRESHOLD, Comparison, Evidence, compare
from .structure import NameToken, ParsedName, Role, parse_name
from .translit import (
    Scheme,
    Variant,
    detect_lang,
    detect_script,
    schemes,
    schemes_for,
    skeleton,
    transliterate,
    variants,
)

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # The batch helpers pull in multiprocessing: imported on first use, so `resolve` starts fast.
    if name in ("resolve_many", "find_mentions_many"):
        from . import batch

        return getattr(batch, name)
    raise AttributeError(f"module 'namematch' has no attribute {name!r}")

__all__ = [
    "DEFAULT_THRESHOLD",
    "FORMS",
    "BruteForceResolver",
    "Comparison",
    "DataTableError",
    "Entity",
    "EntityType",
    "Evidence",
    "Gazetteer",
    "Match",
    "Mention",
    "Name",
    "NameKind",
    "NameToken",
    "NamematchError",
    "ParsedName",
    "Resolver",
    "Role",
    "Scheme",
    "SweepPoint",
    "Variant",
    "cached_resolver",
    "compare",
    "detect_lang",
    "detect_script",
    "evaluate",
    "find_mentions_many",
    "normalize",
    "parse_name",
    "phonetic_key",
    "read_labelled",
    "resolve_many",
    "schemes",
    "schemes_for",
    "skeleton",
    "skeleton_key",
    "translit_key",
    "transliterate",
    "variants",
]
