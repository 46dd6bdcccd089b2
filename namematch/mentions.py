"""Mentions in running text: every span that names an entity, with its offsets.

How :meth:`namematch.Resolver.find_mentions` reads a text:

1. **Words and runs.** Words are split at anything but letters, digits and an
   apostrophe inside a word (a possessive ``'s`` / ``’s`` stays outside). A *run*
   is a sequence of capitalised words (or words of a script without case),
   joined by a space, a single line break, a hyphen, a slash or the dot of an
   initial, with lowercase function words, particles and words some name holds
   allowed inside and at the end ("Supreme Court of Kazakhstan", "al-Qaeda",
   "Организация Договора о коллективной безопасности"). Other lowercase words end
   a run, so "Taliban-led" yields "Taliban" and "Tokayev’s" yields "Tokayev". Names that the
   gazetteer itself writes in lowercase ("талибы", "оралман") are also looked for
   in lowercase, as written or with a case ending, never as a misspelling.
2. **Words to keys.** Each word gets the romanisation key the index uses
   (:func:`namematch.phonetic.translit_key` of its normalised form). A word whose
   key is no word of any name is tried without a case ending from
   ``data/inflection.tsv`` ("Токаева" → "Токаев", "Астанаға" → "Астана"); a
   stretch of words is also tried with each word in its dictionary form
   ("Исламского движения Узбекистана" → "Исламское движение Узбекистана").
3. **Readings.** Every stretch of a run is looked up by the concatenated keys of
   its words in a table of every indexed name form (so "Tokajew", "Qasym-Zhomart
   Toqaev" and "Abdulghani" meet their names without a scan), and a lone word in
   a table of persons' surnames (names written without their patronymic are in
   the first table too). Stretches of up to five capitalised words that the
   tables leave unexplained (a telling word no reading took, or several name
   words no full-name reading took) are resolved through :meth:`Resolver.resolve`
   with the stricter mention threshold, then shorter stretches if the whole
   names no one or only part of someone: that is how spellings no key table
   knows are found ("Bhjh Lyn Zhykh", "Göstz Nette"). One word read that way is
   at most part of a longer name; a stretch holding words its name lacks, or
   starting with a title, is not a reading (its shorter stretches are). A name of
   several words, all matched, counts a little under the threshold when no other
   entity comes near it.
   Initials before a person's name ("K. Tokayev") join the reading and keep only
   the people whose given names start with them.
4. **Choice.** Overlapping readings are settled per run by the largest total of
   ``score × words``: the longest, best-scoring reading wins ("Abdul Ghani
   Baradar" is one mention, not a mention of Ashraf Ghani). A title before a
   person's name stays outside the span and is recorded.
5. **Document context.** Some readings need support from the rest of the
   document (the rule):

   * a surname alone, or a partial reading, resolves to an entity mentioned in
     full elsewhere in the document; otherwise only when it is *distinctive*
     (one person has it, and the word is not a common name word);
   * a short form of a longer name ("Foreign Ministry", "Security Council",
     "Senate": every word of it is in a longer name of the same entity) resolves
     only when the entity itself, or an entity its longer names mention
     ("Kazakhstan" in "Ministry of Foreign Affairs of Kazakhstan", also as a
     demonym: "Kazakh"), is mentioned in the document; the nearest such support wins;
   * a reading that fits several entities equally well resolves by the same
     support; without it, it is reported as ambiguous (``ambiguous=True``) or
     dropped (the default);
   * the first word of a two-word person name alone is never distinctive;
   * a place read from the word before a capitalised word no name holds needs
     the place named elsewhere ("Georgia Wells"; "Nursultan Nazarbayev" never);
   * a lone word that starts a sentence and is no name as written, or that the
     document also writes in lowercase ("Того" and "кроме того"), needs the
     entity named elsewhere in the document.

Text in a script names an entity the way its names in that script do
(:meth:`NameIndex.foreign_forms`): Russian "Георгия" is not Georgia, whose
Russian name is Грузия, and "Man" is not the romanised عمان (Oman).

Demonyms ("Kazakh", "Afghan") are found always (they support short forms) but
returned only with ``demonyms=True``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import itertools
import operator
import re
import unicodedata
from collections import defaultdict
from collections.abc import Container, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from attrs import evolve, frozen

from gazetteer import Entity, EntityType, Name, NameKind

from .index import ALPHABETS
from .inflection import APOSTROPHES, apostrophe_suffixes, dictionary_forms, endings
from .inflection import MIN_STEM as _MIN_STEM
from .inflection import SUFFIXING as _SUFFIXING
from .inflection import any_form_keys as _any_form_keys
from .inflection import stem_keys as _stem_keys
from .inflection import word_key as _key
from .lexicon import ABJAD_SCRIPTS, lexicon
from .normalize import letters, normalize_word
from .phonetic import deletions, skeleton_key
from .rules import ACRONYM_LETTERS as _ACRONYM_LETTERS
from .similarity import compare_parsed
from .structure import NameToken, ParsedName, Role, parse_name
from .translit import detect_script

if TYPE_CHECKING:
    from .index import Entry
    from .resolver import Match, Resolver

__all__ = ["FORMS", "MENTION_THRESHOLD", "Mention", "MentionFinder", "canonicalize"]

#: The least score of a mention whose spelling the gazetteer does not hold (unless the resolver's is higher).
MENTION_THRESHOLD = 0.8

#: The forms a mention can take.
FORMS = ("full", "partial", "abbreviation", "historical", "demonym")
_SHORT_UNMARKED = 4      # a one-word name this short, accented, is met without its accents only with support

# A word: letters and digits with the combining marks, joiners and apostrophes that occur inside names
# ("И̇мам", Persian half-spaces, "O'Brien", "Mhmd`ly"); a possessive 's stays outside.
_MARKS = "\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670\u200c\u200d"
_APOS = APOSTROPHES
# Marks that romanise a letter (ayn and hamza: ʿ ʾ, and ` in unidecode / anyascii output; the soft sign ʹ) and may
# start or end a word ("`Ali", "ʿAbd al-Raḥmān", "D`"): unlike a quote, they are part of the name.
_EDGE = "`ʿʾʹ"
# An ending set off by an apostrophe (data/apostrophe_suffixes.tsv: "Tokayev's", "Astana'da") stays outside too.
_SUFFIX = "|".join(sorted(map(re.escape, apostrophe_suffixes()), key=lambda x: (-len(x), x)))
_BODY = rf"[{_EDGE}]?\w[\w{_MARKS}]*(?:[{_APOS}{_EDGE}](?!(?i:{_SUFFIX})\b)\w[\w{_MARKS}]*)*[{_EDGE}]*"
_WORD = re.compile(_BODY)
_GAP_CHARS = frozenset(" \t\u00a0\n-‐‑/.'’")


def _lowercase_class() -> str:
    """A regex character class body holding every lowercase letter of the Basic Multilingual Plane."""
    ranges: list[list[int]] = []
    for cp in range(0x10000):
        if chr(cp).islower():
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


@lru_cache(maxsize=1)
def _capital() -> re.Pattern[str]:
    """A word that starts with a letter that is not lowercase: capitalised, or of a script without case.

    Compiled on first use (building the class takes a moment; ``import namematch`` should not)."""
    return re.compile(rf"(?<![\w{_MARKS}{_APOS}{_EDGE}])(?:(?=[{_EDGE}][^\W\d_])|(?=[^\W\d_])(?!["
                      + _lowercase_class() + "]))" + _BODY)


@lru_cache(maxsize=1)
def _chunk() -> re.Pattern[str]:
    """Capitalised words joined by spaces, hyphens or slashes alone: words that always share a run."""
    word = _capital().pattern
    return re.compile(rf"{word}(?:[ \t\u00a0\-‐‑/]{{1,4}}{word})*")


_LEAD = re.compile(r"(?<![\w'’ʼ])([^\W\d_]+)[-‐‑'’ʼ ]\Z")   # "al-" before "Qaeda"
_HYPHEN_TAIL = re.compile(r"[-‐‑]([^\W\d_]+)")                 # "-operation" after "Co"
_TRAIL = re.compile(r"[ \-‐‑]([^\W\d_]+)\b")               # "district" after "Chong-Alai"
_MAX_WORDS = 10        # longest reading considered, in words
_PARTICIPLE_GAP = re.compile(r"[-‐‑][^\W\d_]+ +")     # "-run ", "-led ": an owner's compound before its body
_DEFINED_SPAN = 80    # characters before an abbreviation in brackets that may spell it out
_LIST_MAX = 4         # names a list before a kind of place may hold ("Almaty, Zhambyl and Turkestan regions")
_LIST_GAP = re.compile(r" *, *| +")
_HYPHEN_PART = re.compile(r"[-‐‑]\w+")
_WATER = "water"      # the level of data/place_words.tsv that names a body of water ("ocean", "мұхиты")
_MAX_TRAIL = 5         # lowercase words a name may end with ("... қауіпсіздік туралы шарт ұйымы")
_GAP_MAX = 40          # longest gap (in characters) between two words of one name
_LEAD_CONTEXT = 9      # characters before a run where a particle ("al-") and the character before it fit
_FUZZY_SPAN = 5        # longest reading resolved through the resolver
_MAX_GIVEN = 3         # given names before a middle initial ("Kassym-Jomart K. Tokayev": two words)
_BESIDE_MAX = 12       # longest gap between an institution and the place that owns it ("’s ", " of the ")
_TIE = 0.02            # options this close to the best are ties
_PARTIAL_GUESS = 0.75  # the weight of a shared surname's reading before the document settles it
_AMBIGUOUS_SHOWN = 5   # candidates scored for a surname the document does not settle
_PARTIAL_FLOOR = 0.5   # a surname alone is kept as a reading from this score (the document decides)
_CLEAR_SLACK = 0.05    # how far under the threshold a clear fuzzy reading of several words may be
_CLEAR_LEAD = 0.05     # ... when no other entity scores within this much of it
_DISTINCT = 0.7        # a partial reading stands alone when its weakest name word weighs this much


@frozen
class Mention:
    """One mention of an entity in a text.

    ``text == source[start:end]``. ``name`` is the gazetteer name that matched;
    ``form`` one of :data:`FORMS`; ``title`` the span of an adjacent title
    ("President") kept outside the mention. ``candidates`` lists the entities an
    ambiguous mention may denote (then ``ambiguous`` is True and ``entity`` is
    the first of them).
    """

    start: int
    end: int
    text: str
    entity: Entity
    score: float
    name: Name
    form: str
    title: tuple[int, int] | None = None
    ambiguous: bool = False
    candidates: tuple[tuple[Entity, float], ...] = ()

    def to_dict(self) -> dict[str, object]:
        """JSON-ready record."""
        out: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "id": self.entity.id,
            "name": self.entity.name,
            "type": self.entity.type.value,
            "score": round(self.score, 4),
            "matched": self.name.text,
            "form": self.form,
        }
        if self.title is not None:
            out["title"] = list(self.title)
        if self.ambiguous:
            out["ambiguous"] = True
            out["candidates"] = [{"id": e.id, "score": round(s, 4)} for e, s in self.candidates]
        return out


# --- tables -----------------------------------------------------------------------------------------------

def _is_cap(word: str) -> bool:
    """Capitalised, or a letter of a script without case."""
    c = word[0]
    if c.isupper() or c in _EDGE:    # a letter romanised as a mark has no case ("`ly" for علی)
        return True
    return c.isalpha() and not c.islower()


# --- the finder ---------------------------------------------------------------------------------------------

# A word's lookup record: (capitalised, key, form, status, weight, word); status 0 unknown, 1 a name word,
# 2 a name word after removing a case ending, 3 within one edit of a name word, or the consonants of one
# written without vowels.
# ..., the word as written, whether a name may end with it, whether it is a short capitalised abbreviation,
# a function word ("of", "и") and a particle ("al", "ibn"); for a name word as written, the keys and forms it
# has without a case ending that are name words too ("организации": "организация").
_Info = tuple[bool, str, str, int, float, str, bool, bool, bool, bool, tuple[tuple[str, str], ...]]


@frozen
class _Option:
    entity: int
    score: float
    entry: int
    form: str
    support: frozenset[int] | None   # short form: entities whose mention supports it; None: needs none
    partial: bool                    # part of the name (a surname alone): needs support or distinctiveness
    strength: float = 1.0            # partial: weight of the weakest name word of the reading
    shared: bool = False             # partial: other entities have these words too (not distinctive)


@frozen
class _Reading:
    first: int            # word positions in the document, inclusive
    last: int
    size: int             # words that count (function words do not)
    options: tuple[_Option, ...]
    query: str = ""                   # a surname shared by several people: scored once the document
    pending: tuple[int, ...] = ()     # says which of them it may be (their index entries)
    surname: str = ""                 # the shared surname's key

    @property
    def weight(self) -> float:
        return self.options[0].score * self.size


@frozen
class _RunReadings:
    """What a run of words may name, apart from the rest of its document (positions relative to the run)."""

    readings: tuple[_Reading, ...]
    final: tuple[_Reading, ...] | None   # the mentions, when no document can change them
    anchors: tuple[tuple[int, tuple[int, ...]], ...]   # (position, entities) of names given in full


class MentionFinder:
    """The key tables of a resolver's index that :meth:`Resolver.find_mentions` reads text with.

    Built once per resolver (lazily, on the first call). Its tables are only read
    afterwards; its memo caches are plain dicts (each lookup or store is atomic) whose
    contents never change a result, so one finder is safe to share between threads.
    """

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        index = resolver.index
        lex = lexicon()
        self._function = lex.function_words      # (normalised word, script)
        self._lex = lex
        self._titles = lex.titles
        title_words = {w for t in lex.titles for w in t}
        # Words that name no one in particular: institutions, their subjects, places' kinds, titles.
        self._generic = frozenset(lex.org_words) | lex.place_words | title_words
        self._title_starts = frozenset(t[0] for t in lex.titles) - lex.title_names
        self._title_ends = frozenset(t[-1] for t in lex.titles)
        # Words kept in a run though they name no one: titles (recorded beside a person's mention).
        self._title_words = frozenset(title_words) - lex.title_names
        self._max_title = lex.max_title_len
        phrases: dict[str, list[int]] = defaultdict(list)
        surnames: dict[str, list[int]] = defaultdict(list)
        last_words: set[str] = set()
        vocab: dict[str, float] = {}
        for i, entry in enumerate(index.entries):
            tokens = entry.parsed.tokens
            phrases["".join(t.key for t in tokens)].append(i)
            if any(t.role is Role.PATRONYMIC for t in tokens):
                # "Садыр Жапаров" for "Садыр Нургожоевич Жапаров": the patronymic is often left out.
                bare = "".join(t.key for t in tokens if t.role is not Role.PATRONYMIC)
                if bare:
                    phrases[bare].append(i)
            for t in tokens:
                if t.weight > vocab.get(t.key, -1.0):
                    vocab[t.key] = t.weight
            if (entry.via is None and entry.name.lang in _SUFFIXING and tokens
                    and index.entities[entry.entity].type is EntityType.ORG):
                # (the last word without its possessive, as the name's short form stands alone: "Соты" -> "Сот")
                last = _WORD.findall(entry.form)[-1:]
                for k, _ in (_stem_keys(last[0]) if last else ()):
                    vocab.setdefault(k, tokens[-1].weight)
            if index.entities[entry.entity].type.value == "person" and entry.name.kind is not NameKind.DEMONYM:
                for surname in _surnames_of(tokens):
                    surnames[surname.key].append(i)
                    if surname is tokens[-1] or len(tokens) > 2:
                        last_words.add(surname.key)
        self._phrases = {k: tuple(v) for k, v in phrases.items() if k}
        self._surnames = {k: tuple(sorted(set(v))) for k, v in surnames.items()}
        # First words of two-word names only ("Joe" of "Joe Biden", kept for "Комаров Самсон", whose order
        # a gazetteer does not say): such a word alone is the person the document names, never distinctive.
        self._first_only = frozenset(surnames) - last_words
        # Surnames several people share: their entries by entity (a document says which of them it names).
        self._shared: dict[str, dict[int, tuple[int, ...]]] = {}
        for k, ids in self._surnames.items():
            by_entity: dict[int, list[int]] = defaultdict(list)
            for i in ids:
                by_entity[index.entries[i].entity].append(i)
            if len(by_entity) > 1:
                self._shared[k] = {e: tuple(v) for e, v in by_entity.items()}
        self._vocab = vocab
        self._longest = max(map(len, vocab), default=0)
        self._near = {d for k in vocab if len(k) >= 5 for d in deletions(k)}
        self._skeletons = {t.skeleton for e in index.entries for t in e.parsed.tokens if len(t.skeleton) >= 3}
        self._support = self._short_forms()
        self._derived: dict[str, tuple[tuple[int, frozenset[int]], ...]] | None = None   # built on first use
        self._words: dict[str, _Info] = {}
        self._runs: dict[tuple[float, _dt.date | None], dict[str, _RunReadings | None]] = {}
        self._leads: dict[str, tuple[int, _Info] | None] = {}
        self._fw_count: dict[int, int] = {}
        self._gaps: dict[bool, dict[str, tuple[tuple[int, int], ...] | None]] = {False: {}, True: {}}
        self._chunks: dict[str, tuple[tuple[int, int, _Info], ...]] = {}
        self._scored: dict[tuple[str, str], tuple[_Option, ...]] = {}
        self._parses: dict[str, ParsedName] = {}
        self._stemmed: dict[str, tuple[str, str] | None] = {}
        self._implies: dict[int, tuple[int, ...]] = {}
        self._initials: dict[int, set[tuple[str, ...]]] = {}   # per person, built on the first initial met
        self._pairs: dict[tuple[str, int], tuple[float, str]] = {}
        self._script_words: dict[tuple[str, int], frozenset[str]] = {}
        self._entity_numbers: dict[str, int] = {}
        # A run's readings with its first word demoted as a common word (by id() of the memoised readings,
        # kept beside them: an id is only reused once its object is gone).
        self._demoted: dict[int, tuple[_RunReadings, _RunReadings]] = {}
        self._entry_ids = {(index.entities[e.entity].id, e.name, e.form, e.via): i
                           for i, e in enumerate(index.entries)}
        # (and their first letters: a plain substring search finds where the pattern may match)
        self._lower_pattern, self._lower, self._lower_heads = _lowercase_names(
            index.entries, frozenset(i for i, e in enumerate(index.entities) if e.type is EntityType.ORG))
        self._lower_head_set = frozenset(self._lower_heads)

    # -- build helpers

    def _short_forms(self) -> dict[int, frozenset[int]]:
        """Entries whose words all occur in a longer name of the same entity, with their support."""
        index = self.resolver.index
        by_entity: dict[int, list[int]] = defaultdict(list)
        for i, entry in enumerate(index.entries):
            if entry.name.kind not in (NameKind.DEMONYM, NameKind.ABBREVIATION):
                by_entity[entry.entity].append(i)
        out: dict[int, frozenset[int]] = {}
        for ei, ids in by_entity.items():
            keysets = {i: {t.key for t in index.entries[i].parsed.tokens} for i in ids}
            for i in ids:
                mine = keysets[i]
                if not mine <= self._generic:   # "Iran", "TASS": a proper name needs no support
                    continue
                longer = [keysets[j] - mine for j in ids if mine < keysets[j]]
                if not longer:
                    continue
                support: set[int] = set()
                for extra in longer:
                    support.update(self._entities_named(extra))
                support.discard(ei)
                if support:   # the longer name says where it belongs ("... of Kazakhstan")
                    out[i] = frozenset(support | {ei})
        return out

    def _derived_forms(self) -> dict[str, tuple[tuple[int, frozenset[int]], ...]]:
        """Short forms an organisation's names imply: the words before (or after) the part that names
        another entity ("Außenministerium von Kasachstan": "Außenministerium", which a mention of Kazakhstan
        supports; "Қазақстан Жоғарғы Соты": "Жоғарғы Соты"), by key."""
        derived = self._derived
        if derived is not None:
            return derived
        index = self.resolver.index
        out: dict[str, dict[int, tuple[int, frozenset[int]]]] = defaultdict(dict)
        for i, entry in enumerate(index.entries):
            if (entry.via is not None or entry.name.kind in (NameKind.ABBREVIATION, NameKind.DEMONYM)
                    or index.entities[entry.entity].type is not EntityType.ORG):
                continue
            words = _WORD.findall(entry.form)
            for head, rest in self._splits(words):
                named = self._named_by(rest) - {entry.entity}
                if not named:
                    continue
                for key in self._head_keys(head, suffixing=entry.name.lang in _SUFFIXING):
                    if key not in self._phrases and entry.entity not in out[key]:
                        out[key][entry.entity] = (i, frozenset(named | {entry.entity}))
        derived = self._derived = {k: tuple(v.values()) for k, v in out.items() if v}
        return derived

    def _splits(self, words: list[str]) -> Iterator[tuple[list[str], list[str]]]:
        """(head, the rest) of a name's words: the rest after the head, then the rest before it; function
        words at the seam belong to neither ("Außenministerium | von | Kasachstan")."""
        function = [bool(self._word(w)[8]) for w in words]
        for j in range(1, len(words)):
            a, b = j, j
            while a > 0 and function[a - 1]:
                a -= 1
            while b < len(words) and function[b]:
                b += 1
            if a and b < len(words):
                yield words[:a], words[b:]
                if len(words) - b > 1:      # (a short form after the part: two words at least, "Жоғарғы Соты")
                    yield words[b:], words[:a]

    def _head_keys(self, head: list[str], *, suffixing: bool = False) -> set[str]:
        """The key of a short form as runs read it (function words inside skipped). ``suffixing`` (a Kazakh or
        Kyrgyz name): also with its last word's ending off, as the short form stands alone without the possessive
        that the full name's genitive calls for ("Жоғарғы Соты" of "Қазақстан Жоғарғы Соты" is "Жоғарғы Сот",
        read in "Жоғарғы Соттың")."""
        kept = [w for n, w in enumerate(head) if not n or not self._word(w)[8]]
        key = "".join(map(_key, kept))
        if not key:
            return set()
        if not suffixing or len(kept) < 2:
            return {key}
        before = "".join(map(_key, kept[:-1]))
        return {key} | {before + k for k, _ in _stem_keys(kept[-1])}

    def _named_by(self, words: Sequence[str]) -> set[int]:
        """Entities one of whose names ``words`` spell, as written or in their dictionary forms."""
        if not words:
            return set()
        keys = {""}
        for w in words:
            k = _key(w)
            # (an ending of one or two letters, and a stem of some length: others spell other names by chance,
            # "Кеңесі" / "Кения")
            options = {k} | {s for s, form in _stems_in(w, self._vocab, k)
                             if len(s) >= _MIN_DERIVED_STEM and _shared_start(w, form) >= len(w) - 2}
            keys = {a + b for a in keys for b in options}
            if len(keys) > _MAX_COMBOS:
                keys = set(sorted(keys)[:_MAX_COMBOS])
        index = self.resolver.index
        return {index.entries[i].entity for k in keys for i in self._phrases.get(k, ())}

    def _implied(self, entity: int) -> tuple[int, ...]:
        """Places and organisations that the names of an organisation name ("Kazakhstan" for "МИД Казахстана")."""
        found = self._implies.get(entity)
        if found is None:
            index = self.resolver.index
            found = ()
            if index.entities[entity].type is EntityType.ORG:
                keys = {t.key for e in self.resolver.index.entries_of(entity) for t in index.entries[e].parsed.tokens}
                found = tuple(sorted(e for e in self._entities_named(keys) if e != entity
                                     and index.entities[e].type in _IMPLIED_TYPES))
            self._implies[entity] = found
        return found

    def _entities_named(self, keys: set[str]) -> set[int]:
        """Entities one of whose names (or demonyms) is one of ``keys`` or two of them joined."""
        found: set[int] = set()
        probes = set(keys) | {a + b for a in keys for b in keys if a != b}
        for k in probes:
            for i in self._phrases.get(k, ()):
                found.add(self.resolver.index.entries[i].entity)
        return found

    # -- per word

    def _word(self, word: str) -> _Info:
        info = self._words.get(word)
        if info is None:
            found = self._lookup(word)
            norm, script = normalize_word(word)
            function = (norm, script) in self._function
            particle = self._lex.particle_of(norm, found[1]) is not None
            alts = _stems_in(word, self._vocab, found[1]) if found[3] in (1, 2) else ()
            may_end = self._may_end(found, function, particle) and word[:1] not in _APOS
            info = (*found, may_end, len(word) <= 3 and word.isupper(), function,
                    particle, alts)
            _store(self._words, 200_000, word, info)
        return info

    def _lookup(self, word: str) -> tuple[bool, str, str, int, float, str]:
        cap = _is_cap(word)
        key = _key(word)
        if not key:
            return (False, "", word, 0, 0.0, word)
        if key in self._vocab:
            return (cap, key, word, 1, self._vocab[key], word)
        if key in self._phrases:     # a name of several words written as one ("Nursultan", "Abdulghani")
            return (cap, key, word, 1, 1.0, word)
        # (lowercase too: the inner words of a name in sentence case, "Шанхайской организации сотрудничества")
        # (a whole name first: "Украины" is "Украина", though "Украин" is a name word too)
        stemmed = _stem_in(word, self._phrases) or _stem_in(word, self._vocab)
        if stemmed is not None:
            k, stem = stemmed
            return (cap, k, stem, 2, self._vocab.get(k, 1.0), word)
        if cap:
            # (no deletion of a key longer than every vocabulary key plus one letter can be in the tables)
            if len(key) >= 5 and (key in self._near or (len(key) <= self._longest + 1 and any(
                    d in self._vocab or d in self._near for d in deletions(key)))):
                return (cap, key, word, 3, 0.5, word)
            if _vowelless(key) and skeleton_key(word) in self._skeletons:
                return (cap, key, word, 3, 0.5, word)   # an abjad name romanised without vowels ("Bhjh")
        return (cap, key, word, 0, 0.0, word)

    # -- per text

    def find(self, text: str, *, date: _dt.date | None = None, demonyms: bool = False,
             ambiguous: bool = False, threshold: float | None = None) -> list[Mention]:
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        thr = max(self.resolver.threshold, MENTION_THRESHOLD) if threshold is None else threshold
        if not 0.0 <= thr <= 1.0:
            raise ValueError(f"threshold must be in [0, 1], got {thr!r}")
        spans, infos, runs = self._scan(text)
        groups = []
        for run in runs:
            initial = _sentence_start(text, spans[run[0]][0])
            found = self._run(text, spans, infos, run, thr=thr, date=date, initial=initial)
            if found is not None:
                groups.append((run[0], self._common_word(text, found, *spans[run[0]]) if initial else found))
        # Entities named outright in the document, with the offsets where they are (in text order).
        anchors: dict[int, list[int]] = defaultdict(list)
        for base, found in groups:
            for first, entities in found.anchors:
                where = spans[base + first][0]
                for e in entities:
                    anchors[e].append(where)
        out: list[Mention] = []
        supported: dict[int, frozenset[int]] = {}     # id() of a short form's mention -> what supports it
        owned_before: set[int] = set()                # (those only an owner written before them contradicts)
        for base, found in groups:
            final: Sequence[_Reading]
            unresolved: list[_Reading] = []
            if found.final is not None:
                final = found.final
            else:
                kept, unresolved = self._settle(found.readings, base, anchors, spans, text)
                final = _choose(kept)
            for r in final:
                out.append(self._mention(text, spans, infos, base, r, unresolved=False))
                if r.options[0].support is not None:
                    supported[id(out[-1])] = r.options[0].support
                elif (home := self._placeless(r.options[0])) is not None:
                    supported[id(out[-1])] = home
                    owned_before.add(id(out[-1]))
            if ambiguous and unresolved:
                taken = {p for r in final for p in range(r.first, r.last + 1)}
                out.extend(self._mention(text, spans, infos, base, r, unresolved=True) for r in _choose(unresolved)
                           if not any(p in taken for p in range(r.first, r.last + 1)))
        if self._lower_pattern is not None:
            out.extend(self._lowercase(text, out, ambiguous))
        if supported:   # (after the lowercase names: "das usbekische Außenministerium")
            out = self._owned_elsewhere(text, out, supported, owned_before)
        ends = {m.end for m in out}
        starts = {m.start for m in out}
        out = [q for m in out if (q := self._qualified_before(text, m, thr, date, ends)) is not None
               and not self._other_level_after(text, q)
               and not _branded(text, q, ends)
               and not self._in_brand(text, q, starts, ends)]
        out = self._namesakes(spans, infos, runs, out)
        out = self._defined_otherwise(text, out)
        if not demonyms:
            out = [m for m in out if m.form != "demonym"]
        out.sort(key=lambda m: (m.start, m.end))
        return out

    def _defined_otherwise(self, text: str, found: list[Mention]) -> list[Mention]:
        """Drop an abbreviation the document defines as something else: in brackets after the words it abbreviates
        ("Республика Татарстан (РТ)", "Tehrik-i-Taliban Pakistan (TTP)"), when those words are no mention of its
        entity. The document then means that wherever it writes the abbreviation."""
        other: set[str] = set()
        for m in found:
            if m.form != "abbreviation" or text[m.start - 1:m.start] != "(" or text[m.end:m.end + 1] != ")":
                continue
            letters_ = letters(m.text)
            before = text[max(0, m.start - 1 - _DEFINED_SPAN):m.start - 1]
            words = [w for w in _WORD.findall(before) if not self._word(w)[8]][-len(letters_):]
            if len(words) != len(letters_) or "".join(w[0] for w in words).casefold() != letters_:
                continue
            start = m.start - 1 - len(before) + before.rfind(words[0])
            if not any(o.entity.id == m.entity.id and o.start <= start < o.end for o in found if o is not m):
                other.add(m.text)
        return [m for m in found if not (m.form == "abbreviation" and m.text in other)] if other else found

    def _namesakes(self, spans: Sequence[tuple[int, int]], infos: Sequence[_Info], runs: Sequence[tuple[int, int]],
                   found: list[Mention]) -> list[Mention]:
        """Drop a surname alone where the document names someone else with that surname ("Akylbek Japarov ...
        Japarov said", of a gazetteer that holds Sadyr Japarov), unless it names the entity in full too: the
        surname is then the other person's as likely as the entity's."""
        if not any(m.form == "partial" for m in found):
            return found
        starts = {m.start for m in found}
        covered = {p for m in found for p in range(m.start, m.end)}
        # (any word of a run, after a capitalised word: "met Akylbek Japarov on Monday" is one run to its last word)
        others = {infos[j][1] for first, last in runs for j in range(first + 1, last + 1)
                  if infos[j][1] in self._surnames and spans[j][0] not in covered
                  and spans[j - 1][0] not in starts and infos[j - 1][0] and not infos[j - 1][8]}
        if not others:
            return found
        full = {m.entity.id for m in found if m.form != "partial"}
        return [m for m in found if not (m.form == "partial" and m.entity.id not in full
                                         and _key(m.text) in others)]

    def _owned_elsewhere(self, text: str, found: list[Mention], supported: dict[int, frozenset[int]],
                         owned_before: Container[int] = ()) -> list[Mention]:
        """Drop the short forms whose owner the text names right beside them as another place ("Tajikistan's
        Foreign Ministry", "Supreme Court of Kyrgyzstan"): document support does not outweigh that. For the
        mentions in ``owned_before``, only an owner written before them counts ("das usbekische Außenministerium",
        not "… Organisation für Zusammenarbeit in Astana")."""
        by_start = sorted(found, key=lambda m: m.start)
        drop: set[int] = set()
        for i, m in enumerate(by_start):
            support = supported.get(id(m))
            if support is None:
                continue
            after = by_start[i + 1] if i + 1 < len(by_start) and id(m) not in owned_before else None
            for n in (by_start[i - 1] if i else None, after):
                if n is None or self._entity_no(n.entity) in support:
                    continue
                home = self.resolver.index.home(self._entity_no(n.entity))
                # (an owner is a place, or a body that governs one: "the Taliban-run Foreign Ministry")
                gap = text[min(m.end, n.end):max(m.start, n.start)]
                if ((n.entity.type not in _PLACE_TYPES and not (n.entity.type is EntityType.ORG and home))
                        or not self._beside(gap)
                        or home & support):   # ("in Astana")
                    continue
                if m.form == "abbreviation" and _WORD.search(gap.replace("'s", "").replace("’s", "")):
                    continue    # (an abbreviation's owner is right before it: "Өзбекстан СІМ", not "Astana For SCO")
                drop.add(id(m))
        return [m for m in found if id(m) not in drop]

    def _placeless(self, option: _Option) -> frozenset[int] | None:
        """The home of an institution read by a name that names no place ("Außenministerium", "Сыртқы істер
        министрлігі") or by an abbreviation ("СІМ"): like a short form, it is another country's where the text
        names that country right before it ("Өзбекстан СІМ-інің"). None for other readings."""
        if option.entity < 0 or option.partial:
            return None
        index = self.resolver.index
        if index.entities[option.entity].type is not EntityType.ORG:
            return None
        parsed = index.entries[option.entry].parsed
        institution = option.form == "abbreviation" or any(self._lex.org_words.get(t.key) == "generic"
                                                           for t in parsed.tokens)
        if not institution or index.places_named(t.key for t in parsed.tokens):
            return None     # (a name that names a place, or no institution: "Senate of Kazakhstan", "Taliban")
        home = index.home(option.entity)
        return home or None

    def _qualified_before(self, text: str, m: Mention, thr: float, date: _dt.date | None,
                          ends: Container[int]) -> Mention | None:
        """``m``, unless it is a place's mention right after a capitalised qualifier joined to it by a space or a
        hyphen ("Chon-Alai district", "North Waziristan": data/qualifiers.tsv). Then the text names another place:
        the qualified name as the resolver reads it, if it is a place, else nothing. (A qualifier in lowercase
        describes the place: "northern Afghanistan".)"""
        if m.entity.type not in _PLACE_TYPES or m.start < 2 or text[m.start - 1] not in _QUALIFIER_JOINS:
            return m
        before = _LAST_WORD.search(text, max(0, m.start - 1 - _LONGEST_QUALIFIER), m.start - 1)
        if (before is None or not before.group()[:1].isupper() or _key(before.group()) not in self._lex.qualifiers
                or before.end() in ends):   # (the word is another mention's last)
            return m
        whole = text[before.start():m.end]
        found = self.resolver._resolve(whole, 1, _PLACE_TYPES, date, thr=thr, skip=frozenset())
        if not found or found[0].entity.id == m.entity.id:
            return None
        top = found[0]
        return evolve(m, start=before.start(), text=whole, entity=top.entity, score=top.score, name=top.name,
                      form="historical" if top.name.kind is NameKind.HISTORICAL else "full", candidates=())

    def _other_level_after(self, text: str, m: Mention) -> bool:
        """Is a place's mention followed by a kind of place of another level, which its name lacks ("Almaty
        Region", "Ақмола облысының": data/place_words.tsv)? Then the text names that other place, named after it.
        So does a people's or a country's followed by a body of water ("Indian Ocean", "Үнді мұхиты")."""
        water = m.form == "demonym" or m.entity.type is EntityType.COUNTRY
        if not (water or m.entity.type is EntityType.PLACE):
            return False
        after = _FIRST_WORD.match(text, m.end + 1) if text[m.end:m.end + 1] == " " else None
        word = after.group() if after is not None else ""
        found = self._levels_of(word) if word else set()
        if water:   # (Latin-script press capitalises a sea's name: "the Kazakh sea port" is no sea)
            return _WATER in found and (word[:1].isupper() or detect_script(word) != "Latn")
        if not found and not any(map(self._levels_of, _FIRST_WORD.findall(m.text)[-1:])):
            found = self._listed_level(text, m.end)     # (a name with its own kind of place is no bare list item)
        own = self.resolver.index.levels(self._entity_no(m.entity))
        return bool(found) and bool(own) and not (found & own)

    def _in_brand(self, text: str, m: Mention, starts: Container[int], ends: Container[int]) -> bool:
        """Is a place's name part of the name of a company, a club or an institution named after it: right after a
        capitalised brand word ("Air Astana", "FC Astana") or before one to three capitalised words that a brand
        word ends ("Kabul University", "Astana International Exchange"; data/brand_words.tsv)? Then the text names
        that other body. Not in a line of capitalised words (a headline: "Kazakhstan Open To Talks")."""
        if m.entity.type not in _PLACE_TYPES or m.form == "demonym":
            return False
        brands = self._lex.brand_words
        found = False
        if m.start >= 2 and text[m.start - 1] == " " and m.start - 1 not in ends:
            before = _LAST_WORD.search(text, max(0, m.start - 1 - _LONGEST_BRAND), m.start - 1)
            found = (before is not None and before.group()[:1].isupper()
                     and brands.get(_key(before.group())) in ("before", "both"))
        at = m.end
        for _ in range(_BRAND_WORDS):
            if found or text[at:at + 1] != " " or at + 1 in starts:
                break
            after = _FIRST_WORD.match(text, at + 1)
            if after is None or not after.group()[:1].isupper() or self._word(after.group())[8]:
                break
            found = brands.get(_key(after.group())) in ("after", "both")
            at = after.end()
        return found and not _headline(text, m.start)

    def _levels_of(self, word: str) -> set[str]:
        """The levels of the kind of place ``word`` is, as written or with a case ending (data/place_words.tsv)."""
        levels, lex = self._lex.place_levels, self._lex
        abjad = detect_script(word) in ABJAD_SCRIPTS
        return {levels[k] for k in _any_form_keys(word) if k in levels and (abjad or k not in lex.abjad_place_words)}

    def _listed_level(self, text: str, at: int) -> set[str]:
        """The levels of the kind of place that ends a list of capitalised names starting at ``at`` ("[Almaty] and
        Zhambyl regions", "[Алматы] және Жамбыл облыстарының"): each name of the list is a place of that kind."""
        items = 0
        while items < _LIST_MAX and (gap := _LIST_GAP.match(text, at)) and (w := _FIRST_WORD.match(text, gap.end())):
            word, joined = w.group(), "," in gap.group()
            if self._word(word)[8]:     # (a conjunction: "and", "және")
                joined = True
                if not (gap := _LIST_GAP.match(text, w.end())) or not (w := _FIRST_WORD.match(text, gap.end())):
                    break
                word = w.group()
            if not joined or not word[:1].isupper():
                break
            items += 1
            at = w.end()
            while (part := _HYPHEN_PART.match(text, at)):   # ("Jalal-Abad")
                at = part.end()
            after = _FIRST_WORD.match(text, at + 1) if text[at:at + 1] == " " else None
            if after is not None and (found := self._levels_of(after.group())):
                return found
        return set()

    def _entity_no(self, entity: Entity) -> int:
        """An entity's position in the index (the table is built on first use)."""
        if not self._entity_numbers:
            self._entity_numbers = {e.id: i for i, e in enumerate(self.resolver.index.entities)}
        return self._entity_numbers.get(entity.id, -1)

    def _beside(self, gap: str) -> bool:
        """Does ``gap`` join an owner to its institution: spaces, a possessive, a few function words, a hyphen and a
        participle ("Taliban-run")?"""
        if len(gap) > _BESIDE_MAX:
            return False
        if _PARTICIPLE_GAP.fullmatch(gap):
            return True
        suffixes = apostrophe_suffixes()
        words = [w.group() for w in _WORD.finditer(gap)      # (not an ending after an apostrophe: "'s", "'ın")
                 if not (w.start() and gap[w.start() - 1] in _APOS and w.group().casefold() in suffixes)]
        return all(self._word(w)[8] for w in words) and not any(c in gap for c in ",;:()\n.!?")

    def _lowercase(self, text: str, found: Sequence[Mention], ambiguous: bool) -> list[Mention]:
        """Mentions of the names the gazetteer writes in lowercase ("оралман", "талибы"), as written or
        with a case ending ("талибов"): never a misspelling, never inside a mention already found."""
        assert self._lower_pattern is not None
        index = self.resolver.index
        taken = [(m.start, m.end) for m in found]
        out: list[Mention] = []
        for m in self._lowercase_matches(text):
            start, end = m.span()
            if start and (text[start - 1].isalnum() or text[start - 1] in _APOS or _is_mark(text[start - 1])):
                continue        # inside a word
            written = _WORD.findall(m.group())
            words = [_any_form_keys(w) for w in written]
            entries = [i for keys, ids in self._lower.items() if len(keys) == len(words)
                       and all(k in w for k, w in zip(keys, words)) for i in ids
                       if _written_as(written, index.entries[i])
                       and (index.entries[i].form[:1].islower() or self._owner_beside(text, start, end, found, i))]
            if not entries or any(a < end and start < b for a, b in taken):
                continue
            entities = sorted({index.entries[i].entity for i in entries})
            if len(entities) > 1 and not ambiguous:
                continue
            name = index.entries[entries[0]].name
            candidates = tuple((index.entities[e], 1.0) for e in entities) if len(entities) > 1 else ()
            out.append(Mention(start, end, m.group(), index.entities[entities[0]], 1.0, name, _form(name.kind),
                               None, bool(candidates), candidates))
        return out

    def _owner_beside(self, text: str, start: int, end: int, found: Sequence[Mention], entry: int) -> bool:
        """Is an institution's name written in lowercase (``start``..``end``) right after or before a mention of the
        place it belongs to ("Қазақстанның сыртқы істер министрлігі", "министерства иностранных дел Казахстана")?"""
        index = self.resolver.index
        home = index.home(index.entries[entry].entity)
        return any(self._entity_no(m.entity) in home for m in found
                   if (m.end <= start and not text[m.end:start].strip())
                   or (m.start >= end and not text[end:m.start].strip()))

    def _lowercase_matches(self, text: str) -> list[re.Match[str]]:
        """The lowercase-name pattern's matches in ``text``, as ``finditer`` would give them, found from the
        places where a name's first letters occur (a substring search is many times faster than the
        pattern run over the whole text)."""
        assert self._lower_pattern is not None
        heads = self._lower_head_set
        # (a name starts a word: the words' first three letters are looked up, one pass whatever the names)
        starts = [at for at in map(_start_of, _WORD_START.finditer(text)) if text[at:at + 3] in heads]
        out: list[re.Match[str]] = []
        end = 0
        for at in starts:
            if at >= end and (m := self._lower_pattern.match(text, at)):
                out.append(m)
                end = m.end()
        return out

    def _run(self, text: str, spans: Sequence[tuple[int, int]], infos: Sequence[_Info], run: tuple[int, int], *,
             thr: float, date: _dt.date | None, initial: bool) -> _RunReadings | None:
        """The readings of the run of words ``first..last`` (positions relative to ``first``).

        They depend on the run's words alone, which its text determines: computed once per distinct run."""
        first, last = run
        memo = self._runs.get((thr, date))
        if memo is None:
            memo = self._runs.setdefault((thr, date), {})
        key = ("^" if initial else "") + text[spans[first][0]:spans[last][1]]
        found = memo.get(key, self)
        if found is not self:
            return found   # type: ignore[return-value]
        # (words joined to the next by a hyphen: a compound, "Oralman-Programm", not a given name and a surname)
        hyphened = frozenset(j - first for j in range(first, last) if text[spans[j][1]:spans[j + 1][0]] in _HYPHENS)
        readings = self._readings(list(range(last - first + 1)), infos[first:last + 1], thr, date, hyphened)
        if initial:
            readings = [_as_initial(r) for r in readings]
        # (a short form that needs support, right before a capitalised word no name holds, heads another name:
        # "RFE/RL's Radio Mashaal" is no Radio Azattyk)
        readings = [r for r in readings if not self._heads_unknown(r, infos[first:last + 1])]
        if not _title_case(infos, range(first + initial, last + 1)):
            readings = [r for r in readings if not (self._after_given_name(r, infos[first:last + 1], initial)
                                                    and r.first - 1 not in hyphened and r.last not in hyphened)]
        initials = {j - first for j in range(first, last + 1)
                    if _is_initial(infos[j]) and text[spans[j][1]:spans[j][1] + 1] == "."}
        if initials:
            readings = self._with_initials(readings, infos[first:last + 1], initials)
        result = self._run_readings(readings) if readings else None
        _store(memo, 100_000, key, result)
        return result

    def _run_readings(self, readings: Sequence[_Reading]) -> _RunReadings:
        chosen = tuple(_choose(readings))
        anchors = []
        for r in chosen:
            top = r.options[0]
            if top.support is None and not top.partial and top.entity >= 0:
                # A full name several entities share still tells who is in the document; an institution
                # named in full tells that the places its name holds are ("МИД Казахстана": Kazakhstan).
                tied = tuple(o.entity for o in r.options if o.score >= top.score - _TIE)
                anchors.append((r.first, tied + self._implied(top.entity)))
        return _RunReadings(tuple(readings), _settled(readings, chosen), tuple(anchors))

    def _common_word(self, text: str, found: _RunReadings, start: int, end: int) -> _RunReadings:
        """The readings of a run that starts a sentence, where every word is capitalised: if the document
        also writes its first word in lowercase ("Того же мнения..." and "кроме того"), that word alone is
        a common word, a mention only where the document names the entity elsewhere too."""
        if not any(r.first == 0 and r.last == 0 and any(o.support is None and not o.partial for o in r.options)
                   for r in found.readings) or not _in_lowercase(text, start, end):
            return found
        demoted = self._demoted.get(id(found))
        if demoted is None or demoted[0] is not found:
            demoted = (found, self._run_readings([_as_initial(r, exact=True) for r in found.readings]))
            _store(self._demoted, 20_000, id(found), demoted)
        return demoted[1]

    def _scan(self, text: str) -> tuple[list[tuple[int, int]], list[_Info], list[tuple[int, int]]]:
        """The words that may belong to names, their lookups, and their runs (first and last positions).

        Only capitalised words (and words of scripts without case) are looked at one
        by one; lowercase words are seen only between two of them, as connectors.
        """
        spans: list[tuple[int, int]] = []
        infos: list[_Info] = []
        runs: list[tuple[int, int]] = []
        chunks = self._chunks
        leads = self._leads
        gaps = self._gaps
        first = -1         # the open run's first position
        known = False      # does the open run holds a word some name holds?
        prev_end = -1
        prev_short = False
        for m in _chunk().finditer(text):
            start, end = m.span()
            if first >= 0:
                inner = None
                if start - prev_end <= _GAP_MAX:
                    gap = text[prev_end:start]
                    inner = gaps[prev_short].get(gap, self)
                    if inner is self:
                        inner = self._gap(gap, prev_short)
                    if inner is None and gap[0] in "-‐‑":
                        inner = self._hyphen_tail(text, spans, infos, prev_end, gap)
                        known = known or infos[-1][3] != 0
                if inner is None:
                    if known:
                        self._hyphened_ending(text, spans, infos, prev_end)
                        self._close(text, spans, infos, runs, first)
                    first = -1
                else:
                    for a, b in inner:   # type: ignore[union-attr]
                        # (a possessive's s, keyed apart: it may join "People's Republic", never end a name,
                        # so "Taliban's" is not the French "talibans")
                        possessive = a > 0 and gap[a - 1] in _APOS and gap[a:b] in ("s", "S")
                        info = self._word(text[prev_end + a - possessive:prev_end + b])
                        spans.append((prev_end + a, prev_end + b))
                        infos.append(info)
                        known = known or info[3] != 0
            if first < 0:
                first = len(spans)
                known = False
                before = text[max(0, start - _LEAD_CONTEXT):start]
                lead = leads.get(before, self)
                if lead is self:
                    lead = self._lead(before)
                if lead is not None:
                    back, info = lead    # type: ignore[misc]
                    spans.append((start - back, start - back + len(info[5])))
                    infos.append(info)
                    known = info[3] != 0
            piece = m.group()
            words = chunks.get(piece) or self._words_of(piece)
            if len(words) == 1:
                a, b, info = words[0]
                spans.append((start + a, start + b))
                infos.append(info)
                known = known or info[3] != 0
            else:
                for a, b, info in words:
                    spans.append((start + a, start + b))
                    infos.append(info)
                    known = known or info[3] != 0
            prev_end = end
            prev_short = info[7]
        if first >= 0 and known:
            self._hyphened_ending(text, spans, infos, prev_end)
            self._close(text, spans, infos, runs, first)
        return spans, infos, runs

    def _hyphened_ending(self, text: str, spans: list[tuple[int, int]], infos: list[_Info], end: int) -> None:
        """The run's last word grows to hold a case ending written after a hyphen, as Kazakh and Kyrgyz write
        one on an abbreviation ("ШЫҰ-ны", "БҰҰ-ның"), where the run ends there."""
        m = _HYPHEN_TAIL.match(text, end)
        if m is None or not m.group(1).islower() or spans[-1][1] != end:
            return
        head = text[spans[-1][0]:end]
        info = self._word(head + m.group(1))
        if _ending_of(info, head):
            spans[-1] = (spans[-1][0], m.end())
            infos[-1] = info

    def _hyphen_tail(self, text: str, spans: list[tuple[int, int]], infos: list[_Info], prev_end: int,
                     gap: str) -> tuple[tuple[int, int], ...] | None:
        """A lowercase word after a hyphen that makes one name word with the word before it ("Shanghai
        Co-operation Organisation"), or is its case ending ("СІМ-нің"): the last word grows to hold it, and the
        rest of the gap is read as usual. None when it is no such word ("Taliban-led")."""
        m = _HYPHEN_TAIL.match(gap)
        if m is None or not m.group(1).islower():
            return None
        start = spans[-1][0]
        head = text[start:prev_end]
        info = self._word(head + m.group(1))     # (keyed as one word: "Cooperation")
        rest = gap[m.end():]
        inner = self._gap(rest, False) if rest else ()
        # (or the word's case ending, which Kazakh and Kyrgyz write after a hyphen on an abbreviation: "СІМ-нің")
        if inner is None or not (info[3] == 1 or _ending_of(info, head)):
            return None
        spans[-1] = (start, prev_end + m.end())
        infos[-1] = info
        return tuple((a + m.end(), b + m.end()) for a, b in inner)

    def _words_of(self, piece: str) -> tuple[tuple[int, int, _Info], ...]:
        """The words of a chunk of capitalised words, with their offsets in it and their lookups."""
        words = tuple((m.start(), m.end(), self._word(m.group())) for m in _capital().finditer(piece))
        _store(self._chunks, 100_000, piece, words)
        return words

    def _close(self, text: str, spans: list[tuple[int, int]], infos: list[_Info], runs: list[tuple[int, int]],
               first: int) -> None:
        """End the open run: generic lowercase words may follow ("Chong-Alai district", "Сыртқы істер
        министрлігі"), and the run ends at its last word that may end a name."""
        for _ in range(_MAX_TRAIL):
            m = _TRAIL.match(text, spans[-1][1])
            if not m:
                break
            if not m.group(1)[0].islower():
                break       # (a capitalised word is the next chunk's: it starts a run of its own)
            info = self._word(m.group(1))
            if not (info[6] or info[8]):     # (a function word only between two such words: trimmed below)
                break
            spans.append(m.span(1))
            infos.append(info)
        last = len(spans) - 1
        while last >= first and not infos[last][6]:
            last -= 1
        if last >= first:
            runs.append((first, last))

    def _lead(self, before: str) -> tuple[int, _Info] | None:
        """A lowercase particle just before a run ("al-" before "Qaeda"): its distance back and lookup."""
        found = None
        m = _LEAD.search(before, max(0, len(before) - _LEAD_CONTEXT + 1))
        if m and m.group(1).islower() and self._word(m.group(1))[9]:
            found = (len(before) - m.start(1), self._word(m.group(1)))
        _store(self._leads, 50_000, before, found)
        return found

    def _gap(self, gap: str, after_short: bool) -> tuple[tuple[int, int], ...] | None:
        """Lowercase connector words inside a gap between two capitalised words, or None if the gap
        separates two names (a comma, a blank line, an ordinary word)."""
        memo = self._gaps[after_short]
        found = memo.get(gap, self)
        if found is self:
            found = self._read_gap(gap, after_short)
            _store(memo, 50_000, gap, found)
        return found   # type: ignore[return-value]

    def _read_gap(self, gap: str, after_short: bool) -> tuple[tuple[int, int], ...] | None:
        if len(gap) > _GAP_MAX:
            return None
        inner = [m.span() for m in _WORD.finditer(gap)]
        if len(inner) > 3:
            return None
        for a, b in inner:
            info = self._word(gap[a:b])
            if gap[a].isupper() or not (info[8] or info[9] or info[1] in self._generic or info[3] in (1, 2)):
                return None     # (a lowercase word some name holds may join: "Организация Договора о коллективной ...")
        ends = [0] + [b for _, b in inner]
        starts = [a for a, _ in inner] + [len(gap)]
        for j, (a, b) in enumerate(zip(ends, starts)):
            if not _joins(gap[a:b], after_short and j == 0):
                return None
        return tuple(inner)

    def _may_end(self, info: tuple[bool, str, str, int, float, str], function: bool, particle: bool) -> bool:
        """A name may end with a capitalised word, a generic lowercase one ("Chong-Alai district") or a
        lowercase word some name holds ("... о коллективной безопасности")."""
        return info[0] or ((info[1] in self._generic or info[3] in (1, 2)) and not function and not particle)

    def _readings(self, run: list[int], infos: Sequence[_Info], thr: float,
                  date: _dt.date | None, hyphened: frozenset[int] = frozenset()) -> list[_Reading]:
        out: list[_Reading] = []
        derived_readings: list[_Reading] = []
        index_entries = self.resolver.index.entries
        covered: set[int] = set()      # words some table reading holds
        full: set[int] = set()         # words a full-name table reading holds
        n = len(run)
        for a in range(n):
            if not infos[run[a]][0] and a:
                continue
            key = ""
            forms: list[str] = []
            # (other keys of the stretch: name words as written may be inflected ones, "Исламского движения")
            combos: dict[str, tuple[str, ...]] = {}
            size = skipped = 0
            if infos[run[a]][3] == 0 and infos[run[a]][0]:
                continue
            for b in range(a, min(n, a + _MAX_WORDS)):
                info = infos[run[b]]
                if info[3] == 0 and info[0]:
                    break       # no name holds a word no name holds
                forms.append(info[2])
                if not info[8] or b == a:
                    if info[10] or combos:
                        combos = _extend(combos, key, forms[:-1], info)
                    key += info[1]
                    size += 1
                else:
                    skipped += 1
                    if combos:
                        combos = {k: (*f, info[2]) for k, f in combos.items()}
                if not (info[0] or (b > a and info[6])):
                    continue
                phrase, query = key, " ".join(forms)
                if (b == a + 1 and size == 2 and key not in self._phrases
                        and infos[run[a]][1] in self._lex.place_words
                        and (swapped := info[1] + infos[run[a]][1]) in self._phrases):
                    # A kind of place before the name ("Region Osch") where the gazetteer writes it after.
                    phrase, query = swapped, f"{forms[1]} {forms[0]}"
                if b > a and key not in self._phrases and combos:
                    # Words in their dictionary form: "Исламского движения Узбекистана" is "Исламское
                    # движение Узбекистана", though "Исламского" is a name word as written.
                    for k, f in combos.items():
                        if k in self._phrases:
                            phrase, query = k, " ".join(f)
                            break
                if a == b and key not in self._phrases and info[3] == 1 and info[0] and key not in self._surnames:
                    # A word that some name holds as written may still be another name inflected
                    # ("Казахстана" in "МИД Казахстана" is a name word, and Kazakhstan in the genitive).
                    phrase, query = self._dictionary_form(info[5]) or (phrase, query)
                if phrase not in self._phrases and (derived := self._derived_forms().get(phrase)):
                    # A short form a longer name implies, supported by what the rest of that name names.
                    script = detect_script(query)
                    foreign = self.resolver.index.foreign_forms(script) if script in ALPHABETS else frozenset()
                    options = tuple(_Option(index_entries[i].entity, 1.0, i, "full", support, False)
                                    for i, support in derived
                                    if i not in foreign and _same_head_case(query, index_entries[i].form))
                    if options:
                        out.append(_Reading(run[a], run[b], size, options))
                        derived_readings.append(out[-1])
                        covered.update(run[a:b + 1])
                options = ()
                if phrase in self._phrases:
                    # "UN and the Security Council" is two names, though its keys spell "UN Security Council".
                    forms_of = [i for i in self._phrases[phrase] if self._connectors(i) >= skipped]
                    options = self._score(query, forms_of, thr, partial=False)
                if a == b and (info[3] == 2 or (info[3] == 1 and key not in self._surnames)) and not options:
                    # Another dictionary form of the word ("Украины": "Украина", not the "Украин" of a name in
                    # another script; "Армении": "Армения", not the Czech "Arménie", though the Polish "Armenii"
                    # holds it as written)
                    phrase, options = self._other_form(info, phrase, thr) or (phrase, options)
                if options or phrase in self._phrases:
                    if (a == b and info[3] == 1 and info[0] and key not in self._surnames
                            and (not options or options[0].score < 1.0)):
                        # A name word as written, read better inflected ("Германии" is Германия's genitive,
                        # though its key is the key of "Germany").
                        better = self._other_form(info, phrase, thr)
                        if better and (not options or better[1][0].score > options[0].score):
                            options = better[1]
                    if options:
                        out.append(_Reading(run[a], run[b], size, options))
                        covered.update(run[a:b + 1])
                        if not options[0].partial:
                            full.update(run[a:b + 1])
                if a == b and key in self._surnames:
                    surnamed = self._surnames[key]
                    if key in self._shared:
                        # Shared: only the people the document names in full are worth scoring.
                        guess = _Option(-1, _PARTIAL_GUESS, -1, "full", None, True, 0.0, True)
                        out.append(_Reading(run[a], run[b], size, (guess,), " ".join(forms), surnamed, key))
                        covered.add(run[a])
                        continue
                    options = self._score(" ".join(forms), surnamed, thr, partial=True)
                    if key in self._first_only:
                        options = tuple(evolve(o, shared=True) for o in options)
                    if options:
                        out.append(_Reading(run[a], run[b], size, options))
                        covered.add(run[a])
        # Name words no table reading covers: the resolver's fuzzy path, once per stretch of capitalised
        # words around them (a word of a misspelt name may be unknown: "Göstz Nette"), then on shorter
        # stretches if the whole names no one or only in part.
        segment: list[int] = []
        for p in range(n + 1):
            i = run[p] if p < n else -1
            ok = p < n and infos[i][0] and not (not segment and infos[i][1] in self._title_starts)
            if ok:
                segment.append(i)
                continue
            for window in self._windows(segment, infos, covered, full):
                out.extend(self._fuzzy_stretch(window, infos, thr, date, (covered, full)))
            segment = [i] if p < n and infos[i][0] else []
        # A short form followed by a name of what supports it is one name: "Верховный суд Казахстана"; so is an
        # institution's name followed by a name of its country ("Сенат Парламента РК").
        index = self.resolver.index

        def homes(entity: int) -> frozenset[int]:     # (the places its names hold: not the Taliban's Afghanistan)
            return index.places_named(index.words_of(entity))

        owned = [r for r in out if r not in derived_readings and r.options[0].entity >= 0
                 and not r.options[0].partial and self._is_org(r.options[0])]
        for r in [*derived_readings, *owned]:
            for s in out:
                gap = range(r.last + 1, s.first)
                if (s.first > r.last and all(infos[j][8] for j in gap) and s.options[0].support is None
                        and not s.options[0].partial):
                    whole = tuple(evolve(o, support=None) for o in r.options
                                  if s.options[0].entity in (o.support or (homes(o.entity) if o.entity >= 0 else ()))
                                  and s.options[0].entity != o.entity)
                    if whole:
                        out.append(_Reading(r.first, s.last, r.size + s.size, whole))
        if _title_case(infos, run):
            return out      # (a headline in title case: every word capitalised, none a given name by that)
        # (a name joined by a hyphen to the word before is no given name: "the Uzbekistan-China Technopark")
        kept = [self._before_unknown(r, infos) if r.first == r.last and r.last + 1 < n and r.last not in hyphened
                and r.first - 1 not in hyphened else r for r in out]
        return [r for r in kept if r is not None]

    def _heads_unknown(self, r: _Reading, infos: Sequence[_Info]) -> bool:
        """Is ``r`` a short form every reading of which needs another entity's support (its owner's), followed in its
        run by a capitalised word no name holds, neither a title's nor an institution's?"""
        after = r.last + 1
        # (two such words are rather a person's name after an office: "Председатель Сената Маулен Ашимбаев")
        return (after < len(infos) and bool(r.options) and _given_name(infos[after])
                and not (after + 1 < len(infos) and _given_name(infos[after + 1]))
                and infos[after][1] not in self._generic
                and all(o.entity >= 0 and o.support is not None and o.support - {o.entity} and o.form != "demonym"
                        for o in r.options))

    def _after_given_name(self, r: _Reading, infos: Sequence[_Info], initial: bool) -> bool:
        """Is ``r`` a person's surname alone right after a capitalised word no name holds (not a sentence's
        first word, not a title), or a given name alone before one? Then it is someone else's."""
        before, after = r.first - 1, r.last + 1
        if r.first != r.last or not r.options:
            return False
        if (before >= 0 and not (initial and before == 0) and _given_name(infos[before])
                and infos[before][1] not in self._generic and not _governed_genitive(infos, r.first)
                and all(o.entity < 0 or self._is_person(o) for o in r.options)):
            return True     # "Akylbek Japarov", "Jill Biden"
        # A given name alone before a surname no name holds: "Yerzhan Ashikbayev" is not Yerzhan Kazykhan.
        return (after < len(infos) and infos[r.first][1] in self._first_only and _given_name(infos[after])
                and infos[after][1] not in self._generic
                and all(o.partial and o.entity >= 0 and self._is_person(o) for o in r.options))

    def _before_unknown(self, r: _Reading, infos: Sequence[_Info]) -> _Reading | None:
        """A place (or an "other" entity: a religion, a festival) read from the word before a capitalised word
        no name holds is likely a person's given name ("Georgia Wells", "Nursultan Nazarbayev", "Islam
        Karimov"): it needs the document to name it elsewhere."""
        after = infos[r.last + 1]
        if r.first >= 2 and infos[r.first - 1][8] and infos[r.first - 2][1] in self._title_words:
            return r    # the place a title is of: "President of Azerbaijan Ilham Aliyev"
        if (not after[0] or after[3] not in (0, 3) or after[8] or after[9] or after[1] in self._generic or r.pending
                or (len(after[5]) > 1 and after[5].isupper())           # an acronym: "Түркия БАҚ"
                or _stem_in(after[5], self._generic) is not None):   # an inflected title: "Қырғызстан Президенті"
            return r
        index = self.resolver.index
        entities = index.entities
        word = self._parsed(infos[r.first][5]).text
        # (a country's name is a given name only in Latin letters: "Georgia Wells", not "Өзбекстан Қамбар ата")
        latin = detect_script(infos[r.first][5]) == "Latn"
        # (only the name as written: a place in another case is no given name, "министр России Сергей Шойгу";
        # nor is an abbreviation, "US-Konzern", nor a people's word, "den Spanier Ayoub Ghadfa")
        options = tuple(evolve(o, support=frozenset({o.entity})) if o.entity >= 0 and o.support is None
                        and not o.partial and entities[o.entity].type in _NAMESAKE_TYPES
                        and (latin or entities[o.entity].type is not EntityType.COUNTRY)
                        and o.form not in ("abbreviation", "demonym")
                        and index.entries[o.entry].parsed.text == word else o for o in r.options
                        # (a spelling of the place that is not its own, "Nursultan", is no reading there at all)
                        if o.score >= 1.0 or o.entity < 0 or entities[o.entity].type not in _NAMESAKE_TYPES)
        if options == r.options:
            return r
        return _Reading(r.first, r.last, r.size, options, r.query, r.pending, r.surname) if options else None

    def _with_initials(self, readings: list[_Reading], infos: Sequence[_Info], initials: set[int]) -> list[_Reading]:
        """Person readings take the initials next to them ("K. Tokayev", "A. G. Baradar", "Токаев К.-Ж.":
        positions in ``initials``) and keep only the people whose given names (and patronymic) start with
        those letters. Initials before the name that fit no one rule the person out ("A. Tokayev" is
        someone else); initials after it that fit no one are left outside ("Japarov U.N. speech")."""
        out = []
        entries = self.resolver.index.entries
        for r in readings:
            persons = r.pending or tuple(o.entry for o in r.options if o.entity >= 0 and self._is_person(o))
            first, last = r.first, r.last
            while first - 1 in initials:
                first -= 1
            while last + 1 in initials:
                last += 1
            if (first, last) == (r.first, r.last) or not persons:
                out.append(r)
                continue
            letters = tuple(infos[j][1][:1] for j in (*range(first, r.first), *range(r.last + 1, last + 1)))
            size = r.size + len(letters)
            if r.pending:
                fit = tuple(i for i in r.pending if self._initials_fit(entries[i].entity, letters))
                if len({entries[i].entity for i in fit}) > 1:
                    out.append(_Reading(first, last, size, r.options, r.query, fit, r.surname))
                elif fit and (options := self._score(r.query, fit, 1.0, partial=True)):
                    out.append(_Reading(first, last, size, options))
                elif first == r.first:
                    out.append(r)
                continue
            given = self._given_before(first, r, infos) if first < r.first else None
            if given is not None:
                # A middle initial between the person's given names and surname ("Kassym-Jomart K. Tokayev",
                # "George W. Bush"): one mention of the person the whole name names.
                start, entities = given
                kept = tuple(o for o in r.options if o.entity in entities)
                if kept:
                    out.append(_Reading(start, last, size + first - start, kept))
                    continue
            fitting = tuple(o for o in r.options if self._initials_fit(o.entity, letters))
            if fitting:
                out.append(_Reading(first, last, size, fitting))
            elif first == r.first or len(persons) < len(r.options):
                out.append(r)   # initials after the name, or not only people: they may belong to something else
        return out

    def _given_before(self, first: int, r: _Reading, infos: Sequence[_Info]) -> tuple[int, set[int]] | None:
        """The longest stretch of name words just before the initials at ``first`` that, with the words of
        ``r`` after them, spells a person's name: its start and the entities it names."""
        tail = "".join(infos[j][1] for j in range(r.first, r.last + 1))
        found = None
        key = ""
        for g in range(first - 1, max(-1, first - 1 - _MAX_GIVEN), -1):
            if not infos[g][0] or infos[g][3] == 0 or _is_initial(infos[g]):
                break
            key = infos[g][1] + key
            entries = self._phrases.get(key + tail)
            if entries:
                index = self.resolver.index
                people = {index.entries[i].entity for i in entries}
                if any(index.entities[e].type is EntityType.PERSON for e in people):
                    found = (g, people)
        return found

    def _initials_fit(self, entity: int, letters: tuple[str, ...]) -> bool:
        """Whether one of the person's indexed names has given names (and patronymic) starting with
        ``letters``, in order."""
        fits = self._initials.get(entity)
        if fits is None:
            fits = set()
            for i in self.resolver.index.entries_of(entity):
                words = [t for t in self.resolver.index.entries[i].parsed.tokens
                         if t.role in (Role.NAME, Role.PATRONYMIC, Role.INITIAL)]
                firsts = tuple(t.key[:1] for t in words[:-1])
                fits.update(firsts[:k] for k in range(1, len(firsts) + 1))
            self._initials[entity] = fits
        return letters in fits

    def _dictionary_form(self, word: str) -> tuple[str, str] | None:
        """The key and form of ``word`` without a case ending, when that form is a whole name."""
        found = self._stemmed.get(word, self)
        if found is self:
            found = _stem_in(word, self._phrases)
            _store(self._stemmed, 50_000, word, found)
        return found   # type: ignore[return-value]

    def _other_form(self, info: _Info, phrase: str, thr: float) -> tuple[str, tuple[_Option, ...]] | None:
        """The best-read dictionary form of a word (other than ``phrase``) that is a whole name: the word's
        forms are tried in turn, as one of them may name only entities the text's script rules out."""
        best: tuple[str, tuple[_Option, ...]] | None = None
        for k, form in info[10]:
            if k == phrase or k not in self._phrases:
                continue
            options = self._score(form, self._phrases[k], thr, partial=False)
            if options and (best is None or options[0].score > best[1][0].score):
                best = (k, options)
        return best

    def _windows(self, segment: list[int], infos: Sequence[_Info], covered: set[int],
                 full: set[int]) -> list[list[int]]:
        """Stretches of at most _FUZZY_SPAN words of ``segment`` worth a resolver call."""
        while segment and (infos[segment[0]][1] in self._title_words or infos[segment[0]][8]):
            segment = segment[1:]       # titles and articles stay outside ("Minister Japar Mambetov")
        while segment and infos[segment[-1]][8]:
            segment = segment[:-1]
        if len(segment) <= _FUZZY_SPAN:
            return [segment] if self._worth(segment, infos, (covered, full)) else []
        out: list[list[int]] = []
        seen: set[int] = set()   # window starts already read (a set: a list search made long runs quadratic)
        for k in range(len(segment)):
            lo = max(0, min(k - 1, len(segment) - _FUZZY_SPAN))
            if lo in seen:
                continue
            seen.add(lo)
            window = segment[lo:lo + _FUZZY_SPAN]
            if self._worth(window, infos, (covered, full)):
                out.append(window)
        return out

    def _worth(self, stretch: list[int], infos: Sequence[_Info], cover: tuple[set[int], set[int]]) -> bool:
        """Whether the resolver should read ``stretch``: it holds a telling word no table reading took,
        several name words that no full-name reading took ("Marfa Evgenyevna Sergeeva"), or a name read in
        full next to a word no name holds (a longer name with that word misspelt: "Fred Barry Mckzy")."""
        covered, full = cover
        if any(i not in covered and self._is_trigger(infos[i]) for i in stretch):
            return True
        named = [i for i in stretch if infos[i][3] != 0 and infos[i][1] not in self._generic]
        if len(stretch) < 2 or not named:
            return False
        return not full.issuperset(named) or any(infos[i][3] == 0 and infos[i][1] not in self._generic
                                                 and not infos[i][8] for i in stretch)

    def _is_trigger(self, info: _Info) -> bool:
        """A word that is worth a resolver call: near a name word, or a name word that is not common."""
        if info[1] in self._generic:
            return False
        return info[3] in (2, 3) or (info[3] == 1 and info[4] >= 0.5)

    def _fuzzy_stretch(self, stretch: list[int], infos: Sequence[_Info], thr: float,
                       date: _dt.date | None, covered: tuple[set[int], set[int]]) -> list[_Reading]:
        found: dict[tuple[int, int], _Reading] = {}
        self._fuzzy_into(stretch, infos, thr, date, covered=covered, found=found)
        full = [r for r in found.values() if not r.options[0].partial]
        # A reading that is only part of a name loses to a full one inside it.
        return [r for r in found.values()
                if not r.options[0].partial or not any(f.first >= r.first and f.last <= r.last for f in full)]

    def _fuzzy_into(self, stretch: list[int], infos: Sequence[_Info], thr: float, date: _dt.date | None, *,
                    covered: tuple[set[int], set[int]], found: dict[tuple[int, int], _Reading]) -> None:
        if (stretch[0], stretch[-1]) in found or not self._worth(stretch, infos, covered):
            return
        if (infos[stretch[0]][3] == 0 and infos[stretch[-1]][3] == 0 and len(stretch) > 1) or (
                len(stretch) > 1 and infos[stretch[0]][1] in self._title_words):
            # (a mention does not start with a title: "Präsident Sadyr Dschaparow" is read without it)
            options: tuple[_Option, ...] = ()
        else:
            options = self._fuzzy(" ".join(infos[j][2] for j in stretch), thr, date)
            if not options and any(infos[j][3] == 2 for j in stretch):
                # A case ending guessed where there was none ("Жрако" is a misspelt "Жарко").
                options = self._fuzzy(" ".join(infos[j][5] for j in stretch), thr, date)
        if options:
            found[(stretch[0], stretch[-1])] = _Reading(stretch[0], stretch[-1], len(stretch), options)
            if not options[0].partial:
                return
        if len(stretch) > 1:
            self._fuzzy_into(stretch[1:], infos, thr, date, covered=covered, found=found)
            self._fuzzy_into(stretch[:-1], infos, thr, date, covered=covered, found=found)

    def _connectors(self, entry: int) -> int:
        """How many function words the indexed form holds ("of" twice in "Ministry of ... of Kazakhstan")."""
        n = self._fw_count.get(entry)
        if n is None:
            form = self.resolver.index.entries[entry].form
            n = sum(1 for w in _WORD.findall(form) if self._word(w)[8])
            self._fw_count[entry] = n
        return n

    def _score(self, query: str, entries: Sequence[int], thr: float, *, partial: bool,
               floor: float = _PARTIAL_FLOOR) -> tuple[_Option, ...]:
        """Options for a reading found by key: each candidate form compared with the words."""
        # Which forms a lone surname is scored against depends on the document: they are part of the key.
        cache_key = (query, f"partial {floor} {','.join(map(str, entries))}" if partial else f"{thr}")
        found = self._scored.get(cache_key)
        if found is not None:
            return found
        index = self.resolver.index
        parsed = self._parsed(query)
        if (script := detect_script(query)) in ALPHABETS and (foreign := index.foreign_forms(script)):
            # Text in an alphabet names an entity as its names in that script do (NameIndex.foreign_forms);
            # where those hold the words, its names in other scripts count too ("Токаева" is the "Tokayev"
            # of its Latin names: its Cyrillic names hold "Токаев"; "Георгия" is no Грузия).
            words = {w.key for w in parsed.tokens}
            entries = [i for i in entries if i not in foreign
                       or words <= self._own_words(script, index.entries[i].entity)]
        shared = partial and len({index.entries[i].entity for i in entries}) > 1
        lone = len(parsed.tokens) == 1 and " " not in query.strip()
        written = letters(query)
        best: dict[int, _Option] = {}
        for i in entries:
            entry = index.entries[i]
            if not partial and entry.parsed.text == parsed.text:
                score, grade = 1.0, "full"      # the name itself, as indexed
            elif lone and len(parsed.text) <= 2 and parsed.text not in {w.text for w in entry.parsed.tokens}:
                continue    # two letters meet too many words by their key alone ("Hi" is not "Xi")
            else:
                score, grade = self._compared(parsed, i)
            if score < (floor if partial else thr):
                continue
            kind = entry.name.kind
            if not _same_case(query, entry.name.text, kind):
                continue
            if kind is NameKind.DEMONYM and not _written_as(_WORD.findall(query), entry):
                continue    # a demonym is a word of its language: "Түркі" (Turkic) is no Tajik "турк" with an ending
            if kind is NameKind.ABBREVIATION and lone and _other_letters(query, entry.name.text):
                continue    # an abbreviation is its letters: the Russian "КР" (Kyrgyzstan) is not the Kazakh "ҚР"
            # One word read as a person whose name has several words is part of the name, whatever the
            # parser set aside as title, particle or patronymic ("Çamurcuoğlu" in "İmam Çamurcuoğlu").
            is_partial = partial or grade == "partial" or (
                lone and kind is not NameKind.DEMONYM and index.entities[entry.entity].type is EntityType.PERSON
                and len(_WORD.findall(entry.name.text)) > 1)
            support = self._support.get(i)
            if support is None and lone and _unmarked_short(query, entry.name.text):
                support = frozenset({entry.entity})   # "Oma" is Portuguese "Omã" (Oman) only beside Oman
            opt = _Option(entry.entity, score, i, _form(kind), support, is_partial,
                          self._strength(query) if is_partial else 1.0, shared)
            old = best.get(entry.entity)
            # (of equal scores, a name that needs no support in the document, and one written as the text:
            # "Irak" as written, not "Iraq"; the letters are compared only between such ties)
            if old is None:
                best[entry.entity] = opt
            else:
                a, b = (opt.score, opt.support is None), (old.score, old.support is None)
                if a > b or (a == b and (letters(entry.name.text) == written, -opt.entry)
                             > (letters(index.entries[old.entry].name.text) == written, -old.entry)):
                    best[entry.entity] = opt
        # (of equal scores, the entity whose name is written as the text first: Kazakh "Азаттық" is Azattyq,
        # though the Kyrgyz "Азаттык" reads the same)
        options = tuple(sorted(best.values(), key=lambda o: (
            -o.score, letters(index.entries[o.entry].name.text) != written, o.entity)))
        self._remember(cache_key, options)
        return options

    def _fuzzy(self, query: str, thr: float, date: _dt.date | None) -> tuple[_Option, ...]:
        """Options for an uncovered reading, from the resolver (any spelling its keys reach)."""
        cache_key = ("~" + query, f"{thr} {date.isoformat() if date is not None else ''}")
        found = self._scored.get(cache_key)
        if found is not None:
            return found
        options = []
        one_word = " " not in query.strip()
        entries = self.resolver.index.entries
        # A stretch written in an alphabet names an entity with names in that script through those alone:
        # the keys of its other names meet common words ("Man" for عمان, "Георгия" for Georgia).
        script = detect_script(query)
        skip = self.resolver.index.foreign_forms(script) if script in ALPHABETS else frozenset()
        matches = self.resolver._resolve(query, 5, None, date, thr=self.resolver.threshold, skip=skip, in_text=True)
        # A name of several words, every one of them matched, that no other entity comes near is a mention a
        # little under the threshold too ("فسائي عويضة": one letter wrong in a short word costs much).
        clear = (not one_word and bool(matches) and matches[0].comparison.grade == "full"
                 and all(m.score <= matches[0].score - _CLEAR_LEAD for m in matches if m.entity != matches[0].entity))
        # (function words the stretch holds between its names: "Республика и Казахстан" is no "Республика Казахстан")
        joins = sum(1 for w in _WORD.findall(query) if self._word(w)[8]) if not one_word else 0
        for m in matches:
            entry = self._entry_ids.get((m.entity.id, m.name, m.form, m.via), -1)
            if entry < 0 or any(e.kind == "missing" and e.left for e in m.comparison.evidence):
                continue   # words of the stretch the name does not hold: a shorter stretch is the mention
            if joins > self._connectors(entry):
                continue   # a word joining two names: as many in the name as in the stretch, as a table reading
            if not _same_case(query, m.name.text, m.name.kind):
                continue   # "Sr" is not "СССР"
            if m.name.kind is NameKind.DEMONYM and not _written_as(_WORD.findall(query), entries[entry]):
                continue   # a demonym is a word of its language (see _score)
            if one_word and _derived(self._parsed(query), entries[entry].parsed):
                continue   # "Australian", "Nigerian": a word made from the name, not a misspelling of it
            if one_word and len(self._parsed(query).text) <= 2 and \
                    self._parsed(query).text not in {w.text for w in entries[entry].parsed.tokens}:
                continue   # two letters meet too many words by their key alone ("Hi" is not "Xi")
            # One word guessed at is at most part of a longer name ("Sunday" is not "Sina Dayi").
            partial = m.comparison.grade == "partial" or (
                one_word and len(entries[entry].parsed.tokens) > 1 and not self._kind_omitted(m, entries[entry]))
            if not partial and m.score < thr and not (clear and m.entity == matches[0].entity
                                                          and m.score >= thr - _CLEAR_SLACK):
                continue
            # A part of a name that was guessed at (not found as written) is never distinctive on its own:
            # it needs the person named in full in the document.
            options.append(_Option(entries[entry].entity, m.score, entry, _form(m.name.kind),
                                   self._support.get(entry), partial, self._strength(query) if partial else 1.0,
                                   shared=partial))
        result = tuple(sorted(options, key=lambda o: (-o.score, o.entity)))
        self._remember(cache_key, result)
        return result

    def _kind_omitted(self, m: Match, entry: Entry) -> bool:
        """Is a one-word reading a place's name as written without its kind of place ("Badakhshan" of "Badakhshan
        Province")? That is the place's name, not a part of it guessed at."""
        return (m.entity.type in _PLACE_TYPES and all(e.kind == "exact" for e in m.comparison.evidence if e.left)
                and all(t.role is Role.GENERIC for t in entry.parsed.tokens if t.text not in {
                    e.right for e in m.comparison.evidence if e.left}))

    def _own_words(self, script: str, entity: int) -> frozenset[str]:
        """The word keys of an entity's names written in ``script`` (not its demonyms: the Russian "турки", Turks,
        makes no Kazakh "Түркі", Turkic, a name of Türkiye)."""
        found = self._script_words.get((script, entity))
        if found is None:
            index = self.resolver.index
            foreign = index.foreign_forms(script)
            found = frozenset(w.key for i in self.resolver.index.entries_of(entity)
                              if i not in foreign and index.entries[i].name.kind is not NameKind.DEMONYM
                              for w in index.entries[i].parsed.tokens)
            self._script_words[(script, entity)] = found
        return found

    def _strength(self, query: str) -> float:
        """How much the words of a partial reading identify: the weight of its weakest name word."""
        return min((t.weight for t in self._parsed(query).tokens if t.role is Role.NAME), default=0.0)

    def _parsed(self, query: str) -> ParsedName:
        found = self._parses.get(query)
        if found is None:
            found = parse_name(query, weights=self.resolver.index.weights)
            _store(self._parses, 100_000, query, found)
        return found

    def _compared(self, parsed: ParsedName, entry: int) -> tuple[float, str]:
        """Score and grade of the words ``parsed`` against an indexed form (once per pair: documents
        name the same people again and again, each time among other candidates)."""
        key = (parsed.source, entry)
        found = self._pairs.get(key)
        if found is None:
            c = compare_parsed(parsed, self.resolver.index.entries[entry].parsed)
            found = (c.score, c.grade)
            _store(self._pairs, 200_000, key, found)
        return found

    def _remember(self, key: tuple[str, str], options: tuple[_Option, ...]) -> None:
        _store(self._scored, 100_000, key, options)

    # -- document context

    def _settle(self, readings: Sequence[_Reading], base: int, anchors: dict[int, list[int]],
                spans: Sequence[tuple[int, int]], text: str) -> tuple[list[_Reading], list[_Reading]]:
        """Readings of the run at ``base`` that stand (options narrowed by the document) and those left
        ambiguous."""
        kept: list[_Reading] = []
        unresolved: list[_Reading] = []
        for found in readings:
            r = found
            if found.pending:
                people = self._shared[found.surname]
                mentioned = tuple(sorted(i for e in anchors if e in people for i in people[e]))
                if len(found.pending) < len(self._surnames[found.surname]):   # narrowed by initials
                    mentioned = tuple(i for i in mentioned if i in found.pending)
                # The surname of someone the document names in full is theirs, however weak the score.
                options = (self._score(found.query, mentioned, 1.0, partial=True, floor=0.0) if mentioned
                           else self._score(found.query, found.pending[:_AMBIGUOUS_SHOWN], 1.0, partial=True))
                if not options:
                    continue
                r = _Reading(found.first, found.last, found.size, options)
                if not mentioned:
                    unresolved.append(r)
                    continue
            top = r.options[0]
            tied = [o for o in r.options if o.score >= top.score - _TIE]
            if len(tied) == 1 and top.support is None and not top.partial:
                kept.append(r)
                continue
            where = spans[base + r.first][0]
            backed = []
            for o in r.options:
                if o.score < top.score - 0.25:
                    continue
                near = [_distance(anchors[e], where) for e in (o.support or {o.entity}) | {o.entity} if e in anchors]
                if near:
                    backed.append((o, min(near)))
            if backed:
                # (ties: a name written as the text first, "Азаттық" is the Kazakh service's)
                written = letters(text[where:spans[base + r.last][1]])
                o = min(backed, key=lambda x: (-round(x[0].score, 2), x[1], letters(
                    self.resolver.index.entries[x[0].entry].name.text) != written, x[0].entity))[0]
                kept.append(_Reading(r.first, r.last, r.size, (o,)))
            elif (len(r.options) == 1 and not top.shared and top.support is None and top.strength >= _DISTINCT
                  and top.score >= self.resolver.threshold
                  and self._is_person(top) and len(self.resolver.index.entries[top.entry].parsed.tokens) > 1):
                kept.append(r)
            else:
                unresolved.append(r)
        return kept, unresolved

    def _is_person(self, option: _Option) -> bool:
        return self.resolver.index.entities[option.entity].type is EntityType.PERSON

    def _is_org(self, option: _Option) -> bool:
        return self.resolver.index.entities[option.entity].type is EntityType.ORG

    # -- output

    def _mention(self, text: str, spans: Sequence[tuple[int, int]], infos: Sequence[_Info], base: int,
                 r: _Reading, *, unresolved: bool) -> Mention:
        index = self.resolver.index
        o = r.options[0]
        start, end = spans[base + r.first][0], spans[base + r.last][1]
        name = index.entries[o.entry].name
        if (name.text.endswith(".") or _is_initial(infos[base + r.last])) and text[end:end + 1] == ".":
            end += 1   # the dot of an abbreviation or of a last initial ("Токаев К.-Ж.")
        entity = index.entities[o.entity]
        title = self._title(text, spans, infos, base + r.first) if entity.type.value == "person" else None
        candidates: tuple[tuple[Entity, float], ...] = ()
        if unresolved:
            candidates = tuple((index.entities[x.entity], x.score) for x in r.options)
        form = "partial" if o.partial and o.form == "full" else o.form
        return Mention(start, end, text[start:end], entity, o.score, name, form, title, unresolved, candidates)

    def _title(self, text: str, spans: Sequence[tuple[int, int]], infos: Sequence[_Info],
               first: int) -> tuple[int, int] | None:
        begin = first
        if first == 0 or infos[first - 1][1] not in self._title_ends:
            return None
        while True:
            for n in range(min(self._max_title, begin), 0, -1):
                seq = tuple(infos[j][1] for j in range(begin - n, begin))
                gaps_ok = all(_joins(text[spans[j][1]:spans[j + 1][0]], True) for j in range(begin - n, begin))
                if gaps_ok and seq in self._titles:
                    begin -= n
                    break
            else:
                break
        if begin == first:
            return None
        return (spans[begin][0], spans[first - 1][1])


_K = TypeVar("_K")
_V = TypeVar("_V")


def _store(memo: dict[_K, _V], cap: int, key: _K, value: _V) -> None:
    """Remember ``value``; at ``cap`` entries the oldest quarter goes (a dict keeps insertion order), so a
    long stream keeps what it met lately instead of starting over."""
    if len(memo) >= cap:
        try:
            for old in list(itertools.islice(memo, cap // 4)):
                memo.pop(old, None)
        except RuntimeError:    # another thread stored meanwhile: start over
            memo.clear()
    memo[key] = value


def _distance(positions: Sequence[int], where: int) -> int:
    """Distance from ``where`` to the nearest of the sorted ``positions``."""
    k = bisect.bisect_left(positions, where)
    return min(abs(positions[j] - where) for j in (k - 1, k) if 0 <= j < len(positions))


def _surnames_of(tokens: Sequence[NameToken]) -> list[NameToken]:
    """The words of a person's name that may stand alone for it: the last name word; the first when the
    name ends with a patronymic ("Андреев Милован Ануфриевич"); both ends of a two-word name, whose order
    a gazetteer does not say ("Комаров Самсон"). A lone word still needs the document or distinctiveness."""
    names = [t for t in tokens if t.role is Role.NAME]
    if len(tokens) < 2 or not names:
        return []
    picks = []
    if tokens[-1].role is Role.PATRONYMIC and len(names) >= 2 and names[0] is tokens[0]:
        picks.append(names[0])
    elif names[-1] is tokens[-1]:
        picks.append(names[-1])
        if len(tokens) == 2 and names[0] is tokens[0]:
            picks.append(names[0])
    return [t for t in picks if len(t.key) >= 3]


def _is_initial(info: _Info) -> bool:
    """One capital letter: an initial ("K." in "K. Tokayev")."""
    word = info[5]
    return len(word) == 1 and word.isupper() and bool(info[1])


def _vowelless(key: str) -> bool:
    """A romanisation that wrote no (or almost no) vowels: how abjad names reach Latin text unvocalised."""
    return len(key) >= 3 and sum(c in "aeiou" for c in key) * 4 <= len(key)


def _branded(text: str, m: Mention, ends: Container[int]) -> bool:
    """Is a place's name the second word of a brand written in another script before it ("Sputnik Қазақстан",
    "Sputnik Афганистан": an outlet's edition, not the country)? The word before is capitalised, in another
    script, and no mention's end."""
    if m.entity.type not in _PLACE_TYPES or m.start < 2 or text[m.start - 1] != " ":
        return False
    before = _LAST_WORD.search(text, max(0, m.start - 1 - _LONGEST_BRAND), m.start - 1)
    if before is None or before.end() in ends or not before.group()[:1].isupper():
        return False
    own = detect_script(m.text)
    other = detect_script(before.group())
    return bool(own and other and own != other and not before.group().isdigit())


def _headline(text: str, at: int) -> bool:
    """Is the line holding ``at`` a headline: three words or more, every one capitalised?"""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    found = _FIRST_WORD.findall(text, start, len(text) if end < 0 else end)
    found = [w for w in found if not w.isdigit()]
    return len(found) >= 3 and all(w[:1].isupper() for w in found)


def _written_as(words: Sequence[str], entry: Entry) -> bool:
    """Are the text's lowercase ``words`` the entry's name as written, each word as it is (but for a last letter
    its key leaves out) or with a case ending of the name's language (any, for a name without one)? Lowercase
    words are the language's own vocabulary, so a romanisation key is too loose here: the Kazakh "қаза" (death)
    keys as the Russian "казах", "қатарынан" (in a row) as the Tajik "қатарӣ" (Qatari)."""
    group = _SUFFIXING.get(entry.name.lang, entry.name.lang) if entry.name.lang else None
    for word, own in zip(words, _WORD.findall(entry.form)):
        a, b = letters(word), letters(own)
        if a == b or (abs(len(a) - len(b)) == 1 and (a.startswith(b) or b.startswith(a)) and _key(word) == _key(own)):
            continue    # (as written, or but for a last vowel the key leaves out: "таджикско-афганской")
        # (a stem's key may differ from the name's letters where the language's spelling rules do: "таджиков" is
        # "таджики", with ы for и after к)
        target = _key(own)
        folded = unicodedata.normalize("NFC", word)
        if not any(_key(form) == target and (group is None or _SUFFIXING.get(lang, lang) == group)
                   for form, lang in dictionary_forms(folded, endings()[detect_script(folded) == "Cyrl"])):
            return False
    return True


def _lowercase_names(entries: Sequence[Entry], orgs: Container[int]) -> tuple[
        re.Pattern[str] | None, dict[tuple[str, ...], tuple[int, ...]], tuple[str, ...]]:
    """The names a gazetteer writes in lowercase (so running text does too), and the institutions' names it writes
    in sentence case (which running text writes in lowercase beside their owner: "Қазақстанның сыртқы істер
    министрлігі"): a pattern that finds their words, inflected or not (each word's stem, then any letters), their
    entries by their words' keys, and the distinct first three letters they start with."""
    by_keys: dict[tuple[str, ...], list[int]] = defaultdict(list)
    shapes: set[tuple[str, ...]] = set()
    for i, entry in enumerate(entries):
        if entry.via is not None:
            continue
        words = _WORD.findall(entry.form)
        if (words and entry.form[:1].islower()) or (
                entry.entity in orgs and len(words) > 1 and words[0][:1].isupper()
                and all(w[:1].islower() for w in words[1:])):
            words = [words[0].lower(), *words[1:]]
            keys = tuple(_key(w) for w in words)
            if all(keys):
                by_keys[keys].append(i)
                shapes.add(tuple(w[:-1] if len(w) > _MIN_STEM else w for w in words))
    if not shapes:
        return None, {}, ()
    alternatives = sorted(shapes, key=lambda s: (-len(s), -sum(map(len, s)), s))
    joined = "|".join(r"[ \t\u00a0\-‐‑]{1,3}".join(re.escape(w) + r"\w*" for w in s) for s in alternatives)
    heads = tuple(sorted({s[0][:3] for s in shapes}))
    return re.compile(f"(?:{joined})"), {k: tuple(v) for k, v in by_keys.items()}, heads


def _title_case(infos: Sequence[_Info], positions: Sequence[int]) -> bool:
    """Are the run's function words capitalised ("Kazakhstan And Kyrgyzstan Look To Mend Ties")? (The caller
    leaves out a sentence's first word, capitalised by its place: "The Akylbek Japarov case".)"""
    return any(infos[p][8] and infos[p][5][:1].isupper() for p in positions)


def _ending_of(info: _Info, head: str) -> bool:
    """Is ``info``'s word ``head`` with a case ending ("ШЫҰны" read as "ШЫҰ")?"""
    return info[3] == 2 and info[2] == head


def _governed_genitive(infos: Sequence[_Info], at: int) -> bool:
    """Is the word at ``at`` a name in the German genitive ("-s", "-es") that no capitalised word follows? It
    then follows the noun that governs it, which German capitalises as it does a given name ("Auf Bitten
    Tokajews", "der Besuch Nasarbajews"); a full name in the genitive comes before its noun instead ("Akylbek
    Dschaparows Regierung")."""
    info = infos[at]
    word = info[5]
    # (the word read without the ending, or as written when some name holds it so, its stems then aside)
    stems = (info[2],) if info[3] == 2 else tuple(stem for _, stem in info[10])
    if not any(word.startswith(stem) and word[len(stem):].casefold() in _GENITIVES for stem in stems):
        return False
    return at + 1 >= len(infos) or not infos[at + 1][0]


def _given_name(info: _Info) -> bool:
    """Could the word be a given name no name holds: capitalised, unknown, neither a function word, a particle,
    an initial nor an acronym? (The caller rules out titles and other generic words.)"""
    word = info[5]
    # (a word only near some name word, status 3, is as unknown here: "Chad Morris")
    return info[0] and info[3] in (0, 3) and not (info[8] or info[9]) and len(word) > 1 and not word.isupper()


def _shared_start(a: str, b: str) -> int:
    """How many letters ``a`` and ``b`` share at their start."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _same_head_case(query: str, name: str) -> bool:
    """A short form taken from the start of ``name`` in capitals ("МИД Казахстана") is written so."""
    head = name.split(maxsplit=1)[0] if name.split() else ""
    return not (len(head) > 1 and head.isupper()) or query.split(maxsplit=1)[0].isupper()


_GENITIVES = frozenset({"s", "es"})    # the German genitive endings of a name (data/inflection.tsv, "de")
_PLACE_TYPES = frozenset({EntityType.PLACE, EntityType.COUNTRY})
# What an organisation's name tells the document it is about: places and organisations, not a religion its
# name's adjective names ("Islamic Movement of Uzbekistan" supports no "Islam" before "Karimov").
_IMPLIED_TYPES = _PLACE_TYPES | {EntityType.ORG}
_HYPHENS = frozenset({"-", "‐", "‑"})
_QUALIFIER_JOINS = _HYPHENS | {" "}
_WORD_START = re.compile(r"(?<!\w)\w")
_start_of = operator.methodcaller("start")
_LAST_WORD = re.compile(r"(?<!\w)\w+$")
_FIRST_WORD = re.compile(r"\w+")
_LONGEST_BRAND = 24         # letters of the longest brand word read before a place's name ("Sputnik")
_BRAND_WORDS = 3            # capitalised words after a place's name the last of which may make it a brand's
_LONGEST_QUALIFIER = 16     # letters of the longest qualifier a place's name may follow ("Центральная": 11)
# Entities whose one-word names are also given names: "Georgia Wells", "Ислам Каримов" (the religion's name).
_NAMESAKE_TYPES = _PLACE_TYPES | {EntityType.OTHER}
_OPENERS = frozenset("\"'«»“”„‘’‚‹›([{—–-*•")
_ENDS = frozenset(".!?…:;")


def _sentence_start(text: str, pos: int) -> bool:
    """Does a sentence (or a paragraph, a headline) start at ``pos``? Every word is capitalised there."""
    i, breaks = pos - 1, 0
    while i >= 0 and (text[i].isspace() or text[i] in _OPENERS):
        breaks += text[i] == "\n"
        i -= 1
    return i < 0 or breaks > 1 or text[i] in _ENDS


def _as_initial(r: _Reading, *, exact: bool = False) -> _Reading:
    """A reading of the first word of a sentence, where any word is capitalised: one word that is no name
    as written (or inflected; with ``exact``, any) is a mention only where the document names the entity
    too ("Small" and سومالی, "Данные" and Дания share keys; "Tokajew" after "Toqaev" is still found)."""
    if r.first != 0 or r.last != 0 or r.pending:
        return r
    options = tuple(evolve(o, support=frozenset({o.entity})) if (exact or o.score < 1.0) and o.support is None
                    and not o.partial else o for o in r.options)
    return r if options == r.options else _Reading(r.first, r.last, r.size, options, r.query, r.pending, r.surname)


def _in_lowercase(text: str, start: int, end: int) -> bool:
    """Does ``text`` also hold the word at ``start:end`` in lowercase, as a whole word?"""
    word = text[start:end].lower()
    if word == text[start:end]:
        return False
    at = text.find(word)
    while at >= 0:
        after = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (after >= len(text) or not text[after].isalnum()):
            return True
        at = text.find(word, at + 1)
    return False


def _derived(word: ParsedName, name: ParsedName) -> bool:
    """A one-word name with letters added at its end: a word derived from it (an adjective, a demonym)."""
    if len(word.tokens) != 1 or len(name.tokens) != 1:
        return False
    a, b = word.tokens[0].key, name.tokens[0].key
    return len(a) > len(b) and a.startswith(b)


def _unmarked_short(word: str, name: str) -> bool:
    """A short one-word name with accents the word lacks, or that the word writes otherwise (met through their
    romanisation keys alone): a word of another language as often as the name ("Oma", "Ira" for the Portuguese
    "Omã", "Irã"; the German "Phase" for the Turkish "Fas", Morocco)."""
    if " " in name or len(name) > _SHORT_UNMARKED:
        return False
    marks = unicodedata.normalize("NFD", name)
    if any(map(_is_mark, marks)) and not any(map(_is_mark, unicodedata.normalize("NFD", word))):
        return True
    plain = "".join(c for c in marks if not _is_mark(c)).casefold()
    return plain != "".join(c for c in unicodedata.normalize("NFD", word) if not _is_mark(c)).casefold()


def _other_letters(word: str, name: str) -> bool:
    """Are ``word`` and ``name`` of one script but other letters (casefolded, dots aside)?"""
    return detect_script(word) == detect_script(name) and letters(word) != letters(name)


def _is_mark(c: str) -> bool:
    return unicodedata.category(c).startswith("M")


def _form(kind: NameKind) -> str:
    if kind is NameKind.ABBREVIATION:
        return "abbreviation"
    if kind is NameKind.HISTORICAL:
        return "historical"
    if kind is NameKind.DEMONYM:
        return "demonym"
    return "full"


def _same_case(query: str, name: str, kind: NameKind) -> bool:
    """An all-capitals abbreviation or demonym only matches capitals ("US" is not "Us"), and so does any name
    of at most five letters written in capitals, whatever its kind (the Swedish name "USA" is not "Usa"). An
    abbreviation of four letters or more, said as a word, may be written as one, as German and Romance press
    write them ("Nato", "Unama", "Otan")."""
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and (
            kind in (NameKind.ABBREVIATION, NameKind.DEMONYM) or len(letters) <= _ACRONYM_LETTERS):
        written = [c for c in query if c.isalpha()]
        if (kind is not NameKind.DEMONYM and len(letters) >= _SPOKEN_ACRONYM and " " not in query.strip()
                and written[:1] and written[0].isupper() and all(c.islower() for c in written[1:])):
            return True
        return all(c.isupper() for c in written)
    return True


def _stem_in(word: str, table: Container[str]) -> tuple[str, str] | None:
    """The key and form of ``word`` without a case ending, for the first such key in ``table``."""
    return next(((k, s) for k, s in _stem_keys(word) if k in table), None)


def _stems_in(word: str, table: Container[str], key: str) -> tuple[tuple[str, str], ...]:
    """Every other key (and form) of ``word`` without a case ending that is in ``table``."""
    return tuple((k, s) for k, s in _stem_keys(word) if k in table and k != key)


_MAX_COMBOS = 16   # keys of one stretch tried with its words' dictionary forms
_SPOKEN_ACRONYM = 4     # letters from which an abbreviation may be written as a word ("Nato", not "Usa")
_MIN_DERIVED_STEM = 5   # shortest dictionary form of a word that may name an entity inside another's name


def _extend(combos: dict[str, tuple[str, ...]], key: str, forms: list[str],
            info: _Info) -> dict[str, tuple[str, ...]]:
    """The stretch's other keys (with their forms) once the word ``info`` is added; the key as written,
    ``key`` + the word's own key, is kept apart by the caller."""
    base = {key: tuple(forms), **combos}
    out: dict[str, tuple[str, ...]] = {}
    for k, f in base.items():
        for wk, wf in ((info[1], info[2]), *info[10]):
            if k + wk != key + info[1] and len(out) < _MAX_COMBOS:
                out.setdefault(k + wk, (*f, wf))
    return out


@lru_cache(maxsize=4096)
def _joins(gap: str, after_short: bool) -> bool:
    """Whether two words separated by ``gap`` (no letters in it) may belong to one name.

    A dot joins only after an initial or a short capitalised abbreviation ("K. Tokayev", "U.S. State").
    """
    if not gap or len(gap) > 4 or not set(gap) <= _GAP_CHARS:
        return False
    if gap.count("\n") > 1 or gap.count(".") > 1:
        return False
    return "." not in gap or after_short


def _stands(r: _Reading) -> bool:
    """A reading the document cannot change: one clear option that needs no support."""
    top = r.options[0]
    return (not r.pending and top.support is None and not top.partial
            and (len(r.options) == 1 or r.options[1].score < top.score - _TIE))


def _settled(readings: Sequence[_Reading], chosen: Sequence[_Reading]) -> tuple[_Reading, ...] | None:
    """The mentions of a run whatever its document says, or None if the document may change them.

    The document only drops a reading that does not stand or narrows its options, so its weight stays at
    most its size. If the best choice, with every such reading at that bound, holds only readings that
    stand and covers every reading that does not, no document changes it (nor leaves one ambiguous)."""
    if all(map(_stands, readings)):
        return tuple(chosen)
    standing = [r for r in readings if _stands(r)]
    bound = [_Reading(r.first, r.last, r.size, (_Option(-1, 1.0, -1, "full", None, False),))
             for r in readings if not _stands(r)]
    best = _choose(standing + bound)
    if any(r.options[0].entity < 0 for r in best):
        return None
    taken = {p for r in best for p in range(r.first, r.last + 1)}
    if all(_stands(r) or any(p in taken for p in range(r.first, r.last + 1)) for r in readings):
        return tuple(best)
    return None


def _order(r: _Reading) -> tuple[int, int, float, int]:
    return (r.last, r.first, -r.weight, r.options[0].entity)


def _choose(readings: Sequence[_Reading]) -> list[_Reading]:
    """Non-overlapping readings with the largest total weight (ties: fewer, longer, earlier)."""
    if len(readings) <= 1:
        return list(readings)
    items = sorted(readings, key=_order)
    ends = [r.last for r in items]
    best: list[tuple[float, int]] = [(0.0, 0)]   # (weight, -count) up to item k
    pick: list[int] = []
    for k, r in enumerate(items):
        j = bisect.bisect_left(ends, r.first, 0, k)
        take = (best[j][0] + r.weight, best[j][1] - 1)
        skip = best[k]
        if (round(take[0], 9), take[1]) > (round(skip[0], 9), skip[1]):
            best.append(take)
            pick.append(j)
        else:
            best.append(skip)
            pick.append(-1)
    out: list[_Reading] = []
    k = len(items)
    while k > 0:
        if pick[k - 1] >= 0:
            out.append(items[k - 1])
            k = pick[k - 1]
        else:
            k -= 1
    out.reverse()
    return out


def canonicalize(text: str, mentions: Sequence[Mention]) -> str:
    """``text`` with each mention replaced by its entity's canonical name (surrounding text kept)."""
    parts: list[str] = []
    pos = 0
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < pos or m.form == "demonym":
            continue
        parts.append(text[pos:m.start])
        parts.append(m.entity.name)
        pos = m.end
    parts.append(text[pos:])
    return "".join(parts)
