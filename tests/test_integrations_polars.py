"""Polars integration: the ``namematch`` expression and Series namespaces (extra ``[polars]``)."""

from __future__ import annotations

import pytest

pl = pytest.importorskip("polars")

from gazetteer import Gazetteer  # noqa: E402
from namematch import Resolver  # noqa: E402
from namematch.batch import default_resolver  # noqa: E402
from namematch.integrations import RESOLVE_FIELDS  # noqa: E402
from namematch.integrations.polars import (  # noqa: E402
    MENTION_DTYPE,
    RESOLVE_DTYPE,
    mentions_column,
    resolve_column,
)

needs_mentions = pytest.mark.skipif(not hasattr(Resolver, "find_mentions"),
                                    reason="Resolver.find_mentions not there yet (namematch/mentions.py)")

NAMES = ["Qasym-Zhomart Toqaev", "Нур-Султан", None, "Zzyzx Qwertyuiop", "Tokajew", "Qasym-Zhomart Toqaev"]


def test_resolve_expression_gives_struct_of_best_match() -> None:
    """pl.col(c).namematch.resolve(): a struct per row with the best match, null where none."""
    r = default_resolver()
    df = pl.DataFrame({"who": NAMES})
    out = df.with_columns(pl.col("who").namematch.resolve().alias("e"))
    assert out.schema["e"] == RESOLVE_DTYPE
    rows = out.unnest("e").to_dicts()
    for value, row in zip(NAMES, rows):
        best = r.best(value) if value is not None else None
        if best is None:
            assert all(row[f] is None for f in RESOLVE_FIELDS)
        else:
            assert (row["id"], row["name"], row["score"], row["matched"]) == (
                best.entity.id, best.entity.name, best.score, best.name.text)


def test_lazy_streaming_and_series_namespace_agree() -> None:
    """The expression works in a lazy (streaming) query and equals the Series namespace."""
    df = pl.DataFrame({"who": NAMES * 3})
    lazy = df.lazy().select(pl.col("who").namematch.resolve()).collect(engine="streaming")
    assert lazy.get_column("who").equals(df.get_column("who").namematch.resolve())


def test_resolve_column_with_prefix_and_custom_resolver() -> None:
    """resolve_column adds prefixed columns; a given resolver is the one used; options pass through."""
    r = Resolver(Gazetteer.from_records([{"id": "x", "type": "person", "name": "Example Person"}]))
    df = pl.DataFrame({"who": ["Example Person", "Toqaev", None]})
    out = resolve_column(df, "who", r, prefix="m_")
    assert out.columns == ["who", *("m_" + f for f in RESOLVE_FIELDS)]
    assert out.get_column("m_id").to_list() == ["x", None, None]
    none = resolve_column(df, "who", r, types="place")
    assert none.get_column("id").null_count() == 3


@needs_mentions
def test_mentions_expression_matches_find_mentions() -> None:
    """pl.col(c).namematch.mentions(): a list of mention structs per text; [] for null."""
    r = default_resolver()
    texts = ["Qasym-Zhomart Toqaev met Ashraf Ghani in Kabul.", None, "Nothing to see."]
    out = pl.DataFrame({"body": texts}).with_columns(m=pl.col("body").namematch.mentions())
    assert out.schema["m"] == MENTION_DTYPE
    for text, recs in zip(texts, out.get_column("m").to_list()):
        found = r.find_mentions(text) if text else []
        assert [(d["start"], d["end"], d["id"]) for d in recs] == [(m.start, m.end, m.entity.id) for m in found]
    assert mentions_column(pl.DataFrame({"body": texts}), "body").get_column("mentions").to_list()[1] == []
