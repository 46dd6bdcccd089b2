"""The :class:`Gazetteer`: an immutable, indexed collection of entities."""

from __future__ import annotations

import enum
import warnings
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import DataFileError, GazetteerError, Problem
from .keys import name_key
from .load import read_records, read_text
from .model import Entity, EntityType, Name, NameKind, RecordError

__all__ = ["Clash", "Gazetteer", "GazetteerWarning"]


class GazetteerWarning(UserWarning):
    """Issued when a non-strict load skipped bad records (they are in ``.problems``)."""


class Clash(str, enum.Enum):
    """What :meth:`Gazetteer.merge` does when two gazetteers share an id.

    ``combine`` (default): one entity whose names are the earlier entity's names
    followed by the later one's new names; type, canonical name, ids and
    attributes are taken from the later entity where it sets them.
    ``replace``: the later entity replaces the earlier one whole.
    ``error``: raise :class:`GazetteerError`.
    ``replace`` is associative; ``combine`` is associative up to the order of
    an entity's names (the same names, ids and attributes either way).
    """

    COMBINE = "combine"
    REPLACE = "replace"
    ERROR = "error"


# Curated data merges over generated (combine by id): names, demonyms, country names CLDR lacks.
_DEFAULT_FILES = ("countries.jsonl", "entities.jsonl", "translations.jsonl", "demonyms.jsonl", "country_names.jsonl")


