"""Benchmark: throughput of the batch API and of the Dask path, 1 and 2 workers, same input, same run.

Inputs (deterministic, ``random.Random(0)``):

* names: every distinct name of the embedded gazetteer, half of them with one
  character substituted, deleted or transposed inside a word (so most queries are
  not exact look-ups), shuffled; ``--names`` of them. All distinct, so neither path
  gains from de-duplication.
* texts: ``--texts`` documents of 4 sentences drawn from the seed articles
  (``seeds/*.txt``) and 4 sentences each naming two more such names (other ones).

Paths, each timed on the same input:

* ``resolve_many`` / ``find_mentions_many`` with ``workers=1`` (in a fresh process) and
  ``workers=2`` (a spawned ``ProcessPoolExecutor``: the time includes starting the
  pool and shipping the resolver, as every call pays it).
* Dask on a ``distributed.LocalCluster(n_workers=1 or 2, processes=True,
  threads_per_worker=1)``: ``resolve_column`` on a dataframe of the names
  (``--partitions`` partitions) and ``mentions`` on a bag of the texts, after a
  warm-up on other input in which each worker loads its resolver; before each timed
  run the workers' memo caches are emptied, so they start as cold as the fresh
  processes of the other paths. Cluster start-up and warm-up are reported apart.

Each path runs once per round (``--rounds``), the order rotating, so the load of a
shared machine falls alike on all; the tables give medians.

The machine has 2 cores shared with other work: the load average is recorded, and
what matters is the ratio between paths measured in the same run.

Usage::

    pip install -e ".[dask]"
    python bench/bench_pipelines.py                    # 3000 names, 200 texts, 3 rounds
    python bench/bench_pipelines.py --names 500 --texts 20 --out pipelines_quick

Results go to ``bench/results/pipelines.json`` and ``pipelines.md`` (``--out`` to change).
"""

from __future__ import annotations

import argparse
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


