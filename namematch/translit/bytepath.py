"""The fast path: one scheme over a whole text, one byte per character.

Most names are a few runs of one script between ASCII spaces, hyphens and commas. For such a
text :class:`BytePath` gives what :meth:`Compiled.apply <namematch.translit.tables.Compiled.apply>`
gives run by run, in three C-level steps:

1. a charmap codec encodes the text to one byte per character: ASCII as itself, each letter the
   scheme maps as a byte from 128 up (a character it does not map makes the text not simple);
2. a bytes regex replaces the context and multi-letter rules' matches by placeholder bytes
   (bytes regexes are much cheaper than ``str`` ones on Cyrillic and Arabic text), and an
   all-capital run (two capitals touching: possible unless ``str.istitle()`` or ``str.islower()``)
   by its all-capital form;
3. decoding maps each byte to its Latin text.

The result is the same as run by run when no rule can tell the difference: no ASCII letter
touches a run (a rule would see it, where in a run alone it sees nothing) and, in Arabic script,
every ZWNJ stands between letters (elsewhere it is not part of a run). Every character of a
Cyrillic text must also be a cased letter, so that an all-capital run is two touching capitals.
A text that is not like this gives ``None``, and the caller goes run by run.
"""

from __future__ import annotations

import re
from codecs import charmap_build, charmap_decode, charmap_encode
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["BytePath", "Rule"]

_RUN_BYTE = rb"[\x80-\xff]"
_LETTER = re.compile(r"[^\W\d_]")
_Z = ord("z")  # a ZWNJ in the byte kinds


class Rule:
    """A context or multi-letter row, as :class:`BytePath` needs it (highest priority first)."""

    __slots__ = ("after", "before", "source", "targets")

    def __init__(self, source: str, before: str | None, after: str | None, targets: tuple[str, str, str]) -> None:
        self.source = source  # lower case
        self.before = before  # None, "^" or letters
        self.after = after  # None, "$" or letters
        self.targets = targets  # target, title form, all-capital form


def _cls(codes: set[int]) -> bytes:
    return b"[" + b"".join(re.escape(bytes([c])) for c in sorted(codes)) + b"]"


