"""Errors raised by :mod:`namematch.translit`.

Every error is a :class:`namematch.NamematchError` (a ``ValueError``), so callers can catch the
library's own problems with one type.
Data-file errors say where (``file:line``), what is wrong and what was expected.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import DataTableError, NamematchError

__all__ = ["SchemeFileError", "TranslitError", "UnknownLanguageError", "UnknownSchemeError"]


class TranslitError(NamematchError):
    """Base class of every error the ``namematch.translit`` package raises."""


class UnknownSchemeError(TranslitError):
    """A scheme id that no table defines; the message lists the known ids."""

    def __init__(self, scheme_id: str, known: Iterable[str]) -> None:
        self.scheme_id = scheme_id
        self.known = tuple(sorted(known))
        super().__init__(f"unknown transliteration scheme {scheme_id!r}; known: {', '.join(self.known)}")


class UnknownLanguageError(TranslitError):
    """A language code with no default scheme; the message lists the known codes."""

    def __init__(self, lang: str, known: Iterable[str]) -> None:
        self.lang = lang
        self.known = tuple(sorted(known))
        super().__init__(f"no transliteration scheme for language {lang!r}; known: {', '.join(self.known)}")


class SchemeFileError(DataTableError, TranslitError):
    """A scheme or data file that does not parse: carries ``.path``, ``.line`` and ``.problem``."""