def make_texts(n: int, names: Sequence[str], rng: random.Random) -> list[str]:
    """Documents of 4 sentences drawn from the seed articles and 4 sentences naming 2 of ``names`` each."""
    sentences = [s.strip() for p in sorted((ROOT / "seeds").glob("*.txt"))
                 for s in re.split(r"(?<=[.!?])\s+", p.read_text(encoding="utf-8")) if len(s.strip()) > 20]
    frames = ["{} met {} on Tuesday.", "Talks between {} and {} resumed.", "{} said that {} had agreed.",
              "A delegation from {} arrived to see {}."]
    out = []
    for i in range(n):
        parts = [rng.choice(sentences) for _ in range(4)]
        for j in range(4):
            a, b = names[(8 * i + 2 * j) % len(names)], names[(8 * i + 2 * j + 1) % len(names)]
            parts.insert(2 * j, frames[j].format(a, b))
        out.append(" ".join(parts))
    return out


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(seconds, result) of one call."""
    t = time.perf_counter()
    out = fn()
    return time.perf_counter() - t, out


def code_fingerprint() -> dict[str, object]:
    """Which library code ran (shared with bench_resolve.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_resolve import code_fingerprint as fingerprint

    return fingerprint()


def row(path: str, workers: int, items: int, seconds: float, **extra: Any) -> dict[str, Any]:
    return {"path": path, "workers": workers, "items": items, "seconds": round(seconds, 3),
            "items_per_s": round(items / seconds, 1), **extra}


def clear_caches() -> int:
    """Empty every memo cache of namematch and gazetteer and drop the default resolver's mention finder
    (its word memos; it is rebuilt on use), keeping the loaded index: a long-lived Dask worker then
    starts each timed run as cold as a fresh process that has loaded its resolver."""
    from namematch.batch import default_resolver

    default_resolver().__dict__.pop("_finder", None)
    n = 0
    for name, module in list(sys.modules.items()):
        if not (name.startswith(("namematch", "gazetteer"))) or name == "namematch.batch":
            continue
        for obj in list(vars(module).values()):
            if callable(getattr(obj, "cache_clear", None)) and getattr(obj, "__module__", None) == name:
                obj.cache_clear()
                n += 1
    return n


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


def run(n_names: int, n_texts: int, partitions: int, rounds: int) -> dict[str, Any]:
    """Every path once per round, the paths' order rotating between rounds; medians."""
    import statistics
    import tempfile

    import dask.bag as db
    import dask.dataframe as dd
    import distributed
    import pandas as pd

    from namematch import find_mentions_many, resolve_many
    from namematch.batch import default_resolver
    from namematch.integrations.dask import mentions, resolve_column

    rng = random.Random(0)
    pool = make_names(n_names + 40 + 8 * n_texts, rng)
    names, warm_names, text_names = pool[:n_names], pool[n_names:n_names + 40], pool[n_names + 40:]
    texts = make_texts(n_texts, text_names, rng)
    warm_texts = [f"{a} met {b} in {c}." for a, b, c in zip(warm_names[::3], warm_names[1::3], warm_names[2::3])]
    load, resolver = timed(default_resolver)
    print(f"resolver ready in {load:.2f}s; {len(names)} names, {len(texts)} texts, {rounds} rounds", flush=True)
    tmp = tempfile.TemporaryDirectory()
    data = Path(tmp.name) / "input.json"
    data.write_text(json.dumps({"names": names, "texts": texts}), encoding="utf-8")
    expected: dict[str, Any] = {}
    times: dict[tuple[str, int], list[float]] = {}
    fixed: dict[str, list[float]] = {"resolver_load_s": [], "pool_start_s": []}

    def record(path: str, workers: int, seconds: float) -> None:
        times.setdefault((path, workers), []).append(seconds)

    def one_worker() -> None:
        # workers=1 in a fresh interpreter, so its caches start as cold as a worker's.
        proc = subprocess.run([sys.executable, __file__, "--in-process", str(data)], capture_output=True,
                              text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        out = json.loads(proc.stdout.strip().splitlines()[-1])
        expected.setdefault("names", out["names"])
        expected.setdefault("texts", out["texts"])
        fixed["resolver_load_s"].append(out["load_s"])
        record("resolve_many", 1, out["names_s"])
        record("find_mentions_many", 1, out["texts_s"])

    def two_workers() -> None:
        # A spawn pool per call: the time includes starting it and shipping the resolver.
        t, _ = timed(lambda: resolve_many(warm_names[:2], resolver, workers=2, chunksize=1))
        fixed["pool_start_s"].append(t)
        t, got = timed(lambda: resolve_many(names, resolver, workers=2))
        results.setdefault("resolve_many", got)
        record("resolve_many", 2, t)
        t, got = timed(lambda: find_mentions_many(texts, resolver, workers=2))
        results.setdefault("find_mentions_many", got)
        record("find_mentions_many", 2, t)

    def on_cluster(n: int, client: Any) -> Callable[[], None]:
        def go() -> None:
            client.run(clear_caches)
            ddf = dd.from_pandas(pd.DataFrame({"who": names}), npartitions=partitions)
            t, out = timed(lambda: resolve_column(ddf, "who").compute(scheduler=client))
            results.setdefault(f"dask resolve_column {n}", [None if pd.isna(x) else x for x in out["id"].tolist()])
            record("dask resolve_column", n, t)
            bag = db.from_sequence(texts, npartitions=partitions)
            client.run(clear_caches)
            t, got = timed(lambda: mentions(bag).compute(scheduler=client))
            results.setdefault(f"dask mentions {n}", got)
            record("dask mentions", n, t)
        return go

    results: dict[str, Any] = {}
    cluster_start: dict[int, float] = {}
    warm_up: dict[int, float] = {}
    clusters = []
    try:
        for n in (1, 2):
            t0 = time.perf_counter()
            cluster = distributed.LocalCluster(n_workers=n, processes=True, threads_per_worker=1, host="127.0.0.1",
                                               dashboard_address=None, worker_dashboard_address=None)
            client = distributed.Client(cluster, set_as_default=False)
            clusters.append((cluster, client))
            cluster_start[n] = round(time.perf_counter() - t0, 3)
            # Warm-up on other input: each worker loads its resolver (reported apart).
            t, _ = timed(lambda c=client, k=n: (
                resolve_column(dd.from_pandas(pd.DataFrame({"who": warm_names}), npartitions=2 * k), "who")
                .compute(scheduler=c),
                mentions(db.from_sequence(warm_texts, npartitions=2 * k)).compute(scheduler=c)))
            warm_up[n] = round(t, 3)
        steps: list[Callable[[], None]] = [one_worker, two_workers, on_cluster(1, clusters[0][1]),
                                           on_cluster(2, clusters[1][1])]
        for r in range(rounds):
            for step in steps[r % len(steps):] + steps[:r % len(steps)]:
                step()
            print(f"round {r + 1}: " + ", ".join(f"{p} w={w} {ts[-1]:.2f}s" for (p, w), ts in times.items()),
                  flush=True)
    finally:
        for cluster, client in clusters:
            client.close()
            cluster.close()
        tmp.cleanup()

    # Every path's answers equal the in-process ones.
    assert summary(results["resolve_many"]) == [[tuple(x) for x in ms] for ms in expected["names"]]
    assert summary(results["find_mentions_many"]) == [[tuple(x) for x in ms] for ms in expected["texts"]]
    top = [ms[0][0] if ms else None for ms in expected["names"]]
    ids = [[x[0] for x in ms] for ms in expected["texts"]]
    for n in (1, 2):
        assert results[f"dask resolve_column {n}"] == top, f"dask resolve_column ({n} workers) differs"
        assert [[m["id"] for m in ms] for ms in results[f"dask mentions {n}"]] == ids, f"dask mentions ({n}) differ"
    rows = [row(p, w, len(names) if "resolve" in p else len(texts), statistics.median(ts),
                all_seconds=[round(x, 3) for x in ts]) for (p, w), ts in sorted(times.items(), key=_order)]
    return {"names": len(names), "texts": len(texts), "partitions": partitions, "rounds": rounds,
            "resolver_load_s": round(statistics.median(fixed["resolver_load_s"]), 3),
            "pool_start_s": round(statistics.median(fixed["pool_start_s"]), 3),
            "cluster_start_s": cluster_start, "cluster_warm_up_s": warm_up, "rows": rows}


_PATHS = ("resolve_many", "dask resolve_column", "find_mentions_many", "dask mentions")


def _order(item: tuple[tuple[str, int], Any]) -> tuple[int, int]:
    (path, workers), _ = item
    return _PATHS.index(path), workers


def speedups(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Seconds with 1 worker / seconds with 2, per path."""
    by = {(r["path"], r["workers"]): r["seconds"] for r in rows}
    return {p: round(by[(p, 1)] / by[(p, 2)], 2) for p, w in by if w == 1 and (p, 2) in by}


def markdown(res: dict[str, Any]) -> str:
    lines = [f"# Pipelines: batch API and Dask, 1 and 2 workers ({res['names']} names, {res['texts']} texts)", "",
             f"Medians of {res['rounds']} rounds (each path once per round, the order rotating).", "",
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
    ap.add_argument("--texts", type=int, default=200)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--rounds", type=int, default=3, help="each path once per round, order rotating; medians")
    ap.add_argument("--out", default="pipelines", help="result file stem under bench/results/")
    ap.add_argument("--in-process", metavar="JSON", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.in_process:
        return in_process(args.in_process)
    start_load = [round(x, 2) for x in os.getloadavg()]
    res = run(args.names, args.texts, args.partitions, args.rounds)
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
