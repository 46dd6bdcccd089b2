"""Robustness (issue 8): no input crashes a public function, nothing is lost, results are deterministic.

Arbitrary Unicode (control characters, lone combining marks, bidi and zero-width marks, emoji, lone
surrogates, mixed scripts, 100k-character strings) goes through every public function: only the
documented errors may escape (``NamematchError`` / ``GazetteerError``, ``TypeError`` for a non-str)
and outputs keep their invariants. The atheris targets in ``fuzz/`` check the same with coverage
guidance; the growth benchmark (``bench/bench_growth.py``) checks that time stays linear.
"""

from __future__ import annotations

import ast
import io
import json
import os
import subprocess
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import namematch
from gazetteer import DataFileError, Entity, Gazetteer, GazetteerError, GazetteerWarning
from namematch import (
    NamematchError,
    Resolver,
    compare,
    find_mentions_many,
    normalize,
    parse_name,
    phonetic_key,
    resolve_many,
    skeleton,
    skeleton_key,
    translit_key,
    transliterate,
    variants,
)
from namematch import cache as nm_cache
from namematch.cli import main
from namematch.phonetic import PHONETIC_METHODS

from .strategies import ARABIC, CYRILLIC, LATIN

ROOT = Path(__file__).resolve().parent.parent

# unidecode warns about the lone surrogates some inputs hold (it drops them), which is the point here.
pytestmark = pytest.mark.filterwarnings("ignore:Surrogate character:RuntimeWarning")

# --- strategies -------------------------------------------------------------------------------------------

CONTROL = "\x00\x01\x07\x08\t\n\x0b\x0c\r\x1b\x1c\x1f\x7f\x85\x9f"
COMBINING = "\u0300\u0301\u0308\u0327\u0331\u064b\u0650\u0670\u05b7\u0e31\u20dd"
BIDI_ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" \
                  "\u061c\u2060\ufeff\u00ad\u0640"
EMOJI = ["😀", "👨\u200d👩\u200d👧", "🇰🇿", "👍🏽", "\U000e0067", "🏳️\u200d🌈"]
OTHER = "北京東京한국語ไทยॐ\u05d0\u05d1ΑβγİıßẞǅﬀⅫ①ﷺ\U00010400\U0010ffff\ufffd\ud800\udfff'’ʻ-./,;:!?\"\\"
PIECES = ["Toqaev", "Tokayev", "Токаев", "Қасым-Жомарт", "متقی", "Amir Khan", "Nur-Sultan", "President", "al-",
          "’s", "'s", "K.", "U.S.", "of", " ", "  ", "\n", "\n\n", "-", "Kazakh"]

chars = st.one_of(
    st.characters(codec=None),  # any code point but surrogates
    st.sampled_from(CONTROL + COMBINING + BIDI_ZERO_WIDTH + OTHER + CYRILLIC + ARABIC + LATIN),
    st.sampled_from(EMOJI),
)
nasty = st.lists(st.one_of(chars, st.sampled_from(PIECES)), max_size=25).map("".join)

# Long inputs, as explicit examples (the default profile stays fast: each must run in well under a second).
LONG = [
    "a" * 100_000,                                   # one word without spaces
    "\u0301" * 100_000,                              # only combining marks
    "\u200f\u202e" * 50_000,                          # only bidi controls
    ("Ж" * 99 + " ") * 1_000,                        # long Cyrillic words
    "😀" * 100_000,
    ("x" * 49 + "-") * 2_000,                        # one hyphenated monster
]
SHORT_ODD = ["", " ", "\x00", "\u0301", "\u200b", "\ud800", "’s", "'", "-", "..", "\ufeffToqaev", "ǅ", "ﷺ", "İ"]


def examples(*values: str, rest: tuple[object, ...] = ()) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """``@example(v, *rest)`` for each value (the other arguments fixed)."""
    def wrap(fn: Callable[..., None]) -> Callable[..., None]:
        for v in values:
            fn = example(v, *rest)(fn)
        return fn
    return wrap


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()


_R: list[Resolver] = []


def shared() -> Resolver:
    """One resolver for the property tests (hypothesis forbids function-scoped fixtures)."""
    if not _R:
        _R.append(Resolver())
    return _R[0]


def _is_norm(s: str) -> bool:
    return s == "" or (s.isascii() and s == s.lower() and "  " not in s and s.strip() == s
                       and all(c.isalnum() or c == " " for c in s))


