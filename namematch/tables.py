"""Loading the reviewed data tables shipped in ``namematch/data/``.

Tables are tab-separated text, ``#`` starts a comment line. Each is read once
(lazily, through ``importlib.resources``), validated, and cached.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources

from .errors import DataTableError

__all__ = ["read_rows", "read_rules"]


@cache
def read_rows(name: str, min_columns: int = 1) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """The rows of ``namematch/data/<name>`` as ``(line, columns)``; comments and blanks skipped."""
    path = f"namematch/data/{name}"
    try:
        text = (resources.files("namematch") / "data" / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataTableError(path, 0, "missing data file; reinstall the package") from None
    rows = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = tuple(c.strip() for c in line.split("\t"))
        if len(cols) < min_columns:
            raise DataTableError(path, lineno, f"expected at least {min_columns} tab-separated columns, "
                                               f"got {len(cols)}: {line!r}")
        rows.append((lineno, cols))
    return tuple(rows)


Rule = tuple["re.Pattern[str]", str]


@cache
def read_rules(name: str) -> tuple[Rule, ...]:
    """Ordered ``(pattern, replacement)`` rewrite rules from a ``pattern<TAB>replacement`` table."""
    rules = []
    for lineno, cols in read_rows(name, 1):
        pattern, repl = cols[0], (cols[1] if len(cols) > 1 else "")
        try:
            rules.append((re.compile(pattern), repl))
        except re.error as exc:
            raise DataTableError(f"namematch/data/{name}", lineno, f"bad pattern {pattern!r}: {exc}") from None
    return tuple(rules)


def rewriter(name: str) -> Callable[[str], str]:
    """A function applying the rules of table ``name`` in order."""
    rules = read_rules(name)

    def apply(text: str) -> str:
        for pattern, repl in rules:
            text = pattern.sub(repl, text)
        return text

    return apply
