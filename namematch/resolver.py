"""The :class:`Resolver`: from a name to the entities it may denote.

Candidates come from the index's blocking keys (never a scan of every name),
then each is scored with :func:`namematch.similarity.compare_parsed`. Results are
:class:`Match` records, best first, one per entity, sorted by
``(-score, entity id)`` so output is deterministic. A name that clears the
threshold for several entities returns all of them with their scores. A candidate that clears the
threshold may still be passed over by a rule (:mod:`namematch.rules`): a qualified or another-level name
of a place or body, a typo on an acronym or a demonym, a short skeleton through another script.
"""

from __future__ import annotations

import datetime as _dt
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from attrs import frozen

from gazetteer import Entity, EntityType, Gazetteer, Name, NameKind

from .index import ABBREVIATING, Entry, NameIndex
from .inflection import SUFFIXING, any_form_keys, apostrophe_stem, dictionary_forms, endings, word_key
from .mentions import Mention, MentionFinder, canonicalize
from .normalize import letters
from .rules import (
    HAN,
    SYLLABIC,
    acronym_typo,
    acronymic,
    any_kind,
    both_unmatched,
    consonants_apart,
    extra_given_name,
    far_typo,
    loose,
    name_unmatched,
    name_word,
    short_skeleton,
    unmatched,
)
from .similarity import DEFAULT_THRESHOLD, Comparison, _explained, _scored, _State, aligned_typo_score
from .structure import ACRONYM_LETTERS, ParsedName, Role
from .translit import detect_script

__all__ = ["BruteForceResolver", "Match", "Resolver"]


@frozen
class Match:
    """One entity a name may denote.

    ``name`` is the gazetteer name that matched; ``form`` the text actually
    compared (the name, or its romanisation in scheme ``via``); ``comparison``
    the word-by-word evidence. ``valid`` is False when a date was given and the
    matched name was not in use then.
    """

    entity: Entity
    score: float
    name: Name
    form: str
    via: str | None
    comparison: Comparison
    valid: bool = True

    @property
    def explanation(self) -> str:
        """Why this entity: the name matched, its kind and period, and the evidence."""
        head = f"{self.entity.id}: matched {self.name.kind.value} name {self.name.text!r}"
        if self.via and self.via.startswith(ABBREVIATING):
            head += f" (read {self.form!r}, {self.via})"
        elif self.via:
            head += f" (romanised {self.form!r} by {self.via})"
        if self.name.kind is NameKind.HISTORICAL or self.name.period:
            head += f", in use {self.name.period or 'at an unknown time'}"
        if not self.valid:
            head += " (not in use on the requested date)"
        return head + "\n" + self.comparison.explain()

    def to_dict(self) -> dict[str, object]:
        """JSON-ready summary."""
        return {
            "id": self.entity.id,
            "name": self.entity.name,
            "type": self.entity.type.value,
            "score": round(self.score, 4),
            "matched": self.name.text,
            "kind": self.name.kind.value,
            "via": self.via,
            "wikidata": self.entity.wikidata,
        }


def _types(types: Iterable[EntityType | str] | EntityType | str | None) -> frozenset[EntityType] | None:
    if types is None:
        return None
    if isinstance(types, (str, EntityType)):
        types = [types]
    try:
        return frozenset(EntityType(t) for t in types)
    except ValueError as exc:
        raise ValueError(f"unknown entity type: {exc}; expected one of "
                         f"{', '.join(t.value for t in EntityType)}") from None


