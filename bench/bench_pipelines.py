"""Benchmark: throughput of the batch API and of the Dask path, 1 and 2 workers, same input, same run.

Inputs (deterministic, ``random.Random(0)``):

* names: every distinct name of the embedded gazetteer, half of them with one
  character substituted, deleted or transposed inside a word (so most queries are
  not exact look-ups), shuffled; ``--names`` of them. All distinct, so neither path
  gains from de-duplication.
* texts: ``--texts`` documents of 8 sentences each, drawn from the seed articles
  (``seeds/*.txt``).

Paths, each timed on the same input:

* ``resolve_many`` / ``find_mentions_many`` with ``workers=1`` (in process) and
  ``workers=2`` (a spawned ``ProcessPoolExecutor``: the time includes starting the
  pool and shipping the resolver, as every call pays it).
* Dask on a ``distributed.LocalCluster(n_workers=1 or 2, processes=True,
  threads_per_worker=1)``: ``resolve_column`` on a dataframe of the names
  (``--partitions`` partitions) and ``mentions`` on a bag of the texts. ``cold`` is
  the first computation (each worker builds its default resolver); ``warm`` the
  second. Cluster start-up is reported apart.

The machine has 2 cores shared with other work: the load average is recorded, and
what matters is the ratio between paths measured in the same run.

Usage::

    pip install -e ".[dask]"
    python bench/bench_pipelines.py                    # 3000 names, 120 texts
    python bench/bench_pipelines.py --names 500 --texts 20 --out pipelines_quick

Results go to ``bench/results/pipelines.json`` and ``pipelines.md`` (``--out`` to change).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"


def make_names(n: int, rng: random.Random) -> list[str]:
    """Distinct gazetteer names, half perturbed by one edit inside a word."""
    from gazetteer import Gazetteer

    names = sorted({nm.text for e in Gazetteer.default() for nm in e.names})
    rng.shuffle(names)
    out: list[str] = []
    seen: set[str] = set()
    for i, name in enumerate(names):
        q = _perturb(name, rng) if i % 2 else name
        if q not in seen:
            seen.add(q)
            out.append(q)
        if len(out) == n:
            break
    return out


def _perturb(name: str, rng: random.Random) -> str:
    spots = [i for i in range(1, len(name) - 1) if name[i].isalpha() and name[i - 1].isalpha()]
    if not spots:
        return name
    i = rng.choice(spots)
    op = rng.randrange(3)
    if op == 0:
        return name[:i] + rng.choice("aeiouknrst") + name[i + 1:]
    if op == 1:
        return name[:i] + name[i + 1:]
    return name[:i - 1] + name[i] + name[i - 1] + name[i + 1:]


def make_texts(n: int, rng: random.Random) -> list[str]:
    """Documents of 8 sentences drawn from the seed articles."""
    sentences = [s.strip() for p in sorted((ROOT / "seeds").glob("*.txt"))
                 for s in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8")) if len(s.strip()) > 20]
    return [" ".join(rng.choice(sentences) for _ in range(8)) for _ in range(n)]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def code_fingerprint() -> dict[str, object]:
    """Which library code ran: HEAD, files modified against it, a hash of namematch/ and gazetteer/."""
    h = hashlib.sha1()
    for d in ("namematch", "gazetteer"):
        for f in sorted((ROOT / d).rglob("*")):
            if f.is_file() and f.suffix in (".py", ".tsv", ".txt", ".jsonl", ".json") and "__pycache__" not in f.parts:
                h.update(str(f.relative_to(ROOT)).encode())
                h.update(f.read_bytes())

    def git(*a: str) -> str:
        try:
            done = subprocess.run(["git", *a], check=False, cwd=ROOT, capture_output=True, text=True, timeout=20)
            return done.stdout.rstrip()
        except (OSError, subprocess.SubprocessError):
            return ""
    return {"head": git("rev-parse", "--short", "HEAD"),
            "modified": [ln[3:] for ln in git("status", "--porcelain", "--", "namematch", "gazetteer").splitlines()],
            "sha1_namematch_gazetteer": h.hexdigest()[:12]}


def row(path: str, workers: int, items: int, seconds: float, **extra: Any) -> dict[str, Any]:
    return {"path": path, "workers": workers, "items": items, "seconds": round(seconds, 3),
            "items_per_s": round(items / seconds, 1), **extra}


def summary(found: list[list[Any]]) -> list[list[tuple[str, float]]]:
    """What must agree between paths: per input, the entity ids and scores found."""
    return [[(m.entity.id, round(m.score, 6)) for m in ms] for ms in found]


def in_process(data_path: str) -> int:
    """``--in-process``: time workers=1 in this fresh process (cold caches, like every worker)."""
    from namematch import find_mentions_many, resolve_many
    from namematch.batch import default_resolver

    data = json.loads(Path(data_path).read_text(encoding="utf-8"))
    load, resolver = timed(default_resolver)
    t_names, names = timed(lambda: resolve_many(data["names"], resolver))
    t_texts, texts = timed(lambda: find_mentions_many(data["texts"], resolver))
    print(json.dumps({"load_s": load, "names_s": t_names, "texts_s": t_texts,
                      "names": summary(names), "texts": summary(texts)}))
    return 0


def run(n_names: int, n_texts: int, partitions: int) -> dict[str, Any]:
    import tempfile

    from namematch import find_mentions_many, resolve_many
    from namematch.batch import default_resolver

    rng = random.Random(0)
    names = make_names(n_names + 40, rng)
    names, warm_names = names[:n_names], names[n_names:]
    texts = make_texts(n_texts, rng)
    warm_texts = [f"{a} met {b} in {c}." for a, b, c in zip(warm_names[::3], warm_names[1::3], warm_names[2::3])]
    load, resolver = timed(default_resolver)
    print(f"resolver ready in {load:.2f}s; {len(names)} names, {len(texts)} texts", flush=True)
    rows: list[dict[str, Any]] = []

    # workers=1: in a fresh interpreter, so its caches start as cold as a worker's.
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "input.json"
        data.write_text(json.dumps({"names": names, "texts": texts}), encoding="utf-8")
        proc = subprocess.run([sys.executable, __file__, "--in-process", str(data)], capture_output=True, text=True,
                              check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    one = json.loads(proc.stdout.strip().splitlines()[-1])
    rows.append(row("resolve_many", 1, len(names), one["names_s"]))
    rows.append(row("find_mentions_many", 1, len(texts), one["texts_s"]))

    # workers=2: a spawn pool per call; the time includes starting it and shipping the resolver.
    pool_start, _ = timed(lambda: resolve_many(warm_names[:2], resolver, workers=2, chunksize=1))
    t, got = timed(lambda: resolve_many(names, resolver, workers=2))
    assert summary(got) == [[tuple(x) for x in ms] for ms in one["names"]], "resolve_many(workers=2) differs"
    rows.append(row("resolve_many", 2, len(names), t))
    t, got = timed(lambda: find_mentions_many(texts, resolver, workers=2))
    assert summary(got) == [[tuple(x) for x in ms] for ms in one["texts"]], "find_mentions_many(workers=2) differs"
    rows.append(row("find_mentions_many", 2, len(texts), t))
    for r in rows:
        print(r, flush=True)

    import dask.bag as db
    import dask.dataframe as dd
    import distributed
    import pandas as pd

    from namematch.integrations.dask import mentions, resolve_column

    expected_ids = [ms[0][0] if ms else None for ms in one["names"]]
    expected_mentions = [[x[0] for x in ms] for ms in one["texts"]]
    cluster_start: dict[int, float] = {}
    warm_up: dict[int, float] = {}
    for n in (1, 2):
        t0 = time.perf_counter()
        with distributed.LocalCluster(n_workers=n, processes=True, threads_per_worker=1, host="127.0.0.1",
                                      dashboard_address=None, worker_dashboard_address=None) as cluster, \
                distributed.Client(cluster) as client:
            cluster_start[n] = round(time.perf_counter() - t0, 3)
            # Warm-up on other input: each worker loads its resolver (reported apart).
            warm_ddf = dd.from_pandas(pd.DataFrame({"who": warm_names}), npartitions=2 * n)
            warm_bag = db.from_sequence(warm_texts, npartitions=2 * n)
            t, _ = timed(lambda c=client, d=warm_ddf, b=warm_bag: (resolve_column(d, "who").compute(scheduler=c),
                                                                   mentions(b).compute(scheduler=c)))
            warm_up[n] = round(t, 3)
            ddf = dd.from_pandas(pd.DataFrame({"who": names}), npartitions=partitions)
            bag = db.from_sequence(texts, npartitions=partitions)
            t, out = timed(lambda c=client, d=ddf: resolve_column(d, "who").compute(scheduler=c))
            got_ids = [None if pd.isna(x) else x for x in out["id"].tolist()]
            assert got_ids == expected_ids, "dask resolve_column differs from resolve_many"
            rows.append(row("dask resolve_column", n, len(names), t))
            print(rows[-1], flush=True)
            t, out = timed(lambda c=client, b=bag: mentions(b).compute(scheduler=c))
            assert [[m["id"] for m in ms] for ms in out] == expected_mentions, "dask mentions differ"
            rows.append(row("dask mentions", n, len(texts), t))
            print(rows[-1], flush=True)
    return {"names": len(names), "texts": len(texts), "partitions": partitions,
            "resolver_load_s": round(one["load_s"], 3), "pool_start_s": round(pool_start, 3),
            "cluster_start_s": cluster_start, "cluster_warm_up_s": warm_up, "rows": rows}


def speedups(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Seconds with 1 worker / seconds with 2, per path."""
    by = {(r["path"], r["workers"]): r["seconds"] for r in rows}
    return {p: round(by[(p, 1)] / by[(p, 2)], 2) for p, w in by if w == 1 and (p, 2) in by}


