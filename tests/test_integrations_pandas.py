"""pandas integration: the ``.namematch`` Series accessor and its plain-function twins (extra ``[pandas]``)."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

pd = pytest.importorskip("pandas")

from gazetteer import Gazetteer  # noqa: E402
from namematch import Resolver  # noqa: E402
from namematch.batch import default_resolver  # noqa: E402
from namematch.integrations import RESOLVE_FIELDS  # noqa: E402
from namematch.integrations.pandas import mentions_series, resolve_series  # noqa: E402

needs_mentions = pytest.mark.skipif(not hasattr(Resolver, "find_mentions"),
                                    reason="Resolver.find_mentions not there yet (namematch/mentions.py)")

NAMES = ["Qasym-Zhomart Toqaev", "Нур-Султан", None, "Zzyzx Qwertyuiop", "Tokajew", "Qasym-Zhomart Toqaev"]


class CountingResolver(Resolver):
    """Counts resolve() calls (a real resolver, not a mock)."""

    calls: ClassVar[list[str]] = []

    def resolve(self, name: str, *args: Any, **kwargs: Any) -> Any:
        type(self).calls.append(name)
        return super().resolve(name, *args, **kwargs)


def test_resolve_accessor_columns_index_and_values() -> None:
    """s.namematch.resolve(): one row per value, same index, best match fields, <NA> for none."""
    r = default_resolver()
    s = pd.Series(NAMES, index=[10, 11, 12, 13, 14, 15], name="who")
    out = s.namematch.resolve()
    assert list(out.columns) == list(RESOLVE_FIELDS)
    assert out.index.equals(s.index)
    assert str(out["score"].dtype) == "Float64" and str(out["id"].dtype) == "string"
    for value, (_, row) in zip(NAMES, out.iterrows()):
        best = r.best(value) if value is not None else None
        if best is None:
            assert row.isna().all()
        else:
            assert (row["id"], row["name"], row["type"], row["score"], row["matched"]) == (
                best.entity.id, best.entity.name, best.entity.type.value, best.score, best.name.text)
    assert out.loc[10, "id"] == "kassym-jomart-tokayev" and out.loc[11, "id"] == "astana"


def test_each_distinct_name_resolved_once() -> None:
    """A repetitive column costs one resolve per distinct non-missing value."""
    r = CountingResolver(Gazetteer.from_records([{"id": "x", "type": "person", "name": "Example Person"}]))
    CountingResolver.calls = []
    out = resolve_series(pd.Series(["Example Person", "E. Person", None, "Example Person"] * 5), r)
    assert sorted(CountingResolver.calls) == ["E. Person", "Example Person"]
    assert out["id"].tolist() == ["x", "x", pd.NA, "x"] * 5


def test_options_and_workers_pass_through() -> None:
    """Resolver options (types, threshold) apply; workers=2 gives the same frame."""
    s = pd.Series(["Toqaev", "Kabul", "Ghani", "Akmola"])
    places = s.namematch.resolve(types=["place", "country"], threshold=0.8)
    r = default_resolver()
    expected = [b.entity.id if b else pd.NA for b in (r.best(n, types=["place", "country"], threshold=0.8) for n in s)]
    assert places["id"].tolist() == expected and places["id"].isna().tolist()[:2] == [True, False]
    assert resolve_series(s, workers=2).equals(resolve_series(s))


def test_non_string_value_is_an_error() -> None:
    """A number in a name column is reported, not silently dropped."""
    with pytest.raises(TypeError, match="name must be a str"):
        pd.Series(["Toqaev", 42]).namematch.resolve()


def test_empty_series() -> None:
    """No rows in, no rows out, with the columns."""
    out = pd.Series([], dtype="string").namematch.resolve()
    assert out.empty and list(out.columns) == list(RESOLVE_FIELDS)


@needs_mentions
def test_mentions_accessor_matches_find_mentions() -> None:
    """s.namematch.mentions(): per text, the mentions find_mentions finds, as flat records."""
    r = default_resolver()
    texts = ["Qasym-Zhomart Toqaev met Ashraf Ghani in Kabul.", None, "", "Nothing to see."]
    out = pd.Series(texts, name="body").namematch.mentions()
    assert out.name == "body" and out.iloc[1] == []
    for text, recs in zip(texts, out):
        found = r.find_mentions(text) if text else []
        assert [(d["start"], d["end"], d["id"]) for d in recs] == [(m.start, m.end, m.entity.id) for m in found]
        assert all(text[d["start"]:d["end"]] == d["text"] for d in recs)
    assert mentions_series(pd.Series(texts), r, demonyms=True).tolist()[1] == []