class Resolver:
    """Resolve names against a gazetteer (the embedded default when none is given).

    Build once and share: the index is immutable and the resolver is thread-safe.
    ``threshold`` is the default decision threshold; ``max_candidates`` bounds how
    many indexed forms are scored per query.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        max_candidates: int = 16,
        romanisations: bool = True,
    ) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be in [0, 1], got {threshold!r}")
        if max_candidates < 1:
            raise ValueError(f"max_candidates must be at least 1, got {max_candidates!r}")
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.default()
        self.threshold = threshold
        self.max_candidates = max_candidates
        self.romanisations = romanisations
        prebuilt = self.__dict__.pop("_prebuilt_index", None)  # set by _from_index
        self.index = prebuilt if prebuilt is not None else NameIndex(self.gazetteer, romanisations=romanisations)

    # Set when the index was loaded from, or stored in, the on-disk cache (namematch.cache).
    _cache_key: str | None = None

    @classmethod
    def _from_index(
        cls,
        gazetteer: Gazetteer,
        index: NameIndex,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        max_candidates: int = 16,
        romanisations: bool = True,
    ) -> Resolver:
        """A resolver over an index built earlier (from the cache) for ``gazetteer``."""
        self = cls.__new__(cls)
        self._prebuilt_index = index  # type: ignore[attr-defined]
        self.__init__(gazetteer, threshold=threshold, max_candidates=max_candidates,  # type: ignore[misc]
                      romanisations=romanisations)
        return self

    def __reduce__(self) -> tuple[object, ...]:
        # Pickles cheaply for worker processes: the gazetteer and options travel, and the
        # index is loaded from the on-disk cache (or rebuilt) on the other side.
        from .cache import reduce_resolver

        return reduce_resolver(self)

    def _candidate_entries(self, query: ParsedName, skip: frozenset[int], wide: bool = False) -> Sequence[int]:
        return self.index.candidates(query, self.max_candidates, skip=skip, wide=wide)

    def resolve(
        self,
        name: str,
        limit: int | None = 5,
        types: Iterable[EntityType | str] | EntityType | str | None = None,
        date: _dt.date | str | None = None,
        *,
        threshold: float | None = None,
    ) -> list[Match]:
        """The entities ``name`` may denote, best first; ``[]`` when none clears the threshold.

        ``types`` keeps only entities of those types. Given a ``date``, names in use
        on that date rank before names that were not (historical names still match).
        """
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, got {type(name).__name__}")
        thr = self.threshold if threshold is None else threshold
        if not 0.0 <= thr <= 1.0:
            raise ValueError(f"threshold must be in [0, 1], got {thr!r}")
        when = _dt.date.fromisoformat(date) if isinstance(date, str) else date
        return self._resolve(name, limit, _types(types), when, thr=thr, skip=frozenset(), as_text=True)

    def _resolve(self, name: str, limit: int | None, wanted: frozenset[EntityType] | None,
                 when: _dt.date | None, *, thr: float, skip: frozenset[int], as_text: bool = False,
                 accept: Callable[[Name], bool] | None = None, in_text: bool = False) -> list[Match]:
        """:meth:`resolve` with checked arguments, never scoring the index entries in ``skip``; ``as_text``: a name
        nothing matches is then read as running text (:meth:`_as_text`); ``accept``: only names it accepts match;
        ``in_text``: the name is a reading of a document, which may name the person in full elsewhere (a given
        name alone then counts: the mention finder asks the document)."""
        located = self._located(name, wanted, when, thr=thr, skip=skip)
        if located is None:
            located = self._noted(name, wanted, when, thr=thr, skip=skip)
        if located is not None:
            return located if limit is None else located[:limit]
        best: dict[int, Match] = {}
        titles = self.index.lexicon.titles
        for query in self.index.parse_query(name):
            if query.tokens:
                institution = self.index.institution_words(query)
                title_only = all((t.key,) in titles for t in query.tokens)
                foreign: list[frozenset[int]] = []
                rejected: set[int] = set()
                self._score(query, thr, when, wanted, best, skip=skip, institution=institution, foreign=foreign,
                            title_only=title_only, accept=accept, rejected=rejected, wide=as_text, alone=not in_text)
                if foreign:
                    # (some candidate met the query only through another script's consonants, and may have
                    # crowded out the entity's names in the query's own script: those get their turn)
                    self._score(query, thr, when, wanted, best, skip=skip | foreign[0], institution=institution,
                                title_only=title_only, accept=accept, alone=not in_text)
                passed = skip
                for _ in range(2):
                    if not rejected:
                        break
                    # (names ``accept`` refused took candidate places that its names may fill)
                    passed = passed | frozenset(rejected)
                    rejected.clear()
                    self._score(query, thr, when, wanted, best, skip=passed, institution=institution,
                                title_only=title_only, accept=accept, rejected=rejected, alone=not in_text)
                if len(query.tokens) > 1 and (wanted is None or EntityType.ORG in wanted):
                    self._owned(query, thr, when, best, skip=skip)
        written = letters(name)

        def ranked(m: Match) -> tuple[object, ...]:
            return _rank(m, written)

        out = sorted((m for m in best.values() if accept is None or accept(m.name)), key=ranked)
        if as_text:
            unmarked, weak = self._unmarked(name)
            if unmarked is not None:
                # (the name read without the endings its apostrophes set off, as well: "Taliban'ın" is "Taliban")
                found = {m.entity.id: m for m in reversed(out)}
                for m in reversed(self._resolve(unmarked, None, wanted, when, thr=thr, skip=skip)):
                    if weak and m.comparison.grade != "full":
                        continue    # ("Shi'a" is no "Shi" that is part of a name)
                    if m.entity.id not in found or ranked(m) < ranked(found[m.entity.id]):
                        found[m.entity.id] = m
                out = sorted(found.values(), key=ranked)
            if not out:
                out = self._as_text(name, wanted, when, thr)
            if not out and (trimmed := _trimmed(name)) != name:
                out = self._resolve(trimmed, None, wanted, when, thr=thr, skip=skip, as_text=True)
            if not out:
                out = self._described(name, wanted, when, thr=thr, skip=skip)
        return out if limit is None else out[:limit]

    def _unmarked(self, name: str) -> tuple[str | None, bool]:
        """``name`` with the endings that apostrophes set off removed from words that are then indexed words
        ("Astana'da", "Tokayev'in": data/apostrophe_suffixes.tsv), or None when no word has one; and whether an
        ending was a single letter, which Arabic transcriptions also write after an apostrophe for ayn or hamza
        ("Shi'a", "Sana'a"): the reading then counts only where it is a whole name."""
        words = name.split()
        changed = weak = False
        for n, word in enumerate(words):
            stem = apostrophe_stem(unicodedata.normalize("NFC", word))
            if stem is not None and word_key(stem) in self.index.postings:
                weak = weak or len(word) - len(stem) == 2
                words[n], changed = stem, True
        return (" ".join(words) if changed else None), weak

    def _as_text(self, name: str, wanted: frozenset[EntityType] | None, when: _dt.date | None,
                 thr: float) -> list[Match]:
        """A name no indexed form matches, with its words' case endings read as running text reads them
        (data/inflection.tsv): each word that is an indexed word without an ending is put in that form, and the
        name is resolved again ("Амиром Ханом Муттаки", "Средней Азии", "Токаеву", "Qazaqstanda", "ქაბულში"). The
        endings must be of one language, and a match's name of that language, of none, or written exactly so
        ("казаки", Cossacks, is not the Kazakh "қазақ"). The evidence then shows the dictionary forms."""
        postings = self.index.postings
        forms: list[str] = []
        langs: set[str] = set()
        for word in name.split():
            stem = None
            folded = unicodedata.normalize("NFC", word)
            script = detect_script(folded)
            if script:     # (also a word some name holds inflected: "Советского")
                table = endings()[script == "Cyrl"]
                # (a hyphenated word is inflected on its last part: "Алма-Ату" is "Алма-Ата")
                written = word_key(_HYPHENS.split(word)[-1])
                stem, lang = next(((f, g) for f, g in dictionary_forms(folded, table)
                                   if (k := word_key(_HYPHENS.split(f)[-1])) in postings and k != written
                                   and len(k) > 1),     # (one letter is an initial: "Алма-А" is no stem of "Алма-Ату")
                                  (None, ""))
                if stem:
                    langs.add(SUFFIXING.get(lang, lang))
            forms.append(stem or word)
        if not langs or len(langs) > 1:
            return []
        (lang,) = langs
        reading = " ".join(forms)
        written = unicodedata.normalize("NFC", reading).casefold()

        def accept(name: Name) -> bool:
            return (name.lang is None or SUFFIXING.get(name.lang, name.lang) == lang
                    or unicodedata.normalize("NFC", name.text).casefold() == written)

        return self._resolve(reading, None, wanted, when, thr=thr, skip=frozenset(), accept=accept)

    def _score(self, query: ParsedName, thr: float, when: _dt.date | None,
               wanted: frozenset[EntityType] | None, best: dict[int, Match], *, skip: frozenset[int],
               institution: frozenset[str], foreign: list[frozenset[int]] | None = None,
               title_only: bool = False, accept: Callable[[Name], bool] | None = None,
               rejected: set[int] | None = None, wide: bool = False, alone: bool = True) -> None:
        """Score the query's candidates into ``best``. A candidate met only through a short consonant skeleton of a
        name in another script, when its entity has names in the query's script, is passed over ("Kabala" is not کابل,
        Kabul; "بایدن" is not the pinyin "Budan" of Bhutan); ``foreign`` then receives the forms from other
        scripts, for a second pass without them. ``title_only``: the query is a title and nothing else
        ("Mawlawi"), read as a name only as written. ``accept``: only the names it accepts match; ``rejected``
        receives the others' positions. ``wide``: words no fuzzy key reaches are looked for two edits away (the
        public :meth:`resolve`, not the mention finder's many unknown words). ``alone``: the query is a name on its
        own, where a person's given name alone names no one."""
        entries = self.index.entries
        script = detect_script(query.source)
        written = letters(query.source)
        for i in self._candidate_entries(query, skip, wide):
            if i in skip:
                continue
            entry: Entry = entries[i]
            entity = self.index.entities[entry.entity]
            if wanted is not None and entity.type not in wanted:
                continue
            if accept is not None and not accept(entry.name):
                if rejected is not None:
                    rejected.add(i)
                continue
            if institution and entity.type in _PLACES and not institution <= {t.key for t in entry.parsed.tokens}:
                continue    # "Kabul Bank", "Senate of Pakistan": an institution named after the place
            if entity.type is EntityType.ORG and self._elsewhere(query, entry):
                continue    # the "Foreign Ministry" of Kazakhstan is no "Uzbek Foreign Ministry"
            score, grade, state = _scored(query, entry.parsed)
            if score < thr or (entry.name.kind in _WHOLE_ONLY and grade not in ("full", "acronym")):
                continue
            if (grade == "partial" and entity.type is EntityType.PERSON
                    and len(query.tokens) > len(entry.parsed.tokens) and extra_given_name(query, state)
                    and self._contradicted(query, entry)):
                continue    # "Timur Tokayev" meets the alias "Tokayev", but not Kassym-Jomart Tokayev
            if short_skeleton(state) and len(entity.names) > 1:     # (one name: nothing else to prefer)
                others = self.index.foreign_forms(script or "")
                if i in others:
                    if foreign is not None and not foreign:
                        foreign.append(others)
                    continue
            if acronym_typo(query, state) or (entry.name.kind in _WHOLE_ONLY and any_kind(state, "typo")) or (
                    (entry.name.kind in _WHOLE_ONLY or acronymic(entry.name)) and any_kind(state, "skeleton")):
                continue    # one letter off an acronym or a demonym is another word: "UNAMI", "Kazan"; nor are
                # their consonants alone theirs: قندهار (Kandahar) is neither "Kanadier" nor "КНДР"
            if entity.type in _PLACES and consonants_apart(query, entry, state):
                continue    # a place one consonant off is another place: "Astara" is not Astana
            if entity.type is EntityType.PERSON and consonants_apart(query, entry, state, lone_query=True):
                continue    # so is a surname alone: "Токарев" is not Токаев
            if entity.type is EntityType.PERSON and (left := unmatched(query, state)) and all(
                    t.role is Role.GENERIC for t in left):
                continue    # a name with a kind of place is a place named after the person: "Jinping County"
            if alone and grade == "partial" and entity.type is EntityType.PERSON and (
                    all(t.role is not Role.NAME or self._given_name(t.key, entry.entity) for t in query.tokens)
                    or _surname_left(query, entry, state)):
                continue    # a given name alone names no one in particular: "Sadyr", "Роман", "Kassym-Jomart",
                # "Deborah" (of "Deborah Lyons")
            if grade == "partial" and len(query.tokens) == 1 and (
                    query.tokens[0].key in self.index.lexicon.title_names or self._word_of(entity, entry, state)):
                continue    # one word of a place's name is no name of it ("Ata" of "Алма-Ата"), nor a body's word
                # after its first ("Nations"; "Exxon" is Exxon Mobil), nor a title a person's surname ("Akhund")
            if (grade in ("partial", "full") and entity.type is EntityType.ORG
                    and self._place_alone(query, state, entry)):
                continue    # a place's name inside an institution's is the place: "Советского Союза" is not TASS
            if grade in ("partial", "full") and entity.type in _BODIES and self._qualified(query, state, entry):
                continue    # a place's or a body's name with other name words is another one: "Pakistani Taliban"
            if loose(state) and (title_only or (named := entry.name.script or detect_script(entry.name.text)) in HAN
                                 or (named in SYLLABIC and script and script not in SYLLABIC | HAN)):
                continue    # a title is no name ("Mawlawi" / "Malaui"), nor a syllable off a Chinese name another, nor
                # a kana, hangul or Indic name's romanisation near another script's name (کراچۍ, Karachi, is no
                # クロアチア; "Prague" no पराग्वे, Paraguay)
            if acronymic(entry.name) and script == (entry.name.script or detect_script(entry.name.text)) and (
                    loose(state, "variant") or (len(query.tokens) == 1 and letters(query.source) != letters(
                        entry.name.text))):
                continue    # an abbreviation in the query's own script is its letters: "natto" is not NATO, nor
                # the Russian "КР" (Kyrgyzstan) the Kazakh "ҚР" (Kazakhstan)
            if entry.via is not None and acronymic(entry.name) and letters(query.source) != letters(entry.form):
                continue    # and one romanised is the letters of a romanisation: "Joe" is not ЗХУ ("ZHU"), "SSSR" СССР
            if (entity.type is EntityType.PERSON or entity.type in _PLACES) and (
                    (script == "Latn" and far_typo(query, entry, state))
                    or (script == "Cyrl" and any_kind(state, "typo") and self._far_in_cyrillic(query, entry, state))):
                continue    # three letters off is another name: "Hashmat Ghani" is not Ashraf Ghani (in Latin or
                # Cyrillic letters, both as written and in keys; "Хашмат Гани" neither), "Ленинград" not Целиноград
            if entity.type in _PLACES and self._other_level(query, state, entry.entity):
                continue    # "Almaty Region" is not the city, "Kabul River" not Kabul
            kind_only = grade == "partial" and entity.type in _NAMED_BODIES and not _holds_acronym(query.source)
            if kind_only and self._placeless(entry, state):
                continue    # a body's name without the place it holds names a kind of body: "Islamic Movement" (of
                # Uzbekistan), "Верховный суд" (Республики Казахстан), "International Forum" (Astana); an acronym
                # the query holds is the body's own ("Agencja TASS", "UN-Mission für Afghanistan")
            if kind_only and len(query.tokens) > 1 and (
                    first := next((t for t in entry.parsed.tokens if t.role is Role.NAME), None)) is not None and \
                    first in name_unmatched(entry, state):
                continue    # nor one without its first name word: "Treaty Organization" is no CSTO
            if (len(query.tokens) == 1 and entity.type in _PLACES and any_kind(state, "typo")
                    and _truncated(query.tokens[0].key, entry)):
                continue    # a place's name cut short is another word: "Roman" is not Romania, "ország" not Írország
            if entity.type in _BODIES and both_unmatched(query, entry, state):
                continue    # "Organisation of Islamic Cooperation" is no "Shanghai Cooperation Organisation"
            c = _explained(query, entry.parsed, thr, state)     # compare_parsed(query, entry.parsed)
            valid = when is None or entry.name.is_valid_on(when)
            m = Match(entity, c.score, entry.name, entry.form, entry.via, c, valid)
            old = best.get(entry.entity)
            if old is None or _better(m, old, written):
                best[entry.entity] = m

    def _owned(self, query: ParsedName, thr: float, when: _dt.date | None, best: dict[int, Match], *,
               skip: frozenset[int]) -> None:
        """An institution named by its own words and its country's, however the query names the country
        ("Kazakh Supreme Court", "Сенат РК", "Verkhovny Sud of Kazakhstan"): the words that name no place are
        looked up alone, and each institution they reach whose names hold a place the query names is scored
        with the query's place words read as the place words of that name."""
        index = self.index
        written = letters(query.source)
        each = [index.places_named((t.key,)) if t.role is Role.NAME else frozenset() for t in query.tokens]
        rest = tuple(t for t, p in zip(query.tokens, each) if not p)
        named_each = [p for p in each if p]
        if not named_each or not rest or all(t.role is Role.PARTICLE for t in rest):
            return
        named = frozenset().union(*named_each)
        head = ParsedName(query.source, rest, query.titles)
        for i in self._candidate_entries(head, skip):
            entry: Entry = index.entries[i]
            entity = index.entities[entry.entity]
            home = index.home(entry.entity)
            if (entity.type is not EntityType.ORG or not home & named
                    or not all(p & home for p in named_each)):
                continue    # (every place the query names is the institution's: not the "Kazakh SSR"'s academy)
            # (a short name of the institution holds no place: "Сенат" of "Сенат РК")
            # (a place word of the name may carry a case ending: "Верховный суд Казахстана")
            own = tuple(t for t in entry.parsed.tokens
                        if index.places_named((t.key, *(t.key[:-n] for n in range(1, _ENDING + 1)))) & named)
            reading = ParsedName(query.source, rest + own, query.titles)
            score, grade, state = _scored(reading, entry.parsed)
            if score < thr or grade == "partial" or any_kind(state, "typo"):
                continue    # (its own words as written or spelt otherwise, not mistyped: "Kazakh Khanate" / Senate)
            c = _explained(reading, entry.parsed, thr, state)
            if any(e.kind == "missing" and e.right for e in c.evidence):
                continue    # (every word of the name, read so: "Kazakh Ministry" is no "Ministry of Agriculture")
            m = Match(entity, c.score, entry.name, entry.form, entry.via, c,
                      when is None or entry.name.is_valid_on(when))
            old = best.get(entry.entity)
            if old is None or _better(m, old, written):
                best[entry.entity] = m

    def _located(self, name: str, wanted: frozenset[EntityType] | None, when: _dt.date | None, *, thr: float,
                 skip: frozenset[int]) -> list[Match] | None:
        """A name, a comma and the place it lies in ("Astana, Kazakhstan", "Badakhshan Province, Afghanistan", "Astana,
        KZ"): the name's matches that lie there (or whose place is unknown; a person only named in full). None when
        the text after the last comma names no place (then the whole name is resolved: "Tokayev, Kassym-Jomart")."""
        head, comma, tail = name.rpartition(",")
        if not comma or "," in head or not head.strip() or not tail.strip():
            return None     # (one comma: a list of names is no name and its place)
        index = self.index
        # (a country's ISO code, in capitals, names it there only: "Astana, KZ")
        where = index.coded(tail.strip()) or index.positions(
            m.entity.id for m in self._resolve(tail, None, _PLACES, when, thr=max(thr, _SURE), skip=skip))
        if not where:
            return None
        found = self._resolve(head, None, wanted, when, thr=thr, skip=skip)
        homes = [index.home(p) for m in found for p in index.positions((m.entity.id,))]
        # (a person is named there in full, or it is a place's name: "Lyons, France" is no Deborah Lyons; and a
        # country lies in no other country: "Georgia, USA" is a state named after it)
        in_country = all(index.entities[p].type is EntityType.COUNTRY for p in where)
        return [m for m, home in zip(found, homes) if (not home or home & where)
                and (m.entity.type is not EntityType.PERSON or m.comparison.grade == "full")
                and not (in_country and m.entity.type is EntityType.COUNTRY
                         and not index.positions((m.entity.id,)) & where)]

    def _described(self, name: str, wanted: frozenset[EntityType] | None, when: _dt.date | None, *, thr: float,
                   skip: frozenset[int]) -> list[Match]:
        """A whole name with a description around it that matches nothing as one: the name before a comma
        ("امیرخان متقی، وزیر امور خارجهٔ حکومت طالبان"), or a person's after words that hold a title ("President of
        Kyrgyzstan Sadyr Japarov"). Only a name matched in full counts: a surname alone is no one's here."""
        def whole(text: str, person: bool = False) -> list[Match]:
            found = self._resolve(text, None, wanted, when, thr=thr, skip=skip)
            return [m for m in found if m.comparison.grade == "full"
                    and (not person or m.entity.type is EntityType.PERSON)]

        comma = _COMMAS.search(name)
        head = name[:comma.start()] if comma else ""
        if head.strip() and (found := whole(head)):
            return found
        words = name.split()
        titles = self.index.lexicon.titles
        for k in range(1, len(words) - 1):
            if any((word_key(w),) in titles for w in words[:k]) and (found := whole(" ".join(words[k:]), True)):
                return found
        return []

    def _placeless(self, entry: Entry, state: _State) -> bool:
        """Does the query leave out a word of the body's name that names a place ("Uzbekistan" of the "Islamic
        Movement of Uzbekistan")?"""
        keys = [t.key for t in name_unmatched(entry, state) if t.role is Role.NAME and t.key]
        return bool(keys) and bool(self.index.places_named(keys))

    def _given_name(self, key: str, entity: int) -> bool:
        """Is ``key`` one of the entity's given names (:meth:`NameIndex.given_names`), or that name in another
        romanisation ("Kassym-Jomart" of "Касым-Жомарт Кемелевич")?"""
        return any(key == g or aligned_typo_score(key, g) >= _SAME_WORD for g in self.index.given_names(entity))

    def _noted(self, name: str, wanted: frozenset[EntityType] | None, when: _dt.date | None, *, thr: float,
               skip: frozenset[int]) -> list[Match] | None:
        """A name with a note in brackets ("Sadyr Japarov (born 1968)", "Almaty (formerly Alma-Ata)"): the name
        outside them, in the place the note names if it names one ("Osh oblast (Kyrgyzstan)", as after a comma),
        else the note's matches if the name outside has none ("(FYROM)"). None when there is no note."""
        if "(" not in name and "[" not in name:
            return None     # (the mention finder's many readings have none)
        notes = [n.strip() for n in _NOTE.findall(name)]
        head = " ".join(_NOTE.sub(" ", name).split())
        if not notes or not head or not any(notes) or any(c in head for c in "()[]"):
            return None
        if len(notes) == 1:
            located = self._located(f"{head}, {notes[0]}", wanted, when, thr=thr, skip=skip)
            if located is not None:
                return located
        found = self._resolve(head, None, wanted, when, thr=thr, skip=skip, as_text=True)
        if len(found) > 1 and len(notes) == 1 and (about := self._resolve(notes[0], 1, None, when, thr=_SURE,
                                                                           skip=skip)):
            # (the note names whose it is: "Security Council (UN)" is the one whose names hold the UN's)
            index = self.index
            keys = {t.key for t in index.parse_query(about[0].name.text)[0].tokens if t.key}

            def named(m: Match) -> bool:
                return any(keys <= index.words_of(p) for p in index.positions((m.entity.id,)))

            return sorted(found, key=lambda m: not named(m))
        for note in notes:
            found = found or self._resolve(note, None, wanted, when, thr=thr, skip=skip, as_text=True)
        return found

    @staticmethod
    def _word_of(entity: Entity, entry: Entry, state: _State) -> bool:
        """Is a one-word query a word of a place's or a body's name, other name words of which it lacks: any word
        of a place's name, a body's word after its first name word?"""
        if entity.type is EntityType.PERSON:
            return False
        left = name_unmatched(entry, state)
        if not any(map(name_word, left)):
            return False
        if entity.type is not EntityType.ORG:
            return True
        first = next((t for t in entry.parsed.tokens if t.role is Role.NAME), None)
        return first is not None and first in left

    def _place_alone(self, query: ParsedName, state: _State, entry: Entry) -> bool:
        """Is the query only a place's name (words naming a place, and other words of that place's names:
        "Союза"), which the institution's name holds beside words of its own ("Kazakhstan" in "Senate of
        Kazakhstan", "Советского Союза" in "Телеграфное агентство Советского Союза")? Then it names the place.
        Query words count as written or without a case ending."""
        if unmatched(query, state) or not name_unmatched(entry, state):
            return False
        index = self.index
        words = query.source.split()
        if not words or len(words) > len(query.tokens) + 1:
            return False
        places: frozenset[int] | None = None
        rest: list[frozenset[str]] = []
        for w in words:
            keys = any_form_keys(w)
            named = index.places_named(keys)
            if named:
                places = named if places is None else places & named
            else:
                rest.append(keys)
        # (other words must be words of that place's names: "Союза" of "Советский Союз", not "Сенат")
        if not places:
            return False
        return all(any(keys & index.words_of(p) for p in places) for keys in rest)

    def _other_level(self, query: ParsedName, state: _State, entity: int) -> bool:
        """Does the query add a kind of place of another level than the place's own (its names' kinds of place
        and its ``level`` attribute: "region", "district", "settlement", a landform; a country's is none of them)?"""
        levels = self.index.lexicon.place_levels
        added = {levels[t.key] for t in unmatched(query, state) if t.key in levels}
        if not added:
            return False
        own = self.index.levels(entity)
        if not own:     # (a country is of no level but its own: "Mexico City", "Niger River" are other places)
            return self.index.entities[entity].type is EntityType.COUNTRY
        return not added <= own

    def _qualified(self, query: ParsedName, state: _State, entry: Entry) -> bool:
        """Does the query lack a qualifier ("Central", data/qualifiers.tsv) of a place's or an organisation's name,
        or add a name word or a qualifier to it, other than a word naming the place the entity belongs to or a word
        of its other names? Then it names another place or body ("Alay District" beside "Chong-Alay District",
        "Gorno-Badakhshan", "Central America", "Мажилис Парламента…" beside "Сенат Парламента…"), unlike
        "Kazakh Senate" or "Islamic Jihad Union (IJU)"."""
        index = self.index
        qualifiers = index.lexicon.qualifiers
        if any(t.key in qualifiers for t in name_unmatched(entry, state)):
            return True     # the name's own qualifier, missing from the query: "Chong-Alay District", "Central Asia"
        extra = [t for t in unmatched(query, state) if t.key in qualifiers or name_word(t)]
        if not extra:
            return False
        # (words of the entity's other names qualify nothing: "Islamic Jihad Union (IJU)")
        own = index.words_of(entry.entity)
        # (a country is its own home: another country's word before it names another place, "British Honduras")
        home = index.home(entry.entity) or (frozenset({entry.entity})
                                            if index.entities[entry.entity].type is EntityType.COUNTRY else frozenset())
        for t in extra:
            if t.key in own:
                continue
            places = index.places_named((t.key,))
            # A word naming no place makes another body ("Tariq Ramadan", "Hashmat Ghani"); a word naming a place
            # another place's, when the entity's own is known ("Pakistani Taliban"; "Afghan Taliban" is its own).
            if t.key in qualifiers or not places or (home and places.isdisjoint(home)):
                return True
        return False

    def _far_in_cyrillic(self, query: ParsedName, entry: Entry, state: _State) -> bool:
        """Is a Cyrillic query three letters off the person's Cyrillic names, counted in Cyrillic letters ("Хашмат
        Гани" / "Ашраф Гани"; "щ" is one letter, though "shch" in Latin)? A name in another script is judged by
        the person's Cyrillic names, where there are any, and so is a romanisation of one."""
        if entry.via is None and (entry.name.script or detect_script(entry.name.text)) == "Cyrl":
            return far_typo(query, entry, state, letters=True)
        entries = self.index.entries
        own = [j for j in self.index.entries_of(entry.entity)
               if entries[j].via is None and (entries[j].name.script or detect_script(entries[j].name.text)) == "Cyrl"]
        if not own:
            return False
        for j in own:
            other = _scored(query, entries[j].parsed)
            if other[2] is None or not far_typo(query, entries[j], other[2], letters=True):
                return False
        return True

    def _contradicted(self, query: ParsedName, entry: Entry) -> bool:
        """Does a fuller name of the person contradict the words of the query that ``entry`` (a shorter name,
        such as a surname alone) leaves unmatched? Then the query names someone else with that surname."""
        entries = self.index.entries
        script = detect_script(query.source)
        # (the person's fuller names as written in the query's script: "Касым-Жомарт Токаев" for Cyrillic)
        # (only those holding the shorter name's words: "Xi Jinping" for "Xi", not the Wade-Giles "Hsi Chin-p'ing")
        words = {t.key for t in entry.parsed.tokens}
        lex = self.index.lexicon
        # (nor those that only add a title-like word: "Abdul Ghani Baradar Akhund" says nothing of a father's name)
        fuller = [j for j in self.index.entries_of(entry.entity)
                  if len(entries[j].parsed.tokens) > len(entry.parsed.tokens) and entries[j].via is None
                  and detect_script(entries[j].name.text) == script
                  and words <= (more := {t.key for t in entries[j].parsed.tokens})
                  and not all(k in lex.title_names or (k,) in lex.titles for k in more - words)]
        return bool(fuller) and all(_scored(query, entries[j].parsed)[1] == "conflict" for j in fuller)

    def _elsewhere(self, query: ParsedName, entry: Entry) -> bool:
        """Does the query name places, none of them the place an organisation's names hold? (Only its words
        that the name ``entry`` lacks count: "BUU" is the UN's Kyrgyz abbreviation, though "bu" is also a word
        of a Wolof name of Senegal.)"""
        home = self.index.home(entry.entity)
        if not home:
            return False
        own = {t.key for t in entry.parsed.tokens}
        named = self.index.places_named(t.key for t in query.tokens if t.role is Role.NAME and t.key not in own)
        return bool(named) and named.isdisjoint(home)

    def best(self, name: str, **kwargs: object) -> Match | None:
        """The single best match, or ``None``."""
        found = self.resolve(name, limit=1, **kwargs)  # type: ignore[arg-type]
        return found[0] if found else None

    # -- mentions in text (namematch.mentions)

    def _mention_finder(self) -> MentionFinder:
        finder = self.__dict__.get("_finder")
        if finder is None:
            with _FINDER_LOCK:
                finder = self.__dict__.get("_finder")
                if finder is None:
                    finder = self.__dict__["_finder"] = MentionFinder(self)
        return finder

    def find_mentions(
        self,
        text: str,
        *,
        date: _dt.date | str | None = None,
        demonyms: bool = False,
        ambiguous: bool = False,
        threshold: float | None = None,
    ) -> list[Mention]:
        """Every mention of an entity in ``text``, in text order, non-overlapping.

        ``demonyms`` also returns adjectival forms ("Kazakh"); ``ambiguous`` also
        returns mentions the document cannot settle, with their candidates;
        ``threshold`` is the score a spelling the gazetteer does not hold must
        reach (default: the resolver's threshold, at least 0.8). The rules are
        in :mod:`namematch.mentions`.
        """
        when = _dt.date.fromisoformat(date) if isinstance(date, str) else date
        return self._mention_finder().find(text, date=when, demonyms=demonyms, ambiguous=ambiguous,
                                           threshold=threshold)

    def annotate(self, text: str, **kwargs: object) -> list[dict[str, object]]:
        """The mentions of ``text`` as JSON-ready records (same options as :meth:`find_mentions`)."""
        return [m.to_dict() for m in self.find_mentions(text, **kwargs)]  # type: ignore[arg-type]

    def canonicalize(self, text: str, **kwargs: object) -> str:
        """``text`` with every name mention rewritten to its entity's canonical name.

        The text around a mention is kept, so a possessive stays ("Toqaev’s" →
        "Kassym-Jomart Tokayev’s"); demonyms are left as written.
        """
        return canonicalize(text, self.find_mentions(text, **kwargs))  # type: ignore[arg-type]


