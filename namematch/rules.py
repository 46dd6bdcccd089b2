"""What the alignment of a query with a name says beyond its score: the resolver's rules.

Each predicate reads the state :func:`namematch.similarity._scored` returns for a query and an indexed
name (the aligned word pairs and what each word scored) and answers one question the resolver asks before
it accepts a match: was some word matched only as a typo, or by a short consonant skeleton; does the query
add a word the name lacks; were two words of a person's name far apart. The resolver combines them with
what the gazetteer knows (an entity's home, its other names, the level of a place).
"""

from __future__ import annotations

from jellyfish import damerau_levenshtein_distance

from gazetteer import Name, NameKind

from .index import Entry
from .normalize import words
from .phonetic import abjad_ending_variants
from .similarity import SKELETON, _Assessment, _State
from .structure import ACRONYM_LETTERS, NameToken, ParsedName, Role

__all__ = ["ACRONYM_LETTERS", "FAR", "HAN", "SHORT_SKELETON", "SYLLABIC", "acronym_typo", "acronymic", "any_kind",
           "both_unmatched", "consonants_apart", "extra_given_name", "far_typo", "loose", "name_unmatched", "name_word",
           "short_skeleton", "unmatched"]

FAR = 3               # letters apart that make two words of a person's name two names
HAN = frozenset({"Hani", "Hans", "Hant"})   # Chinese characters: a name is its characters
#: Syllabaries whose romanisation adds the vowels and merges the consonants its syllables impose ("クロアチア" is
#: "kuroachia", "토카예프" "tokayepeu"), and abugidas whose romanisation guesses the vowels a consonant carries
#: ("पराग्वे", Paraguay, reads as "Prague" does): a name read off one by its consonants or one letter off is the
#: script's.
SYLLABIC = frozenset({"Hira", "Kana", "Jpan", "Hang", "Kore", "Deva", "Beng", "Guru", "Gujr", "Orya", "Taml", "Telu",
                      "Knda", "Mlym", "Sinh", "Thai", "Laoo", "Khmr", "Mymr", "Tibt", "Ethi"})
SHORT_SKELETON = 4    # consonants a place's name needs before one of them may differ in a typo


def _parts(state: _State) -> tuple[bool, _Assessment]:
    """Whether the names were swapped into canonical order, and the assessment (a scored pair has both)."""
    if state is None:
        raise ValueError("a pair of names without words has no alignment")
    return state


def unmatched(query: ParsedName, state: _State) -> list[NameToken]:
    """The query's words that the compared name left unmatched."""
    flip, assessed = _parts(state)
    scores = assessed[5] if flip else assessed[4]
    return [t for t, s in zip(query.tokens, scores) if not s]


def name_unmatched(entry: Entry, state: _State) -> list[NameToken]:
    """The indexed name's words that the query left unmatched."""
    flip, assessed = _parts(state)
    scores = assessed[4] if flip else assessed[5]
    return [t for t, s in zip(entry.parsed.tokens, scores) if not s]


def name_word(token: NameToken) -> bool:
    """A name word (not a title, a kind of place or an initial) of three letters or more."""
    return token.role is Role.NAME and len(token.text) >= 3


def any_kind(state: _State, *kinds: str) -> bool:
    """Was some word matched with evidence of one of these kinds ("typo", "skeleton", "variant")?"""
    _flip, assessed = _parts(state)
    return any(k in kinds for _s, k, _a, _b in assessed[3])


def far_typo(query: ParsedName, entry: Entry, state: _State, *, letters: bool = False) -> bool:
    """Were two words aligned as a typo though three or more letters apart, both as written (normalised) and in
    their romanisation keys? (Either alone misleads: "Schaparow" is "Japarov" in other letters, and key
    folding shortens "Zayabova" more than "Zaynabova".) ``letters``: "as written" counts the letters of the
    names' own script (both Cyrillic: "щ" is one letter, though "shch" in Latin)."""
    flip, assessed = _parts(state)
    x, y = (entry.parsed, query) if flip else (query, entry.parsed)
    # (only name words: a kind of place three letters off is another language's word, "тоолору" / "таулары")
    pairs = [(x.tokens[a[0]], y.tokens[b[0]]) for _s, kind, a, b in assessed[3]
             if kind == "typo" and len(a) == len(b) == 1 and x.tokens[a[0]].role is y.tokens[b[0]].role is Role.NAME]
    if not pairs:
        return False
    own = {**_own_letters(x.source), **_own_letters(y.source)} if letters else {}
    return any(damerau_levenshtein_distance(own.get(p.text, p.text), own.get(q.text, q.text)) >= FAR
               and damerau_levenshtein_distance(p.key, q.key) >= FAR for p, q in pairs)