class Gazetteer:
    """An immutable collection of :class:`Entity`, indexed by id and by name key.

    Build one with :meth:`default`, :meth:`load`, :meth:`from_records` or
    :meth:`from_entities`; combine with :meth:`merge`. ``problems`` lists the
    records that were skipped while loading.
    """

    __slots__ = ("_by_id", "_by_key", "_entities", "problems")

    def __init__(self, entities: Iterable[Entity] = (), *, problems: Iterable[Problem] = ()) -> None:
        ents = tuple(entities)
        by_id: dict[str, Entity] = {}
        for e in ents:
            if not isinstance(e, Entity):
                raise TypeError(f"expected Entity, got {type(e).__name__}")
            if e.id in by_id:
                raise GazetteerError(f"duplicate id {e.id!r}; use Gazetteer.merge to combine entities")
            by_id[e.id] = e
        by_key: dict[str, list[tuple[Entity, Name]]] = {}
        for e in ents:
            for n in e.names:
                key = name_key(n.text)
                if key:
                    by_key.setdefault(key, []).append((e, n))
        self._entities = ents
        self._by_id = by_id
        self._by_key = {k: tuple(v) for k, v in by_key.items()}
        self.problems: tuple[Problem, ...] = tuple(problems)

    # -- construction -----------------------------------------------------------------
    @classmethod
    def from_entities(cls, entities: Iterable[Entity]) -> Gazetteer:
        return cls(entities)

    @classmethod
    def from_records(
        cls, records: Iterable[Mapping[str, Any]], *, source: str = "<records>", strict: bool = False
    ) -> Gazetteer:
        """Build from JSON-like mappings (the JSONL record format); item ``i`` is "line" ``i``."""
        return cls._build(((i, r) for i, r in enumerate(records, 1)), source, strict)

    @classmethod
    def load(cls, path: str | Path, *, strict: bool = False, fmt: str | None = None) -> Gazetteer:
        """Load a ``.jsonl``, ``.json`` or ``.csv`` file (``fmt`` overrides the suffix).

        Bad records are skipped and listed in ``.problems`` (with a
        :class:`GazetteerWarning`); with ``strict=True`` the first one raises
        :class:`DataFileError`.
        """
        return cls._build(read_records(path, fmt=fmt), str(path), strict)

    @classmethod
    def loads(cls, text: str, *, fmt: str = ".jsonl", source: str = "<string>", strict: bool = False) -> Gazetteer:
        """Load from text in memory, in the given format."""
        return cls._build(read_text(text, source, fmt if fmt.startswith(".") else "." + fmt), source, strict)

    @classmethod
    def _build(cls, items: Iterable[tuple[int, Any] | Problem], source: str, strict: bool) -> Gazetteer:
        entities: list[Entity] = []
        first_line: dict[str, int] = {}
        problems: list[Problem] = []

        def report(p: Problem) -> None:
            if strict:
                raise DataFileError.from_problem(p)
            problems.append(p)

        for item in items:
            if isinstance(item, Problem):
                report(item)
                continue
            line, raw = item
            try:
                entity = Entity.from_record(raw, where="record") if isinstance(raw, Mapping) else None
            except RecordError as exc:
                report(Problem(source, line, str(exc).removeprefix("record: ")))
                continue
            except (TypeError, ValueError, RecursionError) as exc:  # defensive: never a bare traceback
                report(Problem(source, line, f"bad record, expected a valid entity, got {exc}"))
                continue
            if entity is None:
                report(Problem(source, line, f"bad record, expected a JSON object, got {type(raw).__name__}"))
                continue
            if entity.id in first_line:
                report(Problem(source, line, f"duplicate id, expected each id once, got {entity.id!r} "
                                             f"again (first on line {first_line[entity.id]})"))
                continue
            first_line[entity.id] = line
            entities.append(entity)
        if problems:
            warnings.warn(
                f"{source}: skipped {len(problems)} bad record(s), kept {len(entities)}; "
                f"first: {problems[0]}",
                GazetteerWarning,
                stacklevel=3,
            )
        return cls(entities, problems=problems)

    @classmethod
    def default(cls) -> Gazetteer:
        """The embedded gazetteer shipped with the package (loaded once, then cached)."""
        return _default()

    # -- combination ------------------------------------------------------------------
    def merge(self, *others: Gazetteer, on_clash: Clash | str = Clash.COMBINE) -> Gazetteer:
        """A new gazetteer with ``others`` merged over this one, in order (see :class:`Clash`)."""
        mode = Clash(on_clash)
        order: dict[str, Entity] = dict(self._by_id)
        problems = list(self.problems)
        for other in others:
            problems.extend(other.problems)
            for e in other:
                old = order.get(e.id)
                if old is None:
                    order[e.id] = e
                elif mode is Clash.ERROR:
                    raise GazetteerError(f"id clash while merging: {e.id!r} is in both gazetteers")
                elif mode is Clash.REPLACE:
                    order[e.id] = e
                else:
                    order[e.id] = _combine(old, e)
        return Gazetteer(order.values(), problems=problems)

    def __or__(self, other: Gazetteer) -> Gazetteer:
        return self.merge(other)

    # -- access -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities)

    def __contains__(self, ident: object) -> bool:
        return ident in self._by_id

    def __getitem__(self, ident: str) -> Entity:
        try:
            return self._by_id[ident]
        except KeyError:
            raise KeyError(f"no entity with id {ident!r}") from None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Gazetteer):
            return NotImplemented
        return self._entities == other._entities

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self)} entities>"

    def get(self, ident: str, default: Entity | None = None) -> Entity | None:
        """The entity with this id, or ``default``."""
        return self._by_id.get(ident, default)

    def ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    def filter(self, *types: EntityType | str) -> Gazetteer:
        """A gazetteer with only the entities of the given types."""
        wanted = {EntityType(t) for t in types}
        return Gazetteer((e for e in self._entities if e.type in wanted), problems=self.problems)

    def lookup(self, name: str) -> tuple[Entity, ...]:
        """Entities having a name whose key equals ``name``'s key (see :func:`name_key`).

        Exact up to case, Unicode form, punctuation and spacing; no transliteration
        and no fuzziness (``namematch.Resolver`` does those).
        """
        seen: dict[str, Entity] = {}
        for e, _ in self._by_key.get(name_key(name), ()):
            seen.setdefault(e.id, e)
        return tuple(seen.values())

    def lookup_names(self, name: str) -> tuple[tuple[Entity, Name], ...]:
        """Like :meth:`lookup`, with the matching :class:`Name` of each hit."""
        return self._by_key.get(name_key(name), ())

    def to_records(self) -> list[dict[str, Any]]:
        return [e.to_record() for e in self._entities]


def _combine(old: Entity, new: Entity) -> Entity:
    seen = {(n.text, n.kind, n.lang, n.valid_from, n.valid_to) for n in old.names}
    names = list(old.names)
    if new.name != old.name:
        # The later canonical name wins; the earlier one stays as an alias.
        names = [Name(n.text, n.lang, n.script, NameKind.ALIAS, n.valid_from, n.valid_to, n.source, n.uncertain)
                 if n.kind is NameKind.CANONICAL else n for n in names]
    names += [n for n in new.names if (n.text, n.kind, n.lang, n.valid_from, n.valid_to) not in seen]
    return Entity(
        id=new.id,
        type=new.type,
        name=new.name,
        names=names,
        ids={**old.ids, **new.ids},
        attributes={**old.attributes, **new.attributes},
    )


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    base = resources.files("gazetteer") / "data"
    parts = []
    for fname in _DEFAULT_FILES:
        res = base / fname
        if not res.is_file():
            continue
        text = res.read_text(encoding="utf-8")
        g = Gazetteer.loads(text, fmt=".jsonl", source=f"gazetteer/data/{fname}", strict=True)
        parts.append(g)
    if not parts:
        raise GazetteerError("the embedded gazetteer data is missing; reinstall the package")
    return parts[0].merge(*parts[1:])
