"""Transliteration to Latin with named schemes, and the romanisation variants of a name.

Pipeline of :func:`transliterate`, in this fixed order:

1. ASCII text is returned as it is (fast path); otherwise NFC.
2. The text is cut into runs of Cyrillic letters, runs of Arabic-script letters (a zero-width
   non-joiner inside a run is kept as a word boundary) and everything else (:mod:`.runs`).
3. Each run's scheme: the one asked for if it fits the run's script; else the default scheme of the
   language asked for; else the default scheme of the run's own language, told by its distinctive
   letters (``data/languages.tsv``), or failing that by the whole text's, or the script's fallback.
   Defaults: ``ru-press``, ``kk-press``, ``ky-press``, ``tg-press``, ``uz-latn``, ``fa-press``,
   ``ps-press``, ``ar-press``.
4. The scheme table runs (see :mod:`namematch.translit.tables`). Letters it does not cover, and
   letters of every other non-Latin script, go through unidecode, cleaned of the apostrophes and
   padding spaces it adds.
5. Latin letters, digits, punctuation, spaces and symbols are kept as they are.

Speed: a text of one script's runs between ASCII spaces, digits and punctuation whose runs all get
the same scheme (most names) takes a fast path (:mod:`.bytepath`): the scheme runs once over the
whole text, one byte per character, in C, with the same result as run by run. Other texts go run
by run, with per-run caches. With detection, a text whose every token was seen before (in the same
language context) comes from a token cache, used while it pays (see ``_run_default``).

>>> transliterate("Қасым-Жомарт Тоқаев", scheme="kk-bgn")
'Qasym-Zhomart Toqaev'
>>> transliterate("Касым-Жомарт Токаев", scheme="ru-bgn")
'Kasym-Zhomart Tokayev'
>>> transliterate("ТОҚАЕВ, Жомарт (2019)")
'TOKAYEV, Zhomart (2019)'
>>> transliterate("Président Тоқаев"), transliterate("北京")
('Président Tokayev', 'Beijing')
>>> [v.text for v in variants("Қасым")]
['Kasym', 'Qasym', 'Kassym']
>>> schemes_for("Toqaev", "Тоқаев")
('kk-bgn', 'kk-latn2021', 'tg-bgn')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache
from itertools import repeat

from .detect import (
    detect_script,
    evidence_lang,
    fallback_lang,
    lang_in_script,
    languages,
    script_of,
    sole_lang,
)
from .errors import UnknownLanguageError
from .model import Scheme, Variant
from .runs import FIRST_SCRIPT, LEFTOVER, RUN, clean_unidecode
from .tables import Compiled, compiled, scheme_ids

__all__ = ["get_scheme", "schemes", "schemes_for", "to_latin", "transliterate", "variants"]

_DISTINCTIVE = re.compile(
    "["
    + re.escape(
        "".join(sorted({ch for row in languages() for ch in row.letters | {c.upper() for c in row.letters}}))
    )
    + "]"
)
_JOIN_KEY = re.compile(r"[\s\-\u2010\u2011\u00b7]+")


def schemes() -> tuple[Scheme, ...]:
    """Every scheme, sorted by id."""
    return tuple(compiled(sid).scheme for sid in scheme_ids())


def get_scheme(scheme_id: str) -> Scheme:
    """The scheme ``scheme_id``; raises :class:`UnknownSchemeError` (a ``ValueError``) listing the ids."""
    return compiled(scheme_id).scheme


@cache
def _default_scheme(lang: str) -> Compiled:
    for row in languages():
        if row.lang == lang:
            return compiled(row.default)
    raise UnknownLanguageError(lang, (row.lang for row in languages()))


def _foreign(ch: str) -> bool:
    return ch.isalpha() and script_of(ch) != "Latn"


# Scripts written without spaces between words: unidecode's syllables are one word ("Xi Jin Ping"
# for 习近平 becomes "Xijinping", so a name is not split into syllables that look like other words).
_UNSPACED = frozenset({"Hani", "Kana", "Hira", "Thai", "Laoo", "Khmr", "Mymr"})


# Kana's long-vowel mark: unidecode writes it as a hyphen ("Po-rando" for ポーランド), which splits the word;
# the vowel before it is the romanisation ("Porando", "Togo").
_LONG_VOWEL = str.maketrans({"\u30fc": "", "\uff70": ""})


def _romanise_run(run: str) -> str:
    out = clean_unidecode(run.translate(_LONG_VOWEL))
    if script_of(run[0]) in _UNSPACED:
        out = out.replace(" ", "")
        out = out[:1].upper() + out[1:].lower()
    return out


def _other(gap: str) -> str:
    """Text between Cyrillic/Arabic runs: Latin and non-letters kept, other scripts via unidecode."""
    if gap.isascii():
        return gap
    out: list[str] = []
    buf: list[str] = []
    for ch in gap:
        if _foreign(ch) or (buf and unicodedata.category(ch).startswith("M")):
            buf.append(ch)
            continue
        if buf:
            out.append(_romanise_run("".join(buf)))
            buf.clear()
        out.append(ch)
    if buf:
        out.append(_romanise_run("".join(buf)))
    return "".join(out)


def _leftover(m: re.Match[str]) -> str:
    """Letters a scheme's table lacks, by unidecode; lower case if they have no case (unidecode marks
    some Arabic-script letters with capitals: "ګ" -> "K"), so case still follows the source."""
    letters = m.group()
    out = clean_unidecode(letters)
    return out if letters.lower() != letters.upper() else out.lower()


def _apply(scheme: Compiled, run: str, script: str) -> str:
    if script == "Arab" and max(run) >= "\ufb50":  # presentation forms -> letters
        run = unicodedata.normalize("NFKC", run)
    out = scheme.fast.apply(run) if scheme.fast is not None else None  # a run alone is simple, if it encodes
    if out is None:
        out = scheme.apply(run)
    if not out.isascii():
        left = LEFTOVER[script]
        if left.search(out):
            out = left.sub(_leftover, out)
    return out


@lru_cache(maxsize=1 << 16)
def _run_lang(run: str, script: str) -> str | None:
    """The language a run's own letters point to, or ``None`` (cached per run)."""
    return evidence_lang(run.lower(), script)


