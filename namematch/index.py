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
* ``abjad_keys``: the word keys from Arabic-script text. A shared skeleton is strong
  evidence when one side is such a word (or the query word is); between two words
  written with their vowels it counts only as much as the scorer's typo score of the
  two keys (the scorer itself compares skeletons only when one side is abjad).

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
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, compress, repeat
from operator import add, attrgetter

from attrs import frozen
from jellyfish import damerau_levenshtein_distance

from gazetteer import Entity, EntityType, Gazetteer, Name, NameKind

from .lexicon import lexicon
from .normalize import words
from .phonetic import (
    abjad_ending_variants,
    deletions,
    key_skeleton,
    latin_ending_variants,
    translit_key,
    uncached_translit_key,
    word_keys,
)
from .similarity import SKELETON, TYPO_MAX, aligned_typo_score, skeleton_score
from .structure import ACRONYM_LETTERS, NameToken, ParsedName, Role, parse_name, raw_words
from .translit import TranslitError, Variant, detect_script, variants

__all__ = ["ABBREVIATING", "ALPHABETS", "Entry", "NameIndex", "WordWeights", "blocking_keys"]

_MIN_DELETE = 3       # keys shorter than this get no deletion keys (too many names share them)
_MIN_AFFIX = 6        # keys shorter than this get no prefix / suffix keys
_FORMS_PER_ENTITY = 3  # candidate forms kept per entity
_NEW_BUDGET = 1000    # forms a query may add as candidates once its rarest word's forms are in
_CAP = 2000           # a fuzzy expansion (not the exact word) with a longer posting is not followed
_NEAR = 2             # edits a query word nothing else reached may be from an indexed word (``wide``)
_NEAR_MAX = 20_000    # indexed words compared with it at most
_NEAR_WORDS = 300_000  # indexed words (keys) beyond which that fallback is not tried
_FANOUT = 12          # a typo / affix key shared by more indexed words than this is not followed
_EDIT_CAP = 200       # the same for typo / affix expansions of a word that is itself indexed

# How much each kind of word evidence counts when ranking candidates (of the query word's weight).
_EXACT, _SKELETON, _EDIT, _AFFIX = 1.0, 0.9, 0.4, 0.3
_FLOOR = 0.01         # the least grade an expansion has: it is a candidate, ranked last
_PLACE_WORD_MAX = 4   # a word naming more places than this ("Republic") names no place in particular

#: Alphabets: scripts whose words a text spells one way (see :meth:`NameIndex.foreign_forms`).
ALPHABETS = frozenset({"Latn", "Cyrl", "Grek", "Armn", "Geor"})


@frozen
class Entry:
    """One indexed form: which entity and name it belongs to, and how it was derived."""

    entity: int           # position in the gazetteer
    name: Name
    form: str             # the text that was parsed (the name, or a romanisation of it)
    via: str | None       # transliteration scheme that produced ``form`` (None: the name itself)
    parsed: ParsedName


def _word_units(tokens: Sequence[NameToken]) -> Iterator[tuple[str, str, float, bool, bool, tuple[str, ...]]]:
    """(key, skeleton, weight, joined, abjad, keys of other readings) of each word and each two or three adjacent
    words joined."""
    for t in tokens:
        if t.key:
            yield t.key, t.skeleton, t.weight, False, t.abjad, t.readings
    for n in (2, 3):
        for i in range(len(tokens) - n + 1):
            span = tokens[i:i + n]
            if all(t.key for t in span):
                key, skeleton = word_keys("".join(t.text for t in span))
                yield key, skeleton, max(t.weight for t in span), True, any(t.abjad for t in span), ()


def blocking_keys(tokens: Sequence[NameToken], *, query: bool = False) -> dict[str, float]:
    """Blocking keys of a token sequence, each with the weight of the word it came from.

    Index side: ``k:`` romanisation key, ``s:`` skeleton, ``d:`` key with one letter
    deleted, ``p:``/``e:`` first/last four letters (joined words: ``k:`` and ``s:``
    only). Query side adds the lookups that pair a key with the other side's
    deletions, so any one-edit typo meets its word: query ``k:`` against index
    ``d:`` and query deletions against ``k:``. Two token sequences are candidates
    for each other when their key sets intersect (what :class:`NameIndex` retrieves). The keys of a query word's
    other readings (:mod:`namematch.orthography`: "Bujará" read as Spanish) are keyed as words of their own, and
    so is an indexed word's key without its diacritics ("Çavuşoğlu" as "Cavusoglu").
    """
    keys: dict[str, float] = {}

    def put(k: str, w: float) -> None:
        if w > keys.get(k, -1.0):
            keys[k] = w

    units = [(k, key_skeleton(k), t.weight, False) for t in tokens if t.key
             for k in (t.readings if query else (t.plain,) if t.plain else ())]
    units += [(key, skeleton, w, joined) for key, skeleton, w, joined, _abjad, _readings in _word_units(tokens)]
    for key, skeleton, w, joined in units:
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


