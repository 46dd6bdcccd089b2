"""Run the atheris fuzz targets of ``fuzz/targets.py``: a short smoke run for CI, a long one for local runs.

    python fuzz/run.py                          # short: every target, about a minute in total (CI)
    python fuzz/run.py --long --minutes 30      # long: the minutes shared between the targets
    python fuzz/run.py --target compare --seconds 120
    python fuzz/run.py --replay loaders fuzz/crashes/loaders-crash-...   # re-run one input, plain Python

Each target runs in its own process (libFuzzer exits when its time is up) with coverage
instrumentation of ``namematch`` and ``gazetteer``; the corpus grows in ``fuzz/corpus/<target>/``
(seeded from ``seeds/`` and a few odd strings), crashes and hangs land in ``fuzz/crashes/``.
A summary (executions, coverage, crashes, seconds) is printed and written to
``fuzz/results/<mode>.json``. Exit status 1 when a target crashed or hung.
Without atheris (no wheel for this Python) the run is skipped with a message and exit status 0.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NAMES = ("resolve", "compare", "find_mentions", "loaders")

# Starting inputs: the first byte selects options (see targets.py), the rest is the text.
_SEEDS = {
    "resolve": [b"\x00Qasym-Zhomart Toqaev", b"\x01\xd0\xa2\xd0\xbe\xd0\xba\xd0\xb0\xd0\xb5\xd0\xb2",
                b"\x02Amir Khan Muttaqi", b"\x04Nur-Sultan", b"\x00\xd9\x85\xd8\xaa\xd9\x82\xdb\x8c"],
    "compare": [b"\x00Muttaqi\x00Mutaki", b"\x01Kassym-Jomart Tokayev\x00Tokayev K.-J.",
                b"\x02Nur Otan\x00NUR OTAN", b"\x03Osh Region\x00Osh Province"],
    "find_mentions": [b"\x00Tokayev met Mutaki in Nur-Sultan.",
                      b"\x03President Toqaev\xe2\x80\x99s visit to the Kazakh capital, Astana."],
    "loaders": [b'\x00{"id": "a", "type": "person", "name": "Ab Cd", "aliases": ["Ab"]}\n{bad\n',
                b'\x01[{"id": "a", "type": "place", "name": "X"},\n{"id": 1}]',
                b"\x02id,type,name,aliases\na,org,Nur Otan,NO|Nur\nb,person\n"],
}


def _seed_corpus(name: str, corpus: Path) -> None:
    corpus.mkdir(parents=True, exist_ok=True)
    if any(corpus.iterdir()):
        return
    items = list(_SEEDS[name])
    if name == "find_mentions":
        for i, p in enumerate(sorted((ROOT / "seeds").glob("*.txt"))[:20]):
            items.append(bytes([i % 4]) + p.read_bytes()[:4000])
    for i, data in enumerate(items):
        (corpus / f"seed-{i:03d}").write_bytes(data)


def _child(name: str, libfuzzer_args: list[str]) -> None:
    """Inside the fuzzing process: instrument the library, then hand the target to atheris."""
    import atheris

    sys.path[:0] = [str(ROOT), str(HERE)]
    with atheris.instrument_imports(include=["namematch", "gazetteer"]):
        import targets
    targets.resolver()  # load the index before fuzzing starts (not counted against the first input)
    atheris.Setup([sys.argv[0], *libfuzzer_args], targets.TARGETS[name])
    atheris.Fuzz()


_STATS = re.compile(r"#(\d+)\s+(?:DONE|pulse|NEW|REDUCE|INITED)\s+cov: (\d+) ft: (\d+) corp: (\d+)")


def _run_target(name: str, seconds: int, max_len: int, timeout: int) -> dict[str, object]:
    corpus = HERE / "corpus" / name
    crashes = HERE / "crashes"
    crashes.mkdir(parents=True, exist_ok=True)
    _seed_corpus(name, corpus)
    before = set(crashes.iterdir())
    args = [f"-max_total_time={seconds}", f"-max_len={max_len}", f"-timeout={timeout}", "-rss_limit_mb=4096",
            f"-artifact_prefix={crashes}/{name}-", "-print_final_stats=1", str(corpus)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    start = time.monotonic()
    proc = subprocess.run([sys.executable, __file__, "--child", name, *args], capture_output=True, text=True,
                          env=env, errors="replace", check=False)
    elapsed = time.monotonic() - start
    log = proc.stderr
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / f"{name}.log").write_text(log[-200_000:])
    stats = _STATS.findall(log)
    execs, cov, ft, corp = (int(x) for x in stats[-1]) if stats else (0, 0, 0, 0)
    found = sorted(str(p.relative_to(ROOT)) for p in set(crashes.iterdir()) - before)
    failed = proc.returncode != 0
    problem = None
    if failed:
        m = (re.search(r"==\d+== ERROR: libFuzzer: (.*)", log)
             or re.search(r"=== Uncaught Python exception: ===\n(.*)", log))
        problem = m.group(1).strip() if m else f"exit status {proc.returncode}"
    return {"target": name, "seconds": round(elapsed, 1), "executions": execs, "coverage": cov, "features": ft,
            "corpus": corp, "exit": proc.returncode, "problem": problem, "artifacts": found}


def _atheris_missing() -> str | None:
    try:
        import atheris  # noqa: F401
    except ImportError as exc:
        return f"{exc} (Python {sys.version.split()[0]})"
    return None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--long", action="store_true", help="long local run (default: short CI run)")
    p.add_argument("--minutes", type=float, default=30.0, help="with --long: total minutes (default 30)")
    p.add_argument("--seconds", type=int, help="total seconds (overrides --minutes; short default 60)")
    p.add_argument("--target", action="append", choices=NAMES, help="only this target (repeatable)")
    p.add_argument("--replay", nargs="+", metavar=("TARGET", "FILE"), help="run TARGET on FILEs, no fuzzing")
    p.add_argument("--child", help=argparse.SUPPRESS)
    args, rest = p.parse_known_args(argv)
    if args.child:
        _child(args.child, rest)
        return 0
    if args.replay:
        sys.path[:0] = [str(ROOT), str(HERE)]
        import targets

        for path in args.replay[1:]:
            targets.TARGETS[args.replay[0]](Path(path).read_bytes())
            print(f"{path}: ok")
        return 0
    missing = _atheris_missing()
    if missing:
        print(f"fuzz: skipped, atheris is not available: {missing}")
        return 0
    names = args.target or list(NAMES)
    total = args.seconds or (int(args.minutes * 60) if args.long else 60)
    per = max(5, total // len(names))
    max_len, timeout = (16384, 30) if args.long else (4096, 20)
    mode = "long" if args.long else "short"
    results = []
    start = time.monotonic()
    for name in names:
        left = per
        while left >= 5:  # a crash stops libFuzzer early: start it again until the target's time is used
            r = _run_target(name, left, max_len, timeout)
            results.append(r)
            print(f"fuzz {name}: {r['executions']:,} executions in {r['seconds']}s, cov {r['coverage']}, "
                  f"corpus {r['corpus']}" + (f", FAILED: {r['problem']} {r['artifacts']}" if r["exit"] else ""),
                  flush=True)
            left -= max(1, int(r["seconds"]))  # type: ignore[call-overload]
            if not r["exit"] or not args.long:
                break
    summary = {"mode": mode, "seconds": round(time.monotonic() - start, 1), "python": sys.version.split()[0],
               "runs": results}
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / f"{mode}.json").write_text(json.dumps(summary, indent=2) + "\n")
    bad = [r for r in results if r["exit"]]
    print(f"fuzz: {mode} run, {summary['seconds']}s, {sum(r['executions'] for r in results):,} executions, "  # type: ignore[misc]
          f"{len(bad)} failing run(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
