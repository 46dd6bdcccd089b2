"""Fuzz targets: one function per public entry point, each taking the fuzzer's bytes.

A target turns the bytes into arguments, calls the library and checks the output's
invariants. It passes when the call returns good output or raises a documented error
(:class:`namematch.NamematchError`, :class:`gazetteer.GazetteerError`); anything else
(another exception, a broken invariant) propagates and the fuzzer reports a crash.
Hangs are caught by the fuzzer's per-input ``-timeout``.

Plain Python, no atheris: ``python fuzz/run.py --replay FILE`` and the tests call these too.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import tempfile
import warnings
from collections.abc import Callable
from functools import lru_cache

from gazetteer import Entity, Gazetteer, GazetteerError, GazetteerWarning
from namematch import NamematchError, Resolver, compare
from namematch.cache import cached_resolver

DOCUMENTED = (NamematchError, GazetteerError)
FORMATS = (".jsonl", ".json", ".csv")


class Input:
    """Reads arguments off the fuzzer's bytes: a selector byte, then UTF-8 text (bad bytes replaced).

    Without atheris' FuzzedDataProvider, so a crash file replays in plain Python.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def byte(self) -> int:
        if self.pos >= len(self.data):
            return 0
        self.pos += 1
        return self.data[self.pos - 1]

    def text(self, split: bool = False, *, errors: str = "replace") -> str:
        """The rest of the input (``split``: up to the next NUL byte) as text; ``errors="surrogateescape"``
        keeps bad bytes as lone surrogates (a Python str can hold them: file names, ``os.environ``)."""
        rest = self.data[self.pos:]
        if split and b"\0" in rest:
            rest = rest[: rest.index(b"\0")]
        self.pos += len(rest) + 1
        return rest.decode("utf-8", errors=errors)


def _errors(sel: int) -> str:
    return "surrogateescape" if sel & 0x80 else "replace"


@lru_cache(maxsize=1)
def resolver() -> Resolver:
    return cached_resolver()


def _check_matches(name: str, matches: list) -> None:
    scores = [m.score for m in matches]
    assert all(0.0 <= s <= 1.0 for s in scores), scores
    assert scores == sorted(scores, reverse=True) or any(not m.valid for m in matches), scores
    assert len({m.entity.id for m in matches}) == len(matches), "one match per entity"


def target_resolve(data: bytes) -> None:
    inp = Input(data)
    sel = inp.byte()
    name = inp.text(errors=_errors(sel))
    r = resolver()
    try:
        found = r.resolve(name, limit=None if sel & 1 else 5, types=("person" if sel & 2 else None),
                          date=("2020-01-01" if sel & 4 else None))
        best = r.best(name)
    except DOCUMENTED:
        return
    _check_matches(name, found)
    if best is not None and not sel & 6:
        assert found and found[0].entity.id == best.entity.id
    assert r.resolve(name, limit=None if sel & 1 else 5, types=("person" if sel & 2 else None),
                     date=("2020-01-01" if sel & 4 else None)) == found, "deterministic"


def target_compare(data: bytes) -> None:
    inp = Input(data)
    sel = inp.byte()
    a = inp.text(split=True, errors=_errors(sel))
    b = inp.text(errors=_errors(sel))
    kind = (None, "person", "org", "place", "country")[sel % 5]
    try:
        ab = compare(a, b, type=kind)
        ba = compare(b, a, type=kind)
    except DOCUMENTED:
        return
    assert 0.0 <= ab.score <= 1.0, ab.score
    assert ab.score == ba.score, (ab.score, ba.score)
    assert ab.is_match == (ab.score >= ab.threshold)
    ab.explain()


def target_find_mentions(data: bytes) -> None:
    inp = Input(data)
    sel = inp.byte()
    text = inp.text(errors=_errors(sel))
    r = resolver()
    try:
        found = r.find_mentions(text, demonyms=bool(sel & 1), ambiguous=bool(sel & 2))
        canon = r.canonicalize(text)
    except DOCUMENTED:
        return
    end = 0
    for m in found:
        assert text[m.start:m.end] == m.text, m
        assert m.start >= end, "mentions overlap"
        assert 0.0 <= m.score <= 1.0
        end = m.end
    assert isinstance(canon, str)
    if not r.find_mentions(text):
        assert canon == text


def target_loaders(data: bytes) -> None:
    inp = Input(data)
    sel = inp.byte()
    fmt = FORMATS[sel % 3]
    raw = inp.data[inp.pos:]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GazetteerWarning)
        try:
            g = _load_bytes(raw, fmt, strict=bool(sel & 4))
        except DOCUMENTED:
            return
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return
        try:
            g2 = Gazetteer.loads(text, fmt=fmt, source="<fuzz>")
        except DOCUMENTED:
            return
    assert [e.id for e in g] == [e.id for e in g2]
    if fmt == ".jsonl":
        # Nothing dropped silently: every record line is an entity or a reported problem.
        lines = [ln for ln in text.split("\n") if ln.strip() and not ln.strip().startswith("//")]
        assert len(g2) + len(g2.problems) >= len(lines) or len(lines) == 0, (len(g2), len(g2.problems), len(lines))
    for e in g2:
        again = Entity.from_record(e.to_record())
        assert again == e, (again, e)


_FILES: dict[str, str] = {}


def _load_bytes(raw: bytes, fmt: str, *, strict: bool) -> Gazetteer:
    """Gazetteer.load on a file holding ``raw`` (one scratch file per format, rewritten each time)."""
    path = _FILES.get(fmt)
    if path is None:
        fd, path = tempfile.mkstemp(prefix="nm-fuzz-", suffix=fmt)
        os.close(fd)
        if not _FILES:
            atexit.register(cleanup)
        _FILES[fmt] = path
    with open(path, "wb") as f:
        f.write(raw)
    return Gazetteer.load(path, strict=strict)


TARGETS: dict[str, Callable[[bytes], None]] = {
    "resolve": target_resolve,
    "compare": target_compare,
    "find_mentions": target_find_mentions,
    "loaders": target_loaders,
}


def cleanup() -> None:
    for path in _FILES.values():
        with contextlib.suppress(OSError):
            os.unlink(path)


if __name__ == "__main__":  # replay: python fuzz/targets.py TARGET FILE...
    fn = TARGETS[sys.argv[1]]
    for p in sys.argv[2:]:
        with open(p, "rb") as f:
            fn(f.read())
        print(f"{p}: ok")
