"""bench_startup: how long `resolve "Toqaev"` takes in a fresh process, next to `python -c pass`.

Every command runs in a fresh interpreter, the commands interleaved in each round (the order
rotating), so the machine's load falls alike on all of them; the figures are medians.

* ``python -c pass``: the interpreter alone (the floor);
* ``python -c "import namematch"``: the library's imports;
* ``resolve Toqaev (warm cache)``: the command, its index loaded from the on-disk cache;
* ``resolve Toqaev (cold cache)``: the command with an empty cache directory (it builds the
  index and stores it);
* ``resolve Toqaev --no-cache``: the command building its index without the cache.

The command is ``python -m namematch`` (what the ``resolve`` console script runs). Bytecode is
cached in a temporary ``PYTHONPYCACHEPREFIX`` (as an installed package has its ``.pyc`` files),
and the index cache lives in a temporary ``NAMEMATCH_CACHE_DIR``.

    python bench/bench_startup.py                 # 15 rounds -> results/startup.json, startup.md
    python bench/bench_startup.py --rounds 5
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT / "bench"))

QUERY = "Toqaev"
BUDGET_S = 0.5  # the target for `resolve "Toqaev"` in a fresh process


def commands(py: str) -> dict[str, list[str]]:
    return {
        "python -c pass": [py, "-c", "pass"],
        'python -c "import namematch"': [py, "-c", "import namematch"],
        f"resolve {QUERY} (warm cache)": [py, "-m", "namematch", QUERY],
        f"resolve {QUERY} (cold cache)": [py, "-m", "namematch", QUERY],
        f"resolve {QUERY} --no-cache": [py, "-m", "namematch", "--no-cache", QUERY],
    }


def _child_cpu() -> float:
    if resource is None:  # pragma: no cover - Windows
        return 0.0
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one fresh process."""
    c = _child_cpu()
    t = time.perf_counter()
    proc = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    dt = time.perf_counter() - t
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr.strip()}")
    return dt, _child_cpu() - c


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=15, help="runs of each command (default 15)")
    ap.add_argument("--out", default="startup", help="result file stem in bench/results")
    args = ap.parse_args(argv)

    from bench_resolve import code_fingerprint

    tmp = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    cache = tmp / "cache"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "NAMEMATCH_NO_CACHE")}
    env.update(PYTHONPYCACHEPREFIX=str(tmp / "pyc"), NAMEMATCH_CACHE_DIR=str(cache),
               PYTHONPATH=os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    cmds = commands(sys.executable)
    times: dict[str, list[float]] = {label: [] for label in cmds}
    cpu: dict[str, list[float]] = {label: [] for label in cmds}
    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    try:
        for argv_ in cmds.values():  # warm-up: bytecode written, index cached
            run_once(argv_, env)
        labels = list(cmds)
        for r in range(args.rounds):
            for label in labels[r % len(labels):] + labels[:r % len(labels)]:
                if "cold" in label:
                    shutil.rmtree(cache, ignore_errors=True)
                wall, used = run_once(cmds[label], env)
                times[label].append(wall)
                cpu[label].append(used)
                if "cold" in label:  # leave the cache warm for the next warm run
                    assert any(cache.glob("*.idx")), "the cold run stored no index"
            print(f"round {r + 1}/{args.rounds}", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    load_after = os.getloadavg() if hasattr(os, "getloadavg") else None

    base = statistics.median(times["python -c pass"])
    base_cpu = statistics.median(cpu["python -c pass"])
    results = []
    for label, ts in times.items():
        med = statistics.median(ts)
        med_cpu = statistics.median(cpu[label])
        results.append({"command": label, "median_s": round(med, 4), "min_s": round(min(ts), 4),
                        "max_s": round(max(ts), 4), "ratio_to_python_pass": round(med / base, 2),
                        "over_python_pass_s": round(med - base, 4), "cpu_median_s": round(med_cpu, 4),
                        "cpu_ratio_to_python_pass": round(med_cpu / base_cpu, 2) if base_cpu else None,
                        "runs": [round(t, 4) for t in ts], "cpu_runs": [round(t, 4) for t in cpu[label]]})
    meta = {
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
        "rounds": args.rounds, "command": "python -m namematch (the resolve console script's code)",
        "bytecode": "cached (PYTHONPYCACHEPREFIX, as for an installed package)",
        "loadavg_before": load_before, "loadavg_after": load_after, "budget_s": BUDGET_S,
        "argv": sys.argv[1:], "code": code_fingerprint(),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.out}.json").write_text(json.dumps({"meta": meta, "results": results}, indent=1) + "\n")
    rows = ["| command | median s | min s | max s | × python -c pass | over python -c pass, s | CPU s (median) |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    rows += [f"| `{r['command']}` | {r['median_s']:.3f} | {r['min_s']:.3f} | {r['max_s']:.3f} | "
             f"{r['ratio_to_python_pass']:.2f} | {r['over_python_pass_s']:.3f} | {r['cpu_median_s']:.3f} |"
             for r in results]
    md = (f"# bench_startup ({args.rounds} rounds, interleaved; medians)\n\n" + "\n".join(rows) + "\n\n"
          f"Wall time of fresh processes (CPU s: user + system time of the process, less sensitive "
          f"to other load); bytecode cached; load average {load_before} before, {load_after} after "
          f"(2 shared cores: absolute times vary, the ratios less). Target: `resolve {QUERY}` "
          f"within {BUDGET_S} s with a warm cache.\n")
    (RESULTS / f"{args.out}.md").write_text(md)
    print(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
