"""Evaluate a resolver on your own labelled queries and choose a threshold.

Input: pairs ``(query, gold id)``, the gold id empty (or ``None``) when the
query should match nothing (NIL). :func:`evaluate` scores every query once and
sweeps the threshold, reporting for each: accuracy (the top answer is the gold
id, or nothing for a NIL query), precision / recall / F1 of the answers given,
and the NIL false-positive rate (NIL queries that got an answer).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from attrs import frozen

from .resolver import Resolver

__all__ = ["SweepPoint", "evaluate", "read_labelled"]


@frozen
class SweepPoint:
    """Metrics at one threshold."""

    threshold: float
    accuracy: float
    precision: float
    recall: float
    f1: float
    nil_false_positive_rate: float
    queries: int


def read_labelled(path: str | Path) -> list[tuple[str, str | None]]:
    """Read ``query<TAB>gold`` (``.tsv``) or ``query,gold`` (``.csv``) rows; a header row is skipped."""
    p = Path(path)
    delim = "," if p.suffix.lower() == ".csv" else "\t"
    rows: list[tuple[str, str | None]] = []
    with p.open(encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.reader(f, delimiter=delim), 1):
            if not row or (i == 1 and row[0].strip().lower() == "query"):
                continue
            rows.append((row[0], (row[1].strip() or None) if len(row) > 1 else None))
    return rows


def evaluate(
    resolver: Resolver,
    labelled: Iterable[tuple[str, str | None]],
    thresholds: Sequence[float] = tuple(round(0.5 + 0.025 * i, 3) for i in range(19)),
) -> list[SweepPoint]:
    """Metrics of ``resolver`` on ``labelled`` queries at each threshold (lowest first)."""
    if not thresholds:
        raise ValueError("thresholds must not be empty")
    lowest = min(thresholds)
    scored: list[tuple[str | None, str | None, float]] = []   # gold, predicted, score
    for query, gold in labelled:
        top = resolver.resolve(query, limit=1, threshold=lowest)
        scored.append((gold or None, top[0].entity.id if top else None, top[0].score if top else 0.0))
    points = []
    for t in sorted(thresholds):
        correct = answered = right_answers = with_gold = nil = nil_fp = 0
        for gold, pred, score in scored:
            answer = pred if pred is not None and score >= t else None
            correct += answer == gold
            answered += answer is not None
            right_answers += answer is not None and answer == gold
            with_gold += gold is not None
            nil += gold is None
            nil_fp += gold is None and answer is not None
        n = len(scored) or 1
        precision = right_answers / answered if answered else 1.0
        recall = right_answers / with_gold if with_gold else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        points.append(SweepPoint(t, correct / n, precision, recall, f1, nil_fp / nil if nil else 0.0, len(scored)))
    return points
