"""Benchmark: transliterate 20k Cyrillic names with namematch.translit and with its peers.

Run ``python bench/bench_translit.py`` (``pip install anyascii``; PyICU is used if importable);
it writes ``bench/results/translit.json`` and ``translit.md``.

Three lists of 20,000 names, built deterministically from small tables of Kazakh and Russian
given names, patronymics and surnames (so every run times the same strings):

* ``realistic``: "Given Patronymic Surname", "Surname Given Patronymic", "SURNAME, Given
  Patronymic"; the words repeat, as in a real name list;
* ``unique_surname``: the same, each name's last word with a unique Cyrillic suffix;
* ``all_unique``: every word of every name with a unique suffix: no word repeats, so no cache of
  ours can help (our worst case).

Every library gets the same list in the same process. The contenders take turns within each
repeat (so a burst of load from other processes hits all of them), our caches are cleared before
each of our runs, and the best of ``--repeat`` runs is kept. Time is process CPU time
(``time.process_time``), which waiting for a shared CPU does not inflate; the load average is
recorded. Ratios are names/s of ours over names/s of the peer: above 1 is faster than the peer.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import itertools
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from unidecode import unidecode  # noqa: E402

from namematch.translit import core as _core  # noqa: E402  (the source tree, not an installed copy)
from namematch.translit import to_latin, transliterate  # noqa: E402

GIVEN = [
    "Қасым-Жомарт",
    "Нұрсұлтан",
    "Ерлан",
    "Әлихан",
    "Мұхтар",
    "Маулен",
    "Серік",
    "Бауыржан",
    "Айгүл",
    "Динара",
    "Асқар",
    "Ғани",
    "Владимир",
    "Сергей",
    "Алексей",
    "Дмитрий",
    "Евгений",
    "Юрий",
    "Наталья",
    "Мария",
    "Пётр",
    "Фёдор",
    "Илья",
    "Михаил",
]
PATRONYMIC = [
    "Кемелұлы",
    "Әбішұлы",
    "Серікқызы",
    "Ахметович",
    "Жомартович",
    "Владимирович",
    "Сергеевна",
    "Алексеевич",
    "Юрьевич",
    "Ильич",
    "Петровна",
    "Фёдорович",
]
SURNAME = [
    "Тоқаев",
    "Назарбаев",
    "Смайылов",
    "Әшімбаев",
    "Тілеуберді",
    "Карин",
    "Масимов",
    "Тасмағамбетов",
    "Жапаров",
    "Ташиев",
    "Путин",
    "Лавров",
    "Мишустин",
    "Медведев",
    "Навальный",
    "Ельцин",
    "Достоевский",
    "Чайковский",
    "Григорьев",
    "Ильин",
    "Қожахметов",
    "Оразбаев",
    "Сүлейменов",
    "Байбек",
    "Ахметов",
]


def names(count: int = 20_000) -> list[str]:
    """``count`` distinct 'Given Patronymic Surname' strings, always the same ones."""
    triples = list(itertools.product(GIVEN, PATRONYMIC, SURNAME))
    orders = itertools.chain(
        (f"{g} {p} {s}" for g, p, s in triples),
        (f"{s} {g} {p}" for g, p, s in triples),
        (f"{s.upper()}, {g} {p}" for g, p, s in triples),  # registry style: SURNAME, Given Patronymic
    )
    return list(itertools.islice(orders, count))


_ALPHABET = "абвгдежзиклмнопрстуфхцчшэюя"


def _suffix(i: int) -> str:
    out = ""
    while True:
        i, r = divmod(i, len(_ALPHABET))
        out += _ALPHABET[r]
        if i == 0:
            return out


def unique_names(count: int = 20_000) -> list[str]:
    """Like :func:`names`, but each name's last word gets a unique Cyrillic suffix."""
    return [f"{n}{_suffix(i)}" for i, n in enumerate(names(count))]


def all_unique_names(count: int = 20_000) -> list[str]:
    """Like :func:`names`, but every word gets a unique Cyrillic suffix: no word repeats anywhere."""
    out = []
    for i, name in enumerate(names(count)):
        words = name.split(" ")
        out.append(" ".join(f"{w.rstrip(',')}{_suffix(3 * i + k)}{',' * w.endswith(',')}" for k, w in enumerate(words)))
    return out


def _clear() -> None:
    _core.clear_caches()


def _run(fn: Callable[[str], str], items: Sequence[str], clear: bool) -> float:
    if clear:
        _clear()
    start = time.process_time()
    for item in items:
        fn(item)
    return time.process_time() - start


def code_fingerprint() -> dict[str, object]:
    """Which library code ran: HEAD, translit files modified against it, a hash of namematch/translit."""
    h = hashlib.sha1()
    folder = ROOT / "namematch" / "translit"
    for f in sorted(folder.rglob("*")):
        if f.is_file() and f.suffix in (".py", ".tsv", ".txt") and "__pycache__" not in f.parts:
            h.update(str(f.relative_to(ROOT)).encode())
            h.update(f.read_bytes())

    def git(*a: str) -> str:
        try:
            done = subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True, timeout=20, check=False)
            return done.stdout.rstrip()
        except (OSError, subprocess.SubprocessError):
            return ""

    return {
        "head": git("rev-parse", "--short", "HEAD"),
        "modified": [ln[3:] for ln in git("status", "--porcelain", "--", "namematch/translit").splitlines()],
        "sha1_translit": h.hexdigest()[:12],
    }


