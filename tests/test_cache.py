"""The on-disk index cache: used when valid, rebuilt when stale, corrupt or untrusted; pickling."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import stat
import sys
from pathlib import Path

import pytest

from gazetteer import Gazetteer
from namematch import Resolver, cached_resolver
from namematch import cache as nm_cache
from namematch.index import NameIndex

ENTITIES = [
    {"id": "example-person", "type": "person", "name": "Example Person", "aliases": ["E. Person"]},
    {"id": "sample-city", "type": "place", "name": "Sample City",
     "historical_names": [{"text": "Old Sample", "valid_to": "1990"}]},
    {"id": "demo-org", "type": "org", "name": "Demo Organisation", "abbreviations": ["DO"]},
]
QUERIES = ["Example Person", "Exampel Persn", "Sample City", "Old Sample", "Demo Organisation", "Nothing Here"]

HEADER = nm_cache._HEADER


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NAMEMATCH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NAMEMATCH_NO_CACHE", raising=False)
    monkeypatch.delenv("NAMEMATCH_CACHE_DEBUG", raising=False)


@pytest.fixture
def gaz_file(tmp_path: Path) -> Path:
    p = tmp_path / "mine.jsonl"
    p.write_text("".join(json.dumps(e) + "\n" for e in ENTITIES), encoding="utf-8")
    return p


def _answers(r: Resolver) -> list[list[tuple[str, float]]]:
    return [[(m.entity.id, round(m.score, 6)) for m in r.resolve(q)] for q in QUERIES]


def _no_build(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*a: object, **k: object) -> None:
        raise AssertionError("the index was rebuilt instead of loaded from the cache")
    monkeypatch.setattr(NameIndex, "__init__", refuse)


def _entry(tmp_path: Path) -> Path:
    (entry,) = (tmp_path / "cache").glob("*.idx")
    return entry


def test_hit_loads_the_same_index_without_building(gaz_file: Path, monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    """The second resolver comes from the cache (no build) and answers exactly as the first."""
    oracle = _answers(Resolver(Gazetteer.load(gaz_file)))
    first = cached_resolver([gaz_file], default=False)
    assert first._cache_key
    _no_build(monkeypatch)
    second = cached_resolver([gaz_file], default=False)
    assert second._cache_key == first._cache_key
    assert _answers(second) == _answers(first) == oracle
    assert second.gazetteer == first.gazetteer


def test_files_and_directory_are_private(gaz_file: Path, tmp_path: Path) -> None:
    """The entry is 0600 in a 0700 directory, and no temporary file is left behind."""
    cached_resolver([gaz_file], default=False)
    d = tmp_path / "cache"
    assert [p.name for p in d.iterdir()] == [_entry(tmp_path).name]
    if os.name == "posix":
        assert stat.S_IMODE(d.stat().st_mode) == 0o700
        assert stat.S_IMODE(_entry(tmp_path).stat().st_mode) == 0o600


def test_stale_when_the_data_changes(gaz_file: Path, tmp_path: Path) -> None:
    """Editing a gazetteer file changes the key: the new data is used, never the old index."""
    old = cached_resolver([gaz_file], default=False)
    assert old.best("Another Entity") is None
    gaz_file.write_text(gaz_file.read_text() + json.dumps(
        {"id": "another", "type": "person", "name": "Another Entity"}) + "\n")
    new = cached_resolver([gaz_file], default=False)
    assert new._cache_key != old._cache_key
    assert new.best("Another Entity").entity.id == "another"


def test_stale_when_the_library_data_changes(gaz_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The key covers the package's own code and data tables (its fingerprint)."""
    before = nm_cache.cache_key([gaz_file], default=False)
    monkeypatch.setattr(nm_cache, "_fingerprint", lambda: b"another version of the data tables")
    assert nm_cache.cache_key([gaz_file], default=False) != before
    assert nm_cache.cache_key([gaz_file], default=True) != nm_cache.cache_key([gaz_file], default=False)
    assert nm_cache.cache_key([gaz_file], romanisations=False) != nm_cache.cache_key([gaz_file])


def test_entry_under_another_key_is_not_used(gaz_file: Path, tmp_path: Path) -> None:
    """A file whose header names another key is stale, even under the right file name."""
    r = cached_resolver([gaz_file], default=False)
    other = hashlib.sha256(b"other").hexdigest()
    (tmp_path / "cache" / f"{other[:32]}.idx").write_bytes(_entry(tmp_path).read_bytes())
    assert nm_cache.load_index(other) is None
    assert nm_cache.load_index(r._cache_key) is not None


