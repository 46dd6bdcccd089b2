"""Score found mentions against a gold file, by entity type and by form.

The gold format is the one of ``seeds/gold.jsonl``: one JSON object per mention
with ``doc``, ``start``, ``end``, ``text``, ``entity``, ``type``, ``kind``
(``name`` or ``demonym``) and ``form``, optionally ``boilerplate`` and
``nested``. A found mention counts when its document, span and entity id all
equal a gold row's. Names and demonyms are scored separately. Rows marked
boilerplate or nested are left out by default, and so is anything found that
overlaps one of them (neither right nor wrong).

Run it on your own annotated texts::

    python -m namematch.scoring gold.jsonl --texts DIR [--demonyms] [--gazetteer FILE] [--errors]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from attrs import field, frozen

from .errors import NamematchError
from .mentions import Mention

__all__ = ["Counts", "GoldFileError", "GoldMention", "MentionReport", "evaluate_mentions", "read_gold",
           "score_mentions"]


class GoldFileError(NamematchError, ValueError):
    """A gold file that cannot be read: ``path:line: problem``."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path, self.line, self.problem = path, line, problem


@frozen
class GoldMention:
    """One annotated mention."""

    doc: str
    start: int
    end: int
    text: str
    entity: str
    type: str
    kind: str = "name"
    form: str = "full"
    boilerplate: bool = False
    nested: bool = False