_FINDER_LOCK = threading.Lock()

_PLACES = frozenset({EntityType.PLACE, EntityType.COUNTRY})
_ALPHABETIC = frozenset({"Latn", "Cyrl"})   # scripts whose words romanise letter by letter, vowels and all
_BODIES = _PLACES | {EntityType.ORG, EntityType.OTHER}
_NAMED_BODIES = frozenset({EntityType.ORG, EntityType.OTHER})     # bodies and events named by words of a kind
_ENDING = 3   # letters a case ending adds to a place word inside an institution's name
_SAME_WORD = 0.8   # two romanisations of a word are this close as typos ("kasimjomart" / "kasimzhomart")
_SURE = 0.9   # the place after a comma must be named this surely ("Astana, Kazakhstan")

# An abbreviation or a demonym inside a longer name is not a mention of it ("Nur Otan" is not OTAN).
_WHOLE_ONLY = frozenset({NameKind.ABBREVIATION, NameKind.DEMONYM})

_KIND_ORDER = {NameKind.CANONICAL: 0, NameKind.ALIAS: 1, NameKind.NATIVE: 1, NameKind.ABBREVIATION: 2,
               NameKind.HISTORICAL: 3, NameKind.DEMONYM: 4}


_HYPHENS = re.compile("[-‐‑]")
_WORD_SPLIT = re.compile(r"[\s\-‐‑/]+")
_COMMAS = re.compile("[,،，、]")                     # a comma in any script
_NOTE = re.compile(r"[(\[]([^()\[\]]*)[)\]]")      # a note in brackets after a name
_NUMBER = re.compile(r"^[\d.,:/–-]+$")                # a year, a date, a number: no word of a name
_HYPHEN_TAIL = re.compile(r"[-‐‑]\w+$")               # "-based", "-led" after a name