def contenders() -> tuple[dict[str, tuple[Callable[[str], str], bool]], dict[str, str]]:
    """label -> (function, ours?), and the peers' versions."""
    out: dict[str, tuple[Callable[[str], str], bool]] = {
        "namematch.to_latin": (to_latin, True),
        "namematch.transliterate": (transliterate, True),
        "namematch ru-bgn": (lambda s: transliterate(s, scheme="ru-bgn"), True),
        "unidecode": (unidecode, False),
    }
    versions = {"python": platform.python_version()}
    from importlib.metadata import PackageNotFoundError, version

    for dist in ("unidecode", "anyascii", "PyICU"):
        with contextlib.suppress(PackageNotFoundError):
            versions[dist] = version(dist)
    try:
        from anyascii import anyascii

        out["anyascii"] = (anyascii, False)
    except ImportError:
        print("anyascii not installed (pip install anyascii): skipped")
    try:
        import icu  # type: ignore[import-not-found]

        bgn = icu.Transliterator.createInstance("Russian-Latin/BGN")
        out["PyICU Russian-Latin/BGN"] = (bgn.transliterate, False)
    except ImportError:
        print("PyICU not importable: skipped")
    return out, versions


def measure(lists: dict[str, list[str]], repeat: int) -> dict[str, dict[str, float]]:
    """names/s per list and contender: best of ``repeat``, contenders taking turns."""
    funcs, _ = contenders()
    for fn, _ours in funcs.values():  # warm up: schemes compiled, modules loaded
        for item in next(iter(lists.values()))[:200]:
            fn(item)
    rates: dict[str, dict[str, float]] = {}
    for list_name, items in lists.items():
        best = dict.fromkeys(funcs, float("inf"))
        labels = list(funcs)
        for r in range(repeat):
            for label in labels[r % len(labels) :] + labels[: r % len(labels)]:  # rotate the order
                fn, ours = funcs[label]
                best[label] = min(best[label], _run(fn, items, ours))
        rates[list_name] = {label: len(items) / t for label, t in best.items()}
    return rates


OURS = ("namematch.to_latin", "namematch.transliterate")
PEERS = ("anyascii", "unidecode", "PyICU Russian-Latin/BGN")


def ratios(rates: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Per list, ``<ours> / <peer>`` speed ratios (above 1: ours is faster)."""
    out = {}
    for list_name, r in rates.items():
        out[list_name] = {
            f"{ours} / {peer}": round(r[ours] / r[peer], 2) for ours in OURS for peer in PEERS if peer in r
        }
        if "PyICU Russian-Latin/BGN" in r:
            out[list_name]["namematch ru-bgn / PyICU Russian-Latin/BGN"] = round(
                r["namematch ru-bgn"] / r["PyICU Russian-Latin/BGN"], 2
            )
    return out


def markdown(result: dict[str, object]) -> str:
    rates: dict[str, dict[str, float]] = result["names_per_second"]  # type: ignore[assignment]
    rat: dict[str, dict[str, float]] = result["ratios"]  # type: ignore[assignment]
    lists = list(rates)
    labels = list(rates[lists[0]])
    lines = [
        "# Transliteration speed: namematch.translit against its peers",
        "",
        f"`{result['command']}` · {result['count']} names per list · best of {result['repeat']} · "
        f"process CPU time · load average {result['loadavg_at_start']} at start, {result['loadavg_at_end']} "
        f"at end · code {result['code']} · {result['versions']}",
        "",
        "Names per second (our caches cleared before each run):",
        "",
        "| contender | " + " | ".join(lists) + " |",
        "|---|" + "---:|" * len(lists),
    ]
    lines += [f"| {label} | " + " | ".join(f"{rates[ls][label]:,.0f}" for ls in lists) + " |" for label in labels]
    lines += ["", "Ratios (ours / peer, names per second; above 1 means ours is faster):", ""]
    keys = list(rat[lists[0]])
    lines += ["| ratio | " + " | ".join(lists) + " |", "|---|" + "---:|" * len(lists)]
    lines += [f"| {k} | " + " | ".join(f"{rat[ls][k]:.2f}" for ls in lists) + " |" for k in keys]
    examples: dict[str, str] = result["examples"]  # type: ignore[assignment]
    lines += ["", "Examples: " + "; ".join(f"{k}: `{v}`" for k, v in examples.items()), ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Time every contender on the three lists; print and write results/translit.{json,md}."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--out", default="translit", help="result file stem under bench/results/ ('' to skip)")
    args = parser.parse_args(argv)
    lists = {
        "realistic": names(args.count),
        "unique_surname": unique_names(args.count),
        "all_unique": all_unique_names(args.count),
    }
    load_start = [round(x, 2) for x in os.getloadavg()]
    rates = measure(lists, args.repeat)
    _, versions = contenders()
    result: dict[str, object] = {
        "command": "python bench/bench_translit.py" + "".join(f" {a}" for a in (argv or sys.argv[1:])),
        "count": args.count,
        "repeat": args.repeat,
        "loadavg_at_start": load_start,
        "loadavg_at_end": [round(x, 2) for x in os.getloadavg()],
        "code": code_fingerprint(),
        "versions": versions,
        "examples": {k: f"{v[-1]} -> {to_latin(v[-1])}" for k, v in lists.items()},
        "names_per_second": {k: {label: round(r) for label, r in v.items()} for k, v in rates.items()},
        "ratios": ratios(rates),
    }
    print(markdown(result))
    if args.out:
        folder = ROOT / "bench" / "results"
        (folder / f"{args.out}.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        (folder / f"{args.out}.md").write_text(markdown(result))
        print(f"written: bench/results/{args.out}.json, .md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