@frozen
class Counts:
    """True positives, false positives and false negatives, with the usual ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@frozen
class MentionReport:
    """Scores of found mentions: names overall, by type and by form; demonyms apart."""

    names: Counts
    by_type: Mapping[str, Counts] = field(factory=dict)
    by_form: Mapping[str, Counts] = field(factory=dict)
    demonyms: Counts | None = None
    errors: tuple[str, ...] = ()

    def format(self) -> str:
        """A plain-text table."""
        def row(label: str, c: Counts) -> str:
            return (f"{label:<22} {c.precision:9.3f} {c.recall:7.3f} {c.f1:7.3f} "
                    f"{c.tp:5d} {c.fp:5d} {c.fn:5d}")

        lines = [f"{'':<22} {'precision':>9} {'recall':>7} {'f1':>7} {'tp':>5} {'fp':>5} {'fn':>5}",
                 row("names", self.names)]
        lines += [row(f"  type {t}", c) for t, c in sorted(self.by_type.items())]
        lines += [row(f"  form {f}", c) for f, c in sorted(self.by_form.items())]
        if self.demonyms is not None:
            lines.append(row("demonyms", self.demonyms))
        return "\n".join(lines)


def read_gold(path: str | Path) -> list[GoldMention]:
    """Gold mentions from a JSONL file; a bad line raises :class:`GoldFileError` naming it."""
    out = []
    p = str(path)
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                out.append(GoldMention(
                    doc=str(raw["doc"]), start=int(raw["start"]), end=int(raw["end"]), text=str(raw["text"]),
                    entity=str(raw["entity"]), type=str(raw.get("type", "")), kind=str(raw.get("kind", "name")),
                    form=str(raw.get("form", "full")), boilerplate=bool(raw.get("boilerplate", False)),
                    nested=bool(raw.get("nested", False))))
            except json.JSONDecodeError as exc:
                raise GoldFileError(p, lineno, f"not JSON: {exc.msg}") from None
            except KeyError as exc:
                raise GoldFileError(p, lineno, f"missing field {exc.args[0]!r}") from None
            except (TypeError, ValueError) as exc:
                raise GoldFileError(p, lineno, f"bad value: {exc}") from None
    return out


def score_mentions(
    gold: Iterable[GoldMention],
    found: Mapping[str, Sequence[Mention]],
    *,
    demonyms: bool = False,
    boilerplate: bool = False,
    nested: bool = False,
) -> MentionReport:
    """Compare ``found`` (document -> mentions) with ``gold``."""
    scored: list[GoldMention] = []
    ignored: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for g in gold:
        if (g.boilerplate and not boilerplate) or (g.nested and not nested):
            ignored[g.doc].append((g.start, g.end))
        else:
            scored.append(g)
    gold_keys = {(g.doc, g.start, g.end, g.entity): g for g in scored}
    seen: set[tuple[str, int, int, str]] = set()
    by_type: dict[str, Counts] = defaultdict(Counts)
    by_form: dict[str, Counts] = defaultdict(Counts)
    names, dems = Counts(), Counts()
    errors: list[str] = []
    for doc, mentions in found.items():
        for m in mentions:
            key = (doc, m.start, m.end, m.entity.id)
            g = gold_keys.get(key)
            if g is None and any(m.start < e and s < m.end for s, e in ignored.get(doc, ())):
                continue
            is_dem = m.form == "demonym"
            if is_dem and not demonyms:
                continue
            if g is not None and (g.kind == "demonym") == is_dem:
                seen.add(key)
                one = Counts(tp=1)
                t, f = g.type, g.form
            else:
                one = Counts(fp=1)
                t, f = m.entity.type.value, m.form
                errors.append(f"FP {doc}:{m.start}-{m.end} {m.text!r} -> {m.entity.id} ({m.form}, {m.score:.3f})")
            if is_dem:
                dems += one
            else:
                names += one
                by_type[t] += one
                by_form[f] += one
    for key, g in gold_keys.items():
        if key in seen or (g.kind == "demonym" and not demonyms):
            continue
        one = Counts(fn=1)
        errors.append(f"FN {g.doc}:{g.start}-{g.end} {g.text!r} -> {g.entity} ({g.kind}, {g.form})")
        if g.kind == "demonym":
            dems += one
        else:
            names += one
            by_type[g.type] += one
            by_form[g.form] += one
    return MentionReport(names, dict(by_type), dict(by_form), dems if demonyms else None, tuple(sorted(errors)))


def evaluate_mentions(
    resolver: object,
    gold_path: str | Path,
    texts: str | Path | None = None,
    *,
    demonyms: bool = False,
    boilerplate: bool = False,
    nested: bool = False,
) -> MentionReport:
    """Run ``resolver.find_mentions`` on every document of a gold file and score it.

    Documents are read from ``texts`` (a folder; default: the gold file's folder).
    """
    gold = read_gold(gold_path)
    folder = Path(texts) if texts is not None else Path(gold_path).parent
    found: dict[str, list[Mention]] = {}
    for doc in sorted({g.doc for g in gold}):
        text = (folder / doc).read_text(encoding="utf-8")
        found[doc] = resolver.find_mentions(text, demonyms=demonyms)  # type: ignore[attr-defined]
    return score_mentions(gold, found, demonyms=demonyms, boilerplate=boilerplate, nested=nested)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m namematch.scoring``: print the scores of the resolver on a gold file."""
    from gazetteer import Gazetteer, GazetteerError

    from .resolver import Resolver

    ap = argparse.ArgumentParser(prog="python -m namematch.scoring", description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", help="gold mentions, JSONL (the seeds/gold.jsonl format)")
    ap.add_argument("--texts", help="folder holding the documents (default: the gold file's folder)")
    ap.add_argument("--demonyms", action="store_true", help="also find and score demonyms")
    ap.add_argument("--boilerplate", action="store_true", help="score rows marked boilerplate too")
    ap.add_argument("--nested", action="store_true", help="score rows marked nested too")
    ap.add_argument("--gazetteer", action="append", default=[], help="extra gazetteer file (repeatable)")
    ap.add_argument("--errors", action="store_true", help="list every false positive and negative")
    args = ap.parse_args(argv)
    try:
        gaz = Gazetteer.default()
        for path in args.gazetteer:
            gaz = gaz.merge(Gazetteer.load(path))
        report = evaluate_mentions(Resolver(gaz), args.gold, args.texts, demonyms=args.demonyms,
                                   boilerplate=args.boilerplate, nested=args.nested)
    except (OSError, GoldFileError, GazetteerError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        print(report.format())
        if args.errors:
            print("\n".join(report.errors))
        sys.stdout.flush()
    except BrokenPipeError:          # piped into head: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
