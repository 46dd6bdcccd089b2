"""Batch API: many names / texts, in this process or across spawned worker processes."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer import Gazetteer
from namematch import Resolver, find_mentions_many, resolve_many
from namematch.batch import default_resolver

needs_mentions = pytest.mark.skipif(not hasattr(Resolver, "find_mentions"),
                                    reason="Resolver.find_mentions not there yet (namematch/mentions.py)")

NAMES = ["Qasym-Zhomart Toqaev", "Tokajew", "Нур-Султан", "Zzyzx Qwertyuiop", "Ghani", "Akmola",
         "Toqaev", "", "Kabul", "Ташкент", "Amir Jan Mutaki", "Tokajew"]


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return default_resolver()


class CountingResolver(Resolver):
    """Counts how often it is pickled (in this process: once per worker process started)."""

    pickled: ClassVar[int] = 0

    def __reduce_ex__(self, protocol: Any) -> Any:
        type(self).pickled += 1
        return super().__reduce_ex__(protocol)


def small_resolver(cls: type[Resolver] = Resolver) -> Resolver:
    return cls(Gazetteer.from_records([
        {"id": "p1", "type": "person", "name": "Example Person", "aliases": ["E. Person"]},
        {"id": "p2", "type": "person", "name": "Other Human", "aliases": ["Otto Human"]},
        {"id": "c1", "type": "place", "name": "Samplegrad", "aliases": ["Самплград"]},
    ]))


def test_resolve_many_in_process_equals_single_calls(resolver: Resolver) -> None:
    """workers=1: the same list as calling resolve() on each name, options passed through."""
    assert resolve_many(NAMES, resolver) == [resolver.resolve(n) for n in NAMES]
    kw: dict[str, Any] = {"limit": None, "types": "place", "threshold": 0.6}
    assert resolve_many(NAMES, resolver, **kw) == [resolver.resolve(n, **kw) for n in NAMES]


def test_resolve_many_default_resolver_is_shared() -> None:
    """No resolver given: the process-wide default, built once."""
    assert default_resolver() is default_resolver()
    assert resolve_many(["Toqaev"])[0][0].entity.id == "kassym-jomart-tokayev"


def test_resolve_many_workers_identical_and_in_order(resolver: Resolver) -> None:
    """workers=2: results equal the single calls, in input order, sharing this process's entities."""
    names = NAMES * 3
    got = resolve_many(names, resolver, workers=2, chunksize=5, limit=3)
    assert got == [resolver.resolve(n, limit=3) for n in names]
    by_id = {e.id: e for e in resolver.index.entities}
    assert all(m.entity is by_id[m.entity.id] for found in got for m in found)


def test_resolver_sent_once_per_worker_not_per_task() -> None:
    """The resolver goes to each worker through the initializer: pickled at most once per worker."""
    r = small_resolver(CountingResolver)
    CountingResolver.pickled = 0
    names = ["E. Person", "Otto Human", "Samplegrad", "Самплград", "Nobody", "Example Persn"] * 4
    got = resolve_many(names, r, workers=2, chunksize=1, threshold=0.8)
    assert got == [r.resolve(n, threshold=0.8) for n in names]
    assert 1 <= CountingResolver.pickled <= 2
    assert [found[0].entity.id if found else None for found in got[:6]] == ["p1", "p2", "c1", "c1", None, "p1"]


def test_fewer_items_than_workers_and_empty_input(resolver: Resolver) -> None:
    """No work: an empty list and no pool; one item: one worker is enough (runs in process)."""
    assert resolve_many([], resolver, workers=4) == []
    assert resolve_many(iter(["Toqaev"]), resolver, workers=4) == [resolver.resolve("Toqaev")]


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"workers": 0}, ValueError, "workers must be a positive int"),
    ({"workers": 2.5}, ValueError, "workers must be a positive int"),
    ({"chunksize": 0, "workers": 2}, ValueError, "chunksize must be a positive int"),
    ({"colour": "red"}, TypeError, "colour"),
    ({"threshold": 2.0}, ValueError, "threshold must be in"),
])
def test_bad_arguments_say_what(kwargs: dict[str, Any], error: type[Exception], message: str) -> None:
    """Bad options fail up front (or as the single call would), naming the problem."""
    with pytest.raises(error, match=message):
        resolve_many(["Toqaev", "Ghani"], small_resolver(), **kwargs)


def test_single_string_is_rejected() -> None:
    """A bare str is not a list of names (it would be resolved letter by letter)."""
    with pytest.raises(TypeError, match="single str"):
        resolve_many("Toqaev", small_resolver())


def test_worker_error_reaches_the_caller() -> None:
    """A bad item fails in the worker and the caller sees the same error type and message."""
    with pytest.raises(TypeError, match="name must be a str"):
        resolve_many(["E. Person", 42], small_resolver(), workers=2, chunksize=1)  # type: ignore[list-item]


@settings(max_examples=25)
@given(st.lists(st.text(max_size=20), max_size=5))
def test_resolve_many_is_map_of_resolve(names: list[str]) -> None:
    """For any list of strings, resolve_many is resolve mapped over it."""
    r = default_resolver()
    assert resolve_many(names, r) == [r.resolve(n) for n in names]


def test_resolver_pickles() -> None:
    """A Resolver survives pickling with the same answers (what the workers rely on)."""
    r = small_resolver()
    r2 = pickle.loads(pickle.dumps(r))
    assert r2.resolve("Otto Human") == r.resolve("Otto Human")


@needs_mentions
def test_find_mentions_many_equals_single_calls(resolver: Resolver, seeds_dir: Path) -> None:
    """Mentions of many texts, in process and with 2 workers, equal the single calls, in order."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    texts += ["", "Toqaev met Ghani in Kabul."]
    single = [resolver.find_mentions(t, demonyms=True) for t in texts]
    assert find_mentions_many(texts, resolver, demonyms=True) == single
    assert find_mentions_many(texts, resolver, workers=2, demonyms=True) == single


@needs_mentions
def test_find_mentions_many_rejects_unknown_option() -> None:
    """An option find_mentions does not take fails before any work."""
    with pytest.raises(TypeError, match="limit"):
        find_mentions_many(["Toqaev"], small_resolver(), limit=3)