# --- the pure functions -------------------------------------------------------------------------------

@given(nasty)
@examples(*LONG, *SHORT_ODD)
def test_normalize_any_text(text: str) -> None:
    """normalize: lowercase ASCII words, single spaces, idempotent, for any text."""
    out = normalize(text)
    assert _is_norm(out), out[:80]
    assert normalize(out) == out


@given(nasty, st.sampled_from([None, "ru", "kk", "ky", "tg", "uz", "fa", "ps", "ar"]))
@examples(*LONG[:3], *SHORT_ODD, rest=(None,))
def test_transliterate_and_variants_any_text(text: str, lang: str | None) -> None:
    """transliterate returns a str (ASCII input unchanged); variants give distinct romanisations, () for Latin."""
    out = transliterate(text, lang=lang)
    assert isinstance(out, str)
    if text.isascii():
        assert out == text
    vs = variants(text, lang=lang)
    assert len({v.text for v in vs}) == len(vs)
    assert all(isinstance(v.text, str) and isinstance(v.scheme, str) for v in vs)


@given(nasty)
@examples(*LONG, *SHORT_ODD)
def test_skeleton_and_keys_any_text(text: str) -> None:
    """skeleton and the phonetic keys are ASCII strs for any text."""
    sk = skeleton(text)
    assert isinstance(sk, str) and sk.isascii()
    for key in (translit_key(text), skeleton_key(text), *(phonetic_key(text, m) for m in PHONETIC_METHODS)):
        assert isinstance(key, str) and key.isascii()


@given(nasty, nasty, st.sampled_from([None, "person", "org", "place", "country"]))
@example(LONG[0], "Amir Khan", None)
@example(LONG[3], LONG[3][:5000], "person")
@example("\u0301", "\u0301", None)
def test_compare_any_text(a: str, b: str, kind: str | None) -> None:
    """compare: a score in [0, 1], symmetric, is_match agrees with the threshold, explain() works."""
    ab, ba = compare(a, b, type=kind), compare(b, a, type=kind)
    assert 0.0 <= ab.score <= 1.0
    assert ab.score == ba.score
    assert ab.is_match == (ab.score >= ab.threshold)
    assert isinstance(ab.explain(), str)


@given(nasty, st.sampled_from([None, "person", "org", "place", "country"]))
@examples(*LONG, *SHORT_ODD, rest=("person",))
def test_parse_name_any_text(text: str, kind: str | None) -> None:
    """parse_name: tokens are normalised ASCII words with weights in [0, 1] and str keys."""
    p = parse_name(text, kind)
    for t in p.tokens:
        assert t.text and _is_norm(t.text) and " " not in t.text
        assert 0.0 <= t.weight <= 1.0
        assert isinstance(t.key, str) and isinstance(t.skeleton, str)


# --- the resolver ---------------------------------------------------------------------------------------

@given(nasty, st.sampled_from([None, 1, 5]), st.sampled_from([None, "person", ("place", "country")]),
       st.sampled_from([None, "2019-01-01"]))
@examples(*LONG[:3], *SHORT_ODD, rest=(5, None, "2019-01-01"))
def test_resolve_any_text(name: str, limit: int | None, types: object, date: str | None) -> None:
    """resolve: at most ``limit`` matches, one per entity, scores in [0, 1], ranked; best() is the first."""
    r = shared()
    found = r.resolve(name, limit=limit, types=types, date=date)  # type: ignore[arg-type]
    if limit is not None:
        assert len(found) <= limit
    assert len({m.entity.id for m in found}) == len(found)
    assert all(0.0 <= m.score <= 1.0 for m in found)
    ranks = [(not m.valid, -m.score, m.entity.id) for m in found]
    assert ranks == sorted(ranks)
    best = r.best(name, types=types, date=date)
    assert (best.entity.id if best else None) == (found[0].entity.id if found else None)
    assert all(isinstance(m.explanation, str) for m in found[:2])


@given(nasty, st.booleans(), st.booleans())
@examples(*LONG, *SHORT_ODD, "Tokayev met Mutaki in Nur-Sultan.\u202e Токаев\u0301 visited متقی 😀 " * 3,
          rest=(True, True))
