"""Public records of :mod:`namematch.translit`: a scheme's description and one romanisation."""

from __future__ import annotations

from collections.abc import Iterable

from attrs import field, frozen

__all__ = ["Scheme", "Variant"]


def _letters(letters: Iterable[str]) -> frozenset[str]:
    return frozenset(letters)


@frozen
class Scheme:
    """A named romanisation table: ``ru-bgn``, ``kk-latn2021``, ``fa-press`` ...

    ``letters`` holds every Latin letter (both cases) the scheme may write; digits, spaces
    and punctuation are not letters and pass through.
    """

    id: str
    lang: str  # BCP 47: "kk", "ru", "ps"
    script: str  # ISO 15924 of the input: "Cyrl", "Arab"
    description: str
    source: str
    letters: frozenset[str] = field(converter=_letters, repr=False)


@frozen
class Variant:
    """One romanisation of a name and the scheme that produced it."""

    text: str
    scheme: str
