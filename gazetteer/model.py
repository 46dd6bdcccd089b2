"""The gazetteer's records: :class:`Name` and :class:`Entity`.

Both are frozen attrs classes. Files are read through :meth:`Entity.from_record`,
never ``Entity(**row)``, so the on-disk format can evolve independently of the
classes. :meth:`Entity.to_record` writes the canonical (richest) form, which
``from_record`` reads back unchanged.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from attrs import field, frozen

from .errors import GazetteerError

__all__ = ["Entity", "EntityType", "Name", "NameKind", "RecordError", "parse_date"]


class RecordError(GazetteerError):
    """A record is malformed; the loader adds the file and line."""


class EntityType(str, enum.Enum):
    """What an entity is. ``other`` covers events, groups, products, concepts."""

    PERSON = "person"
    PLACE = "place"
    COUNTRY = "country"
    ORG = "org"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


class NameKind(str, enum.Enum):
    """How a name relates to its entity."""

    CANONICAL = "canonical"
    ALIAS = "alias"
    NATIVE = "native"
    HISTORICAL = "historical"
    ABBREVIATION = "abbreviation"
    DEMONYM = "demonym"

    def __str__(self) -> str:
        return self.value


_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(value: Any, *, end: bool = False) -> date | None:
    """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``None``/``""`` give ``None``.

    A partial date is widened to its first day, or its last day when ``end`` is
    true, so ``valid_to: "1961"`` means "until the end of 1961".

    >>> parse_date("2019-03-23")
    datetime.date(2019, 3, 23)
    >>> parse_date("1961", end=True)
    datetime.date(1961, 12, 31)
    """
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise RecordError(f"bad date, expected 'YYYY-MM-DD', got {value!r}")
    m = _DATE_RE.match(value.strip())
    if not m:
        raise RecordError(f"bad date, expected 'YYYY-MM-DD', got {value!r}")
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else (12 if end else 1)
    if m.group(3):
        day = int(m.group(3))
    elif end:
        day = 31 if month == 12 else (date(year, month + 1, 1) - date(year, month, 1)).days
    else:
        day = 1
    try:
        return date(year, month, day)
    except ValueError:
        raise RecordError(f"bad date, expected a real calendar date, got {value!r}") from None


def _opt_str(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _enum(cls: type[enum.Enum], what: str, value: Any) -> Any:
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(m.value for m in cls)  # type: ignore[attr-defined]
        raise RecordError(f"unknown {what}, expected one of {allowed}, got {value!r}") from None


@frozen
class Name:
    """One written form of an entity's name.

    ``lang`` is a BCP 47 tag ("kk", "ru", "ps"), ``script`` an ISO 15924 code
    ("Cyrl", "Latn", "Arab"). ``valid_from``/``valid_to`` bound the period in
    which the name was in official use (both inclusive; ``None`` is open).
    """

    text: str
    lang: str | None = None
    script: str | None = None
    kind: NameKind = field(default=NameKind.ALIAS, converter=lambda v: _enum(NameKind, "kind", v))
    valid_from: date | None = None
    valid_to: date | None = None
    source: str | None = None
    uncertain: bool = False

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.text, str) or not self.text.strip():
            raise RecordError(f"empty name, expected a non-empty string, got {self.text!r}")
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise RecordError(
                f"name {self.text!r}: valid_to {self.valid_to.isoformat()} is before "
                f"valid_from {self.valid_from.isoformat()}"
            )

    def is_valid_on(self, when: date) -> bool:
        """True when ``when`` falls inside the name's period of use."""
        return (self.valid_from is None or self.valid_from <= when) and (
            self.valid_to is None or when <= self.valid_to
        )

    @property
    def period(self) -> str | None:
        """The period of use as ``"2019-03-23..2022-09-17"``, or ``None`` if open on both ends."""
        if self.valid_from is None and self.valid_to is None:
            return None
        lo = self.valid_from.isoformat() if self.valid_from else ""
        hi = self.valid_to.isoformat() if self.valid_to else ""
        return f"{lo}..{hi}"

    @classmethod
    def from_record(cls, raw: Any, *, kind: NameKind = NameKind.ALIAS) -> Name:
        """Build from a bare string or a mapping (``text`` or ``name`` holds the string)."""
        if isinstance(raw, str):
            return cls(raw, kind=kind)
        if not isinstance(raw, Mapping):
            raise RecordError(f"bad name, expected a string or an object, got {raw!r}")
        text = raw.get("text", raw.get("name"))
        if not isinstance(text, str):
            raise RecordError(f"name without text, expected a 'text' string, got {text!r}")
        uncertain = raw.get("uncertain", False)
        if not isinstance(uncertain, bool):
            raise RecordError(f"name {text!r}: 'uncertain' must be true or false, got {uncertain!r}")
        return cls(
            text=text,
            lang=_opt_str(raw.get("lang")),
            script=_opt_str(raw.get("script")),
            kind=raw.get("kind", kind),
            valid_from=parse_date(raw.get("valid_from", raw.get("from"))),
            valid_to=parse_date(raw.get("valid_to", raw.get("to", raw.get("until"))), end=True),
            source=_opt_str(raw.get("source")),
            uncertain=uncertain,
        )

    def to_record(self) -> dict[str, Any]:
        """The mapping :meth:`from_record` reads back; empty fields are left out."""
        out: dict[str, Any] = {"text": self.text, "kind": self.kind.value}
        for key in ("lang", "script", "source"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.valid_from:
            out["valid_from"] = self.valid_from.isoformat()
        if self.valid_to:
            out["valid_to"] = self.valid_to.isoformat()
        if self.uncertain:
            out["uncertain"] = True
        return out


# Record keys that hold lists of names, and the kind each list implies.
_NAME_LISTS: Mapping[str, NameKind] = MappingProxyType(
    {
        "names": NameKind.ALIAS,
        "aliases": NameKind.ALIAS,
        "native": NameKind.NATIVE,
        "historical_names": NameKind.HISTORICAL,
        "abbreviations": NameKind.ABBREVIATION,
        "demonyms": NameKind.DEMONYM,
    }
)
_KNOWN_KEYS = frozenset({"id", "type", "name", "wikidata", "ids", "attributes", *_NAME_LISTS})


def _freeze(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


def _dedupe(names: Iterable[Name]) -> tuple[Name, ...]:
    """Drop repeats (same text, lang and period), keeping the first, so the canonical wins."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for n in names:
        key = (n.text, n.lang, n.valid_from, n.valid_to)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return tuple(out)


@frozen
class Entity:
    """A canonical thing with every name it goes by.

    ``name`` is the canonical display name; ``names`` always starts with it (kind
    ``canonical``). ``ids`` holds external identifiers such as ``{"wikidata": "Q232"}``;
    ``attributes`` anything else the data carries (notes, sources, ...).
    """

    id: str
    type: EntityType = field(converter=lambda v: _enum(EntityType, "type", v))
    name: str
    names: tuple[Name, ...] = field(converter=tuple, default=())
    ids: Mapping[str, str] = field(converter=_freeze, factory=dict, hash=False)
    attributes: Mapping[str, Any] = field(converter=_freeze, factory=dict, hash=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise RecordError(f"missing id, expected a non-empty string, got {self.id!r}")
        if not isinstance(self.name, str) or not self.name.strip():
            raise RecordError(f"entity {self.id!r}: empty name, expected a non-empty string, got {self.name!r}")
        names = self.names
        if not names or names[0].text != self.name or names[0].kind is not NameKind.CANONICAL:
            rest = [n for n in names if not (n.text == self.name and n.kind is NameKind.CANONICAL)]
            names = (Name(self.name, kind=NameKind.CANONICAL), *rest)
        object.__setattr__(self, "names", _dedupe(names))

    def __reduce__(self) -> tuple[Any, ...]:
        # Picklable (for worker processes and the index cache): the read-only mappings are
        # shipped as plain dicts and frozen again by the constructor.
        return Entity, (self.id, self.type, self.name, self.names, dict(self.ids), dict(self.attributes))

    @property
    def wikidata(self) -> str | None:
        """The Wikidata QID, when known."""
        return self.ids.get("wikidata")

    def names_of(self, *kinds: NameKind) -> tuple[Name, ...]:
        """The names of the given kinds (all names when none are given)."""
        return tuple(n for n in self.names if not kinds or n.kind in kinds)

    @classmethod
    def from_record(cls, raw: Mapping[str, Any], *, where: str = "<record>") -> Entity:
        """Build an entity from a JSON-like mapping.

        Minimal form: ``{"id", "type", "name", "aliases": [...]}``. Name lists
        (``names``, ``aliases``, ``native``, ``historical_names``, ``abbreviations``,
        ``demonyms``) hold strings or name objects; the list sets the default kind.
        ``wikidata`` or ``ids`` give external ids; unknown keys go to ``attributes``.
        Raises :class:`RecordError` naming ``where`` and the problem.
        """
        try:
            return cls._from_record(raw)
        except RecordError as exc:
            raise RecordError(f"{where}: {exc}") from None

    @classmethod
    def _from_record(cls, raw: Mapping[str, Any]) -> Entity:
        if not isinstance(raw, Mapping):
            raise RecordError(f"bad record, expected a JSON object, got {type(raw).__name__}")
        ident = raw.get("id")
        if not isinstance(ident, str) or not ident.strip():
            raise RecordError(f"missing id, expected a non-empty string, got {ident!r}")
        if "type" not in raw:
            raise RecordError(f"entity {ident!r}: missing type, expected one of "
                              f"{', '.join(t.value for t in EntityType)}")
        etype = _enum(EntityType, "type", raw.get("type"))
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RecordError(f"entity {ident!r}: empty name, expected a non-empty string, got {name!r}")
        names: list[Name] = []
        for key, kind in _NAME_LISTS.items():
            values = raw.get(key)
            if values is None:
                continue
            if isinstance(values, str):
                values = [values]
            if not isinstance(values, list):
                raise RecordError(f"entity {ident!r}: {key!r} must be a list, got {type(values).__name__}")
            for value in values:
                try:
                    names.append(Name.from_record(value, kind=kind))
                except RecordError as exc:
                    raise RecordError(f"entity {ident!r}: {key}: {exc}") from None
        ids_raw = raw.get("ids") or {}
        if not isinstance(ids_raw, Mapping) or not all(isinstance(v, str) for v in ids_raw.values()):
            raise RecordError(f"entity {ident!r}: 'ids' must map names to strings, got {ids_raw!r}")
        ids = dict(ids_raw)
        wikidata = raw.get("wikidata")
        if wikidata is not None and wikidata != "":
            if not isinstance(wikidata, str) or not re.fullmatch(r"Q[1-9]\d*", wikidata):
                raise RecordError(f"entity {ident!r}: bad wikidata id, expected 'Q<digits>', got {wikidata!r}")
            ids["wikidata"] = wikidata
        attributes_raw = raw.get("attributes") or {}
        if not isinstance(attributes_raw, Mapping):
            raise RecordError(f"entity {ident!r}: 'attributes' must be an object, got {attributes_raw!r}")
        attributes = dict(attributes_raw)
        attributes.update({k: v for k, v in raw.items() if k not in _KNOWN_KEYS})
        return cls(id=ident, type=etype, name=name, names=names, ids=ids, attributes=attributes)

    def to_record(self) -> dict[str, Any]:
        """The canonical record: every name as an object under ``names``."""
        out: dict[str, Any] = {"id": self.id, "type": self.type.value, "name": self.name}
        out["names"] = [n.to_record() for n in self.names]
        if self.ids:
            out["ids"] = dict(self.ids)
        if self.attributes:
            out["attributes"] = dict(self.attributes)
        return out
