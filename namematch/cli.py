"""The ``resolve`` command: a thin layer over :class:`namematch.Resolver` and :func:`namematch.compare`.

Input: names as arguments; else stdin, read as a stream (constant memory), one name per
line, or JSON Lines (``--field KEY``), or CSV/TSV with a header (``--column NAME``). Every
input record gives one output record, in input order: the record's own fields (``query``
for a bare name) plus the resolution. A bad record is reported on stderr as
``<source>:<line>: problem`` and the stream goes on.

Exit status: 0 every record resolved (``--text``: some mention found; ``--compare``: the
names match); 1 some record unresolved or bad, or a gazetteer record skipped (``--text``:
no mention; ``--compare``: no match); 2 usage or data error (bad option, unreadable file,
no usable gazetteer); 130 interrupted; 141 output pipe closed (as if killed by SIGPIPE).
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import os
import sys
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import IO, TYPE_CHECKING, Any, NoReturn

from attrs import frozen

if TYPE_CHECKING:
    from .resolver import Match, Resolver

__all__ = ["EXAMPLES", "main"]

EXAMPLES = """\
examples:
  resolve "Qasym-Zhomart Toqaev"                  best entity for a name
  resolve Tokajew Mutaki Nur-Sultan               several names at once
  resolve --limit 3 --format json Ghani           several candidates, as one JSON array
  resolve --type place --date 2020-01-01 Nur-Sultan
  resolve --compare "Amir Khan Muttaqi" "Amir Jan Mutaki" --explain
  printf 'Toqaev\\nAkmola\\n' | resolve --format tsv
  printf '{"id": 1, "who": "Tokajew"}\\n' | resolve --field who
  printf 'id,who\\n1,Tokajew\\n' | resolve --column who --format csv
  echo "Tokayev met Mutaki in Nur-Sultan." | resolve --text -
  echo "Tokayev met Mutaki in Nur-Sultan." | resolve --text - --canonicalize
  resolve --gazetteer mine.jsonl "Example Person"   your entities merged over the default
  resolve --no-default --gazetteer mine.jsonl "Example Person"   only yours

