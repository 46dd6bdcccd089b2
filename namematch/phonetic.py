"""Phonetic keys that understand romanisation.

Two keys, both computed on lowercase ASCII letters (transliterate first):

* :func:`translit_key` folds the spellings one native name gets from different
  romanisation habits into one string: k/q/c, kh/h/x, zh/j/dzh/dj, sh/sch,
  ch/tch/tsch, ts/tz, y/i/j, ye/e/je, w/v, ph/f, gh/g, doubled letters,
  -ev/-yev/-jew/-ieff, -ov/-off/-ow. The rules are data
  (``data/romanization_keys.tsv``), applied in order.
* :func:`skeleton_key` drops the vowels from that key, which is how a name
  written in Arabic script (no short vowels) can meet its Latin spellings.

jellyfish's general-purpose keys are exposed through :func:`phonetic_key` for
comparison (``bench/bench_keys.py`` measures which retrieves best).

>>> translit_key("Tokayev") == translit_key("Toqaev") == translit_key("tokajew")
True
>>> skeleton_key("muttaqi") == skeleton_key("mtqy")
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import jellyfish

from .tables import read_rows, read_rules

__all__ = [
    "PHONETIC_METHODS",
    "abjad_ending_variants",
    "deletions",
    "key_skeleton",
    "latin_ending_variants",
    "phonetic_key",
    "skeleton_key",
    "transcribed_ending",
    "translit_key",
    "uncached_translit_key",
    "word_keys",
]

_META = frozenset(".^$*+?{}[]\\|()")


def _trigger(pattern: str) -> str:
    """A letter every match of ``pattern`` contains ("" when unknown): a rule is skipped when
    the text lacks it. Only a leading literal letter (after ``^``) or one right after a group counts."""
    core = pattern[1:] if pattern.startswith("^") else pattern
    if core[:1].isalpha():
        return core[0]
    if core.startswith("(") and ")" in core:
        rest = core[core.index(")") + 1:]
        if rest[:1].isalpha():
            return rest[0]
    return ""


_GROUP_REF = re.compile(r"\\([1-9])")
_CHAR_CLASS = re.compile(r"\[([a-z]+)\]")


def _replacement(repl: str) -> str | Callable[[re.Match[str]], str]:
    """``repl`` as ``re.sub`` takes it: a template made of literal letters and ``\\1``..``\\9`` becomes a
    function building the same text (``re`` expands a template on every call, several times slower)."""
    if "\\" not in repl:
        return repl
    parts = _GROUP_REF.split(repl)
    if any("\\" in lit for lit in parts[::2]):
        return repl   # other escapes: leave the template to re
    terms = [f"(m.group({lit}) or '')" if k % 2 else repr(lit) for k, lit in enumerate(parts) if lit]
    fn: Callable[[re.Match[str]], str] = eval(f"lambda m: {' + '.join(terms)}")  # from the checked template
    return fn


def _fast_rewriter(name: str) -> Callable[[str], str]:
    """The rules of table ``name`` applied in order, as :func:`namematch.tables.rewriter` does, but
    compiled to one function: string methods for plain literals (``ab``, ``^ab``, ``ab$``), a byte
    translation for deleting a class of letters (``[aeiou]``), a letter test before each regular
    expression (or a search when no letter is certain), and group-reference templates as functions.
    Same result as ``re.sub`` rule by rule, several times faster (keys of millions of names are
    computed when an index is built)."""
    lines = ["def apply(text):"]
    env: dict[str, object] = {}
    for n, (pattern, repl) in enumerate(read_rules(name)):
        src = pattern.pattern
        core = src[1:] if src.startswith("^") else src[:-1] if src.endswith("$") else src
        deleted = _CHAR_CLASS.fullmatch(src)
        if deleted and not repl:
            env[f"p{n}"], env[f"d{n}"] = pattern, deleted.group(1).encode()
            lines.append(f"    text = text.encode().translate(None, d{n}).decode() if text.isascii() "
                         f"else p{n}.sub('', text)")
        elif not core or any(c in _META for c in core) or "\\" in repl:
            env[f"p{n}"], env[f"r{n}"] = pattern, _replacement(repl)
            trigger = _trigger(src)
            test = f"{trigger!r} in text" if trigger else f"p{n}.search(text)"
            lines.append(f"    if {test}: text = p{n}.sub(r{n}, text)")
        elif src.startswith("^"):
            lines.append(f"    if text.startswith({core!r}): text = {repl!r} + text[{len(core)}:]")
        elif src.endswith("$"):
            lines.append(f"    if text.endswith({core!r}): text = text[:-{len(core)}] + {repl!r}")
        else:
            lines.append(f"    if {core!r} in text: text = text.replace({core!r}, {repl!r})")
    lines.append("    return text")
    exec(compile("\n".join(lines), f"<rules {name}>", "exec"), env)  # the code is built from the table above
    return env["apply"]  # type: ignore[return-value]


_KEY = _fast_rewriter("romanization_keys.tsv")
_SKELETON = _fast_rewriter("abjad_skeleton.tsv")
_NOT_LOWER_ASCII = re.compile(r"[^a-z]+")


def _ascii_letters(token: str) -> str:
    if token.isascii():
        return _NOT_LOWER_ASCII.sub("", token.lower())
    return "".join(c for c in token.lower() if "a" <= c <= "z")


@lru_cache(maxsize=1 << 16)
def translit_key(token: str) -> str:
    """Romanisation-invariant key of one Latin token ("" for a token with no ASCII letters)."""
    if not isinstance(token, str):
        raise TypeError(f"token must be a str, got {type(token).__name__}")
    return _KEY(_ascii_letters(token))


def word_keys(token: str) -> tuple[str, str]:
    """``(translit_key(token), skeleton_key(token))`` without the caches: for one-off tokens (two
    or three words joined, a million of them in a large index) that would only churn the caches."""
    key = _KEY(_ascii_letters(token))
    return key, _SKELETON(key)


def uncached_translit_key(token: str) -> str:
    """:func:`translit_key` without the cache (for one-off tokens, as :func:`word_keys`)."""
    return _KEY(_ascii_letters(token))


def key_skeleton(key: str) -> str:
    """The skeleton of a romanisation key: ``skeleton_key(t) == key_skeleton(translit_key(t))``."""
    return _SKELETON(key)


@lru_cache(maxsize=1 << 16)
def skeleton_key(token: str) -> str:
    """Consonant skeleton of one Latin token: :func:`translit_key` without vowels."""
    if not isinstance(token, str):
        raise TypeError(f"token must be a str, got {type(token).__name__}")
    return _SKELETON(translit_key(token))


PHONETIC_METHODS = ("translit", "skeleton", "metaphone", "nysiis", "soundex", "match_rating")


def phonetic_key(token: str, method: str = "translit") -> str:
    """The key of ``token`` under ``method`` (one of :data:`PHONETIC_METHODS`).

    jellyfish's keys are computed on ASCII letters only: ``soundex("Токаев")``
    would otherwise give ``"Т000"``.
    """
    if not isinstance(token, str):
        raise TypeError(f"token must be a str, got {type(token).__name__}")
    letters = _ascii_letters(token)
    if method == "translit":
        return translit_key(letters)
    if method == "skeleton":
        return skeleton_key(letters)
    if not letters:
        return ""
    if method == "metaphone":
        return str(jellyfish.metaphone(letters))
    if method == "nysiis":
        return str(jellyfish.nysiis(letters))
    if method == "soundex":
        return str(jellyfish.soundex(letters))
    if method == "match_rating":
        return str(jellyfish.match_rating_codex(letters))
    raise ValueError(f"unknown phonetic method {method!r}, expected one of {', '.join(PHONETIC_METHODS)}")


@lru_cache(maxsize=1)
def _endings() -> tuple[tuple[str, str, str], ...]:
    """(Arabic-script skeleton ending, Latin key ending, that ending's skeleton) from ``abjad_endings.tsv``."""
    return tuple((cols[0], cols[1], _SKELETON(cols[1])) for _, cols in read_rows("abjad_endings.tsv", 2))


def transcribed_ending(abjad_skeleton: str, latin_key: str, latin_skeleton: str) -> bool:
    """Does a word written in Arabic script with this skeleton transcribe the Latin word, its ending
    written as it sounds ("جاپاروف" / "Japarov": ف for a final -v)? See ``data/abjad_endings.tsv``."""
    return any(abjad_skeleton.endswith(ab) and latin_key.endswith(lat)
               and abjad_skeleton[:-len(ab)] + lat_skeleton == latin_skeleton
               for ab, lat, lat_skeleton in _endings())


def abjad_ending_variants(abjad_skeleton: str) -> list[tuple[str, str]]:
    """``(skeleton, key ending)`` of the Latin words an Arabic-script word may transcribe by its ending."""
    return [(abjad_skeleton[:-len(ab)] + lat_skeleton, lat) for ab, lat, lat_skeleton in _endings()
            if abjad_skeleton.endswith(ab) and len(abjad_skeleton) > len(ab)]


def latin_ending_variants(key: str, skeleton: str) -> list[str]:
    """Skeletons of the Arabic-script transcriptions of a Latin word that write its ending as it sounds."""
    return [skeleton[:len(skeleton) - len(lat_skeleton)] + ab for ab, lat, lat_skeleton in _endings()
            if key.endswith(lat) and skeleton.endswith(lat_skeleton) and len(skeleton) > len(lat_skeleton)]


def deletions(key: str) -> set[str]:
    """``key`` with one letter removed, each way: two keys one edit apart share one of these."""
    return {key[:i] + key[i + 1:] for i in range(len(key))}