_SETTLE_AT = 50_000   # forms from which a new index is worth one full collection (see settle)


def settle(index: NameIndex) -> None:
    """After a large index was made with the collector off (built or unpickled), its objects sit in the youngest
    generation, and the first queries would otherwise pay for two or three walks of the whole index as each
    generation in turn reaches it. They are moved to the collector's permanent generation (``gc.freeze``), which
    it never walks: an index holds no reference cycles, and reference counting still frees it when it is
    dropped. A small index is not worth it."""
    if len(index.entries) >= _SETTLE_AT:
        gc.freeze()


#: ``Entry.via`` of a form that writes another organisation's name inside an organisation's name as one of its
#: abbreviations ("UNO-Sicherheitsrat" for "UN-Sicherheitsrat"), followed by that organisation's name.
ABBREVIATING = "abbreviating "
_INNER_WORDS = 6      # words of the longest organisation name looked for inside another's

_Inner = dict[tuple[str, ...], list[tuple[int, str]]]


def _inner_names(entities: Sequence[Entity]) -> _Inner:
    """The names of the organisations that have abbreviations, by their normalised words: (entity, as written)."""
    inner: _Inner = defaultdict(list)
    abbreviated: set[int] = set()
    for ei, entity in enumerate(entities):
        if entity.type is EntityType.ORG:
            if any(n.kind is NameKind.ABBREVIATION for n in entity.names):
                abbreviated.add(ei)
            for name in entity.names:
                key = tuple(w.text for w in words(name.text))
                if 0 < len(key) <= _INNER_WORDS and len(name.text) > 1:
                    inner[key].append((ei, name.text))
    # (a name several organisations share says which one it is inside no name: "Security Council")
    return {k: v for k, v in inner.items() if len(owners := {ei for ei, _ in v}) == 1 and owners <= abbreviated}


def _abbreviated(ei: int, entity: Entity, inner: _Inner,
                 entities: Sequence[Entity]) -> Iterator[tuple[int, Name, str, str | None]]:
    """An organisation's names with another organisation's name inside them written as that one's abbreviations in
    the same script ("Misión de Asistencia de la ONU" for "... de las Naciones Unidas", "UNO-Sicherheitsrat" for
    "UN-Sicherheitsrat"): the press writes the inner name either way."""
    made: set[str] = set()
    for name in entity.names:
        found = words(name.text)
        for i in range(len(found)):
            for j in range(i + 1, min(len(found), i + _INNER_WORDS) + 1):
                if j - i == len(found):
                    continue            # (the whole name: another organisation's name, not one inside it)
                start, end = found[i].start, found[j - 1].end
                written = name.text[start:end]
                for other, raw in inner.get(tuple(w.text for w in found[i:j]), ()):
                    if other == ei or raw != written:   # (as written: the Spanish "un" is not the "UN")
                        continue
                    script = detect_script(raw)
                    for abbr in entities[other].names:
                        if abbr.kind is not NameKind.ABBREVIATION or abbr.text == raw or \
                                detect_script(abbr.text) != script:
                            continue
                        text = name.text[:start] + abbr.text + name.text[end:]
                        if text not in made:
                            made.add(text)
                            yield ei, name, text, ABBREVIATING + entities[other].name


def _distinct_romanisations(forms: Iterable[tuple[int, Name, str, str | None]]
                            ) -> Iterator[tuple[int, Name, str, str | None]]:
    """``forms`` (grouped by entity) without the romanisations whose word keys an earlier romanisation of the same
    entity has: "Tokajew" of Токаев is "Tokayev" to every key and score but one, and would only make its words
    look commoner and the index bigger."""
    seen: set[tuple[str, ...]] = set()
    last = -1
    for form in forms:
        ei, _, text, via = form
        if ei != last:
            seen.clear()
            last = ei
        if via is not None:
            keys = tuple(translit_key(w) for w, _ in raw_words(text))
            if keys in seen:
                continue
            seen.add(keys)
        yield form


def _keys(keys: str | tuple[str, ...] | None) -> tuple[str, ...]:
    """A ``fuzzy`` value as a tuple of word keys."""
    return () if keys is None else (keys,) if isinstance(keys, str) else keys


