"""The resolver's index: every name form of a gazetteer, parsed once, with blocking keys.

For each name of each entity the index holds the name itself and, for names in
another script, each romanisation of it (one per transliteration scheme). Each
form is parsed once (:func:`namematch.structure.parse_name`) and posted under
blocking keys of its words:

* the romanisation key of each word, and of each two adjacent words joined
  (so "Abdulghani" meets "Abdul Ghani");
* the consonant skeleton (for names written without vowels);
* the key with one letter deleted, and its first and last four letters (so a
  typo still meets its name).

A query is parsed the same way and only forms sharing a key are scored. The
index is immutable once built and safe to share between threads.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from attrs import frozen

from gazetteer import Entity, Gazetteer, Name, NameKind

from .lexicon import lexicon
from .normalize import words
from .phonetic import skeleton_key, translit_key
from .structure import NameToken, ParsedName, parse_name
from .translit import TranslitError, Variant, detect_script, variants

__all__ = ["Entry", "NameIndex", "blocking_keys"]

_MIN_DELETE = 3   # keys shorter than this get no deletion keys (too many names share them)
_MIN_CAP = 2000   # fuzzy keys with longer postings than this (and 5% of the index) are skipped
_FORMS_PER_ENTITY = 3   # candidate forms kept per entity


@frozen
class Entry:
    """One indexed form: which entity and name it belongs to, and how it was derived."""

    entity: int           # position in the gazetteer
    name: Name
    form: str             # the text that was parsed (the name, or a romanisation of it)
    via: str | None       # transliteration scheme that produced ``form`` (None: the name itself)
    parsed: ParsedName


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1:] for i in range(len(key))}


def blocking_keys(tokens: Sequence[NameToken], *, query: bool = False) -> dict[str, float]:
    """Blocking keys of a token sequence, each with the weight of the word it came from.

    Index side: ``k:`` romanisation key, ``s:`` skeleton, ``d:`` key with one letter
    deleted, ``p:``/``e:`` first/last four letters. Query side adds the lookups
    that pair a key with the other side's deletions, so any one-edit typo meets
    its name: query ``k:`` against index ``d:`` and query deletions against ``k:``.
    """
    keys: dict[str, float] = {}

    def put(k: str, w: float) -> None:
        if w > keys.get(k, -1.0):
            keys[k] = w

    def word(key: str, skeleton: str, w: float) -> None:
        put("k:" + key, w)
        if len(skeleton) >= 2:
            put("s:" + skeleton, w * 0.9)
        if len(key) >= _MIN_DELETE:
            for d in _deletions(key):
                put("d:" + d, w * 0.4)
                if query:
                    put("k:" + d, w * 0.4)
            if query:
                put("d:" + key, w * 0.4)
        if len(key) >= 6:
            put("p:" + key[:4], w * 0.3)
            put("e:" + key[-4:], w * 0.3)

    for t in tokens:
        if t.key:
            word(t.key, t.skeleton, t.weight)
    for a, b in zip(tokens, tokens[1:]):
        if a.key and b.key:
            joined = translit_key(a.text + b.text)
            word(joined, skeleton_key(a.text + b.text), max(a.weight, b.weight))
    return keys


class NameIndex:
    """Parsed name forms of a gazetteer and an inverted index over their blocking keys."""

    def __init__(self, gazetteer: Gazetteer, *, romanisations: bool = True) -> None:
        self.gazetteer = gazetteer
        self.entities: tuple[Entity, ...] = tuple(gazetteer)
        forms = list(self._forms(romanisations))
        self.weights = _document_weights(forms)
        entries: list[Entry] = []
        seen: set[tuple[int, str]] = set()
        for ei, name, form, via in forms:
            parsed = parse_name(form, self.entities[ei].type.value, weights=self.weights)
            if not parsed.tokens or ((ei, parsed.text) in seen and via is not None):
                continue
            seen.add((ei, parsed.text))
            entries.append(Entry(ei, name, form, via, parsed))
        self.entries: tuple[Entry, ...] = tuple(entries)
        postings: dict[str, list[int]] = defaultdict(list)
        for i, e in enumerate(self.entries):
            for k in blocking_keys(e.parsed.tokens):
                postings[k].append(i)
        self.postings: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in postings.items()}

    def _forms(self, romanisations: bool) -> Iterable[tuple[int, Name, str, str | None]]:
        for ei, entity in enumerate(self.entities):
            for name in entity.names:
                yield ei, name, name.text, None
                if romanisations and detect_script(name.text) not in (None, "Latn"):
                    for v in _variants(name.text, name.lang):
                        yield ei, name, v.text, v.scheme

    def parse_query(self, text: str) -> tuple[ParsedName, ...]:
        """Readings of a query with this index's word weights: titles set aside and, when
        some were found, also kept as words (a title word can be a name: "Marshall Islands")."""
        parsed = parse_name(text, weights=self.weights)
        if not parsed.titles:
            return (parsed,)
        return parsed, parse_name(text, weights=self.weights, titles=False)

    def candidates(self, query: ParsedName, limit: int) -> list[int]:
        """Entry positions sharing blocking keys with ``query``, most promising first."""
        n = len(self.entries) or 1
        score: dict[int, float] = defaultdict(float)
        cap = max(_MIN_CAP, n // 20)
        for key, weight in blocking_keys(query.tokens, query=True).items():
            posting = self.postings.get(key)
            if not posting or (len(posting) > cap and not key.startswith("k:")):
                continue
            idf = math.log(1 + n / len(posting))
            gain = weight * idf
            for i in posting:
                score[i] += gain
        # Among equal evidence prefer shorter forms (fewer words left over), and let no entity
        # fill the list with its many forms ("Sudan" must not be crowded out by "South Sudan").
        entries = self.entries
        ranked = sorted(score, key=lambda i: (-score[i], len(entries[i].parsed.tokens), i))
        out: list[int] = []
        per_entity: dict[int, int] = defaultdict(int)
        for i in ranked:
            e = entries[i].entity
            if per_entity[e] < _FORMS_PER_ENTITY:
                per_entity[e] += 1
                out.append(i)
                if len(out) >= limit:
                    break
        return out


def _variants(text: str, lang: str | None) -> tuple[Variant, ...]:
    """Romanisations of a name; a language tag without schemes of its own is detected instead."""
    try:
        return variants(text, lang=lang)
    except TranslitError:
        return variants(text)


def _document_weights(forms: Iterable[tuple[int, Name, str, str | None]]) -> Callable[[str], float]:
    """Word informativeness: the bundled frequency table, lowered for words many entities share."""
    lex = lexicon()
    per_entity: dict[str, set[int]] = defaultdict(set)
    for ei, name, form, _ in forms:
        if name.kind is NameKind.DEMONYM:
            continue
        for w in words(form):
            for part in w.text.split():
                per_entity[translit_key(part)].add(ei)
    df = {k: len(v) for k, v in per_entity.items()}

    def weight(key: str) -> float:
        base = lex.weight_of(key)
        d = df.get(key, 0)
        if d <= 1:
            return base
        return base * max(0.15, 1.0 / (1.0 + 0.5 * math.log(d)))

    return weight