def _surname_left(query: ParsedName, entry: Entry, state: _State) -> bool:
    """Does a one-word query leave the surname of a person's name of several words unmatched: its last name word,
    or its first where a patronymic ends the name ("Жапаров Садыр Нургожоевич")?"""
    if sum(1 for t in query.tokens if t.role is Role.NAME) != 1:
        return False
    words = [t for t in entry.parsed.tokens if t.role in (Role.NAME, Role.PATRONYMIC)]
    names = [t for t in words if t.role is Role.NAME]
    if len(names) < 2:
        return False
    surname = names[0] if words[-1].role is Role.PATRONYMIC else names[-1]
    return surname in name_unmatched(entry, state)


def _holds_acronym(text: str) -> bool:
    """Does ``text`` hold a word of two to five capitals ("TASS", "ТАСС", "UN-Mission")?"""
    return any(2 <= len(w) <= ACRONYM_LETTERS and w.isalpha() and w.isupper() for w in _WORD_SPLIT.split(text))


def _truncated(key: str, entry: Entry) -> bool:
    """Is ``key`` the start or the end of the entry's one-word name, two letters or more short of it ("Roman" of
    Romania, the Hungarian "ország", country, of "Írország")?"""
    words = [t.key for t in entry.parsed.tokens if t.role is Role.NAME]
    return (len(words) == 1 and (words[0].startswith(key) or words[0].endswith(key))
            and len(words[0]) - len(key) >= 2)


