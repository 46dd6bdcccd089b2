"""Canonical entities and every name they go by.

``gazetteer`` knows nothing about matching: it holds, validates, loads and
merges entity data. ``namematch`` builds on it.

>>> g = Gazetteer.default()
>>> g.get("astana").name
'Astana'
"""

from .errors import DataFileError, GazetteerError, Problem
from .gazetteer import Clash, Gazetteer, GazetteerWarning
from .keys import name_key
from .model import Entity, EntityType, Name, NameKind, RecordError, parse_date

__all__ = [
    "Clash",
    "DataFileError",
    "Entity",
    "EntityType",
    "Gazetteer",
    "GazetteerError",
    "GazetteerWarning",
    "Name",
    "NameKind",
    "Problem",
    "RecordError",
    "name_key",
    "parse_date",
]
