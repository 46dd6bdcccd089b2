"""Dask integration on a real local multi-process cluster (extra ``[dask]``): two worker processes,
one thread each, on the loopback interface."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402

from gazetteer import Gazetteer  # noqa: E402
from namematch import NamematchError, Resolver  # noqa: E402
from namematch.batch import default_resolver  # noqa: E402
from namematch.integrations import MENTION_FIELDS, mention_record  # noqa: E402
from namematch.integrations.dask import file_mentions, mentions, resolve_column  # noqa: E402
from namematch.integrations.pandas import resolve_series  # noqa: E402

needs_mentions = pytest.mark.skipif(not hasattr(Resolver, "find_mentions"),
                                    reason="Resolver.find_mentions not there yet (namematch/mentions.py)")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, host="127.0.0.1",
                                  dashboard_address=None, worker_dashboard_address=None) as cluster, \
            distributed.Client(cluster) as c:
        yield c


def _small() -> Resolver:
    return Resolver(Gazetteer.from_records([
        {"id": "x", "type": "person", "name": "Example Person", "aliases": ["E. Person"]},
        {"id": "y", "type": "place", "name": "Samplegrad"},
    ]))


def test_resolve_column_on_the_cluster_equals_pandas(client: Any) -> None:
    """A dataframe name column resolved on 2 worker processes equals the in-process pandas result."""
    names = ["Qasym-Zhomart Toqaev", "Нур-Султан", None, "Zzyzx Qwertyuiop", "Tokajew", "Kabul", "Akmola"] * 6
    pdf = pd.DataFrame({"who": names, "n": range(len(names))})
    ddf = dd.from_pandas(pdf, npartitions=4)
    out = resolve_column(ddf, "who").compute(scheduler=client)
    expected = resolve_series(pdf["who"].astype("string"), default_resolver())
    assert out["n"].tolist() == list(range(len(names)))
    for f in expected.columns:
        assert out[f].tolist() == expected[f].tolist(), f
    assert len(client.scheduler_info()["workers"]) == 2


def test_given_resolver_is_shipped_to_the_workers(client: Any) -> None:
    """A custom resolver reaches the workers (its entities resolve there) with the options given."""
    ddf = dd.from_pandas(pd.DataFrame({"who": ["E. Person", "Samplegrad", "Toqaev", "Example Persn"] * 3}),
                         npartitions=3)
    out = resolve_column(ddf, "who", _small(), prefix="m_", threshold=0.8).compute(scheduler=client)
    assert out["m_id"].tolist() == ["x", "y", pd.NA, "x"] * 3


@needs_mentions
def test_file_mentions_and_bag_mentions(client: Any, seeds_dir: Path) -> None:
    """Text files → one {"path", "mentions"} per file, equal to find_mentions on each file."""
    r = default_resolver()
    paths = sorted(seeds_dir.glob("*.txt"))
    docs = file_mentions([str(p) for p in paths], demonyms=True).compute(scheduler=client)
    assert [Path(d["path"]).name for d in docs] == [p.name for p in paths]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    expected = [[mention_record(m) for m in r.find_mentions(t, demonyms=True)] for t in texts]
    assert [d["mentions"] for d in docs] == expected
    assert all(tuple(m) == MENTION_FIELDS for d in docs for m in d["mentions"])
    bag = mentions(db.from_sequence(texts, npartitions=2), r, demonyms=True)
    assert bag.compute(scheduler=client) == expected


def test_no_files_is_an_error(tmp_path: Path) -> None:
    """A glob that matches nothing is reported, not an empty result."""
    with pytest.raises(FileNotFoundError, match="no file matches"):
        file_mentions(str(tmp_path / "*.txt"))


def test_undecodable_file_is_named(client: Any, tmp_path: Path) -> None:
    """A file that is not in the given encoding fails naming the file, not with a bare decode error."""
    (tmp_path / "good.txt").write_text("Toqaev met Ghani.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"Toqaev \xff\xfe met Ghani.")
    with pytest.raises(NamematchError, match=r"bad\.txt: not utf-8 text"):
        file_mentions(str(tmp_path / "*.txt")).compute(scheduler=client)
    docs = file_mentions(str(tmp_path / "*.txt"), encoding="latin-1").compute(scheduler=client)
    assert [Path(d["path"]).name for d in docs] == ["bad.txt", "good.txt"]
