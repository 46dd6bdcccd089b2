"""Similarity of names that understands their structure.

:func:`compare` aligns the words of two names (any order; initials; compounds
written joined, spaced or hyphenated), grades each aligned pair by the
strongest evidence it has, and weighs every word by how much it identifies:

=========  ==============================================================  ======
evidence   meaning                                                         score
=========  ==============================================================  ======
exact      same normalised word                                            1.00
variant    same romanisation key (Toqaev / Tokayev / Tokajew)              0.95
skeleton   same consonant skeleton, one side written in Arabic script      0.90
compound   a word equals two or three joined words of the other name       pair's
typo       close romanisation keys (Jaro-Winkler and Levenshtein)          ≤ 0.88
initial    an initial and a word starting with it                          0.75
=========  ==============================================================  ======

The name score is then graded: all words aligned → the weighted mean of the
pair scores; one name's words all inside the other (a partial name such as a
surname alone) → at most 0.85, more for more informative matched words; words on
both sides left unaligned (conflicting names) → sharply lower. ``compare`` is
symmetric, returns a score in [0, 1], and ``compare(a, a).score == 1`` for
every name with a word in it; ``("", "")`` scores 0.0.

>>> compare("Kassym-Jomart Tokayev", "Qasym-Zhomart Toqaev").is_match
True
>>> compare("Amir Khan Haqqani", "Amir Khan Muttaqi").is_match
False
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, takewhile

import jellyfish
from attrs import field, frozen

from .lexicon import lexicon
from .phonetic import key_skeleton, transcribed_ending, translit_key, uncached_translit_key
from .structure import NameToken, ParsedName, Role, Weights, parse_name
from .tables import read_rows
from .translit import detect_script

__all__ = ["DEFAULT_THRESHOLD", "Comparison", "Evidence", "compare", "compare_parsed", "token_similarity"]

#: Default decision threshold of :attr:`Comparison.is_match` (see ``bench/`` and the evaluation helper).
DEFAULT_THRESHOLD = 0.70

EXACT, VARIANT, SKELETON, TYPO_MAX, INITIAL, COMPOUND = 1.0, 0.95, 0.90, 0.88, 0.75, 0.97
# Words that a name may omit without becoming a different or partial name.
_OPTIONAL = frozenset({Role.PATRONYMIC, Role.PARTICLE, Role.GENERIC, Role.LEGAL})
# What each omitted optional word costs. A generic word present on one side only often names a
# different place ("Akmola" the city, "Akmola Region" the province), so it costs more.
_OMIT_COST = {Role.PATRONYMIC: 0.98, Role.PARTICLE: 0.98, Role.LEGAL: 0.98, Role.GENERIC: 0.8}
# Optional words that conflict when each name has one left without a partner (two fathers' names).
_CLASH_IF_BOTH_OMIT = frozenset({Role.PATRONYMIC})
_OMIT_INITIAL = 0.95   # an optional word written as an initial, left out
_FATHERS_CLASH = 0.85  # the further cost of names that give two different fathers
_SKELETON_BY_LEN = {1: 0.6, 2: 0.68, 3: 0.8}
_APART = 0.97         # skeletons apart as _one_apart allows, against one skeleton
_VOWELS = frozenset("aeiouy")
_VOWEL_TYPO_MIN = 4   # letters a word needs before its vowels may differ at half an edit's cost
FAR_TYPO = 3          # letters apart that make two name words two names, for compare()
_FAR_WEIGHT = 0.5     # ... of words at least this informative
ADJECTIVE = 0.9       # a place's adjective against its name ("Жамбылская" / "Жамбыл")
SURNAME_ENDING = 0.85  # one surname stem with swapped endings ("Rahmonov" / "Rahmonzoda")
_SURNAME_STEM = 4
_ADJECTIVE_STEM = 3   # letters an adjective's stem keeps
_LINKS = ("in", "ov", "ev")   # letters between a place's name and its adjective's ending ("Akmol-in-skaya")
_SHORT_SKELETON = 4   # consonants a one-word name needs before one of them may differ in a typo
# consonants romanisations interchange (voicing, k / q / g; f for v, which a skeleton drops as it drops w)
_SOUNDS = str.maketrans({"g": "k", "q": "k", "x": "k", "d": "t", "z": "s", "f": None, "w": None})
_ELEMENT, _ELEMENT_EDITS = 3, 3   # a shared name element's letters, and the edits that make the rest another name
_INNER_WORD = 6                   # letters of a word read inside a longer one as a compound's element
_GK = frozenset("gk")
# (Arabic writes b for p, j for g, f for v, j for ch; and where Persian says z and s, it says d and th: ض ذ ث)
_STANDS_FOR = frozenset({frozenset("pb"), frozenset("gj"), frozenset("vf"), frozenset("cj"), frozenset("zd"),
                         frozenset("ts")})
_SUN = frozenset("tdrzsnSJ")   # skeleton letters the Arabic article assimilates to (S: sh, J: zh)
_MIN_PAIR = 0.62      # a pair scoring less is not aligned at all
_MAX_JOIN = 3         # compounds: up to three words joined
_FULL_PREFIX = 3      # words of a name matched at the start of a longer one that make it a full name
_COMPOUND_KEY_FLOOR = 0.6    # a compound matched by skeleton needs keys this close as typos too


@frozen
class Evidence:
    """How one word (or joined words) of each name was aligned, and what it scored.

    ``left``/``right`` are normalised words ("" when the word had no partner);
    ``kind`` is exact / variant / skeleton / typo / initial / compound / acronym /
    missing; ``weight`` is the word's informativeness.
    """

    left: str
    right: str
    kind: str
    score: float
    weight: float

    def __str__(self) -> str:
        return f"{self.left or '-'} ~ {self.right or '-'}: {self.kind} {self.score:.2f} (w {self.weight:.2f})"


@frozen
class Comparison:
    """The result of :func:`compare`: a score in [0, 1], the decision, and the evidence."""

    left: str
    right: str
    score: float
    is_match: bool
    threshold: float
    grade: str
    evidence: tuple[Evidence, ...] = field(factory=tuple)

    def explain(self) -> str:
        """A readable, one-line-per-word account of the score."""
        lines = [f"{self.left!r} vs {self.right!r}: {self.score:.3f} ({self.grade}; "
                 f"{'match' if self.is_match else 'no match'} at {self.threshold:.2f})"]
        lines += [f"  {e}" for e in self.evidence]
        return "\n".join(lines)


def aligned_typo_score(a: str, b: str) -> float:
    """Typo score of two romanisation keys (see :func:`_typo`, at most ``TYPO_MAX``) if it is enough
    for the scorer to align the two words, else 0."""
    s = _typo(a, b)
    return s if s >= _MIN_PAIR else 0.0


def _typo(a: str, b: str) -> float:
    """Typo score of two keys: 0.88 less 0.6 per edit per letter (one edit in seven letters: 0.79)."""
    if not a or not b:
        return 0.0
    edits = jellyfish.damerau_levenshtein_distance(a, b)
    longest = max(len(a), len(b))
    # Short words: one edit turns a name into another one (Ghani / Ghana), so it costs more.
    return max(0.0, TYPO_MAX - 0.6 * edits / longest - 0.03 * max(0, 6 - longest))


def token_similarity(a: NameToken, b: NameToken) -> tuple[float, str]:
    """Score and evidence kind of two tokens (symmetric, in [0, 1])."""
    return _token_similarity(a, b)


@lru_cache(maxsize=1 << 17)
def _token_similarity(a: NameToken, b: NameToken) -> tuple[float, str]:
    # Cached: a resolver compares the same words again and again (one query against its candidates).
    if a.text == b.text:
        return EXACT, "exact"
    if a.key and a.key == b.key:
        return VARIANT, "variant"
    if (a.readings or b.readings) and (b.key in a.readings or a.key in b.readings
                                       or not set(a.readings).isdisjoint(b.readings)):
        return VARIANT, "variant"   # one word written in another language's alphabet: "Bujará" / "Bukhara"
    if len(a.text) == 1 or len(b.text) == 1 or a.role is Role.INITIAL or b.role is Role.INITIAL:
        short, long_ = (a, b) if (a.role is Role.INITIAL or len(a.text) == 1) and not (
            b.role is Role.INITIAL and len(b.text) < len(a.text)) else (b, a)
        if len(long_.text) > len(short.text) and long_.role is not Role.INITIAL and (
                long_.text.startswith(short.text) or (short.key and long_.key.startswith(short.key))
                or (len(short.text) == 1 and short.key and long_.key[:1] == short.key[:1])):
            return INITIAL, "initial"
        return 0.0, "none"
    if a.abjad or b.abjad:
        written, latin = (a, b) if a.abjad else (b, a)
        if a.skeleton and a.skeleton == b.skeleton:
            # Fewer consonants, more names share them: "gn" is Ghani and Ghana alike. One consonant with the
            # letters written and the Latin adding only vowels is as good as two: علی / Ali (ع unwritten).
            if len(a.skeleton) == 1 and not latin.abjad and _vowels_added(written.key, latin.key):
                return skeleton_score(2), "skeleton"
            return skeleton_score(len(a.skeleton)), "skeleton"
        if not latin.abjad and transcribed_ending(written.skeleton, latin.key, latin.skeleton):
            # The same skeleton but for an ending written as it sounds ("جاپاروف" / "Japarov").
            return skeleton_score(len(latin.skeleton)), "skeleton"
        if a.abjad != b.abjad and _one_apart(a.skeleton, b.skeleton):
            # An h on one side only: ه read as a consonant or as a final vowel, "th" / "dh" of two letters
            # (تهران "thran" / Tehran, کندهار / Kandahar), ح the Latin writes or drops (صالح / Saleh); or ق
            # written "gh" as Persian says it (عراقچی / Araghchi, قم / Ghom); or an article before a sun letter.
            return _APART * skeleton_score(min(len(a.skeleton), len(b.skeleton))), "skeleton"
        # Skeletons are short and vowel-blind: only long ones one edit apart count, and less.
        too_short = min(len(a.skeleton), len(b.skeleton)) < 5
        sim = 0.0 if too_short else _typo(a.skeleton, b.skeleton) - 0.08
        if a.abjad and b.abjad:
            sim = max(sim, _typo(a.key, b.key))
        return sim, "typo"
    endings = _adjective_endings()
    if a.key.endswith(endings) or b.key.endswith(endings):
        adjective = max(_adjective_score(a.key, b.key), _adjective_score(b.key, a.key))
        if adjective:
            return adjective, "adjective"
    endings = _surname_endings()
    if (a.key.endswith(endings) or b.key.endswith(endings)) and _one_surname(a.key, b.key):
        return SURNAME_ENDING, "variant"
    if _other_element(a.key, b.key) or _element_before(a.key, b.key):
        return 0.0, "none"
    if a.readings or b.readings:
        return max(max(_typo(x, y), _vowels_typo(x, y))
                   for x in (a.key, *a.readings) for y in (b.key, *b.readings)), "typo"
    return max(_typo(a.key, b.key), _vowels_typo(a.key, b.key)), "typo"


def _one_apart(a: str, b: str) -> bool:
    """Are two skeletons (of two consonants or more) one "h" apart, or apart only in letters the Arabic script
    writes for sounds it lacks or says otherwise (one "g" / "k": ق said "gh"; any "p" / "b", "g" / "j",
    "v" / "f", "ch" / "j", "z" / "d", "s" / "t": باكبور / Pakpour, تنجسيري / Tangsiri, رضا / Reza)?"""
    if min(len(a), len(b)) < 2:
        return False
    if len(a) == len(b):
        diff = [frozenset((x, y)) for x, y in zip(a, b) if x != y]
        return bool(diff) and (diff == [_GK] or all(d in _STANDS_FOR for d in diff))
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    # (an "l" before a sun letter is the article, which the Latin writes assimilated: الدین / "uddin")
    return any((long_[i] == "h" or (long_[i] == "l" and long_[i + 1:i + 2] in _SUN))
               and long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _vowels_added(written: str, latin: str) -> bool:
    """Is ``latin`` the letters ``written`` in order, with vowels between them and nothing else?"""
    letters_ = iter(written)
    want = next(letters_, None)
    for ch in latin:
        if ch == want:
            want = next(letters_, None)
        elif ch not in _VOWELS:
            return False
    return want is None


def _qualifiers_paired(chosen: list[_Pair], ta: Sequence[NameToken], tb: Sequence[NameToken]) -> list[_Pair]:
    """``chosen`` with each qualifier word left on both sides paired with one of the same meaning in the other name
    ("Батыс" / "West", "Vostochno" / "East"), and none paired with a qualifier of another meaning ("Солтүстік" /
    "Оңтүстік"). (compare() alone: the resolver weighs a qualifier against the entity's own names.)"""
    meanings = lexicon().qualifiers
    out = [p for p in chosen
           if not (len(p[2]) == len(p[3]) == 1 and ta[p[2][0]].key in meanings and tb[p[3][0]].key in meanings
                   and meanings[ta[p[2][0]].key] != meanings[tb[p[3][0]].key])]
    used_a = {i for p in out for i in p[2]}
    used_b = {j for p in out for j in p[3]}
    for i, t in enumerate(ta):
        if i in used_a or t.key not in meanings:
            continue
        j = next((j for j, u in enumerate(tb) if j not in used_b and meanings.get(u.key) == meanings[t.key]), None)
        if j is not None:
            out.append((VARIANT, "variant", (i,), (j,)))
            used_a.add(i)
            used_b.add(j)
    return out


@lru_cache(maxsize=1)
def _adjective_endings() -> tuple[str, ...]:
    """Keys' endings that make a place's name an adjective (``data/place_adjectives.tsv``), longest first."""
    return tuple(sorted({cols[0] for _, cols in read_rows("place_adjectives.tsv", 2)}, key=lambda e: (-len(e), e)))


def _adjective_score(adjective: str, name: str) -> float:
    """Score of the key ``adjective`` as the adjective of the place named ``name`` ("jambilska" / "jambil",
    "akmolinska" / "akmola"), or 0."""
    if len(name) < _ADJECTIVE_STEM:
        return 0.0
    for ending in _adjective_endings():
        if not adjective.endswith(ending) or len(adjective) - len(ending) < _ADJECTIVE_STEM:
            continue
        stem = adjective[:-len(ending)]
        stems = {stem, stem[:-2]} if stem.endswith(_LINKS) and len(stem) - 2 >= _ADJECTIVE_STEM else {stem}
        names = {name, name[:-1]} if name[-1] in _VOWELS else {name}
        apart = min(jellyfish.damerau_levenshtein_distance(x, y) for x in stems for y in names)
        if apart == 0:
            return ADJECTIVE
        near = (apart == 1 and len(stem) > _ADJECTIVE_STEM) or any(_vowels_typo(x, y) for x in stems for y in names)
        return ADJECTIVE - 0.1 if near else 0.0     # (one letter, or vowels: "Ферганская" / "Fargʻona")
    return 0.0


@lru_cache(maxsize=1)
def _surname_endings() -> tuple[str, ...]:
    """Surname endings one person's surname swaps (``data/surname_endings.tsv``), as keys, longest first."""
    return tuple(sorted({translit_key(cols[0]) for _, cols in read_rows("surname_endings.tsv", 2)},
                        key=lambda e: (-len(e), e)))


def _one_surname(a: str, b: str) -> bool:
    """Are two keys one stem of four letters or more with two of the swapped surname endings, or one and none
    ("rahmonov" / "rahmon", "saidov" / "saidzoda"), the stems equal or, between two endings, differing only in
    vowels?"""
    def stem(key: str) -> tuple[str, str]:
        ending = next((e for e in _surname_endings() if key.endswith(e) and len(key) - len(e) >= _SURNAME_STEM), "")
        return key[:len(key) - len(ending)], ending
    (x, ex), (y, ey) = stem(a), stem(b)
    # (a stem's vowels may differ only between two endings: "Caparov" is no "Kipar", Cyprus)
    return ex != ey and len(x) >= _SURNAME_STEM and (x == y or (bool(ex and ey) and _vowels_typo(x, y) > 0))


def _other_element(a: str, b: str) -> bool:
    """Do two keys end in the same name element of three letters or more (as keyed: "ullah" is "ula"), with
    different words of two letters or more before it, three edits apart or more? Then they are two compound
    names with one element in common ("Obaidullah" / "Hamidullah", "Nursultan" / "Aisultan", "Badruddin" /
    "Nasiruddin"), not one name misspelt. (A word with more letters after a shared start is inflected or derived:
    "кыргыздары" is "kyrgyz".)"""
    n = min(len(a), len(b))
    if n < _ELEMENT + 2:
        return False
    suffix = next((i for i in range(n) if a[-1 - i] != b[-1 - i]), n)
    if suffix < _ELEMENT or min(len(a), len(b)) - suffix < 2:
        return False
    return jellyfish.damerau_levenshtein_distance(a[:-suffix], b[:-suffix]) >= _ELEMENT_EDITS


def _element_before(a: str, b: str) -> bool:
    """Is the shorter key (of six letters or more) inside the longer one after three letters or more, with more
    letters after it? Then the longer is a compound with another element before it ("Landwirtschaftsministerium"
    / "Wirtschaftsminister"), not the word misspelt. (A word only after another, with nothing after it, may be a
    name after a generic word in a script written without spaces: Thai "องค์การสหประชาชาติ".)"""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    at = long_.find(short, _ELEMENT) if len(short) >= _INNER_WORD else -1
    return at >= 0 and at + len(short) < len(long_)


def _vowels_typo(a: str, b: str) -> float:
    """Typo score of two keys of one length that differ only in vowels, each counted as half an edit: the vowels
    are what romanisations of one name disagree on most ("Fargʻona" / "Fergana", "Buxoro" / "Bukhara", "Qudus" /
    "Qados"); 0 for other keys."""
    if len(a) != len(b) or len(a) < _VOWEL_TYPO_MIN or a[0] != b[0]:
        return 0.0      # (a first vowel changed is another word more often: "Aman" / "Oman")
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if not diff or not all(x in _VOWELS and y in _VOWELS for x, y in diff):
        return 0.0
    return max(0.0, TYPO_MAX - 0.3 * len(diff) / len(a) - 0.03 * max(0, 6 - len(a)))


def skeleton_score(consonants: int) -> float:
    """Score of two words with the same consonant skeleton of this many letters (fewer, weaker)."""
    return _SKELETON_BY_LEN.get(consonants, SKELETON)


def _joined(tokens: Sequence[NameToken]) -> NameToken:
    return _joined_span(tuple(tokens))


@lru_cache(maxsize=1 << 16)
def _joined_span(tokens: tuple[NameToken, ...]) -> NameToken:
    """Adjacent words as one word (cached: a resolver joins the query's words for every candidate)."""
    text = "".join(t.text for t in tokens)
    # make_token, but keyed without the per-word caches: most joined words are seen once (each
    # candidate brings its own), and would only push real words out of those caches.
    key = uncached_translit_key(text)
    return NameToken(text, key, key_skeleton(key), max(t.weight for t in tokens), Role.NAME,
                     any(t.abjad for t in tokens))


_Pair = tuple[float, str, tuple[int, ...], tuple[int, ...]]


def _candidates(a: Sequence[NameToken], b: Sequence[NameToken]) -> list[_Pair]:
    pairs: list[_Pair] = []
    for i, ta in enumerate(a):
        for j, tb in enumerate(b):
            s, kind = _token_similarity(ta, tb)
            if s >= _MIN_PAIR:
                pairs.append((s, kind, (i,), (j,)))
    # Compounds: a word against 2-3 consecutive joined words of the other name.
    for left, right, flip in ((a, b, False), (b, a, True)):
        for n in range(2, min(_MAX_JOIN, len(left)) + 1):
            for i in range(len(left) - n + 1):
                span = tuple(range(i, i + n))
                joined = _joined(left[i:i + n])
                lj = len(joined.key)
                for j, tb in enumerate(right):
                    if len(tb.text) < 4:
                        continue
                    # Shortcut: a compound needs 0.8, which keys differing in length by more than
                    # a seventh cannot reach (edits >= length difference), save by equal skeletons.
                    lt = len(tb.key)
                    if abs(lj - lt) * 7 > max(lj, lt) and not (
                            (joined.abjad or tb.abjad) and joined.skeleton == tb.skeleton):
                        continue
                    s, kind = _token_similarity(joined, tb)
                    if kind == "skeleton" and (_typo(joined.key, tb.key) < _COMPOUND_KEY_FLOOR or (
                            (words := "".join(t.skeleton for t in left[i:i + n])) != tb.skeleton
                            and not (joined.abjad != tb.abjad and _one_apart(words, tb.skeleton)))):
                        # joined words far apart but for their consonants ("Aiicia Hahn" / چین), or met only
                        # because a consonant doubled across the join ("With Taliban" / طالبان)
                        continue
                    if s >= max(_MIN_PAIR, 0.8):
                        if kind in ("exact", "variant"):
                            kind, s = "compound", s * COMPOUND
                        pairs.append((s, kind, (j,), span) if flip else (s, kind, span, (j,)))
    return pairs


def _align(a: Sequence[NameToken], b: Sequence[NameToken]) -> list[_Pair]:
    pairs = _candidates(a, b)
    # Best pair first; prefer pairs covering more words, then earlier positions (deterministic).
    pairs.sort(key=lambda p: (-p[0], -(len(p[2]) + len(p[3])), p[2], p[3]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen = []
    for p in pairs:
        if used_a.isdisjoint(p[2]) and used_b.isdisjoint(p[3]):
            chosen.append(p)
            used_a.update(p[2])
            used_b.update(p[3])
    return chosen


def _acronym(short: ParsedName, long_: ParsedName) -> float:
    """Score of ``short`` as the acronym of ``long_`` (UN / United Nations), else 0."""
    if len(short.tokens) != 1 or len(long_.tokens) < 2:
        return 0.0
    letters = short.tokens[0].text
    if not 2 <= len(letters) <= 8 or not letters.isalpha():
        return 0.0
    initials = "".join(t.text[0] for t in long_.tokens if t.role is not Role.PARTICLE)
    if initials == letters:
        return 0.85
    if len(letters) >= 3 and initials.startswith(letters):
        return 0.75
    return 0.0


def compare_parsed(
    a: ParsedName, b: ParsedName, *, threshold: float = DEFAULT_THRESHOLD
) -> Comparison:
    """:func:`compare` on names already parsed (the resolver's hot path)."""
    return _explained(a, b, threshold, _scored(a, b)[2])


# What _explained needs to build a Comparison: whether the names were swapped into canonical
# order, and _assess's result for that order (None: a name without words).
_Assessment = tuple[float, str, float, list[_Pair], list[float], list[float]]
_State = tuple[bool, _Assessment] | None


def _scored(a: ParsedName, b: ParsedName, strict: bool = False, qualifiers: bool = False
            ) -> tuple[float, str, _State]:
    """``compare_parsed(a, b)``'s score and grade, without the evidence (most candidates a resolver
    scores fall below the threshold and need none), and the state :func:`_explained` builds it from."""
    flip = (a.text, a.source) > (b.text, b.source)   # canonical order: the score is symmetric
    x, y = (b, a) if flip else (a, b)
    if not x.tokens or not y.tokens:
        return 0.0, "empty", None
    assessed = _assess(x, y, strict, qualifiers)
    return assessed[0], assessed[1], (flip, assessed)


def _explained(a: ParsedName, b: ParsedName, threshold: float, state: _State) -> Comparison:
    """``compare_parsed(a, b, threshold=threshold)`` from ``_scored(a, b)``'s state."""
    if state is None:
        return Comparison(a.source, b.source, 0.0, False, threshold, "empty")
    flip, (score, grade, raw, chosen, score_a, score_b) = state
    x, y = (b, a) if flip else (a, b)
    ta, tb = x.tokens, y.tokens
    if grade == "acronym":
        evidence = [Evidence(x.text, y.text, "acronym", raw, 1.0)]
    else:
        evidence = []
        for s, kind, ia, ib in chosen:
            w = (max(ta[i].weight for i in ia) + max(tb[j].weight for j in ib)) / 2
            evidence.append(Evidence(" ".join(ta[i].text for i in ia), " ".join(tb[j].text for j in ib), kind, s, w))
        evidence += [Evidence(t.text, "", "missing", 0.0, t.weight) for t, s in zip(ta, score_a) if not s]
        evidence += [Evidence("", t.text, "missing", 0.0, t.weight) for t, s in zip(tb, score_b) if not s]
    if flip:
        evidence = [Evidence(e.right, e.left, e.kind, e.score, e.weight) for e in evidence]
    return Comparison(a.source, b.source, score, score >= threshold, threshold, grade, tuple(evidence))


def _assess(a: ParsedName, b: ParsedName, strict: bool = False, qualifiers: bool = False) -> _Assessment:
    """(score, grade, unrounded score, the aligned pairs, each word's pair score in ``a`` and in
    ``b``) of two names with words, in the order given. ``strict``: two name words three letters apart or more,
    as written and in their keys, are two names, not one misspelt (the resolver decides that with the entity's
    type and other names in hand; :func:`compare` has only the two names). ``qualifiers``: pair the names'
    qualifiers by meaning (:func:`_qualifiers_paired`)."""
    ta, tb = a.tokens, b.tokens
    chosen = _align(ta, tb)
    if strict:
        lone = sum(t.role is Role.NAME for t in ta) == 1 == sum(t.role is Role.NAME for t in tb)
        chosen = [p for p in chosen if not (_far_typo(p, ta, tb) or (lone and _consonant_typo(p, ta, tb)))]
    if qualifiers:
        chosen = _qualifiers_paired(chosen, ta, tb)
    score_a = [0.0] * len(ta)
    score_b = [0.0] * len(tb)
    for s, _kind, ia, ib in chosen:
        for i in ia:
            score_a[i] = s
        for j in ib:
            score_b[j] = s

    wa = [t.weight for t in ta]
    wb = [t.weight for t in tb]
    total_a, total_b = sum(wa) or 1.0, sum(wb) or 1.0
    matched_w = sum(w for w, s in zip(wa, score_a) if s) + sum(w for w, s in zip(wb, score_b) if s)
    quality = (
        (sum(w * s for w, s in zip(wa, score_a)) + sum(w * s for w, s in zip(wb, score_b))) / matched_w
        if matched_w else 0.0
    )
    miss_a = sum(w for t, w, s in zip(ta, wa, score_a) if not s and t.role not in _OPTIONAL) / total_a
    miss_b = sum(w for t, w, s in zip(tb, wb, score_b) if not s and t.role not in _OPTIONAL) / total_b
    omitted_a = [t.role for t, s in zip(ta, score_a) if not s and t.role in _OPTIONAL]
    omitted_b = [t.role for t, s in zip(tb, score_b) if not s and t.role in _OPTIONAL]
    omit_factor = 1.0
    for t, sc in chain(zip(ta, score_a), zip(tb, score_b)):
        if not sc and t.role in _OPTIONAL:
            # (a father's initial left out costs more than one matched: "Жапаров С.Н." is rather the name that
            # holds Нургожоевич)
            omit_factor *= _OMIT_INITIAL if len(t.text) == 1 else _OMIT_COST[t.role]
    if Role.GENERIC in omitted_a and Role.GENERIC in omitted_b and _kinds_of_place(ta, score_a, tb, score_b):
        omit_factor = max(omit_factor, 0.95)   # "Osh Region" / "Osh Province": one generic word for another
    # A patronymic on each side without a partner names two different fathers: a conflict, not an omission.
    clashing = _CLASH_IF_BOTH_OMIT.intersection(omitted_a).intersection(omitted_b)
    if not chosen:
        score, grade = 0.0, "no common word"
    elif miss_a <= 1e-9 and miss_b <= 1e-9 and not clashing:
        score, grade = quality * omit_factor, "full"
    elif (miss_a <= 1e-9 or miss_b <= 1e-9) and not clashing:
        # One name lies inside the other: a partial name. Its strength is how much the
        # aligned words identify on their own, not how much of the longer name is missing.
        sub_scores, sub_tokens, other_scores = (score_a, ta, score_b) if miss_a <= 1e-9 else (score_b, tb, score_a)
        sub_w = sum(t.weight * s for t, s in zip(sub_tokens, sub_scores))
        strength = min(1.0, sub_w)
        score = quality * (0.52 + 0.33 * strength) * (1.0 - 0.15 * max(miss_a, miss_b))
        if not other_scores[-1] and not _named_then_more(other_scores):
            # The longer name's last word is not matched: a given name alone, or middle words.
            score *= 0.9 if other_scores[0] else 0.85
        grade = "partial"
    else:
        # Words on both sides without a partner. Weigh them by squared informativeness: a clash
        # of common elements (Khan / Jan) is weak evidence against, a clash of surnames is strong.
        def clash(tokens: Sequence[NameToken], scores: list[float]) -> float:
            total = sum(t.weight ** 2 for t in tokens) or 1.0
            return sum(t.weight ** 2 for t, s in zip(tokens, scores)
                       if not s and (t.role not in _OPTIONAL or t.role in clashing)) / total

        score = quality * omit_factor * (1.0 - clash(ta, score_a)) * (1.0 - clash(tb, score_b)) * 0.95
        if clashing:    # (two fathers' names: "Ivan Petrovich" is no "Ivan Sergeyevich", "С. К." no "С. Н.")
            score *= _FATHERS_CLASH
        grade = "conflict"
    if chosen and _lone_initial(ta, score_a) and _lone_initial(tb, score_b):
        # An initial on each side without a partner: two given names ("S. Japarov" is not "A. Japarov").
        score, grade = score * _FATHERS_CLASH, "conflict"
    acro = max(_acronym(a, b), _acronym(b, a))
    if acro > score:
        score, grade = acro, "acronym"
    return min(1.0, max(0.0, round(score, 6))), grade, score, chosen, score_a, score_b


def _lone_initial(tokens: Sequence[NameToken], scores: list[float]) -> bool:
    return any(t.role is Role.INITIAL and not s for t, s in zip(tokens, scores))


def _far_typo(pair: _Pair, ta: Sequence[NameToken], tb: Sequence[NameToken]) -> bool:
    """Is ``pair`` two name words aligned as a typo though ``FAR_TYPO`` letters apart or more, as written and in
    their keys ("Ashraf" / "Hashmat")?"""
    _s, kind, ia, ib = pair
    if kind != "typo" or len(ia) != 1 or len(ib) != 1:
        return False
    x, y = ta[ia[0]], tb[ib[0]]
    if x.role is not Role.NAME or y.role is not Role.NAME or min(x.weight, y.weight) < _FAR_WEIGHT:
        return False    # (a common element misspelt says little either way: "Mahomed" / "Muhammad")
    if x.key.startswith(y.key) or y.key.startswith(x.key):
        return False    # (a name with a suffix: "Shavkatjon" / "Shavkat", "Khaltmaagiin" / "Khaltma")
    return (jellyfish.damerau_levenshtein_distance(x.text, y.text) >= FAR_TYPO
            and min(jellyfish.damerau_levenshtein_distance(p, q)
                    for p in (x.key, *x.readings) for q in (y.key, *y.readings)) >= FAR_TYPO)


def _consonant_typo(pair: _Pair, ta: Sequence[NameToken], tb: Sequence[NameToken]) -> bool:
    """Is ``pair`` two words matched as a typo whose consonant skeletons are two letters apart, or one apart with
    fewer than ``_SHORT_SKELETON`` consonants? Of two one-word names, that is two names: "Astana" / "Astara",
    "Omsk" / "Tomsk" (the resolver's rule for places and lone surnames)."""
    _s, kind, ia, ib = pair
    if kind != "typo" or len(ia) != 1 or len(ib) != 1:
        return False
    a, b = ta[ia[0]], tb[ib[0]]
    # (a word read in another language's alphabet by its consonants as read there: "Üzbegisztán" / "Uzbekistan")
    return all(_consonants_apart(x, y) for x in (a.skeleton, *map(key_skeleton, a.readings))
               for y in (b.skeleton, *map(key_skeleton, b.readings)))


def _consonants_apart(x: str, y: str) -> bool:
    if x == y or x.replace("ch", "h").translate(_SOUNDS) == y.replace("ch", "h").translate(_SOUNDS):
        return False    # (consonants one romanisation writes differently: "Bukhara" / "Buchara", "Khiva" / "Chiwa")
    return jellyfish.damerau_levenshtein_distance(x, y) > 1 or min(len(x), len(y)) < _SHORT_SKELETON


def _named_then_more(scores: list[float]) -> bool:
    """Are the first words of the longer name (three or more) all matched and the rest not: a full name with
    more words after it, as sanctions lists write a father's name or a tribe after a name ("Abdul Ghani Baradar
    Abdul Ahmad Turk")? Then its last word unmatched is no sign of a given name alone."""
    matched = sum(1 for _ in takewhile(bool, scores))
    return matched >= _FULL_PREFIX and not any(scores[matched:])


def _kinds_of_place(ta: Sequence[NameToken], score_a: list[float], tb: Sequence[NameToken],
                    score_b: list[float]) -> bool:
    """Are the unmatched generic words of both names kinds of place of one level ("Region" / "Province")?
    Institutions' words are not interchangeable ("Supreme Court" / "Security Council"), nor are kinds of place
    of different levels ("Osh Region" / "Osh city")."""
    levels = lexicon().place_levels
    found = {levels.get(t.key) for tokens, scores in ((ta, score_a), (tb, score_b))
             for t, s in zip(tokens, scores) if not s and t.role is Role.GENERIC}
    return len(found) == 1 and None not in found


def compare(
    a: str,
    b: str,
    *,
    type: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    weights: Weights | None = None,
) -> Comparison:
    """Compare two names; needs no gazetteer.

    ``type`` (person / org / place / country) switches the structure rules: titles
    are set aside for persons (and untyped names), legal-form words weigh little
    for organisations. ``weights`` overrides word informativeness (romanisation
    key → weight in (0, 1]).
    """
    for arg in (a, b):
        if not isinstance(arg, str):
            raise TypeError(f"names must be str, got {type(arg).__name__}")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be in [0, 1], got {threshold!r}")
    x, y = parse_name(a, type, weights=weights), parse_name(b, type, weights=weights)
    # (strict within one script: across scripts, an exonym and a transliteration differ more, "Alexander" /
    # "Александр")
    state = _scored(x, y, strict=detect_script(a) == detect_script(b), qualifiers=True)[2]
    return _explained(x, y, threshold, state)