exit status: 0 all resolved, 1 some unresolved or bad records, 2 usage or data error.
The index is cached in $NAMEMATCH_CACHE_DIR or the user cache directory (--no-cache or
NAMEMATCH_NO_CACHE=1 to turn it off).
"""

FORMATS = ("table", "tsv", "csv", "json", "jsonl")
_MATCH_COLUMNS = ("match_id", "match_name", "match_type", "match_score")
_MENTION_COLUMNS = ("start", "end", "text", "id", "name", "type", "score", "form")
_TABLE_PREVIEW = 50        # rows a table buffers to size its columns
_TABLE_MAX_WIDTH = 40
_PROGRESS_AFTER = 1.0      # seconds before progress shows on a terminal
_PROGRESS_EVERY = 0.25
_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps(..., ensure_ascii=False) builds one per call


class _Usage(Exception):
    """A usage or data error: one stderr line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse writing to the streams given to :func:`main` (so it runs in-process)."""

    def __init__(self, out: IO[str], err: IO[str], **kw: Any) -> None:
        super().__init__(**kw)
        self._out, self._err = out, err

    def _print_message(self, message: str, file: Any = None) -> None:
        if message:
            (self._out if file is None or file is sys.stdout else self._err).write(message)

    def error(self, message: str) -> NoReturn:
        self.print_usage(self._err)
        raise _Usage(message)


def _parser(out: IO[str], err: IO[str]) -> _Parser:
    from gazetteer import EntityType

    p = _Parser(
        out, err,
        prog="resolve",
        description="Resolve spellings of names (any script, any romanisation) to canonical entities.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("names", nargs="*", metavar="NAME", help="names to resolve (default: read stdin)")
    src = p.add_argument_group("input (stdin unless names are given)")
    src.add_argument("--field", metavar="KEY", help="stdin is JSON Lines; resolve each object's KEY")
    src.add_argument("--column", metavar="NAME", help="stdin is CSV (or TSV: a tab in the header) with a "
                                                      "header row; resolve column NAME")
    src.add_argument("--text", metavar="FILE", help="find the mentions in a text file (- for stdin)")
    src.add_argument("--canonicalize", action="store_true", help="with --text: write the text back with "
                                                                 "canonical names")
    src.add_argument("--compare", nargs=2, metavar=("A", "B"), help="score two names against each other")
    p.add_argument("--format", choices=FORMATS, help="output format (default: table on a terminal, "
                                                     "jsonl otherwise)")
    p.add_argument("--limit", type=int, default=1, help="candidates per name (default 1)")
    p.add_argument("--threshold", type=float, help="minimum score (default: the resolver's, 0.70)")
    p.add_argument("--type", action="append", dest="types", choices=[t.value for t in EntityType],
                   help="only entities of this type (repeatable)")
    p.add_argument("--date", help="prefer names in use on this date (YYYY-MM-DD)")
    p.add_argument("--demonyms", action="store_true", help="with --text: report demonyms too")
    p.add_argument("--gazetteer", action="append", default=[], metavar="PATH",
                   help="a .jsonl/.json/.csv gazetteer merged over the default (repeatable)")
    p.add_argument("--no-default", action="store_true", help="do not load the embedded gazetteer")
    p.add_argument("--no-cache", action="store_true", help="build the index without the on-disk cache")
    p.add_argument("--explain", action="store_true", help="add the evidence behind each score")
    p.add_argument("--quiet", action="store_true", help="no per-record problems, warnings or progress on stderr")
    return p


# -- input ------------------------------------------------------------------------------------------------

@frozen
class _Record:
    """One input record: where it is, its own fields, the name to resolve, or what is wrong with it."""

    line: int
    fields: dict[str, Any] | None = None
    name: str = ""
    problem: str | None = None


class _Lines:
    """Decoded lines of a stream, one at a time; ``problems`` holds decoding problems not yet claimed."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.lineno = 0
        self.problems: list[tuple[int, str]] = []

    def __iter__(self) -> Iterator[str]:
        raw = getattr(self.stream, "buffer", None)
        for line in (raw if raw is not None else self.stream):
            self.lineno += 1
            if isinstance(line, bytes):
                try:
                    text = line.decode("utf-8")
                except UnicodeDecodeError as exc:
                    self.problems.append((self.lineno, f"bad UTF-8, expected UTF-8 text, got byte "
                                                       f"{line[exc.start]:#04x} at column {exc.start + 1}"))
                    text = line.decode("utf-8", errors="replace")
            else:
                text = line
            if self.lineno == 1:
                text = text.removeprefix("\ufeff")
            yield text

    def claim(self, first: int) -> str | None:
        """The first decoding problem on lines ``first``.. read so far (and forget them all)."""
        if not self.problems:
            return None
        found = next((msg if ln == first else f"line {ln}: {msg}" for ln, msg in self.problems if ln >= first),
                     None)
        self.problems.clear()
        return found


def _plain(lines: _Lines) -> Iterator[_Record]:
    for text in lines:
        name = text.rstrip("\r\n")
        problem = lines.claim(lines.lineno)
        if problem is None and not name.strip():
            problem = "empty name, expected a name on each line"
        yield _Record(lines.lineno, {"query": name}, name, problem)