def _trimmed(name: str) -> str:
    """``name`` without the words around a name that are none of its own: numbers ("Astana International Forum
    2023") and a lowercase word after a hyphen at its end ("Dushanbe-based", as the mention finder reads it)."""
    words = [w for w in name.split() if not _NUMBER.match(w)]
    if words and (tail := _HYPHEN_TAIL.search(words[-1])) and tail.group()[1:].islower() and tail.start():
        words[-1] = words[-1][:tail.start()]
    return " ".join(words) if words else name


def _better(m: Match, old: Match, written: str) -> bool:
    """Does ``m`` rank before ``old`` (:func:`_rank`; the letters are compared only between equal scores)?"""
    a, b = (not m.valid, -m.score), (not old.valid, -old.score)
    return a < b if a != b else _rank(m, written) < _rank(old, written)


def _rank(m: Match, written: str | None = None) -> tuple[object, ...]:
    """Order of matches: in use on the date, score, then (given the query's ``written`` letters) a name written as
    the query ("Азаттық" is the Kazakh service's though the Kyrgyz "Азаттык" reads the same), entity, name."""
    return (not m.valid, -m.score, written is not None and letters(m.name.text) != written, m.entity.id,
            _KIND_ORDER[m.name.kind], m.name.text, m.via or "")


class BruteForceResolver(Resolver):
    """Scores every indexed form: slow, for tests and as the oracle of the indexed resolver."""

    def _candidate_entries(self, query: ParsedName, skip: frozenset[int], wide: bool = False) -> Sequence[int]:
        return range(len(self.index.entries))
