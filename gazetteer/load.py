"""Reading gazetteer files: JSON Lines, JSON and CSV.

Each reader yields ``(line, record)`` pairs and reports every problem as a
:class:`~gazetteer.errors.Problem` (``path:line: what, expected, got``). Bad
records are skipped and reported; good ones are always kept. Nothing here
executes or unpickles data.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .errors import DataFileError, Problem

__all__ = ["FORMATS", "read_records"]

Reader = Callable[[str, str], Iterator["tuple[int, Any] | Problem"]]
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _jsonl(text: str, path: str) -> Iterator[tuple[int, Any] | Problem]:
    # Lines end at \n, \r\n or \r only: str.splitlines would also split at U+2028, U+0085 ..., which
    # JSON allows unescaped inside strings (a valid record would be cut in two).
    for lineno, line in enumerate(_LINE_BREAK.split(text), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        try:
            yield lineno, json.loads(stripped)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nesting too deep"
            yield Problem(path, lineno, f"bad JSON, expected one object per line, got {msg}")


def _json(text: str, path: str) -> Iterator[tuple[int, Any] | Problem]:
    """A JSON array of records, or an object whose ``entities`` key is one.

    Elements are decoded one at a time so each carries its own line number, and
    one bad element does not lose the rest when the array can be resynchronised.
    """
    decoder = json.JSONDecoder()
    n = len(text)

    def skip(i: int) -> int:
        while i < n and text[i] in " \t\r\n":
            i += 1
        return i

    def line_of(i: int) -> int:
        return text.count("\n", 0, i) + 1

    i = skip(0)
    if i < n and text[i] == "{":
        try:
            doc = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            where = line_of(exc.pos) if isinstance(exc, json.JSONDecodeError) else 1
            yield Problem(path, where, f"bad JSON, expected an array of records, got {exc}")
            return
        entities = doc.get("entities") if isinstance(doc, dict) else None
        if not isinstance(entities, list):
            yield Problem(path, 1, "bad JSON, expected an array of records or {\"entities\": [...]}, "
                                   "got an object without an 'entities' list")
            return
        # Line numbers: locate each element's opening brace in order.
        pos = text.find("[", text.find('"entities"'))
        for record in entities:
            pos = text.find("{", pos + 1) if pos >= 0 else -1
            yield (line_of(pos) if pos >= 0 else 1), record
            pos = _end_of_value(text, pos) if pos >= 0 else -1
        return
    if i >= n or text[i] != "[":
        yield Problem(path, line_of(i), "bad JSON, expected an array of records, got "
                                        + (repr(text[i:i + 20]) if i < n else "an empty file"))
        return
    i = skip(i + 1)
    if i < n and text[i] == "]":
        return
    while i < n:
        start = i
        try:
            value, i = decoder.raw_decode(text, i)
            yield line_of(start), value
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nesting too deep"
            yield Problem(path, line_of(start), f"bad JSON, expected a record, got {msg}")
            # Resynchronise at the next top-level element boundary we can find.
            nxt = text.find("\n{", start + 1)
            if nxt < 0:
                return
            i = skip(nxt)
            continue
        i = skip(i)
        if i < n and text[i] == ",":
            i = skip(i + 1)
        elif i < n and text[i] == "]":
            return
        else:
            yield Problem(path, line_of(i), "bad JSON, expected ',' or ']' after a record, got "
                          + (repr(text[i:i + 20]) if i < n else "the end of the file"))
            return
    yield Problem(path, line_of(n), "bad JSON, expected ']' closing the array, got the end of the file")


def _end_of_value(text: str, start: int) -> int:
    try:
        _, end = json.JSONDecoder().raw_decode(text, start)
        return end - 1
    except (json.JSONDecodeError, RecursionError):
        return start


_LIST_COLUMNS = ("aliases", "native", "abbreviations", "demonyms", "historical_names")


def _csv(text: str, path: str) -> Iterator[tuple[int, Any] | Problem]:
    """One entity per row: ``id,type,name`` plus optional ``aliases``, ``native``,
    ``abbreviations``, ``demonyms`` (``|``-separated) and ``wikidata``; any other
    column becomes an attribute."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        yield Problem(path, 1, f"bad CSV header, expected id,type,name,..., got {exc}")
        return
    if not header or not {"id", "type", "name"} <= set(header):
        yield Problem(path, 1, f"bad CSV header, expected columns id,type,name, got {header!r}")
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Problem(path, reader.line_num, f"bad CSV row, expected well-formed fields, got {exc}")
            continue
        line = reader.line_num
        if None in row:
            yield Problem(path, line, f"bad CSV row, expected {len(header)} fields, got more")
            continue
        record: dict[str, Any] = {}
        for key, value in row.items():
            if value is None or value == "":
                continue
            if key in _LIST_COLUMNS:
                record[key] = [v.strip() for v in value.split("|") if v.strip()]
            else:
                record[key] = value
        yield line, record


FORMATS: dict[str, Reader] = {".jsonl": _jsonl, ".ndjson": _jsonl, ".json": _json, ".csv": _csv}


def read_records(path: str | Path, *, fmt: str | None = None) -> Iterator[tuple[int, Any] | Problem]:
    """Yield ``(line, record)`` or :class:`Problem` for each record of a file.

    ``fmt`` (``".jsonl"``, ``".json"``, ``".csv"``) overrides the file suffix.
    Raises :class:`DataFileError` when the file cannot be read at all.
    """
    p = Path(path)
    suffix = (fmt or p.suffix).lower()
    if not suffix.startswith("."):
        suffix = "." + suffix
    reader = FORMATS.get(suffix)
    if reader is None:
        raise DataFileError(str(p), 0, f"unknown format, expected one of {', '.join(FORMATS)}, got {suffix!r}")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DataFileError(str(p), 0, f"cannot read file: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        yield Problem(str(p), line, f"bad UTF-8, expected UTF-8 text, got byte {data[exc.start]:#04x}; "
                                    "undecodable bytes were replaced with U+FFFD")
        text = data.decode("utf-8-sig", errors="replace")
    yield from read_text(text, str(p), suffix)


def read_text(text: str, path: str, fmt: str) -> Iterable[tuple[int, Any] | Problem]:
    """Like :func:`read_records` on text already in memory."""
    reader = FORMATS.get(fmt)
    if reader is None:
        raise DataFileError(path, 0, f"unknown format, expected one of {', '.join(FORMATS)}, got {fmt!r}")
    return reader(text, path)