def _jsonl(lines: _Lines, key: str) -> Iterator[_Record]:
    for text in lines:
        line = lines.lineno
        problem = lines.claim(line)
        if problem:
            yield _Record(line, problem=problem)
            continue
        stripped = text.strip()
        if not stripped:
            yield _Record(line, problem="empty line, expected a JSON object")
            continue
        try:
            obj = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else "nesting too deep"
            yield _Record(line, problem=f"bad JSON, expected one object per line, got {msg}")
            continue
        if not isinstance(obj, dict):
            yield _Record(line, problem=f"expected a JSON object, got {type(obj).__name__}")
            continue
        if key not in obj:
            yield _Record(line, problem=f"no field {key!r}, expected the name to resolve there")
            continue
        value = obj[key]
        if not isinstance(value, str):
            yield _Record(line, problem=f"field {key!r} must be a string, got {type(value).__name__}")
        elif not value.strip():
            yield _Record(line, problem=f"field {key!r} is empty, expected a name")
        else:
            yield _Record(line, obj, value)


def _csv(lines: _Lines, column: str, columns_out: list[str]) -> Iterator[_Record]:
    """CSV (or TSV) records; ``columns_out`` receives the header once it is read."""
    it = iter(lines)
    try:
        first = next(it)
    except StopIteration:
        return
    delimiter = "\t" if "\t" in first else ","
    header_problem = lines.claim(1)

    def chained() -> Iterator[str]:
        yield first
        yield from it

    # strict: a quote left open (to the end of the input, or closed mid-field) is an error, not a
    # field that silently swallows the records on the lines after it.
    reader = csv.reader(chained(), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise _Usage(f"<stdin>:1: bad CSV header: {exc}") from None
    if header_problem:
        raise _Usage(f"<stdin>:1: {header_problem}")
    if column not in header:
        raise _Usage(f"<stdin>:1: no column {column!r} in the header, expected one of "
                     f"{', '.join(repr(h) for h in header)}")
    columns_out.extend(header)
    at = header.index(column)
    while True:
        start = lines.lineno + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            lines.claim(start)
            end = lines.lineno
            span = f" (in a quoted field over lines {start}-{end})" if end > start else ""
            yield _Record(start, problem=f"bad CSV, got {exc}{span}")
            for ln in range(start + 1, end + 1):  # every line the bad field took is accounted for
                yield _Record(ln, problem=f"not read: inside the bad quoted field that starts on line {start}")
            continue
        problem = lines.claim(start)
        if problem:
            yield _Record(start, problem=problem)
        elif not row:
            yield _Record(start, problem="empty line, expected a CSV record")
        elif len(row) != len(header):
            yield _Record(start, problem=f"expected {len(header)} fields, got {len(row)}")
        elif not row[at].strip():
            yield _Record(start, problem=f"column {column!r} is empty, expected a name")
        else:
            yield _Record(start, dict(zip(header, row)), row[at])


# -- output -----------------------------------------------------------------------------------------------

def _cell(value: Any, table: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}" if table else str(round(value, 4))
    if isinstance(value, (dict, list)):
        return _JSON.encode(value)
    return str(value)


class _Writer:
    """Streams records in one of :data:`FORMATS`; flat formats take their columns from the first record."""

    def __init__(self, fmt: str, out: IO[str], columns: Sequence[str] | None = None) -> None:
        self.fmt, self.out = fmt, out
        self.columns: list[str] | None = list(columns) if columns is not None else None
        self.count = 0
        self._pending: list[tuple[dict[str, Any], str | None]] = []
        self._widths: list[int] | None = None
        self._csv = csv.writer(out, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")

    def write(self, record: dict[str, Any], note: str | None = None) -> None:
        """Write one record; ``note`` (an explanation) goes under a table row."""
        if self.columns is None:
            self.columns = list(record)
        if self.fmt == "jsonl":
            self.out.write(_JSON.encode(record) + "\n")
        elif self.fmt == "json":
            self.out.write(("[\n" if self.count == 0 else ",\n") + _JSON.encode(record))
        elif self.fmt in ("csv", "tsv"):
            if self.count == 0:
                self._csv.writerow(self.columns)
            self._csv.writerow([_cell(record.get(c)) for c in self.columns])
        else:
            self._pending.append((record, note))
            if len(self._pending) >= _TABLE_PREVIEW:
                self._flush_table()
        self.count += 1

    def _flush_table(self) -> None:
        cols = self.columns or []
        if self._widths is None:
            self._widths = [min(_TABLE_MAX_WIDTH, max([len(c)] + [len(_cell(r.get(c), True) or "-")
                                                                  for r, _ in self._pending]))
                            for c in cols]
            self.out.write("  ".join(c.ljust(w) for c, w in zip(cols, self._widths)).rstrip() + "\n")
        for r, note in self._pending:
            cells = [(_cell(r.get(c), True) or "-").ljust(w) for c, w in zip(cols, self._widths)]
            self.out.write("  ".join(cells).rstrip() + "\n")
            if note:
                self.out.write("".join("    " + ln + "\n" for ln in note.splitlines()))
        self._pending.clear()

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.count == 0 else "\n]\n")
        elif self.fmt == "table":
            self._flush_table()
        elif self.fmt in ("csv", "tsv") and self.count == 0 and self.columns:
            self._csv.writerow(self.columns)


def _match_fields(matches: Sequence[Match], limit: int, explain: bool, flat: bool) -> dict[str, Any]:
    """The fields a resolution adds to a record (see the module docstring)."""
    best = matches[0] if matches else None
    if flat:
        out: dict[str, Any] = {
            "match_id": best.entity.id if best else None,
            "match_name": best.entity.name if best else None,
            "match_type": best.entity.type.value if best else None,
            "match_score": round(best.score, 4) if best else None,
        }
        if limit > 1:
            out["candidates"] = "|".join(f"{m.entity.id}:{m.score:.4f}" for m in matches)
        if explain:
            out["explanation"] = "\n\n".join(m.explanation for m in matches)
        return out

    def full(m: Match) -> dict[str, Any]:
        d = m.to_dict()
        if explain:
            d["explanation"] = m.explanation
        return d

    out = {"match": full(best) if best else None}
    if limit > 1:
        out["candidates"] = [full(m) for m in matches]
    return out


# -- progress ---------------------------------------------------------------------------------------------

class _Progress:
    """``records read`` on stderr, for long inputs, only when stderr is a terminal."""

    def __init__(self, err: IO[str], enabled: bool) -> None:
        self.err, self.enabled = err, enabled
        self.start = self.next = time.monotonic() + _PROGRESS_AFTER
        self.start -= _PROGRESS_AFTER
        self.shown = False
        self.count = 0

    def tick(self) -> None:
        self.count += 1
        if self.enabled and self.count % 64 == 0:
            now = time.monotonic()
            if now >= self.next:
                rate = self.count / max(now - self.start, 1e-9)
                self.err.write(f"\rresolve: {self.count:,} records ({rate:,.0f}/s)")
                self.err.flush()
                self.shown = True
                self.next = now + _PROGRESS_EVERY

    def done(self) -> None:
        if self.shown:
            self.err.write("\r\033[K")
            self.err.flush()


# -- the command ------------------------------------------------------------------------------------------

@frozen
class _IO:
    stdin: IO[str]
    out: IO[str]
    err: IO[str]


def _isatty(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _check(args: argparse.Namespace) -> _dt.date | None:
    modes = [m for m, on in (("NAME arguments", args.names), ("--field", args.field), ("--column", args.column),
                             ("--text", args.text), ("--compare", args.compare)) if on]
    if len(modes) > 1:
        raise _Usage(f"{' and '.join(modes)} cannot be combined")
    if args.canonicalize and not args.text:
        raise _Usage("--canonicalize needs --text FILE")
    if args.demonyms and not args.text:
        raise _Usage("--demonyms needs --text FILE")
    if args.limit < 1:
        raise _Usage(f"--limit must be at least 1, got {args.limit}")
    if args.threshold is not None and not 0 <= args.threshold <= 1:
        raise _Usage(f"--threshold must be in [0, 1], got {args.threshold}")
    if not args.date:
        return None
    try:
        return _dt.date.fromisoformat(args.date)
    except ValueError:
        raise _Usage(f"--date must be YYYY-MM-DD, got {args.date!r}") from None


def _resolver(args: argparse.Namespace, err: IO[str]) -> tuple[Resolver, int]:
    """The resolver (from the cache when it can) and the status its gazetteer problems imply."""
    import gc

    from gazetteer import GazetteerError, GazetteerWarning

    from .cache import cached_resolver

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GazetteerWarning)
        try:
            resolver = cached_resolver(args.gazetteer, default=not args.no_default,
                                       cache=False if args.no_cache else None)
        except (GazetteerError, OSError) as exc:
            raise _Usage(str(exc)) from None
    if sys.stdout is sys.__stdout__ and sys.__stdout__ is not None:  # the command itself, not a test harness
        gc.freeze()  # the index lives until exit: keep the collector from rescanning it (faster start)
    problems = resolver.gazetteer.problems
    if not args.quiet:
        for problem in problems:
            err.write(f"resolve: {problem}\n")
    return resolver, 1 if problems else 0


def _compare(args: argparse.Namespace, fmt: str, out: IO[str]) -> int:
    from .similarity import DEFAULT_THRESHOLD, compare

    a, b = args.compare
    c = compare(a, b, threshold=DEFAULT_THRESHOLD if args.threshold is None else args.threshold)
    rec: dict[str, Any] = {"a": c.left, "b": c.right, "score": round(c.score, 4), "match": c.is_match,
                           "grade": c.grade}
    if fmt in ("table",):
        out.write(c.explain() + "\n" if args.explain
                  else f"{c.score:.3f}\t{'match' if c.is_match else 'no match'}\t{c.grade}\n")
    else:
        if args.explain:
            rec["evidence"] = [str(e) for e in c.evidence]
        w = _Writer(fmt, out)
        w.write(rec)
        w.close()
    return 0 if c.is_match else 1


def _read_text(path: str, stdin: IO[str], err: IO[str], quiet: bool) -> tuple[str, int]:
    """The whole text (a document: mentions use its context), and 1 if bytes had to be replaced."""
    source = "<stdin>" if path == "-" else path
    if path == "-":
        raw = getattr(stdin, "buffer", None)
        data: bytes | str = raw.read() if raw is not None else stdin.read()
    else:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as exc:
            raise _Usage(f"cannot read {path}: {exc.strerror or exc}") from None
    if isinstance(data, str):
        return data, 0
    try:
        return data.decode("utf-8-sig"), 0
    except UnicodeDecodeError as exc:
        if not quiet:
            line = data.count(b"\n", 0, exc.start) + 1
            err.write(f"resolve: {source}:{line}: bad UTF-8, expected UTF-8 text, got byte "
                      f"{data[exc.start]:#04x}; undecodable bytes were replaced with U+FFFD\n")
        return data.decode("utf-8-sig", errors="replace"), 1


def _text(args: argparse.Namespace, resolver: Resolver, io: _IO) -> int:
    date, fmt, stdin, out, err = args.when, args.fmt, io.stdin, io.out, io.err
    if not hasattr(resolver, "find_mentions"):
        raise _Usage("--text needs Resolver.find_mentions, which this version of namematch lacks")
    text, status = _read_text(args.text, stdin, err, args.quiet)
    options: dict[str, Any] = {"date": date, "demonyms": args.demonyms}
    if args.threshold is not None:
        options["threshold"] = args.threshold
    mentions = resolver.find_mentions(text, **options)
    if args.types:
        mentions = [m for m in mentions if m.entity.type.value in args.types]
    if args.threshold is not None:
        mentions = [m for m in mentions if m.score >= args.threshold]
    if args.canonicalize:
        from .mentions import canonicalize

        out.write(canonicalize(text, mentions))
    else:
        w = _Writer(fmt, out, None if fmt in ("json", "jsonl") else _MENTION_COLUMNS)
        for m in mentions:
            w.write(m.to_dict())
        w.close()
    return max(status, 0 if mentions else 1)


def _stream(args: argparse.Namespace, resolver: Resolver, io: _IO, status: int) -> int:
    date, fmt, stdin, out, err = args.when, args.fmt, io.stdin, io.out, io.err
    lines = _Lines(stdin)
    header: list[str] = []
    records: Iterable[_Record]
    if args.names:
        records = (_Record(i, {"query": n}, n, None if n.strip() else "empty name")
                   for i, n in enumerate(args.names, 1))
        source = "<args>"
    elif args.field is not None:
        records, source = _jsonl(lines, args.field), "<stdin>"
    elif args.column is not None:
        records, source = _csv(lines, args.column, header), "<stdin>"
    else:
        records, source = _plain(lines), "<stdin>"

    flat = fmt in ("csv", "tsv", "table")
    explain = args.explain and fmt != "table"  # a table prints explanations under the row instead

    @lru_cache(maxsize=1 << 14)  # names repeat in real data; bounded, so memory stays constant
    def lookup(name: str) -> tuple[dict[str, Any], str | None]:
        """The fields the resolution adds, and the explanation a table prints under the row."""
        matches = resolver.resolve(name, limit=args.limit, types=args.types, date=date, threshold=args.threshold)
        note = "\n\n".join(m.explanation for m in matches) if args.explain and fmt == "table" else None
        return _match_fields(matches, args.limit, explain, flat), note

    writer: _Writer | None = None
    progress = _Progress(err, enabled=not args.names and not args.quiet and _isatty(err))
    bad = unresolved = 0
    try:
        for rec in records:
            progress.tick()
            if rec.problem is not None or rec.fields is None:
                bad += 1
                if not args.quiet:
                    err.write(f"resolve: {source}:{rec.line}: {rec.problem}\n")
                continue
            if writer is None:
                base = header if header else list(rec.fields)
                writer = _Writer(fmt, out, [*base, *_match_fields([], args.limit, explain, flat)]
                                 if flat else None)
            fields, note = lookup(rec.name)
            if fields.get("match_id" if flat else "match") is None:
                unresolved += 1
            writer.write({**rec.fields, **fields}, note)
    finally:
        progress.done()
    if writer is None:
        writer = _Writer(fmt, out, [*header, *_MATCH_COLUMNS] if flat and header else None)
    writer.close()
    if bad and not args.quiet and not args.names:
        err.write(f"resolve: {bad:,} of {progress.count:,} records were bad (reported above)\n")
    return max(status, 1 if bad or unresolved else 0)


def _run(argv: Sequence[str] | None, stdin: IO[str], out: IO[str], err: IO[str]) -> int:
    parser = _parser(out, err)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    args.when = _check(args)
    args.fmt = args.format or ("table" if _isatty(out) else "jsonl")
    if args.compare:
        return _compare(args, args.fmt, out)
    resolver, status = _resolver(args, err)
    io = _IO(stdin, out, err)
    if args.text:
        return max(status, _text(args, resolver, io))
    return _stream(args, resolver, io, status)


def main(argv: Sequence[str] | None = None, *, stdin: IO[str] | None = None,
         stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    """Run the command; returns the exit status (see the module docstring)."""
    stdin = stdin or sys.stdin
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        status = _run(argv, stdin, out, err)
        out.flush()
        return status
    except _Usage as exc:
        err.write(f"resolve: {exc}\n")
        return 2
    except KeyboardInterrupt:
        err.write("\nresolve: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (`resolve ... | head`): stop quietly, as a SIGPIPE would.
        if out is sys.__stdout__ and out is not None:
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, out.fileno())
            except (OSError, ValueError):
                pass
        return 141
    except OSError as exc:  # stdin is a directory, the disk is full, ...
        err.write(f"resolve: {exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}\n")
        return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
