"""Dask: mentions in a corpus of text files, and a name column resolved, on any Dask cluster
(extra ``[dask]``).

::

    from distributed import Client
    from namematch.integrations.dask import file_mentions, resolve_column

    client = Client()                                   # or a cluster's address
    docs = file_mentions("corpus/*.txt")                # a Bag of {"path", "mentions"}
    docs.map(lambda d: len(d["mentions"])).sum().compute()
    resolved = resolve_column(ddf, "who")               # ddf plus id, name, type, score, matched

Given a resolver, it travels to the cluster once per computation as one graph key
(``dask.delayed``), so each worker receives and unpickles it once, however many
partitions it runs; given none, each worker process builds the embedded default once
(:func:`namematch.batch.default_resolver`) and nothing is shipped. Records have the
fields of :data:`~namematch.integrations.MENTION_FIELDS` and
:data:`~namematch.integrations.RESOLVE_FIELDS`, the same as the pandas and Polars helpers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

try:
    import dask.bag as db
    import dask.dataframe as dd
    import fsspec
    import pandas as pd
    from dask.delayed import delayed
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("namematch.integrations.dask needs dask: pip install 'namematch-ca[dask]'") from exc

from ..errors import NamematchError
from ..resolver import Resolver
from ._records import RESOLVE_FIELDS, mention_record
from .pandas import _DTYPES, resolve_series

__all__ = ["file_mentions", "mentions", "resolve_column"]


def _shipped(resolver: Resolver | None) -> Any:
    """One graph key for the resolver (``None``: each worker uses its own default)."""
    return None if resolver is None else delayed(resolver, pure=True)


def mentions(texts: db.Bag, resolver: Resolver | None = None, **mention_kwargs: Any) -> db.Bag:
    """A Bag of texts → a Bag of lists of :data:`MENTION_FIELDS` dicts, one list per text, same order."""
    return texts.map_partitions(_mentions_partition, _shipped(resolver), mention_kwargs)


def file_mentions(urlpath: str | Sequence[str], resolver: Resolver | None = None, *, encoding: str = "utf-8",
                  files_per_partition: int = 1, **mention_kwargs: Any) -> db.Bag:
    """Text files (a path, a glob, a list, or any fsspec URL) → a Bag of ``{"path", "mentions"}``,
    one per file. Each file is read whole, in the worker, as one document."""
    files = fsspec.open_files(urlpath, mode="rt", encoding=encoding)
    if not files:
        raise FileNotFoundError(f"no file matches {urlpath!r}")
    n = max(1, -(-len(files) // files_per_partition))
    bag = db.from_sequence(list(files), npartitions=n)
    return bag.map_partitions(_file_partition, _shipped(resolver), mention_kwargs)


def resolve_column(ddf: dd.DataFrame, column: str, resolver: Resolver | None = None, *, prefix: str = "",
                   **resolve_kwargs: Any) -> dd.DataFrame:
    """``ddf`` plus the :data:`RESOLVE_FIELDS` columns (named ``prefix + field``) of ``column``'s best
    matches, partition by partition (each distinct name resolved once per partition)."""
    meta = ddf._meta.copy()
    for f in RESOLVE_FIELDS:
        meta[prefix + f] = pd.Series(dtype=_DTYPES[f])
    return ddf.map_partitions(_resolve_partition, column, _shipped(resolver), prefix, resolve_kwargs, meta=meta)


def _resolver(resolver: Resolver | None) -> Resolver:
    from ..batch import default_resolver

    return resolver if resolver is not None else default_resolver()


def _mentions_partition(texts: Sequence[str], resolver: Resolver | None,
                        kwargs: dict[str, Any]) -> list[list[dict[str, Any]]]:
    r = _resolver(resolver)
    return [[mention_record(m) for m in r.find_mentions(t, **kwargs)] for t in texts]


def _file_partition(files: Sequence[Any], resolver: Resolver | None,
                    kwargs: dict[str, Any]) -> list[dict[str, Any]]:
    r = _resolver(resolver)
    out = []
    for of in files:
        try:
            with of as fh:
                text = fh.read()
        except UnicodeDecodeError as exc:
            raise NamematchError(f"{of.path}: not {exc.encoding} text ({exc.reason} at byte {exc.start}); "
                                 "pass encoding=") from None
        found = r.find_mentions(text, **kwargs)
        out.append({"path": of.path, "mentions": [mention_record(m) for m in found]})
    return out


def _resolve_partition(df: pd.DataFrame, column: str, resolver: Resolver | None, prefix: str,
                       kwargs: dict[str, Any]) -> pd.DataFrame:
    res = resolve_series(df[column], _resolver(resolver), **kwargs)
    return df.assign(**{prefix + f: res[f] for f in RESOLVE_FIELDS})
