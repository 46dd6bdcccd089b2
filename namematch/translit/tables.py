"""Read, validate and compile the scheme tables under ``namematch/translit/schemes/``.

File format (one file per scheme, ``<id>.txt``; fragments shared by several schemes start with ``_``)::

    # id: ru-bgn                      metadata lines, before the first row:
    # lang: ru                        id (= file name), lang, script, description, source
    # script: Cyrl                    are required for schemes, optional for fragments;
    # description: ...                include: comma-separated tables whose rows come first
    # source: ...                     (this file's rows override rows with the same left side);
    # normalize: _cyrl-norm           normalize: a fragment of one-character clean-ups run first;
    # class V: аеёиоуыэюя             class X: a one-letter name for a set of letters.
    а<TAB>a                           a row: source, target, optional capital form of the target
    ^е<TAB>ye                         ^ word start, $ word end,
    (Vйъь)е<TAB>ye                    (...) before the letters: after one of these (classes expand),
    (V)ц(V)<TAB>ts                    (...) after the letters: before one of these.
    ь<TAB>""                          "" is the empty target; U+XXXX writes an invisible character.

Other ``#`` lines are comments. The longest source wins, then a row with context over one without,
then the earlier row. Upper case is derived: ``Ж`` gives ``Zh``, and ``ZH`` inside an all-capital word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import cache
from importlib import resources

from attrs import frozen

from .bytepath import BytePath, Rule
from .detect import languages
from .errors import SchemeFileError, UnknownSchemeError
from .model import Scheme
from .runs import ARAB_BASIC, CYRL, PROBE, ZWNJ, clean_unidecode

__all__ = ["Compiled", "Row", "Table", "compiled", "parse_table", "scheme_ids", "table"]

_REQUIRED = ("id", "lang", "script", "description", "source")
_OPTIONAL = ("include", "normalize")
_META = re.compile(r"#\s*([a-z]+|class [A-Z])\s*:\s*(.*?)\s*$")
_ROW_SOURCE = re.compile(r"(?:(\^)|\(([^()]+)\))?([^()^$]+)(?:(\$)|\(([^()]+)\))?")
_CODEPOINT = re.compile(r"U\+([0-9A-Fa-f]{4,6})")
_PUA_BASE = 0xE000  # private use: placeholders between the passes of Compiled.apply (never in a run)
_LETTER_BEFORE_NOT = r"(?<![^\W\d_].)"  # checked after the first letter of the source
_LETTER_AFTER_NOT = r"(?![^\W\d_])"


@frozen
class Row:
    """One parsed table row: letters to replace, their context and the replacement."""

    key: str  # the source column as written: rows with the same key override each other
    source: str
    before: str | None  # None: anywhere; "^": word start; otherwise one of these letters
    after: str | None  # None: anywhere; "$": word end; otherwise one of these letters
    target: str
    title: str  # target when the first source letter is a capital
    upper: str  # target inside an all-capital word
    where: str  # "file:line", for error messages


@frozen
class Table:
    """A parsed file: its metadata and rows, includes already resolved."""

    name: str
    meta: Mapping[str, str]
    rows: tuple[Row, ...]
    normalize: Mapping[int, str]


def _decode(text: str) -> str:
    if text == '""':
        return ""
    return _CODEPOINT.sub(lambda m: chr(int(m.group(1), 16)), text)


def _title(target: str) -> str:
    for i, ch in enumerate(target):
        if ch.isalpha():
            return target[:i] + ch.upper() + target[i + 1 :]
    return target


def _check_target(path: str, line: int, target: str) -> None:
    for ch in target:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if not (name.startswith(("LATIN ", "MODIFIER LETTER ")) or 0x2B0 <= ord(ch) <= 0x2FF):
                raise SchemeFileError(path, line, f"target letter {ch!r} is not Latin; expected Latin output")
        elif unicodedata.category(ch).startswith("C") or (ch.isspace() and ch != " "):
            raise SchemeFileError(path, line, f"target has control or layout character U+{ord(ch):04X}")


def parse_table(text: str, name: str, *, kind: str = "scheme") -> Table:
    """Parse one table file; ``kind`` is ``scheme``, ``fragment`` (rows only) or ``normalize``.

    Includes are not resolved here (see :func:`table`). Raises :class:`SchemeFileError`.
    """
    path = f"{name}.txt"
    meta: dict[str, str] = {}
    classes: dict[str, str] = {}
    rows: list[Row] = []
    seen: dict[str, int] = {}
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            m = _META.fullmatch(line)
            if m and not rows:
                key, value = m.group(1), m.group(2)
                if key.startswith("class "):
                    classes[key[-1]] = value
                elif key in _REQUIRED or key in _OPTIONAL:
                    if key in meta:
                        raise SchemeFileError(path, lineno, f"metadata {key!r} given twice")
                    meta[key] = value
                else:
                    expected = ", ".join((*_REQUIRED, *_OPTIONAL, "class X"))
                    raise SchemeFileError(
                        path, lineno, f"unknown metadata {key!r}; expected one of {expected}"
                    )
            continue
        rows.append(_parse_row(path, lineno, line, classes, kind))
        if rows[-1].key in seen:
            raise SchemeFileError(
                path, lineno, f"row {rows[-1].key!r} repeats line {seen[rows[-1].key]}; keep one"
            )
        seen[rows[-1].key] = lineno
    if kind == "scheme":
        for key in _REQUIRED:
            if not meta.get(key):
                raise SchemeFileError(path, 1, f"missing metadata line '# {key}: ...'")
        if meta["id"] != name:
            raise SchemeFileError(path, 1, f"id {meta['id']!r} does not match the file name {name!r}")
    normalize: dict[int, str] = {}
    if kind == "normalize":
        normalize = {ord(r.source): r.target for r in rows}
    return Table(name=name, meta=meta, rows=tuple(rows), normalize=normalize)


def _parse_row(path: str, lineno: int, line: str, classes: Mapping[str, str], kind: str) -> Row:
    fields = line.split("\t")
    if len(fields) not in (2, 3) or not fields[0]:
        raise SchemeFileError(
            path, lineno, f"expected 'source<TAB>target[<TAB>Capital]', got {len(fields)} field(s): {line!r}"
        )
    key = fields[0]
    m = _ROW_SOURCE.fullmatch(key)
    if m is None:
        raise SchemeFileError(path, lineno, f"bad source {key!r}; expected ^, (letters) or $ around letters")
    start, before_set, letters, end, after_set = m.groups()

    def expand(spec: str) -> str:
        out = []
        for ch in spec:
            if "A" <= ch <= "Z":
                if ch not in classes:
                    raise SchemeFileError(
                        path, lineno, f"class {ch!r} is not defined by a '# class {ch}:' line"
                    )
                out.append(classes[ch])
            else:
                out.append(ch)
        return "".join(out)

    source = _decode(letters)
    if not source or any(ch.isascii() for ch in source):
        raise SchemeFileError(
            path, lineno, f"source {letters!r} must be non-ASCII letters of the input script"
        )
    before = "^" if start else (expand(_decode(before_set)) if before_set else None)
    after = "$" if end else (expand(_decode(after_set)) if after_set else None)
    target = _decode(fields[1])
    title = _decode(fields[2]) if len(fields) == 3 else _title(target)
    if kind == "normalize":
        if len(source) != 1 or before or after:
            raise SchemeFileError(path, lineno, "a normalize row maps one character, without context")
    else:
        _check_target(path, lineno, target)
        _check_target(path, lineno, title)
    if source != source.lower():
        raise SchemeFileError(
            path, lineno, f"write the source {letters!r} in lower case; capitals are derived"
        )
    upper = title[:1] + title[1:].upper()
    return Row(key, source, before, after, target, title, upper, f"{path}:{lineno}")


def _read(name: str) -> str:
    try:
        return (
            resources.files(__package__)
            .joinpath("schemes")
            .joinpath(f"{name}.txt")
            .read_text(encoding="utf-8")
        )
    except FileNotFoundError:
        raise UnknownSchemeError(name, scheme_ids()) from None


@cache
def scheme_ids() -> tuple[str, ...]:
    """Ids of every scheme file, sorted."""
    folder = resources.files(__package__).joinpath("schemes")
    names = (p.name for p in folder.iterdir() if p.name.endswith(".txt") and not p.name.startswith("_"))
    return tuple(sorted(n[:-4] for n in names))


@cache
def table(name: str, kind: str = "scheme") -> Table:
    """The parsed table ``name`` with its includes resolved (cached)."""
    return _resolve(name, kind, ())


def _resolve(name: str, kind: str, stack: tuple[str, ...]) -> Table:
    if name in stack:
        raise SchemeFileError(f"{name}.txt", 1, f"include cycle: {' -> '.join((*stack, name))}")
    if kind == "scheme" and name.startswith("_"):
        kind = "fragment"
    own = parse_table(_read(name), name, kind=kind)
    merged: dict[str, Row] = {}
    normalize: dict[int, str] = dict(own.normalize)
    for inc in filter(None, (s.strip() for s in own.meta.get("include", "").split(","))):
        sub = _resolve(inc, "fragment" if inc.startswith("_") else "scheme", (*stack, name))
        merged.update((r.key, r) for r in sub.rows)
        if "normalize" not in own.meta:
            normalize.update(sub.normalize)
    for row in own.rows:
        merged.pop(row.key, None)  # an override takes the place of the included row
        merged[row.key] = row
    if "normalize" in own.meta:
        normalize.update(_resolve(own.meta["normalize"], "normalize", (*stack, name)).normalize)
    return Table(name=name, meta=own.meta, rows=tuple(merged.values()), normalize=normalize)


class Compiled:
    """A scheme ready to apply: a regex pass for context rules, then one ``str.translate``.

    The regex replaces each contextual or multi-letter match by a private-use placeholder;
    the translate table maps single letters and placeholders to Latin in C. ``fast`` is the same
    scheme for whole texts, one byte per character (:mod:`.bytepath`), or ``None`` if it needs
    more than 256 bytes.
    """

    __slots__ = (
        "_caps_repl",
        "_norm",
        "_pattern",
        "_repl",
        "_table",
        "_table_caps",
        "fast",
        "scheme",
    )

    def __init__(self, tab: Table) -> None:
        rows = list(tab.rows)
        letters = {ch for r in rows for t in (r.target, r.title, r.upper) for ch in t if ch.isalpha()}
        meta = tab.meta
        self.scheme = Scheme(
            meta["id"], meta["lang"], meta["script"], meta["description"], meta["source"], letters
        )
        self._norm = dict(tab.normalize) or None
        table: dict[int, str] = {}
        caps: dict[int, str] = {}
        for r in rows:
            if len(r.source) == 1 and r.before is None and r.after is None:
                table[ord(r.source)] = caps[ord(r.source)] = r.target
                up = r.source.upper()
                if len(up) == 1 and up != r.source:
                    table[ord(up)] = r.title
                    caps[ord(up)] = r.upper
        complex_rows = [r for r in rows if len(r.source) > 1 or r.before is not None or r.after is not None]
        order = {id(r): i for i, r in enumerate(complex_rows)}
        complex_rows.sort(key=lambda r: (-len(r.source), r.before is None and r.after is None, order[id(r)]))
        # The pattern is one alternative per first letter (any case form a row's first letter has),
        # so re skips to those letters in C and tries only their rows, in priority order. A row's
        # branch checks the rest and the context ignoring case; its empty group tells the
        # replacement: the row's target, or its title form after a capital.
        branches: dict[str, list[tuple[str, str, str]]] = {}  # letter -> (regex, target, all-caps)
        for i, r in enumerate(complex_rows):
            code = _PUA_BASE + 3 * i
            for k, text in enumerate((r.target, r.title, r.upper)):
                table[code + k] = caps[code + k] = text
            rest = f"{_context(r.before, True)}{re.escape(r.source[1:])}{_context(r.after, False)}"
            for ch in _case_forms(r.source[0]):
                branches.setdefault(ch, []).append(
                    (f"(?i:{rest})()", chr(code + 1 if ch.isupper() else code), chr(code + 2))
                )
        normal: list[str] = [""]  # by group number, from 1
        upper: list[str] = [""]
        alternatives = []
        for ch, alts in branches.items():
            alternatives.append(re.escape(ch) + "(?:" + "|".join(regex for regex, _, _ in alts) + ")")
            normal += [target for _, target, _ in alts]
            upper += [capitals for _, _, capitals in alts]
        self.fast: BytePath | None = None
        try:
            run_char = re.compile(f"[{CYRL}]" if self.scheme.script == "Cyrl" else f"[{ARAB_BASIC}{ZWNJ}]")
            by_letter = {chr(k): (v, caps[k]) for k, v in table.items() if k < _PUA_BASE}
            rules = [Rule(r.source, r.before, r.after, (r.target, r.title, r.upper)) for r in complex_rows]
            norm = self._norm if self._norm and all(run_char.fullmatch(chr(k)) for k in self._norm) else None
            # The other languages' distinctive letters (Kazakh Қ under a Russian scheme): the text
            # they get run by run (unidecode), where that is the same one letter at a time.
            missing = {ch: (out, out) for ch, out in _leftovers(self.scheme.script).items() if ch not in by_letter}
            try:
                self.fast = BytePath(self.scheme.script, {**missing, **by_letter}, rules, norm, _case_forms, run_char)
            except ValueError:
                self.fast = BytePath(self.scheme.script, by_letter, rules, norm, _case_forms, run_char)
        except ValueError:  # more letters and rules than bytes: this scheme goes run by run
            pass
        # Characters no row maps stay as they are; listing them saves str.translate a failed look-up.
        for ch in PROBE:
            table.setdefault(ord(ch), ch)
            caps.setdefault(ord(ch), ch)
        self._table = table
        self._table_caps = caps
        self._pattern: _LazyPattern | None = None
        self._repl: Callable[[re.Match[str]], str] = lambda m: m.group()
        self._caps_repl: Callable[[re.Match[str]], str] = self._repl
        if alternatives:
            self._pattern = _LazyPattern("(?s)" + "|".join(alternatives))
            normal_t, upper_t = tuple(normal), tuple(upper)
            self._repl = lambda m: normal_t[m.lastindex]  # type: ignore[index]
            self._caps_repl = lambda m: upper_t[m.lastindex]  # type: ignore[index]

    def apply(self, run: str) -> str:
        """Transliterate ``run``, a word-like run of letters of this scheme's script."""
        if self._norm is not None:
            run = run.translate(self._norm)
        if len(run) > 1 and run.isupper():
            if self._pattern is not None:
                run = self._pattern.sub(self._caps_repl, run)
            return run.translate(self._table_caps)
        if self._pattern is not None:
            run = self._pattern.sub(self._repl, run)
        return run.translate(self._table)


