"""Shared fixtures: the default gazetteer and the repository's seed folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from gazetteer import Gazetteer

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

settings.register_profile("default", max_examples=60, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def default_gazetteer() -> Gazetteer:
    return Gazetteer.default()
