"""Benchmark: transliterate 20k Cyrillic names with namematch.translit and with its peers.

Run ``python bench/bench_translit.py`` (``pip install anyascii``; PyICU is used if importable).
Names are built deterministically from small tables of Kazakh and Russian given names,
patronymics and surnames, so every run times the same 20,000 strings. Each library gets the
same list in the same process; the best of ``--repeat`` runs is reported as names per second.

Our caches are cleared before each run, so only the token repeats *inside* the list hit them (as
in a real name list). A second list gives every name a unique surname, so no token repeats: the
worst case for our per-token cache.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from unidecode import unidecode

from namematch.translit import core as _core
from namematch.translit import to_latin, transliterate

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


def unique_names(count: int = 20_000) -> list[str]:
    """Like :func:`names`, but each surname gets a unique Cyrillic suffix: no token repeats (cache misses)."""
    alphabet = "абвгдежзиклмнопрстуфхцчшэюя"

    def suffix(i: int) -> str:
        out = ""
        while True:
            i, r = divmod(i, len(alphabet))
            out += alphabet[r]
            if i == 0:
                return out

    return [f"{n}{suffix(i)}" for i, n in enumerate(names(count))]


def _time(fn: Callable[[str], str], items: Sequence[str], repeat: int, before: Callable[[], None]) -> float:
    best = float("inf")
    for _ in range(repeat):
        before()
        start = time.perf_counter()
        for item in items:
            fn(item)
        best = min(best, time.perf_counter() - start)
    return len(items) / best


def _clear() -> None:
    _core.clear_caches()


def main(argv: Sequence[str] | None = None) -> int:
    """Print names/second for each library and the ratio ours/anyascii."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    items = names(args.count)
    contenders: dict[str, Callable[[str], str]] = {
        "namematch.to_latin (caches cleared)": to_latin,
        "namematch.transliterate (caches cleared)": transliterate,
        "namematch ru-bgn scheme": lambda s: transliterate(s, scheme="ru-bgn"),
        "unidecode": unidecode,
    }
    try:
        from anyascii import anyascii

        contenders["anyascii"] = anyascii
    except ImportError:
        print("anyascii not installed (pip install anyascii): skipped")
    try:
        import icu  # type: ignore[import-not-found]

        bgn = icu.Transliterator.createInstance("Russian-Latin/BGN")
        contenders["PyICU Russian-Latin/BGN"] = bgn.transliterate
    except ImportError:
        print("PyICU not importable: skipped")
    print(f"{len(items)} names, e.g. {items[0]!r} -> {to_latin(items[0])!r}; best of {args.repeat}")
    rates = {}
    for label, fn in contenders.items():
        rates[label] = _time(fn, items, args.repeat, _clear)
        print(f"{label:38s} {rates[label]:>12,.0f} names/s")
    worst = unique_names(args.count)
    label = "namematch.to_latin, no token repeats"
    rates[label] = _time(to_latin, worst, args.repeat, _clear)
    print(f"{label:38s} {rates[label]:>12,.0f} names/s   (e.g. {worst[-1]!r})")
    if "anyascii" in contenders:
        label = "anyascii, no token repeats"
        rates[label] = _time(contenders["anyascii"], worst, args.repeat, _clear)
        print(f"{label:38s} {rates[label]:>12,.0f} names/s")
        for ours, theirs in (
            ("namematch.to_latin (caches cleared)", "anyascii"),
            ("namematch.transliterate (caches cleared)", "anyascii"),
            ("namematch.to_latin, no token repeats", "anyascii, no token repeats"),
        ):
            print(f"ratio {ours} / {theirs}: {rates[ours] / rates[theirs]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