@lru_cache(maxsize=1 << 16)
def _convert(run: str, script: str, scheme_id: str) -> str:
    """One run through one scheme (cached per run: names repeat their tokens a lot)."""
    return _apply(compiled(scheme_id), run, script)


def _whole(
    text: str, fixed: Compiled | None, lang: str | None, sole: Mapping[str, str | None] | None = None
) -> str | None:
    """The fast path (NFC ``text``): ``None`` unless the text's runs share a scheme and it takes them whole.

    ``sole``: per script, the language all runs get if they agree (from :func:`_plan`), if known.
    """
    m = FIRST_SCRIPT.match(text)
    if m is None:
        return None
    script = "Cyrl" if m.lastindex == 1 else "Arab"
    if fixed is not None and fixed.scheme.script == script:
        scheme = fixed
    elif lang is not None and _default_scheme(lang).scheme.script == script:
        scheme = _default_scheme(lang)
    else:
        run_lang = sole[script] if sole is not None else sole_lang(text, script)
        if run_lang is None:
            return None
        scheme = _default_scheme(run_lang)
    if scheme.fast is None:
        return None
    out = scheme.fast.apply(text)
    if out is None or (not out.isascii() and LEFTOVER[script].search(out)):
        return None  # not simple, or letters the table lacks: run by run (they go through unidecode)
    return out


def _text_lang(text: str, script: str) -> str | None:
    return evidence_lang(text.lower(), script) or fallback_lang(script)


def _run(text: str, fixed: Compiled | None, lang: str | None) -> str:
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    pos = 0
    text_lang: dict[str, str | None] = {}
    for m in RUN.finditer(text):
        if m.start() > pos:
            out.append(_other(text[pos : m.start()]))
        pos = m.end()
        run = m.group()
        script = "Cyrl" if m.lastindex == 1 else "Arab"
        if fixed is not None and fixed.scheme.script == script:
            scheme_id = fixed.scheme.id
        elif lang is not None and _default_scheme(lang).scheme.script == script:
            scheme_id = _default_scheme(lang).scheme.id
        else:
            run_lang = _run_lang(run, script)
            if run_lang is None:
                if script not in text_lang:
                    text_lang[script] = _text_lang(text, script)
                run_lang = text_lang[script]
            scheme_id = _default_scheme(run_lang or "ru").scheme.id
        out.append(_convert(run, script, scheme_id))
    if pos < len(text):
        out.append(_other(text[pos:]))
    return "".join(out)


_CONTEXT_DEFAULT = (fallback_lang("Cyrl"), fallback_lang("Arab"))


Context = tuple[str | None, str | None]


