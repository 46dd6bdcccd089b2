"""The resolver's index: every name form of a gazetteer, parsed once, with blocking keys.

For each name of each entity the index holds the name itself and, for names in
another script, each romanisation of it (one per transliteration scheme). Each
form is parsed once (:func:`namematch.structure.parse_name`).

The index has two levels, so it stays small and quick to build at a million names:

* ``postings``: word key -> the forms holding it. Word keys are the romanisation
  key of each word and of each two or three adjacent words joined (so "Abdulghani"
  meets "Abdul Ghani").
* ``fuzzy``: fuzzy key -> the word keys that have it. Fuzzy keys are the consonant
  skeleton (for names written without vowels), the key with one letter deleted, and
  its first and last four letters (so a typo still meets its word). Joined words get
  only a skeleton: their typos are found through the query's own joined words.

A query word is expanded through ``fuzzy`` to the known words it may be (exact
first), and only forms holding those words are ranked and scored. This finds
every form sharing a :func:`blocking_keys` key with the query, as a flat index of
those keys would, with far fewer postings. The index is immutable once built and
safe to share between threads; it pickles (no closures or lambdas inside).
"""

from __future__ import annotations

import gc
import heapq
import math
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from attrs import frozen

from gazetteer import Entity, Gazetteer, Name, NameKind

from .lexicon import lexicon
from .phonetic import deletions, translit_key, word_keys
from .structure import NameToken, ParsedName, parse_name, raw_words
from .translit import TranslitError, Variant, detect_script, variants

__all__ = ["Entry", "NameIndex", "WordWeights", "blocking_keys"]

_MIN_DELETE = 3       # keys shorter than this get no deletion keys (too many names share them)
_MIN_AFFIX = 6        # keys shorter than this get no prefix / suffix keys
_FORMS_PER_ENTITY = 3  # candidate forms kept per entity
_NEW_BUDGET = 1000    # forms a query may add as candidates once its rarest word's forms are in
_CAP = 2000           # a fuzzy expansion (not the exact word) with a longer posting is not followed
_FANOUT = 12          # a typo / affix key shared by more indexed words than this is not followed
_EDIT_CAP = 200       # the same for typo / affix expansions of a word that is itself indexed

# How much each kind of word evidence counts when ranking candidates (of the query word's weight).
_EXACT, _SKELETON, _EDIT, _AFFIX = 1.0, 0.9, 0.4, 0.3


@frozen
class Entry:
    """One indexed form: which entity and name it belongs to, and how it was derived."""

    entity: int           # position in the gazetteer
    name: Name
    form: str             # the text that was parsed (the name, or a romanisation of it)
    via: str | None       # transliteration scheme that produced ``form`` (None: the name itself)
    parsed: ParsedName


def _word_units(tokens: Sequence[NameToken]) -> Iterator[tuple[str, str, float, bool]]:
    """(key, skeleton, weight, joined) of each word and each two or three adjacent words joined."""
    for t in tokens:
        if t.key:
            yield t.key, t.skeleton, t.weight, False
    for n in (2, 3):
        for i in range(len(tokens) - n + 1):
            span = tokens[i:i + n]
            if all(t.key for t in span):
                key, skeleton = word_keys("".join(t.text for t in span))
                yield key, skeleton, max(t.weight for t in span), True


def blocking_keys(tokens: Sequence[NameToken], *, query: bool = False) -> dict[str, float]:
    """Blocking keys of a token sequence, each with the weight of the word it came from.

    Index side: ``k:`` romanisation key, ``s:`` skeleton, ``d:`` key with one letter
    deleted, ``p:``/``e:`` first/last four letters (joined words: ``k:`` and ``s:``
    only). Query side adds the lookups that pair a key with the other side's
    deletions, so any one-edit typo meets its word: query ``k:`` against index
    ``d:`` and query deletions against ``k:``. Two token sequences are candidates
    for each other when their key sets intersect (what :class:`NameIndex` retrieves).
    """
    keys: dict[str, float] = {}

    def put(k: str, w: float) -> None:
        if w > keys.get(k, -1.0):
            keys[k] = w

    for key, skeleton, w, joined in _word_units(tokens):
        put("k:" + key, w)
        if len(skeleton) >= 2:
            put("s:" + skeleton, w * _SKELETON)
        if joined and not query:
            continue
        if len(key) >= _MIN_DELETE:
            for d in deletions(key):
                put("d:" + d, w * _EDIT)
                if query:
                    put("k:" + d, w * _EDIT)
            if query:
                put("d:" + key, w * _EDIT)
        if len(key) >= _MIN_AFFIX:
            put("p:" + key[:4], w * _AFFIX)
            put("e:" + key[-4:], w * _AFFIX)
    return keys


