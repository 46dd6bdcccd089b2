"""pandas: a name column → entity columns, a text column → mentions (extra ``[pandas]``).

Importing this module registers the ``.namematch`` Series accessor::

    import namematch.integrations.pandas  # registers s.namematch
    df[["id", "name", "score"]] = df["who"].namematch.resolve()[["id", "name", "score"]]
    df["mentions"] = df["body"].namematch.mentions()

``resolve`` returns a DataFrame with the Series' index and the columns of
:data:`~namematch.integrations.RESOLVE_FIELDS` (``id``, ``name``, ``type``, ``score``,
``matched``): the best match of each name, missing (``<NA>``) where the name is missing
or nothing clears the threshold. Each distinct name is resolved once, however often it
repeats. ``mentions`` returns a Series of lists of
:data:`~namematch.integrations.MENTION_FIELDS` dicts. Both take a resolver (the shared
default when none), ``workers`` (see :func:`namematch.resolve_many`) and the options of
``Resolver.resolve`` / ``Resolver.find_mentions``.
"""

from __future__ import annotations

from typing import Any

try:
    import pandas as pd
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("namematch.integrations.pandas needs pandas: pip install 'namematch-ca[pandas]'") from exc

from ..batch import find_mentions_many, resolve_many
from ..resolver import Resolver
from ._records import RESOLVE_FIELDS, best_record, mention_record

__all__ = ["NamematchAccessor", "mentions_series", "resolve_series"]

_DTYPES = {"id": "string", "name": "string", "type": "string", "score": "Float64", "matched": "string"}


def _distinct(s: pd.Series) -> tuple[list[Any], list[bool]]:
    """The distinct non-missing values of ``s`` in first-seen order, and the missing mask."""
    missing = s.isna().tolist()
    values = s.tolist()
    return list(dict.fromkeys(v for v, na in zip(values, missing) if not na)), missing


def resolve_series(s: pd.Series, resolver: Resolver | None = None, *, workers: int | None = 1,
                   **resolve_kwargs: Any) -> pd.DataFrame:
    """The best match of each name in ``s`` as a DataFrame (columns :data:`RESOLVE_FIELDS`, ``s``'s index)."""
    distinct, missing = _distinct(s)
    found = resolve_many(distinct, resolver, workers=workers, **{"limit": 1, **resolve_kwargs})
    best = {v: best_record(m) for v, m in zip(distinct, found)}
    rows = [None if na else best[v] for v, na in zip(s.tolist(), missing)]
    columns = {f: pd.array([r[f] if r else None for r in rows], dtype=_DTYPES[f]) for f in RESOLVE_FIELDS}
    return pd.DataFrame(columns, index=s.index)


def mentions_series(s: pd.Series, resolver: Resolver | None = None, *, workers: int | None = 1,
                    **mention_kwargs: Any) -> pd.Series:
    """The mentions in each text of ``s`` as lists of :data:`MENTION_FIELDS` dicts (``[]`` for a missing text)."""
    distinct, missing = _distinct(s)
    found = find_mentions_many(distinct, resolver, workers=workers, **mention_kwargs)
    by_text = {v: [mention_record(m) for m in ms] for v, ms in zip(distinct, found)}
    out = [[] if na else list(by_text[v]) for v, na in zip(s.tolist(), missing)]
    return pd.Series(out, index=s.index, name=s.name, dtype=object)


@pd.api.extensions.register_series_accessor("namematch")
class NamematchAccessor:
    """``s.namematch.resolve()`` and ``s.namematch.mentions()``: see the module docstring."""

    def __init__(self, series: pd.Series) -> None:
        self._s = series

    def resolve(self, resolver: Resolver | None = None, *, workers: int | None = 1,
                **resolve_kwargs: Any) -> pd.DataFrame:
        """The best match of each name: :func:`resolve_series` of this Series."""
        return resolve_series(self._s, resolver, workers=workers, **resolve_kwargs)

    def mentions(self, resolver: Resolver | None = None, *, workers: int | None = 1,
                 **mention_kwargs: Any) -> pd.Series:
        """The mentions in each text: :func:`mentions_series` of this Series."""
        return mentions_series(self._s, resolver, workers=workers, **mention_kwargs)
