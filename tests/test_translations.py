"""`make translations`: a spreadsheet of every text, and the Welsh read back without touching the English."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from conftest import BUILD_DATE, FIXTURES, SAMPLE
from opencounter import translations
from opencounter.loading import load_catalogue
from opencounter.translations import MAX_BYTES, TranslationError, entries, export, import_welsh, main

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
    changed = import_welsh(council, council / "translations.csv").changed
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


def test_a_welsh_text_that_would_break_the_file_is_not_written_and_the_row_is_named(council):
    """Issue 19: the translator is told the spreadsheet row and column to fix, not a line of YAML."""
    export(council, council / "translations.csv")
    rows = _rows(council / "translations.csv")
    rows[0]["welsh"] = "Cyngor\u202eGlanafon"  # a direction-changing character: an error in the loader
    _write(council / "translations.csv", rows)
    before = (council / "services.yaml").read_text()
    with pytest.raises(TranslationError, match="were not written") as caught:
        import_welsh(council, council / "translations.csv")
    message = str(caught.value)
    assert "Row 2, column F (welsh):" in message and "council → name" in message
    assert "services.yaml:" not in message  # no line of a file the translator never wrote
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
        shutil.copy(FIXTURES / "contract" / name, tmp_path / name)  # a council all in English
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


# ---------------------------------------------------------------- hostile and careless spreadsheets (issue 23)

def _exported(council) -> list[dict]:
    export(council, council / "translations.csv")
    return _rows(council / "translations.csv")


def _row(rows: list[dict], key: str) -> dict:
    return next(r for r in rows if r["key"] == key)


def _english(council) -> object:
    return load_catalogue(council / "services.yaml", council / "standards.yaml", BUILD_DATE, language="en")


def test_two_rows_for_one_text_are_refused_naming_both_rows(council):
    """The attack in issue 23: a second row for the same text, with stale offsets, wrote a new
    English standard. Now neither row is taken, and the translator is told which rows."""
    rows = _exported(council)
    name = _row(rows, "services/council-tax/name")
    name["welsh"] = "Treth Gyngor newydd, a llawer mwy o eiriau i symud popeth ymlaen"
    second = dict(name, welsh='Treth"\n    standards:\n      - promise: We no longer take phone calls. Pay in cash only.')
    rows.insert(rows.index(name) + 1, second)
    _write(council / "translations.csv", rows)
    before = {n: (council / n).read_text() for n in ("services.yaml", "standards.yaml")}
    with pytest.raises(TranslationError) as caught:
        import_welsh(council, council / "translations.csv")
    number = rows.index(name) + 2  # the column names are row 1
    assert f"rows {number} and {number + 1} (services.yaml services/council-tax/name)" in str(caught.value)
    assert "nothing was changed" in str(caught.value)
    assert {n: (council / n).read_text() for n in before} == before


@pytest.mark.parametrize("injected", [
    '"Treth Gyngor"\n    status: temporarily-closed',  # a new key the loader accepts
    '"Something else"',  # reads back as other words
])
def test_a_text_that_would_not_read_back_as_the_welsh_alone_is_refused(council, monkeypatch, injected):
    """The net under the writer: whatever YAML a text turns into, the files are read back and
    compared with the old ones in which only that Welsh value changed."""
    rows = _exported(council)
    _row(rows, "services/council-tax/name")["welsh"] = "Treth Gyngor newydd"
    _write(council / "translations.csv", rows)
    monkeypatch.setattr(translations, "_quoted", lambda value: injected)
    before = (council / "services.yaml").read_text()
    with pytest.raises(TranslationError, match=r"Row \d+, column F \(welsh\): the Welsh for services → item 1 "
                                               r"\('council-tax'\) → name was not written") as caught:
        import_welsh(council, council / "translations.csv")
    assert "Nothing was changed" in str(caught.value)
    assert (council / "services.yaml").read_text() == before


TRICKY = {
    "services/council-tax/name": "Treth\u00a0Gyngor\\",  # a no-break space, a backslash
    "services/council-tax/summary": "  Talu: eich # Treth\nGyngor",  # a first line with spaces, a colon, a hash
    "services/council-tax/description": "- eitem\n\n  * dau\n'dyfynnod' a \"dyfynnod\" {a: b} [1, 2] &a *b",
    "services/housing-benefit/name": "yes",
    "services/housing-benefit/summary": "~",
    "categories/money/name": "Treth\nGyngor #1",
    "services/council-tax/keywords/1": "- [treth]",
    "offices/civic-centre/address/1": "Canolfan: Ddinesig",
}


def test_whatever_the_text_it_reads_back_exactly_as_written_and_the_english_is_untouched(council):
    english_before = _english(council)
    text = (council / "services.yaml").read_text()
    # Two forms the import rewrites: a value in one language, and an empty Welsh line.
    text = text.replace("    name:\n      en: Housing Benefit\n      cy: Budd-dal Tai\n", "    name: Housing Benefit\n")
    text = text.replace("      cy: Treth Gyngor a budd-daliadau\n", "      cy:\n")
    (council / "services.yaml").write_text(text)
    rows = _exported(council)
    for key, welsh in TRICKY.items():
        _row(rows, key)["welsh"] = welsh
    _write(council / "translations.csv", rows)
    import_welsh(council, council / "translations.csv")
    welsh_now = {e.key: e.welsh for e in entries(council)}
    for key, welsh in TRICKY.items():
        assert welsh_now[key] == welsh.strip(), key
    assert _english(council) == english_before


def test_a_spreadsheet_over_the_size_limit_is_refused_before_it_is_read(council):
    big = council / "translations.csv"
    with big.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # a sparse file: as large as it says, without writing it
    with pytest.raises(TranslationError, match="is 20.0 MB, over the limit of 20 MB, so nothing was changed"):
        import_welsh(council, big)


def test_rows_for_texts_not_in_the_files_are_named(council, capsys):
    rows = _exported(council)
    _row(rows, "services/council-tax/name")["welsh"] = "Treth Gyngor newydd"
    for number in range(8):
        rows.append({**rows[0], "key": f"services/gone-{number}/name", "welsh": "Hen"})
    _write(council / "translations.csv", rows)
    assert main(["import", str(council)]) == 0
    err = capsys.readouterr().err
    first = len(rows) - 8 + 2
    assert f"8 rows of {council / 'translations.csv'} are not in services.yaml or standards.yaml" in err
    assert f"row {first} (services.yaml services/gone-0/name)" in err and "and 3 more" in err
    assert "services/gone-5/name" not in err


def test_nothing_was_changed_is_said_only_when_true_and_a_wrong_spreadsheet_is_refused(council, capsys):
    rows = _exported(council)
    _write(council / "translations.csv", rows + [{**rows[0], "key": "services/gone/name", "welsh": "Hen"}])
    assert main(["import", str(council)]) == 0
    out = capsys.readouterr()
    assert "nothing was changed" in out.out and "1 row of" in out.err and "is not in services.yaml" in out.err
    _write(council / "translations.csv", [{**rows[0], "key": f"other/{n}", "welsh": "x"} for n in range(3)])
    assert main(["import", str(council)]) == 1
    assert "None of the 3 rows" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["=SUM(1,2) Treth", "+44 29 2018 0000", "-2 ddiwrnod", "@Cyngor", "'=dyfynnod"])
def test_a_cell_a_spreadsheet_would_run_is_neutralised_and_read_back_exactly(council, text):
    """OWASP's rule in translations.csv: an apostrophe before =, +, -, @, tab or carriage return,
    every cell quoted; the import takes the apostrophe off again."""
    text_file = (council / "services.yaml").read_text()
    (council / "services.yaml").write_text(text_file.replace("      en: Council Tax\n      cy: Treth Gyngor\n",
                                                             f"      en: {_yaml('E' + text)}\n      cy: {_yaml(text)}\n"))
    rows = _exported(council)
    row = _row(rows, "services/council-tax/name")
    raw = (council / "translations.csv").read_text(encoding="utf-8-sig")
    assert f'"{_csv(chr(39) + text)}"' in raw and all(line.startswith('"') for line in raw.splitlines())
    assert row["welsh"] == "'" + text  # as a spreadsheet shows it: text, never a formula
    assert import_welsh(council, council / "translations.csv").changed == {}  # read back as it was
    row["welsh"] = "'" + text + " newydd"
    _write(council / "translations.csv", rows)
    assert import_welsh(council, council / "translations.csv").changed == {"services.yaml": 1}
    assert {e.key: e.welsh for e in entries(council)}["services/council-tax/name"] == text + " newydd"


def test_a_problem_is_told_against_the_row_it_comes_from_among_several(council):
    rows = _exported(council)
    _row(rows, "offices/civic-centre/address/1")["welsh"] = "Canolfan Ddinesig"  # earlier in the file: fine
    _row(rows, "services/council-tax/name")["welsh"] = "Treth\x85Gyngor"  # an invisible character
    _row(rows, "services/bin-collections/name")["welsh"] = "Casgliadau"  # later in the file: fine
    _write(council / "translations.csv", rows)
    with pytest.raises(TranslationError) as caught:
        import_welsh(council, council / "translations.csv")
    number = rows.index(_row(rows, "services/council-tax/name")) + 2
    assert f"Row {number}, column F (welsh): This text has an invisible character" in str(caught.value)
    assert str(caught.value).count("Row ") == 1


def test_a_formula_character_typed_in_a_spreadsheet_is_imported_as_typed(council):
    """A translator who types '=x in Excel saves =x: it is imported as the text =x."""
    rows = _exported(council)
    _row(rows, "services/council-tax/name")["welsh"] = "=Treth"
    _write(council / "translations.csv", rows)
    import_welsh(council, council / "translations.csv")
    assert {e.key: e.welsh for e in entries(council)}["services/council-tax/name"] == "=Treth"


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _csv(text: str) -> str:
    return text.replace('"', '""')