def _corrupt(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["payload", "checksum", "magic", "version", "length", "truncated", "empty"])
def test_corrupt_entries_are_rebuilt(where: str, gaz_file: Path, tmp_path: Path) -> None:
    """A damaged entry is ignored (never unpickled as is), and the next resolver rebuilds and rewrites it."""
    good = cached_resolver([gaz_file], default=False)
    entry = _entry(tmp_path)
    size = entry.stat().st_size
    if where == "payload":
        _corrupt(entry, size - 10)
    elif where == "checksum":
        _corrupt(entry, 8 + 2 + 32)
    elif where == "magic":
        _corrupt(entry, 0)
    elif where == "version":
        _corrupt(entry, 9)
    elif where == "length":
        _corrupt(entry, HEADER.size - 1)
    elif where == "truncated":
        entry.write_bytes(entry.read_bytes()[: size // 2])
    else:
        entry.write_bytes(b"")
    assert nm_cache.load_index(good._cache_key) is None
    again = cached_resolver([gaz_file], default=False)
    assert _answers(again) == _answers(good)
    assert nm_cache.load_index(good._cache_key) is not None  # rewritten


# A payload that records being unpickled: it must never be, from an untrusted place.
UNPICKLED: list[str] = []


def _mark(tag: str) -> str:
    UNPICKLED.append(tag)
    return tag


class _Trap:
    def __reduce__(self) -> tuple[object, ...]:
        return _mark, ("unpickled",)


def _plant(directory: Path, key: str) -> Path:
    """A well-formed entry (right magic, key and checksum) holding the trap."""
    payload = pickle.dumps(_Trap())
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = directory / f"{key[:32]}.idx"
    path.write_bytes(HEADER.pack(nm_cache.MAGIC, nm_cache.FORMAT_VERSION, bytes.fromhex(key),
                                 hashlib.sha256(payload).digest(), len(payload)) + payload)
    path.chmod(0o600)
    return path


KEY = hashlib.sha256(b"k").hexdigest()

posix_only = pytest.mark.skipif(not hasattr(os, "getuid"), reason="ownership and mode bits are POSIX")


def test_trap_payload_is_unpickled_when_trusted(tmp_path: Path) -> None:
    """Control for the tests below: a well-formed entry is unpickled (and then rejected: no NameIndex)."""
    UNPICKLED.clear()
    _plant(tmp_path / "cache", KEY)
    assert nm_cache.load_index(KEY) is None
    assert UNPICKLED == ["unpickled"]


@posix_only
@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666])
def test_file_writable_by_others_is_never_unpickled(mode: int, tmp_path: Path) -> None:
    """A group- or world-writable entry is not read at all."""
    UNPICKLED.clear()
    _plant(tmp_path / "cache", KEY).chmod(mode)
    assert nm_cache.load_index(KEY) is None
    assert UNPICKLED == []


@posix_only
@pytest.mark.parametrize("mode", [0o770, 0o777, 0o1777])
def test_directory_writable_by_others_is_never_used(mode: int, tmp_path: Path, gaz_file: Path) -> None:
    """Nothing is read from (or written to) a directory others can write."""
    UNPICKLED.clear()
    d = tmp_path / "cache"
    _plant(d, KEY)
    d.chmod(mode)
    assert nm_cache.load_index(KEY) is None
    assert UNPICKLED == []
    r = cached_resolver([gaz_file], default=False)  # still works, builds in memory
    assert r.best("Example Person").entity.id == "example-person"
    assert not r._cache_key
    assert len(list(d.glob("*.idx"))) == 1


@posix_only
def test_file_of_another_user_is_never_unpickled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry (or directory) owned by another uid is not trusted."""
    UNPICKLED.clear()
    _plant(tmp_path / "cache", KEY)
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)
    assert nm_cache.load_index(KEY) is None
    assert UNPICKLED == []


@posix_only
def test_symlinked_entry_is_not_followed(tmp_path: Path) -> None:
    """The entry is opened without following a symlink (someone could point it anywhere)."""
    UNPICKLED.clear()
    real = _plant(tmp_path / "elsewhere", KEY)
    d = tmp_path / "cache"
    d.mkdir(mode=0o700)
    (d / real.name).symlink_to(real)
    assert nm_cache.load_index(KEY) is None
    assert UNPICKLED == []


def test_unwritable_cache_directory_falls_back_to_building(gaz_file: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """When the cache cannot be created, the resolver is built in memory and works."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("NAMEMATCH_CACHE_DIR", str(blocker / "cache"))
    r = cached_resolver([gaz_file], default=False)
    assert r.best("Example Person").entity.id == "example-person"
    assert not r._cache_key
    assert nm_cache.store_index(KEY, r.index) is False


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_cache_directory_falls_back_to_building(gaz_file: Path, tmp_path: Path) -> None:
    """A read-only cache directory: no entry, no error."""
    d = tmp_path / "cache"
    d.mkdir(mode=0o500)
    r = cached_resolver([gaz_file], default=False)
    assert r.best("Example Person").entity.id == "example-person"
    assert list(d.iterdir()) == []