@lru_cache(maxsize=4096)
def _plan(found: frozenset[str]) -> tuple[Context, Mapping[str, str | None]]:
    """From the distinctive letters of a text (any case): its language per script (for runs whose
    own letters say nothing), and per script the language all its runs get, if they agree."""
    lower = "".join(sorted(found)).lower()  # the languages depend only on which letters are present
    context = (
        evidence_lang(lower, "Cyrl") or _CONTEXT_DEFAULT[0],
        evidence_lang(lower, "Arab") or _CONTEXT_DEFAULT[1],
    )
    return context, {script: sole_lang(lower, script) for script in ("Cyrl", "Arab")}


_PLAIN = _plan(frozenset())


def _token(token: str, context: Context) -> str:
    """One space-free token with the default schemes, given the text's languages."""
    m = FIRST_SCRIPT.match(token)
    if m is not None:  # the fast path, if the token's runs all take the text's language
        script, lang = ("Cyrl", context[0]) if m.lastindex == 1 else ("Arab", context[1])
        found = _DISTINCTIVE.findall(token)
        if lang is not None and (not found or _plan(frozenset(found))[1][script] == lang):
            fast = _default_scheme(lang).fast
            out_fast = fast.apply(token) if fast is not None else None
            if out_fast is not None and (out_fast.isascii() or not LEFTOVER[script].search(out_fast)):
                return out_fast
    out: list[str] = []
    pos = 0
    for m in RUN.finditer(token):
        if m.start() > pos:
            out.append(_other(token[pos : m.start()]))
        pos = m.end()
        run = m.group()
        cyrillic = m.lastindex == 1
        script = "Cyrl" if cyrillic else "Arab"
        run_lang = _run_lang(run, script) or context[0 if cyrillic else 1] or "ru"
        out.append(_convert(run, script, _default_scheme(run_lang).scheme.id))
    if pos < len(token):
        out.append(_other(token[pos:]))
    return "".join(out)


_TOKENS: dict[tuple[str, Context], str] = {}
_TOKENS_MAX = 1 << 16
# The token cache pays where names repeat their tokens (most name lists); where they do not, its
# look-ups and fills are pure cost. So it is tried on _TRIAL texts; if under a quarter of them come
# whole from it, it sits out the next _PAUSE texts (fast path, else token by token), then is tried
# again. The output never depends on it.
_TRIAL, _PAUSE = 256, 4096
_state = [_TRIAL, 0, 0]  # texts left in this trial, texts found whole in it, texts left to sit out