def test_find_mentions_any_text(text: str, demonyms: bool, ambiguous: bool) -> None:
    """find_mentions: spans slice back, in order, without overlap; annotate is JSON; canonicalize keeps the rest."""
    r = shared()
    found = r.find_mentions(text, demonyms=demonyms, ambiguous=ambiguous)
    end = 0
    for m in found:
        assert text[m.start:m.end] == m.text and m.start < m.end
        assert m.start >= end
        assert 0.0 <= m.score <= 1.0
        assert m.form in namematch.FORMS
        end = m.end
    records = r.annotate(text, demonyms=demonyms, ambiguous=ambiguous)
    assert records == [m.to_dict() for m in found]
    json.dumps(records)
    canon = r.canonicalize(text)
    if not r.find_mentions(text):
        assert canon == text


def _name_texts() -> st.SearchStrategy[str]:
    """Sentences holding the default gazetteer's names the ways text bends them: joined, hyphenated, cased,
    with case endings (the corners where a name's words, its joined keys and its endings meet)."""
    from namematch.inflection import endings

    names = sorted({n.text for e in Gazetteer.default() for n in e.names})
    suffixes = sorted({e for table in endings().values() for e, _, _ in table})
    shaped = st.tuples(st.sampled_from(names), st.sampled_from(["", " ", "-"]), st.sampled_from(["", *suffixes]),
                       st.sampled_from([str, str.lower, str.upper, str.title]))
    word = shaped.map(lambda s: s[3](s[0].replace(" ", s[1]) + s[2]))
    return st.lists(word, min_size=1, max_size=4).map(lambda ws: "Вчера " + ", ".join(ws) + " и ещё. " + ws[0])


@settings(max_examples=150)
@given(_name_texts())
def test_find_mentions_bent_names(text: str) -> None:
    """No bent name crashes the finder, and spans slice back ("Нурсултана": a joined name with an ending)."""
    for m in shared().find_mentions(text, ambiguous=True, demonyms=True):
        assert text[m.start:m.end] == m.text


# --- errors: only the documented ones -------------------------------------------------------------------

NOT_STR = [None, 1, 1.5, b"Toqaev", ["Toqaev"], object()]


def _calls() -> list[tuple[str, Callable[[object], object]]]:
    real = shared
    return [
        ("normalize", normalize), ("transliterate", transliterate), ("variants", variants),
        ("skeleton", skeleton), ("compare", lambda x: compare(x, "a")), ("compare2", lambda x: compare("a", x)),
        ("parse_name", parse_name), ("phonetic_key", phonetic_key), ("translit_key", translit_key),
        ("skeleton_key", skeleton_key), ("resolve", lambda x: real().resolve(x)),
        ("best", lambda x: real().best(x)), ("find_mentions", lambda x: real().find_mentions(x)),
        ("annotate", lambda x: real().annotate(x)), ("canonicalize", lambda x: real().canonicalize(x)),
    ]


@pytest.mark.parametrize("value", NOT_STR, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize(("name", "call"), _calls(), ids=[n for n, _ in _calls()])
def test_a_non_str_is_a_type_error(name: str, call: Callable[[object], object], value: object) -> None:
    """Every text function rejects a non-str with TypeError (not AttributeError from deep inside)."""
    with pytest.raises(TypeError):
        call(value)


@pytest.mark.parametrize(("call", "error"), [
    (lambda: transliterate("Токаев", scheme="nope"), NamematchError),
    (lambda: transliterate("Токаев", lang="xx"), NamematchError),
    (lambda: variants("Токаев", lang="xx"), NamematchError),
    (lambda: phonetic_key("a", "nope"), ValueError),
    (lambda: compare("a", "b", threshold=2), ValueError),
    (lambda: shared().resolve("a", threshold=-1), ValueError),
    (lambda: shared().resolve("a", types="planet"), ValueError),
    (lambda: shared().resolve("a", date="2020-13-45"), ValueError),
    (lambda: shared().find_mentions("a", threshold=7), ValueError),
    (lambda: Resolver(threshold=3), ValueError),
])
def test_bad_values_raise_the_documented_errors(call: Callable[[], object], error: type[Exception]) -> None:
    """Bad option values raise the documented (ValueError-based) errors, with a message."""
    with pytest.raises(error, match=r"\w"):
        call()


# --- loaders --------------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | nasty,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(nasty, inner, max_size=4),
    max_leaves=6,
)
record_like = st.fixed_dictionaries(
    {}, optional={"id": nasty | json_values, "type": st.sampled_from(["person", "place", "org", "x"]) | json_values,
                  "name": nasty | json_values, "aliases": st.lists(nasty, max_size=3) | json_values,
                  "historical_names": json_values, "wikidata": st.just("Q1") | nasty, "ids": json_values,
                  "attributes": json_values, "demonyms": json_values})