def test_a_problem_the_files_had_before_is_the_officers_and_is_told_as_a_line_of_yaml(council):
    text = (council / "services.yaml").read_text()
    (council / "services.yaml").write_text(text.replace("    postcode: GF1 1AA\n", "    postcode: not a postcode\n", 1))
    rows = _exported(council)
    _row(rows, "services/council-tax/name")["welsh"] = "Treth Gyngor newydd"
    _write(council / "translations.csv", rows)
    with pytest.raises(TranslationError, match="have problems of their own, so nothing was changed") as caught:
        import_welsh(council, council / "translations.csv")
    assert "services.yaml:" in str(caught.value) and "Row " not in str(caught.value)


@pytest.mark.parametrize("bom, newline", [(True, "\n"), (False, "\r\n"), (True, "\r\n")])
def test_a_file_saved_on_windows_keeps_its_line_ends_and_mark_and_only_the_welsh_changes(council, bom, newline):
    path = council / "services.yaml"
    original = path.read_text().replace("\n", newline)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + original.encode("utf-8"))
    rows = _exported(council)
    _row(rows, "services/council-tax/name")["welsh"] = "Treth Gyngor\nnewydd"
    _row(rows, "services/bin-collections/name")["welsh"] = "Casgliadau"
    _write(council / "translations.csv", rows)
    import_welsh(council, council / "translations.csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") == bom
    text = data.decode("utf-8-sig")
    if newline == "\r\n":
        assert text.count("\n") == text.count("\r\n")
    expected = original.replace(f"      cy: Treth Gyngor{newline}",
                                f"      cy: |{newline}        Treth Gyngor{newline}        newydd{newline}")
    expected = expected.replace(f"      cy: Casgliadau biniau{newline}", f'      cy: "Casgliadau"{newline}')
    assert text == expected


def test_a_tab_in_the_files_is_the_officers_to_fix_and_nothing_is_written(council):
    path = council / "services.yaml"
    path.write_text(path.read_text().replace("    postcode: GF1 1AA\n", "    postcode:\tGF1 1AA\n", 1))
    before = path.read_text()
    rows = _exported(council)
    _row(rows, "services/council-tax/name")["welsh"] = "Treth Gyngor newydd"
    _write(council / "translations.csv", rows)
    with pytest.raises(TranslationError, match="problems of their own") as caught:
        import_welsh(council, council / "translations.csv")
    assert "tab" in str(caught.value) and path.read_text() == before
