"""find_mentions against pyahocorasick on a generated news-like corpus with gold offsets.

    python bench/bench_mentions.py                       # 1k, 10k, 100k entities; ~10 MB corpus
    python bench/bench_mentions.py --sizes 1000 --mb 1   # smoke run

Gazetteer: the embedded default entities plus the size less 300 generated people (faker's name lists, as in
bench_resolve.py); a fixed allowance, so the corpus does not change when the default gazetteer grows. Corpus: documents of a few sentences of news-like filler (days,
agencies, sentence-initial capitals), each mentioning a few entities drawn with Zipf-distributed
popularity (news names the same people again and again). An entity's first mention in a document is
its full name, written exactly as in the gazetteer or as a variant: a romanisation-habit swap
("translit"), a romanisation of a Cyrillic/Arabic-script name ("script") or a one-letter typo
("typo"). Later mentions are the surname alone ("partial") or the full name again. Gold offsets are
recorded while writing. Each person has a fixed set of up to three variant spellings (drawn once),
as each outlet keeps its own romanisation; a mention uses the exact name or one of them.

Both methods read the same documents one by one in the same process. pyahocorasick gets every name
of the gazetteer (as written, plus a lowercase automaton is not used: news capitalises names) and
keeps the longest non-overlapping matches on word boundaries (``iter_long``). A mention counts when
span and entity agree. Entities with the same full name are interchangeable: the same letters, up to
Unicode form, case and the letter variants the transliteration tables fold before any scheme
(``_arab-norm``: Arabic ي and Persian ی, ك and ک, hamza seats, harakat; ``_cyrl-norm``: stress
marks), since no reader can tell "مهدي محمدی" from "مهدی محمدی" in print. So find_mentions runs with
``ambiguous=True`` and the first candidate of an ambiguous full name counts; an ambiguous lone
surname is not an answer. Throughput is MB of
text per second of the whole pass; ours is reported on the first (cold caches) and second pass.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_resolve import (  # noqa: E402  (bench-local helpers)
    Person,
    code_fingerprint,
    load_pools,
    make_people,
    same_name_key,
    script,
    translit,
    typo,
)

from gazetteer import Gazetteer  # noqa: E402
from namematch import Resolver  # noqa: E402

RESULTS = HERE / "results"

FILLER = [
    "The talks were held on {day} in the capital.",
    "Officials said the agreement would be signed in {month}.",
    "According to {agency}, the delegation arrived late on {day}.",
    "He told reporters that trade had grown by {n} percent last year.",
    "The statement did not give further details.",
    "In a separate development, prices rose sharply in {month}.",
    "Analysts in {agency} expect the decision before the end of the year.",
    "It was not immediately clear how the plan would be financed.",
    "Earlier on {day}, the ministry published a short note.",
    "Observers described the meeting as constructive.",
]
MENTION = [
    "{m} met the delegation on {day}.",
    "{m} said the talks were useful.",
    "According to {m}, the project will start in {month}.",
    "The visit of {m} was announced by {agency}.",
    "Speaking on {day}, {m} called for calm.",
    "A statement from {m} was read out in {month}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "March", "April", "June", "September", "October", "November"]
AGENCIES = ["Reuters", "the Associated Press", "Interfax", "local media", "state television"]


# Generated people: the size less this allowance for the embedded default, a constant so that the corpus (drawn
# from the generated people) stays the same when the default gazetteer grows.
DEFAULT_ALLOWANCE = 300


def build_gazetteer(size: int, people: Sequence[Person]) -> tuple[Gazetteer, dict[str, Person]]:
    default = Gazetteer.default()
    extra = max(0, size - DEFAULT_ALLOWANCE)
    records = [{"id": p.id, "type": "person", "name": p.name} for p in people[:extra]]
    return default.merge(Gazetteer.from_records(records)), {p.id: p for p in people[:extra]}


_SPELLINGS: dict[str, list[tuple[str, str]]] = {}


def variant(p: Person, rng: random.Random, pools: dict[str, object]) -> tuple[str, str]:
    """A spelling of ``p``'s full name and its kind, from the few that the press uses for ``p``.

    Each person gets, once, up to three spellings besides the exact one (as real outlets each keep
    their own romanisation of a name, so the same variants recur across a corpus)."""
    if p.id not in _SPELLINGS:
        own = random.Random(f"{p.id}-spellings")
        _SPELLINGS[p.id] = [_one_variant(p, own, pools) for _ in range(3)]
    return rng.choice([(p.name, "exact"), *_SPELLINGS[p.id]])


def _one_variant(p: Person, rng: random.Random, pools: dict[str, object]) -> tuple[str, str]:
    pool = pools[p.locale]
    kinds = ["translit", "translit", "script", "typo"]
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "exact":
            return p.name, "exact"
        fn = {"translit": translit, "script": script, "typo": typo}[kind]
        text = fn(p, pool, rng)  # type: ignore[arg-type]
        if text and text != p.name:
            # News capitalises a romanised name ("Bahja Lian", not "bhjh lyn").
            return " ".join(w[:1].upper() + w[1:] for w in text.split()), kind
    return p.name, "exact"


def make_corpus(people: dict[str, Person], default: Gazetteer, mb: float, pools: dict[str, object],
                seed: int = 2) -> tuple[list[str], list[list[tuple[int, int, str, str]]]]:
    """Documents and their gold mentions ``(start, end, entity id, kind)``."""
    rng = random.Random(seed)
    ids = sorted(people)
    rng.shuffle(ids)
    weights = [1.0 / (r + 1) ** 1.05 for r in range(len(ids))]
    cum = []
    acc = 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    docs: list[str] = []
    gold: list[list[tuple[int, int, str, str]]] = []
    size = 0
    target = int(mb * 1_000_000)
    import bisect
    while size < target:
        cast = {ids[min(len(ids) - 1, bisect.bisect_left(cum, rng.random() * acc))] for _ in range(rng.randint(2, 5))}
        text = ""
        spans: list[tuple[int, int, str, str]] = []
        seen: set[str] = set()
        for _ in range(rng.randint(6, 12)):
            fill = {"day": rng.choice(DAYS), "month": rng.choice(MONTHS), "agency": rng.choice(AGENCIES),
                    "n": str(rng.randint(2, 40))}
            if rng.random() < 0.5 and cast:
                pid = rng.choice(sorted(cast))
                p = people[pid]
                if pid in seen and rng.random() < 0.6:
                    m, kind = p.last, "partial"
                else:
                    m, kind = variant(p, rng, pools)
                seen.add(pid)
                tpl = rng.choice(MENTION)
                before, after = tpl.split("{m}")
                pre = before.format(**fill)
                start = len(text) + (1 if text else 0) + len(pre)
                text += (" " if text else "") + pre + m + after.format(**fill)
                spans.append((start, start + len(m), pid, kind))
            else:
                text += (" " if text else "") + rng.choice(FILLER).format(**fill)
        docs.append(text)
        gold.append(spans)
        size += len(text.encode("utf-8")) + 1
    return docs, gold


def run_ours(resolver: Resolver, docs: Sequence[str]) -> tuple[float, list[list[tuple[int, int, str]]]]:
    t = time.perf_counter()
    out = [[(m.start, m.end, m.entity.id) for m in resolver.find_mentions(d, ambiguous=True)
            if not (m.ambiguous and m.form == "partial")] for d in docs]
    return time.perf_counter() - t, out


def build_aho(gaz: Gazetteer) -> object:
    import ahocorasick
    a = ahocorasick.Automaton()
    for e in gaz:
        for n in e.names:
            if n.text not in a:
                a.add_word(n.text, (len(n.text), e.id))
    a.make_automaton()
    return a


def run_aho(auto: object, docs: Sequence[str]) -> tuple[float, list[list[tuple[int, int, str]]]]:
    t = time.perf_counter()
    out = []
    for d in docs:
        found = []
        for end, (length, eid) in auto.iter_long(d):  # type: ignore[attr-defined]
            start = end - length + 1
            if (start == 0 or not d[start - 1].isalnum()) and (end + 1 == len(d) or not d[end + 1].isalnum()):
                found.append((start, end + 1, eid))
        out.append(found)
    return time.perf_counter() - t, out


def score(found: Sequence[Sequence[tuple[int, int, str]]], gold: Sequence[Sequence[tuple[int, int, str, str]]],
          name_of: dict[str, str]) -> dict[str, object]:
    tp = fp = 0
    hit: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for f, g in zip(found, gold):
        want = {(s, e): (i, k) for s, e, i, k in g}
        for _, _, _, k in g:
            total[k] += 1
        for s, e, i in f:
            gk = want.get((s, e))
            if gk is not None and name_of.get(gk[0], gk[0]) == name_of.get(i, i):
                tp += 1
                hit[gk[1]] += 1
            else:
                fp += 1
    variants = sum(hit[k] for k in ("translit", "script", "typo"))
    variant_total = sum(total[k] for k in ("translit", "script", "typo"))
    return {
        "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
        "recall_exact": round(hit["exact"] / total["exact"], 4) if total["exact"] else None,
        "recall_variant": round(variants / variant_total, 4) if variant_total else None,
        **{f"recall_{k}": round(hit[k] / total[k], 4) for k in ("translit", "script", "typo", "partial") if total[k]},
        "gold": dict(total),
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size in MB")
    ap.add_argument("--out", default="mentions")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    pools = load_pools()
    people = make_people(max(sizes), pools)
    results = []
    for size in sizes:
        gaz, extra = build_gazetteer(size, people)
        name_of = {e.id: same_name_key(e.name) for e in gaz}
        docs, gold = make_corpus(extra, gaz, args.mb, pools)  # type: ignore[arg-type]
        mb = sum(len(d.encode("utf-8")) + 1 for d in docs) / 1e6
        t = time.perf_counter()
        resolver = Resolver(gaz)
        t_index = time.perf_counter() - t
        t = time.perf_counter()
        resolver.find_mentions("warm up")
        t_finder = time.perf_counter() - t
        t = time.perf_counter()
        auto = build_aho(gaz)
        t_aho = time.perf_counter() - t
        aho_s, aho_found = run_aho(auto, docs)
        cold_s, ours_found = run_ours(resolver, docs)
        aho_s2, _ = run_aho(auto, docs)
        warm_s, _ = run_ours(resolver, docs)
        row = {
            "entities": len(gaz), "corpus_mb": round(mb, 2), "documents": len(docs),
            "namematch": {"mb_per_s_cold": round(mb / cold_s, 3), "mb_per_s_warm": round(mb / warm_s, 3),
                          "index_build_s": round(t_index, 1), "finder_build_s": round(t_finder, 1),
                          **score(ours_found, gold, name_of)},
            "pyahocorasick": {"mb_per_s": round(mb / min(aho_s, aho_s2), 3), "build_s": round(t_aho, 1),
                              **score(aho_found, gold, name_of)},
        }
        row["ratio_cold"] = round(row["namematch"]["mb_per_s_cold"] / row["pyahocorasick"]["mb_per_s"], 3)
        row["ratio_warm"] = round(row["namematch"]["mb_per_s_warm"] / row["pyahocorasick"]["mb_per_s"], 3)
        print(json.dumps(row), flush=True)
        results.append(row)
    meta = {"code": code_fingerprint(), "loadavg": os.getloadavg(), "argv": sys.argv[1:],
            "python": sys.version.split()[0]}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.out}.json").write_text(json.dumps({"meta": meta, "results": results}, indent=1))
    lines = ["| entities | MB | method | MB/s | ratio | precision | recall exact | recall variant | translit | "
             "script | typo | partial |", "|" + "---|" * 12]
    for r in results:
        for name in ("namematch", "pyahocorasick"):
            m = r[name]
            speed = (f"{m['mb_per_s_cold']} cold / {m['mb_per_s_warm']} warm" if name == "namematch"
                     else str(m["mb_per_s"]))
            ratio = f"{r['ratio_cold']} / {r['ratio_warm']}" if name == "namematch" else "1"
            lines.append(f"| {r['entities']} | {r['corpus_mb']} | {name} | {speed} | {ratio} | {m['precision']} | "
                         f"{m['recall_exact']} | {m['recall_variant']} | {m.get('recall_translit')} | "
                         f"{m.get('recall_script')} | {m.get('recall_typo')} | {m.get('recall_partial')} |")
    (RESULTS / f"{args.out}.md").write_text("\n".join(lines) + f"\n\nload average {meta['loadavg']}\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