def _own_letters(text: str) -> dict[str, str]:
    """Each word's normalised form -> the word as written (casefolded), for distances in its own letters."""
    return {w.text: w.source.casefold() for w in words(text)}


def consonants_apart(query: ParsedName, entry: Entry, state: _State, *, lone_query: bool = False) -> bool:
    """Is the name one name word that the query matched only as a typo, their consonant skeletons more than one
    letter apart, or one letter apart with fewer than ``SHORT_SKELETON`` consonants? A place's name one letter off
    is often another place ("Astara" / Astana, "Amir" / Pamir), while its case forms and vowel spellings keep
    its consonants ("Алмате", "Stalinobod"). ``lone_query``: the query is one name word instead (a surname
    alone: "Токарев" is another surname than "Токаев", "Tokajew" the same)."""
    flip, assessed = _parts(state)
    if sum(t.role is Role.NAME for t in (query if lone_query else entry.parsed).tokens) != 1:
        return False
    x, y = (entry.parsed, query) if flip else (query, entry.parsed)
    for _s, kind, a, b in assessed[3]:
        p, q = x.tokens[a[0]], y.tokens[b[0]]
        name = (q if flip else p) if lone_query else (p if flip else q)
        if len(a) == len(b) == 1 and name.role is Role.NAME:
            if kind != "typo" or p.skeleton == q.skeleton or _sounded(p.skeleton, q.skeleton):
                return False
            apart = damerau_levenshtein_distance(p.skeleton, q.skeleton)
            return apart > 1 or min(len(p.skeleton), len(q.skeleton)) < SHORT_SKELETON
    return False


def _sounded(a: str, b: str) -> bool:
    """Are two skeletons one name's with its ending written as it sounds ("Tokayef", data/abjad_endings.tsv)?"""
    return any(alt == b for alt, _ in abjad_ending_variants(a)) or any(alt == a for alt, _ in abjad_ending_variants(b))


def acronymic(name: Name) -> bool:
    """An abbreviation, or a name written as one (a few capitals: "NATO" is the alliance's canonical name)."""
    text = name.text
    return name.kind is NameKind.ABBREVIATION or (len(text) <= ACRONYM_LETTERS and text.isalpha() and text.isupper())


def loose(state: _State, *kinds: str) -> bool:
    """Was some word matched other than as written: as a typo or a skeleton (or as one of ``kinds``)?"""
    return any_kind(state, "typo", "skeleton", *kinds)


def both_unmatched(query: ParsedName, entry: Entry, state: _State) -> bool:
    """Does the name leave a name word unmatched while the query leaves a word of its own (not a particle)?
    Then each names something the other does not."""
    flip, assessed = _parts(state)
    query_scores, name_scores = (assessed[5], assessed[4]) if flip else (assessed[4], assessed[5])
    return (any(not s and name_word(t) for t, s in zip(entry.parsed.tokens, name_scores))
            and any(not s and t.role is not Role.PARTICLE for t, s in zip(query.tokens, query_scores)))


def short_skeleton(state: _State) -> bool:
    """Was some word matched by a consonant skeleton too short to be strong evidence (three or fewer)?"""
    _flip, assessed = _parts(state)
    return any(k == "skeleton" and s < SKELETON for s, k, _a, _b in assessed[3])


def acronym_typo(query: ParsedName, state: _State) -> bool:
    """Is the query one word in capitals (an acronym, two to five letters) that matched only as a typo?"""
    source = query.source.strip()
    if len(query.tokens) != 1 or not 2 <= len(source) <= ACRONYM_LETTERS:
        return False
    return source.isalpha() and source.isupper() and any_kind(state, "typo")


def extra_given_name(query: ParsedName, state: _State) -> bool:
    """Does the query hold a name word that the compared name left unmatched?"""
    return any(map(name_word, unmatched(query, state)))
