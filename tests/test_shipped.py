"""The tests never read the council's own files, and (in this project's CI only) what ships is what is tested.

A council replaces services.yaml and standards.yaml and edits content/: `make test` must pass whatever is
there, so tests read the sample frozen in tests/fixtures/sample. The tests marked `shipped` check that the
sample this project ships at its root is that frozen copy, so every test of the sample is a test of what
ships. They run only in this project's CI (`.ci/run`, `make test-shipped`), never in `make test`, because a
council's root is rightly different.
"""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE

TESTS = Path(__file__).parent
COUNCIL_FILES = ("services.yaml", "standards.yaml", "content")
# ROOT / "services.yaml", ROOT / "content" ..., or ROOT itself passed where a catalogue folder is expected.
READS_THE_ROOT_CATALOGUE = re.compile(r"""ROOT\s*/\s*["'](?:services\.yaml|standards\.yaml|content)["']"""
                                      r"""|\(\s*ROOT\s*\)|\[\s*ROOT\s*,""")


def root_catalogue_reads(source: str) -> list[str]:
    return [line.strip() for line in source.splitlines() if READS_THE_ROOT_CATALOGUE.search(line)]


def test_no_test_reads_the_councils_own_catalogue_or_pages():
    found = {path.name: root_catalogue_reads(path.read_text(encoding="utf-8"))
             for path in sorted(TESTS.glob("*.py")) if path.name != "test_shipped.py"}
    found = {name: lines for name, lines in found.items() if lines}
    assert not found, f"use SAMPLE (tests/fixtures/sample), not the root: {found}"


def test_the_guard_sees_each_way_of_reading_the_root():
    for line in ['load_catalogue(ROOT / "services.yaml", x)', "shutil.copytree(ROOT / 'content', d)",
                 "run_check(ROOT)", "CATALOGUES = [ROOT, FIXTURES]"]:
        assert root_catalogue_reads(line) == [line]
    assert root_catalogue_reads('ROOT / "hooks"') == [] and root_catalogue_reads('SAMPLE / "services.yaml"') == []


def _differences(left: Path, right: Path) -> list[str]:
    if left.is_file() or right.is_file():
        return [] if left.is_file() and right.is_file() and filecmp.cmp(left, right, shallow=False) else [left.name]
    compared = filecmp.dircmp(left, right)
    found = [*compared.left_only, *compared.right_only, *compared.funny_files]
    found += [name for name in compared.common_files if not filecmp.cmp(left / name, right / name, shallow=False)]
    for name in compared.common_dirs:
        found += [f"{name}/{inner}" for inner in _differences(left / name, right / name)]
    return found


@pytest.mark.shipped
@pytest.mark.parametrize("name", COUNCIL_FILES)
def test_the_shipped_sample_is_the_tested_sample(name):
    assert not _differences(ROOT / name, SAMPLE / name), (
        f"{name} at the root differs from tests/fixtures/sample/{name}: "
        f"{_differences(ROOT / name, SAMPLE / name)}. Copy the shipped one into the fixture (and fix what fails).")
