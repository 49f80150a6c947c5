"""`make translations`: a spreadsheet of every text, and the Welsh read back without touching the English."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from conftest import BUILD_DATE, FIXTURES, SAMPLE
from opencounter.loading import load_catalogue
from opencounter.translations import TranslationError, entries, export, import_welsh

CASE = FIXTURES / "bilingual"


@pytest.fixture
def council(tmp_path):
    for name in ("services.yaml", "standards.yaml"):
        shutil.copy(CASE / name, tmp_path / name)
    return tmp_path


def _rows(path: Path) -> list[dict]:
    return list(csv.DictReader(path.open(encoding="utf-8-sig")))


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_the_spreadsheet_has_every_text_with_its_place_english_and_welsh(council):
    count = export(council, council / "translations.csv")
    rows = _rows(council / "translations.csv")
    assert count == len(rows) and list(rows[0]) == ["file", "line", "field", "key", "english", "welsh"]
    by_key = {(r["file"], r["key"]): r for r in rows}
    name = by_key[("services.yaml", "services/council-tax/name")]
    assert (name["english"], name["welsh"]) == ("Council Tax", "Treth Gyngor")
    assert name["field"] == "services → item 1 ('council-tax') → name"
    lines = (council / "services.yaml").read_text().splitlines()
    assert lines[int(name["line"]) - 1].strip() == "en: Council Tax"
    assert ("standards.yaml", "promises/2") in by_key and ("services.yaml", "offices/civic-centre/address/3") in by_key
    assert "ŷ" in (council / "translations.csv").read_text(encoding="utf-8-sig")  # Welsh letters kept


def test_welsh_read_back_changes_only_welsh_lines(council):
    before = (council / "services.yaml").read_text()
    text = before.replace("      cy: Treth Gyngor\n", "", 1)  # missing: a line is added
    text = text.replace("    name:\n      en: Housing Benefit\n      cy: Budd-dal Tai\n", "    name: Housing Benefit\n")
    (council / "services.yaml").write_text(text)
    export(council, council / "translations.csv")
    rows = _rows(council / "translations.csv")
    for row in rows:
        if row["english"] == "Council Tax":
            row["welsh"] = "Treth Gyngor"
        if row["english"] == "Housing Benefit":
            row["welsh"] = "Budd-dal Tai"
        if row["english"] == "Christmas and New Year":
            row["english"], row["welsh"] = "Changed by mistake", "Gwyliau'r Nadolig"
    _write(council / "translations.csv", rows)
    changed = import_welsh(council, council / "translations.csv")
    assert changed == {"services.yaml": 3}
    after = (council / "services.yaml").read_text()
    assert "Changed by mistake" not in after and "en: Christmas and New Year" in after
    english = load_catalogue(council / "services.yaml", council / "standards.yaml", BUILD_DATE, language="en")
    welsh = load_catalogue(council / "services.yaml", council / "standards.yaml", BUILD_DATE, language="cy")
    assert [s.name for s in english.services][:2] == ["Council Tax", "Housing Benefit"]
    assert [s.name for s in welsh.services][:2] == ["Treth Gyngor", "Budd-dal Tai"]
    assert welsh.offices[0].closures[0].reason == "Gwyliau'r Nadolig"
    # Every English line is as it was.
    assert [l for l in after.splitlines() if l.strip().startswith("en:")] == \
           [l for l in text.replace("    name: Housing Benefit\n", "    name:\n      en: Housing Benefit\n").splitlines()
            if l.strip().startswith("en:")]


def test_a_welsh_text_that_would_break_the_file_is_not_written(council):
    export(council, council / "translations.csv")
    rows = _rows(council / "translations.csv")
    rows[0]["welsh"] = "Cyngor\u202eGlanafon"  # a direction-changing character: an error in the loader
    _write(council / "translations.csv", rows)
    before = (council / "services.yaml").read_text()
    with pytest.raises(TranslationError, match="were not written"):
        import_welsh(council, council / "translations.csv")
    assert (council / "services.yaml").read_text() == before


def test_a_spreadsheet_without_its_columns_says_which(council, tmp_path):
    (tmp_path / "other.csv").write_text("name,text\nx,y\n", encoding="utf-8")
    with pytest.raises(TranslationError, match="no column file, key, welsh"):
        import_welsh(council, tmp_path / "other.csv")


def test_every_field_shown_as_words_is_in_the_spreadsheet(council):
    found = {(e.file, e.key.rsplit("/", 1)[-1]) for e in entries(council)}
    for field_name in ("name", "summary", "description", "reason", "directions", "label", "text", "promise", "period",
                       "term", "meaning", "title", "introduction"):
        assert any(name == field_name for _, name in found), field_name


def test_an_english_council_going_welsh_fills_the_spreadsheet_and_loads_in_welsh(tmp_path):
    """The way a council starts: an English catalogue, 'languages: [en, cy]' added, every text
    translated in the spreadsheet. Web addresses may stay one for both languages."""
    for name in ("services.yaml", "standards.yaml"):
        shutil.copy(SAMPLE / name, tmp_path / name)  # the sample council, all in English
    services = (tmp_path / "services.yaml").read_text()
    (tmp_path / "services.yaml").write_text(services.replace("council:\n", "council:\n  languages: [en, cy]\n", 1))
    export(tmp_path, tmp_path / "translations.csv")
    rows = _rows(tmp_path / "translations.csv")
    assert rows and all(r["welsh"] == "" for r in rows)
    for row in rows:
        if not row["english"].startswith("https://"):
            row["welsh"] = "Cymraeg: " + row["english"]
    _write(tmp_path / "translations.csv", rows)
    import_welsh(tmp_path, tmp_path / "translations.csv")
    catalogue = load_catalogue(tmp_path / "services.yaml", tmp_path / "standards.yaml", BUILD_DATE, language="cy")
    assert catalogue.council.name.startswith("Cymraeg: ")
    urls = [a.url for s in catalogue.services for a in s.online]
    assert urls and all(u.startswith("https://") for u in urls)  # written once, the same in Welsh
