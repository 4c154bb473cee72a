"""Fixtures for the moderation engine's tests (pure Python, no Flask)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import moderation
from moderation.loader import default_data_dir


@pytest.fixture(scope="session")
def engine() -> moderation.Engine:
    """The engine loaded from the repository's data directory."""
    return moderation.default_engine()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the data directory that a test may break."""
    target = tmp_path / "moderation-data"
    shutil.copytree(default_data_dir(), target)
    return target