class BytePath:
    """A scheme compiled to a charmap codec and a bytes regex; see the module docstring."""

    __slots__ = (
        "_emap",
        "_glued",
        "_kinds",
        "_latin",
        "_norm",
        "_norm_keys",
        "_pattern",
        "_pattern_caps",
        "_repl",
        "_repl_or_caps",
        "_zwnj",
    )

    def __init__(  # noqa: PLR0917 (built in one place, by Compiled)
        self,
        script: str,
        letters: Mapping[str, tuple[str, str]],
        rules: Sequence[Rule],
        norm: Mapping[int, str] | None,
        case_forms: Callable[[str], list[str]],
        run_char: re.Pattern[str],
    ) -> None:
        """Compile; raises ``ValueError`` if the scheme needs more than 256 bytes.

        ``letters``: each character a single-letter row maps (both cases) -> (its Latin text, the
        same in an all-capital run); also letters the table lacks, with what the caller makes of
        them. ``rules``: the other rows, highest priority first. ``norm``: the scheme's clean-up,
        only if it maps run characters alone. ``case_forms``: the characters
        equal to one ignoring case. ``run_char``: matches a character of the script's runs.
        """
        chars = set(letters)
        for rule in rules:
            for ch in rule.source:
                chars.update(case_forms(ch))
        if script == "Cyrl":
            chars = {ch for ch in chars if ch.islower() or ch.isupper()}
        chars = {ch for ch in chars if run_char.fullmatch(ch)}
        code = {ch: 0x80 + i for i, ch in enumerate(sorted(chars))}
        latin = [chr(i) for i in range(0x80)] + [letters.get(ch, (ch, ch))[0] for ch in sorted(chars)]
        outputs: dict[str, int] = {}  # bytes after the letters: one per Latin text, shared

        def output(text: str) -> int:
            if text not in outputs:
                outputs[text] = len(latin)
                latin.append(text)
            return outputs[text]

        capital: dict[int, int] = {}  # letter byte -> byte of its all-capital form, where that differs
        for ch in sorted(chars):
            text, caps = letters.get(ch, (ch, ch))
            if caps != text:
                capital[code[ch]] = output(caps)
        placeholders = [tuple(map(output, rule.targets)) for rule in rules]  # target, title, all-capital
        if len(latin) > 0x100:
            raise ValueError(f"{len(latin)} bytes needed; a byte path has 256")
        self._latin = latin + [""] * (0x100 - len(latin))
        decoding = "".join(map(chr, range(0x80))) + "".join(sorted(chars))
        self._emap: Any = charmap_build(decoding + "\ufffe" * (0x100 - len(decoding)))
        self._norm = dict(norm) if norm else None
        self._norm_keys = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(norm)) + "]") if norm else None

        def forms(text: str) -> set[int]:
            return {code[f] for ch in text for f in case_forms(ch) if f in code}

        letter = _cls({c for ch, c in code.items() if _LETTER.match(ch)} | set(range(65, 91)) | set(range(97, 123)))
        alternatives: dict[int, list[tuple[bytes, int, int]]] = {}
        for rule, base in zip(rules, placeholders):
            contexts = [c for c in (rule.before, rule.after) if c is not None and c not in ("^", "$")]
            if any(not forms(ch) for ch in rule.source[1:]) or any(not forms(c) for c in contexts):
                continue  # letters the codec lacks: the row cannot match in a text that encodes
            regex = b""
            if rule.before == "^":
                regex += b"(?<!" + letter + b".)"
            elif rule.before is not None:
                regex += b"(?<=" + _cls(forms(rule.before)) + b".)"
            regex += b"".join(_cls(forms(ch)) for ch in rule.source[1:])
            if rule.after == "$":
                regex += b"(?!" + letter + b")"
            elif rule.after is not None:
                regex += b"(?=" + _cls(forms(rule.after)) + b")"
            for first in case_forms(rule.source[0]):
                if first in code:
                    title = first.isupper()
                    alternatives.setdefault(code[first], []).append((regex + b"()", base[title], base[2]))
        normal, upper = [b""], [b""]  # by group number, from 1
        parts = []
        for first_code, alts in alternatives.items():
            parts.append(re.escape(bytes([first_code])) + b"(?:" + b"|".join(a for a, _, _ in alts) + b")")
            normal += [bytes([n]) for _, n, _ in alts]
            upper += [bytes([u]) for _, _, u in alts]
        normal_t, upper_t = tuple(normal), tuple(upper)
        to_capital = bytes(capital.get(i, i) for i in range(0x100))
        pattern = re.compile(b"(?s)" + b"|".join(parts)) if parts else None
        self._pattern = pattern
        self._repl: Callable[[re.Match[bytes]], bytes] = lambda m: normal_t[m.lastindex]  # type: ignore[index]

        def caps_repl(m: re.Match[bytes]) -> bytes:
            return upper_t[m.lastindex]  # type: ignore[index]

        def repl_or_caps(m: re.Match[bytes]) -> bytes:
            if m.lastindex is not None:
                return normal_t[m.lastindex]
            run = m.group()  # an all-capital run, as Compiled.apply writes one
            if pattern is not None:
                run = pattern.sub(caps_repl, run)
            return run.translate(to_capital)

        self._repl_or_caps = repl_or_caps
        # The same, with all-capital runs matched first (and whole) by a branch without a group.
        self._pattern_caps: re.Pattern[bytes] | None = None
        if script == "Cyrl":
            up = _cls({c for ch, c in code.items() if ch.isupper()})
            caps_run = up + b"(?<!" + _RUN_BYTE + b".)" + up + b"+(?!" + _RUN_BYTE + b")"
            self._pattern_caps = re.compile(b"(?s)" + b"|".join([caps_run, *parts]))
        # Glued words: bytes.translate sorts the bytes into ASCII letter "a", run letter "r",
        # ZWNJ "z", other " "; then a few substring tests find a Latin letter touching a run, or a
        # ZWNJ not between run letters.
        kinds = bytearray(b" " * 0x100)
        for c in [*range(65, 91), *range(97, 123)]:
            kinds[c] = ord("a")
        for c in code.values():
            kinds[c] = ord("r")
        glued = []
        if "\u200c" in code:
            kinds[code["\u200c"]] = _Z
            glued += [b"az", b"za", b" z", b"z "]
        self._kinds = bytes(kinds)
        self._glued = tuple(glued)
        self._zwnj = "\u200c" in code

    def apply(self, text: str) -> str | None:
        """``text`` (NFC, all of this scheme's script) run by run, or ``None`` if it is not simple."""
        if self._norm_keys is not None and self._norm_keys.search(text):
            text = text.translate(self._norm)  # type: ignore[arg-type]
        data = charmap_encode(text, "ignore", self._emap)[0]
        if len(data) != len(text):
            return None
        kinds = data.translate(self._kinds)
        if b"ar" in kinds or b"ra" in kinds:
            return None
        if self._zwnj and b"z" in kinds and (kinds[0] == _Z or kinds[-1] == _Z or any(g in kinds for g in self._glued)):
            return None
        if self._pattern_caps is not None and not (text.istitle() or text.islower()):
            data = self._pattern_caps.sub(self._repl_or_caps, data)  # all-capital runs possible
        elif self._pattern is not None:
            data = self._pattern.sub(self._repl, data)
        return charmap_decode(data, "strict", self._latin)[0]
