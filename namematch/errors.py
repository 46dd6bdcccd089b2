"""Errors raised by ``namematch``.

Every error is a :class:`NamematchError` (a ``ValueError``), so callers can catch
the library's own problems without swallowing bugs.
"""

from __future__ import annotations

__all__ = ["DataTableError", "NamematchError"]


class NamematchError(ValueError):
    """Base class of the errors this package raises."""


class DataTableError(NamematchError):
    """A bundled or user-supplied data table is malformed (names file, line and problem)."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        super().__init__(f"{path}:{line}: {problem}")
