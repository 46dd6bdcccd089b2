"""Polars: a name column → a struct of entity fields, a text column → a list of mention structs
(extra ``[polars]``).

Importing this module registers the ``namematch`` namespace on expressions and Series::

    import namematch.integrations.polars  # registers .namematch
    df.with_columns(pl.col("who").namematch.resolve().alias("entity")).unnest("entity")
    df.with_columns(pl.col("body").namematch.mentions().alias("mentions"))

``resolve`` gives a ``Struct`` with the fields of
:data:`~namematch.integrations.RESOLVE_FIELDS` (``id``, ``name``, ``type``, ``score``,
``matched``): null where the name is null or nothing clears the threshold. ``mentions``
gives a ``List(Struct)`` of :data:`~namematch.integrations.MENTION_FIELDS` (an empty list
for a null text). Both are element-wise (usable in lazy and streaming queries); each
distinct value in a batch is resolved once. They take a resolver (the shared default
when none), ``workers`` (see :func:`namematch.resolve_many`) and the options of
``Resolver.resolve`` / ``Resolver.find_mentions``. :func:`resolve_column` and
:func:`mentions_column` are the same as plain functions on a DataFrame.
"""

from __future__ import annotations

from typing import Any

try:
    import polars as pl
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("namematch.integrations.polars needs polars: pip install 'namematch-ca[polars]'") from exc

from ..batch import find_mentions_many, resolve_many
from ..resolver import Resolver
from ._records import best_record, mention_record

__all__ = ["MENTION_DTYPE", "RESOLVE_DTYPE", "mentions_column", "mentions_series", "resolve_column",
           "resolve_series"]

#: The dtype of ``resolve``: one struct per name.
RESOLVE_DTYPE = pl.Struct({"id": pl.String, "name": pl.String, "type": pl.String, "score": pl.Float64,
                           "matched": pl.String})
#: The dtype of ``mentions``: a list of structs per text.
MENTION_DTYPE = pl.List(pl.Struct({"start": pl.Int64, "end": pl.Int64, "text": pl.String, "id": pl.String,
                                   "name": pl.String, "type": pl.String, "score": pl.Float64,
                                   "matched": pl.String, "form": pl.String, "ambiguous": pl.Boolean}))


def _distinct(s: pl.Series) -> tuple[list[Any], list[Any]]:
    values = s.to_list()
    return values, list(dict.fromkeys(v for v in values if v is not None))


def resolve_series(s: pl.Series, resolver: Resolver | None = None, *, workers: int | None = 1,
                   **resolve_kwargs: Any) -> pl.Series:
    """The best match of each name in ``s`` as a :data:`RESOLVE_DTYPE` Series (null: no match)."""
    values, distinct = _distinct(s)
    found = resolve_many(distinct, resolver, workers=workers, **{"limit": 1, **resolve_kwargs})
    best = {v: best_record(m) for v, m in zip(distinct, found)}
    return pl.Series(s.name, [None if v is None else best[v] for v in values], dtype=RESOLVE_DTYPE)


def mentions_series(s: pl.Series, resolver: Resolver | None = None, *, workers: int | None = 1,
                    **mention_kwargs: Any) -> pl.Series:
    """The mentions in each text of ``s`` as a :data:`MENTION_DTYPE` Series (``[]`` for a null text)."""
    values, distinct = _distinct(s)
    found = find_mentions_many(distinct, resolver, workers=workers, **mention_kwargs)
    by_text = {v: [mention_record(m) for m in ms] for v, ms in zip(distinct, found)}
    return pl.Series(s.name, [[] if v is None else by_text[v] for v in values], dtype=MENTION_DTYPE)


def resolve_column(df: pl.DataFrame, column: str, resolver: Resolver | None = None, *,
                   prefix: str = "", **kwargs: Any) -> pl.DataFrame:
    """``df`` plus the :data:`RESOLVE_DTYPE` fields of ``column``'s best matches, as columns ``prefix + field``."""
    fields = resolve_series(df.get_column(column), resolver, **kwargs).struct.unnest()
    return df.with_columns(fields.rename({f: prefix + f for f in fields.columns}))


def mentions_column(df: pl.DataFrame, column: str, resolver: Resolver | None = None, *,
                    name: str = "mentions", **kwargs: Any) -> pl.DataFrame:
    """``df`` with a ``name`` column holding the mentions in each text of ``column``."""
    return df.with_columns(mentions_series(df.get_column(column), resolver, **kwargs).alias(name))


@pl.api.register_expr_namespace("namematch")
class NamematchExpr:
    """``pl.col(c).namematch.resolve()`` / ``.mentions()``: see the module docstring."""

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def resolve(self, resolver: Resolver | None = None, *, workers: int | None = 1, **resolve_kwargs: Any) -> pl.Expr:
        """The best match of each name as a :data:`RESOLVE_DTYPE` struct."""
        return self._expr.map_batches(
            lambda s: resolve_series(s, resolver, workers=workers, **resolve_kwargs),
            return_dtype=RESOLVE_DTYPE, is_elementwise=True)

    def mentions(self, resolver: Resolver | None = None, *, workers: int | None = 1,
                 **mention_kwargs: Any) -> pl.Expr:
        """The mentions in each text as a :data:`MENTION_DTYPE` list."""
        return self._expr.map_batches(
            lambda s: mentions_series(s, resolver, workers=workers, **mention_kwargs),
            return_dtype=MENTION_DTYPE, is_elementwise=True)


@pl.api.register_series_namespace("namematch")
class NamematchSeries:
    """``s.namematch.resolve()`` / ``.mentions()`` on a Series."""

    def __init__(self, series: pl.Series) -> None:
        self._s = series

    def resolve(self, resolver: Resolver | None = None, *, workers: int | None = 1,
                **resolve_kwargs: Any) -> pl.Series:
        """:func:`resolve_series` of this Series."""
        return resolve_series(self._s, resolver, workers=workers, **resolve_kwargs)

    def mentions(self, resolver: Resolver | None = None, *, workers: int | None = 1,
                 **mention_kwargs: Any) -> pl.Series:
        """:func:`mentions_series` of this Series."""
        return mentions_series(self._s, resolver, workers=workers, **mention_kwargs)
