"""Name structure: which words of a name are titles, particles, patronymics, initials.

:func:`parse_name` turns a raw name into a :class:`ParsedName`: the titles that
were recognised (and set aside), and the remaining :class:`NameToken` words,
each with its romanisation key, consonant skeleton, role and weight (how much
it says about identity). The scorer aligns and weighs these tokens.

>>> [t.text for t in parse_name("Mullah Abdul Ghani Baradar").tokens]
['abdul', 'ghani', 'baradar']
>>> parse_name("Mullah Abdul Ghani Baradar").titles
('mullah',)
>>> [t.text for t in parse_name("Amir Khan Muttaqi").tokens]
['amir', 'khan', 'muttaqi']
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from functools import lru_cache

from attrs import frozen

from .lexicon import ABJAD_SCRIPTS, Lexicon, lexicon
from .normalize import words
from .orthography import MAY_READ as _MAY_READ
from .orthography import plain_key, reading_keys
from .phonetic import skeleton_key, translit_key
from .translit import variants

__all__ = ["ACRONYM_LETTERS", "NameToken", "ParsedName", "Role", "make_token", "parse_name", "raw_words"]

# Weights of words whose role says how much they identify (a rare surname is 1.0).
ROLE_WEIGHTS = {"initial": 0.45, "particle": 0.1, "patronymic": 0.3, "generic": 0.3, "legal": 0.05}
_SURNAME_ENDINGS = ("ov", "ev", "ova", "eva", "in", "ina", "enko", "skiy", "sky", "skaya", "iy")
_ABJAD = ABJAD_SCRIPTS
_NO_READINGS: tuple[tuple[str, ...], str] = ((), "")
# A chunk ending in Chinese characters or kana (with a title or a kind word written after it, perhaps).
_CJK_END = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$")
_CJK_ALL = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_CJK_NAME_MIN = 2     # characters of a Chinese or Japanese name after a title written before it
# A whole name of single letters, each with its dot: an acronym written with dots ("N.A.T.O.", "Ш.О.С.").
_DOTTED = re.compile(r"\s*(?:[^\W\d_]\.){2,}[^\W\d_]?\s*")

ACRONYM_LETTERS = 5   # a name this short in capitals is an acronym, whatever its kind


class Role(str, enum.Enum):
    """What a word does inside a name."""

    NAME = "name"
    INITIAL = "initial"
    PARTICLE = "particle"
    PATRONYMIC = "patronymic"
    GENERIC = "generic"
    LEGAL = "legal"

    def __str__(self) -> str:
        return self.value


@frozen(cache_hash=True)
class NameToken:
    """One word of a parsed name, with the keys the scorer compares."""

    text: str
    key: str
    skeleton: str
    weight: float
    role: Role = Role.NAME
    abjad: bool = False
    readings: tuple[str, ...] = ()   # keys of the word read in another Latin orthography (data/orthographies.tsv)
    plain: str = ""                  # the key of the word without its diacritics, if another (one of ``readings``)


@frozen
class ParsedName:
    """A name split into scored tokens, with its titles set aside."""

    source: str
    tokens: tuple[NameToken, ...]
    titles: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The normalised words, space-separated."""
        return " ".join(t.text for t in self.tokens)


Weights = Callable[[str], float] | Mapping[str, float]


def make_token(text: str, weight: float, role: Role = Role.NAME, abjad: bool = False) -> NameToken:
    """A token with its keys computed."""
    return NameToken(text, translit_key(text), skeleton_key(text), weight, role, abjad)


