"""Errors raised while reading gazetteer data.

Every problem names where it happened (``path:line``), what is wrong, what was
expected and what was found, so a user can fix the file without a debugger.
"""

from __future__ import annotations

from attrs import frozen

__all__ = ["DataFileError", "GazetteerError", "Problem"]


class GazetteerError(ValueError):
    """Base class of every error the ``gazetteer`` package raises."""


@frozen
class Problem:
    """One bad record: where it is and what is wrong with it."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DataFileError(GazetteerError):
    """A data file (or one record of it) could not be used.

    Carries ``path``, ``line`` and ``problem`` so callers can report or collect it.
    """

    def __init__(self, path: str, line: int, problem: str) -> None:
        self.path = path
        self.line = line
        self.problem = problem
        super().__init__(f"{path}:{line}: {problem}")

    @classmethod
    def from_problem(cls, problem: Problem) -> DataFileError:
        return cls(problem.path, problem.line, problem.message)
