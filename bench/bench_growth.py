"""How time grows with input size: normalize / compare / resolve / find_mentions on 1 KB .. 10 MB.

    python bench/bench_growth.py                       # 1 KB .. 10 MB, stop a series after a 20 s call
    python bench/bench_growth.py --max-bytes 1000000 --budget 5 --out growth_quick

Inputs (ASCII, so bytes == characters):
  nospace    one line without spaces ("TokayevToqaevMutaki..." repeated): one enormous word
  tokens     many different capitalised words and names, space-separated, a sentence break now and then
  colliding  "Amir Khan Amir Khan ...": every word collides with many indexed names

Each call is timed once (best of several when it takes under 50 ms); a series stops growing after a
call that took longer than ``--budget`` seconds (the point is still recorded). The growth exponent
is the least-squares slope of log(time) on log(size) over the points that took at least 1 ms
(1.0 = linear, 2.0 = quadratic); ``slope_top`` uses only the three largest sizes. ``re.findall``
of the words of the same input runs alongside as a linear reference. Results go to
``bench/results/<out>.json`` and ``.md``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from namematch import Resolver, compare, normalize  # noqa: E402

RESULTS = ROOT / "bench" / "results"
_WORDS = """Tokayev Mutaki Astana Kabul the of President Ministry met said Ghani Osh Bishkek Taliban Nazarbayev
Ashgabat Dushanbe Rahmon Mirziyoyev Tashkent Almaty council and Zhaparov Karakol Herat Kandahar Akmola Qasym
Zhomart Muttaqi Baradar Abdul Ghani Amir Khan Shymkent Aktobe Pavlodar Semey""".split()  # noqa: SIM905 - a word list reads better as text


def make_input(kind: str, size: int) -> str:
    if kind == "nospace":
        unit = "TokayevToqaevMutaki"
    elif kind == "colliding":
        unit = "Amir Khan "
    else:
        words = [w.capitalize() if i % 3 else w for i, w in enumerate(_WORDS * 3)]
        unit = " ".join(f"{w}{i % 7 or ''}" if i % 5 == 4 else w for i, w in enumerate(words)) + ". "
    return (unit * (size // len(unit) + 1))[:size]


def _time(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    first = time.perf_counter() - t0
    if first >= 0.05:
        return first
    best = first
    for _ in range(4):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def slope(points: list[tuple[int, float]]) -> float | None:
    pts = [(math.log(n), math.log(t)) for n, t in points if t >= 1e-3]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return round(sum((x - mx) * (y - my) for x, y in pts) / den, 3) if den else None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--max-bytes", type=int, default=10_000_000)
    p.add_argument("--budget", type=float, default=20.0, help="stop a series after a call this long (s)")
    p.add_argument("--functions", default="reference,normalize,compare,resolve,find_mentions")
    p.add_argument("--kinds", default="nospace,tokens,colliding")
    p.add_argument("--out", default="growth")
    args = p.parse_args(argv)

    r = Resolver()
    r.find_mentions("Tokayev met Mutaki in Astana.")  # build the mention tables before timing
    word = re.compile(r"\w+")
    functions: dict[str, Callable[[str], object]] = {
        "reference": word.findall,  # linear reference: the words of the input
        "normalize": normalize,
        "compare": lambda s: compare(s, "Amir Khan Muttaqi"),
        "resolve": r.resolve,
        "find_mentions": r.find_mentions,
    }
    sizes = [n for n in (1_000, 3_000, 10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000)
             if n <= args.max_bytes]
    series = []
    for fname in args.functions.split(","):
        fn = functions[fname]
        for kind in args.kinds.split(","):
            points: list[tuple[int, float]] = []
            stopped = None
            for size in sizes:
                text = make_input(kind, size)
                t = _time(lambda fn=fn, text=text: fn(text))
                points.append((size, t))
                print(f"{fname:14} {kind:10} {size:>10,} B {t:9.4f} s", flush=True)
                if t > args.budget and size != sizes[-1]:
                    stopped = f"stopped after {size:,} B ({t:.1f} s > {args.budget:g} s budget)"
                    break
            top = points[-3:] if len(points) >= 3 else points
            series.append({"function": fname, "input": kind, "points": [[n, round(t, 6)] for n, t in points],
                           "slope": slope(points), "slope_top": slope(top),
                           "us_per_kb_at_largest": round(points[-1][1] / (points[-1][0] / 1000) * 1e6, 1),
                           "stopped": stopped})
    meta = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
            "loadavg": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
            "max_bytes": args.max_bytes, "budget_s": args.budget, "argv": sys.argv[1:]}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.out}.json").write_text(json.dumps({"meta": meta, "series": series}, indent=1) + "\n")
    lines = [f"# Growth of time with input size ({args.out})", "",
             f"Python {meta['python']}, {meta['cpus']} CPUs, load {meta['loadavg']}; "
             f"sizes 1 KB .. {args.max_bytes:,} B; a series stops after a call over {args.budget:g} s.", "",
             "| function | input | largest size | time there (s) | µs per KB there | slope (all) | slope (top 3) "
             "| note |", "|---|---|---:|---:|---:|---:|---:|---|"]
    for s in series:
        n_last, t_last = s["points"][-1]
        lines.append(f"| {s['function']} | {s['input']} | {n_last:,} | {t_last:.3f} | {s['us_per_kb_at_largest']} "
                     f"| {s['slope']} | {s['slope_top']} | {s['stopped'] or ''} |")
    (RESULTS / f"{args.out}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
