"""Leaflets: the right information, print sizes, tagged PDF, a QR code that scans, and clean failures."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
import zxingcpp
from pdfminer.pdftypes import resolve1

from conftest import BUILD_DATE, FIXTURES, ROOT
from opencounter import leaflets as leaflets_module
from opencounter.leaflets import (EDITIONS, LARGE_PRINT, STANDARD, LeafletError, LeafletMaker, css_string,
                                  plan_leaflets, render_pdf)
from opencounter.loading import load_catalogue

TEMPLATES = ROOT / "overrides" / "opencounter"
FONTS = ROOT / "overrides" / "assets" / "fonts"


def make(catalogue, **options):
    return LeafletMaker(catalogue, TEMPLATES, FONTS, catalogue.council.website, **options)


@pytest.fixture(scope="module")
def contract_catalogue():
    return load_catalogue(FIXTURES / "contract" / "services.yaml", FIXTURES / "contract" / "standards.yaml", BUILD_DATE)


@pytest.fixture(scope="module")
def contract_leaflets(contract_catalogue):
    return {(l.plan.slug, l.edition.slug): l for l in make(contract_catalogue).make_all(plan_leaflets(contract_catalogue))}


@pytest.fixture(scope="module")
def sample_leaflets():
    catalogue = load_catalogue(ROOT / "services.yaml", ROOT / "standards.yaml", BUILD_DATE)
    return catalogue, make(catalogue).make_all(plan_leaflets(catalogue))


def text(leaflet) -> str:
    with pdfplumber.open(_as_file(leaflet)) as pdf:
        return " ".join((page.extract_text() or "").replace("\n", " ") for page in pdf.pages)


def _as_file(leaflet):
    import io
    return io.BytesIO(leaflet.pdf)


def test_every_leaflet_comes_in_both_editions(sample_leaflets):
    catalogue, made = sample_leaflets
    assert len(made) == (3 + len(catalogue.offices)) * 2
    assert {l.edition for l in made} == set(EDITIONS)
    names = {l.path for l in made}
    assert "leaflets/how-to-contact-us.pdf" in names and "leaflets/how-to-contact-us-large-print.pdf" in names


def test_office_leaflet_has_address_hours_closures_and_services(contract_leaflets):
    words = text(contract_leaflets[("visiting-riverton", "standard")])
    for expected in ["Visiting Riverside House", "Bridge Street", "RV1 2AB", "You can walk in", "01632 960000",
                     "Monday 9am to 5pm", "Bank holidays Closed",
                     "Thursday 24 December 2026 to Friday 1 January 2027: Christmas and New Year",
                     "Step-free access", "The number 30 bus stops outside.", "Council Tax",
                     "Scan to open this page", "riverside.example/offices/riverton",
                     "This leaflet was made on 24 November 2026"]:
        assert expected in words, expected


def test_closures_include_the_bank_holidays_in_the_next_three_months(contract_catalogue):
    spring = dataclasses.replace(contract_catalogue, build_date=date(2027, 3, 1))
    plan = next(p for p in plan_leaflets(spring) if p.slug == "visiting-riverton")
    words = text(make(spring).make_all([plan])[0])
    assert "Friday 26 March 2027: Good Friday (bank holiday): closed" in words
    assert "Monday 29 March 2027: Easter Monday (bank holiday): closed" in words
    assert "Christmas" not in words  # that closure has passed


def test_contact_leaflet_has_every_channel_and_office(contract_leaflets):
    words = text(contract_leaflets[("how-to-contact-us", "large-print")])
    for expected in ["01632 960000", "Monday to Friday: 9am to 5pm", "enquiries@riverside.example",
                     "riverside.example/en/report-it", "Riverside House Riverton RV1 2AB", "Riverside House",
                     "You can walk in"]:
        assert expected in words, expected


def test_standards_leaflet_has_standards_targets_asks_feedback_and_results(contract_leaflets):
    words = text(contract_leaflets[("customer-service-standards", "standard")])
    assert "within 45 seconds." in words and "Target: 45 seconds." not in words  # the target, said once
    for expected in ["Provide a professional, friendly service", "When you phone us",
                     "When you email us", "Be courteous and respectful towards us",
                     "riverside.example/en/complaints", "April to June 2026", "86%", "80%"]:
        assert expected in words, expected


def test_a_to_z_has_contents_and_ways_in_without_the_internet(sample_leaflets):
    catalogue, made = sample_leaflets
    words = text(next(l for l in made if l.plan.slug == "a-to-z-of-services" and l.edition is STANDARD))
    assert "Contents" in words
    for category in catalogue.categories:
        assert category.name in words
    for service in catalogue.services:
        assert service.name in words


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.slug for e in EDITIONS])
def test_print_sizes_meet_the_minimums(sample_leaflets, edition):
    _, made = sample_leaflets
    for leaflet in made:
        if leaflet.edition is not edition:
            continue
        with pdfplumber.open(_as_file(leaflet)) as pdf:
            sizes = [round(c["size"], 1) for page in pdf.pages for c in page.chars if c["text"].strip()]
            fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
        assert min(sizes) >= edition.smallest, leaflet.path
        assert max(set(sizes), key=sizes.count) == edition.body, leaflet.path  # most text is body text
        assert fonts <= {"Leaflet-Sans", "Leaflet-Sans-Bold"}, (leaflet.path, fonts)  # the shipped font, no fallback


def test_leaflets_are_tagged_pdf_with_language_title_headings_tables_and_alt_text(contract_leaflets):
    leaflet = contract_leaflets[("visiting-riverton", "standard")]
    with pdfplumber.open(_as_file(leaflet)) as pdf:
        catalog = pdf.doc.catalog
        assert resolve1(catalog["Lang"]) == b"en-GB"
        assert resolve1(catalog["MarkInfo"])["Marked"] is True
        assert pdf.metadata["Title"] == "Visiting Riverside House - Riverside Borough Council"
        kinds, alts = set(), []

        def walk(node):
            node = resolve1(node)
            if isinstance(node, list):
                for child in node:
                    walk(child)
            elif isinstance(node, dict):
                if "S" in node:
                    kinds.add(resolve1(node["S"]).name)
                if "Alt" in node:
                    alts.append(resolve1(node["Alt"]))
                if "K" in node:
                    walk(node["K"])

        walk(catalog["StructTreeRoot"])
    assert {"H1", "H2", "Table", "TH", "TD", "L", "LI", "Figure"} <= kinds
    assert alts == [b"QR code that opens riverside.example/offices/riverton"]


def test_the_qr_code_scans_from_a_150_dpi_print(contract_leaflets):
    for (slug, edition), leaflet in contract_leaflets.items():
        page = pypdfium2.PdfDocument(leaflet.pdf)[0]
        image = page.render(scale=150 / 72).to_pil()
        codes = [r for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
        assert [c.text for c in codes] == [
            f"https://www.riverside.example/{leaflet.plan.page_src.replace('index.md', '')}"], slug
        corners = codes[0].position
        width_mm = (corners.top_right.x - corners.top_left.x) / 150 * 25.4  # the symbol, without its quiet zone
        assert width_mm >= 30, (slug, edition, width_mm)


def test_the_same_catalogue_gives_byte_identical_pdfs(contract_catalogue, contract_leaflets):
    again = make(contract_catalogue).make_all(plan_leaflets(contract_catalogue))
    assert all(l.pdf == contract_leaflets[(l.plan.slug, l.edition.slug)].pdf for l in again)


def test_unchanged_leaflets_come_from_the_cache(contract_catalogue, tmp_path, monkeypatch):
    plans = plan_leaflets(contract_catalogue)[:1]
    first = make(contract_catalogue, cache_dir=tmp_path).make_all(plans)
    monkeypatch.setattr(leaflets_module, "render_pdf", lambda job: pytest.fail("rendered again"))
    second = make(contract_catalogue, cache_dir=tmp_path).make_all(plans)
    assert [l.pdf for l in first] == [l.pdf for l in second]
    assert [l.pages for l in first] == [l.pages for l in second]


def test_a_missing_font_is_a_clear_error(contract_catalogue, tmp_path):
    with pytest.raises(LeafletError, match="font is missing: AtkinsonHyperlegible-Regular.ttf"):
        LeafletMaker(contract_catalogue, TEMPLATES, tmp_path, contract_catalogue.council.website)


def test_welsh_letters_print_and_emoji_are_left_out(contract_catalogue):
    welsh = dataclasses.replace(contract_catalogue, council=dataclasses.replace(
        contract_catalogue.council, name="Cyngor Dŵr a Thŷ 🙂"))
    plan = next(p for p in plan_leaflets(welsh) if p.slug == "how-to-contact-us")
    leaflet = make(welsh).make_all([plan])[0]
    words = text(leaflet)
    assert "Cyngor Dŵr a Thŷ" in words and "🙂" not in words
    with pdfplumber.open(_as_file(leaflet)) as pdf:
        fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
    assert fonts <= {"Leaflet-Sans", "Leaflet-Sans-Bold", "Leaflet-Fallback", "Leaflet-Fallback-Bold", "NotoSans",
                     "NotoSans-Bold"}, fonts


def test_a_template_error_names_the_template(contract_catalogue, tmp_path):
    shutil.copytree(TEMPLATES, tmp_path / "t")
    (tmp_path / "t" / "leaflets" / "contact.html").write_text("{% extends 'leaflets/base.html' %}{% block content %}{{ nonsense.x }}{% endblock %}")
    maker = LeafletMaker(contract_catalogue, tmp_path / "t", FONTS, contract_catalogue.council.website)
    with pytest.raises(LeafletError, match="template contact.html failed for 'How to contact us'"):
        maker.make_all(plan_leaflets(contract_catalogue))


def test_a_weasyprint_error_line_fails_the_leaflet():
    with pytest.raises(LeafletError, match="has no required alt description"):
        render_pdf(("Test", '<html lang="en-GB"><title>t</title><body><img src="data:image/svg+xml,'
                            '%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%2210%22 height=%2210%22/%3E">'))


def test_text_in_running_headers_cannot_escape_its_css_string():
    assert str(css_string('A "B" </style> \\')) == '"A \\22 B\\22  \\3c /style\\3e  \\5c "'



@pytest.mark.parametrize("edition, body", [("standard", 14), ("large-print", 18)])
def test_body_text_is_printed_at_the_editions_size(contract_leaflets, edition, body):
    """Read from the PDF: most of the text on every page is the edition's body size, none below its smallest."""
    leaflet = contract_leaflets[("how-to-contact-us", edition)]
    with pdfplumber.open(_as_file(leaflet)) as pdf:
        sizes = [round(char["size"]) for page in pdf.pages for char in page.chars if char["text"].strip()]
    assert max(set(sizes), key=sizes.count) == body
    assert min(sizes) >= (12 if edition == "standard" else 16)