@settings(max_examples=30)
@given(st.lists(record_like | json_values, max_size=6))
def test_from_records_keeps_or_reports_every_record(records: list[object]) -> None:
    """from_records: every item becomes an entity or a reported problem; only GazetteerError escapes (strict)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GazetteerWarning)
        g = Gazetteer.from_records(records)  # type: ignore[arg-type]
        assert len(g) + len(g.problems) == len(records)
        for e in g:
            assert Entity.from_record(e.to_record()) == e
        try:
            Gazetteer.from_records(records, strict=True)  # type: ignore[arg-type]
        except DataFileError as exc:
            assert exc.line >= 1
            assert not g.problems or exc.line == g.problems[0].line


@settings(max_examples=30)
@given(st.lists(st.one_of(record_like.map(lambda r: json.dumps(r, ensure_ascii=False)), nasty), max_size=6))
@example(['{"id": "a", "type": "person", "name": "Ab\u2028Cd"}', '{"id": "b", "type": "org", "name": "X\x85Y"}'])
def test_jsonl_lines_are_kept_or_reported(lines: list[str]) -> None:
    """loads (JSONL): every record line is an entity or a problem naming its line (U+2028 does not split)."""
    lines = [ln.replace("\n", " ").replace("\r", " ") for ln in lines]
    text = "\n".join(lines)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GazetteerWarning)
        g = Gazetteer.loads(text)
    counted = [i for i, ln in enumerate(lines, 1) if ln.strip() and not ln.strip().startswith("//")]
    assert len(g) + len(g.problems) == len(counted)
    assert {p.line for p in g.problems} <= set(counted)


@given(st.binary(max_size=300) | nasty.map(lambda s: s.encode("utf-8", "surrogatepass")),
       st.sampled_from([".jsonl", ".json", ".csv"]), st.booleans())
@example(b"\xff\xfe{bad", ".jsonl", False)
@example(b"[" * 100_000, ".json", False)
@example(b"{" * 100_000, ".json", False)
@example(b"id,type,name\n" + b'"' * 100_000, ".csv", False)
def test_load_any_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes, fmt: str, strict: bool) -> None:
    """Gazetteer.load / loads on any bytes: a gazetteer (problems listed) or a GazetteerError, nothing else."""
    path = tmp_path_factory.mktemp("g") / f"any{fmt}"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", GazetteerWarning)
        for load in (lambda: Gazetteer.load(path, strict=strict),
                     lambda: Gazetteer.loads(data.decode("utf-8", "replace"), fmt=fmt, strict=strict)):
            try:
                g = load()
            except GazetteerError:
                assert strict
                continue
            assert all(isinstance(e, Entity) for e in g)


def test_loaders_never_execute_or_unpickle_data() -> None:
    """gazetteer/ never imports pickle/marshal/shelve nor calls eval/exec/__import__ (data is only parsed)."""
    banned_modules = {"pickle", "marshal", "shelve", "dill", "cloudpickle", "yaml"}
    for path in sorted((ROOT / "gazetteer").rglob("*.py")):
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not {a.name.split(".")[0] for a in node.names} & banned_modules, path
            elif isinstance(node, ast.ImportFrom):
                assert (node.module or "").split(".")[0] not in banned_modules, path
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("eval", "exec", "__import__", "compile"), (path, node.lineno)


# --- the on-disk cache ------------------------------------------------------------------------------------

@given(st.binary(max_size=200), st.booleans())
def test_cache_entry_of_any_bytes_is_never_trusted(tmp_path_factory: pytest.TempPathFactory, junk: bytes,
                                                   with_header: bool) -> None:
    """Any bytes under an entry's name (even behind a right magic, version and key) load as None, never raise."""
    d = tmp_path_factory.mktemp("cache")
    d.chmod(0o700)
    key = "ab" * 32
    data = junk
    if with_header:
        # A header that matches the key, with a checksum of other bytes: must fail the checksum.
        data = nm_cache._HEADER.pack(nm_cache.MAGIC, nm_cache.FORMAT_VERSION, bytes.fromhex(key),
                                     b"\0" * 32, len(junk)) + junk
    entry = d / f"{key[:32]}.idx"
    entry.write_bytes(data)
    entry.chmod(0o600)
    assert nm_cache.load_index(key, directory=d) is None