class _LazyPattern:
    """A regex compiled on its first use: most texts take the fast path and never need it."""

    __slots__ = ("_compiled", "_source")

    def __init__(self, source: str) -> None:
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    def sub(self, repl: Callable[[re.Match[str]], str], text: str) -> str:
        if self._compiled is None:
            self._compiled = re.compile(self._source)
        return self._compiled.sub(repl, text)


def _context(spec: str | None, before: bool) -> str:
    """The regex of a context, checked after the first letter of the source (``before``) or after all."""
    if spec is None:
        return ""
    if spec == "^":
        return _LETTER_BEFORE_NOT
    if spec == "$":
        return _LETTER_AFTER_NOT
    cls = "[" + "".join(re.escape(ch) for ch in spec) + "]"
    return f"(?<={cls}.)" if before else f"(?={cls})"


_PROBE_TEXT = "".join(PROBE)


@cache
def _leftovers(script: str) -> Mapping[str, str]:
    """The script's distinctive letters (``data/languages.tsv``, both cases) with their unidecode text.

    Only letters where cleaning unidecode's output one letter at a time is the same as cleaning a
    run of them (no spaces; capitals only where the letter has case), as ``core`` does.
    """
    out = {}
    letters = {form for row in languages() if row.script == script for ch in row.letters for form in (ch, ch.upper())}
    for ch in sorted(letters):
        text = clean_unidecode(ch)
        cased = ch.lower() != ch.upper()
        if text and not any(c.isspace() for c in text) and (cased or text == text.lower()):
            out[ch] = text
    return out


@cache
def _case_forms(letter: str) -> list[str]:
    """The characters that match ``letter`` ignoring case, in order of code point.

    Probed over the characters a run or a simple text can hold (the scripts' blocks, stress marks,
    ZWNJ, ASCII) and the letter's own case forms.
    """
    probe = re.compile(f"(?i:{re.escape(letter)})")
    return sorted(set(probe.findall(_PROBE_TEXT + letter + letter.upper() + letter.lower())))


@cache
def compiled(scheme_id: str) -> Compiled:
    """The compiled scheme ``scheme_id`` (cached); raises :class:`UnknownSchemeError`."""
    if scheme_id not in scheme_ids():
        raise UnknownSchemeError(scheme_id, scheme_ids())
    return Compiled(table(scheme_id))
