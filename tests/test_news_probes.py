"""Mentions in 136 short news paragraphs (English, Russian, Kazakh, German) with hand-written gold.

The paragraphs were written as probes of the default gazetteer: other spellings, case endings,
sentence-case institution names, short forms, demonyms, and many names the gazetteer does not hold.
Each gold row is ``[span text, entity id, "n" (name) or "d" (demonym), alternative spans...]``, the spans
located in order of occurrence; a prediction inside a "neutral" span is not scored; a gold name nested in
a correct longer mention is not missed. The bounds guard against regressions; they are not targets.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from namematch import Resolver

DATA = Path(__file__).resolve().parent / "data" / "news_probes.jsonl"


def _locate(doc: dict[str, Any]) -> tuple[list[dict[str, Any]], list[tuple[int, int]]]:
    text, cur, gold = doc["text"], 0, []
    for g in doc["gold"]:
        span, kind = g[0], (g[2] if len(g) > 2 else "n")
        i = text.find(span, cur)
        assert i >= 0, f"{doc['id']}: gold {span!r} not found"
        spans = {(i, i + len(span))}
        for alt in (g[3] if len(g) > 3 else []):
            j = text.find(alt, max(0, i - len(alt)))
            if 0 <= j < i + len(span) and j + len(alt) > i:
                spans.add((j, j + len(alt)))
        gold.append({"id": g[1], "kind": "demonym" if kind == "d" else "name", "spans": spans,
                     "start": i, "end": i + len(span)})
        cur = i + len(span)
    neutral = []
    for s in doc.get("neutral", []):
        i = text.find(s)
        while i >= 0:
            neutral.append((i, i + len(s)))
            i = text.find(s, i + 1)
    return gold, neutral


def _score(resolver: Resolver) -> dict[str, Counter[str]]:
    counts: dict[str, Counter[str]] = {"name": Counter(), "demonym": Counter()}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        gold, neutral = _locate(doc)
        found = resolver.find_mentions(doc["text"], demonyms=True)
        for kind in ("name", "demonym"):
            wanted = [g for g in gold if g["kind"] == kind]
            got = [m for m in found if (m.form == "demonym") == (kind == "demonym")]
            matched: set[int] = set()
            hits = []
            for m in got:
                k = next((k for k, g in enumerate(wanted) if k not in matched and g["id"] == m.entity.id
                          and (m.start, m.end) in g["spans"]), None)
                if k is not None:
                    matched.add(k)
                    hits.append((m.start, m.end))
                elif not any(m.start >= a and m.end <= b for a, b in neutral):
                    counts[kind]["fp"] += 1
            counts[kind]["tp"] += len(matched)
            counts[kind]["fn"] += sum(
                1 for k, g in enumerate(wanted) if k not in matched
                and not any(s <= g["start"] and g["end"] <= e and (s, e) != (g["start"], g["end"]) for s, e in hits))
    return counts


@pytest.fixture(scope="module")
def counts() -> dict[str, Counter[str]]:
    return _score(Resolver())


def test_names(counts: dict[str, Counter[str]]) -> None:
    c = counts["name"]
    precision, recall = c["tp"] / (c["tp"] + c["fp"]), c["tp"] / (c["tp"] + c["fn"])
    assert precision >= 0.96 and recall >= 0.94, (precision, recall, c)


def test_demonyms(counts: dict[str, Counter[str]]) -> None:
    c = counts["demonym"]
    precision, recall = c["tp"] / (c["tp"] + c["fp"]), c["tp"] / (c["tp"] + c["fn"])
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, c)