def test_cache_entry_with_a_checksummed_non_pickle_is_rebuilt(tmp_path: Path) -> None:
    """A well-formed header and checksum over bytes that are no pickle: load gives None, the resolver rebuilds."""
    import hashlib

    key = "cd" * 32
    payload = b"not a pickle at all \x80\x05"
    tmp_path.chmod(0o700)
    entry = tmp_path / f"{key[:32]}.idx"
    entry.write_bytes(nm_cache._HEADER.pack(nm_cache.MAGIC, nm_cache.FORMAT_VERSION, bytes.fromhex(key),
                                            hashlib.sha256(payload).digest(), len(payload)) + payload)
    entry.chmod(0o600)
    assert nm_cache.load_index(key, directory=tmp_path) is None


# --- determinism ----------------------------------------------------------------------------------------

QUERIES = ["Qasym-Zhomart Toqaev", "Tokajew", "Токаев", "Mutaki", "متقی", "Ghani", "Amir Khan", "Nur-Sultan",
           "Akmola", "Kazakh", "Taliban", "Osh", "Khan", "Ali", "Zzyzx Qwertyuiop", "\u0301\u200f😀", "K. Tokayev"]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))[:12]]


_SCRIPT = r"""
import json, sys
from pathlib import Path
from namematch import Resolver, compare
queries = json.loads(sys.argv[1])
r = Resolver()
out = {"resolve": [[(m.entity.id, m.score, m.name.text, m.form, m.via) for m in r.resolve(q, limit=None)]
                   for q in queries],
       "mentions": [[(m.start, m.end, m.entity.id, m.score, m.form, m.ambiguous)
                     for m in r.find_mentions(Path(p).read_text(encoding="utf-8"), ambiguous=True, demonyms=True)]
                    for p in sys.argv[2:]],
       "compare": [compare(a, b).score for a in queries[:8] for b in queries[:8]]}
print(json.dumps(out, sort_keys=True))
"""


def test_same_output_across_hash_seeds(tmp_path: Path) -> None:
    """A fixed script over a fixed corpus prints the same bytes under three PYTHONHASHSEED values (index
    built in each process, no cache: set and dict order may not leak into results)."""
    files = [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))[:8]]
    procs = []
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "NAMEMATCH_NO_CACHE": "1",
               "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
        procs.append(subprocess.Popen([sys.executable, "-c", _SCRIPT, json.dumps(QUERIES), *files],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path))
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err.decode()[-2000:]
        outs.append(out)
    assert outs[0] == outs[1] == outs[2]
    assert json.loads(outs[0])["mentions"]  # the corpus does hold mentions


def test_same_output_across_runs_and_process_pools(resolver: Resolver) -> None:
    """resolve_many with 2 worker processes == 1 worker == a second run; find_mentions_many == single calls."""
    names = [*QUERIES, "", " ", "\x00", "ǅ" * 3, LONG[3][:2000]]
    one = resolve_many(names, resolver, workers=1, limit=None)
    assert resolve_many(names, resolver, workers=1, limit=None) == one
    assert resolve_many(names, resolver, workers=2, chunksize=3, limit=None) == one
    # (find_mentions_many with workers=2 on the seed texts: tests/test_batch.py)
    texts = [*_texts()[:3], *SHORT_ODD]
    assert find_mentions_many(texts, resolver, workers=1, ambiguous=True) == \
        [resolver.find_mentions(t, ambiguous=True) for t in texts]


# --- concurrency ----------------------------------------------------------------------------------------

def test_one_resolver_shared_by_8_threads(resolver: Resolver) -> None:
    """8 threads on one fresh resolver (so the mention tables are built lazily under contention) give
    exactly the single-threaded results, for resolve and find_mentions."""
    texts = _texts()
    expected_r = [resolver.resolve(q, limit=None) for q in QUERIES]
    expected_m = [resolver.find_mentions(t, ambiguous=True) for t in texts]
    fresh = Resolver._from_index(resolver.gazetteer, resolver.index)  # same index, no mention tables yet
    assert "_finder" not in fresh.__dict__
    barrier = threading.Barrier(8)
    results: dict[int, tuple[list[object], list[object]]] = {}
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            barrier.wait()
            order = texts[k % len(texts):] + texts[:k % len(texts)]  # each thread starts on another text
            got_m = {t: fresh.find_mentions(t, ambiguous=True) for t in order}
            got_r = [fresh.resolve(q, limit=None) for q in QUERIES]
            results[k] = (got_r, [got_m[t] for t in texts])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(old)
    assert not errors, errors
    for k in range(8):
        assert results[k][0] == expected_r, k
        assert results[k][1] == expected_m, k


