"""The benchmark's projects are made as they should be, so `make bench` measures what it says (bench/build.py)."""

from __future__ import annotations

import sys
from datetime import date

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import build as bench  # noqa: E402
from opencounter.loading import load_catalogue  # noqa: E402


def test_the_plain_project_has_the_same_pages_written_as_markdown(tmp_path):
    ours = bench.our_project(tmp_path / "ours", 5)
    plain = bench.plain_project(tmp_path / "plain", ours)
    docs = plain / "docs"
    assert len(list((docs / "services").glob("*/index.md"))) == 5
    office = next((docs / "offices").glob("*/index.md")).read_text()
    assert "| Monday |" in office and "am to " in office  # hours, as the presenter says them


def test_the_bilingual_project_is_the_same_catalogue_in_welsh_and_english(tmp_path):
    both = bench.bilingual_project(tmp_path / "both", 5)
    welsh = load_catalogue(both / "services.yaml", both / "standards.yaml", date(2026, 11, 24), language="cy")
    assert welsh.council.languages == ("en", "cy") and len(welsh.services) == 5
    assert all(s.name.startswith("Cymraeg: ") for s in welsh.services)
    english = [p for p in (both / "content").rglob("*.md") if not p.name.endswith(".cy.md")]
    assert all(p.with_suffix(".cy.md").is_file() for p in english)  # whatever pages the council's content/ has
