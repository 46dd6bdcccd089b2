"""Shared fixtures: the default gazetteer and the repository's seed folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from gazetteer import Gazetteer

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Deterministic runs everywhere (same examples on every machine and in CI); "thorough" for long local runs:
#   HYPOTHESIS_PROFILE=thorough python -m pytest
settings.register_profile("namematch", max_examples=60, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=2000, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "namematch"))

# Resolvers pickled to worker processes go through the on-disk index cache: keep the tests' entries
# out of the user's cache directory (tests that exercise the cache set their own).
if "NAMEMATCH_CACHE_DIR" not in os.environ:
    import atexit
    import shutil
    import tempfile

    os.environ["NAMEMATCH_CACHE_DIR"] = tempfile.mkdtemp(prefix="namematch-test-cache-")
    atexit.register(shutil.rmtree, os.environ["NAMEMATCH_CACHE_DIR"], True)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def default_gazetteer() -> Gazetteer:
    return Gazetteer.default()