@lru_cache(maxsize=8)
def _title_heads(titles: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The first word key of every title: a name whose first word is none of them has no title."""
    return frozenset(seq[0] for seq in titles if seq)


@lru_cache(maxsize=4)
def _title_tails(titles: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The last word key of every title written after a name."""
    return frozenset(seq[-1] for seq in titles if seq)


def _strip_titles(tokens: list[tuple[str, str | None]], keys: list[str], lex: Lexicon
                  ) -> tuple[list[tuple[str, str | None]], list[str], list[str]]:
    """The words (and their ``keys``) without the titles before and after the name, and those titles."""
    titles: list[str] = []
    heads = _title_heads(lex.titles)
    seq = tuple(keys)       # (slices of a tuple are the title table's keys)
    i = 0
    # (Arabic writes a title with its article before a name: "الملا", "the mullah", is the title "ملا")
    while i < len(tokens) - 1 and _article_title(tokens[i], lex):
        titles.append(tokens[i][0])
        i += 1
    while i < len(tokens) - 1 and seq[i] in heads:
        for n in range(min(lex.max_title_len, len(tokens) - i - 1), 0, -1):
            if seq[i:i + n] in lex.titles:
                titles.append(" ".join(t for t, _ in tokens[i:i + n]))
                i += n
                break
        else:
            break
    rest = tokens[i:]
    end = len(tokens)
    after: list[str] = []
    trailing = lex.trailing_titles
    tails = _title_tails(trailing)
    while len(rest) > 1 and seq[end - 1] in tails:    # a title after the name: "토카예프 대통령", "Ahmet Bey"
        for n in range(min(lex.max_title_len, len(rest) - 1), 0, -1):
            if seq[end - n:end] in trailing:
                after.insert(0, " ".join(t for t, _ in rest[-n:]))
                rest = rest[:-n]
                end -= n
                break
        else:
            break
    titles += after
    if len(rest) > 1 and rest[-1][0] in lex.name_suffixes:   # "Joseph R. Biden Jr."
        titles.append(rest[-1][0])
        rest = rest[:-1]
        end -= 1
    return rest, keys[i:end], titles


def _article_title(token: tuple[str, str | None], lex: Lexicon) -> bool:
    """Is ``token`` a one-word title of Arabic script written with the article al- ("الملا", "الشيخ")?"""
    text, script = token
    return script == "Arab" and text.startswith("al") and len(text) > 4 and (translit_key(text[2:]),) in lex.titles


@lru_cache(maxsize=1 << 18)
def _chunk_words(chunk: str) -> tuple[tuple[str, str | None], ...]:
    """Normalised words (and their scripts) of one whitespace-free chunk of a name, cached: names
    repeat their words, and a word never spans whitespace, so a name's words are its chunks' words."""
    return tuple((part, w.script) for w in words(chunk) for part in w.text.split())


@lru_cache(maxsize=1 << 16)
def _chunk_readings(chunk: str) -> tuple[tuple[str, tuple[tuple[str, ...], str]], ...]:
    """(normalised word, (keys of its other readings, the key without diacritics)) of a chunk's words that have
    other readings."""
    if chunk.isalpha():     # (one word, most chunks: its normalised word is at hand)
        parts = _chunk_words(chunk)
        sources = [(parts[0][0], chunk)] if len(parts) == 1 else []
    else:
        sources = [(w.text, w.source) for w in words(chunk) if " " not in w.text]
    return tuple((text, (found, plain_key(source))) for text, source in sources if (found := reading_keys(source)))


def _readings(text: str) -> dict[str, tuple[tuple[str, ...], str]]:
    """The other readings of the words of ``text``, by normalised word (most names have none: those without a Latin
    letter with a mark or a signal, Cyrillic and Arabic names and most English ones)."""
    chunks = text.split()
    if len(chunks) == 1:
        return dict(_chunk_readings(chunks[0]))
    out: dict[str, tuple[tuple[str, ...], str]] = {}
    for chunk in chunks:
        if _MAY_READ.search(chunk):
            out.update(_chunk_readings(chunk))
    return out


@lru_cache(maxsize=1)
def _letter_romanisations() -> frozenset[str]:
    """How the schemes write one Cyrillic letter in Latin with several letters ("sh", "kh", "zh", "yu", "tsch"): such
    a word with a dot is that letter's initial ("Sh. Mirziyoyev", as Uzbek and Russian press abbreviate "Shavkat")."""
    out: set[str] = set()
    for code in range(0x0410, 0x0500):
        ch = chr(code)
        if ch.isalpha() and ch.isupper():
            out.update(v.text.lower() for v in variants(ch)
                       if len(v.text) > 1 and v.text.isascii() and v.text.isalpha())
    return frozenset(out)


@lru_cache(maxsize=1 << 14)
def _dotted_initials(text: str) -> frozenset[str]:
    """The normalised words of ``text`` that are initials, written with a dot: one capital letter of any script
    (romanised with several letters too: "Ш." is "sh"; a function word's letter too: "A.", "И."), or a Latin
    spelling of one Cyrillic letter ("Sh.")."""
    if "." not in text:
        return frozenset()      # (an initial has its dot)
    out: set[str] = set()
    for chunk in text.split():
        for w in words(chunk):
            source = w.source
            if (w.text and " " not in w.text and source.isalpha() and chunk[w.end:w.end + 1] == "." and (
                    (len(source) == 1 and source.isupper())
                    or (source[:1].isupper() and source[1:].islower()
                        and source.lower() in _letter_romanisations()))):
                out.add(w.text)
    return frozenset(out)


_EZAFE = re.compile(r"(?<=[^\W\d_])-([^\W\d_])(?=-|\s|$)")


@lru_cache(maxsize=1 << 14)
def _ezafe_parts(text: str) -> frozenset[str]:
    """The normalised one-letter words of ``text`` joined by a hyphen to the word before them: a connector (the
    Persian ezafe of "Mazar-i-Sharif", "Pul-e Khumri", "Lashkar-e-Taiba"), not an initial."""
    if "-" not in text:
        return frozenset()
    return frozenset(w.text for m in _EZAFE.finditer(text) for w in words(m.group(1)))


def raw_words(text: str) -> list[tuple[str, str | None]]:
    """The normalised words of ``text`` (one per ASCII word) with the script each came from."""
    return [p for chunk in text.split() for p in _chunk_words(chunk)]


@lru_cache(maxsize=1 << 16)
def _has_patronymic_suffix(word: str) -> bool:
    return any(word.endswith(s) and len(word) >= len(s) + 3 for s in lexicon().patronymic_suffixes)


def parse_name(
    text: str,
    type: str | None = None,
    *,
    weights: Weights | None = None,
    titles: bool = True,
    cache: dict[tuple[object, ...], NameToken] | None = None,
    dotted: bool = True,
    cjk_titles: bool = True,
    function_words: bool = True,
    readings: bool = True,
) -> ParsedName:
    """Parse ``text`` as a name of entity ``type`` (person / org / place / country / None).

    Titles at the start are set aside for persons and untyped names (a word that is
    also a given name, like "Amir", never is); ``titles=False`` keeps them as words. Function words ("of", "the") are
    dropped from multi-word names. ``weights`` maps a word's romanisation key to
    its informativeness; by default the bundled frequency table is used.

    ``cache``: a dict the caller keeps across calls with the same ``weights`` (an index
    build). A word's token is then made once per role and shared by every name holding it.

    ``dotted``: a name that is single letters with dots ("N.A.T.O.") is read as one word, the
    acronym. The index keeps a gazetteer's dotted names letter by letter (``dotted=False``), as text
    spells them ("U.N." in an article is two letters with dots); a query's acronym meets them by
    their initials.

    ``cjk_titles``: titles and kind words written right after Chinese or Japanese words
    (``data/cjk_suffixes.tsv``: "托卡耶夫总统", "喀布尔市") are set aside with the titles.

    ``function_words=False`` keeps function words as words: an abbreviation romanised from another script
    ("АН СССР" as "AN SSSR") holds none, only letters that look like one.

    ``readings``: give each Latin word its other readings (:mod:`namematch.orthography`), as written in another
    language's alphabet or without its diacritics.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    lex = lexicon()
    found: list[str] = []
    words_of = text
    if cjk_titles and _CJK_END.search(text):
        words_of = _cjk_titles(text, lex.cjk_suffixes, found, lex.cjk_titles if type in (None, "person") else ())
    # (its letters are one word: read one by one, "a" and "o" would be function words, and "A" an initial)
    raw = raw_words(words_of.replace(".", "") if dotted and _DOTTED.fullmatch(words_of) else words_of)
    keys = [translit_key(t) for t, _ in raw]
    if titles and type in (None, "person"):
        raw, keys, before = _strip_titles(raw, keys, lex)
        found[:0] = before
    if len(raw) > 1 and function_words:
        dropped = lex.function_words
        if not dropped.isdisjoint(raw):
            # (a letter with a dot is an initial, not the word: "A. Japarov", "И. Иванов")
            initials_ = _dotted_initials(words_of)
            kept = [(w, k) for w, k in zip(raw, keys) if w not in dropped or w[0] in initials_]
            if kept:
                raw, keys = [w for w, _ in kept], [k for _, k in kept]
    if callable(weights):
        weigh = weights
    elif weights is not None:
        table = weights
        def weigh(key: str) -> float:
            return table.get(key, lex.weight_of(key))
    else:
        weigh = lex.weight_of

    texts = [t for t, _ in raw]
    written = keys
    if type in (None, "org", "place", "country") and len(keys) > 1:
        # An abbreviated generic word reads as the word ("Org." is "Organization"), where it is generic.
        keys = [lex.abbreviations.get(k, k) for k in keys]
    if len(raw) > 1 and ("." in words_of or "-" in words_of):    # (most names have neither)
        roles = _roles(texts, keys, type, lex, initial_words=_dotted_initials(words_of),
                       connectors=_ezafe_parts(words_of))
    else:
        roles = _roles(texts, keys, type, lex)
    if keys is not written:
        keys = [k if r is not Role.NAME else w for k, w, r in zip(keys, written, roles)]
    tokens = []
    other = _readings(words_of) if readings and _MAY_READ.search(words_of) else None
    for (t, script), key, role in zip(raw, keys, roles):
        abjad = script in _ABJAD
        read = other.get(t) if other else None     # (most words have no other reading)
        ck = (t, role, abjad) if read is None else (t, role, abjad, read[0])
        if cache is not None:
            token = cache.get(ck)
            if token is not None:
                tokens.append(token)
                continue
        weight = ROLE_WEIGHTS.get(role.value) if role is not Role.NAME else weigh(key)
        token = NameToken(t, key, skeleton_key(t), float(weight or 0.0), role, abjad, *(read or _NO_READINGS))
        if cache is not None:
            cache[ck] = token
        tokens.append(token)
    return ParsedName(text, tuple(tokens), tuple(found))


def _cjk_titles(text: str, suffixes: tuple[str, ...], found: list[str], before: tuple[str, ...] = ()) -> str:
    """``text`` without the titles and kind words written right after its Chinese or Japanese words
    ("托卡耶夫总统", "喀布尔市"), which go to ``found``; a word that is nothing but a suffix stays. ``before``:
    titles also set aside, with whatever precedes them, where they are written before the name ("总统托卡耶夫",
    "代理外长穆塔基", "哈萨克斯坦总统托卡耶夫": the office, its owner and "acting" are no part of the name)."""
    out = []
    for chunk in text.split():
        word = chunk
        removed = True
        while removed:
            removed = False
            for suffix in suffixes:
                if word.endswith(suffix) and _CJK_END.search(word[:-len(suffix)]):
                    found.append(suffix)
                    word = word[:-len(suffix)]
                    removed = True
                    break
        for title in before:
            end = word.find(title) + len(title)
            if end >= len(title) and len(word) - end >= _CJK_NAME_MIN and _CJK_ALL.fullmatch(word, end):
                found.append(word[:end])
                word = word[end:]
                break
        out.append(word)
    return " ".join(out)


def _roles(texts: list[str], keys: list[str], type: str | None, lex: Lexicon, *,
           initial_words: frozenset[str] = frozenset(), connectors: frozenset[str] = frozenset()) -> list[Role]:
    """The role of each word (``keys``: their romanisation keys; ``initial_words``: words that are initials
    though of several letters; ``connectors``: one-letter words that are no initials)."""
    n = len(texts)
    roles = [Role.NAME] * n
    if n <= 1:
        return roles
    person_like = type in (None, "person")
    initials = type != "org"
    org_words = lex.org_words if type in (None, "org") else None
    place_words = lex.place_words if type in (None, "place", "country") else None
    for i, (t, k) in enumerate(zip(texts, keys)):
        if (len(t) == 1 or t in initial_words) and initials and t.isalpha() and t not in connectors:
            roles[i] = Role.INITIAL
        elif t in connectors or (kind := lex.particle_of(t, k)) == "connector" or (kind == "article" and i < n - 1):
            roles[i] = Role.PARTICLE    # (an article before no word is a word of the name: "Mari El")
        elif org_words is not None and k in org_words:
            roles[i] = Role.LEGAL if org_words[k] == "legal" else Role.GENERIC
        elif place_words is not None and k in place_words:
            roles[i] = Role.GENERIC
    if person_like and Role.NAME in roles:
        # (a second initial stands for a middle name or a father's name, "Жумангарин С. М.", "John F. Kennedy":
        # optional, as a patronymic is)
        for i in range(1, n):
            if roles[i] is Role.INITIAL and roles[i - 1] is Role.INITIAL:
                roles[i] = Role.PATRONYMIC
    if person_like and n >= 3:
        first_is_surname = texts[0].endswith(_SURNAME_ENDINGS)
        patronymic_words = lex.patronymic_words
        for i, t in enumerate(texts):
            if roles[i] is not Role.NAME:
                continue
            if i > 0 and keys[i] in patronymic_words:
                roles[i] = Role.PATRONYMIC
                if roles[i - 1] is Role.NAME:
                    roles[i - 1] = Role.PATRONYMIC
            elif i > 0 and (i < n - 1 or first_is_surname) and _has_patronymic_suffix(t):
                roles[i] = Role.PATRONYMIC
    if Role.NAME not in roles and Role.INITIAL not in roles:
        # Nothing but generic words ("Security Council"): they are the name.
        return [Role.NAME] * n
    return roles
