"""Shared helpers: load a catalogue from fixture files or from text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import os

import pytest

from opencounter.loading import load_catalogue

FIXTURES = Path(__file__).parent / "fixtures"
# The project's code (hooks, overrides, schemas, mkdocs.yml, docs). Never its services.yaml, standards.yaml or
# content/: those belong to the council that adopts the project. Tests use SAMPLE, a frozen copy of the sample.
ROOT = Path(__file__).parent.parent
SAMPLE = FIXTURES / "sample"
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


@pytest.fixture(scope="session")
def sample(tmp_path_factory):
    """The sample council (tests/fixtures/sample), built once per run for every test that reads the built site."""
    from sitebuild import shared_build
    result = shared_build(tmp_path_factory, "sample", SAMPLE / "services.yaml", SAMPLE / "standards.yaml")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def glanafon(tmp_path_factory):
    """A council in Welsh and English (tests/fixtures/bilingual, format 1.2), both sites built once per run."""
    from sitebuild import shared_build
    case = FIXTURES / "bilingual"
    result = shared_build(tmp_path_factory, "glanafon", case / "services.yaml", case / "standards.yaml",
                          content=case / "content")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def northbrook(tmp_path_factory):
    """A second council, written to format 1.1 (tests/fixtures/format-1-1), built once per run for every test that reads it."""
    from sitebuild import shared_build
    case = FIXTURES / "format-1-1"
    result = shared_build(tmp_path_factory, "northbrook", case / "services.yaml", case / "standards.yaml")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def ashcombe(tmp_path_factory):
    """A council written to format 1.3 (tests/fixtures/format-1-3): a strategy, its plan and measures over time."""
    from sitebuild import shared_build
    case = FIXTURES / "format-1-3"
    result = shared_build(tmp_path_factory, "ashcombe", case / "services.yaml", case / "standards.yaml")
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole test session (Debian's, never a downloaded one)."""
    from browser import CHROMIUM_ARGS, chromium_or_skip
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def pytest_sessionfinish(session, exitstatus):
    """In CI a skipped test is a failure: every test, browser ones included, must really run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") == "true" and skipped:
        reporter.write_line(f"CI=true: {len(skipped)} test(s) were skipped, which counts as a failure here.", red=True)
        session.exitstatus = 1
