"""Benchmark: which phonetic key (or pair of keys) retrieves name variants best.

For each method of :data:`namematch.phonetic.PHONETIC_METHODS` (translit, skeleton,
metaphone, nysiis, soundex, match_rating) and each union of two methods:

* recall: the fraction of (name, variant) token pairs whose keys are equal (an empty
  key never matches), per pair group:

  - ``real_ca``   real alternative spellings of Central Asian and Afghan names (inline below);
  - ``typo``      a token of the faker name lists and the same token with one edit;
  - ``translit``  a token and the same token after one or two romanisation-habit swaps;
  - ``script``    a Cyrillic or Arabic-script token and its ``anyascii`` romanisation
                  (for Arabic script that is a vowelless transcription).

* selectivity, on the distinct tokens of the name lists: the number of distinct keys,
  ``avg_candidates`` (the expected bucket size met by a token looked up, sum b^2 / N: how
  many tokens a lookup by that key retrieves, itself included) and ``collision_rate`` (the
  fraction of pairs of distinct tokens that share a key).

Every token goes through the library's pipeline first (``namematch.normalize.normalize``:
Cyrillic and Arabic script romanised by the default scheme), as the index does. A last row
measures the index's own blocking keys (``namematch.index.blocking_keys``: any shared key).

Usage::

    python bench/bench_keys.py            # writes bench/results/keys.json (and keys.md)
    python bench/bench_keys.py --pairs 3000
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import bench_resolve as br  # noqa: E402  (the name source and the perturbations)

from namematch.normalize import normalize  # noqa: E402
from namematch.phonetic import PHONETIC_METHODS, phonetic_key  # noqa: E402

RESULTS = HERE / "results"

#: Real alternative spellings of one name (press, BGN/PCGN, national Latin alphabets, German/French
#: press, Wikipedia/official renderings). Pairs of single words.
REAL_PAIRS: list[tuple[str, str]] = [
    ("Tokayev", "Toqaev"), ("Tokayev", "Tokajew"), ("Tokayev", "Tokaïev"), ("Kassym", "Qasym"),
    ("Kassym", "Kasym"), ("Jomart", "Zhomart"), ("Nazarbayev", "Nazarbaev"), ("Nazarbayev", "Nasarbajew"),
    ("Nursultan", "Noursoultan"), ("Yerzhan", "Erzhan"), ("Yerlan", "Erlan"), ("Zhaparov", "Japarov"),
    ("Sadyr", "Sadir"), ("Muttaqi", "Mutaki"), ("Mirziyoyev", "Mirziyoev"), ("Mirziyoyev", "Mirsijojew"),
    ("Shavkat", "Schawkat"), ("Karimov", "Karimow"), ("Islam", "Islom"), ("Rahmon", "Rakhmon"),
    ("Emomali", "Imomali"), ("Rakhmonov", "Rahmonov"), ("Berdimuhamedow", "Berdymukhamedov"),
    ("Gurbanguly", "Gurbanguli"), ("Niyazov", "Niyazow"), ("Saparmurat", "Saparmyrat"),
    ("Atambayev", "Atambaev"), ("Jeenbekov", "Zheenbekov"), ("Sooronbay", "Sooronbai"),
    ("Bakiyev", "Bakiev"), ("Akayev", "Akaev"), ("Askar", "Asqar"), ("Massimov", "Masimov"),
    ("Alikhan", "Alihan"), ("Smailov", "Smaiylov"), ("Aripov", "Oripov"), ("Abdulla", "Abdullah"),
    ("Ghani", "Gani"), ("Baradar", "Beradar"), ("Hibatullah", "Haibatullah"),
    ("Akhundzada", "Akhunzada"), ("Haqqani", "Hakkani"), ("Sirajuddin", "Serajuddin"),
    ("Mujahid", "Mojahed"), ("Zabihullah", "Zabiullah"), ("Mohammad", "Muhammad"),
    ("Mohammed", "Mukhammed"), ("Yusuf", "Yousuf"), ("Hekmatyar", "Hikmatyar"),
    ("Gulbuddin", "Gulbadin"), ("Massoud", "Masud"), ("Ahmad", "Ahmed"), ("Kairat", "Qairat"),
    ("Kairat", "Qayrat"), ("Nurlan", "Nourlan"), ("Bolat", "Bulat"), ("Zhanibek", "Janibek"),
    ("Shymkent", "Chimkent"), ("Zhezkazgan", "Jezkazgan"), ("Aktobe", "Aqtobe"),
    ("Kyzylorda", "Qyzylorda"), ("Khujand", "Khodjent"), ("Khujand", "Hujand"), ("Tashkent", "Toshkent"),
    ("Samarkand", "Samarqand"), ("Bukhara", "Buxoro"), ("Khiva", "Xiva"), ("Fergana", "Farg'ona"),
    ("Andijan", "Andijon"), ("Kandahar", "Qandahar"), ("Herat", "Hirat"), ("Jalalabad", "Jelalabad"),
    ("Kunduz", "Qunduz"), ("Helmand", "Hilmand"), ("Токаев", "Tokayev"), ("Назарбаев", "Nazarbayev"),
    ("Жапаров", "Japarov"), ("متقی", "Muttaqi"), ("غنی", "Ghani"), ("حقانی", "Haqqani"),
]

Key = Callable[[str], str]


def _norm(token: str) -> str:
    return normalize(token).replace(" ", "")


def make_pairs(n: int, seed: int = 2) -> dict[str, list[tuple[str, str]]]:
    """Token pairs per group; generated groups drawn from the faker name lists with a fixed seed."""
    rng = random.Random(seed)
    pools = br.load_pools()
    seen: set[tuple[str, str]] = set()
    for pool in pools.values():
        for d in (pool.given, pool.middle, pool.last):
            for names in d.values():
                for full in names:
                    for tok in full.split():
                        if len(tok) >= 4:
                            seen.add((tok, pool.locale))
    token_locale = sorted(seen)
    other_pairs = [(t, loc) for t, loc in token_locale if pools[loc].script != "Latn"]
    allt = [(t, pools[loc]) for t, loc in token_locale]
    groups: dict[str, list[tuple[str, str]]] = {"real_ca": list(REAL_PAIRS), "typo": [], "translit": [],
                                                "script": []}
    while len(groups["typo"]) < n:
        tok, pool = allt[rng.randrange(len(allt))]
        person = br.Person("x", pool.locale, pool.script, tok, "", "", False)
        q = br.typo(person, pool, rng)
        if q and q.strip() != tok:
            groups["typo"].append((tok, q.strip()))
    while len(groups["translit"]) < n:
        tok, pool = allt[rng.randrange(len(allt))]
        if pool.script == "Arab":
            continue
        person = br.Person("x", pool.locale, pool.script, tok, "", "", False)
        q = br.translit(person, pool, rng)
        if q and _norm(q) != _norm(tok):
            groups["translit"].append((tok, q.strip()))
    while len(groups["script"]) < n:
        tok, loc = other_pairs[rng.randrange(len(other_pairs))]
        groups["script"].append((tok, br._romanise(tok)))
    return groups


def distinct_tokens() -> list[str]:
    pools = br.load_pools()
    toks = set()
    for pool in pools.values():
        for d in (pool.given, pool.middle, pool.last):
            for names in d.values():
                for full in names:
                    for tok in full.split():
                        t = _norm(tok)
                        if t:
                            toks.add(t)
    return sorted(toks)


def key_fn(method: str) -> Key:
    cache: dict[str, str] = {}

    def k(token: str) -> str:
        v = cache.get(token)
        if v is None:
            v = cache[token] = phonetic_key(_norm(token), method)
        return v
    return k


def recall(pairs: Sequence[tuple[str, str]], keys: Sequence[Key]) -> float:
    hit = 0
    for a, b in pairs:
        hit += any((ka := k(a)) and ka == k(b) for k in keys)
    return hit / len(pairs) if pairs else 0.0


def selectivity(tokens: Sequence[str], methods: Sequence[str], keys: dict[str, Key]) -> dict[str, float]:
    """Expected candidates per lookup (union of the methods' buckets) and the pair collision rate."""
    n = len(tokens)
    buckets: dict[str, dict[str, list[int]]] = {}
    for m in methods:
        b: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(tokens):
            kk = keys[m](t)
            if kk:
                b[kk].append(i)
        buckets[m] = b
    total = 0
    for i, t in enumerate(tokens):
        found: set[int] = set()
        for m in methods:
            kk = keys[m](t)
            if kk:
                found.update(buckets[m][kk])
        total += len(found) or 1
    avg = total / n
    return {
        "distinct_keys": len(buckets[methods[0]]) if len(methods) == 1 else None,
        "avg_candidates": round(avg, 2),
        "collision_rate": round((total - n) / (n * (n - 1)), 6),
    }


def index_blocking(groups: dict[str, list[tuple[str, str]]], tokens: Sequence[str]) -> dict[str, object]:
    """The same measures for the index's blocking keys of one word (any key shared)."""
    from namematch.index import blocking_keys
    from namematch.structure import parse_name

    cache: dict[str, frozenset[str]] = {}

    def bk(tok: str) -> frozenset[str]:
        v = cache.get(tok)
        if v is None:
            v = cache[tok] = frozenset(blocking_keys(parse_name(tok).tokens))
        return v

    row: dict[str, object] = {}
    for g, pairs in groups.items():
        row[g] = round(sum(bool(bk(a) & bk(b)) for a, b in pairs) / len(pairs), 4)
    post: dict[str, list[int]] = defaultdict(list)
    for i, t in enumerate(tokens):
        for kk in bk(t):
            post[kk].append(i)
    total = 0
    for t in tokens:
        found: set[int] = set()
        for kk in bk(t):
            found.update(post[kk])
        total += len(found) or 1
    n = len(tokens)
    row["avg_candidates"] = round(total / n, 2)
    row["collision_rate"] = round((total - n) / (n * (n - 1)), 6)
    row["keys_per_token"] = round(sum(len(bk(t)) for t in tokens) / n, 2)
    return row


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=2000, help="generated pairs per group")
    args = ap.parse_args(argv)
    groups = make_pairs(args.pairs)
    tokens = distinct_tokens()
    keys = {m: key_fn(m) for m in PHONETIC_METHODS}
    combos: list[tuple[str, ...]] = [(m,) for m in PHONETIC_METHODS] + list(combinations(PHONETIC_METHODS, 2))
    rows = []
    for combo in combos:
        row: dict[str, object] = {"methods": "+".join(combo)}
        for g, pairs in groups.items():
            row[g] = round(recall(pairs, [keys[m] for m in combo]), 4)
        gen = [p for g in ("typo", "translit", "script") for p in groups[g]]
        row["all_generated"] = round(recall(gen, [keys[m] for m in combo]), 4)
        row.update(selectivity(tokens, combo, keys))
        rows.append(row)
    idx = index_blocking(groups, tokens)
    gen_all = [p for g in ("typo", "translit", "script") for p in groups[g]]
    del gen_all
    rows_sorted = sorted(rows, key=lambda r: (-float(r["real_ca"]) - float(r["all_generated"]),  # type: ignore[arg-type]
                                              float(r["avg_candidates"])))  # type: ignore[arg-type]
    cols = ["real_ca", "typo", "translit", "script", "all_generated", "avg_candidates", "collision_rate",
            "distinct_keys"]
    lines = ["| methods | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    for r in rows_sorted:
        lines.append(f"| {r['methods']} | " + " | ".join(str(r.get(c, "")) for c in cols) + " |")
    lines.append(f"| index blocking_keys (any shared) | {idx['real_ca']} | {idx['typo']} | {idx['translit']} | "
                 f"{idx['script']} | - | {idx['avg_candidates']} | {idx['collision_rate']} | "
                 f"{idx['keys_per_token']} keys/token |")
    table = "\n".join(lines)
    print(f"{len(tokens):,} distinct normalised tokens; pairs: " +
          ", ".join(f"{g} {len(p)}" for g, p in groups.items()))
    print(table)
    misses = {m: [f"{a}/{b}: {keys[m](a)!r} vs {keys[m](b)!r}" for a, b in REAL_PAIRS
                  if not (keys[m](a) and keys[m](a) == keys[m](b))] for m in ("translit", "skeleton")}
    RESULTS.mkdir(parents=True, exist_ok=True)
    doc = {
        "meta": {"pairs_per_generated_group": args.pairs, "real_pairs": len(REAL_PAIRS),
                 "distinct_tokens": len(tokens),
                 "recall": "fraction of pairs with equal non-empty keys (union: equal under either method)",
                 "avg_candidates": "sum over tokens of |tokens sharing a key| / N (itself included)",
                 "collision_rate": "fraction of pairs of distinct tokens sharing a key"},
        "rows": rows_sorted,
        "index_blocking_keys": idx,
        "real_pair_misses": misses,
        "examples": {g: p[:10] for g, p in groups.items()},
    }
    (RESULTS / "keys.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n")
    (RESULTS / "keys.md").write_text(f"# bench_keys\n\n{table}\n")
    for m, ms in misses.items():
        print(f"\nreal pairs missed by {m} ({len(ms)}):", "; ".join(ms))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
