"""Shared helpers: load a catalogue from fixture files or from text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from opencounter.loading import load_catalogue

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent
BUILD_DATE = date(2026, 11, 24)


@pytest.fixture
def write_catalogue(tmp_path):
    """Write services.yaml (and standards.yaml, the valid one unless given) and load them."""

    def write(services: str, standards: str | None = None, build_date: date = BUILD_DATE):
        services_path = tmp_path / "services.yaml"
        standards_path = tmp_path / "standards.yaml"
        services_path.write_text(services, encoding="utf-8")
        standards_path.write_text(standards if standards is not None else
                                  (FIXTURES / "valid" / "standards.yaml").read_text(), encoding="utf-8")
        return load_catalogue(services_path, standards_path, build_date)

    return write


def valid_services() -> str:
    return (FIXTURES / "valid" / "services.yaml").read_text()