def _fuzzy_keys(key: str, skeleton: str, joined: bool) -> Iterator[str]:
    """The index-side fuzzy keys of one word key (see :func:`blocking_keys`)."""
    if len(skeleton) >= 2:
        yield "s:" + skeleton
    if joined:
        return
    if len(key) >= _MIN_DELETE:
        for d in deletions(key):
            yield "d:" + d
    if len(key) >= _MIN_AFFIX:
        yield "p:" + key[:4]
        yield "e:" + key[-4:]


def _ids(p: int | array) -> Sequence[int]:
    return (p,) if isinstance(p, int) else p


class NameIndex:
    """Parsed name forms of a gazetteer and a two-level inverted index over their words."""

    def __init__(self, gazetteer: Gazetteer, *, romanisations: bool = True) -> None:
        self.gazetteer = gazetteer
        self.entities: tuple[Entity, ...] = tuple(gazetteer)
        # Millions of small objects that never die: the cyclic collector would only rescan them.
        gc_was_enabled = gc.isenabled()
        gc.disable()
        try:
            self._build(romanisations)
        finally:
            if gc_was_enabled:
                gc.enable()

    def _build(self, romanisations: bool) -> None:
        forms = list(self._forms(romanisations))
        self.weights = _document_weights(forms)
        self.lexicon = lexicon()   # travels with a cached index, so a fresh process need not rebuild it
        entries: list[Entry] = []
        interned: dict[NameToken, NameToken] = {}
        seen: set[str] = set()
        last_entity = -1
        for ei, name, form, via in forms:
            if ei != last_entity:
                seen.clear()
                last_entity = ei
            parsed = parse_name(form, self.entities[ei].type.value, weights=self.weights)
            if not parsed.tokens:
                continue
            text = parsed.text
            if via is not None and text in seen:
                continue
            seen.add(text)
            # Words repeat across names: share one token object per distinct word.
            tokens = tuple([interned.setdefault(t, t) for t in parsed.tokens])
            entries.append(Entry(ei, name, form, via, ParsedName(parsed.source, tokens, parsed.titles)))
        forms.clear()
        self.entries: tuple[Entry, ...] = tuple(entries)
        del entries

        postings: dict[str, list[int] | int] = {}
        units: dict[str, tuple[str, bool]] = {}     # word key -> (skeleton, joined only)
        joined_keys: dict[tuple[str, str], tuple[str, str]] = {}
        for i, e in enumerate(self.entries):
            toks = e.parsed.tokens
            for t in toks:
                k = t.key
                if not k:
                    continue
                _post(postings, k, i)
                if k not in units or units[k][1]:
                    units[k] = (t.skeleton, False)
            for n in (2, 3):
                for j in range(len(toks) - n + 1):
                    span = toks[j:j + n]
                    if not all(t.key for t in span):
                        continue
                    texts = tuple(t.text for t in span)
                    jk = joined_keys.get(texts)
                    if jk is None:
                        text = "".join(texts)
                        jk = joined_keys[texts] = word_keys(text)
                    _post(postings, jk[0], i)
                    if jk[0] not in units:
                        units[jk[0]] = (jk[1], True)
        joined_keys.clear()
        self.postings: dict[str, int | array] = {
            k: (v if isinstance(v, int) else array("i", v)) for k, v in postings.items()
        }
        postings.clear()
        fuzzy: dict[str, list[str] | str] = {}
        for k, (skeleton, joined) in units.items():
            for f in _fuzzy_keys(k, skeleton, joined):
                old = fuzzy.get(f)
                if old is None:
                    fuzzy[f] = k
                elif isinstance(old, str):
                    fuzzy[f] = [old, k]
                else:
                    old.append(k)
        self.fuzzy: dict[str, str | tuple[str, ...]] = {
            k: (v if isinstance(v, str) else tuple(v)) for k, v in fuzzy.items()
        }

    def _forms(self, romanisations: bool) -> Iterable[tuple[int, Name, str, str | None]]:
        for ei, entity in enumerate(self.entities):
            for name in entity.names:
                yield ei, name, name.text, None
                if romanisations and not name.text.isascii() and detect_script(name.text) not in (None, "Latn"):
                    for v in _variants(name.text, name.lang):
                        yield ei, name, v.text, v.scheme

    def parse_query(self, text: str) -> tuple[ParsedName, ...]:
        """Readings of a query with this index's word weights: titles set aside and, when
        some were found, also kept as words (a title word can be a name: "Marshall Islands")."""
        parsed = parse_name(text, weights=self.weights)
        if not parsed.titles:
            return (parsed,)
        return parsed, parse_name(text, weights=self.weights, titles=False)

    def _longest_key(self) -> int:
        """Length of the longest indexed word key (computed once; a benign race between threads)."""
        n = self.__dict__.get("_longest")
        if n is None:
            n = self.__dict__["_longest"] = max(map(len, self.postings), default=0)
        return n

    def _expand(self, key: str, skeleton: str, joined: bool) -> dict[str, float]:
        """The indexed word keys a query word may be, with the strength of the evidence."""
        postings, fuzzy = self.postings, self.fuzzy
        found: dict[str, float] = {}

        def add(keys: str | tuple[str, ...] | None, grade: float) -> None:
            if keys is None or (grade < _SKELETON and len(keys) > _FANOUT and not isinstance(keys, str)):
                return   # a typo / affix key many words share ("-ovna") says nothing
            for k in ((keys,) if isinstance(keys, str) else keys):
                if grade > found.get(k, 0.0):
                    found[k] = grade

        if key in postings:
            found[key] = _EXACT
        if len(skeleton) >= 2:
            add(fuzzy.get("s:" + skeleton), _SKELETON)
        if len(key) >= _MIN_DELETE:
            add(fuzzy.get("d:" + key), _EDIT)               # an indexed word with one more letter
            # (a key longer than the longest indexed one plus one letter is no deletion away from any:
            # skipping it keeps a 100k-letter "word" linear instead of quadratic)
            for d in (deletions(key) if len(key) <= self._longest_key() + 1 else ()):
                if d in postings:                             # an indexed word with one letter less
                    add(d, _EDIT)
                add(fuzzy.get("d:" + d), _EDIT)               # one letter different
        if len(key) >= _MIN_AFFIX:
            add(fuzzy.get("p:" + key[:4]), _AFFIX)
            add(fuzzy.get("e:" + key[-4:]), _AFFIX)
        return found

    def candidates(self, query: ParsedName, limit: int) -> list[int]:
        """Entry positions sharing blocking keys with ``query``, most promising first.

        Every query word (and each two or three adjacent words joined) is expanded to the
        indexed words it may be. Query words are read rarest first: the rarest single word
        brings in all its forms (and joined words before it theirs); later postings bring in
        new forms only while there are fewer than ``_NEW_BUDGET``, otherwise they add to the
        forms already there (set intersections, not a loop over every posting). Fuzzy
        expansions with postings longer than ``_CAP`` (and 5% of the index) are not followed,
        nor typo expansions longer than ``_EDIT_CAP`` of a word that is indexed as written, nor
        typo / affix keys shared by more than ``_FANOUT`` words; an exact word always is.
        """
        n = len(self.entries) or 1
        postings = self.postings
        cap = max(_CAP, n // 20)
        log_n = math.log(1 + n)
        # Per query word: the postings of the indexed words it may be, strongest evidence first.
        units: list[tuple[int, list[tuple[float, int | array]]]] = []
        for key, skeleton, weight, joined in _word_units(query.tokens):
            lists = []
            total = 0
            found = self._expand(key, skeleton, joined)
            # A word that exists as written needs its one-edit neighbours only where they are rare.
            edit_cap = _EDIT_CAP if key in found else cap
            for k, grade in found.items():
                p = postings[k]
                size = 1 if isinstance(p, int) else len(p)
                if grade < _EXACT and size > (cap if grade >= _SKELETON else edit_cap):
                    continue
                total += size
                # The word's weight and the evidence grade rank; rarity only breaks ties (at most +10%).
                lists.append((weight * grade * (1.0 + 0.1 * math.log(1 + n / size) / log_n), p))
            if lists:
                lists.sort(key=lambda x: -x[0])
                units.append((total, joined, lists))
        units.sort(key=lambda u: u[0])
        score: dict[int, float] = {}
        get = score.get
        opened = False      # has a single word (not joined words) brought its forms in yet?
        for _, joined, lists in units:
            seen: set[int] = set()      # a form counts once per query word, with its best evidence
            for gain, p in lists:
                ids = {p} if isinstance(p, int) else set(p)
                ids -= seen
                seen |= ids
                if opened and len(score) + len(ids) > _NEW_BUDGET:
                    ids &= score.keys()
                for i in ids:
                    score[i] = get(i, 0.0) + gain
            opened = opened or not joined
        # Among equal evidence prefer shorter forms (fewer words left over), and let no entity
        # fill the list with its many forms ("Sudan" must not be crowded out by "South Sudan").
        entries = self.entries
        keep = limit * _FORMS_PER_ENTITY
        if len(score) > keep:
            # Only the forms that can still make the list need the full ordering.
            floor = heapq.nlargest(keep, score.values())[-1]
            ranked = [(i, v) for i, v in score.items() if v >= floor]
        else:
            ranked = list(score.items())
        ranked.sort(key=lambda x: (-x[1], len(entries[x[0]].parsed.tokens), x[0]))
        out: list[int] = []
        per_entity: dict[int, int] = defaultdict(int)
        for i, _ in ranked:
            e = entries[i].entity
            if per_entity[e] < _FORMS_PER_ENTITY:
                per_entity[e] += 1
                out.append(i)
                if len(out) >= limit:
                    break
        return out


def _post(postings: dict[str, list[int] | int], key: str, i: int) -> None:
    """Add form ``i`` to the posting of ``key`` (a bare int while it is the only one)."""
    old = postings.get(key)
    if old is None:
        postings[key] = i
    elif isinstance(old, int):
        if old != i:
            postings[key] = [old, i]
    elif old[-1] != i:
        old.append(i)


def _variants(text: str, lang: str | None) -> tuple[Variant, ...]:
    """Romanisations of a name; a language tag without schemes of its own is detected instead."""
    try:
        return variants(text, lang=lang)
    except TranslitError:
        return variants(text)


class WordWeights:
    """Word informativeness: the bundled frequency table, lowered for words many entities share.

    A plain picklable callable (``key -> weight``) holding the document frequency of each
    word key; the lexicon is looked up at call time (it is loaded once and cached).
    """

    __slots__ = ("df",)

    def __init__(self, df: dict[str, int]) -> None:
        self.df = df

    def __call__(self, key: str) -> float:
        base = lexicon().weight_of(key)
        d = self.df.get(key, 0)
        if d <= 1:
            return base
        return base * max(0.15, 1.0 / (1.0 + 0.5 * math.log(d)))

    def __getstate__(self) -> dict[str, int]:
        return self.df

    def __setstate__(self, state: dict[str, int]) -> None:
        self.df = state


def _document_weights(forms: Iterable[tuple[int, Name, str, str | None]]) -> WordWeights:
    """Word weights from the forms' document frequencies (how many entities use each word key)."""
    df: dict[str, int] = defaultdict(int)
    last: dict[str, int] = {}
    for ei, name, form, _ in forms:
        if name.kind is NameKind.DEMONYM:
            continue
        for part, _script in raw_words(form):
            k = translit_key(part)
            if last.get(k) != ei:
                last[k] = ei
                df[k] += 1
    return WordWeights(dict(df))
