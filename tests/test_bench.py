"""The benchmark's projects are made as they should be, so `make bench` measures what it says (bench/build.py)."""

from __future__ import annotations

import sys
from datetime import date

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import build as bench  # noqa: E402
from generate import write  # noqa: E402
from opencounter import check  # noqa: E402
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


def test_the_generated_catalogue_has_a_format_1_3_plan_and_passes_make_check(tmp_path, capsys):
    folder = write(tmp_path / "big", 20, 6)
    catalogue = load_catalogue(folder / "services.yaml", folder / "standards.yaml", date(2026, 11, 24))
    actions = catalogue.plan.actions
    assert catalogue.strategy.themes and catalogue.strategy.heard
    assert len(actions) == 60
    assert {a.status for a in actions} == {"not-started", "on-track", "at-risk", "delayed", "done", "dropped"}
    assert any(a.services for a in actions) and any(a.offices for a in actions)
    assert len(catalogue.measures) == 20
    assert all(len(catalogue.results_for(m)) == 12 for m in catalogue.measures)
    assert {m.unit for m in catalogue.measures} == {"percent", "number", "minutes", "score"}
    assert check.main([str(folder)]) == 0, capsys.readouterr().out  # advice is fine, errors are not


def test_the_generated_catalogue_can_leave_the_plan_out(tmp_path):
    folder = write(tmp_path / "small", 5, 3, plan=False)
    catalogue = load_catalogue(folder / "services.yaml", folder / "standards.yaml", date(2026, 11, 24))
    assert catalogue.plan is None and catalogue.strategy is None and not catalogue.measures


def test_the_plain_project_has_the_plan_page_and_the_measures(tmp_path):
    ours = bench.our_project(tmp_path / "ours", 5)
    plain = bench.plain_project(tmp_path / "plain", ours)
    docs = plain / "docs"
    plan = (docs / "plan" / "index.md").read_text()
    assert plan.startswith("# Customer Services Strategy 2024 to 2027")
    assert plan.count("{ #action-") == 60 and "You told us" in plan
    standards = (docs / "standards" / "index.md").read_text()
    tables = [line for line in standards.splitlines() if line.startswith("| --- |")]
    assert len(tables) == 20 + 1  # every measure's table, and the standard with a result
    assert len(list((docs / "standards").glob("*.svg"))) == 20  # a chart for each measure (the standard has one result)
    assert "plan/index.md" in (plain / "mkdocs.yml").read_text()  # in the navigation