def markdown(res: dict[str, Any]) -> str:
    lines = [f"# Pipelines: batch API and Dask, 1 and 2 workers ({res['names']} names, {res['texts']} texts)", "",
             f"Run {res['meta']['date']} on {res['meta']['machine']} (Python {res['meta']['python']}), "
             f"load average {res['meta']['loadavg_at_start']} at start, {res['meta']['loadavg_at_end']} at end; "
             f"code {res['meta']['code']['head']} (+{len(res['meta']['code']['modified'])} modified files, "
             f"sha1 {res['meta']['code']['sha1_namematch_gazetteer']}).", "",
             "| path | workers | items | seconds | items/s | speed vs the same work in process (w=1) |",
             "|---|---:|---:|---:|---:|---:|"]
    base = {r["path"]: r["seconds"] for r in res["rows"] if r["workers"] == 1 and not r["path"].startswith("dask")}
    ref = {"resolve_many": "resolve_many", "resolve_column": "resolve_many",
           "find_mentions_many": "find_mentions_many", "mentions": "find_mentions_many"}
    for r in res["rows"]:
        b = base[ref[r["path"].split()[-1]]]
        lines.append(f"| {r['path']} | {r['workers']} | {r['items']} | {r['seconds']} | "
                     f"{r['items_per_s']} | {b / r['seconds']:.2f}x |")
    lines += ["", "Speed-up from 1 to 2 workers: "
              + ", ".join(f"{k} {v}x" for k, v in res["speedups"].items()) + ".", "",
              f"Fixed costs, not in the rows above except as said: loading the default resolver in a fresh process "
              f"{res['resolver_load_s']} s; starting a 2-process spawn pool and shipping the resolver "
              f"(resolve_many of 2 names, workers=2) {res['pool_start_s']} s, paid inside every workers=2 row; "
              "LocalCluster start "
              + ", ".join(f"{k} worker(s) {v} s" for k, v in res["cluster_start_s"].items())
              + "; Dask warm-up on other input (each worker loads its resolver) "
              + ", ".join(f"{k} worker(s) {v} s" for k, v in res["cluster_warm_up_s"].items()) + "."]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--names", type=int, default=3000)
    ap.add_argument("--texts", type=int, default=120)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--out", default="pipelines", help="result file stem under bench/results/")
    ap.add_argument("--in-process", metavar="JSON", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.in_process:
        return in_process(args.in_process)
    start_load = [round(x, 2) for x in os.getloadavg()]
    res = run(args.names, args.texts, args.partitions)
    res["speedups"] = speedups(res["rows"])
    res["meta"] = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
                   "python": platform.python_version(), "loadavg_at_start": start_load,
                   "loadavg_at_end": [round(x, 2) for x in os.getloadavg()], "code": code_fingerprint(),
                   "argv": sys.argv[1:]}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.out}.json").write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / f"{args.out}.md").write_text(markdown(res))
    print(markdown(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