# --- the command: records out + errors reported == records in -------------------------------------------

@pytest.fixture(scope="module")
def cli_resolver(resolver: Resolver) -> Iterator[None]:
    """main() gets the module's resolver instead of loading one per call (the stream is what is tested)."""
    with mock.patch.object(nm_cache, "cached_resolver", lambda *a, **k: resolver):
        yield


_good_names = st.sampled_from(["Toqaev", "Tokajew", "Mutaki", "Zzyzx", "Нур-Султан", "Ghani", "Akmola"]) | \
    st.text(alphabet=LATIN + CYRILLIC + ARABIC + " -'’", min_size=1, max_size=12).filter(str.strip)
_bad_bytes = st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xfe\xff", b"\x80abc"])


@st.composite
def broken_stream(draw: st.DrawFn, mode: str) -> tuple[list[str], bytes, int]:
    """(argv, stdin bytes, records in): generated lines, some of them broken in the ways real files are."""
    n = draw(st.integers(0, 12))
    lines: list[bytes] = []
    for i in range(n):
        name = draw(_good_names)
        broken = draw(st.sampled_from(["ok", "ok", "ok", "utf8", "empty", "blank", "nul", "odd"]))
        if mode == "csv":
            line = f"{i},{name},x".encode()
            if broken == "odd":
                line = draw(st.sampled_from([f"{i},{name}", f"{i},{name},x,y", f'{i},"{name}', f'{i},"{name}"z,x',
                                             f"{i},{name}\r,x", f"{i},,x"])).encode()
        elif mode == "jsonl":
            line = json.dumps({"id": i, "who": name}, ensure_ascii=draw(st.booleans())).encode()
            if broken == "odd":
                line = draw(st.sampled_from([line[:-1], b"[1, 2]", b'{"id": 1}', b'{"who": 5}', b'{"who": " "}',
                                             b"[" * 5000, b'{"who": "a"} x', b"null"]))
        else:
            line = name.encode()
        if broken == "utf8":
            cut = draw(st.integers(0, len(line)))
            line = line[:cut] + draw(_bad_bytes) + line[cut:]
        elif broken == "empty":
            line = b""
        elif broken == "blank":
            line = b" \t "
        elif broken == "nul":
            line = line + b"\x00"
        lines.append(line.replace(b"\n", b" "))
    crlf = draw(st.booleans())
    end = b"\r\n" if crlf else b"\n"
    argv = {"plain": [], "jsonl": ["--field", "who"], "csv": ["--column", "who"]}[mode]
    header = [b"id,who,extra"] if mode == "csv" else []
    # A final line without its line break is still a line, unless it is empty (then it is no line at all).
    last_break = bool(lines) and (lines[-1] == b"" or draw(st.booleans()))
    body = end.join(header + lines) + (end if last_break else b"")
    return argv, body, n


@pytest.mark.parametrize("mode", ["plain", "jsonl", "csv"])
@settings(max_examples=25)
@given(data=st.data())
def test_command_loses_no_record(cli_resolver: None, mode: str, data: st.DataObject) -> None:
    """The resolve command on broken input: records written + problems reported == records read."""
    argv, body, n = data.draw(broken_stream(mode))
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(body), encoding="utf-8", errors="strict")
    status = main([*argv, "--format", "jsonl", "--limit", "2"], stdin=stdin, stdout=out, stderr=err)
    written = [json.loads(ln) for ln in out.getvalue().splitlines()]
    problems = [ln for ln in err.getvalue().splitlines() if ln.startswith("resolve: <stdin>:")]
    assert len(written) + len(problems) == n, (body, out.getvalue(), err.getvalue())
    assert status in (0, 1)
    assert status == (0 if not problems and all(w.get("match") for w in written) else 1)
    lines_reported = [int(ln.split(":")[2]) for ln in problems]
    assert lines_reported == sorted(lines_reported)
