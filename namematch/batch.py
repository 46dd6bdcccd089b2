"""Many names or texts at once, optionally across worker processes.

:func:`resolve_many` and :func:`find_mentions_many` return exactly what the single
calls return (``resolver.resolve(name, **kw)`` / ``resolver.find_mentions(text, **kw)``),
one list per input, in input order. With ``workers > 1`` the work is spread over a
:class:`concurrent.futures.ProcessPoolExecutor`; the resolver (and the keyword
options) travel once per worker process through the pool initializer, never with
each task, and the pool uses the ``spawn`` start method by default so the same
code behaves alike on Linux, macOS and Windows (call it under
``if __name__ == "__main__":`` in a script, as any spawn-based pool requires).

>>> from namematch import resolve_many
>>> [m[0].entity.id if m else None for m in resolve_many(["Toqaev", "Nur-Sultan", "Zzyzx Qwertyuiop"])]
['kassym-jomart-tokayev', 'astana', None]
"""

from __future__ import annotations

import functools
import inspect
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from .resolver import Match, Resolver

if TYPE_CHECKING:
    from .mentions import Mention

__all__ = ["default_resolver", "find_mentions_many", "resolve_many"]

T = TypeVar("T")


_DEFAULT_LOCK = threading.Lock()


@functools.cache
def _default() -> Resolver:
    from .cache import cached_resolver

    return cached_resolver()


def default_resolver() -> Resolver:
    """The process-wide resolver over the embedded gazetteer, made on first use and then shared.

    Its index comes from the on-disk cache when there (:func:`namematch.cache.cached_resolver`),
    so a fresh worker process starts fast. The batch functions and the pipeline integrations use
    it when given no resolver, so a dataframe column, a spaCy pipeline or a Dask worker gets the
    index once per process (threads asking at the same time wait for the one load or build).
    """
    with _DEFAULT_LOCK:
        return _default()


def resolve_many(
    names: Iterable[str],
    resolver: Resolver | None = None,
    *,
    workers: int | None = 1,
    chunksize: int | None = None,
    mp_context: BaseContext | str | None = None,
    **resolve_kwargs: Any,
) -> list[list[Match]]:
    """``[resolver.resolve(name, **resolve_kwargs) for name in names]``, optionally in parallel.

    ``workers``: 1 runs in this process; N > 1 uses N worker processes (never more than there
    are inputs); ``None`` one per CPU. ``chunksize``: names per task sent to a worker (default:
    a few tasks per worker). ``mp_context``: a multiprocessing context or start-method name
    (default ``"spawn"``).
    """
    r = resolver if resolver is not None else default_resolver()
    _check_kwargs(r.resolve, resolve_kwargs)
    return _run(r, "resolve", names, kwargs=resolve_kwargs, workers=workers, chunksize=chunksize, mp_context=mp_context)


def find_mentions_many(
    texts: Iterable[str],
    resolver: Resolver | None = None,
    *,
    workers: int | None = 1,
    chunksize: int | None = None,
    mp_context: BaseContext | str | None = None,
    **mention_kwargs: Any,
) -> list[list[Mention]]:
    """``[resolver.find_mentions(text, **mention_kwargs) for text in texts]``, optionally in parallel.

    The options are those of :func:`resolve_many`; ``mention_kwargs`` go to
    ``Resolver.find_mentions`` (``date``, ``demonyms``, ...).
    """
    r = resolver if resolver is not None else default_resolver()
    _check_kwargs(r.find_mentions, mention_kwargs)
    return _run(r, "find_mentions", texts, kwargs=mention_kwargs, workers=workers, chunksize=chunksize,
                mp_context=mp_context)


def _check_kwargs(method: Callable[..., object], kwargs: dict[str, Any]) -> None:
    """Reject an unknown option here, before any worker starts (``TypeError`` as the call would)."""
    try:
        inspect.signature(method).bind("", **kwargs)
    except TypeError as exc:
        raise TypeError(f"{method.__qualname__}(): {exc}") from None


def _workers(workers: int | None, n: int) -> int:
    if workers is None:
        workers = getattr(os, "process_cpu_count", os.cpu_count)() or 1  # 3.13+: the CPUs this process may use
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive int or None, got {workers!r}")
    return max(1, min(workers, n))


def _run(
    resolver: Resolver,
    method: str,
    items: Iterable[str],
    *,
    kwargs: dict[str, Any],
    workers: int | None,
    chunksize: int | None,
    mp_context: BaseContext | str | None,
) -> list[Any]:
    if isinstance(items, str):
        raise TypeError(f"expected an iterable of str, got a single str {items[:40]!r}")
    items = list(items)
    n = _workers(workers, len(items))
    if chunksize is not None and (isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1):
        raise ValueError(f"chunksize must be a positive int, got {chunksize!r}")
    call = getattr(resolver, method)
    if n == 1:
        return [call(item, **kwargs) for item in items]
    size = chunksize or max(1, -(-len(items) // (n * 4)))
    ctx = mp_context if isinstance(mp_context, BaseContext) else multiprocessing.get_context(mp_context or "spawn")
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init_worker,
                             initargs=(resolver, method, kwargs)) as pool:
        try:
            return list(_intern(resolver, pool.map(_call_worker, items, chunksize=size)))
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)  # the first error: don't run the rest
            raise


def _intern(resolver: Resolver, results: Iterable[list[T]]) -> Iterator[list[T]]:
    """Results from a worker carry their own copies of the entities: swap in this process's
    (equal) objects, so a large batch holds each entity once, as the single calls would."""
    by_id = {e.id: e for e in resolver.index.entities}
    for found in results:
        for i, item in enumerate(found):
            entity = getattr(item, "entity", None)
            own = by_id.get(entity.id) if entity is not None else None
            if own is not None and own is not entity:
                found[i] = attrs.evolve(item, entity=own)  # type: ignore[misc]
        yield found


# Worker-process state: set once per process by the pool initializer.
_WORKER: tuple[Callable[..., Any], dict[str, Any]] | None = None


def _init_worker(resolver: Resolver, method: str, kwargs: dict[str, Any]) -> None:
    global _WORKER  # noqa: PLW0603 - one resolver per worker process is the point
    _WORKER = (getattr(resolver, method), kwargs)


def _call_worker(item: str) -> Any:
    assert _WORKER is not None, "worker used before its initializer ran"
    call, kwargs = _WORKER
    return call(item, **kwargs)