def test_cache_can_be_turned_off(gaz_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """NAMEMATCH_NO_CACHE=1 and cache=False neither read nor write the cache."""
    cached_resolver([gaz_file], default=False, cache=False)
    monkeypatch.setenv("NAMEMATCH_NO_CACHE", "1")
    r = cached_resolver([gaz_file], default=False)
    assert r.best("Example Person").entity.id == "example-person"
    assert not (tmp_path / "cache").exists()


def test_unreadable_gazetteer_is_reported_by_the_loader(tmp_path: Path) -> None:
    """A missing file is the loader's clear error (path and problem), not a cache error."""
    from gazetteer import DataFileError

    with pytest.raises(DataFileError, match=r"missing\.jsonl"):
        cached_resolver([tmp_path / "missing.jsonl"], default=False)


def test_bad_records_are_reported_on_a_hit_too(tmp_path: Path) -> None:
    """The gazetteer's problems (path:line) travel with the cached index."""
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps(ENTITIES[0]) + "\n{oops\n")
    with pytest.warns(UserWarning):
        miss = cached_resolver([p], default=False)
    with pytest.warns(UserWarning):
        hit = cached_resolver([p], default=False)
    assert hit._cache_key == miss._cache_key
    assert [str(x) for x in hit.gazetteer.problems] == [str(x) for x in miss.gazetteer.problems]
    assert str(hit.gazetteer.problems[0]).startswith(f"{p}:2:")


def test_old_entries_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The directory keeps the most recently used entries only (by count, then by total size)."""
    index = NameIndex(Gazetteer.from_records(ENTITIES))
    keys = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(nm_cache._MAX_ENTRIES + 3)]
    for i, k in enumerate(keys):
        assert nm_cache.store_index(k, index)
        os.utime(tmp_path / "cache" / f"{k[:32]}.idx", (1000 + i, 1000 + i))
    nm_cache.store_index(keys[-1], index)
    left = {p.name for p in (tmp_path / "cache").glob("*.idx")}
    assert len(left) == nm_cache._MAX_ENTRIES
    assert f"{keys[0][:32]}.idx" not in left
    monkeypatch.setattr(nm_cache, "_MAX_BYTES", 1)
    nm_cache.store_index(keys[0], index)
    assert [p.name for p in (tmp_path / "cache").glob("*.idx")] == [f"{keys[0][:32]}.idx"]


def test_cache_dir_locations(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """NAMEMATCH_CACHE_DIR wins; else XDG_CACHE_HOME, ~/.cache, or ~/Library/Caches on macOS."""
    assert nm_cache.cache_dir() == tmp_path / "cache"
    monkeypatch.delenv("NAMEMATCH_CACHE_DIR")
    if os.name == "nt":  # pragma: no cover
        assert nm_cache.cache_dir().parts[-2:] == ("namematch", "Cache")
        return
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(sys, "platform", "linux")
    assert nm_cache.cache_dir() == tmp_path / "xdg" / "namematch"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    assert nm_cache.cache_dir() == tmp_path / "home" / ".cache" / "namematch"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert nm_cache.cache_dir() == tmp_path / "home" / "Library" / "Caches" / "namematch"


# -- pickling -----------------------------------------------------------------------------------------------

def test_gazetteer_pickles() -> None:
    """The default gazetteer survives a pickle round trip (ids and attributes included)."""
    g = Gazetteer.default()
    g2 = pickle.loads(pickle.dumps(g))
    assert g2 == g
    assert [dict(e.ids) for e in g2] == [dict(e.ids) for e in g]
    assert [dict(e.attributes) for e in g2] == [dict(e.attributes) for e in g]


def test_resolver_pickle_round_trip_loads_the_index_from_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pickled resolver gives identical results; unpickling loads the cached index (no rebuild)."""
    r = Resolver(Gazetteer.from_records(ENTITIES), threshold=0.75, max_candidates=8)
    data = pickle.dumps(r)
    assert len(data) < len(pickle.dumps(r.index))  # the index does not travel
    _no_build(monkeypatch)
    r2 = pickle.loads(data)
    assert type(r2) is Resolver
    assert (r2.threshold, r2.max_candidates, r2.romanisations) == (0.75, 8, True)
    assert _answers(r2) == _answers(r)


def test_resolver_pickles_without_a_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the cache off the index is rebuilt on unpickling, with the same results."""
    monkeypatch.setenv("NAMEMATCH_NO_CACHE", "1")
    r = Resolver(Gazetteer.from_records(ENTITIES))
    r2 = pickle.loads(pickle.dumps(r))
    assert _answers(r2) == _answers(r)


def test_default_resolver_pickle_round_trip(tmp_path_factory: pytest.TempPathFactory,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The embedded gazetteer's resolver: same answers after a round trip."""
    # The session's shared cache (as in test_cli.py): the default index is built once per session.
    monkeypatch.setenv("NAMEMATCH_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "namematch-cache"))
    r = cached_resolver()
    r2 = pickle.loads(pickle.dumps(r))
    names = ["Qasym-Zhomart Toqaev", "Tokajew", "Нур-Султан", "Amir Jan Mutaki", "Zzyzx Qwertyuiop"]
    assert [[(m.entity.id, m.score) for m in r2.resolve(n)] for n in names] == \
           [[(m.entity.id, m.score) for m in r.resolve(n)] for n in names]
