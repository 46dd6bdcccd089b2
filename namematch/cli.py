"""The ``resolve`` command: a thin layer over :class:`namematch.Resolver` and :func:`namematch.compare`.

Exit status: 0 every name resolved; 1 some name unresolved or some input line
bad (each reported on stderr as ``<source>:<line>: problem``); 2 usage or data
error (bad option, unreadable gazetteer).
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import sys
import warnings
from collections.abc import Iterator, Sequence
from typing import IO, Any

from gazetteer import DataFileError, EntityType, Gazetteer, GazetteerError, GazetteerWarning

__all__ = ["main"]

EXAMPLES = """\
examples:
  resolve "Qasym-Zhomart Toqaev"              best entity for a name
  resolve Tokajew Mutaki "Nur-Sultan"         several names at once
  resolve --limit 3 --format json Ghani       every candidate, as JSON
  resolve --type place --date 2020-01-01 Nur-Sultan
  resolve --compare "Amir Khan Muttaqi" "Amir Jan Mutaki" --explain
  printf 'Toqaev\\nAkmola\\n' | resolve --format tsv     one name per line on stdin
  resolve --gazetteer mine.jsonl "My Entity"  your entities merged over the default
"""

_COLUMNS = ("query", "id", "name", "type", "score")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="resolve",
        description="Resolve spellings of names (any script, any romanisation) to canonical entities.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("names", nargs="*", metavar="NAME", help="names to resolve (default: read stdin, one per line)")
    p.add_argument("--compare", nargs=2, metavar=("A", "B"), help="score two names against each other")
    p.add_argument("--format", choices=("table", "tsv", "csv", "json", "jsonl"), help="output format "
                   "(default: table on a terminal, jsonl otherwise)")
    p.add_argument("--limit", type=int, default=1, help="candidates per name (default 1)")
    p.add_argument("--threshold", type=float, help="minimum score (default: the resolver's, 0.70)")
    p.add_argument("--type", action="append", dest="types", choices=[t.value for t in EntityType],
                   help="only entities of this type (repeatable)")
    p.add_argument("--date", help="prefer names in use on this date (YYYY-MM-DD)")
    p.add_argument("--gazetteer", action="append", default=[], metavar="PATH",
                   help="a .jsonl/.json/.csv gazetteer merged over the default (repeatable)")
    p.add_argument("--no-default", action="store_true", help="do not load the embedded gazetteer")
    p.add_argument("--explain", action="store_true", help="print the evidence behind each score")
    p.add_argument("--quiet", action="store_true", help="no warnings on stderr")
    return p


def _load(args: argparse.Namespace, err: IO[str]) -> Gazetteer:
    parts = [] if args.no_default else [Gazetteer.default()]
    for path in args.gazetteer:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", GazetteerWarning)
            g = Gazetteer.load(path)
        if not args.quiet:
            for problem in g.problems:
                print(f"resolve: {problem}", file=err)
        parts.append(g)
    if not parts:
        raise GazetteerError("no gazetteer: --no-default needs at least one --gazetteer PATH")
    return parts[0].merge(*parts[1:])


def _queries(args: argparse.Namespace, stdin: IO[str]) -> Iterator[tuple[str, int, str]]:
    if args.names:
        for i, n in enumerate(args.names, 1):
            yield "<args>", i, n
        return
    for i, line in enumerate(stdin, 1):
        text = line.rstrip("\r\n")
        yield "<stdin>", i, text


def _emit(rows: list[dict[str, Any]], fmt: str, out: IO[str], header: bool) -> None:
    if fmt in ("json", "jsonl"):
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt in ("tsv", "csv"):
        w = csv.writer(out, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
        if header:
            w.writerow(_COLUMNS)
        for r in rows:
            w.writerow(["" if r.get(c) is None else r.get(c) for c in _COLUMNS])
    else:
        for r in rows:
            if r.get("id") is None:
                out.write(f"{r['query']}\t-> (no match)\n")
            else:
                out.write(f"{r['query']}\t-> {r['id']}\t{r['name']}\t{r['type']}\t{r['score']:.3f}\n")


def main(argv: Sequence[str] | None = None, *, stdin: IO[str] | None = None,
         stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run the command; returns the exit status (0 all resolved, 1 some not, 2 error)."""
    stdin = stdin or sys.stdin
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.limit < 1:
        print("resolve: --limit must be at least 1", file=err)
        return 2
    if args.threshold is not None and not 0 <= args.threshold <= 1:
        print(f"resolve: --threshold must be in [0, 1], got {args.threshold}", file=err)
        return 2
    date = None
    if args.date:
        try:
            date = _dt.date.fromisoformat(args.date)
        except ValueError:
            print(f"resolve: --date must be YYYY-MM-DD, got {args.date!r}", file=err)
            return 2
    fmt = args.format or ("table" if out.isatty() else "jsonl")

    from .resolver import Resolver
    from .similarity import DEFAULT_THRESHOLD, compare

    if args.compare:
        c = compare(args.compare[0], args.compare[1], threshold=args.threshold or DEFAULT_THRESHOLD)
        if fmt in ("json", "jsonl"):
            rec = {"a": c.left, "b": c.right, "score": round(c.score, 4), "match": c.is_match, "grade": c.grade}
            if args.explain:
                rec["evidence"] = [str(e) for e in c.evidence]
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            out.write((c.explain() if args.explain else f"{c.score:.3f}\t{'match' if c.is_match else 'no match'}")
                      + "\n")
        return 0 if c.is_match else 1
    try:
        resolver = Resolver(_load(args, err))
    except (DataFileError, GazetteerError, OSError) as exc:
        print(f"resolve: {exc}", file=err)
        return 2
    status = 0
    first = True
    for source, line, query in _queries(args, stdin):
        if not query.strip():
            if not args.quiet:
                print(f"resolve: {source}:{line}: empty name", file=err)
            status = 1
            continue
        matches = resolver.resolve(query, limit=args.limit, types=args.types, date=date,
                                   threshold=args.threshold)
        rows: list[dict[str, Any]] = []
        for m in matches:
            row: dict[str, Any] = {"query": query, **m.to_dict()}
            if args.explain:
                row["explanation"] = m.explanation
            rows.append(row)
        if not matches:
            status = 1
            rows.append({"query": query, "id": None, "name": None, "type": None, "score": None})
        _emit(rows, fmt, out, header=first)
        if args.explain and fmt == "table":
            for m in matches:
                out.write(m.explanation + "\n")
        first = False
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
