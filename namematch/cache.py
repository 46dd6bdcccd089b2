"""An on-disk cache of built resolver indexes, so that a fresh process starts fast.

Building the :class:`~namematch.index.NameIndex` of the embedded gazetteer takes most of a
second; loading a built one takes about a tenth. :func:`cached_resolver` loads the index
from the cache when its key matches and builds (and stores) it otherwise.

* Key: a SHA-256 of the package version, the Python version, every file of the
  ``namematch`` and ``gazetteer`` packages (code, data tables, transliteration schemes,
  the embedded gazetteer), the bytes and paths of the gazetteer files given, and the
  index options. Any change to any of them is a different key, so a stale index is never
  used; it is rebuilt.
* Place: ``$NAMEMATCH_CACHE_DIR``, else the user's cache directory
  (``$XDG_CACHE_HOME/namematch`` or ``~/.cache/namematch``; ``~/Library/Caches/namematch``
  on macOS; ``%LOCALAPPDATA%\\namematch\\Cache`` on Windows). ``NAMEMATCH_NO_CACHE=1``
  turns the cache off; ``NAMEMATCH_CACHE_DEBUG=1`` says on stderr why an entry was not used.
* File: ``<key>.idx`` = magic, format version, key, SHA-256 of the payload, payload length,
  payload (a pickle). Everything before the payload is checked before it is unpickled.
* Trust: a pickle runs code when loaded, so it is only read from a directory and a file
  owned by the current user that nobody else can write (POSIX: owner uid and no group or
  other write bit; the file is opened without following symlinks). Entries are written to a
  temporary file (mode 0600, in a 0700 directory) and renamed into place atomically.
  A stale, corrupt or untrusted entry is ignored and rebuilt; any cache error (full disk,
  unwritable directory) just means the index is built in memory as without a cache.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import stat
import struct
import sys
import time
import warnings
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gazetteer import Gazetteer, GazetteerError, GazetteerWarning

from .similarity import DEFAULT_THRESHOLD

if TYPE_CHECKING:
    from .index import NameIndex
    from .resolver import Resolver

__all__ = ["cache_dir", "cache_enabled", "cache_key", "cached_resolver", "load_index", "store_index"]

MAGIC = b"NMINDEX\n"
FORMAT_VERSION = 1
_HEADER = struct.Struct(">8sH32s32sQ")  # magic, format version, key, payload sha256, payload length
_MAX_ENTRIES = 32          # entries kept per cache directory, the most recently used ...
_MAX_BYTES = 512 * 2**20   # ... up to this total size (the newest entry is always kept)
_PROTOCOL = 5


def cache_enabled() -> bool:
    """False when ``NAMEMATCH_NO_CACHE`` is set (to anything but ``""`` or ``"0"``)."""
    return os.environ.get("NAMEMATCH_NO_CACHE", "") in ("", "0")


def cache_dir() -> Path:
    """Where cached indexes live: ``$NAMEMATCH_CACHE_DIR`` or the platform's user cache directory."""
    explicit = os.environ.get("NAMEMATCH_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "namematch" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "namematch"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base_dir = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    return base_dir / "namematch"


def _debug(message: str) -> None:
    if os.environ.get("NAMEMATCH_CACHE_DEBUG", "") not in ("", "0"):
        print(f"namematch cache: {message}", file=sys.stderr)


@lru_cache(maxsize=1)
def _fingerprint() -> bytes:
    """A digest of everything the pickled index depends on besides the user's files: the
    interpreter, attrs, and every file of both packages (code and data tables)."""
    import attr._make  # attrs' pickling code (its __version__ would cost 20 ms of importlib.metadata)

    from . import __version__

    st = os.stat(attr._make.__file__)
    h = hashlib.sha256()
    h.update(f"namematch {__version__} format {FORMAT_VERSION} python {sys.version} "
             f"attrs {attr._make.__file__} {st.st_size} {st.st_mtime_ns}\0".encode())
    here = Path(__file__).resolve().parent
    import gazetteer

    for root in (here, Path(gazetteer.__file__).resolve().parent):
        files = sorted(p for p in root.rglob("*")
                       if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc", ".pyo"))
        for p in files:
            h.update(f"{root.name}/{p.relative_to(root).as_posix()}\0".encode())
            h.update(p.read_bytes())
            h.update(b"\0")
    return h.digest()


def _options(romanisations: bool) -> bytes:
    return f"romanisations={bool(romanisations)}\0".encode()


def cache_key(gazetteer_paths: Iterable[str | os.PathLike[str]] = (), *, default: bool = True,
              romanisations: bool = True) -> str:
    """The key of the index over the default gazetteer (if ``default``) merged with these files.

    Raises :class:`OSError` when a file cannot be read.
    """
    h = hashlib.sha256(b"paths\0")
    h.update(_fingerprint())
    h.update(_options(romanisations))
    h.update(b"default\0" if default else b"no-default\0")
    for p in gazetteer_paths:
        h.update(os.fspath(p).encode("utf-8", "surrogateescape") + b"\0")  # as given: it is in messages
        file_hash = hashlib.sha256()
        with open(p, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                file_hash.update(chunk)
        h.update(file_hash.digest())
    return h.hexdigest()


def _content_key(gazetteer: Gazetteer, romanisations: bool) -> str:
    """The key of the index over this gazetteer object (for resolvers built in memory)."""
    h = hashlib.sha256(b"content\0")
    h.update(_fingerprint())
    h.update(_options(romanisations))
    h.update(pickle.dumps(gazetteer, protocol=_PROTOCOL))
    return h.hexdigest()


def _path(directory: Path, key: str) -> Path:
    return directory / f"{key[:32]}.idx"


def _untrusted(st: os.stat_result, kind: str) -> str | None:
    """Why a file or directory must not be trusted, or None."""
    if kind == "dir" and not stat.S_ISDIR(st.st_mode):
        return "not a directory"
    if kind == "file" and not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    if hasattr(os, "getuid"):
        if st.st_uid != os.getuid():
            return f"owned by uid {st.st_uid}, not by the current user ({os.getuid()})"
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return f"writable by others (mode {stat.S_IMODE(st.st_mode):o})"
    return None


def _read(key: str, directory: Path) -> bytes | None:
    """The verified payload of the entry for ``key``, or None (with the reason for debugging)."""
    why = _untrusted(os.stat(directory), "dir")
    if why:
        _debug(f"{directory}: {why}; not used")
        return None
    path = _path(directory, key)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as f:
        why = _untrusted(os.fstat(f.fileno()), "file")
        if why:
            _debug(f"{path}: {why}; not used")
            return None
        data = f.read()
    if len(data) < _HEADER.size:
        _debug(f"{path}: truncated header; rebuilding")
        return None
    magic, version, file_key, digest, length = _HEADER.unpack_from(data)
    payload = memoryview(data)[_HEADER.size:]
    if magic != MAGIC or version != FORMAT_VERSION:
        _debug(f"{path}: not a format-{FORMAT_VERSION} index file; rebuilding")
    elif file_key != bytes.fromhex(key):
        _debug(f"{path}: stale (another key); rebuilding")
    elif len(payload) != length or hashlib.sha256(payload).digest() != digest:
        _debug(f"{path}: checksum mismatch; rebuilding")
    else:
        with contextlib.suppress(OSError):
            os.utime(path)  # least recently used entries are pruned first
        return bytes(payload)
    return None


def _present(key: str, directory: Path) -> bool:
    """Whether an entry for ``key`` exists (header only; :func:`load_index` verifies the rest)."""
    try:
        with open(_path(directory, key), "rb") as f:
            head = f.read(_HEADER.size)
        return len(head) == _HEADER.size and _HEADER.unpack(head)[2] == bytes.fromhex(key)
    except OSError:
        return False


def load_index(key: str, *, directory: str | os.PathLike[str] | None = None) -> NameIndex | None:
    """The cached index for ``key``, or None when there is none, or it is stale, corrupt or untrusted."""
    from .index import NameIndex, settle

    enabled = gc.isenabled()
    try:
        payload = _read(key, Path(directory) if directory is not None else cache_dir())
        if payload is None:
            return None
        gc.disable()  # tens of thousands of small objects: the collector would run many times for nothing
        try:
            index = pickle.loads(payload)
        finally:
            if enabled:
                gc.enable()
    except Exception as exc:  # any cache problem means: build it instead
        _debug(f"load failed ({type(exc).__name__}: {exc}); rebuilding")
        return None
    if not isinstance(index, NameIndex):
        _debug(f"entry {key[:32]} holds a {type(index).__name__}, not a NameIndex; rebuilding")
        return None
    if enabled:
        settle(index)
    lex = getattr(index, "lexicon", None)
    if lex is not None:   # built from the same tables: the key covers every file of the package
        from .lexicon import install

        install(lex)
    return index


def store_index(key: str, index: NameIndex, *, directory: str | os.PathLike[str] | None = None) -> bool:
    """Write ``index`` under ``key`` (atomically, mode 0600); False if the cache cannot be written."""
    import tempfile

    try:
        d = Path(directory) if directory is not None else cache_dir()
        d.mkdir(mode=0o700, parents=True, exist_ok=True)
        why = _untrusted(os.stat(d), "dir")
        if why:
            _debug(f"{d}: {why}; not writing there")
            return False
        payload = pickle.dumps(index, protocol=_PROTOCOL)
        header = _HEADER.pack(MAGIC, FORMAT_VERSION, bytes.fromhex(key), hashlib.sha256(payload).digest(),
                              len(payload))
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".idx", dir=d)  # created 0600
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(header)
                f.write(payload)
            os.replace(tmp, _path(d, key))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _prune(d)
    except Exception as exc:
        _debug(f"store failed ({type(exc).__name__}: {exc})")
        return False
    return True


def _prune(directory: Path) -> None:
    """Keep the most recently used entries (by count and size); drop temporary files a crash left."""
    now = time.time()
    entries = []
    for p in directory.iterdir():
        with contextlib.suppress(OSError):
            if p.name.startswith(".tmp-") and now - p.stat().st_mtime > 3600:
                p.unlink()
            elif p.suffix == ".idx" and not p.name.startswith("."):
                st = p.stat()
                entries.append((st.st_mtime, st.st_size, p))
    entries.sort(reverse=True)
    total = 0
    for i, (_, size, p) in enumerate(entries):
        total += size
        if i > 0 and (i >= _MAX_ENTRIES or total > _MAX_BYTES):
            with contextlib.suppress(OSError):
                p.unlink()


def load_gazetteer(gazetteer_paths: Iterable[str | os.PathLike[str]] = (), *, default: bool = True) -> Gazetteer:
    """The default gazetteer (if ``default``) with these files merged over it, in order."""
    parts = [Gazetteer.default()] if default else []
    parts += [Gazetteer.load(os.fspath(p)) for p in gazetteer_paths]
    if not parts:
        raise GazetteerError("no gazetteer: without the default one, give at least one gazetteer file")
    return parts[0].merge(*parts[1:])


def cached_resolver(
    gazetteer_paths: Iterable[str | os.PathLike[str]] = (),
    *,
    default: bool = True,
    threshold: float = DEFAULT_THRESHOLD,
    max_candidates: int = 16,
    romanisations: bool = True,
    cache: bool | None = None,
    directory: str | os.PathLike[str] | None = None,
) -> Resolver:
    """A :class:`~namematch.Resolver` over the default gazetteer and ``gazetteer_paths``, its index
    loaded from the on-disk cache when the key matches, else built and stored.

    ``cache=False`` (or ``NAMEMATCH_NO_CACHE=1`` when ``cache`` is None) builds without the cache;
    ``directory`` overrides :func:`cache_dir`. Bad gazetteer records are reported as by
    :meth:`Gazetteer.load` (``.gazetteer.problems`` and a :class:`GazetteerWarning`).
    """
    from .resolver import Resolver

    paths = list(gazetteer_paths)
    options: dict[str, Any] = {"threshold": threshold, "max_candidates": max_candidates,
                               "romanisations": romanisations}
    use = cache_enabled() if cache is None else cache
    key = None
    if use:
        try:
            key = cache_key(paths, default=default, romanisations=romanisations)
        except Exception as exc:  # an unreadable file: building reports it properly
            _debug(f"no key ({type(exc).__name__}: {exc})")
        if key is not None:
            index = load_index(key, directory=directory)
            if index is not None:
                g = index.gazetteer
                if g.problems:
                    warnings.warn(f"skipped {len(g.problems)} bad gazetteer record(s); first: {g.problems[0]}",
                                  GazetteerWarning, stacklevel=2)
                resolver = Resolver._from_index(g, index, **options)
                resolver._cache_key = key
                return resolver
    resolver = Resolver(load_gazetteer(paths, default=default), **options)
    if key is not None:
        try:  # store only if no file changed while it was being read
            same = cache_key(paths, default=default, romanisations=romanisations) == key
        except Exception:
            same = False
        if same and store_index(key, resolver.index, directory=directory):
            resolver._cache_key = key
    return resolver


def reduce_resolver(resolver: Resolver) -> tuple[Any, ...]:
    """``Resolver.__reduce__``: ship the gazetteer and options; the index goes through the cache.

    The first time a resolver built in memory is pickled, its index is stored under a key
    computed from the gazetteer's content, so each worker loads it instead of rebuilding.
    """
    key = resolver._cache_key
    if key is None:
        key = ""
        if cache_enabled():
            try:
                content = _content_key(resolver.gazetteer, resolver.romanisations)
                if _present(content, cache_dir()) or store_index(content, resolver.index):
                    key = content
            except Exception as exc:
                _debug(f"no key for pickling ({type(exc).__name__}: {exc})")
        resolver._cache_key = key
    options = {"threshold": resolver.threshold, "max_candidates": resolver.max_candidates,
               "romanisations": resolver.romanisations}
    return (_restore_resolver, (type(resolver), resolver.gazetteer, options, key))


def _restore_resolver(cls: type[Resolver], gazetteer: Gazetteer, options: dict[str, Any], key: str) -> Resolver:
    if key and cache_enabled():
        index = load_index(key)
        if index is not None:
            resolver = cls._from_index(index.gazetteer, index, **options)
            resolver._cache_key = key
            return resolver
    return cls(gazetteer, **options)