def _ids(p: int | Sequence[int]) -> Sequence[int]:
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
        if gc_was_enabled:
            settle(self)

    def _build(self, romanisations: bool) -> None:
        forms = list(_distinct_romanisations(self._forms(romanisations)))
        # (forms that abbreviate a name inside a name repeat its other words: they do not make them commoner)
        self.weights = _document_weights(f for f in forms if not (f[3] or "").startswith(ABBREVIATING))
        self.lexicon = lexicon()   # travels with a cached index, so a fresh process need not rebuild it
        entries: list[Entry] = []
        # Words repeat across names: each distinct word (in each role) is made into a token once,
        # and every form holding it shares that token object.
        tokens: dict[tuple[object, ...], NameToken] = {}
        seen: set[str] = set()
        parsed_forms: dict[tuple[str, str, bool, bool], ParsedName] = {}
        last_entity = -1
        entities = self.entities
        for ei, name, form, via in forms:
            if ei != last_entity:
                seen.clear()
                last_entity = ei
            kind = entities[ei].type.value
            # (an abbreviation romanised from another script holds no function words: "AN SSSR" is "АН СССР")
            letters_only = via is not None and name.kind is NameKind.ABBREVIATION
            # (a romanisation is no word of another language's alphabet: its other readings are the entity's other
            # romanisations, in the index anyway)
            written = via is None
            parsed = parsed_forms.get((form, kind, letters_only, written))  # (a million people share many full names)
            if parsed is None:
                parsed = parsed_forms[form, kind, letters_only, written] = parse_name(
                    form, kind, weights=self.weights, cache=tokens, dotted=False, function_words=not letters_only,
                    readings=written)
            if not parsed.tokens:
                continue
            text = parsed.text
            if via is not None and text in seen:
                continue
            seen.add(text)
            entries.append(Entry(ei, name, form, via, parsed))
            if parsed.titles and via is None and not form.isascii():
                # (a Chinese or Japanese name ending in a kind word, "巴达赫尚省", is also kept whole: its
                # romanisation is one word, "Badaheshangsheng")
                whole = parse_name(form, entities[ei].type.value, weights=self.weights, cache=tokens, dotted=False,
                                   cjk_titles=False)
                if whole.text != text:
                    entries.append(Entry(ei, name, form, via, whole))
        tokens.clear()
        parsed_forms.clear()
        forms.clear()
        self.entries: tuple[Entry, ...] = tuple(entries)
        del entries

        # Single words are few and hot, joined words (two or three adjacent words) millions: their
        # postings are kept apart while building (small dicts stay in the processor's cache).
        words: dict[str, list[int] | int] = {}
        joined: dict[str, list[int] | int] = {}
        # Every indexed key, in order of first sight, and whether it is only ever a joined word
        # (its fuzzy keys are then its skeleton only). A key's skeleton is key_skeleton(key).
        units: dict[str, bool] = {}
        # Keys of words (and joined words) from Arabic-script text: their skeletons meet any spelling.
        abjad_keys: set[str] = set()
        self.abjad_keys = abjad_keys
        joined_keys: dict[tuple[str | None, ...], str] = {}    # words joined -> key (spans repeat, a little)
        get, get_joined, get_key = words.get, joined.get, joined_keys.get
        for i, e in enumerate(self.entries):
            toks = e.parsed.tokens
            written = True      # every word written with its vowels (none from Arabic-script text)?
            for t in toks:
                if not t.key:
                    continue
                if t.abjad:
                    abjad_keys.add(t.key)
                    written = False
                # (a word with diacritics is keyed as the press writes it without them too: "Cavusoglu")
                for k in (t.key, t.plain) if t.plain else (t.key,):
                    old = get(k)        # (inline: this loop runs for every word of every form)
                    if old is None:
                        words[k] = i
                        units[k] = False
                    elif isinstance(old, int):
                        if old != i:
                            words[k] = [old, i]
                    elif old[-1] != i:
                        old.append(i)
            if len(toks) < 2:
                continue
            texts = [t.text if t.key else None for t in toks]
            for n in (2, 3):
                for j in range(len(toks) - n + 1):
                    span = tuple(texts[j:j + n])
                    if None in span:
                        continue
                    jk = get_key(span)
                    if jk is None:
                        jk = joined_keys[span] = uncached_translit_key("".join(span))  # type: ignore[arg-type]
                    if not written and any(t.abjad for t in toks[j:j + n]):
                        abjad_keys.add(jk)
                    old = get_joined(jk)
                    if old is None:
                        joined[jk] = i
                        if jk not in words:
                            units[jk] = True
                    elif isinstance(old, int):
                        if old != i:
                            joined[jk] = [old, i]
                    elif old[-1] != i:
                        old.append(i)
        joined_keys.clear()
        postings = joined
        for k, v in words.items():
            both = joined.get(k)
            if both is None:
                postings[k] = v
            else:                   # a word that is also some words joined ("Abdulghani", "Abdul Ghani")
                ids = sorted(set(_ids(v)) | set(_ids(both)))
                postings[k] = ids[0] if len(ids) == 1 else ids
        words.clear()
        self.postings: dict[str, int | array[int]] = {
            k: (v if isinstance(v, int) else array("i", v)) for k, v in postings.items()
        }
        postings.clear()
        fuzzy: dict[str, list[str] | str] = {}
        for k, joined_only in units.items():
            for f in _fuzzy_keys(k, key_skeleton(k), joined_only):
                prev = fuzzy.get(f)
                if prev is None:
                    fuzzy[f] = k
                elif isinstance(prev, str):
                    fuzzy[f] = [prev, k]
                else:
                    prev.append(k)
        units.clear()
        self.fuzzy: dict[str, str | tuple[str, ...]] = {
            k: (v if isinstance(v, str) else tuple(v)) for k, v in fuzzy.items()
        }

    def _forms(self, romanisations: bool) -> Iterable[tuple[int, Name, str, str | None]]:
        inner = _inner_names(self.entities)
        for ei, entity in enumerate(self.entities):
            for name in entity.names:
                yield ei, name, name.text, None
                if romanisations and not name.text.isascii():
                    # (Latin and letterless text has no romanisations: variants() gives ())
                    for v in _variants(name.text, name.lang):
                        yield ei, name, v.text, v.scheme
            if inner and entity.type is EntityType.ORG:
                yield from _abbreviated(ei, entity, inner, self.entities)

    def parse_query(self, text: str) -> tuple[ParsedName, ...]:
        """Readings of a query with this index's word weights: titles set aside and, when
        some were found, also kept as words (a title word can be a name: "Marshall Islands").
        A query of abbreviations (words of a few capitals, "AN SSSR") keeps its function words."""
        parsed = parse_name(text, weights=self.weights, function_words=not _abbreviations(text))
        if not parsed.titles:
            return (parsed,)
        return parsed, parse_name(text, weights=self.weights, titles=False)

    def _longest_key(self) -> int:
        """Length of the longest indexed word key (computed once; a benign race between threads)."""
        n = self.__dict__.get("_longest")
        if n is None:
            n = self.__dict__["_longest"] = max(map(len, self.postings), default=0)
        return n

    @staticmethod
    def _add_within_budget(score: dict[int, float], lists: list[tuple[float, int | array[int]]]) -> None:
        """Add one query word's postings (strongest first) to ``score``, posting by posting: new forms
        come in only while there are fewer than ``_NEW_BUDGET``; then a posting adds to those in."""
        seen: set[int] = set()      # a form counts once per query word, with its best evidence
        get = score.get
        for gain, p in lists:
            if isinstance(p, int):  # (one form: most postings of rare words)
                if p in seen:
                    continue
                seen.add(p)
                old = get(p)
                if old is not None:
                    score[p] = old + gain
                elif len(score) < _NEW_BUDGET:
                    score[p] = gain
                continue
            if len(score) >= _NEW_BUDGET:
                # (only forms already in count from here on: the posting is read for them alone)
                ids = score.keys() & p
                ids -= seen
            else:
                ids = set(p)
                ids -= seen
                if len(score) + len(ids) > _NEW_BUDGET:
                    seen |= ids
                    ids = score.keys() & ids
            seen |= ids
            # score[i] += gain, a new form starting from 0.0 (0.0 + gain is gain), in one C loop
            score.update(zip(ids, map(add, map(get, ids, repeat(0.0)), repeat(gain))))

    def foreign_forms(self, script: str) -> frozenset[int]:
        """Forms an entity has from names outside ``script`` when it also has a name in ``script``: text in
        that script names the entity as that name does. The keys of other scripts' names meet common words
        ("Man" for عمان Oman, "Георгия" for Georgia, which Russian calls Грузия). Latin text keeps the
        romanisations of names in other alphabets (press spellings of Cyrillic names). Computed once per
        script (a benign race between threads)."""
        cache = self.__dict__.get("_foreign")
        if cache is None:
            cache = self.__dict__["_foreign"] = {}
        found = cache.get(script)
        if found is None:
            out: list[int] = []
            entries = self.entries
            start = 0
            for end in range(1, len(entries) + 1):
                if end < len(entries) and entries[end].entity == entries[start].entity:
                    continue
                names = {id(e.name): e.name for e in entries[start:end]}
                if len(names) > 1:      # (an entity with one name has nothing to prefer)
                    scripts = {k: n.script or detect_script(n.text) for k, n in names.items()}
                    if script in scripts.values():
                        out.extend(i for i in range(start, end)
                                   if not _native_to(entries[i], scripts[id(entries[i].name)], script))
                start = end
            found = cache[script] = frozenset(out)
        return found

    def institution_words(self, query: ParsedName) -> frozenset[str]:
        """Keys of the query's generic words that name institutions and are no word of any place's name:
        a query holding one names an institution ("Kabul Bank", "Senate of Pakistan"), not a place."""
        keys = {t.key for t in query.tokens if t.role is Role.GENERIC}
        if not keys:
            return frozenset()
        places = self.__dict__.get("_place_words")
        if places is None:
            lex = self.lexicon
            entries = self.entries
            named = {t.key for ei in self._places() for i in self.entries_of(ei) for t in entries[i].parsed.tokens}
            places = self.__dict__["_place_words"] = frozenset(named | lex.place_words)
        return frozenset(k for k in keys if k not in places and k in self.lexicon.org_words)

    def places_named(self, keys: Iterable[str]) -> frozenset[int]:
        """The places and countries that the name words ``keys`` name (by any of their names, demonyms
        too: "kazakh" names Kazakhstan)."""
        table = self.__dict__.get("_place_of")
        if table is None:
            found: dict[str, set[int]] = defaultdict(set)
            entries = self.entries
            for ei in self._places():
                for i in self.entries_of(ei):
                    for w in entries[i].parsed.tokens:
                        if w.role is Role.NAME:
                            found[w.key].add(ei)
            # (a word many places share, "Republic", "Islands", names none of them in particular)
            generic = self.lexicon.org_words.keys() | self.lexicon.place_words
            table = self.__dict__["_place_of"] = {k: frozenset(v) for k, v in found.items()
                                                  if len(v) <= _PLACE_WORD_MAX and k not in generic}
        out: set[int] = set()
        for k in keys:
            out.update(table.get(k, ()))
        return frozenset(out)

    def entries_of(self, entity: int) -> Sequence[int]:
        """The positions of an entity's forms (they are consecutive: the index is built entity by entity)."""
        owners = self.__dict__.get("_owners")
        if owners is None:     # (each entry's entity, ascending: a C loop, where a dict of spans took a Python one)
            owners = self.__dict__["_owners"] = array("i", map(attrgetter("entity"), self.entries))
        return range(bisect_left(owners, entity), bisect_right(owners, entity))

    def _places(self) -> Sequence[int]:
        """Positions of the places and countries (computed once; a benign race between threads): the tables of
        place words read their forms alone, not every form of a gazetteer of people."""
        found = self.__dict__.get("_place_positions")
        if found is None:
            kinds = map((EntityType.PLACE, EntityType.COUNTRY).__contains__, map(attrgetter("type"), self.entities))
            found = self.__dict__["_place_positions"] = array("i", compress(range(len(self.entities)), kinds))
        return found

    def home(self, entity: int) -> frozenset[int]:
        """The places an entity belongs to: those its names hold ("Kazakhstan" for the "Senate of Kazakhstan"; not
        a person's or a country's) and those its ``country`` attribute gives (an entity id or a list of them: the
        Taliban's Afghanistan)."""
        homes = self.__dict__.get("_homes")
        if homes is None:
            homes = self.__dict__["_homes"] = {}
        found = homes.get(entity)
        if found is None:
            words = self.words_of(entity)
            # (two letters are too few to tell places apart: "ҚР" and "КР" share a key; a person's or a country's name
            # holds no place but by chance or history: a syllable of "Sadyr Japarov" in some script is a country's
            # name in another, "Kazakh SSR" names the Soviet Union)
            named = frozenset() if self.entities[entity].type in (EntityType.PERSON, EntityType.COUNTRY) else (
                self.places_named(k for k in words if len(k) > 2) or self.places_named(words))
            given = self.entities[entity].attributes.get("country") or ()
            found = homes[entity] = (named | self.positions(given if isinstance(given, list) else (given,))) - {entity}
        return found

    def words_of(self, entity: int) -> frozenset[str]:
        """The word keys of all an entity's indexed forms (computed once per entity; a benign race)."""
        cache: dict[int, frozenset[str]] = self.__dict__.setdefault("_words_of", {})
        found = cache.get(entity)
        if found is None:
            found = cache[entity] = frozenset(w.key for i in self.entries_of(entity)
                                              for w in self.entries[i].parsed.tokens)
        return found

    def levels(self, entity: int) -> frozenset[str]:
        """The levels of place an entity is (region, district, settlement, a landform): those of the kinds of place
        its names hold ("Osh Region") and its ``level`` attribute (a city's names may hold none)."""
        cache: dict[int, frozenset[str]] = self.__dict__.setdefault("_levels", {})
        found = cache.get(entity)
        if found is None:
            levels = self.lexicon.place_levels
            named = {levels[t.key] for i in self.entries_of(entity) for t in self.entries[i].parsed.tokens
                     if t.key in levels and t.role is not Role.NAME}
            given = self.entities[entity].attributes.get("level")
            found = cache[entity] = frozenset(named | ({given} if isinstance(given, str) else set()))
        return found

    def given_names(self, entity: int) -> frozenset[str]:
        """Keys of a person's given names: the words its names hold before a patronymic ("Садыр Нургожоевич
        Жапаров", "Kasym Zhomart Kemeluly Tokayev"), but for the surname that starts a name whose patronymic ends it
        ("Жапаров Садыр Нургожоевич"). Computed once per entity (a benign race between threads)."""
        cache: dict[int, frozenset[str]] = self.__dict__.setdefault("_given", {})
        found = cache.get(entity)
        if found is None:
            keys: set[str] = set()
            for i in self.entries_of(entity):
                tokens = [t for t in self.entries[i].parsed.tokens if t.role in (Role.NAME, Role.PATRONYMIC)]
                at = next((n for n, t in enumerate(tokens) if t.role is Role.PATRONYMIC), 0)
                keys.update(t.key for t in tokens[int(at == len(tokens) - 1):at] if t.key)
            found = cache[entity] = frozenset(keys)
        return found

    def coded(self, code: str) -> frozenset[int]:
        """The entities whose ISO 3166 code (an ``iso3166_*`` id: "KZ", "KAZ") is ``code``, as written in capitals
        (the table is built on first use; a benign race between threads)."""
        table = self.__dict__.get("_codes")
        if table is None:
            found: dict[str, set[int]] = defaultdict(set)
            for i, e in enumerate(self.entities):
                for kind, value in e.ids.items():
                    if kind.startswith("iso3166") and isinstance(value, str):
                        found[value].add(i)
            table = self.__dict__["_codes"] = {k: frozenset(v) for k, v in found.items()}
        found_codes: frozenset[int] = table.get(code, frozenset())
        return found_codes

    def positions(self, ids: Iterable[object]) -> frozenset[int]:
        """The positions of the entities with these ids (unknown ids are left out)."""
        table = self.__dict__.get("_position_of")
        if table is None:
            table = self.__dict__["_position_of"] = {e.id: i for i, e in enumerate(self.entities)}
        return frozenset(table[i] for i in ids if isinstance(i, str) and i in table)

    def _word_counts(self) -> array[int]:
        """How many words each entry's parsed form has (computed once; a benign race between threads)."""
        counts = self.__dict__.get("_counts")
        if counts is None:
            counts = self.__dict__["_counts"] = array("i", map(len, map(attrgetter("parsed.tokens"), self.entries)))
        return counts

    def _expand(self, key: str, skeleton: str, joined: bool, abjad: bool = True) -> dict[str, float]:
        """The indexed word keys a query word may be, with the strength of the evidence.

        A shared consonant skeleton is strong evidence where one side was written without short
        vowels (``abjad``: the query word, or an indexed word from Arabic-script text), as the
        scorer has it; between two words written with their vowels ("Loez" / "Liza") it is only
        as strong as their keys are close."""
        postings, fuzzy = self.postings, self.fuzzy
        abjad_keys = self.__dict__.get("abjad_keys")     # (None in an index from an older build)
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
            keys = fuzzy.get("s:" + skeleton)
            if abjad or abjad_keys is None or keys is None:
                add(keys, _SKELETON)
            else:
                for k in ((keys,) if isinstance(keys, str) else keys):
                    grade = _SKELETON if k in abjad_keys else _written_skeleton_grade(key, k)
                    if grade > found.get(k, 0.0):
                        found[k] = grade
            # An ending written as it sounds on one side ("جاپاروف" / "Japarov"), as the scorer reads it.
            if abjad:
                for alt, ending in abjad_ending_variants(skeleton):
                    add(tuple(k for k in _keys(fuzzy.get("s:" + alt)) if k.endswith(ending)), _SKELETON)
            elif abjad_keys is not None:
                for alt in latin_ending_variants(key, skeleton):
                    add(tuple(k for k in _keys(fuzzy.get("s:" + alt)) if k in abjad_keys), _SKELETON)
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

    def _near(self, key: str) -> dict[str, float]:
        """Indexed words two edits from ``key`` or closer, of its first letter (a fallback for a query word that
        meets no indexed word through the fuzzy keys: "Tareekka" reads "tarika" by the long-vowel rule, two
        edits from "tarbeka"). Empty when the words to compare would be too many, and in an index of more than
        ``_NEAR_WORDS`` words (where a letter and a length hold more than that many)."""
        if len(self.postings) > _NEAR_WORDS:
            return {}
        table = self.__dict__.get("_by_head")
        if table is None:
            found: dict[tuple[str, int], list[str]] = defaultdict(list)
            for k in self.postings:
                found[k[:1], len(k)].append(k)
            table = self.__dict__["_by_head"] = dict(found)
        buckets = [table.get((key[:1], n), ()) for n in range(len(key) - _NEAR, len(key) + _NEAR + 1)]
        if sum(map(len, buckets)) > _NEAR_MAX:
            return {}
        return {k: _EDIT for bucket in buckets for k in bucket if damerau_levenshtein_distance(key, k) <= _NEAR}

    def candidates(self, query: ParsedName, limit: int, *, skip: frozenset[int] = frozenset(),
                   wide: bool = False) -> list[int]:
        """Entry positions sharing blocking keys with ``query``, most promising first.

        Every query word (and each two or three adjacent words joined) is expanded to the
        indexed words it may be. Query words are read rarest first: the rarest single word
        brings in all its forms (and joined words before it theirs); later postings bring in
        new forms only while there are fewer than ``_NEW_BUDGET``, otherwise they add to the
        forms already there (set intersections, not a loop over every posting). Fuzzy
        expansions with postings longer than ``_CAP`` (and 5% of the index) are not followed,
        nor typo expansions longer than ``_EDIT_CAP`` of a word that is indexed as written, nor
        typo / affix keys shared by more than ``_FANOUT`` words; an exact word always is.
        Entries in ``skip`` are never candidates (nor take a candidate's place). ``wide``: a query word that
        meets no indexed word so is compared with the indexed words of its first letter (:meth:`_near`).
        """
        n = len(self.entries) or 1
        postings = self.postings
        cap = max(_CAP, n // 20)
        log_n = math.log(1 + n)
        # Per query word: the postings of the indexed words it may be, strongest evidence first.
        units: list[tuple[int, bool, list[tuple[float, int | array[int]]]]] = []
        for key, skeleton, weight, joined, abjad, readings in _word_units(query.tokens):
            lists = []
            total = 0
            found = self._expand(key, skeleton, joined, abjad)
            for other in readings:      # (the word read in another language's alphabet: "Bujará" as "Bukhara")
                for k, grade in self._expand(other, key_skeleton(other), False, abjad).items():
                    if grade > found.get(k, 0.0):
                        found[k] = grade
            if wide and not found and not joined and len(key) >= _MIN_DELETE:
                found = self._near(key)     # (``wide``: a word nothing reached is looked for two edits away)
            # A word that exists as written needs its one-edit neighbours only where they are rare.
            edit_cap = _EDIT_CAP if key in found else cap
            # A shared skeleton ranks as the scorer scores it: fewer consonants, more names share them
            # ("Üler" and الوعري share "lr"; "Ülker" is one letter away).
            skeleton_rank = _SKELETON * skeleton_score(len(skeleton)) / SKELETON
            for k, grade in found.items():
                p = postings[k]
                size = 1 if isinstance(p, int) else len(p)
                if grade < _EXACT and size > (cap if grade >= _SKELETON else edit_cap):
                    continue
                total += size
                if grade == _SKELETON:
                    rank = skeleton_rank
                elif grade == _EDIT:
                    # One letter off: as strong as the scorer's typo score of the two words (a long word
                    # one letter off is better evidence than a short skeleton), never less than before.
                    rank = max(_EDIT, _written_skeleton_grade(key, k))
                else:
                    rank = grade
                # The word's weight and the evidence grade rank; rarity only breaks ties (at most +10%).
                lists.append((weight * rank * (1.0 + 0.1 * math.log(1 + n / size) / log_n), p))
            if lists:
                lists.sort(key=lambda x: -x[0])
                units.append((total, joined, lists))
        units.sort(key=lambda u: u[0])
        # A form's score is the sum, over the query words, of the gain of the first (strongest) of
        # the word's postings holding it. Forms run to tens of thousands at a million names and
        # postings to hundreds per query, so the sums are made with set and dict operations (C
        # loops), not a Python loop per form; float addition is commutative, so the sums are the
        # same in any order.
        score: dict[int, float] = {}
        opened = False      # has a single word (not joined words) brought its forms in yet?
        for _, joined, lists in units:
            full = opened and len(score) >= _NEW_BUDGET
            if not opened or full:
                # No budget to watch (before the first word no form is turned away; once full, only
                # forms already in count, and none comes in): each form's gain for this word at once.
                gains: dict[int, float] = {}
                for gain, p in reversed(lists):     # the strongest posting holding a form writes last
                    ids = (p,) if isinstance(p, int) else p
                    gains.update(zip(score.keys() & ids if full else ids, repeat(gain)))
                _add_gains(score, gains)
            else:
                self._add_within_budget(score, lists)
            opened = opened or not joined
        if skip:
            for i in skip.intersection(score):      # (reads the forms in hand, not the whole set)
                del score[i]
        # Among equal evidence prefer shorter forms (fewer words left over), and let no entity
        # fill the list with its many forms ("Sudan" must not be crowded out by "South Sudan").
        entries = self.entries
        keep = limit * _FORMS_PER_ENTITY
        counts = self._word_counts()
        if len(score) > keep:
            # Only the forms that can still make the list need the full ordering.
            floor = heapq.nlargest(keep, score.values())[-1]
            above = list(compress(score.keys(), map(floor.__lt__, score.values())))
            # (the forms tied at the floor, thousands at a million names, are ordered only if the list needs them)
            tied = list(compress(score.keys(), map(floor.__eq__, score.values())))
            ranked: Iterable[int] = chain(_ranked(score, counts, above), _ranked_tied(counts, tied))
        else:
            ranked = _ranked(score, counts, list(score))
        out: list[int] = []
        per_entity: dict[int, int] = defaultdict(int)
        # (initials bring in no forms, but an entity's form whose words they begin more than its forms in hand
        # is taken too: "Жапаров С.Н." is "Садыр Нургожоевич Жапаров" more than "Садыр Жапаров")
        letters = [t.key[:1] for t in query.tokens if t.key and (t.role is Role.INITIAL or len(t.text) == 1)]
        initials: dict[int, int] = {}
        # (an entity's names that read the same once normalised score alike, "عبدالغنی برادر" and "عبدالغني برادر"
        # with their two yehs: one of them is enough, and the others leave room for the entity's other names)
        shapes: set[tuple[object, ...]] = set()
        for i in ranked:
            entry = entries[i]
            e = entry.entity
            extra = False
            if letters and per_entity[e] >= _FORMS_PER_ENTITY:
                extra = per_entity[e] == _FORMS_PER_ENTITY and _initials(entry, letters) > initials.get(e, 0)
            if per_entity[e] < _FORMS_PER_ENTITY or extra:
                name = entry.name
                shape = (e, name.kind, name.valid_from, name.valid_to, entry.parsed.text)
                if shape in shapes:
                    continue
                shapes.add(shape)
                per_entity[e] += 1
                if letters:
                    initials[e] = max(initials.get(e, 0), _initials(entry, letters))
                out.append(i)
                if len(out) >= limit:
                    break
        return out


def _abbreviations(text: str) -> bool:
    """Is ``text`` two or more words, each a few capitals ("AN SSSR", not "THE TALIBAN")?"""
    parts = text.split()
    return len(parts) > 1 and all(p.isupper() and p.isalpha() and len(p) <= ACRONYM_LETTERS for p in parts)


def _initials(entry: Entry, letters: list[str]) -> int:
    """How many of the query's initials (``letters``) begin a word of ``entry``'s name."""
    firsts = {t.key[:1] for t in entry.parsed.tokens}
    return sum(x in firsts for x in letters)


def _ranked(score: dict[int, float], counts: array[int], ids: list[int]) -> list[int]:
    """``ids`` by best score, then fewest words, then position (unique: the order is total). Ties are
    common (every form holding the same query words), so the keys are made in C loops."""
    return [i for _, _, i in sorted(zip(map(float.__neg__, map(score.__getitem__, ids)), map(counts.__getitem__, ids),
                                        ids))]


def _ranked_tied(counts: array[int], ids: list[int]) -> Iterator[int]:
    """``ids``, all of one score, as :func:`_ranked` orders them (two sorts of plain ints, made when first read)."""
    ids.sort()
    ids.sort(key=counts.__getitem__)    # (stable: by position within a word count)
    yield from ids


def _native_to(entry: Entry, source: str | None, script: str) -> bool:
    """Does text in ``script`` name the entity as ``entry`` does? Its name is in ``script`` (or in no
    script), or ``entry`` romanises a name in another alphabet and the text is Latin."""
    return source in (script, None) or (script == "Latn" and entry.via is not None and source in ALPHABETS)


def _written_skeleton_grade(key: str, other: str) -> float:
    """Evidence grade of a shared skeleton between two words written with their vowels: the
    skeleton grade, scaled by the scorer's typo score of their keys where the scorer would align
    them, else the least grade (still found, ranked last)."""
    return max(_FLOOR, _SKELETON * aligned_typo_score(key, other) / TYPO_MAX)


def _add_gains(score: dict[int, float], gains: dict[int, float]) -> None:
    """``score[i] += gains[i]`` for every ``i`` (absent: 0, and 0.0 + g is g), in one C loop."""
    score.update(zip(gains, map(add, map(score.get, gains, repeat(0.0)), gains.values())))


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
    chunk_keys: dict[str, tuple[str, ...]] = {}    # names share their words: key each chunk once
    for ei, name, form, _ in forms:
        if name.kind is NameKind.DEMONYM:
            continue
        for chunk in form.split():
            keys = chunk_keys.get(chunk)
            if keys is None:
                keys = chunk_keys[chunk] = tuple(translit_key(part) for part, _script in raw_words(chunk))
            for k in keys:
                if last.get(k) != ei:
                    last[k] = ei
                    df[k] += 1
    return WordWeights(dict(df))
