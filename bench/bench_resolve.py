"""Benchmark: namematch's Resolver against rapidfuzz brute force on large gazetteers.

Gazetteers of 10k, 100k and 1M person names are built from the real given-name,
patronymic and surname lists shipped in the ``faker`` package (its per-locale
person providers, read directly; no network, no data download at run time),
mixing Latin-script locales (uz_UZ, az_AZ, tr_TR, en_US, en_IN, de_DE) with
Cyrillic (ru_RU, uk_UA) and Arabic-script (fa_IR, ar_AA) ones. Queries are
perturbed copies of gazetteer names with their gold ids:

* ``typo``         one substitution / deletion / transposition / insertion inside a word
* ``translit``     romanisation-habit swaps (k/q, kh/h, zh/j, y/i, v/w, -ev/-yev, ss/s, ...),
                   after romanising a Cyrillic name with ``anyascii``
* ``reorder``      the surname moved to the other end
* ``drop_middle``  the middle name (patronymic, second given name) dropped
* ``script``       the name written in another script (Cyrillic/Arabic -> Latin with
                   ``anyascii``; Uzbek/Azeri/Turkish Latin -> Cyrillic with a small table)

The same queries go, in the same run, to ``Resolver.resolve`` and to rapidfuzz
``process.extractOne`` over every name string with ``fuzz.WRatio`` and with
``JaroWinkler.normalized_similarity``. A query counts correct when the top
answer is an entity whose name is the gold entity's name (duplicate full
names exist in a generated gazetteer; those entities are indistinguishable by
name), up to Unicode form, case and the Arabic / Cyrillic letter variants that
every scheme folds first (ي / ی, ك / ک, hamza seats, harakat; ё / е): names
equal in that sense cannot be told apart in print either.

Usage::

    python bench/bench_resolve.py --quick                      # 10k names, 200 queries
    python bench/bench_resolve.py --sizes 10000,100000 --queries 1000
    python bench/bench_resolve.py --sizes 1000000 --queries 1000 --rf-queries 30
    python bench/bench_resolve.py --sizes 100000 --queries 300 --profile   # cProfile hot spots

Results go to ``bench/results/resolve.json`` and ``resolve.md`` (``--out`` to change).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import statistics
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RESULTS = Path(__file__).resolve().parent / "results"
KINDS = ("typo", "translit", "reorder", "drop_middle", "script")

# ---------------------------------------------------------------------------------------------
# Name source: faker's person providers (real name lists), read as data.
# ---------------------------------------------------------------------------------------------

#: locale -> (share of the gazetteer, probability of a middle name)
LOCALES: dict[str, tuple[float, float]] = {
    "ru_RU": (0.20, 0.85),   # patronymic
    "uk_UA": (0.06, 0.85),   # patronymic
    "uz_UZ": (0.16, 0.15),   # second given name
    "az_AZ": (0.08, 0.15),
    "tr_TR": (0.08, 0.30),
    "fa_IR": (0.10, 0.15),
    "ar_AA": (0.08, 0.40),   # father's name
    "en_US": (0.10, 0.30),
    "en_IN": (0.06, 0.15),
    "de_DE": (0.08, 0.20),
}
_PATRONYMIC_LOCALES = {"ru_RU", "uk_UA"}


@dataclass
class Pool:
    locale: str
    script: str
    given: dict[str, list[str]]
    middle: dict[str, list[str]]
    last: dict[str, list[str]]
    letters: str                      # the letters its names use (typo substitutions draw from them)


def _lst(provider: type, *attrs: str) -> list[str]:
    for a in attrs:
        v = getattr(provider, a, None)
        if v:
            return sorted(dict.fromkeys(str(x).strip() for x in v if str(x).strip()))
    return []


def _script(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if name.startswith("CYRILLIC"):
                return "Cyrl"
            if name.startswith(("ARABIC", "PERSIAN")):
                return "Arab"
            if name.startswith("LATIN"):
                return "Latn"
            return "Other"
    return "Other"


def load_pools() -> dict[str, Pool]:
    """The name lists of each locale, sorted (so the build does not depend on faker's dict order)."""
    pools = {}
    for loc in LOCALES:
        p = importlib.import_module(f"faker.providers.person.{loc}").Provider
        given = {"m": _lst(p, "first_names_male", "first_names"), "f": _lst(p, "first_names_female", "first_names")}
        last_all = _lst(p, "last_names")
        last = {"m": _lst(p, "last_names_male") or last_all, "f": _lst(p, "last_names_female") or last_all}
        if loc == "az_AZ":
            uni = _lst(p, "last_names_unisex")
            last = {g: sorted(set(v) | set(uni)) for g, v in last.items()}
        if loc in _PATRONYMIC_LOCALES:
            middle = {"m": _lst(p, "middle_names_male"), "f": _lst(p, "middle_names_female")}
        else:
            middle = given
        allnames = [x for d in (given, middle, last) for v in d.values() for x in v]
        letters = "".join(sorted({c.lower() for x in allnames for c in x if c.isalpha()}))
        pools[loc] = Pool(loc, _script(given["m"][0]), given, middle, last, letters)
    return pools


@dataclass(frozen=True)
class Person:
    id: str
    locale: str
    script: str
    given: str
    middle: str           # "" when none
    last: str
    surname_first: bool

    @property
    def parts(self) -> list[str]:
        core = [p for p in (self.given, self.middle) if p]
        return [self.last, *core] if self.surname_first else [*core, self.last]

    @property
    def name(self) -> str:
        return " ".join(self.parts)


def make_people(n: int, pools: dict[str, Pool], seed: int = 0) -> list[Person]:
    """``n`` people with unique ids; the same ``n`` and ``seed`` give the same list."""
    rng = random.Random(seed)
    locs = list(LOCALES)
    weights = [LOCALES[loc][0] for loc in locs]
    people = []
    for i in range(n):
        loc = rng.choices(locs, weights)[0]
        pool = pools[loc]
        g = rng.choice("mf")
        given = rng.choice(pool.given[g])
        middle = ""
        if rng.random() < LOCALES[loc][1]:
            middle = rng.choice(pool.middle[g])
            if middle == given:
                middle = ""
        last = rng.choice(pool.last[g])
        surname_first = loc in _PATRONYMIC_LOCALES and rng.random() < 0.25
        people.append(Person(f"p{i:07d}", loc, pool.script, given, middle, last, surname_first))
    return people


# ---------------------------------------------------------------------------------------------
# Perturbations (seeded), each returning a query different from the name, or None if not applicable.
# ---------------------------------------------------------------------------------------------

# Romanisation habits, as (pattern, replacement) on lowercase Latin text; one or two are applied.
SWAPS: list[tuple[str, str]] = [
    (r"k(?!h)", "q"), (r"q", "k"), (r"kh", "h"), (r"(?<![szck])h", "kh"), (r"zh", "j"), (r"j", "zh"),
    (r"dzh", "j"), (r"y", "i"), (r"(?<=[aeiou])i", "y"), (r"v", "w"), (r"w", "v"),
    (r"(?<=[^aeiouy])ev\b", "yev"), (r"(?<=[aeiou])ev\b", "yev"), (r"yev\b", "ev"), (r"iev\b", "yev"),
    (r"ov\b", "off"), (r"ov\b", "ow"), (r"ev\b", "ew"), (r"ss", "s"), (r"(?<=[aeiou])s(?=[aeiou])", "ss"),
    (r"sh", "sch"), (r"ch", "tch"), (r"u", "ou"), (r"ya", "ia"), (r"yu", "iu"), (r"iya\b", "ia"),
    (r"x", "kh"), (r"\by(?=e)", ""), (r"\be", "ye"), (r"ts", "tz"), (r"ph", "f"), (r"gh", "g"),
    (r"o'", "o"), (r"g'", "g"), (r"’", ""), (r"'", ""), (r"ii\b", "iy"), (r"iy\b", "y"),
]
_SWAP_RE = [(re.compile(p), r) for p, r in SWAPS]

# Uzbek-style Latin -> Cyrillic (the "script" perturbation of Latin Central Asian names).
_LAT2CYR = [
    ("o‘", "ў"), ("o’", "ў"), ("o'", "ў"), ("g‘", "ғ"), ("g’", "ғ"), ("g'", "ғ"), ("sh", "ш"), ("ch", "ч"),
    ("zh", "ж"), ("kh", "х"), ("yo", "ё"), ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("ts", "ц"),
    ("ş", "ш"), ("ç", "ч"), ("ğ", "ғ"), ("ı", "ы"), ("ö", "ў"), ("ü", "у"), ("ə", "а"),
    ("a", "а"), ("b", "б"), ("c", "ж"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"), ("h", "ҳ"),
    ("i", "и"), ("j", "ж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
    ("q", "қ"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"), ("w", "в"), ("x", "х"),
    ("y", "й"), ("z", "з"), ("’", ""), ("'", ""), ("‘", ""),
]


def lat2cyr(text: str) -> str:
    out = []
    for word in text.split():
        s, i, w = word.lower(), 0, []
        while i < len(s):
            for a, b in _LAT2CYR:
                if s.startswith(a, i):
                    w.append(b)
                    i += len(a)
                    break
            else:
                w.append(s[i])
                i += 1
        out.append("".join(w).capitalize())
    return " ".join(out)


def _romanise(text: str) -> str:
    from anyascii import anyascii
    return anyascii(text)


def typo(p: Person, pool: Pool, rng: random.Random) -> str | None:
    parts = p.parts
    cand = [i for i, w in enumerate(parts) if len(w) >= 4]
    if not cand:
        return None
    i = rng.choice(cand)
    w = parts[i]
    op = rng.choice(("sub", "del", "swap", "ins"))
    j = rng.randrange(1, len(w) - 1) if op == "swap" else rng.randrange(1, len(w))
    if op == "sub":
        w = w[:j] + rng.choice([c for c in pool.letters if c != w[j].lower()]) + w[j + 1:]
    elif op == "del":
        w = w[:j] + w[j + 1:]
    elif op == "swap":
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    else:
        w = w[:j] + rng.choice(pool.letters) + w[j:]
    parts[i] = w
    return " ".join(parts)


def translit(p: Person, pool: Pool, rng: random.Random) -> str | None:
    if p.script == "Arab":
        return None       # vowelless: swaps make little sense; covered by "script"
    base = _romanise(p.name) if p.script != "Latn" else p.name
    low = base.lower()
    applicable = [(rx, r) for rx, r in _SWAP_RE if rx.search(low)]
    rng.shuffle(applicable)
    out = low
    for rx, r in applicable[: rng.choice((1, 2))]:
        ms = list(rx.finditer(out))
        if not ms:
            continue
        m = rng.choice(ms)
        out = out[: m.start()] + m.expand(r) + out[m.end():]
    if out == low and p.script == "Latn":
        return None
    return " ".join(w.capitalize() for w in out.split())


def reorder(p: Person, pool: Pool, rng: random.Random) -> str | None:
    parts = p.parts
    if len(parts) < 2:
        return None
    parts = parts[1:] + parts[:1] if p.surname_first else parts[-1:] + parts[:-1]
    return " ".join(parts)


def drop_middle(p: Person, pool: Pool, rng: random.Random) -> str | None:
    if not p.middle:
        return None
    return " ".join(w for w in p.parts if w is not p.middle)


def script(p: Person, pool: Pool, rng: random.Random) -> str | None:
    if p.script in ("Cyrl", "Arab"):
        return _romanise(p.name)
    if p.locale in ("uz_UZ", "az_AZ", "tr_TR"):
        return lat2cyr(p.name)
    return None


PERTURB: dict[str, Callable[[Person, Pool, random.Random], str | None]] = {
    "typo": typo, "translit": translit, "reorder": reorder, "drop_middle": drop_middle, "script": script,
}


@dataclass(frozen=True)
class Query:
    text: str
    kind: str
    gold: str           # entity id
    gold_name: str
    locale: str
    script: str


def make_queries(people: Sequence[Person], pools: dict[str, Pool], n: int, seed: int = 1) -> list[Query]:
    """``n`` queries, balanced over the kinds and interleaved (any prefix is balanced too)."""
    rng = random.Random(seed)
    per_kind: dict[str, list[Query]] = {}
    for k, kind in enumerate(KINDS):
        want = n // len(KINDS) + (1 if k < n % len(KINDS) else 0)
        got: list[Query] = []
        tries = 0
        while len(got) < want and tries < want * 200:
            tries += 1
            p = people[rng.randrange(len(people))]
            q = PERTURB[kind](p, pools[p.locale], rng)
            if q is None or q == p.name or not q.strip():
                continue
            got.append(Query(q, kind, p.id, p.name, p.locale, p.script))
        per_kind[kind] = got
    out = []
    for i in range(max(len(v) for v in per_kind.values())):
        out.extend(v[i] for v in per_kind.values() if i < len(v))
    return out


_FOLD: dict[int, str] = {}


def same_name_key(name: str) -> str:
    """``name`` up to Unicode form, case and the letter variants folded before every scheme.

    Names equal under this key are one name in print ("مريم" / "مریم" differ only in which
    yeh was typed); a benchmark counts either as the right answer, as it does duplicate names."""
    if not _FOLD:
        from namematch.translit.tables import table

        for fragment in ("_arab-norm", "_cyrl-norm"):
            _FOLD.update(table(fragment, kind="normalize").normalize)
    return unicodedata.normalize("NFKC", name).casefold().translate(_FOLD)


# ---------------------------------------------------------------------------------------------
# Measurement helpers
# ---------------------------------------------------------------------------------------------

def _status_kb(field_: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field_ + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    """Reset the kernel's resident high-water mark (VmHWM) of this process (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def measure_memory(fn: Callable[[], object]) -> tuple[object, float, dict[str, object]]:
    """Run ``fn``; return its result, wall time, and RSS numbers (MB) around it.

    ``peak_mb`` is the peak resident set during ``fn`` minus the resident set before it:
    VmHWM after resetting it through /proc/self/clear_refs, or ru_maxrss otherwise (then only
    meaningful when ``fn`` is the process's high point).
    """
    gc.collect()
    before = _status_kb("VmRSS")
    reset = _reset_peak()
    maxrss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    gc.collect()
    after = _status_kb("VmRSS")
    hwm = _status_kb("VmHWM") if reset else None
    maxrss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if hwm is not None and before is not None:
        peak, how = (hwm - before) / 1024, "VmHWM (reset via /proc/self/clear_refs) - VmRSS before"
    else:
        peak, how = (maxrss1 - maxrss0) / 1024, "ru_maxrss delta"
    mem = {
        "peak_mb": round(peak, 1),
        "retained_mb": round(((after or 0) - (before or 0)) / 1024, 1),
        "rss_before_mb": round((before or 0) / 1024, 1),
        "cpu_s": round(cpu, 2),   # this process's CPU time: less sensitive to other work on the machine
        "method": how,
    }
    return result, dt, mem


@dataclass
class Score:
    n: int = 0
    correct: int = 0
    seconds: float = 0.0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_script: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    latencies: list[float] = field(default_factory=list)
    misses: list[dict[str, str]] = field(default_factory=list)
    unambiguous: list[int] = field(default_factory=lambda: [0, 0])
    ambiguous_ids: frozenset[int] = frozenset()
    cpu_seconds: float | None = None

    def add(self, q: Query, ok: bool, dt: float, top: str | None) -> None:
        if id(q) not in self.ambiguous_ids:
            self.unambiguous[0] += ok
            self.unambiguous[1] += 1
        self.n += 1
        self.correct += ok
        self.seconds += dt
        self.latencies.append(dt)
        for d, k in ((self.by_kind, q.kind), (self.by_script, q.script)):
            d[k][0] += ok
            d[k][1] += 1
        if not ok and len(self.misses) < 15:
            self.misses.append({"query": q.text, "kind": q.kind, "gold": q.gold_name, "top": top or "(none)"})

    def summary(self) -> dict[str, object]:
        lat = sorted(self.latencies) or [0.0]
        return {
            "queries": self.n,
            "accuracy_at_1": round(self.correct / self.n, 4) if self.n else None,
            "accuracy_at_1_unambiguous": (round(self.unambiguous[0] / self.unambiguous[1], 4)
                                          if self.unambiguous[1] else None),
            "unambiguous_queries": self.unambiguous[1],
            "queries_per_s": round(self.n / self.seconds, 2) if self.seconds else None,
            "queries_per_cpu_s": round(self.n / self.cpu_seconds, 2) if self.cpu_seconds else None,
            "latency_ms_p50": round(1000 * statistics.median(lat), 3),
            "latency_ms_p99": round(1000 * lat[min(len(lat) - 1, int(0.99 * len(lat)))], 3),
            "by_kind": {k: round(v[0] / v[1], 4) for k, v in sorted(self.by_kind.items())},
            "by_script": {k: round(v[0] / v[1], 4) for k, v in sorted(self.by_script.items())},
            "examples_of_misses": self.misses,
        }


# ---------------------------------------------------------------------------------------------
# The benchmark
# ---------------------------------------------------------------------------------------------

AMBIGUOUS: set[int] = set()   # id() of queries another entity fits as well (see bench_size)


def run_namematch(resolver: object, queries: Sequence[Query], by_name: dict[str, set[str]],
                  names_by_id: dict[str, str]) -> Score:
    sc = Score(ambiguous_ids=frozenset(AMBIGUOUS))
    resolve = resolver.resolve  # type: ignore[attr-defined]
    c0 = time.process_time()
    for q in queries:
        t0 = time.perf_counter()
        found = resolve(q.text, limit=5)
        dt = time.perf_counter() - t0
        top = found[0].entity.id if found else None
        gold = by_name[same_name_key(q.gold_name)]
        sc.add(q, top is not None and top in gold, dt, names_by_id.get(top or ""))
    sc.cpu_seconds = time.process_time() - c0
    return sc


def candidate_recall(resolver: object, queries: Sequence[Query], by_name: dict[str, set[str]],
                     names_by_id: dict[str, str], cuts: Sequence[int] = (1, 4, 8, 16, 32, 64, 256)) -> dict[str, float]:
    """Fraction of queries whose gold name is among the first k candidates of the blocking stage."""
    index = resolver.index  # type: ignore[attr-defined]
    ents = index.entities
    hits = Counter()
    t0 = time.perf_counter()
    for q in queries:
        parsed = index.parse_query(q.text)
        # parse_query returns one ParsedName, or (newer code) a tuple of readings: merge their candidates
        readings = parsed if isinstance(parsed, tuple) else (parsed,)
        cands = []
        for reading in readings:
            if reading.tokens:
                cands += [i for i in index.candidates(reading, max(cuts)) if i not in cands]
        gold = by_name[same_name_key(q.gold_name)]
        rank = next((r for r, i in enumerate(cands) if ents[index.entries[i].entity].id in gold), None)
        for c in cuts:
            hits[c] += rank is not None and rank < c
    out = {f"@{c}": round(hits[c] / len(queries), 4) for c in cuts}
    out["blocking_only_queries_per_s"] = round(len(queries) / (time.perf_counter() - t0), 1)
    return out


def run_rapidfuzz(choices: list[str], ids: list[str], queries: Sequence[Query], scorer: object,
                  by_name: dict[str, set[str]]) -> Score:
    from rapidfuzz import process, utils
    sc = Score(ambiguous_ids=frozenset(AMBIGUOUS))
    for q in queries:
        t0 = time.perf_counter()
        res = process.extractOne(utils.default_process(q.text), choices, scorer=scorer, processor=None)
        dt = time.perf_counter() - t0
        top = ids[res[2]] if res else None
        gold = by_name[same_name_key(q.gold_name)]
        sc.add(q, top is not None and top in gold, dt, choices[res[2]] if res else None)
    return sc


def bench_size(size: int, n_queries: int, rf_queries: int | None, pools: dict[str, Pool],
               profile: bool = False, skip_rf: bool = False, sweep: Sequence[int] = ()) -> dict[str, object]:
    from gazetteer import Gazetteer
    from namematch import Resolver

    out: dict[str, object] = {"size": size}
    t0 = time.perf_counter()
    people = make_people(size, pools)
    names_by_id = {p.id: p.name for p in people}
    by_name: dict[str, set[str]] = defaultdict(set)
    for p in people:
        by_name[same_name_key(p.name)].add(p.id)
    queries = make_queries(people, pools, n_queries)
    dup_names = sum(1 for v in by_name.values() if len(v) > 1)
    # A query is ambiguous when another entity fits it as well as the gold one: its text is another
    # entity's exact name, or (middle name dropped) another entity has the same given name and surname.
    given_last: dict[tuple[str, str], set[str]] = defaultdict(set)
    for p in people:
        given_last[(p.given, p.last)].add(same_name_key(p.name))
    by_id = {p.id: p for p in people}
    AMBIGUOUS.clear()
    for q in queries:
        g = by_id[q.gold]
        text, gold_name = same_name_key(q.text), same_name_key(q.gold_name)
        if (text in by_name and text != gold_name) or (
                q.kind == "drop_middle" and len(given_last[(g.given, g.last)]) > 1):
            AMBIGUOUS.add(id(q))
    out["data"] = {
        "generate_s": round(time.perf_counter() - t0, 2),
        "distinct_names": len(by_name),
        "names_shared_by_several_entities": dup_names,
        "entities_with_a_shared_name": sum(len(v) for v in by_name.values() if len(v) > 1),
        "queries": len(queries),
        "queries_whose_gold_name_is_shared": sum(1 for q in queries if len(by_name[same_name_key(q.gold_name)]) > 1),
        "ambiguous_queries": len(AMBIGUOUS),
        "ambiguous_by_kind": dict(Counter(q.kind for q in queries if id(q) in AMBIGUOUS)),
        "by_locale": dict(sorted(Counter(p.locale for p in people).items())),
        "by_script": dict(sorted(Counter(p.script for p in people).items())),
        "queries_by_kind": dict(Counter(q.kind for q in queries)),
    }
    print(f"\n== {size:,} names ({len(by_name):,} distinct; {dup_names:,} names shared by several "
          f"entities), {len(queries)} queries", flush=True)

    records = [{"id": p.id, "type": "person", "name": p.name} for p in people]
    gaz, gaz_s, gaz_mem = measure_memory(lambda: Gazetteer.from_records(records))
    records.clear()
    out["gazetteer_build"] = {"seconds": round(gaz_s, 2), **gaz_mem}
    print(f"  Gazetteer.from_records: {gaz_s:.2f} s, peak +{gaz_mem['peak_mb']} MB", flush=True)

    prof = cProfile.Profile() if profile else None
    if prof:
        prof.enable()
    resolver, build_s, build_mem = measure_memory(lambda: Resolver(gaz))
    if prof:
        prof.disable()
        _dump_profile(prof, f"build_{size}")
    index = resolver.index  # type: ignore[attr-defined]
    n_post = sum(1 if isinstance(v, int) else len(v) for v in index.postings.values())
    fuzzy = getattr(index, "fuzzy", {})
    out["index_build"] = {"seconds": round(build_s, 2), **build_mem,
                          "entries": len(index.entries), "keys": len(index.postings),
                          "posting_ids": n_post, "fuzzy_keys": len(fuzzy), "profiled": profile}
    print(f"  Resolver(gazetteer) build: {build_s:.2f} s, peak +{build_mem['peak_mb']} MB, retained "
          f"+{build_mem['retained_mb']} MB; {len(index.entries):,} forms, {len(index.postings):,} keys, "
          f"{n_post:,} posting ids", flush=True)

    if prof:
        prof = cProfile.Profile()
        prof.enable()
    nm = run_namematch(resolver, queries, by_name, names_by_id)
    if prof:
        prof.disable()
        _dump_profile(prof, f"query_{size}")
    out["namematch"] = nm.summary()
    print(f"  namematch: {out['namematch']['queries_per_s']} q/s, acc@1 {out['namematch']['accuracy_at_1']}",
          flush=True)

    if not profile:
        out["candidate_recall"] = candidate_recall(resolver, queries, by_name, names_by_id)
        print(f"  gold among the index's candidates (rank cut-off -> recall): {out['candidate_recall']}",
              flush=True)
        if sweep:
            out["max_candidates_sweep"] = {}
            default = resolver.max_candidates  # type: ignore[attr-defined]
            for k in sweep:
                resolver.max_candidates = k  # type: ignore[attr-defined]
                s_k = run_namematch(resolver, queries, by_name, names_by_id).summary()
                out["max_candidates_sweep"][k] = {x: s_k[x] for x in ("queries_per_s", "accuracy_at_1", "by_kind")}
                print(f"  max_candidates={k}: {s_k['queries_per_s']} q/s, acc@1 {s_k['accuracy_at_1']}", flush=True)
            resolver.max_candidates = default  # type: ignore[attr-defined]

    if not skip_rf and not profile:
        from rapidfuzz import fuzz, utils
        from rapidfuzz.distance import JaroWinkler
        t0 = time.perf_counter()
        choices = [utils.default_process(p.name) for p in people]
        ids = [p.id for p in people]
        prep = time.perf_counter() - t0
        sub = queries if rf_queries is None else queries[:rf_queries]
        out["rapidfuzz_subset"] = {"queries": len(sub), "is_subset": len(sub) < len(queries),
                                   "choices_preprocessing_s": round(prep, 2)}
        if len(sub) < len(queries):
            # namematch on exactly the same subset, for a like-for-like comparison
            nm_sub = run_namematch(resolver, sub, by_name, names_by_id)
            out["namematch_on_rf_subset"] = nm_sub.summary()
        for label, scorer in (("rapidfuzz_WRatio", fuzz.WRatio),
                              ("rapidfuzz_JaroWinkler", JaroWinkler.normalized_similarity)):
            s = run_rapidfuzz(choices, ids, sub, scorer, by_name)
            out[label] = s.summary()
            print(f"  {label}: {out[label]['queries_per_s']} q/s, acc@1 {out[label]['accuracy_at_1']} "
                  f"({len(sub)} queries)", flush=True)
    out["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    resolver = gaz = None  # type: ignore[assignment]
    gc.collect()
    return out


def _dump_profile(prof: cProfile.Profile, tag: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    st.sort_stats("tottime").print_stats(30)
    st.sort_stats("cumulative").print_stats(30)
    path = RESULTS / f"profile_{tag}.txt"
    path.write_text(buf.getvalue())
    print(f"  profile written to {path.relative_to(ROOT)}", flush=True)


def code_fingerprint() -> dict[str, object]:
    """Which library code ran: HEAD, files modified against it, and a hash of namematch/ and gazetteer/."""
    import hashlib
    import subprocess
    h = hashlib.sha1()
    for d in ("namematch", "gazetteer"):
        for f in sorted((ROOT / d).rglob("*")):
            if f.is_file() and f.suffix in (".py", ".tsv", ".txt", ".jsonl", ".json") and "__pycache__" not in f.parts:
                h.update(str(f.relative_to(ROOT)).encode())
                h.update(f.read_bytes())
    def git(*a: str) -> str:
        try:
            return subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True, timeout=20).stdout.rstrip()
        except (OSError, subprocess.SubprocessError):
            return ""
    return {"head": git("rev-parse", "--short", "HEAD"),
            "modified": [ln[3:] for ln in git("status", "--porcelain", "--", "namematch", "gazetteer").splitlines()],
            "sha1_namematch_gazetteer": h.hexdigest()[:12]}


def table(results: list[dict[str, object]]) -> str:
    rows = ["| names | method | queries | q/s | acc@1 | acc@1 unamb. | build s | build peak MB | " + " | ".join(KINDS) + " |",
            "|---:|---|---:|---:|---:|---:|---:|---:|" + "---:|" * len(KINDS)]
    for r in results:
        size = r["size"]
        ib = r.get("index_build", {})
        for label in ("namematch", "namematch_on_rf_subset", "rapidfuzz_WRatio", "rapidfuzz_JaroWinkler"):
            s = r.get(label)
            if not s:
                continue
            cpu_b = f" (CPU {ib['cpu_s']})" if ib.get("cpu_s") is not None else ""
            build = (f"{ib['seconds']}{cpu_b} | {ib['peak_mb']}" if label == "namematch" else "- | -")
            qps = f"{s['queries_per_s']}" + (f" (CPU {s['queries_per_cpu_s']})" if s.get("queries_per_cpu_s") else "")
            kinds = " | ".join(str(s["by_kind"].get(k, "-")) for k in KINDS)
            rows.append(f"| {size:,} | {label} | {s['queries']} | {qps} | {s['accuracy_at_1']} | "
                        f"{s.get('accuracy_at_1_unambiguous', '-')} | {build} | {kinds} |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="comma-separated gazetteer sizes")
    ap.add_argument("--queries", type=int, default=1000, help="queries per size (namematch)")
    ap.add_argument("--rf-queries", type=int, default=None,
                    help="rapidfuzz runs on the first N queries (a balanced subset); default: "
                         "all at <=10k, 300 at 100k, 30 at 1M")
    ap.add_argument("--quick", action="store_true", help="smoke run: 10k names, 200 queries")
    ap.add_argument("--no-rapidfuzz", action="store_true")
    ap.add_argument("--sweep", default="", help="also time namematch with these max_candidates (e.g. 4,8,16)")
    ap.add_argument("--profile", action="store_true", help="cProfile build and queries (no rapidfuzz)")
    ap.add_argument("--out", default=None, help="result file stem in bench/results (default resolve / "
                                                 "resolve_quick / resolve_profile)")
    args = ap.parse_args(argv)
    sizes = [10000] if args.quick else [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    n_q = 200 if args.quick else args.queries
    stem = args.out or ("resolve_quick" if args.quick else "resolve_profile" if args.profile else "resolve")
    pools = load_pools()
    import faker
    import rapidfuzz
    meta = {
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
        "faker": faker.VERSION, "rapidfuzz": rapidfuzz.__version__,
        "name_source": "faker person providers: " + ", ".join(
            f"{loc} ({sum(len(set(v)) for v in (p.given['m'] + p.given['f'],))} given, "
            f"{len(set(p.last['m'] + p.last['f']))} surnames)" for loc, p in pools.items()),
        "correct_if": "top answer is an entity whose name equals the gold entity's name exactly "
                      "(duplicate full names occur; they count as the same answer)",
        "memory": "peak = max resident set during the build minus resident set before it",
        "rapidfuzz_call": "process.extractOne(utils.default_process(q), choices, scorer=..., processor=None) "
                          "with choices preprocessed once by utils.default_process (same result as "
                          "processor=utils.default_process, without re-processing 1M choices per query)",
        "argv": sys.argv[1:],
        "code": code_fingerprint(),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    results: list[dict[str, object]] = []
    for size in sizes:
        rfq = args.rf_queries
        if rfq is None:
            rfq = None if size <= 10000 else 300 if size <= 100000 else 30
        results.append(bench_size(size, n_q, rfq, pools, profile=args.profile, skip_rf=args.no_rapidfuzz,
                                   sweep=[int(k) for k in args.sweep.split(",") if k]))
        (RESULTS / f"{stem}.json").write_text(json.dumps({"meta": meta, "results": results}, indent=1,
                                                        ensure_ascii=False) + "\n")
        md = (f"# bench_resolve ({' '.join(sys.argv[1:]) or 'defaults'})\n\n{table(results)}\n\n"
              f"acc@1: {meta['correct_if']}. Peak memory: {meta['memory']}. rapidfuzz on a subset of "
              f"the queries at sizes above 10k (see `rapidfuzz_subset`; `namematch_on_rf_subset` is "
              f"namematch on the same subset). Times are wall clock; (CPU ...) is this process's CPU "
              f"time, less sensitive to other work on the shared machine (load average at the end of each "
              f"size: {', '.join(str(r.get('loadavg_at_end')) for r in results)}).\n")
        (RESULTS / f"{stem}.md").write_text(md)
    print("\n" + table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