def _run_default(text: str) -> str:
    """``_run`` with detection: from the token cache if every token is in it, else the fast path or
    token by token (either fills the cache)."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    found = _DISTINCTIVE.findall(text)
    context, sole = _plan(frozenset(found)) if found else _PLAIN
    state = _state
    if state[2]:
        state[2] -= 1
        out = _whole(text, None, None, sole)
        if out is not None:
            return out
        tokens = text.split(" ")
        cache = _TOKENS
    else:
        tokens = text.split(" ")
        cache = _TOKENS
        state[0] -= 1
        if state[0] == 0:
            state[:] = [_TRIAL, 0, _PAUSE if state[1] < _TRIAL // 4 else 0]
        outs = []
        for t in tokens:
            if t.isascii():
                outs.append(t)
                continue
            o = cache.get((t, context))
            if o is None:
                break
            outs.append(o)
        else:
            state[1] += 1
            return " ".join(outs)
        if len(cache) > _TOKENS_MAX:
            cache.clear()
        out = _whole(text, None, None, sole)
        if out is not None:
            parts = out.split(" ")
            if len(parts) == len(tokens):  # no target added a space: parts are the tokens' romanisations
                cache.update(zip(zip(tokens, repeat(context)), parts))
            return out
    for i, t in enumerate(tokens):
        if not t.isascii():
            key = (t, context)
            tokens[i] = cache.get(key) or _token(t, context)
            cache[key] = tokens[i]
    return " ".join(tokens)


def clear_caches() -> None:
    """Empty the per-text, per-token and per-run caches (for benchmarks and tests)."""
    _to_latin.cache_clear()
    _TOKENS.clear()
    _state[:] = [_TRIAL, 0, 0]
    _run_lang.cache_clear()
    _convert.cache_clear()
    _word_variants.cache_clear()


def transliterate(text: str, lang: str | None = None, scheme: str | None = None) -> str:
    """``text`` in Latin letters: Cyrillic and Arabic script by scheme, other scripts by unidecode.

    ``scheme`` (an id from :func:`schemes`) applies to runs of its script; ``lang`` picks that
    language's default scheme; with neither, each run's language is detected. A given ``scheme``
    wins over ``lang``. Latin text, digits, punctuation and spacing come back unchanged, and case
    follows the source (``Жомарт`` -> ``Zhomart``, ``ЖОМАРТ`` -> ``ZHOMART``).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    fixed = compiled(scheme) if scheme is not None else None
    if lang is not None:
        _default_scheme(lang)  # validate up front
    if text.isascii():
        return text
    if fixed is None and lang is None:
        return _run_default(text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    out = _whole(text, fixed, lang)
    return _run(text, fixed, lang) if out is None else out


@lru_cache(maxsize=1 << 16)
def _to_latin(text: str) -> str:
    return _run_default(text)


def to_latin(text: str) -> str:
    """``transliterate(text)`` with the default schemes, cached: the matcher's per-token fast path."""
    if text.isascii():
        return text
    return _to_latin(text)


@cache
def _lang_schemes(lang: str) -> tuple[str, ...]:
    """The scheme ids :func:`variants` runs for ``lang``, in order (cached: the tables are fixed)."""
    row = next((r for r in languages() if r.lang == lang), None)
    if row is None:
        raise UnknownLanguageError(lang, (r.lang for r in languages()))
    ids = [row.default]
    for code in (lang, *row.also):
        sub = next(r for r in languages() if r.lang == code)
        own = [sid for sid in scheme_ids() if compiled(sid).scheme.lang == code]
        ids += [sub.default, *own]
    return tuple(dict.fromkeys(ids))


def variants(text: str, lang: str | None = None) -> tuple[Variant, ...]:
    """The romanisations of a native-script name by every scheme of its language, deduplicated.

    The language is ``lang`` or detected; Kazakh, Kyrgyz, Tajik and Uzbek also get the Russian
    schemes, Persian and Pashto each other's. Order: the default scheme, the language's other
    schemes by id, then the related languages' the same way. Latin (or letterless) text gives ``()``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if lang is not None:
        _default_scheme(lang)
    script = detect_script(text)
    if script in (None, "Latn"):
        return ()
    lang = lang or lang_in_script(text, script)
    if lang is None:
        return ()
    sids = _lang_schemes(lang)
    scripts = _scripts(lang)
    if scripts is not None and all(_OTHER_RUNS[s].search(text) is None for s in scripts):
        # Every run is its schemes' own script, so each run goes through a scheme alone: the text's
        # romanisation is its space-separated words', and names share words (each done once).
        outs = [" ".join(col) for col in zip(*[_word_variants(w, lang) for w in text.split(" ")])]
    else:
        outs = [transliterate(text, scheme=sid) for sid in sids]
    seen: dict[str, Variant] = {}
    for out, sid in zip(outs, sids):
        if out not in seen:
            seen[out] = Variant(out, sid)
    return tuple(seen.values())


# Per script, the letters that start a run of the other script (a scheme leaves those to detection).
_OTHER_RUNS = {"Cyrl": LEFTOVER["Arab"], "Arab": LEFTOVER["Cyrl"]}


@cache
def _scripts(lang: str) -> tuple[str, ...] | None:
    """The scripts of ``lang``'s schemes (:func:`_lang_schemes`); ``None`` if one is neither
    Cyrillic nor Arabic (then no word-by-word path)."""
    found = tuple(dict.fromkeys(compiled(sid).scheme.script for sid in _lang_schemes(lang)))
    return found if all(s in _OTHER_RUNS for s in found) else None


@lru_cache(maxsize=1 << 15)
def _word_variants(word: str, lang: str) -> tuple[str, ...]:
    """One space-free word through each of ``lang``'s schemes (cached: names share their words)."""
    return tuple(transliterate(word, scheme=sid) for sid in _lang_schemes(lang))


def _join_key(text: str) -> str:
    return _JOIN_KEY.sub("", unicodedata.normalize("NFC", text)).casefold()


def schemes_for(latin: str, native: str) -> tuple[str, ...]:
    """Ids of the schemes (sorted) that turn ``native`` into ``latin``.

    The comparison ignores case, spaces, hyphens and the BGN middle dot (·).
    """
    want = _join_key(latin)
    return tuple(sid for sid in scheme_ids() if _join_key(transliterate(native, scheme=sid)) == want)
